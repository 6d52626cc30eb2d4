-- Waitlist offers (the table is in 0010_booking.sql; docs/architecture.md "Waitlist"): what an
-- offer held, whether its seats are side by side, and the indexes the offer worker reads by.
ALTER TABLE waitlist_entries
    ADD COLUMN offered_seat_labels text[] NOT NULL DEFAULT '{}',
    -- true: no N adjacent seats were free, so the offer holds N seats of the category apart.
    ADD COLUMN seats_apart boolean NOT NULL DEFAULT false,
    ADD COLUMN offered_at timestamptz;

-- The worker settles offers (accepted, lapsed) every tick; the saga finds an offer by its hold.
CREATE INDEX waitlist_offered_idx ON waitlist_entries (offer_expires_at) WHERE status = 'offered';
CREATE INDEX waitlist_hold_idx ON waitlist_entries (hold_id) WHERE hold_id IS NOT NULL;
-- ListWaitlist: a user's entries, newest first.
CREATE INDEX waitlist_user_idx ON waitlist_entries (user_id, created_at DESC);
-- Settling an offer asks whether an order was made from its hold.
CREATE INDEX IF NOT EXISTS orders_hold_idx ON orders (hold_id) WHERE hold_id IS NOT NULL;
