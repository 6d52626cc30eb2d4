-- An idempotency key remembers which request it answered (SHA-256 of the canonical
-- mutation), so a key reused for a different request is refused instead of replayed.
-- NULL for keys stored before this migration: those replay as before.
ALTER TABLE idempotency_keys ADD COLUMN request_hash bytea;
