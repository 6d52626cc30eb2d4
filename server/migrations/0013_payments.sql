-- Payment webhooks on top of 0010_booking.sql (docs/payments.md "Webhooks"): what became of
-- each delivered event, and the furthest state each provider payment has reached, so an
-- older event delivered after a newer one changes nothing.

ALTER TABLE payment_webhook_events
    ADD COLUMN provider_reference text NOT NULL DEFAULT '',  -- the payment ("pi_...") it is about
    -- applied: passed to the saga; superseded: older than what was already applied;
    -- unknown_payment: no order has this payment; ignored: a type Marquee does not act on
    ADD COLUMN outcome text NOT NULL DEFAULT ''
        CHECK (outcome IN ('', 'applied', 'superseded', 'unknown_payment', 'ignored'));
CREATE INDEX payment_webhook_events_reference_idx ON payment_webhook_events (provider_reference)
    WHERE provider_reference <> '';

CREATE TABLE payment_provider_states (
    provider_reference text PRIMARY KEY,
    status             text NOT NULL,            -- the provider's status after the latest applied event
    -- How far the payment has gone: 1 failed (needs a new method), 2 authorized,
    -- 3 captured or canceled (final). Events only ever move this forward.
    status_rank        integer NOT NULL CHECK (status_rank BETWEEN 0 AND 3),
    amount_refunded    bigint NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0), -- only grows
    last_event_id      text NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
