-- Tickets (docs/tickets.md): at most one current signing key (a live secret, not retired), so
-- instances that create the key on first use at the same moment agree on one: the loser's
-- INSERT ... ON CONFLICT DO NOTHING inserts nothing and it reads the winner's key.
CREATE UNIQUE INDEX ticket_signing_keys_one_current ON ticket_signing_keys ((true))
    WHERE retired_at IS NULL AND secret_key IS NOT NULL;
