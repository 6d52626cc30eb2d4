-- The status log moves into its change row (docs/architecture.md, Seating). Every seat-status
-- writer, the hold above all, wrote one seat_status_changes row plus one seat_status_log row
-- per seat, each insert with its indexes, checks and foreign-key check (docs/figures.md,
-- Booking). Now a change carries its seats (index, new status byte, holder or 0) and its
-- general-admission counters (area, capacity, places taken) as parallel arrays: one row per
-- change. The feed unnests them into the rows it read before, in the log's order (seats, then
-- areas). Version 0023 lies outside the session's allocation (0018 was already merged when
-- this followed); the lead was told.
ALTER TABLE seat_status_changes
    ADD COLUMN seat_indexes integer[] NOT NULL DEFAULT '{}',
    ADD COLUMN statuses smallint[] NOT NULL DEFAULT '{}',
    ADD COLUMN holders bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN ga_area_ids text[] NOT NULL DEFAULT '{}',
    ADD COLUMN ga_capacities integer[] NOT NULL DEFAULT '{}',
    ADD COLUMN ga_taken integer[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT seat_status_changes_seats_check CHECK (
        cardinality(statuses) = cardinality(seat_indexes) AND cardinality(holders) = cardinality(seat_indexes)
        AND cardinality(ga_capacities) = cardinality(ga_area_ids) AND cardinality(ga_taken) = cardinality(ga_area_ids));
UPDATE seat_status_changes c
   SET seat_indexes = coalesce(l.seat_indexes, '{}'), statuses = coalesce(l.statuses, '{}'),
       holders = coalesce(l.holders, '{}'), ga_area_ids = coalesce(l.ga_area_ids, '{}'),
       ga_capacities = coalesce(l.ga_capacities, '{}'), ga_taken = coalesce(l.ga_taken, '{}')
  FROM (SELECT change_id,
               array_agg(seat_index ORDER BY id) FILTER (WHERE seat_index IS NOT NULL) AS seat_indexes,
               array_agg(status ORDER BY id) FILTER (WHERE seat_index IS NOT NULL) AS statuses,
               array_agg(coalesce(holder_user_id, 0) ORDER BY id) FILTER (WHERE seat_index IS NOT NULL) AS holders,
               array_agg(area_id ORDER BY id) FILTER (WHERE seat_index IS NULL) AS ga_area_ids,
               array_agg(ga_capacity ORDER BY id) FILTER (WHERE seat_index IS NULL) AS ga_capacities,
               array_agg(ga_taken ORDER BY id) FILTER (WHERE seat_index IS NULL) AS ga_taken
          FROM seat_status_log GROUP BY change_id) l
 WHERE l.change_id = c.id;
DROP TABLE seat_status_log;

-- hold_named_seats() (0018) writes its change the new way, and probes the claims standing on
-- its seats one seat at a time (a lateral lookup per seat, LIMIT 1 as the unique constraint
-- allows, so the planner cannot flatten it into a join: a parameterized index probe is the only
-- plan). Its generic plan, made while the tables were small, read
-- "event_id = $1 AND seat_id = ANY($8)" as a bitmap scan of all the event's claims filtered by
-- seat, so a hold cost more the more seats of the event were taken; enable_bitmapscan = off
-- joins enable_seqscan = off for the same reason.
CREATE OR REPLACE FUNCTION hold_named_seats(
    p_event uuid, p_user bigint, p_key text, p_layout_id uuid, p_layout_version integer,
    p_lock_class integer, p_lock_keys integer[], p_seat_ids text[], p_seat_indexes integer[],
    p_held_status smallint,
    OUT outcome text, OUT hold_id uuid, OUT expires_ms bigint, OUT max_expires_ms bigint, OUT detail text)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET enable_bitmapscan = off AS $$
DECLARE
    v_layout_id uuid;
    v_layout_version integer;
    v_hold_seconds integer;
    v_cap_seconds integer;
    v_expires_at timestamptz;
    v_max_expires_at timestamptz;
    v_claimed bigint;
BEGIN
    -- The pin: a layout move (FOR UPDATE on the event) waits for this hold, and it for the move.
    SELECT e.layout_id, e.layout_version, e.hold_seconds, e.hold_cap_seconds
      INTO v_layout_id, v_layout_version, v_hold_seconds, v_cap_seconds
      FROM events e WHERE e.id = p_event FOR KEY SHARE;
    IF NOT FOUND OR v_layout_id IS DISTINCT FROM p_layout_id OR v_layout_version IS DISTINCT FROM p_layout_version THEN
        outcome := 'retry';
        RETURN;
    END IF;
    PERFORM FROM seat_holds h WHERE h.holder_user_id = p_user AND h.idempotency_key = p_key;
    IF FOUND THEN
        outcome := 'retry';
        RETURN;
    END IF;
    SELECT string_agg(t.k::text, ',' ORDER BY t.n) INTO detail
      FROM unnest(p_lock_keys) WITH ORDINALITY AS t(k, n)
     WHERE NOT pg_try_advisory_xact_lock(p_lock_class, t.k);
    IF detail IS NOT NULL THEN
        outcome := 'busy';
        RETURN;
    END IF;
    -- A hold that lapsed and was not swept yet is "lapsed": the full path releases it.
    SELECT jsonb_agg(jsonb_build_array(c.seat_id, c.kind, coalesce(
               (SELECT h.expires_at <= clock_timestamp() FROM seat_holds h WHERE h.id = c.hold_id), false)))::text
      INTO detail
      FROM unnest(p_seat_ids) AS s(id)
     CROSS JOIN LATERAL (SELECT c.seat_id, c.kind, c.hold_id FROM seat_claims c
                          WHERE c.event_id = p_event AND c.seat_id = s.id LIMIT 1) AS c;
    IF detail IS NOT NULL THEN
        outcome := 'claimed';
        RETURN;
    END IF;
    INSERT INTO seat_holds AS h (event_id, holder_user_id, idempotency_key, expires_at, max_expires_at)
    VALUES (p_event, p_user, p_key, clock_timestamp() + least(v_hold_seconds, v_cap_seconds) * interval '1 second',
            clock_timestamp() + v_cap_seconds * interval '1 second')
    ON CONFLICT (holder_user_id, idempotency_key) DO NOTHING
    RETURNING h.id, h.expires_at, h.max_expires_at INTO hold_id, v_expires_at, v_max_expires_at;
    IF NOT FOUND THEN -- the same key committed meanwhile (a concurrent replay)
        outcome := 'retry';
        RETURN;
    END IF;
    INSERT INTO seat_claims (event_id, seat_id, seat_index, kind, holder_user_id, expires_at, hold_id, created_by)
    SELECT p_event, s.id, s.idx, 'held', p_user, v_expires_at, hold_id, p_user
      FROM unnest(p_seat_ids, p_seat_indexes) AS s(id, idx)
    ON CONFLICT (event_id, seat_id) DO NOTHING;
    GET DIAGNOSTICS v_claimed = ROW_COUNT;
    IF v_claimed <> cardinality(p_seat_ids) THEN
        RAISE EXCEPTION 'a seat of the hold was claimed meanwhile' USING ERRCODE = 'MQ409';
    END IF;
    -- Unstamped: the stamper numbers it after commit (0011_seat_stamping.sql).
    INSERT INTO seat_status_changes (event_id, width, seat_indexes, statuses, holders)
    VALUES (p_event, 1, p_seat_indexes, array_fill(p_held_status, ARRAY[cardinality(p_seat_indexes)]),
            array_fill(p_user, ARRAY[cardinality(p_seat_indexes)]));
    outcome := 'held';
    expires_ms := (extract(epoch FROM v_expires_at) * 1000)::bigint;
    max_expires_ms := (extract(epoch FROM v_max_expires_at) * 1000)::bigint;
END $$;
