-- Device revocation (boxoffice.proto RevokeDevice, docs/boxoffice.md "Device revocation"): a
-- lost or stolen box-office device is revoked for good. Its keys are marked revoked (and
-- published again as TicketKey with revoked_at_ms), its leases returned, and every later
-- request from it refused. Tickets its keys signed stay valid only when their sale was
-- confirmed before the revocation: those are copied into revoked_key_tickets, the catalog the
-- door devices receive through WatchCheckIns.
CREATE TABLE device_revocations (
    device_id  text PRIMARY KEY CHECK (device_id <> ''),
    revoked_at timestamptz NOT NULL DEFAULT now(),
    revoked_by bigint REFERENCES users (id) ON DELETE SET NULL,
    reason     text NOT NULL CHECK (reason <> '' AND octet_length(reason) <= 500)
);

ALTER TABLE device_keys ADD COLUMN revoked_at timestamptz;

-- The confirmed tickets of a revoked key, per event, written once by the revocation (a revoked
-- device uploads nothing after it). cursor: drawn from check_in_cursor_seq under the event's
-- check-in lock like every WatchCheckIns row (0025_check_ins.sql), so doors that watch the
-- event receive them in order.
CREATE TABLE revoked_key_tickets (
    ticket_id   uuid PRIMARY KEY,
    event_id    uuid NOT NULL,
    key_id      text NOT NULL,
    code_sha256 bytea NOT NULL CHECK (length(code_sha256) = 32),
    cursor      bigint NOT NULL
);
CREATE INDEX revoked_key_tickets_event_idx ON revoked_key_tickets (event_id, cursor);

-- "Last seen" in the device list reads the latest check-in of each device.
CREATE INDEX check_ins_device_recorded_idx ON check_ins (device_id, recorded_at);
