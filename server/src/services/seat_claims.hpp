// The seat-claim steps every claiming path shares (holds in booking_service.cpp, leases in
// lease_service.cpp): the per-seat advisory locks in ascending key order (db/lock_keys.hpp),
// the check of the claims standing on seats, the release of lapsed holds in the way, the
// "taken.<seat>" refusal, and the seat-status announcement for the seat feed.
#pragma once

#include "services/api_internal.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace marquee::server::detail {

// Seats a request could not get: ALREADY_EXISTS with details "taken.<seat id>" = why (the
// claim's kind, or "busy"), "count" = how many. `nothingWas`: "held", "leased".
class TakenSeats {
public:
    explicit TakenSeats(std::string nothingWas = "held") : m_nothingWas(std::move(nothingWas)) {}
    void add(const std::string& seatId, const std::string& why) { m_list.add(seatId, why); }
    bool empty() const { return m_list.empty(); }
    [[noreturn]] void fail();

private:
    std::string m_nothingWas;
    DetailList m_list{"taken"};
};

struct SeatPick {
    std::string id;
    std::uint32_t index = 0;
};

// The seats' lock keys, ascending, each with the seats it covers (a collision covers two).
using LockKeys = std::map<std::int32_t, std::vector<std::size_t>>;
LockKeys lockKeys(const std::string& eventId, const std::vector<SeatPick>& seats);
// The keys as a PostgreSQL integer array literal, ascending.
std::string keyArray(const LockKeys& keys);
// The seats covered by the keys not granted, sorted.
std::vector<std::size_t> busySeats(const LockKeys& keys, const std::vector<std::int32_t>& notGranted);
// The keys in a comma-separated list ("" for none), as the hold statements list the keys not
// granted.
std::vector<std::int32_t> keyList(const std::string& list);
// Takes the seats' advisory locks in key order; returns the seats whose lock another
// transaction holds right now (never waits).
std::vector<std::size_t> tryLockSeats(pqxx::transaction_base& tx, const std::string& eventId,
                                      const std::vector<SeatPick>& seats);

// Seats and general-admission counters a transaction gave back.
struct Released {
    std::vector<SeatStatusRow> seats;
    std::map<std::string, std::pair<std::uint32_t, std::uint32_t>> gaAreas; // area -> (capacity, taken)
};
// Deletes holds the caller has locked, their seat claims and their general-admission places.
void releaseLockedHolds(pqxx::transaction_base& tx, const std::string& eventId, const std::vector<std::string>& holdIds,
                        Released& released);
// Releases the lapsed holds in `holdIds` that nobody else has locked (SKIP LOCKED: one being
// swept or confirmed right now is left alone).
void releaseLapsedHolds(pqxx::transaction_base& tx, const std::string& eventId, const std::set<std::string>& holdIds,
                        Released& released);

// Records the change (seat rows and GA counters) for the stamper to number after commit.
void announce(pqxx::transaction_base& tx, const std::string& eventId, std::map<std::uint32_t, SeatStatusRow> seats,
              const std::map<std::string, std::pair<std::uint32_t, std::uint32_t>>& gaAreas);
void announceReleased(pqxx::transaction_base& tx, const std::string& eventId, const Released& released);

// The claims standing on `seats` (except those of the hold `ownHoldId`): live ones go to
// `taken` (why: the claim's kind), lapsed holds to `lapsedHolds`.
void checkClaims(pqxx::transaction_base& tx, const std::string& eventId, const std::vector<SeatPick>& seats,
                 TakenSeats& taken, std::set<std::string>& lapsedHolds, const std::string& ownHoldId = {});

// The seats among `seats` with a live claim (lapsed holds left out), for pickers that lost a
// race and pick again.
std::vector<std::string> liveClaimedSeats(pqxx::transaction_base& tx, const std::string& eventId,
                                          const std::vector<SeatPick>& seats);

// The seats as the JSON rows the claim inserts read: [{"id": ..., "idx": ...}].
std::string claimRows(const std::vector<SeatPick>& seats);

} // namespace marquee::server::detail
