-- Orders as persisted sagas, payments, signed tickets, the mail outbox, the waitlist and
-- payment webhooks (DESIGN.md §6, order.proto, docs/architecture.md "Booking").
-- Money is bigint minor units of the order's currency. Every step of an order's saga and
-- every provider call has its own idempotency key, stored before the call is made.

-- Booking rules per event, set by its organizer (SetBookingRules).
ALTER TABLE events
    ADD COLUMN attendee_cancellation boolean NOT NULL DEFAULT true,
    ADD COLUMN cancel_deadline_hours integer NOT NULL DEFAULT 24 CHECK (cancel_deadline_hours BETWEEN 0 AND 8760),
    ADD COLUMN waitlist_offer_seconds integer NOT NULL DEFAULT 3600
        CHECK (waitlist_offer_seconds BETWEEN 300 AND 604800);

-- Booking fee and tax per price category; '*' applies to categories without their own row.
CREATE TABLE event_charges (
    event_id          uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    price_category_id text NOT NULL,
    fee_minor         bigint NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
    tax_basis_points  integer NOT NULL DEFAULT 0 CHECK (tax_basis_points BETWEEN 0 AND 10000),
    tax_included      boolean NOT NULL DEFAULT true,
    PRIMARY KEY (event_id, price_category_id)
);

CREATE TABLE orders (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code              text NOT NULL UNIQUE,            -- "MQ-7K3F9X"
    event_id          uuid NOT NULL REFERENCES events (id),
    user_id           bigint NOT NULL REFERENCES users (id),
    sold_by_user_id   bigint REFERENCES users (id),    -- box-office sale: the staff member
    device_id         text NOT NULL DEFAULT '',
    idempotency_key   text NOT NULL,
    request_hash      bytea NOT NULL,                  -- a reused key with another request is refused
    hold_id           uuid,                            -- no FK: the hold row goes when the seats are sold
    status            text NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'confirmed', 'failed', 'cancelled')),
    saga_step         text NOT NULL DEFAULT 'held'
                      CHECK (saga_step IN ('held', 'payment_authorized', 'confirmed', 'tickets_issued',
                                           'mailed', 'compensating', 'compensated')),
    failure_reason    text NOT NULL DEFAULT '',
    currency          char(3) NOT NULL,
    subtotal_minor    bigint NOT NULL CHECK (subtotal_minor >= 0),
    fees_minor        bigint NOT NULL CHECK (fees_minor >= 0),
    tax_minor         bigint NOT NULL CHECK (tax_minor >= 0),
    total_minor       bigint NOT NULL CHECK (total_minor >= 0),
    payment_method    text NOT NULL CHECK (payment_method IN ('cash', 'card_terminal', 'card_online')),
    buyer_name        text NOT NULL DEFAULT '',
    buyer_email       text NOT NULL,
    -- The saga runner's bookkeeping: when to (re)try the next step, how often it failed.
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    attempts          integer NOT NULL DEFAULT 0,
    last_error        text NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    confirmed_at      timestamptz,
    cancelled_at      timestamptz,
    CONSTRAINT orders_key_unique UNIQUE (user_id, idempotency_key)
);
CREATE INDEX orders_unfinished_idx ON orders (next_attempt_at)
    WHERE saga_step NOT IN ('mailed', 'compensated');
CREATE INDEX orders_user_idx ON orders (user_id, created_at DESC);
CREATE INDEX orders_event_idx ON orders (event_id);
CREATE INDEX orders_buyer_email_idx ON orders (lower(buyer_email));

CREATE TABLE order_lines (
    order_id            uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no             integer NOT NULL CHECK (line_no >= 1),
    seat_id             text,                          -- NULL: a general-admission place
    ga_area_id          text,
    label               text NOT NULL,
    price_category_id   text NOT NULL,
    price_category_name text NOT NULL,
    price_minor         bigint NOT NULL CHECK (price_minor >= 0),
    fee_minor           bigint NOT NULL CHECK (fee_minor >= 0),
    tax_minor           bigint NOT NULL CHECK (tax_minor >= 0),
    total_minor         bigint NOT NULL CHECK (total_minor >= 0),
    refunded            boolean NOT NULL DEFAULT false,
    PRIMARY KEY (order_id, line_no),
    CHECK ((seat_id IS NULL) <> (ga_area_id IS NULL))
);

-- One row per saga step or compensation that was started: its key is the step's
-- idempotency key ("<order id>:<step>"); completed_at is set in the transaction that records
-- the step's effect, so a resumed saga knows which steps are done.
CREATE TABLE saga_steps (
    order_id        uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    step            text NOT NULL,                     -- authorize, confirm, capture, issue_tickets, mail,
                                                       -- release_seats, void_payment, refund, ...
    idempotency_key text NOT NULL UNIQUE,
    started_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    outcome         text NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, step)
);

-- Every call to a payment provider, recorded (status 'started') before it is made, with the
-- Idempotency-Key it is made with; a resumed saga repeats a started call with the same key.
CREATE TABLE payment_operations (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id           uuid NOT NULL REFERENCES orders (id),
    kind               text NOT NULL CHECK (kind IN ('authorize', 'capture', 'void', 'refund')),
    provider           text NOT NULL,                  -- cash, card_terminal, stripe
    idempotency_key    text NOT NULL UNIQUE,
    amount_minor       bigint NOT NULL CHECK (amount_minor >= 0),
    currency           char(3) NOT NULL,
    status             text NOT NULL DEFAULT 'started'
                       CHECK (status IN ('started', 'succeeded', 'declined', 'failed')),
    provider_reference text NOT NULL DEFAULT '',       -- pi_..., re_..., terminal transaction id
    decline_code       text NOT NULL DEFAULT '',
    decline_message    text NOT NULL DEFAULT '',
    card_brand         text NOT NULL DEFAULT '',
    card_last4         text NOT NULL DEFAULT '',
    tendered_minor     bigint NOT NULL DEFAULT 0,
    change_due_minor   bigint NOT NULL DEFAULT 0,
    terminal_id        text NOT NULL DEFAULT '',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_operations_order_idx ON payment_operations (order_id);
CREATE INDEX payment_operations_reference_idx ON payment_operations (provider_reference)
    WHERE provider_reference <> '';

-- Stripe-style webhooks: deduplicated on the provider's event id.
CREATE TABLE payment_webhook_events (
    event_id     text PRIMARY KEY,                     -- "evt_..."
    type         text NOT NULL,
    created_at   timestamptz NOT NULL,                 -- the event's own creation time
    received_at  timestamptz NOT NULL DEFAULT now(),
    payload      jsonb NOT NULL,
    processed_at timestamptz
);

-- Ed25519 keys that sign ticket codes. The public keys go to clients through the change log
-- (aggregate ticket_key) so kiosks verify tickets offline; retired keys keep verifying.
CREATE TABLE ticket_signing_keys (
    key_id      text PRIMARY KEY,
    public_key  bytea NOT NULL CHECK (length(public_key) = 32),
    secret_key  bytea CHECK (secret_key IS NULL OR length(secret_key) = 64),
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);

CREATE TABLE tickets (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id    uuid NOT NULL REFERENCES orders (id),
    line_no     integer NOT NULL,
    event_id    uuid NOT NULL REFERENCES events (id),
    seat_id     text,
    label       text NOT NULL,
    holder_name text NOT NULL DEFAULT '',
    code        text NOT NULL UNIQUE,                  -- signed ticket code (QR content)
    key_id      text NOT NULL REFERENCES ticket_signing_keys (key_id),
    issued_at   timestamptz NOT NULL DEFAULT now(),
    voided_at   timestamptz,
    UNIQUE (order_id, line_no),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);
CREATE INDEX tickets_event_idx ON tickets (event_id);

-- Outgoing mail: composed in the transaction that decides to send it (so no accepted order
-- loses its mail), sent later by the mail worker. message_id is stable across retries, so a
-- message sent twice after a crash carries the same Message-ID.
CREATE TABLE mail_outbox (
    id              bigserial PRIMARY KEY,
    dedup_key       text NOT NULL UNIQUE,              -- "order-confirmation:<order id>", ...
    message_id      text NOT NULL UNIQUE,              -- "<uuid@marquee.host>"
    kind            text NOT NULL,
    recipient       text NOT NULL,
    subject         text NOT NULL,
    mime            bytea NOT NULL,                    -- the whole RFC 5322 message
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_until   timestamptz,                       -- 'sending': another worker may retry after this
    last_error      text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');

CREATE TABLE waitlist_entries (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id          uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id           bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    price_category_id text NOT NULL DEFAULT '',        -- '': any category
    seats             integer NOT NULL CHECK (seats BETWEEN 1 AND 10),
    status            text NOT NULL DEFAULT 'waiting'
                      CHECK (status IN ('waiting', 'offered', 'accepted', 'expired', 'left')),
    hold_id           uuid,
    offer_expires_at  timestamptz,
    idempotency_key   text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT waitlist_key_unique UNIQUE (user_id, idempotency_key)
);
-- One open entry per user, event and category.
CREATE UNIQUE INDEX waitlist_open_unique ON waitlist_entries (event_id, user_id, price_category_id)
    WHERE status IN ('waiting', 'offered');
CREATE INDEX waitlist_queue_idx ON waitlist_entries (event_id, created_at) WHERE status = 'waiting';
