// Seating: layout versions (SaveLayout, GetLayout), the layout an event sells
// (AssignEventLayout), organizer blocks (SetSeatsBlocked), seat-status snapshots
// (SubscribeSeats) and the status log the live seat feed reads. Schema: 0005_seating.sql.
#include "services/api_internal.hpp"
#include "services/hold_sql.hpp"

#include "marquee/core/seating/layout.hpp"
#include "marquee/core/seating/layout_json.hpp"
#include "marquee/core/seating/migration.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/core/seating/validation.hpp"
#include "marquee/core/validation.hpp"
#include "marquee/protocol/seating_conversions.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>

namespace marquee::server::detail {

namespace {

namespace seating = core::seating;
using seating::SeatStatus;
using holdsql::kRecordChange;

// A layout an organizer may save: far above the 100,000-seat benchmark arena.
constexpr std::size_t kMaxLayoutSeats = 250'000;
constexpr std::size_t kMaxLayoutNameLength = 200;
// Seats per SetSeatsBlocked: a large stand, and small enough that one status-log group
// stays a bounded read for the feed.
constexpr std::size_t kMaxSeatsPerRequest = 10'000;
constexpr std::size_t kMaxSeatIdLength = 64;

// ---- statements -----------------------------------------------------------------------

constexpr Statement kNowMs{"seating_now_ms", "SELECT (extract(epoch FROM now()) * 1000)::bigint"};
constexpr Statement kVenueExists{"seating_venue_exists", "SELECT 1 FROM venues WHERE id = $1::uuid"};
constexpr Statement kInsertLineage{
    "seating_insert_lineage",
    "INSERT INTO seating_layouts (id, venue_id, name, owner_id) "
    "VALUES (coalesce(NULLIF($1, '')::uuid, gen_random_uuid()), $2::uuid, $3, NULLIF($4::bigint, 0)) "
    "ON CONFLICT (id) DO NOTHING RETURNING id::text"};
constexpr Statement kLockLineage{
    "seating_lock_lineage",
    "SELECT venue_id::text, coalesce(owner_id, 0), newest_version FROM seating_layouts WHERE id = $1::uuid FOR UPDATE"};
constexpr Statement kInsertVersion{
    "seating_insert_version",
    "INSERT INTO seating_layout_versions (layout_id, version, layout, background, seat_count, created_by) "
    "VALUES ($1::uuid, $2, $3, CASE WHEN $4 THEN $5::bytea END, $6, NULLIF($7::bigint, 0))"};
constexpr Statement kUpdateLineage{
    "seating_update_lineage",
    "UPDATE seating_layouts SET newest_version = $2, name = $3, updated_at = now() WHERE id = $1::uuid"};
// version 0: the newest.
// Which version (0: newest) and its encoded size, without the bytes: the decoded-layout cache
// answers most reads (every hold and block loads the event's layout).
constexpr Statement kVersionSize{
    "seating_version_size",
    "SELECT v.version, octet_length(v.layout) FROM seating_layouts l "
    "JOIN seating_layout_versions v ON v.layout_id = l.id "
    "WHERE l.id = $1::uuid AND v.version = CASE WHEN $2::integer = 0 THEN l.newest_version ELSE $2::integer END"};
constexpr Statement kSelectVersion{
    "seating_select_version",
    "SELECT v.layout, v.background, v.seat_count, l.venue_id::text, coalesce(l.owner_id, 0), v.version "
    "FROM seating_layouts l JOIN seating_layout_versions v ON v.layout_id = l.id "
    "WHERE l.id = $1::uuid AND v.version = CASE WHEN $2::integer = 0 THEN l.newest_version ELSE $2::integer END"};

constexpr Statement kEventSeating{
    "seating_event_seating",
    "SELECT coalesce(venue_id::text, ''), coalesce(layout_id::text, ''), coalesce(layout_version, 0) "
    "FROM events WHERE id = $1::uuid"};
constexpr Statement kClaimsOfEvent{"seating_claims_of_event",
                                   "SELECT seat_id, kind FROM seat_claims WHERE event_id = $1::uuid ORDER BY seat_index"};
constexpr Statement kRemapClaims{
    "seating_remap_claims",
    "UPDATE seat_claims c SET seat_index = m.idx, updated_at = now() "
    "FROM jsonb_to_recordset($2::jsonb) AS m(id text, idx integer) "
    "WHERE c.event_id = $1::uuid AND c.seat_id = m.id"};
constexpr Statement kGaOfEvent{"seating_ga_of_event",
                               "SELECT area_id, taken FROM seat_ga_counters WHERE event_id = $1::uuid FOR UPDATE"};
constexpr Statement kDeleteGa{"seating_delete_ga", "DELETE FROM seat_ga_counters WHERE event_id = $1::uuid"};
constexpr Statement kInsertGa{
    "seating_insert_ga",
    "INSERT INTO seat_ga_counters (event_id, area_id, capacity, taken) "
    "SELECT $1::uuid, r.id, r.capacity, r.taken FROM jsonb_to_recordset($2::jsonb) AS r(id text, capacity integer, "
    "taken integer)"};
constexpr Statement kSetEventLayout{"seating_set_event_layout",
                                    "UPDATE events SET layout_id = $2::uuid, layout_version = $3 WHERE id = $1::uuid"};
constexpr Statement kEnsureSeatState{"seating_ensure_seat_state",
                                     "INSERT INTO event_seat_state (event_id) VALUES ($1::uuid) ON CONFLICT DO NOTHING"};

// Seat-status writers take KEY SHARE on the event: AssignEventLayout (FOR UPDATE) waits for
// them and they wait for it, so the layout pin they read stays the event's pin until commit.
constexpr Statement kEventPinShared{
    "seating_event_pin_shared",
    "SELECT coalesce(organizer_id, 0), coalesce(layout_id::text, ''), coalesce(layout_version, 0) "
    "FROM events WHERE id = $1::uuid FOR KEY SHARE"};
constexpr Statement kInsertBlocks{
    "seating_insert_blocks",
    "INSERT INTO seat_claims (event_id, seat_id, seat_index, kind, created_by) "
    "SELECT $1::uuid, r.id, r.idx, 'blocked', NULLIF($3::bigint, 0) "
    "FROM jsonb_to_recordset($2::jsonb) AS r(id text, idx integer) "
    "ON CONFLICT (event_id, seat_id) DO NOTHING RETURNING seat_index"};
constexpr Statement kOtherClaims{
    "seating_other_claims",
    "SELECT seat_id, kind FROM seat_claims WHERE event_id = $1::uuid AND kind <> 'blocked' "
    "AND seat_id IN (SELECT jsonb_array_elements_text($2::jsonb)) ORDER BY seat_index"};
constexpr Statement kDeleteBlocks{
    "seating_delete_blocks",
    "DELETE FROM seat_claims WHERE event_id = $1::uuid AND kind = 'blocked' "
    "AND seat_id IN (SELECT jsonb_array_elements_text($2::jsonb)) RETURNING seat_index"};


// Stamping ("Seat-status stamping" in docs/architecture.md). The caller holds the
// event_seat_state rows of the events it stamps FOR UPDATE, taken in an earlier statement, so
// this statement's snapshot sees every stamp committed before. The committed unstamped
// changes of the events in $1, or those with the ids in $2, are numbered per event in id
// order after the event's status_seq, which moves to the last of them; listeners hear
// "<event id>:<status_seq>" at commit. Returns one row per event: how many, the new status_seq.
constexpr Statement kStampChanges{
    "seating_stamp_changes",
    "WITH pending AS (SELECT id, event_id, sum(width) OVER (PARTITION BY event_id ORDER BY id) AS upto, "
    "count(*) OVER (PARTITION BY event_id) AS n FROM seat_status_changes "
    "WHERE status_seq IS NULL AND (event_id = ANY($1::uuid[]) OR id = ANY($2::bigint[]))), "
    "totals AS (SELECT event_id, max(upto) AS width, max(n) AS n FROM pending GROUP BY event_id), "
    "heads AS (UPDATE event_seat_state s SET status_seq = s.status_seq + t.width FROM totals t "
    "WHERE s.event_id = t.event_id RETURNING s.event_id, s.status_seq AS head, t.width, t.n), "
    "stamped AS (UPDATE seat_status_changes c SET status_seq = h.head - h.width + p.upto "
    "FROM pending p JOIN heads h ON h.event_id = p.event_id WHERE c.id = p.id) "
    "SELECT h.n, h.head, pg_notify('marquee_seats', h.event_id::text || ':' || h.head::text) FROM heads h"};
// Events with unstamped changes whose state row no other stamper holds right now.
constexpr Statement kLockPendingEvents{
    "seating_lock_pending_events",
    "SELECT event_id::text FROM event_seat_state "
    "WHERE event_id IN (SELECT event_id FROM seat_status_changes WHERE status_seq IS NULL) "
    "ORDER BY event_id LIMIT $1 FOR UPDATE SKIP LOCKED"};
constexpr Statement kLockSeatState{"seating_lock_seat_state",
                                   "SELECT 1 FROM event_seat_state WHERE event_id = $1::uuid FOR UPDATE"};

// A snapshot in one statement (one view of the database). part 0: the event (status_seq,
// layout version, seat count, layout id); 1: a claim (seat index, holder, kind); 2: a
// general-admission counter (capacity, taken, area); 3: a committed change not stamped yet (id).
constexpr Statement kSnapshot{
    "seating_snapshot",
    "SELECT 0, coalesce(s.status_seq, 0), coalesce(e.layout_version, 0)::bigint, coalesce(v.seat_count, 0)::bigint, "
    "coalesce(e.layout_id::text, '') FROM events e "
    "LEFT JOIN seating_layout_versions v ON v.layout_id = e.layout_id AND v.version = e.layout_version "
    "LEFT JOIN event_seat_state s ON s.event_id = e.id WHERE e.id = $1::uuid "
    "UNION ALL SELECT 1, seat_index, coalesce(holder_user_id, 0), NULL, kind FROM seat_claims WHERE event_id = $1::uuid "
    "UNION ALL SELECT 2, capacity, taken, NULL, area_id FROM seat_ga_counters WHERE event_id = $1::uuid "
    "UNION ALL SELECT 3, id, NULL, NULL, NULL FROM seat_status_changes WHERE event_id = $1::uuid AND status_seq IS NULL"};

constexpr Statement kCurrentStatusSeq{"seating_current_status_seq",
                                      "SELECT status_seq FROM event_seat_state WHERE event_id = $1::uuid"};
// A change's seats and general-admission counters (0018: arrays on the change row), one row
// each as the status log had them: seats first, then areas (ord); a change with neither (a
// layout move) comes back as one row of NULLs.
#define MARQUEE_SQL_CHANGE_ROWS                                                                                        \
    "SELECT c.status_seq, l.seat_index, l.status, coalesce(l.holder, 0), l.area_id, l.ga_capacity, l.ga_taken "      \
    "FROM seat_status_changes c LEFT JOIN LATERAL ("                                                                  \
    "SELECT s.i AS seat_index, s.st::integer AS status, s.h AS holder, NULL::text AS area_id, "                     \
    "NULL::integer AS ga_capacity, NULL::integer AS ga_taken, s.n AS ord "                                           \
    "FROM unnest(c.seat_indexes, c.statuses, c.holders) WITH ORDINALITY AS s(i, st, h, n) "                          \
    "UNION ALL SELECT NULL, NULL, NULL, g.a, g.c, g.t, cardinality(c.seat_indexes) + g.n "                           \
    "FROM unnest(c.ga_area_ids, c.ga_capacities, c.ga_taken) WITH ORDINALITY AS g(a, c, t, n)) l ON true "
constexpr Statement kStatusLogAfter{
    "seating_status_log_after",
    MARQUEE_SQL_CHANGE_ROWS "WHERE c.event_id = $1::uuid AND c.status_seq > $2 ORDER BY c.status_seq, l.ord LIMIT $3"};
constexpr Statement kStatusLogGroup{
    "seating_status_log_group",
    MARQUEE_SQL_CHANGE_ROWS "WHERE c.event_id = $1::uuid AND c.status_seq = $2 ORDER BY l.ord"};
#undef MARQUEE_SQL_CHANGE_ROWS
constexpr Statement kStatusSeqs{
    "seating_status_seqs",
    "SELECT event_id::text, status_seq FROM event_seat_state "
    "WHERE event_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)"};
// An event's newest change stays, so a feed that fell behind the pruning sees a gap, and an
// unstamped one always stays.
constexpr Statement kPruneStatusLog{
    "seating_prune_status_log",
    "DELETE FROM seat_status_changes c WHERE c.created_at < now() - $1::bigint * interval '1 second' "
    "AND c.status_seq < (SELECT s.status_seq FROM event_seat_state s WHERE s.event_id = c.event_id)"};

// ---- helpers --------------------------------------------------------------------------

std::uint8_t statusOfKind(const std::string& kind) {
    if (kind == "blocked") return static_cast<std::uint8_t>(SeatStatus::Blocked);
    if (kind == "held") return static_cast<std::uint8_t>(SeatStatus::Held);
    if (kind == "sold") return static_cast<std::uint8_t>(SeatStatus::Sold);
    if (kind == "leased") return static_cast<std::uint8_t>(SeatStatus::Leased);
    throw std::runtime_error("unknown seat claim kind '" + kind + "'");
}

std::string versionId(const std::string& layoutId, std::uint32_t version) {
    return layoutId + "@" + std::to_string(version);
}

// Decoded layout versions are shared between requests (a 60,000-seat layout takes tens of
// milliseconds to decode).
class LayoutCache {
public:
    std::shared_ptr<const LoadedLayout> find(const std::string& key, std::size_t encodedSize) {
        const std::lock_guard lock(m_mutex);
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if ((*it)->key != key || (*it)->encodedSize != encodedSize) continue;
            m_entries.splice(m_entries.begin(), m_entries, it);
            return m_entries.front();
        }
        return nullptr;
    }
    void insert(std::shared_ptr<const LoadedLayout> entry) {
        const std::lock_guard lock(m_mutex);
        m_entries.remove_if([&](const auto& e) { return e->key == entry->key; });
        m_entries.push_front(std::move(entry));
        if (m_entries.size() > kCapacity) m_entries.pop_back();
    }

private:
    static constexpr std::size_t kCapacity = 8;
    std::mutex m_mutex;
    std::list<std::shared_ptr<const LoadedLayout>> m_entries;
};

LayoutCache& layoutCache() {
    static LayoutCache cache;
    return cache;
}

} // namespace

std::string seatLabel(const seating::SeatIndex& index, std::uint32_t seatIndex) {
    const auto& row = index.row(seatIndex);
    std::string label = index.area(seatIndex).label;
    if (!row.label.empty()) label += " · " + row.label;
    return label + " · " + index.seat(seatIndex).label;
}

std::string requireUuid(const std::string& value, const char* field) {
    auto id = core::lowerAscii(value);
    if (!core::isUuid(id)) fail(v1::INVALID_ARGUMENT, std::string(field) + " must be a UUID", {{"field", field}});
    return id;
}

std::shared_ptr<const LoadedLayout> loadLayout(pqxx::transaction_base& tx, const std::string& layoutId,
                                               std::uint32_t version) {
    const auto found = exec(tx, kVersionSize, layoutId, static_cast<std::int64_t>(version));
    if (found.empty()) return nullptr;
    return loadLayoutVersion(tx, layoutId, found[0][0].as<std::uint32_t>(), found[0][1].as<std::size_t>());
}

std::shared_ptr<const LoadedLayout> loadLayoutVersion(pqxx::transaction_base& tx, const std::string& layoutId,
                                                      std::uint32_t version, std::size_t encodedSize) {
    const auto key = versionId(layoutId, version);
    if (auto cached = layoutCache().find(key, encodedSize)) return cached;
    const auto rows = exec(tx, kSelectVersion, layoutId, static_cast<std::int64_t>(version));
    if (rows.empty()) return nullptr;
    std::string bytes;
    appendBytea(rows[0][0], bytes);
    v1::SeatingLayout proto;
    if (!proto.ParseFromString(bytes)) throw std::runtime_error("stored layout " + key + " is unreadable");
    auto loaded = std::make_shared<LoadedLayout>();
    loaded->key = key;
    loaded->encodedSize = bytes.size();
    loaded->layout = protocol::fromProto(proto);
    loaded->index = seating::SeatIndex(loaded->layout); // points into *loaded, which never moves
    layoutCache().insert(loaded);
    return loaded;
}

namespace {

// Organizers touch their own layouts; admins any. owner 0: a house layout (admins only).
void requireLayoutOwner(const Principal& who, bool isAdmin, std::int64_t ownerId, const std::string& layoutId) {
    if (!isAdmin && ownerId != who.userId)
        fail(v1::PERMISSION_DENIED, "organizers may only change their own layouts", {{"id", layoutId}});
}

std::string requestHash(std::string_view type, const google::protobuf::Message& request) {
    std::string bytes;
    {
        google::protobuf::io::StringOutputStream stream(&bytes);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        request.SerializeToCodedStream(&coded);
    }
    return sha256(std::string(type) + "\n" + bytes);
}

} // namespace

// ---- status log -----------------------------------------------------------------------

std::uint64_t recordSeatChanges(pqxx::transaction_base& tx, const std::string& eventId,
                                const std::vector<SeatStatusRow>& rows, std::uint64_t bump) {
    if (bump < 1 || bump > 2) throw std::logic_error("recordSeatChanges: bump must be 1 or 2");
    return recordSeatChanges(tx, eventId, rows, {}, static_cast<std::uint8_t>(bump));
}

std::uint64_t recordSeatChanges(pqxx::transaction_base& tx, const std::string& eventId,
                                const std::vector<SeatStatusRow>& rows, const std::vector<GaCounterRow>& areas,
                                std::uint8_t width) {
    std::vector<std::uint32_t> indexes;
    std::vector<unsigned> statuses;
    std::vector<std::int64_t> holders;
    indexes.reserve(rows.size());
    statuses.reserve(rows.size());
    holders.reserve(rows.size());
    for (const auto& row : rows) {
        indexes.push_back(row.seatIndex);
        statuses.push_back(row.status);
        holders.push_back(row.holderUserId);
    }
    std::vector<std::string> areaIds;
    std::vector<std::uint32_t> capacities;
    std::vector<std::uint32_t> taken;
    for (const auto& area : areas) {
        areaIds.push_back(area.areaId);
        capacities.push_back(area.capacity);
        taken.push_back(area.taken);
    }
    const auto change = exec(tx, kRecordChange, eventId, static_cast<int>(width), integerArray(indexes),
                             integerArray(statuses), integerArray(holders), textArray(areaIds),
                             integerArray(capacities), integerArray(taken));
    return change[0][0].as<std::uint64_t>();
}

namespace {

std::size_t stampedCount(const pqxx::result& rows) {
    std::size_t count = 0;
    for (const auto& row : rows) count += row[0].as<std::size_t>();
    return count;
}

} // namespace

std::size_t stampSeatChanges(pqxx::connection& conn, std::size_t maxEvents) {
    pqxx::work tx(conn);
    std::string events = "{";
    for (const auto& row : exec(tx, kLockPendingEvents, static_cast<std::int64_t>(maxEvents))) {
        if (events.size() > 1) events += ',';
        events += row[0].as<std::string>(); // a uuid: safe in an array literal
    }
    events += "}";
    if (events == "{}") return 0; // nothing locked: the transaction just ends
    const auto count = stampedCount(exec(tx, kStampChanges, events, "{}"));
    tx.commit();
    return count;
}

// ---- layouts --------------------------------------------------------------------------

std::string insertLayoutVersion(pqxx::transaction_base& tx, const seating::Layout& layout, std::int64_t ownerId,
                                std::int64_t createdBy) {
    auto stored = protocol::toProto(layout, true);
    // The background is kept apart: organizers and admins get it through GetLayout only.
    const bool hasBackground = stored.has_background();
    const auto background = hasBackground ? stored.background().SerializeAsString() : std::string();
    stored.clear_background();
    stored.set_owner_id(ownerId);
    stored.set_created_at_ms(exec(tx, kNowMs)[0][0].as<std::int64_t>());
    const auto payload = stored.SerializeAsString();
    exec(tx, kInsertVersion, layout.id, static_cast<std::int64_t>(layout.version), toBinary(payload),
         hasBackground, toBinary(background), static_cast<std::int64_t>(layout.seatCount()),
         createdBy);
    exec(tx, kUpdateLineage, layout.id, static_cast<std::int64_t>(layout.version), layout.name);
    appendChange(tx, core::aggregate::kLayout, versionId(layout.id, layout.version), ChangeOp::Upsert, 0, payload);
    return payload;
}

v1::Ack saveLayout(pqxx::connection& conn, const Principal& who, const v1::SaveLayout& request) {
    const bool isAdmin = requireEditor(who);
    requireIdempotencyKey(request.idempotency_key());
    if (!request.has_layout()) fail(v1::INVALID_ARGUMENT, "layout is required", {{"field", "layout"}});
    const auto& incoming = request.layout();
    std::string layoutId = core::lowerAscii(incoming.id());
    if (!layoutId.empty() && !core::isUuid(layoutId))
        fail(v1::INVALID_ARGUMENT, "layout.id must be a UUID or empty", {{"field", "layout.id"}});
    const auto venueId = requireUuid(incoming.venue_id(), "layout.venue_id");
    if (incoming.name().empty() || incoming.name().size() > kMaxLayoutNameLength)
        fail(v1::INVALID_ARGUMENT, "layout.name must have 1 to 200 bytes", {{"field", "layout.name"}});

    seating::Layout layout;
    try {
        layout = protocol::fromProto(incoming); // also refuses a background that is not SVG or PNG
    } catch (const seating::LayoutFormatError& e) {
        fail(v1::INVALID_ARGUMENT, std::string("layout: ") + e.what(), {{"field", "layout"}});
    }
    if (layout.seatCount() > kMaxLayoutSeats)
        fail(v1::INVALID_ARGUMENT, "a layout may have at most " + std::to_string(kMaxLayoutSeats) + " seats",
             {{"field", "layout.areas"}});
    if (const auto problems = seating::validate(layout); !problems.empty()) {
        DetailList details("problem");
        for (const auto& problem : problems) details.add(std::to_string(details.size()), problem.message);
        fail(v1::INVALID_ARGUMENT,
             "the layout has " + std::to_string(problems.size()) + " problem(s): " + problems.front().message,
             details.take());
    }

    const auto hash = requestHash("save_layout", request);
    pqxx::work tx(conn);
    if (auto stored = claimIdempotencyKey(tx, who.userId, request.idempotency_key(), hash)) return *stored;
    if (exec(tx, kVenueExists, venueId).empty())
        fail(v1::INVALID_ARGUMENT, "layout.venue_id names no known venue", {{"field", "layout.venue_id"}});

    // A new lineage (empty id, or a client-chosen id not seen before, so a retried create
    // never makes two) starts at base_version 0.
    if (const auto created = exec(tx, kInsertLineage, layoutId, venueId, incoming.name(), who.userId);
        !created.empty())
        layoutId = created[0][0].as<std::string>();
    const auto lineage = exec(tx, kLockLineage, layoutId)[0];
    const auto lineageOwner = lineage[1].as<std::int64_t>();
    const auto newest = lineage[2].as<std::uint32_t>();
    requireLayoutOwner(who, isAdmin, lineageOwner, layoutId);
    if (lineage[0].as<std::string>() != venueId)
        fail(v1::INVALID_ARGUMENT, "a layout stays with its venue; save it as a new layout instead",
             {{"field", "layout.venue_id"}});
    if (request.base_version() != newest)
        fail(v1::FAILED_PRECONDITION,
             "the layout was changed by someone else (newest version " + std::to_string(newest) + "); reload it",
             {{"newest_version", std::to_string(newest)}, {"base_version", std::to_string(request.base_version())}});

    layout.id = layoutId;
    layout.venueId = venueId;
    layout.version = newest + 1;
    insertLayoutVersion(tx, layout, lineageOwner, who.userId);

    v1::Ack ack;
    ack.set_id(versionId(layoutId, layout.version));
    storeIdempotentAnswer(tx, who.userId, request.idempotency_key(), ack);
    tx.commit();
    return ack;
}

v1::SeatingLayout getLayout(pqxx::connection& conn, const Principal& who, const v1::GetLayout& request) {
    const bool isAdmin = requireEditor(who);
    const auto layoutId = requireUuid(request.layout_id(), "layout_id");
    pqxx::read_transaction tx(conn);
    const auto rows = exec(tx, kSelectVersion, layoutId, static_cast<std::int64_t>(request.version()));
    if (rows.empty())
        fail(v1::NOT_FOUND, "no such layout version",
             {{"id", layoutId}, {"version", std::to_string(request.version())}});
    const auto row = rows[0];
    const auto ownerId = row[4].as<std::int64_t>();
    // House layouts (no owner) are readable by every organizer; editing them is for admins.
    if (!isAdmin && ownerId != 0 && ownerId != who.userId)
        fail(v1::PERMISSION_DENIED, "organizers may only open their own layouts", {{"id", layoutId}});
    std::string bytes;
    appendBytea(row[0], bytes);
    v1::SeatingLayout layout;
    if (!layout.ParseFromString(bytes)) throw std::runtime_error("stored layout is unreadable");
    if (!row[1].is_null()) {
        std::string background;
        appendBytea(row[1], background);
        if (!layout.mutable_background()->ParseFromString(background))
            throw std::runtime_error("stored layout background is unreadable");
    }
    return layout;
}

// ---- events ---------------------------------------------------------------------------

v1::Ack assignEventLayout(pqxx::connection& conn, const Principal& who, const v1::AssignEventLayout& request) {
    const bool isAdmin = requireEditor(who);
    requireIdempotencyKey(request.idempotency_key());
    const auto eventId = requireUuid(request.event_id(), "event_id");
    const auto layoutId = requireUuid(request.layout_id(), "layout_id");
    if (request.layout_version() == 0)
        fail(v1::INVALID_ARGUMENT, "layout_version must name a saved version", {{"field", "layout_version"}});

    pqxx::work tx(conn);
    if (auto stored = claimIdempotencyKey(tx, who.userId, request.idempotency_key(),
                                          requestHash("assign_event_layout", request)))
        return *stored;
    // FOR UPDATE: waits for seat-status writers of the event (they hold KEY SHARE) and keeps
    // new ones out until the move has committed.
    requireEventOwner(tx, who, isAdmin, eventId);
    const auto event = exec(tx, kEventSeating, eventId)[0];
    const auto eventVenue = event[0].as<std::string>();
    const auto currentId = event[1].as<std::string>();
    const auto currentVersion = event[2].as<std::uint32_t>();

    const auto target = loadLayout(tx, layoutId, request.layout_version());
    if (!target)
        fail(v1::NOT_FOUND, "no such layout version",
             {{"id", layoutId}, {"version", std::to_string(request.layout_version())}});
    const auto lineage = exec(tx, kLockLineage, layoutId)[0];
    const auto ownerId = lineage[1].as<std::int64_t>();
    if (!isAdmin && ownerId != 0 && ownerId != who.userId)
        fail(v1::PERMISSION_DENIED, "organizers may only use their own layouts or the venue's house layouts",
             {{"id", layoutId}});
    if (eventVenue.empty() || eventVenue != lineage[0].as<std::string>())
        fail(v1::FAILED_PRECONDITION, "the layout belongs to another venue than the event",
             {{"event_venue_id", eventVenue}, {"layout_venue_id", lineage[0].as<std::string>()}});

    v1::Ack ack;
    ack.set_id(eventId);
    if (currentId == layoutId && currentVersion == request.layout_version()) {
        storeIdempotentAnswer(tx, who.userId, request.idempotency_key(), ack);
        tx.commit();
        return ack;
    }

    // Every claimed seat must exist in the new version, by id.
    std::vector<seating::ClaimedSeat> claims;
    for (const auto& row : exec(tx, kClaimsOfEvent, eventId))
        claims.push_back({row[0].as<std::string>(), static_cast<SeatStatus>(statusOfKind(row[1].as<std::string>()))});
    std::shared_ptr<const LoadedLayout> current;
    if (!currentId.empty()) current = loadLayout(tx, currentId, currentVersion);
    if (!claims.empty()) {
        if (!current) throw std::runtime_error("an event with seat claims has no layout");
        const auto check = seating::checkMigration(current->layout, target->layout, claims);
        if (!check.ok()) {
            DetailList details("lost");
            for (const auto& lost : check.lost) details.add(lost.seatId, lost.description);
            fail(v1::FAILED_PRECONDITION,
                 std::to_string(check.lost.size()) + " claimed seat(s) do not exist in the new layout version: " +
                     check.lost.front().description,
                 details.take());
        }
        auto remap = nlohmann::json::array();
        for (const auto& claim : claims)
            remap.push_back({{"id", claim.seatId}, {"idx", *target->index.indexOf(claim.seatId)}});
        exec(tx, kRemapClaims, eventId, remap.dump());
    }

    // General admission: places already taken must still fit.
    std::map<std::string, std::uint32_t> taken;
    for (const auto& row : exec(tx, kGaOfEvent, eventId)) taken[row[0].as<std::string>()] = row[1].as<std::uint32_t>();
    DetailList gaProblems("area");
    auto counters = nlohmann::json::array();
    for (const auto& area : target->layout.areas) {
        if (area.kind != seating::AreaKind::GeneralAdmission) continue;
        const auto it = taken.find(area.id);
        const auto used = it == taken.end() ? 0U : it->second;
        if (used > area.capacity)
            gaProblems.add(area.id, std::to_string(used) + " places taken, capacity " + std::to_string(area.capacity));
        counters.push_back({{"id", area.id}, {"capacity", area.capacity}, {"taken", used}});
        if (it != taken.end()) taken.erase(it);
    }
    for (const auto& [areaId, used] : taken)
        if (used > 0) gaProblems.add(areaId, std::to_string(used) + " places taken in an area the new version lacks");
    if (!gaProblems.empty())
        fail(v1::FAILED_PRECONDITION, "general-admission places already taken do not fit the new layout version",
             gaProblems.take());
    exec(tx, kDeleteGa, eventId);
    exec(tx, kInsertGa, eventId, counters.dump());

    exec(tx, kSetEventLayout, eventId, layoutId, static_cast<std::int64_t>(request.layout_version()));
    exec(tx, kEnsureSeatState, eventId);
    // Seat indexes changed: a gap of two makes every subscriber resubscribe (new snapshot).
    if (!currentId.empty()) recordSeatChanges(tx, eventId, {}, 2);

    v1::EventLayout pin;
    pin.set_event_id(eventId);
    pin.set_layout_id(layoutId);
    pin.set_layout_version(request.layout_version());
    appendChange(tx, core::aggregate::kEventLayout, eventId, ChangeOp::Upsert, 0, pin.SerializeAsString());
    storeIdempotentAnswer(tx, who.userId, request.idempotency_key(), ack);
    tx.commit();
    return ack;
}

v1::Ack setSeatsBlocked(pqxx::connection& conn, const Principal& who, const v1::SetSeatsBlocked& request) {
    const bool isAdmin = requireEditor(who);
    requireIdempotencyKey(request.idempotency_key());
    const auto eventId = requireUuid(request.event_id(), "event_id");
    if (request.seat_ids_size() == 0) fail(v1::INVALID_ARGUMENT, "seat_ids is empty", {{"field", "seat_ids"}});
    if (static_cast<std::size_t>(request.seat_ids_size()) > kMaxSeatsPerRequest)
        fail(v1::INVALID_ARGUMENT,
             "at most " + std::to_string(kMaxSeatsPerRequest) + " seat_ids per request; send several requests",
             {{"field", "seat_ids"}, {"max", std::to_string(kMaxSeatsPerRequest)}});
    std::set<std::string> seatIds;
    for (const auto& id : request.seat_ids()) {
        if (id.empty() || id.size() > kMaxSeatIdLength)
            fail(v1::INVALID_ARGUMENT, "a seat id must have 1 to 64 bytes", {{"field", "seat_ids"}});
        seatIds.insert(id);
    }

    pqxx::work tx(conn);
    if (auto stored = claimIdempotencyKey(tx, who.userId, request.idempotency_key(),
                                          requestHash("set_seats_blocked", request)))
        return *stored;
    const auto pin = exec(tx, kEventPinShared, eventId);
    if (pin.empty()) fail(v1::NOT_FOUND, "no event with this id", {{"id", eventId}});
    if (!isAdmin && pin[0][0].as<std::int64_t>() != who.userId)
        fail(v1::PERMISSION_DENIED, "organizers may only change their own events", {{"id", eventId}});
    const auto layoutId = pin[0][1].as<std::string>();
    if (layoutId.empty()) fail(v1::FAILED_PRECONDITION, "the event has no seat map", {{"id", eventId}});
    const auto layout = loadLayout(tx, layoutId, pin[0][2].as<std::uint32_t>());
    if (!layout) throw std::runtime_error("the event's layout version is missing");

    DetailList refused("seat");
    auto seats = nlohmann::json::array();
    auto ids = nlohmann::json::array();
    for (const auto& id : seatIds) {
        const auto index = layout->index.indexOf(id);
        if (!index) {
            refused.add(id, "unknown seat");
            continue;
        }
        seats.push_back({{"id", id}, {"idx", *index}});
        ids.push_back(id);
    }
    const auto refuse = [&] {
        fail(v1::FAILED_PRECONDITION,
             std::to_string(refused.size()) + " seat(s) cannot be " + (request.blocked() ? "blocked" : "unblocked") +
                 "; nothing was changed",
             refused.take());
    };
    if (!refused.empty()) refuse();

    pqxx::result changed;
    if (request.blocked()) {
        // Insert first: the insert waits for a concurrent claim on the same seat, so the check
        // after it sees every claim that committed first.
        changed = exec(tx, kInsertBlocks, eventId, seats.dump(), who.userId);
    }
    for (const auto& row : exec(tx, kOtherClaims, eventId, ids.dump()))
        refused.add(row[0].as<std::string>(), row[1].as<std::string>());
    if (!refused.empty()) refuse(); // rolls back the inserted blocks too
    if (!request.blocked()) changed = exec(tx, kDeleteBlocks, eventId, ids.dump());

    std::vector<SeatStatusRow> rows;
    rows.reserve(changed.size());
    const auto status = static_cast<std::uint8_t>(request.blocked() ? SeatStatus::Blocked : SeatStatus::Available);
    for (const auto& row : changed) rows.push_back({row[0].as<std::uint32_t>(), status, 0});
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.seatIndex < b.seatIndex; });
    if (!rows.empty()) recordSeatChanges(tx, eventId, rows);

    v1::Ack ack;
    ack.set_id(eventId);
    storeIdempotentAnswer(tx, who.userId, request.idempotency_key(), ack);
    tx.commit();
    return ack;
}

// ---- seat status ----------------------------------------------------------------------

v1::SeatSnapshot subscribeSeats(pqxx::connection& conn, const Principal& who, const v1::SubscribeSeats& request) {
    // Events are public: anyone who can see the catalog may watch its seat maps.
    const auto eventId = requireUuid(request.event_id(), "event_id");
    pqxx::work tx(conn);
    // Claims, counters, status_seq and the unstamped changes from one statement (one view).
    auto rows = exec(tx, kSnapshot, eventId);
    const auto part = [](const pqxx::row& row) { return row[0].as<int>(); };
    const auto event = std::find_if(rows.begin(), rows.end(), [&](const auto& row) { return part(row) == 0; });
    if (event == rows.end()) fail(v1::NOT_FOUND, "no event with this id", {{"id", eventId}});
    if ((*event)[4].as<std::string>().empty())
        fail(v1::FAILED_PRECONDITION, "the event has no seat map", {{"id", eventId}});
    std::optional<std::uint64_t> stampedSeq;
    if (std::any_of(rows.begin(), rows.end(), [&](const auto& row) { return part(row) == 3; })) {
        // This view shows changes that have no status_seq yet. Stamp exactly those, so the
        // snapshot's status_seq covers every change it shows and none it does not: lock the
        // event's state row (stampers wait for each other there), look again, and stamp the
        // unstamped changes of that second view.
        exec(tx, kLockSeatState, eventId);
        rows = exec(tx, kSnapshot, eventId);
        std::string ids = "{";
        for (const auto& row : rows) {
            if (part(row) != 3) continue;
            if (ids.size() > 1) ids += ',';
            ids += std::to_string(row[1].as<std::int64_t>());
        }
        ids += "}";
        if (ids != "{}") {
            const auto stamped = exec(tx, kStampChanges, "{}", ids);
            if (!stamped.empty()) stampedSeq = stamped[0][1].as<std::uint64_t>();
        }
    }

    v1::SeatSnapshot snapshot;
    snapshot.set_event_id(eventId);
    std::uint32_t seatCount = 0;
    std::vector<std::tuple<std::string, std::uint32_t, std::uint32_t>> areas;
    auto& status = *snapshot.mutable_status();
    for (const auto& row : rows) {
        switch (part(row)) {
        case 0:
            snapshot.set_status_seq(stampedSeq ? *stampedSeq : row[1].as<std::uint64_t>());
            snapshot.set_layout_version(row[2].as<std::uint32_t>());
            seatCount = row[3].as<std::uint32_t>();
            snapshot.set_layout_id(row[4].as<std::string>());
            status.assign(seatCount, static_cast<char>(SeatStatus::Available));
            break;
        case 2: areas.emplace_back(row[4].as<std::string>(), row[1].as<std::uint32_t>(), row[2].as<std::uint32_t>()); break;
        default: break;
        }
    }
    for (const auto& row : rows) {
        if (part(row) != 1) continue;
        const auto index = row[1].as<std::uint32_t>();
        if (index >= seatCount) throw std::runtime_error("a seat claim lies outside the event's layout");
        auto value = statusOfKind(row[4].as<std::string>());
        if (value == static_cast<std::uint8_t>(SeatStatus::Held) && who.isAuthenticated() &&
            row[2].as<std::int64_t>() == who.userId)
            value = static_cast<std::uint8_t>(SeatStatus::HeldByMe);
        status[index] = static_cast<char>(value);
    }
    std::sort(areas.begin(), areas.end());
    for (const auto& [areaId, capacity, taken] : areas) {
        auto* area = snapshot.add_general_admission();
        area->set_area_id(areaId);
        area->set_capacity(capacity);
        area->set_taken(taken);
    }
    tx.commit();
    return snapshot;
}

namespace {

// Groups status-log rows (ordered by status_seq) into one change per status_seq; a change
// without log rows (all NULLs) is an empty delta.
void appendChanges(const pqxx::result& rows, const std::string& eventId, std::vector<SeatChange>& out) {
    for (const auto& row : rows) {
        const auto seq = row[0].as<std::uint64_t>();
        if (out.empty() || out.back().delta.status_seq() != seq) {
            out.emplace_back();
            out.back().delta.set_event_id(eventId);
            out.back().delta.set_status_seq(seq);
        }
        auto& change = out.back();
        if (!row[1].is_null()) {
            change.delta.add_seat_index(row[1].as<std::uint32_t>());
            change.delta.mutable_status()->push_back(static_cast<char>(row[2].as<int>()));
            change.holders.push_back(row[3].as<std::int64_t>());
        } else if (!row[4].is_null()) {
            auto* area = change.delta.add_general_admission();
            area->set_area_id(row[4].as<std::string>());
            area->set_capacity(row[5].as<std::uint32_t>());
            area->set_taken(row[6].as<std::uint32_t>());
        }
    }
}

} // namespace

SeatChangeRange seatChangesAfter(pqxx::connection& conn, const std::string& eventId, std::uint64_t after,
                                 std::size_t maxRows) {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(conn);
    SeatChangeRange range;
    const auto current = exec(tx, kCurrentStatusSeq, eventId);
    if (current.empty()) return range;
    range.current = current[0][0].as<std::uint64_t>();
    if (range.current <= after) return range;
    const auto rows = exec(tx, kStatusLogAfter, eventId, static_cast<std::int64_t>(after),
                           static_cast<std::int64_t>(maxRows + 1));
    appendChanges(rows, eventId, range.changes);
    if (rows.size() > maxRows) {
        // The last group may be cut short: read it whole next time (or now, if it is the only one).
        range.truncated = true;
        const auto lastSeq = range.changes.back().delta.status_seq();
        range.changes.pop_back();
        if (range.changes.empty())
            appendChanges(exec(tx, kStatusLogGroup, eventId, static_cast<std::int64_t>(lastSeq)), eventId,
                          range.changes);
    }
    return range;
}

std::vector<std::pair<std::string, std::uint64_t>> seatStatusSeqs(pqxx::connection& conn,
                                                                  const std::vector<std::string>& eventIds) {
    std::vector<std::pair<std::string, std::uint64_t>> out;
    if (eventIds.empty()) return out;
    pqxx::read_transaction tx(conn);
    for (const auto& row : exec(tx, kStatusSeqs, nlohmann::json(eventIds).dump()))
        out.emplace_back(row[0].as<std::string>(), row[1].as<std::uint64_t>());
    return out;
}

std::size_t pruneSeatStatusLog(pqxx::connection& conn, std::chrono::seconds retention) {
    pqxx::work tx(conn);
    const auto result = exec(tx, kPruneStatusLog, static_cast<std::int64_t>(retention.count()));
    tx.commit();
    return static_cast<std::size_t>(result.affected_rows());
}

} // namespace marquee::server::detail
