// Booking, first layer: seat holds (HoldSeats, ExtendHold, ReleaseHold), the shared "lock a
// live hold" check the order saga confirms through, and the hold sweeper's release of lapsed
// holds. Schema: 0005_seating.sql + 0009_holds.sql (0018 + 0023: the one-statement hold of
// named seats); lock keys: db/lock_keys.hpp.
#include "services/api_internal.hpp"

#include "db/lock_keys.hpp"
#include "services/hold_sql.hpp"
#include "services/seat_claims.hpp"
#include "marquee/core/seating/best_available.hpp"
#include "marquee/core/validation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace marquee::server::detail {

namespace {

namespace seating = core::seating;
using seating::SeatStatus;
using holdsql::kHoldNamedSeats;
using holdsql::kHoldStart;
using holdsql::kInsertHoldWithClaims;

// Seats or places per hold: a group booking, far below a status-log group the feed reads whole.
constexpr std::size_t kMaxSeatsPerHold = 50;
constexpr std::size_t kMaxSeatIdLength = 64;
// Best available re-picks when seats it chose were taken between its read and its locks.
constexpr int kBestAvailableAttempts = 4;

constexpr Statement kHoldByKey{
    "booking_hold_by_key",
    "SELECT id::text, event_id::text FROM seat_holds WHERE holder_user_id = $1 AND idempotency_key = $2"};
constexpr Statement kHoldEvent{
    "booking_hold_event",
    "SELECT coalesce(layout_id::text, ''), coalesce(layout_version, 0), hold_seconds, hold_cap_seconds "
    "FROM events WHERE id = $1::uuid FOR KEY SHARE"};
// Every claim of the event with "lapsed": its hold is past its expiry (the hold row decides)
// and the sweeper has not released it yet.
constexpr Statement kEventClaims{
    "booking_event_claims",
    "SELECT c.seat_index, c.kind, coalesce(h.expires_at <= clock_timestamp(), false) FROM seat_claims c "
    "LEFT JOIN seat_holds h ON h.id = c.hold_id WHERE c.event_id = $1::uuid"};
constexpr Statement kInsertHold{
    "booking_insert_hold",
    "INSERT INTO seat_holds (event_id, holder_user_id, idempotency_key, expires_at, max_expires_at, ga_area_id, "
    "ga_count) VALUES ($1::uuid, $2, $3, clock_timestamp() + least($4::integer, $5::integer) * interval '1 second', "
    "clock_timestamp() + $5::integer * interval '1 second', NULLIF($6, ''), $7::integer) "
    "ON CONFLICT (holder_user_id, idempotency_key) DO NOTHING "
    "RETURNING id::text, (extract(epoch FROM expires_at) * 1000)::bigint, "
    "(extract(epoch FROM max_expires_at) * 1000)::bigint"};
constexpr Statement kInsertHoldClaims{
    "booking_insert_hold_claims",
    "INSERT INTO seat_claims (event_id, seat_id, seat_index, kind, holder_user_id, expires_at, hold_id, created_by) "
    "SELECT h.event_id, r.id, r.idx, 'held', h.holder_user_id, h.expires_at, h.id, h.holder_user_id "
    "FROM seat_holds h, jsonb_to_recordset($2::jsonb) AS r(id text, idx integer) WHERE h.id = $1::uuid "
    "ON CONFLICT (event_id, seat_id) DO NOTHING RETURNING seat_id"};
constexpr Statement kTakeGaPlaces{
    "booking_take_ga_places",
    "UPDATE seat_ga_counters SET taken = taken + $3 WHERE event_id = $1::uuid AND area_id = $2 "
    "AND taken + $3 <= capacity RETURNING capacity, taken"};
constexpr Statement kGaCounter{"booking_ga_counter",
                               "SELECT capacity, taken FROM seat_ga_counters WHERE event_id = $1::uuid AND area_id = $2"};
constexpr Statement kHoldRow{
    "booking_hold_row",
    "SELECT event_id::text, holder_user_id, (extract(epoch FROM expires_at) * 1000)::bigint, "
    "(extract(epoch FROM max_expires_at) * 1000)::bigint, coalesce(ga_area_id, ''), ga_count "
    "FROM seat_holds WHERE id = $1::uuid"};
constexpr Statement kHoldSeats{
    "booking_hold_seats", "SELECT seat_id, seat_index FROM seat_claims WHERE hold_id = $1::uuid ORDER BY seat_index"};
// Locks a hold; "live" is judged by the clock at the moment the lock is granted.
constexpr Statement kLockHold{
    "booking_lock_hold",
    "SELECT event_id::text, holder_user_id, expires_at > clock_timestamp() FROM seat_holds WHERE id = $1::uuid "
    "FOR UPDATE"};
constexpr Statement kExtendHold{
    "booking_extend_hold",
    "UPDATE seat_holds h SET expires_at = greatest(h.expires_at, "
    "least(clock_timestamp() + e.hold_seconds * interval '1 second', h.max_expires_at)) "
    "FROM events e WHERE h.id = $1::uuid AND e.id = h.event_id AND h.expires_at > clock_timestamp() "
    "RETURNING h.expires_at"};
constexpr Statement kExtendClaims{
    "booking_extend_claims",
    "UPDATE seat_claims c SET expires_at = h.expires_at, updated_at = now() FROM seat_holds h "
    "WHERE h.id = $1::uuid AND c.hold_id = h.id"};
// now() (the sweep's start), not clock_timestamp(): a stable bound the expiry index can stop
// at, where a volatile one made every sweep read every live hold.
constexpr Statement kLockExpiredHolds{
    "booking_lock_expired_holds",
    "SELECT id::text, event_id::text FROM seat_holds WHERE expires_at <= now() "
    "ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED"};

void requireUser(const Principal& who) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "log in to hold seats");
}

void requireCount(std::uint32_t count, const char* field) {
    if (count == 0 || count > kMaxSeatsPerHold)
        fail(v1::INVALID_ARGUMENT, std::string(field) + " must be 1 to " + std::to_string(kMaxSeatsPerHold),
             {{"field", field}, {"max", std::to_string(kMaxSeatsPerHold)}});
}


v1::HoldResult holdResult(pqxx::transaction_base& tx, const std::string& holdId,
                          const seating::SeatIndex* index = nullptr) {
    const auto hold = exec(tx, kHoldRow, holdId);
    if (hold.empty()) throw std::logic_error("holdResult: no such hold");
    v1::HoldResult result;
    result.set_hold_id(holdId);
    result.set_event_id(hold[0][0].as<std::string>());
    result.set_expires_at_ms(hold[0][2].as<std::int64_t>());
    result.set_max_expires_at_ms(hold[0][3].as<std::int64_t>());
    result.set_ga_area_id(hold[0][4].as<std::string>());
    result.set_ga_count(hold[0][5].as<std::uint32_t>());
    for (const auto& row : exec(tx, kHoldSeats, holdId)) {
        auto* seat = result.add_seats();
        seat->set_seat_id(row[0].as<std::string>());
        seat->set_seat_index(row[1].as<std::uint32_t>());
        if (index && seat->seat_index() < index->size()) seat->set_label(seatLabel(*index, seat->seat_index()));
    }
    return result;
}

// The hold `holdId` was written but some of its seats already had a claim. A live claim fails
// the request; holds that lapsed and were not swept yet are released (into `released`) and
// their seats claimed for this hold. Whatever is still missing then is being released or
// confirmed by someone else right now: "busy".
void claimPastLapsedHolds(pqxx::transaction_base& tx, const std::string& eventId, const std::string& holdId,
                          const std::vector<SeatPick>& seats, Released& released) {
    TakenSeats taken;
    std::set<std::string> lapsed;
    checkClaims(tx, eventId, seats, taken, lapsed, holdId);
    if (!taken.empty()) taken.fail();
    releaseLapsedHolds(tx, eventId, lapsed, released);
    exec(tx, kInsertHoldClaims, holdId, claimRows(seats));
    std::set<std::string> mine;
    for (const auto& row : exec(tx, kHoldSeats, holdId)) mine.insert(row[0].as<std::string>());
    for (const auto& seat : seats)
        if (!mine.count(seat.id)) taken.add(seat.id, "busy");
    if (!taken.empty()) taken.fail();
}

// The answer for a hold this request has just written (no need to read it back).
// `written`: id, expires_at and max_expires_at (ms) of the new hold, from column `first` on.
v1::HoldResult newHoldResult(const pqxx::row& written, pqxx::row::size_type first, const std::string& eventId,
                             std::vector<SeatPick> seats, const seating::SeatIndex& index) {
    v1::HoldResult result;
    result.set_hold_id(written[first].as<std::string>());
    result.set_event_id(eventId);
    result.set_expires_at_ms(written[first + 1].as<std::int64_t>());
    result.set_max_expires_at_ms(written[first + 2].as<std::int64_t>());
    std::sort(seats.begin(), seats.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
    for (const auto& pick : seats) {
        auto* seat = result.add_seats();
        seat->set_seat_id(pick.id);
        seat->set_seat_index(pick.index);
        if (pick.index < index.size()) seat->set_label(seatLabel(index, pick.index));
    }
    return result;
}

// The layout version each event was last seen pinned to, for the one-statement hold: it
// resolves seat ids to indexes before the statement, which checks the pin under the event's
// KEY SHARE lock, so a stale entry costs a pass through the full path, never a wrong index.
// Keyed by database and event (tests run one process against many databases). Layouts are
// held weakly: the layout cache alone decides how many stay decoded.
class EventPins {
public:
    struct Pin {
        std::string layoutId;
        std::uint32_t version = 0;
        std::shared_ptr<const LoadedLayout> layout;
    };
    std::optional<Pin> find(const std::string& key) {
        const std::lock_guard lock(m_mutex);
        const auto it = m_pins.find(key);
        if (it == m_pins.end()) return std::nullopt;
        auto layout = it->second.layout.lock();
        if (!layout) return std::nullopt;
        return Pin{it->second.layoutId, it->second.version, std::move(layout)};
    }
    void remember(const std::string& key, const std::string& layoutId, std::uint32_t version,
                  const std::shared_ptr<const LoadedLayout>& layout) {
        const std::lock_guard lock(m_mutex);
        if (m_pins.size() >= kCapacity && !m_pins.count(key)) m_pins.clear(); // rare: start over
        m_pins[key] = {layoutId, version, layout};
    }
    static std::string keyOf(pqxx::connection& conn, const std::string& eventId) {
        return std::string(conn.dbname()) + '/' + eventId;
    }

private:
    struct Entry {
        std::string layoutId;
        std::uint32_t version = 0;
        std::weak_ptr<const LoadedLayout> layout;
    };
    static constexpr std::size_t kCapacity = 4096;
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_pins;
};

EventPins& eventPins() {
    static EventPins pins;
    return pins;
}

// The hold of named seats in one statement (kHoldNamedSeats), on the event's remembered pin.
// nullopt: the full path decides (no pin remembered, a seat unknown to it, the pin moved, a
// replay, a lapsed hold in the way, a claim made meanwhile). Taken seats fail at once.
std::optional<v1::HoldResult> holdNamedSeats(pqxx::connection& conn, const Principal& who, const std::string& eventId,
                                             const v1::HoldSeats& request) {
    const auto pin = eventPins().find(EventPins::keyOf(conn, eventId));
    if (!pin) return std::nullopt;
    std::vector<SeatPick> seats;
    for (const auto& id : request.seats().ids()) {
        const auto index = pin->layout->index.indexOf(id);
        if (!index) return std::nullopt; // the full path names unknown seats on the current pin
        seats.push_back({id, *index});
    }
    std::sort(seats.begin(), seats.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
    const auto keys = lockKeys(eventId, seats);
    std::vector<std::string> ids;
    std::vector<std::uint32_t> indexes;
    for (const auto& seat : seats) {
        ids.push_back(seat.id);
        indexes.push_back(seat.index);
    }
    pqxx::nontransaction tx(conn); // the statement is its own transaction
    pqxx::result rows;
    try {
        rows = exec(tx, kHoldNamedSeats, eventId, who.userId, request.idempotency_key(), pin->layoutId,
                    static_cast<std::int64_t>(pin->version), db::lockkey::kSeatHoldClass, keyArray(keys),
                    textArray(ids), integerArray(indexes), static_cast<int>(SeatStatus::Held));
    } catch (const pqxx::sql_error& e) {
        if (e.sqlstate() == holdsql::kClaimedMeanwhileState) return std::nullopt; // rolled back whole
        throw;
    }
    const auto& row = rows.at(0);
    const auto outcome = row[0].as<std::string>();
    if (outcome == "held") return newHoldResult(row, 1, eventId, std::move(seats), pin->layout->index);
    TakenSeats taken;
    if (outcome == "busy") {
        for (const auto i : busySeats(keys, keyList(row[4].as<std::string>()))) taken.add(seats[i].id, "busy");
        taken.fail();
    }
    if (outcome == "claimed") {
        // [[seat id, kind, lapsed]]: live claims fail the request; lapsed holds only are the
        // full path's to release.
        for (const auto& claim : nlohmann::json::parse(row[4].as<std::string>()))
            if (!claim.at(2).get<bool>()) taken.add(claim.at(0).get<std::string>(), claim.at(1).get<std::string>());
        if (!taken.empty()) taken.fail();
    }
    return std::nullopt;
}

// Best available: picks a block on the event's current status, locks it, and picks again
// (with the seats lost marked taken) when another client got there first.
std::vector<SeatPick> pickBestAvailable(pqxx::transaction_base& tx, const std::string& eventId,
                                        const LoadedLayout& layout, const v1::BestAvailableSeats& request,
                                        std::set<std::string>& lapsedHolds) {
    std::vector<SeatStatus> status(layout.index.size(), SeatStatus::Available);
    for (const auto& row : exec(tx, kEventClaims, eventId)) {
        const auto index = row[0].as<std::uint32_t>();
        if (index < status.size() && !row[2].as<bool>()) status[index] = SeatStatus::Held;
    }
    seating::BestAvailableRequest want;
    want.count = static_cast<int>(request.count());
    want.priceCategoryId = request.price_category_id();
    want.areaId = request.area_id();
    want.accessible = request.accessible();
    for (int attempt = 0; attempt < kBestAvailableAttempts; ++attempt) {
        const auto block = seating::bestAvailable(layout.layout, layout.index, status, want);
        if (!block)
            fail(v1::FAILED_PRECONDITION,
                 "no " + std::to_string(request.count()) + " adjacent seats are available with these wishes",
                 {{"reason", "sold_out"}});
        std::vector<SeatPick> seats;
        for (const auto index : *block) seats.push_back({layout.index.seat(index).id, index});
        auto busy = tryLockSeats(tx, eventId, seats);
        TakenSeats taken;
        std::set<std::string> lapsed;
        if (busy.empty()) checkClaims(tx, eventId, seats, taken, lapsed);
        if (busy.empty() && taken.empty()) {
            lapsedHolds = std::move(lapsed);
            return seats;
        }
        for (const auto i : busy) status[seats[i].index] = SeatStatus::Held;
        // Claims that committed after the status read: mark every seat of the block that is
        // not free any more (the claims query is cheap for a block).
        for (const auto& id : liveClaimedSeats(tx, eventId, seats))
            if (const auto index = layout.index.indexOf(id)) status[*index] = SeatStatus::Held;
    }
    fail(v1::ALREADY_EXISTS, "the seats chosen were taken by others several times; try again",
         {{"reason", "contended"}, {"count", "0"}});
}

} // namespace

std::int32_t seatHoldLockKey(std::string_view eventId, std::string_view seatId) {
    return db::lockkey::fnv1a32({eventId, "/", seatId});
}

v1::HoldResult holdSeats(pqxx::connection& conn, const Principal& who, const v1::HoldSeats& request) {
    requireUser(who);
    requireIdempotencyKey(request.idempotency_key());
    const auto eventId = requireUuid(request.event_id(), "event_id");
    switch (request.selection_case()) {
    case v1::HoldSeats::kSeats: {
        const auto& ids = request.seats().ids();
        requireCount(static_cast<std::uint32_t>(std::min<int>(ids.size(), 1'000'000)), "seats.ids");
        std::set<std::string> unique;
        for (const auto& id : ids) {
            if (id.empty() || id.size() > kMaxSeatIdLength)
                fail(v1::INVALID_ARGUMENT, "a seat id must have 1 to 64 bytes", {{"field", "seats.ids"}});
            if (!unique.insert(id).second)
                fail(v1::INVALID_ARGUMENT, "seat '" + id + "' is listed twice", {{"field", "seats.ids"}, {"seat", id}});
        }
        break;
    }
    case v1::HoldSeats::kBestAvailable: requireCount(request.best_available().count(), "best_available.count"); break;
    case v1::HoldSeats::kGeneralAdmission:
        requireCount(request.general_admission().count(), "general_admission.count");
        if (request.general_admission().area_id().empty())
            fail(v1::INVALID_ARGUMENT, "general_admission.area_id is required", {{"field", "general_admission.area_id"}});
        break;
    case v1::HoldSeats::SELECTION_NOT_SET:
        fail(v1::INVALID_ARGUMENT, "say which seats: seats, best_available or general_admission",
             {{"field", "selection"}});
    }

    if (request.has_seats())
        if (auto held = holdNamedSeats(conn, who, eventId, request)) return std::move(*held);

    // The full path. Seats named in the request: their lock keys need no reads, so the first
    // statement takes them.
    std::vector<SeatPick> seats;
    if (request.has_seats())
        for (const auto& id : request.seats().ids()) seats.push_back({id, 0});
    const auto keys = lockKeys(eventId, seats);
    const auto& key = request.idempotency_key();

    pqxx::work tx(conn);
    const auto replayed = [&](const std::string& holdId, const std::string& holdEvent) {
        if (holdEvent != eventId)
            fail(v1::INVALID_ARGUMENT, "this idempotency key was used for another request",
                 {{"field", "idempotency_key"}});
        return holdResult(tx, holdId);
    };
    const auto start = exec(tx, kHoldStart, eventId, who.userId, key, keyArray(keys), db::lockkey::kSeatHoldClass)[0];
    // A replay answers with the hold while it lives; a released or swept hold is gone.
    if (const auto existing = start[5].as<std::string>(); !existing.empty())
        return replayed(existing, start[6].as<std::string>());
    const auto holdSeconds = start[2].as<std::int64_t>();
    if (holdSeconds == 0) fail(v1::NOT_FOUND, "no event with this id", {{"id", eventId}});
    const auto layoutId = start[0].as<std::string>();
    if (layoutId.empty())
        fail(v1::FAILED_PRECONDITION, "the event has no seat map", {{"id", eventId}, {"reason", "no_seat_map"}});
    const auto layout = loadLayoutVersion(tx, layoutId, start[1].as<std::uint32_t>(), start[4].as<std::size_t>());
    if (!layout) throw std::runtime_error("the event's layout version is missing");
    eventPins().remember(EventPins::keyOf(conn, eventId), layoutId, start[1].as<std::uint32_t>(), layout);
    const auto capSeconds = start[3].as<std::int64_t>();

    std::set<std::string> lapsedHolds;
    std::string gaArea;
    std::uint32_t gaCount = 0;
    if (request.has_seats()) {
        DetailList unknown("seat");
        std::string firstUnknown;
        for (auto& seat : seats) {
            if (const auto index = layout->index.indexOf(seat.id)) {
                seat.index = *index;
                continue;
            }
            if (unknown.empty()) firstUnknown = seat.id;
            unknown.add(seat.id, "unknown");
        }
        if (!unknown.empty()) {
            auto details = unknown.take();
            details["field"] = "seats.ids";
            fail(v1::INVALID_ARGUMENT, "the event's seat map has no seat '" + firstUnknown + "'", std::move(details));
        }
        // Never wait: a seat another transaction is holding right now counts as taken.
        TakenSeats taken;
        for (const auto i : busySeats(keys, keyList(start[7].as<std::string>()))) taken.add(seats[i].id, "busy");
        if (!taken.empty()) taken.fail();
    } else if (request.has_best_available()) {
        seats = pickBestAvailable(tx, eventId, *layout, request.best_available(), lapsedHolds);
    } else {
        gaArea = request.general_admission().area_id();
        gaCount = request.general_admission().count();
    }

    // Lapsed holds in the way that best available saw are released first (and announced with
    // this change); specific seats find theirs when the claim insert meets them.
    Released released;
    releaseLapsedHolds(tx, eventId, lapsedHolds, released);

    v1::HoldResult result;
    std::map<std::uint32_t, SeatStatusRow> changes;
    std::map<std::string, std::pair<std::uint32_t, std::uint32_t>> gaChanges;
    if (!seats.empty()) {
        const auto inserted = exec(tx, kInsertHoldWithClaims, eventId, who.userId, key, holdSeconds, capSeconds,
                                   claimRows(seats));
        if (inserted.empty()) {
            // The same key committed meanwhile (a concurrent replay): answer with that hold.
            const auto existing = exec(tx, kHoldByKey, who.userId, key);
            return replayed(existing[0][0].as<std::string>(), existing[0][1].as<std::string>());
        }
        if (inserted[0][3].as<std::size_t>() != seats.size())
            claimPastLapsedHolds(tx, eventId, inserted[0][0].as<std::string>(), seats, released);
        for (const auto& row : released.seats) changes[row.seatIndex] = row;
        for (const auto& seat : seats)
            changes[seat.index] = {seat.index, static_cast<std::uint8_t>(SeatStatus::Held), who.userId};
        gaChanges = released.gaAreas;
        result = newHoldResult(inserted[0], 0, eventId, seats, layout->index);
    } else {
        const auto inserted =
            exec(tx, kInsertHold, eventId, who.userId, key, holdSeconds, capSeconds, gaArea, gaCount);
        if (inserted.empty()) {
            const auto existing = exec(tx, kHoldByKey, who.userId, key);
            return replayed(existing[0][0].as<std::string>(), existing[0][1].as<std::string>());
        }
        const auto counter = exec(tx, kTakeGaPlaces, eventId, gaArea, static_cast<std::int64_t>(gaCount));
        if (counter.empty()) {
            const auto current = exec(tx, kGaCounter, eventId, gaArea);
            if (current.empty())
                fail(v1::INVALID_ARGUMENT, "the event has no general-admission area '" + gaArea + "'",
                     {{"field", "general_admission.area_id"}});
            const auto left = current[0][0].as<std::int64_t>() - current[0][1].as<std::int64_t>();
            fail(v1::FAILED_PRECONDITION, "only " + std::to_string(left) + " place(s) are left in this area",
                 {{"reason", "sold_out"}, {"available", std::to_string(left)}});
        }
        gaChanges = released.gaAreas;
        gaChanges[gaArea] = {counter[0][0].as<std::uint32_t>(), counter[0][1].as<std::uint32_t>()};
        for (const auto& row : released.seats) changes[row.seatIndex] = row;
        result = newHoldResult(inserted[0], 0, eventId, {}, layout->index);
        result.set_ga_area_id(gaArea);
        result.set_ga_count(gaCount);
    }
    announce(tx, eventId, std::move(changes), gaChanges);
    tx.commit();
    return result;
}

std::optional<LiveHold> lockLiveHold(pqxx::transaction_base& tx, const Principal& who, const std::string& holdId) {
    const auto rows = exec(tx, kLockHold, holdId);
    if (rows.empty()) return std::nullopt;
    if (rows[0][1].as<std::int64_t>() != who.userId)
        fail(v1::PERMISSION_DENIED, "this hold belongs to someone else", {{"id", holdId}});
    if (!rows[0][2].as<bool>()) return std::nullopt;
    return LiveHold{holdId, rows[0][0].as<std::string>()};
}

v1::HoldResult extendHold(pqxx::connection& conn, const Principal& who, const v1::ExtendHold& request) {
    requireUser(who);
    const auto holdId = requireUuid(request.hold_id(), "hold_id");
    pqxx::work tx(conn);
    const auto live = lockLiveHold(tx, who, holdId);
    if (!live)
        fail(v1::FAILED_PRECONDITION, "the hold has expired or was released", {{"id", holdId}, {"reason", "expired"}});
    if (exec(tx, kExtendHold, holdId).empty()) throw std::logic_error("a locked live hold could not be extended");
    exec(tx, kExtendClaims, holdId);
    const auto event = exec(tx, kHoldEvent, live->eventId);
    std::shared_ptr<const LoadedLayout> layout;
    if (!event.empty() && !event[0][0].as<std::string>().empty())
        layout = loadLayout(tx, event[0][0].as<std::string>(), event[0][1].as<std::uint32_t>());
    auto result = holdResult(tx, holdId, layout ? &layout->index : nullptr);
    tx.commit();
    return result;
}

v1::Ack releaseHold(pqxx::connection& conn, const Principal& who, const v1::ReleaseHold& request) {
    requireUser(who);
    const auto holdId = requireUuid(request.hold_id(), "hold_id");
    pqxx::work tx(conn);
    const auto rows = exec(tx, kLockHold, holdId);
    if (rows.empty()) fail(v1::NOT_FOUND, "no such hold (it may have expired)", {{"id", holdId}});
    if (rows[0][1].as<std::int64_t>() != who.userId)
        fail(v1::PERMISSION_DENIED, "this hold belongs to someone else", {{"id", holdId}});
    const auto eventId = rows[0][0].as<std::string>();
    Released released;
    releaseLockedHolds(tx, eventId, {holdId}, released);
    announceReleased(tx, eventId, released);
    tx.commit();
    v1::Ack ack;
    ack.set_id(holdId);
    return ack;
}

std::size_t sweepExpiredHolds(pqxx::connection& conn, std::size_t maxHolds) {
    pqxx::work tx(conn);
    std::map<std::string, std::vector<std::string>> byEvent; // sorted: status rows locked in event order
    std::size_t count = 0;
    for (const auto& row : exec(tx, kLockExpiredHolds, static_cast<std::int64_t>(maxHolds))) {
        byEvent[row[1].as<std::string>()].push_back(row[0].as<std::string>());
        ++count;
    }
    for (const auto& [eventId, holdIds] : byEvent) {
        Released released;
        releaseLockedHolds(tx, eventId, holdIds, released);
        announceReleased(tx, eventId, released);
    }
    tx.commit();
    return count;
}

} // namespace marquee::server::detail
