-- Box office (issue 7, boxoffice.proto, docs/boxoffice.md): device keys certified by the
-- server, seat leases for offline selling, offline sales as orders, seat exchanges, and the
-- cash counted at the end of the day.

-- A box-office device's own Ed25519 key, certified by a server ticket key. The public key is
-- also a ticket_signing_keys row (no secret: the device keeps it), so tickets the device
-- signed reference it like any server key (tickets.key_id). A device that registers a new
-- key replaces its old one for new tickets (replaced_at); the old key keeps verifying the
-- tickets it signed before valid_until.
CREATE TABLE device_keys (
    key_id              text PRIMARY KEY REFERENCES ticket_signing_keys (key_id),
    device_id           text NOT NULL CHECK (device_id <> ''),
    device_name         text NOT NULL DEFAULT '',
    public_key          bytea NOT NULL CHECK (length(public_key) = 32),
    certified_by_key_id text NOT NULL REFERENCES ticket_signing_keys (key_id),
    certificate         bytea NOT NULL CHECK (length(certificate) = 64),
    issued_at           timestamptz NOT NULL,
    valid_until         timestamptz NOT NULL,
    registered_by       bigint REFERENCES users (id) ON DELETE SET NULL,
    replaced_at         timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX device_keys_one_current ON device_keys (device_id) WHERE replaced_at IS NULL;
CREATE INDEX device_keys_device_idx ON device_keys (device_id);

-- A block of seats a device took out of general sale to sell offline. Its seats are
-- seat_claims of kind 'leased' with lease_id set (the live-claim unique constraint guards
-- them as it guards holds); seat_lease_seats keeps every seat the lease ever had, priced at
-- lease time, and what became of it.
CREATE TABLE seat_leases (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id        uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    device_id       text NOT NULL CHECK (device_id <> ''),
    staff_user_id   bigint NOT NULL REFERENCES users (id),
    idempotency_key text NOT NULL,
    request_hash    bytea NOT NULL,
    currency        char(3) NOT NULL,
    status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,               -- the event's start + 6 hours
    closed_at       timestamptz,
    CONSTRAINT seat_leases_key_unique UNIQUE (device_id, idempotency_key)
);
CREATE INDEX seat_leases_expiry_idx ON seat_leases (expires_at) WHERE status = 'active';
CREATE INDEX seat_leases_device_idx ON seat_leases (device_id, created_at DESC);
CREATE INDEX seat_leases_event_idx ON seat_leases (event_id);

CREATE TABLE seat_lease_seats (
    lease_id            uuid NOT NULL REFERENCES seat_leases (id) ON DELETE CASCADE,
    seat_id             text NOT NULL,
    seat_index          integer NOT NULL CHECK (seat_index >= 0),
    label               text NOT NULL,
    price_category_id   text NOT NULL,
    price_category_name text NOT NULL,
    price_minor         bigint NOT NULL CHECK (price_minor >= 0),
    fee_minor           bigint NOT NULL CHECK (fee_minor >= 0),
    tax_minor           bigint NOT NULL CHECK (tax_minor >= 0),
    total_minor         bigint NOT NULL CHECK (total_minor >= 0),
    state               text NOT NULL DEFAULT 'available' CHECK (state IN ('available', 'sold', 'returned')),
    order_id            uuid,
    PRIMARY KEY (lease_id, seat_id)
);

ALTER TABLE seat_claims ADD COLUMN lease_id uuid REFERENCES seat_leases (id);
CREATE INDEX seat_claims_lease_idx ON seat_claims (lease_id) WHERE lease_id IS NOT NULL;

-- Offline sales: the lease they were sold from and the device's clock at the sale (the end
-- of day report counts a sale on the day it was made, not the day it was uploaded).
ALTER TABLE orders
    ADD COLUMN lease_id uuid REFERENCES seat_leases (id),
    ADD COLUMN sold_at timestamptz;
CREATE INDEX orders_box_office_idx ON orders (device_id, coalesce(sold_at, confirmed_at))
    WHERE sold_by_user_id IS NOT NULL;

-- Who refunded from which device (the end-of-day report counts a cash refund in the drawer
-- it was paid from); '' when the refund did not come from a box-office device.
ALTER TABLE order_refunds ADD COLUMN device_id text NOT NULL DEFAULT '';

-- Seat exchanges (ExchangeSeats): lines of a confirmed order moved to other seats, with the
-- price difference collected (exchange_charge) or paid back (exchange_refund) as payment
-- operations of the order.
CREATE TABLE order_exchanges (
    order_id         uuid NOT NULL REFERENCES orders (id),
    exchange_no      integer NOT NULL CHECK (exchange_no >= 1),
    requested_by     bigint NOT NULL REFERENCES users (id),
    device_id        text NOT NULL DEFAULT '',
    idempotency_key  text NOT NULL,
    request_hash     bytea NOT NULL,
    hold_id          uuid NOT NULL,
    line_nos         integer[] NOT NULL,
    old_seat_ids     text[] NOT NULL,
    new_seat_ids     text[] NOT NULL,
    new_lines        jsonb NOT NULL,                   -- the lines repriced for the new seats
    difference_minor bigint NOT NULL,                  -- > 0 collected, < 0 paid back
    method           text NOT NULL CHECK (method IN ('cash', 'card_terminal', 'card_online', 'none')),
    -- pending: the difference is being settled with the provider (a replay of the request
    -- resumes it); done: seats moved, tickets reissued; failed: nothing moved (failure_reason).
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    failure_reason   text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, exchange_no),
    CONSTRAINT order_exchanges_key_unique UNIQUE (requested_by, idempotency_key)
);
-- An exchange voids a line's ticket and issues the line's new seat a new ticket: one live
-- ticket per line (void ones stay for the record and for check-in's "void" answer).
ALTER TABLE tickets DROP CONSTRAINT tickets_order_id_line_no_key;
CREATE UNIQUE INDEX tickets_live_line_unique ON tickets (order_id, line_no) WHERE voided_at IS NULL;
ALTER TABLE payment_operations DROP CONSTRAINT payment_operations_kind_check,
    ADD CONSTRAINT payment_operations_kind_check
        CHECK (kind IN ('authorize', 'capture', 'void', 'refund', 'exchange_charge', 'exchange_refund'));

-- Cash counted in a device's drawer at the end of a local day, per staff member
-- (RecordCashCount; re-recording replaces it).
CREATE TABLE cash_counts (
    device_id     text NOT NULL,
    staff_user_id bigint NOT NULL REFERENCES users (id),
    day           date NOT NULL,
    time_zone     text NOT NULL,
    counted_minor bigint NOT NULL CHECK (counted_minor >= 0),
    currency      char(3) NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (device_id, staff_user_id, day)
);
