-- Seat-status changes are numbered after commit (docs/architecture.md, "Seat-status stamping").
-- A writer inserts one seat_status_changes row per change with status_seq NULL and its
-- seat_status_log rows pointing at it; it no longer touches event_seat_state, so writers of
-- one event no longer queue on that row. A stamper (the leader's SeatStamper, or
-- SubscribeSeats for its own snapshot) locks the event's event_seat_state row, numbers the
-- committed unstamped changes of the event gap-free in id order and raises status_seq.

CREATE TABLE seat_status_changes (
    id         bigserial PRIMARY KEY,
    event_id   uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    -- How far the change moves status_seq: 1, or 2 for a layout move (a gap: resubscribe).
    width      smallint NOT NULL DEFAULT 1 CHECK (width BETWEEN 1 AND 2),
    status_seq bigint CHECK (status_seq >= 1),
    created_at timestamptz NOT NULL DEFAULT now()
);
-- Feed reads ("changes after N") and a guard against two stampers handing out one seq.
CREATE UNIQUE INDEX seat_status_changes_seq_idx ON seat_status_changes (event_id, status_seq)
    WHERE status_seq IS NOT NULL;
-- What the stamper looks for: small, since rows leave it within milliseconds.
CREATE INDEX seat_status_changes_pending_idx ON seat_status_changes (event_id, id) WHERE status_seq IS NULL;
CREATE INDEX seat_status_changes_created_idx ON seat_status_changes (created_at);

-- The log's rows move under their change; the old per-row event_seq becomes the change's seq.
ALTER TABLE seat_status_log ADD COLUMN change_id bigint;
INSERT INTO seat_status_changes (event_id, status_seq, created_at)
    SELECT event_id, event_seq, min(created_at) FROM seat_status_log GROUP BY event_id, event_seq;
UPDATE seat_status_log l SET change_id = c.id
    FROM seat_status_changes c WHERE c.event_id = l.event_id AND c.status_seq = l.event_seq;
-- A change with no log rows of its own (a layout move) left only its seq behind: the feed
-- turns a missing seq into a gap, as before.
ALTER TABLE seat_status_log
    ALTER COLUMN change_id SET NOT NULL,
    ADD CONSTRAINT seat_status_log_change_fk FOREIGN KEY (change_id)
        REFERENCES seat_status_changes (id) ON DELETE CASCADE,
    DROP COLUMN event_seq,
    DROP COLUMN event_id,
    DROP COLUMN created_at;
CREATE INDEX seat_status_log_change_idx ON seat_status_log (change_id);
