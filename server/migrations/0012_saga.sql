-- The order saga's own bookkeeping on top of 0010_booking.sql (docs/architecture.md "Order
-- saga"): what the saga needs to resume an order after a crash, and refunds as saga work.

-- What CreateOrder was asked to pay with, so a resumed saga repeats the same call. The card
-- token is the provider's ("pm_..."); card numbers never reach Marquee.
ALTER TABLE orders
    ADD COLUMN payment_token       text NOT NULL DEFAULT '',
    ADD COLUMN terminal_id         text NOT NULL DEFAULT '',
    ADD COLUMN cash_tendered_minor bigint NOT NULL DEFAULT 0 CHECK (cash_tendered_minor >= 0),
    ADD COLUMN hold_expires_at     timestamptz,
    -- Refunds asked for and not finished yet (CancelOrder, CancelEvent): the saga runner
    -- works on an order while this is above zero, whatever its forward step.
    ADD COLUMN open_refunds        integer NOT NULL DEFAULT 0 CHECK (open_refunds >= 0);

-- One hold pays for at most one order at a time.
CREATE UNIQUE INDEX orders_pending_hold_unique ON orders (hold_id) WHERE status = 'pending';
CREATE INDEX orders_refunds_due_idx ON orders (next_attempt_at) WHERE open_refunds > 0;

-- The refund a line is (being) refunded by: refund n of an order has the saga step
-- "refund:<n>" and the provider key "<order id>:refund:<n>".
ALTER TABLE order_lines ADD COLUMN refund_no integer CHECK (refund_no >= 1);

-- One row per refund asked for: which request asked, why, and the replay answer's key.
CREATE TABLE order_refunds (
    order_id        uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    refund_no       integer NOT NULL CHECK (refund_no >= 1),
    reason          text NOT NULL DEFAULT '',
    requested_by    bigint REFERENCES users (id),
    idempotency_key text,                     -- CancelOrder's key (NULL: CancelEvent)
    request_hash    bytea,
    amount_minor    bigint NOT NULL CHECK (amount_minor >= 0),
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'refunded', 'declined')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    PRIMARY KEY (order_id, refund_no)
);
CREATE UNIQUE INDEX order_refunds_key_unique ON order_refunds (requested_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
