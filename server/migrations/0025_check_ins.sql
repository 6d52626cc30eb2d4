-- Check-in at the doors (issue 7, boxoffice.proto CheckIn*, docs/boxoffice.md "Check-in").
--
-- check_ins: every admission a door made (online, or offline and uploaded later). Exactly one
-- admission per ticket "counts" (the earliest checked_in_at; docs/boxoffice.md): a unique
-- partial index makes a second counted row impossible whatever the code does. The others are
-- kept, flagged for staff (duplicate_flagged).
--
-- cursor: the WatchCheckIns position. Every writer of an event's feed rows (check-ins, their
-- flags, voided tickets) first takes pg_advisory_xact_lock(19779 /* 0x4D43 "MC" */,
-- hashtext(event_id::text)) and only then draws the cursor, so within one event cursors
-- commit in ascending order: a reader of "cursor > N" never sees a later row before an
-- earlier one commits (server/src/db/lock_keys.hpp kCheckInEventClass).
CREATE SEQUENCE check_in_cursor_seq;

CREATE TABLE check_ins (
    id                bigserial PRIMARY KEY,
    cursor            bigint NOT NULL,
    ticket_id         uuid NOT NULL,                   -- no FK: a ticket sold offline may not be uploaded yet
    event_id          uuid NOT NULL REFERENCES events (id),
    device_id         text NOT NULL,
    gate              text NOT NULL,
    staff_user_id     bigint NOT NULL REFERENCES users (id),
    checked_in_at     timestamptz NOT NULL,            -- device clock for offline check-ins
    offline           boolean NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    counted           boolean NOT NULL,
    duplicate_flagged boolean NOT NULL DEFAULT false,
    idempotency_key   uuid NOT NULL,
    UNIQUE (device_id, idempotency_key)
);
CREATE UNIQUE INDEX check_ins_one_counted ON check_ins (ticket_id) WHERE counted;
CREATE INDEX check_ins_ticket_idx ON check_ins (ticket_id);
CREATE INDEX check_ins_event_cursor_idx ON check_ins (event_id, cursor);

-- The answer to every check-in request that got past verification (CheckIn and each
-- UploadCheckIns item), per device and idempotency key: a replay returns it unchanged.
CREATE TABLE check_in_answers (
    device_id       text NOT NULL,
    idempotency_key uuid NOT NULL,
    request_hash    bytea NOT NULL,
    answer          bytea NOT NULL,                    -- marquee.v1.CheckInResult
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (device_id, idempotency_key)
);

-- Tickets voided after door devices started watching: pushed to them (CheckInBatch
-- voided_ticket_ids) so a door that goes offline still refuses them. Filled by a trigger, so
-- every path that voids a ticket (refunds, cancellations, exchanges) is covered.
CREATE TABLE ticket_void_feed (
    cursor    bigint PRIMARY KEY,
    event_id  uuid NOT NULL,
    ticket_id uuid NOT NULL
);
CREATE INDEX ticket_void_feed_event_idx ON ticket_void_feed (event_id, cursor);

CREATE FUNCTION tickets_void_feed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(19779, hashtext(NEW.event_id::text));
    INSERT INTO ticket_void_feed (cursor, event_id, ticket_id)
        VALUES (nextval('check_in_cursor_seq'), NEW.event_id, NEW.id);
    PERFORM pg_notify('marquee_checkins', NEW.event_id::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER tickets_voided AFTER UPDATE OF voided_at ON tickets
    FOR EACH ROW WHEN (OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL) EXECUTE FUNCTION tickets_void_feed();
CREATE TRIGGER tickets_inserted_void AFTER INSERT ON tickets
    FOR EACH ROW WHEN (NEW.voided_at IS NOT NULL) EXECUTE FUNCTION tickets_void_feed();
