-- Initial schema: accounts and sessions, login throttling, the public catalog, wishlists,
-- idempotency keys and the change log (Debezium outbox layout) that clients sync from.

CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    email         text NOT NULL UNIQUE CHECK (email = lower(email) AND email <> ''),
    display_name  text NOT NULL DEFAULT '',
    password_hash text NOT NULL,                     -- libsodium crypto_pwhash_str (Argon2id)
    role          text NOT NULL CHECK (role IN ('attendee', 'staff', 'organizer', 'admin')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Only a hash of the bearer token is stored; a leaked table does not leak sessions.
CREATE TABLE sessions (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed-login counters, keyed 'acct:<email>' or 'addr:<ip>'.
CREATE TABLE login_throttle (
    key             text PRIMARY KEY,
    failures        integer NOT NULL DEFAULT 0,
    last_failure_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE categories (
    id         text PRIMARY KEY,                     -- slug, e.g. 'music.jazz'
    name       text NOT NULL,
    parent_id  text REFERENCES categories (id) DEFERRABLE INITIALLY DEFERRED,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE venues (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL,
    address    text NOT NULL DEFAULT '',
    city       text NOT NULL DEFAULT '',
    country    text NOT NULL DEFAULT '',
    latitude   double precision NOT NULL DEFAULT 0,
    longitude  double precision NOT NULL DEFAULT 0,
    time_zone  text NOT NULL,
    capacity   integer NOT NULL DEFAULT 0 CHECK (capacity >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title           text NOT NULL,
    description     text NOT NULL DEFAULT '',
    category_id     text NOT NULL REFERENCES categories (id),
    tags            text[] NOT NULL DEFAULT '{}',
    performers      text[] NOT NULL DEFAULT '{}',
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz,
    time_zone       text NOT NULL,
    venue_id        uuid REFERENCES venues (id),
    price_min_minor bigint NOT NULL DEFAULT 0 CHECK (price_min_minor >= 0),
    price_max_minor bigint NOT NULL DEFAULT 0 CHECK (price_max_minor >= price_min_minor),
    currency        char(3) NOT NULL,
    status          text NOT NULL DEFAULT 'scheduled'
                    CHECK (status IN ('scheduled', 'cancelled', 'postponed', 'sold_out')),
    image_url       text NOT NULL DEFAULT '',
    organizer_id    bigint REFERENCES users (id) ON DELETE SET NULL,
    source          text NOT NULL DEFAULT 'marquee',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_starts_at_idx ON events (starts_at);
CREATE INDEX events_organizer_idx ON events (organizer_id) WHERE organizer_id IS NOT NULL;
CREATE INDEX events_venue_idx ON events (venue_id);

CREATE TABLE wishlist (
    user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, event_id)
);
CREATE INDEX wishlist_event_idx ON wishlist (event_id);

-- One row per applied client mutation; response is the encoded answer returned on replay.
CREATE TABLE idempotency_keys (
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key        uuid NOT NULL,
    response   bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);

-- The change log. Writers insert with seq NULL in the same transaction as their change; the
-- single sequencer stamps committed rows with a gap-free seq. id orders inserts, not commits.
CREATE TABLE change_log (
    id            bigserial PRIMARY KEY,
    seq           bigint UNIQUE,
    aggregatetype text NOT NULL,
    aggregateid   text NOT NULL,
    type          text NOT NULL CHECK (type IN ('upsert', 'delete')),
    scope_user_id bigint,                            -- NULL: public catalog
    payload       bytea NOT NULL DEFAULT '\x',       -- empty for a delete (tombstone)
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX change_log_unstamped_idx ON change_log (id) WHERE seq IS NULL;
-- Compaction looks up the newest row per aggregate and scope.
CREATE INDEX change_log_aggregate_idx ON change_log (aggregatetype, aggregateid, scope_user_id, seq);

-- Wakes the sequencer when a writer commits (NOTIFY is delivered at commit, never before).
CREATE FUNCTION change_log_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('marquee_changes', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER change_log_notify AFTER INSERT ON change_log
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_notify();

-- horizon: compaction removed tombstones with seq <= horizon; older cursors must reset.
CREATE TABLE sync_meta (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    horizon   bigint NOT NULL DEFAULT 0
);
INSERT INTO sync_meta DEFAULT VALUES;
-- Autovacuum never analyzes a one-row table; without statistics the planner guesses
-- thousands of rows and may JIT-compile the hot pull query.
ANALYZE sync_meta;
