-- Recommendations (issue 8, docs/recommendations.md): the signals users leave, their
-- settings (tracking, interests, area, alerts), the trained collaborative model, and what the
-- wishlist alerts last saw of each event so each change is mailed once.

CREATE TABLE user_signals (
    id              bigserial PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id        uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    signal          text NOT NULL CHECK (signal IN ('view', 'search_click', 'wishlist_add', 'wishlist_remove',
                                                     'booking', 'check_in')),
    at              timestamptz NOT NULL,
    search_query    text NOT NULL DEFAULT '',
    idempotency_key text,                              -- client outbox key; NULL for server-recorded signals
    received_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_signals_key_unique UNIQUE (user_id, idempotency_key)
);
CREATE INDEX user_signals_user_idx ON user_signals (user_id, at);
CREATE INDEX user_signals_at_idx ON user_signals (at);

CREATE TABLE recommendation_settings (
    user_id               bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    tracking              boolean NOT NULL DEFAULT true,
    interest_categories   text[] NOT NULL DEFAULT '{}',
    interest_words        text[] NOT NULL DEFAULT '{}',
    city                  text NOT NULL DEFAULT '',
    latitude              double precision,
    longitude             double precision,
    radius_km             double precision NOT NULL DEFAULT 0 CHECK (radius_km >= 0 AND radius_km <= 20000),
    alert_selling_out     boolean NOT NULL DEFAULT true,
    alert_price_drop      boolean NOT NULL DEFAULT true,
    alert_schedule_change boolean NOT NULL DEFAULT true,
    alert_cancelled       boolean NOT NULL DEFAULT true,
    weekly_digest         boolean NOT NULL DEFAULT false,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);

-- The collaborative model: factor rows in the order of user_ids / event_ids, with the blend
-- weights tuned on a validation split and the metrics of that tuning.
CREATE TABLE recommendation_models (
    id         bigserial PRIMARY KEY,
    trained_at timestamptz NOT NULL DEFAULT now(),
    user_ids   bigint[] NOT NULL,
    event_ids  uuid[] NOT NULL,
    weights    jsonb NOT NULL,
    metrics    jsonb NOT NULL,
    blob       bytea NOT NULL
);
