-- Ingestion: sources and their schedules, raw payloads as fetched, per-source provenance of
-- catalog events, the quarantine, per-source category mappings, and the trigram support
-- that cross-source de-duplication and venue matching use.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Folded form of a title or venue name for similarity: no accents, lower case, letters and
-- digits separated by single spaces. unaccent() is STABLE, so this is too (no index on it).
CREATE FUNCTION ingest_fold(t text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(lower(public.unaccent(t)), '[^[:alnum:]]+', ' ', 'g'))
$$;

CREATE TABLE sources (
    id               bigserial PRIMARY KEY,
    name             text NOT NULL UNIQUE CHECK (name <> '' AND name <> 'marquee'),
    kind             text NOT NULL DEFAULT 'file' CHECK (kind IN ('file', 'url')),
    url              text NOT NULL DEFAULT '',
    format           text NOT NULL CHECK (format IN ('ics', 'jsonld', 'csv')),
    default_zone     text NOT NULL DEFAULT 'Europe/Berlin',  -- floating / offset-only times
    default_currency char(3) NOT NULL DEFAULT 'EUR',
    default_category text REFERENCES categories (id) DEFERRABLE INITIALLY DEFERRED,
                                                            -- NULL: unmapped categories are quarantined
    horizon_days     integer NOT NULL DEFAULT 180 CHECK (horizon_days BETWEEN 1 AND 3660),
    interval_seconds integer NOT NULL DEFAULT 3600 CHECK (interval_seconds >= 60),
    paused           boolean NOT NULL DEFAULT false,
    -- Fetch state: conditional-request validators and the back-off after failures.
    etag             text NOT NULL DEFAULT '',
    last_modified    text NOT NULL DEFAULT '',
    failures         integer NOT NULL DEFAULT 0,
    next_run_at      timestamptz NOT NULL DEFAULT now(),
    last_run_at      timestamptz,
    last_status      text NOT NULL DEFAULT 'never' CHECK (last_status IN ('never', 'running', 'ok', 'not_modified', 'failed')),
    last_error       text NOT NULL DEFAULT '',
    last_counts      jsonb NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- Every fetched or uploaded payload exactly as it came.
CREATE TABLE raw_payloads (
    id           bigserial PRIMARY KEY,
    source_id    bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    fetched_at   timestamptz NOT NULL DEFAULT now(),
    origin       text NOT NULL DEFAULT '',                  -- file path or URL
    content_type text NOT NULL DEFAULT '',
    content      bytea NOT NULL,
    sha256       text NOT NULL
);
CREATE INDEX raw_payloads_source_idx ON raw_payloads (source_id, fetched_at DESC);

-- Which source said what about which catalog event. (source_id, ref) is the source's own
-- identity for the record; match_uid is a globally meant id (ICS UID with its recurrence
-- instance, JSON-LD @id) that lets another source's record land on the same event.
CREATE TABLE event_provenance (
    source_id      bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    ref            text NOT NULL,
    event_id       uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    match_uid      text NOT NULL DEFAULT '',
    content_hash   text NOT NULL,                           -- of the standardised record
    data           jsonb NOT NULL,                          -- the standardised record as this source said it
    status         text NOT NULL,                           -- that source's status for the event
    raw_payload_id bigint REFERENCES raw_payloads (id) ON DELETE SET NULL,
    first_seen_at  timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, ref)
);
CREATE INDEX event_provenance_event_idx ON event_provenance (event_id);
CREATE INDEX event_provenance_uid_idx ON event_provenance (match_uid) WHERE match_uid <> '';

-- Records that could not be standardised, kept with their reason and raw text until an
-- admin fixes the mapping and retries (resolved_at set when a retry or a later run succeeds).
CREATE TABLE quarantine (
    id             bigserial PRIMARY KEY,
    source_id      bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    raw_payload_id bigint REFERENCES raw_payloads (id) ON DELETE SET NULL,
    ref            text NOT NULL,
    reason         text NOT NULL,
    raw            text NOT NULL,
    attempts       integer NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    resolved_at    timestamptz
);
-- One open entry per record: a re-run updates it instead of piling up copies.
CREATE UNIQUE INDEX quarantine_open_idx ON quarantine (source_id, ref) WHERE resolved_at IS NULL;

-- Per-source mapping of the source's category words to Marquee's taxonomy; consulted before
-- the built-in mapping. `external` is stored folded (ingest_fold).
CREATE TABLE source_category_map (
    source_id   bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    external    text NOT NULL,
    category_id text NOT NULL REFERENCES categories (id),
    PRIMARY KEY (source_id, external)
);

