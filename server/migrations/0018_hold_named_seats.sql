-- The hold of named seats in one statement (docs/server.md, "Holding seats"): the server calls
-- hold_named_seats() outside an explicit transaction, so the hold is one round trip and one
-- implicit transaction, with the same steps and guards as the full path in
-- booking_service.cpp: the event's pin under FOR KEY SHARE, the replay check, the seats'
-- advisory locks (class db::lockkey::kSeatHoldClass, keys ascending, never waited for), the
-- claims already standing, then the hold row, its claims (the unique (event_id, seat_id) stays
-- the last guard) and one unstamped seat-status change. Anything out of the ordinary comes back
-- as 'retry' and the server runs the full path, which handles it.
--
-- Outcomes: 'held' (hold_id, expires_ms, max_expires_ms); 'busy' (detail: the lock keys not
-- granted, comma-separated, in array order); 'claimed' (detail: JSON [[seat id, kind, lapsed]]
-- for the claims standing on the seats); 'retry' (no such event, the event is not pinned to
-- p_layout_id/p_layout_version any more, or the idempotency key was used before). A claim made
-- between the check and the insert by a writer that takes no seat lock raises SQLSTATE MQ409:
-- the implicit transaction rolls back whole and the server runs the full path.
--
-- Plans: every statement here is a key lookup through a unique index or a small insert, yet
-- with custom plans PostgreSQL re-plans each of them on every call (its generic-plan estimate
-- never wins), a third of the function's CPU time; so the function keeps generic plans. A
-- generic plan is made once per session, possibly while the tables are still empty and their
-- statistics say a sequential scan is as good: enable_seqscan = off keeps it on the indexes
-- however the tables grow. Both settings apply to this function's statements only.
CREATE FUNCTION hold_named_seats(
    p_event uuid, p_user bigint, p_key text, p_layout_id uuid, p_layout_version integer,
    p_lock_class integer, p_lock_keys integer[], p_seat_ids text[], p_seat_indexes integer[],
    p_held_status smallint,
    OUT outcome text, OUT hold_id uuid, OUT expires_ms bigint, OUT max_expires_ms bigint, OUT detail text)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
DECLARE
    v_layout_id uuid;
    v_layout_version integer;
    v_hold_seconds integer;
    v_cap_seconds integer;
    v_expires_at timestamptz;
    v_max_expires_at timestamptz;
    v_change_id bigint;
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
      FROM seat_claims c
     WHERE c.event_id = p_event AND c.seat_id = ANY (p_seat_ids);
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
    INSERT INTO seat_status_changes (event_id, width) VALUES (p_event, 1) RETURNING id INTO v_change_id;
    INSERT INTO seat_status_log (change_id, seat_index, status, holder_user_id)
    SELECT v_change_id, s.idx, p_held_status, p_user FROM unnest(p_seat_indexes) AS s(idx);
    outcome := 'held';
    expires_ms := (extract(epoch FROM v_expires_at) * 1000)::bigint;
    max_expires_ms := (extract(epoch FROM v_max_expires_at) * 1000)::bigint;
END $$;

-- Nothing reads seat_claims by expiry (holds expire through seat_holds.expires_at since 0009),
-- yet every claim paid for this index.
DROP INDEX seat_claims_expiry_idx;
