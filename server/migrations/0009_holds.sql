-- Seat holds (booking, DESIGN.md §6): one seat_holds row per hold with its expiry; its seats
-- are seat_claims rows of kind 'held' pointing at it (hold_id), its general-admission places
-- are counted in seat_ga_counters. The hold sweeper deletes lapsed holds (docs/architecture.md).

-- How long a new hold lives, and how far ExtendHold may push it past the hold's creation.
ALTER TABLE events
    ADD COLUMN hold_seconds integer NOT NULL DEFAULT 900 CHECK (hold_seconds BETWEEN 60 AND 86400),
    ADD COLUMN hold_cap_seconds integer NOT NULL DEFAULT 2700 CHECK (hold_cap_seconds BETWEEN 60 AND 86400);

CREATE TABLE seat_holds (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id        uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    holder_user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key text NOT NULL,
    expires_at      timestamptz NOT NULL,
    max_expires_at  timestamptz NOT NULL,
    ga_area_id      text,
    ga_count        integer NOT NULL DEFAULT 0 CHECK (ga_count >= 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (expires_at <= max_expires_at),
    CHECK ((ga_area_id IS NULL) = (ga_count = 0)),
    -- A replayed HoldSeats finds its hold instead of making a second one.
    CONSTRAINT seat_holds_key_unique UNIQUE (holder_user_id, idempotency_key)
);
CREATE INDEX seat_holds_expiry_idx ON seat_holds (expires_at);
CREATE INDEX seat_holds_event_idx ON seat_holds (event_id);

ALTER TABLE seat_claims ADD COLUMN hold_id uuid REFERENCES seat_holds (id);
CREATE INDEX seat_claims_hold_idx ON seat_claims (hold_id) WHERE hold_id IS NOT NULL;
