// The SQL of a HoldSeats for named seats, shared with bench_holds (its pgbench ceiling runs
// this very SQL): the one-statement hold the server tries first, and the statements of the
// full path (reads and seat locks, the hold with its claims, the status change) it falls back
// to. Schema: migrations 0005, 0009, 0011, 0018 and 0023 (which folds the status log into the change).
#pragma once

#include "services/api_internal.hpp"

namespace marquee::server::detail::holdsql {

// The whole hold of named seats in one statement, run outside an explicit transaction (one
// round trip, one implicit transaction): hold_named_seats(), 0018_hold_named_seats.sql as
// revised in 0023_status_change_arrays.sql.
// $4/$5: the layout pin the seat indexes in $9 were read from; $7: the seats' lock keys,
// ascending; $8/$9: seat ids and their indexes, by ascending index. Columns: outcome ('held',
// 'busy', 'claimed', 'retry'), hold id, expiry and cap (ms), detail.
inline constexpr Statement kHoldNamedSeats{
    "booking_hold_named_seats",
    "SELECT outcome, coalesce(hold_id::text, ''), coalesce(expires_ms, 0), coalesce(max_expires_ms, 0), "
    "coalesce(detail, '') FROM hold_named_seats($1::uuid, $2::bigint, $3, $4::uuid, $5::integer, $6::integer, "
    "$7::integer[], $8::text[], $9::integer[], $10::smallint)"};
// Raised by hold_named_seats() when a claim appeared between its check and its insert.
inline constexpr const char* kClaimedMeanwhileState = "MQ409";

// Everything a hold reads before it writes, in one statement: the event's pin (FOR KEY SHARE:
// a layout move waits for us) with the pinned version's encoded size (the layout cache's
// check) and hold durations (hold_seconds 0: no such event); the hold this key already made
// (a replay); and the seat locks: pg_try_advisory_xact_lock for the keys in $4 (sorted; a
// function scan takes them in array order, so ascending), never waiting, listing the keys
// not granted. Empty $4 for best available and general admission, which lock later.
inline constexpr Statement kHoldStart{
    "booking_hold_start",
    "WITH e AS (SELECT layout_id, layout_version, hold_seconds, hold_cap_seconds FROM events WHERE id = $1::uuid "
    "FOR KEY SHARE) "
    "SELECT coalesce(e.layout_id::text, ''), coalesce(e.layout_version, 0), coalesce(e.hold_seconds, 0), "
    "coalesce(e.hold_cap_seconds, 0), coalesce(octet_length(v.layout), 0), coalesce(h.id::text, ''), "
    "coalesce(h.event_id::text, ''), coalesce(busy.keys, '') "
    "FROM (SELECT 1) AS one LEFT JOIN e ON true "
    "LEFT JOIN seating_layout_versions v ON v.layout_id = e.layout_id AND v.version = e.layout_version "
    "LEFT JOIN seat_holds h ON h.holder_user_id = $2 AND h.idempotency_key = $3 "
    "CROSS JOIN LATERAL (SELECT string_agg(k::text, ',' ORDER BY n) AS keys FROM unnest($4::integer[]) "
    "WITH ORDINALITY AS t(k, n) WHERE NOT pg_try_advisory_xact_lock($5::integer, k)) AS busy"};
// The hold row and its seats' claims in one statement. No row: the key was used meanwhile (a
// concurrent replay). Claimed fewer than asked: a claim stands on some seat (ON CONFLICT DO
// NOTHING; the caller looks at what and why).
inline constexpr Statement kInsertHoldWithClaims{
    "booking_insert_hold_with_claims",
    "WITH h AS (INSERT INTO seat_holds (event_id, holder_user_id, idempotency_key, expires_at, max_expires_at) "
    "VALUES ($1::uuid, $2, $3, clock_timestamp() + least($4::integer, $5::integer) * interval '1 second', "
    "clock_timestamp() + $5::integer * interval '1 second') "
    "ON CONFLICT (holder_user_id, idempotency_key) DO NOTHING RETURNING id, expires_at, max_expires_at), "
    "c AS (INSERT INTO seat_claims (event_id, seat_id, seat_index, kind, holder_user_id, expires_at, hold_id, created_by) "
    "SELECT $1::uuid, r.id, r.idx, 'held', $2, h.expires_at, h.id, $2 FROM h, jsonb_to_recordset($6::jsonb) AS r(id text, "
    "idx integer) ON CONFLICT (event_id, seat_id) DO NOTHING RETURNING 1) "
    "SELECT h.id::text, (extract(epoch FROM h.expires_at) * 1000)::bigint, "
    "(extract(epoch FROM h.max_expires_at) * 1000)::bigint, (SELECT count(*) FROM c) FROM h"};
// One change, one row (unstamped: a stamper numbers it after commit): its seats as parallel
// integer arrays (index, status byte, holder or 0; built from numbers only) and its
// general-admission counters (area ids as a quoted text[] literal, capacities, places taken).
inline constexpr Statement kRecordChange{
    "seating_record_change",
    "INSERT INTO seat_status_changes (event_id, width, seat_indexes, statuses, holders, ga_area_ids, ga_capacities, "
    "ga_taken) VALUES ($1::uuid, $2::smallint, $3::integer[], $4::smallint[], $5::bigint[], $6::text[], $7::integer[], "
    "$8::integer[]) RETURNING id"};

} // namespace marquee::server::detail::holdsql
