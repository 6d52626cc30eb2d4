-- Wishlist alerts and the weekly digest by mail (issue 8; docs/recommendations.md, "Wishlist
-- alerts and the weekly digest"). The alert worker compares each wishlisted upcoming event with
-- what it last saw of it; a difference is a change, recorded once in wishlist_alerts in the
-- transaction that moves the seen state forward, then mailed to the event's wishlisters.

-- What the alert worker last saw of an event (the baseline the next change is measured
-- against). Written in the transaction that records a change, so a change is found
-- once: a second worker waits on the row lock and then sees the new state.
CREATE TABLE wishlist_alert_state (
    event_id    uuid PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    status      text NOT NULL,
    starts_at   timestamptz NOT NULL,
    venue_id    uuid,                               -- no FK: the old venue is only shown in mails
    venue_name  text NOT NULL DEFAULT '',
    price_minor bigint CHECK (price_minor >= 0),    -- lowest price of a ticket; NULL: not known
    currency    text NOT NULL DEFAULT '',
    selling_out boolean NOT NULL DEFAULT false,     -- inside the "about to sell out" zone (alerted or baseline)
    seen_at     timestamptz NOT NULL DEFAULT now()
);

-- One row per change found; its id makes the mails' dedup keys ("wishlist-alert:<id>:<user>"),
-- so a change is mailed at most once per user however often a worker retries, and a later
-- change of the same kind (a new row) mails again. The mails go out in batches of wishlisters
-- in user-id order after the change committed; mailed_through is the last user id handled
-- (moved forward with each batch's mails), completed_at ends the fan-out.
CREATE TABLE wishlist_alerts (
    id             bigserial PRIMARY KEY,
    event_id       uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('selling_out', 'price_drop', 'schedule_change', 'cancelled')),
    details        jsonb NOT NULL,                  -- the old and new values the mail shows
    mailed_through bigint NOT NULL DEFAULT 0,
    recipients     integer NOT NULL DEFAULT 0 CHECK (recipients >= 0),
    detected_at    timestamptz NOT NULL DEFAULT now(),
    completed_at   timestamptz
);
CREATE INDEX wishlist_alerts_event_idx ON wishlist_alerts (event_id, id);
CREATE INDEX wishlist_alerts_pending_idx ON wishlist_alerts (id) WHERE completed_at IS NULL;

-- One row per user and ISO week the digest was decided for (mailed, or nothing to recommend),
-- written with the mail; the worker picks opted-in users without a row for this week.
CREATE TABLE weekly_digests (
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    iso_week   text NOT NULL CHECK (iso_week ~ '^[0-9]{4}-W[0-9]{2}$'),
    event_ids  uuid[] NOT NULL,                     -- what it recommended, in order
    mail_id    bigint,                              -- mail_outbox.id; NULL: nothing to recommend, no mail
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, iso_week)
);
CREATE INDEX recommendation_settings_digest_idx ON recommendation_settings (user_id) WHERE weekly_digest;
