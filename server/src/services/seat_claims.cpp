// Shared seat-claim steps (see seat_claims.hpp).
#include "services/seat_claims.hpp"

#include "db/lock_keys.hpp"
#include "marquee/core/seating/seat_index.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace marquee::server::detail {

namespace {

using core::seating::SeatStatus;

constexpr Statement kClaimsOn{
    "booking_claims_on",
    "SELECT c.seat_id, c.kind, coalesce(c.hold_id::text, ''), coalesce(h.expires_at <= clock_timestamp(), false) "
    "FROM seat_claims c LEFT JOIN seat_holds h ON h.id = c.hold_id "
    "WHERE c.event_id = $1::uuid AND c.seat_id IN (SELECT jsonb_array_elements_text($2::jsonb))"};
// Keys arrive sorted; a function scan returns them in array order, so the locks are taken in
// ascending key order. Never waits: the keys not granted come back.
constexpr Statement kTryLocks{
    "booking_try_locks",
    "SELECT k FROM unnest($1::integer[]) WITH ORDINALITY AS t(k, n) "
    "WHERE NOT pg_try_advisory_xact_lock($2::integer, k) ORDER BY n"};
// Lapsed holds in the way of a new hold; SKIP LOCKED leaves one someone else is working on.
constexpr Statement kLockLapsedHolds{
    "booking_lock_lapsed_holds",
    "SELECT id::text FROM seat_holds WHERE id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid) "
    "AND expires_at <= clock_timestamp() ORDER BY id FOR UPDATE SKIP LOCKED"};
constexpr Statement kDeleteHoldClaims{
    "booking_delete_hold_claims",
    "DELETE FROM seat_claims WHERE kind = 'held' AND hold_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid) "
    "RETURNING seat_index"};
constexpr Statement kDeleteHolds{
    "booking_delete_holds",
    "DELETE FROM seat_holds WHERE id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid) "
    "RETURNING coalesce(ga_area_id, ''), ga_count"};
constexpr Statement kReturnGaPlaces{
    "booking_return_ga_places",
    "UPDATE seat_ga_counters SET taken = greatest(taken - $3, 0) WHERE event_id = $1::uuid AND area_id = $2 "
    "RETURNING capacity, taken"};

} // namespace

void TakenSeats::fail() {
    const auto count = m_list.size();
    detail::fail(v1::ALREADY_EXISTS, std::to_string(count) + " seat(s) are taken; nothing was " + m_nothingWas,
                 m_list.take());
}

LockKeys lockKeys(const std::string& eventId, const std::vector<SeatPick>& seats) {
    LockKeys keys;
    for (std::size_t i = 0; i < seats.size(); ++i) keys[seatHoldLockKey(eventId, seats[i].id)].push_back(i);
    return keys;
}

// The keys as a PostgreSQL integer array literal, ascending.
std::string keyArray(const LockKeys& keys) {
    std::vector<std::int32_t> ascending;
    for (const auto& entry : keys) ascending.push_back(entry.first);
    return integerArray(ascending);
}

// The seats covered by the keys not granted, sorted.
std::vector<std::size_t> busySeats(const LockKeys& keys, const std::vector<std::int32_t>& notGranted) {
    std::vector<std::size_t> busy;
    for (const auto key : notGranted) {
        const auto& covered = keys.at(key);
        busy.insert(busy.end(), covered.begin(), covered.end());
    }
    std::sort(busy.begin(), busy.end());
    return busy;
}

// The keys in a comma-separated list ("" for none), as the hold statements list the keys not
// granted.
std::vector<std::int32_t> keyList(const std::string& list) {
    std::vector<std::int32_t> keys;
    for (std::size_t from = 0; from < list.size();) {
        const auto comma = std::min(list.find(',', from), list.size());
        keys.push_back(static_cast<std::int32_t>(std::stol(list.substr(from, comma - from))));
        from = comma + 1;
    }
    return keys;
}

// Takes the seats' advisory locks in key order; returns the seats whose lock another
// transaction holds right now.
std::vector<std::size_t> tryLockSeats(pqxx::transaction_base& tx, const std::string& eventId,
                                      const std::vector<SeatPick>& seats) {
    const auto keys = lockKeys(eventId, seats);
    std::vector<std::int32_t> notGranted;
    for (const auto& row : exec(tx, kTryLocks, keyArray(keys), db::lockkey::kSeatHoldClass))
        notGranted.push_back(row[0].as<std::int32_t>());
    return busySeats(keys, notGranted);
}

// Deletes holds the caller has locked, their seat claims and their general-admission places.
void releaseLockedHolds(pqxx::transaction_base& tx, const std::string& eventId, const std::vector<std::string>& holdIds,
                        Released& released) {
    if (holdIds.empty()) return;
    const auto ids = nlohmann::json(holdIds).dump();
    for (const auto& row : exec(tx, kDeleteHoldClaims, ids))
        released.seats.push_back({row[0].as<std::uint32_t>(), static_cast<std::uint8_t>(SeatStatus::Available), 0});
    std::map<std::string, std::int64_t> places;
    for (const auto& row : exec(tx, kDeleteHolds, ids))
        if (const auto area = row[0].as<std::string>(); !area.empty()) places[area] += row[1].as<std::int64_t>();
    for (const auto& [area, count] : places) {
        const auto counter = exec(tx, kReturnGaPlaces, eventId, area, count);
        if (!counter.empty())
            released.gaAreas[area] = {counter[0][0].as<std::uint32_t>(), counter[0][1].as<std::uint32_t>()};
    }
}

// Records the change (seat rows and GA counters) for the stamper to number after commit.
void announce(pqxx::transaction_base& tx, const std::string& eventId, std::map<std::uint32_t, SeatStatusRow> seats,
              const std::map<std::string, std::pair<std::uint32_t, std::uint32_t>>& gaAreas) {
    if (seats.empty() && gaAreas.empty()) return;
    std::vector<SeatStatusRow> rows;
    rows.reserve(seats.size());
    for (const auto& entry : seats) rows.push_back(entry.second);
    std::vector<GaCounterRow> areas;
    for (const auto& [area, counter] : gaAreas) areas.push_back({area, counter.first, counter.second});
    recordSeatChanges(tx, eventId, rows, areas);
}

void announceReleased(pqxx::transaction_base& tx, const std::string& eventId, const Released& released) {
    std::map<std::uint32_t, SeatStatusRow> seats;
    for (const auto& row : released.seats) seats[row.seatIndex] = row;
    announce(tx, eventId, std::move(seats), released.gaAreas);
}

// The claims standing on `seats` (except those of the hold `ownHoldId`): live ones go to
// `taken`, lapsed holds to `lapsedHolds`.
void checkClaims(pqxx::transaction_base& tx, const std::string& eventId, const std::vector<SeatPick>& seats,
                 TakenSeats& taken, std::set<std::string>& lapsedHolds, const std::string& ownHoldId) {
    auto ids = nlohmann::json::array();
    for (const auto& seat : seats) ids.push_back(seat.id);
    for (const auto& row : exec(tx, kClaimsOn, eventId, ids.dump())) {
        const auto holdId = row[2].as<std::string>();
        if (!ownHoldId.empty() && holdId == ownHoldId) continue;
        if (row[3].as<bool>()) lapsedHolds.insert(holdId);
        else taken.add(row[0].as<std::string>(), row[1].as<std::string>());
    }
}

std::vector<std::string> liveClaimedSeats(pqxx::transaction_base& tx, const std::string& eventId,
                                          const std::vector<SeatPick>& seats) {
    auto ids = nlohmann::json::array();
    for (const auto& seat : seats) ids.push_back(seat.id);
    std::vector<std::string> claimed;
    for (const auto& row : exec(tx, kClaimsOn, eventId, ids.dump()))
        if (!row[3].as<bool>()) claimed.push_back(row[0].as<std::string>());
    return claimed;
}

// Releases the lapsed holds in `holdIds` that nobody else has locked (SKIP LOCKED: one being
// swept or confirmed right now is left alone).
void releaseLapsedHolds(pqxx::transaction_base& tx, const std::string& eventId, const std::set<std::string>& holdIds,
                        Released& released) {
    if (holdIds.empty()) return;
    std::vector<std::string> locked;
    for (const auto& row : exec(tx, kLockLapsedHolds, nlohmann::json(holdIds).dump()))
        locked.push_back(row[0].as<std::string>());
    releaseLockedHolds(tx, eventId, locked, released);
}

std::string claimRows(const std::vector<SeatPick>& seats) {
    auto rows = nlohmann::json::array();
    for (const auto& seat : seats) rows.push_back({{"id", seat.id}, {"idx", seat.index}});
    return rows.dump();
}

} // namespace marquee::server::detail
