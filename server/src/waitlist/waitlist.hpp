// The waitlist (issue 4, docs/architecture.md "Waitlist"): what other server parts call. The
// requests (JoinWaitlist, LeaveWaitlist, ListWaitlist) are in services/waitlist_service.cpp;
// the offer worker (workers/waitlist_worker) runs settleOffers and offerSeats.
#pragma once

#include <pqxx/pqxx>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::server::waitlist {

// The order saga calls this in the transaction that confirms an order made from hold
// `holdId`: the entry the hold was offered to becomes accepted (and its change-log row is
// appended). False when the hold was no waitlist offer. The worker also detects confirmed
// orders of offered holds on its own (settleOffers), so a missed call only costs a tick.
bool markAccepted(pqxx::transaction_base& tx, const std::string& holdId);

struct SettleResult {
    std::size_t accepted = 0;
    std::size_t expired = 0;
    std::vector<std::string> eventsWithLapsedOffers; // their seats go to the next in line
};
// Offered entries whose hold was bought (a confirmed order) become accepted; those whose hold
// lapsed or was released without an order become expired. Entries another transaction has
// locked are left for the next call. Safe on every instance at once.
SettleResult settleOffers(pqxx::connection& conn);

// Offers the event's free seats to its waiting entries in queue order (created_at): N
// adjacent seats of the wanted category when a block is free, otherwise N seats of it apart,
// general-admission places for GA categories. Each offer is a HoldSeats for the entry's user
// that lives events.waitlist_offer_seconds, a change-log row and a mail. An entry that cannot
// be served with what is free keeps its place and later entries may be served. Returns the
// offers made; 0 at once when another worker is offering this event's seats right now.
std::size_t offerSeats(pqxx::connection& conn, const std::string& eventId);

// The events among `eventIds` (all when empty) that have waiting entries.
std::vector<std::string> eventsWithWaitingEntries(pqxx::connection& conn, const std::vector<std::string>& eventIds);

// The session advisory-lock key of an event's queue (class db::lockkey::kWaitlistEventClass).
std::int32_t eventLockKey(std::string_view eventId);
// The idempotency key of an entry's offer hold: a UUID derived from the entry id, so a pass
// that crashed after holding leaves a hold the next pass finds (and releases before offering).
std::string offerHoldKey(pqxx::transaction_base& tx, const std::string& entryId);

} // namespace marquee::server::waitlist
