// The offer worker's work (see waitlist.hpp): free seats become holds for waiting entries in
// queue order, lapsed offers expire, bought offers are accepted. An offer is made through
// detail::holdSeats itself (advisory seat locks, claims, seat-status announcement), then
// recorded on the entry in a second transaction; the hold's idempotency key is derived from the
// entry, so a crash between the two leaves a hold the next pass finds and releases.
#include "waitlist/waitlist.hpp"

#include "common/log.hpp"
#include "db/lock_keys.hpp"
#include "mail/notifications.hpp"
#include "services/api_internal.hpp"
#include "waitlist/entries.hpp"
#include "waitlist/seat_finder.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace marquee::server::waitlist {

namespace {

using detail::exec;
using detail::Statement;

// A pass re-reads the seats and tries again when a hold lost its seats to a buyer meanwhile.
constexpr int kHoldAttempts = 4;
// Entries one pass looks at; the rest wait for the next pass (a notification or the tick).
constexpr std::int64_t kQueueBatch = 500;
constexpr std::int64_t kSettleBatch = 500;

constexpr Statement kTryEventLock{"waitlist_try_event_lock", "SELECT pg_try_advisory_lock($1::integer, $2::integer)"};
constexpr Statement kEventUnlock{"waitlist_event_unlock", "SELECT pg_advisory_unlock($1::integer, $2::integer)"};
// The offer hold's idempotency key is derived from the entry id (md5 shaped as a UUID), so a
// pass that crashed between holding and recording left a hold this query finds (orphan).
#define MARQUEE_SQL_OFFER_KEY(entryId) "md5('marquee waitlist offer/' || " entryId ")::uuid::text"
constexpr Statement kWaitingQueue{
    "waitlist_waiting_queue",
    "SELECT w.id::text, w.user_id, w.price_category_id, w.seats, k.key, coalesce(h.id::text, '') "
    "FROM waitlist_entries w CROSS JOIN LATERAL (SELECT " MARQUEE_SQL_OFFER_KEY("w.id::text") " AS key) k "
    "LEFT JOIN seat_holds h ON h.holder_user_id = w.user_id AND h.idempotency_key = k.key "
    "WHERE w.event_id = $1::uuid AND w.status = 'waiting' ORDER BY w.created_at, w.id LIMIT $2"};
constexpr Statement kOfferKey{"waitlist_offer_key", "SELECT " MARQUEE_SQL_OFFER_KEY("$1::text")};
// The offer lives waitlist_offer_seconds from now, and cannot be extended past that (one
// clock reading for both, so the hold's expires_at <= max_expires_at check holds).
constexpr Statement kSetOfferExpiry{
    "waitlist_set_offer_expiry",
    "UPDATE seat_holds h SET expires_at = o.until, max_expires_at = o.until FROM (SELECT clock_timestamp() + "
    "e.waitlist_offer_seconds * interval '1 second' AS until FROM seat_holds s JOIN events e ON e.id = s.event_id "
    "WHERE s.id = $1::uuid) o WHERE h.id = $1::uuid AND h.expires_at > clock_timestamp() RETURNING h.expires_at"};
constexpr Statement kSetClaimsExpiry{
    "waitlist_set_claims_expiry",
    "UPDATE seat_claims SET expires_at = $2::timestamptz, updated_at = now() WHERE hold_id = $1::uuid"};
constexpr Statement kMarkOffered{
    "waitlist_mark_offered",
    "UPDATE waitlist_entries SET status = 'offered', hold_id = $2::uuid, offer_expires_at = $3::timestamptz, "
    "offered_seat_labels = ARRAY(SELECT jsonb_array_elements_text($4::jsonb)), seats_apart = $5, "
    "offered_at = now(), updated_at = now() WHERE id = $1::uuid"};
// Offered entries whose hold is no longer live (bought, released or lapsed), with the newest
// order made from the hold. Locked entries (a LeaveWaitlist, the saga's markAccepted) are left.
constexpr Statement kUnsettledOffers{
    "waitlist_unsettled_offers",
    "SELECT w.id::text, w.event_id::text, "
    "coalesce((SELECT o.status FROM orders o WHERE o.hold_id = w.hold_id "
    "ORDER BY o.status IN ('confirmed', 'cancelled') DESC, o.created_at DESC LIMIT 1), '') "
    "FROM waitlist_entries w WHERE w.status = 'offered' AND NOT EXISTS (SELECT 1 FROM seat_holds h "
    "WHERE h.id = w.hold_id AND h.expires_at > clock_timestamp()) "
    "ORDER BY w.offer_expires_at LIMIT $1 FOR UPDATE OF w SKIP LOCKED"};
constexpr Statement kRecipient{"waitlist_recipient", "SELECT email, display_name, language FROM users WHERE id = $1"};
constexpr Statement kSetStatus{"waitlist_set_status",
                               "UPDATE waitlist_entries SET status = $2, updated_at = now() WHERE id = $1::uuid"};
constexpr Statement kAcceptByHold{
    "waitlist_accept_by_hold",
    "UPDATE waitlist_entries SET status = 'accepted', updated_at = now() "
    "WHERE hold_id = $1::uuid AND status = 'offered' RETURNING id::text"};
constexpr Statement kEventsWaiting{
    "waitlist_events_waiting",
    "SELECT DISTINCT event_id::text FROM waitlist_entries WHERE status = 'waiting' AND "
    "($1::jsonb = '[]'::jsonb OR event_id::text IN (SELECT jsonb_array_elements_text($1::jsonb)))"};

// A session advisory lock on one event's queue, released when the pass ends (or with the
// connection if it breaks).
class EventQueueLock {
public:
    EventQueueLock(pqxx::connection& conn, const std::string& eventId) : m_conn(conn), m_key(eventLockKey(eventId)) {
        pqxx::nontransaction tx(m_conn);
        m_held = exec(tx, kTryEventLock, db::lockkey::kWaitlistEventClass, m_key)[0][0].as<bool>();
    }
    ~EventQueueLock() {
        if (!m_held) return;
        try {
            pqxx::nontransaction tx(m_conn);
            exec(tx, kEventUnlock, db::lockkey::kWaitlistEventClass, m_key);
        } catch (const std::exception& e) {
            // The connection is gone, and the lock with it.
            log::warn("waitlist: releasing an event lock failed", {{"error", e.what()}});
        }
    }
    EventQueueLock(const EventQueueLock&) = delete;
    EventQueueLock& operator=(const EventQueueLock&) = delete;
    bool held() const { return m_held; }

private:
    pqxx::connection& m_conn;
    std::int32_t m_key;
    bool m_held = false;
};

struct WaitingEntry {
    std::string id;
    std::int64_t userId = 0;
    std::string priceCategoryId;
    std::uint32_t seats = 0;
    std::string offerKey;   // the offer hold's idempotency key
    std::string orphanHold; // a hold made with it that was never recorded on the entry
};

Principal holderOf(const WaitingEntry& entry) {
    Principal who;
    who.userId = entry.userId;
    who.role = core::Role::Attendee;
    return who;
}

void releaseQuietly(pqxx::connection& conn, const Principal& holder, const std::string& holdId) {
    v1::ReleaseHold release;
    release.set_hold_id(holdId);
    try {
        detail::releaseHold(conn, holder, release);
    } catch (const detail::ApiError& e) {
        if (e.code != v1::NOT_FOUND) log::warn("waitlist: releasing an offer hold failed", {{"error", e.message}});
    }
}

// Holds what findSeats picks for the entry's user; re-picks when a buyer took seats between
// the read and the hold. nullopt: nothing to offer now.
std::optional<v1::HoldResult> holdFor(pqxx::connection& conn, EventSeating& seating, const WaitingEntry& entry) {
    const auto holder = holderOf(entry);
    for (int attempt = 0; attempt < kHoldAttempts; ++attempt) {
        const auto offer = findSeats(seating, entry.priceCategoryId, entry.seats);
        if (!offer) return std::nullopt;
        v1::HoldSeats request;
        request.set_idempotency_key(entry.offerKey);
        request.set_event_id(seating.eventId);
        if (offer->gaAreaId.empty()) {
            for (const auto seat : offer->seats) request.mutable_seats()->add_ids(seating.layout->index.seat(seat).id);
        } else {
            request.mutable_general_admission()->set_area_id(offer->gaAreaId);
            request.mutable_general_admission()->set_count(offer->count);
        }
        try {
            return detail::holdSeats(conn, holder, request);
        } catch (const detail::ApiError& e) {
            if (e.code == v1::ALREADY_EXISTS) {
                // taken.<seat id> names the seats lost; mark them (all of the pick if none named).
                std::vector<std::uint32_t> lost;
                for (const auto& [key, value] : e.details)
                    if (key.rfind("taken.", 0) == 0)
                        if (const auto index = seating.layout->index.indexOf(key.substr(6))) lost.push_back(*index);
                seating.take(lost.empty() ? offer->seats : lost);
                continue;
            }
            if (e.code == v1::FAILED_PRECONDITION && !offer->gaAreaId.empty()) {
                seating.gaFree[offer->gaAreaId] = 0; // the places went meanwhile
                continue;
            }
            log::warn("waitlist: an offer hold was refused", {{"entry", entry.id}, {"error", e.message}});
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::vector<std::string> offeredLabels(const EventSeating& seating, const v1::HoldResult& hold) {
    std::vector<std::string> labels;
    for (const auto& seat : hold.seats()) labels.push_back(seat.label().empty() ? seat.seat_id() : seat.label());
    for (const auto& area : seating.layout->layout.areas)
        if (area.id == hold.ga_area_id()) labels.insert(labels.end(), hold.ga_count(), area.label);
    return labels;
}

// Turns the entry into an offer of `hold` (expiry, change log, mail) if it is still waiting;
// otherwise (left meanwhile) gives the hold back. True when offered.
bool recordOffer(pqxx::connection& conn, const EventSeating& seating, const WaitingEntry& entry,
                 const v1::HoldResult& hold) {
    std::vector<std::uint32_t> seats;
    for (const auto& seat : hold.seats()) seats.push_back(seat.seat_index());
    {
        pqxx::work tx(conn);
        const auto row = loadEntry(tx, entry.id, true);
        if (row && row->entry.status() == v1::WAITLIST_WAITING) {
            const auto expiry = exec(tx, kSetOfferExpiry, hold.hold_id());
            if (!expiry.empty()) {
                const auto expiresAt = expiry[0][0].as<std::string>();
                exec(tx, kSetClaimsExpiry, hold.hold_id(), expiresAt);
                const bool apart = seats.size() > 1 && !sideBySide(seating, seats);
                exec(tx, kMarkOffered, entry.id, hold.hold_id(), expiresAt,
                     nlohmann::json(offeredLabels(seating, hold)).dump(), apart);
                const auto offered = loadEntry(tx, entry.id);
                publishEntry(tx, *offered);
                const auto to = exec(tx, kRecipient, entry.userId);
                mail::enqueueWaitlistOffer(tx, offered->entry, to[0][0].as<std::string>(), to[0][1].as<std::string>(),
                                           to[0][2].as<std::string>());
                tx.commit();
                log::info("waitlist: seats offered",
                          {{"entry", entry.id}, {"event", seating.eventId}, {"hold", hold.hold_id()}});
                return true;
            }
        }
    }
    // Left meanwhile, or the hold lapsed before it could be recorded: it goes back.
    releaseQuietly(conn, holderOf(entry), hold.hold_id());
    return false;
}

std::vector<WaitingEntry> waitingQueue(pqxx::connection& conn, const std::string& eventId) {
    pqxx::read_transaction tx(conn);
    std::vector<WaitingEntry> queue;
    for (const auto& row : exec(tx, kWaitingQueue, eventId, kQueueBatch))
        queue.push_back({row[0].as<std::string>(), row[1].as<std::int64_t>(), row[2].as<std::string>(),
                         row[3].as<std::uint32_t>(), row[4].as<std::string>(), row[5].as<std::string>()});
    return queue;
}

} // namespace

std::int32_t eventLockKey(std::string_view eventId) {
    // Like the seat-hold keys (another class, so no clash with them).
    return db::lockkey::fnv1a32({eventId});
}

std::string offerHoldKey(pqxx::transaction_base& tx, const std::string& entryId) {
    return exec(tx, kOfferKey, entryId)[0][0].as<std::string>();
}

std::size_t offerSeats(pqxx::connection& conn, const std::string& eventId) {
    const EventQueueLock lock(conn, eventId);
    if (!lock.held()) return 0;
    const auto queue = waitingQueue(conn, eventId);
    if (queue.empty()) return 0;
    std::optional<EventSeating> seating;
    {
        pqxx::read_transaction tx(conn);
        seating = loadEventSeating(tx, eventId);
    }
    if (!seating) return 0;
    std::size_t offers = 0;
    // Per category, the smallest party nothing was found for this pass: larger ones need not look.
    std::map<std::string, std::uint32_t> unservable;
    for (const auto& entry : queue) {
        if (!entry.orphanHold.empty()) {
            // Its seats go back first; the entry is offered anew (most likely the same seats).
            releaseQuietly(conn, holderOf(entry), entry.orphanHold);
            pqxx::read_transaction tx(conn);
            seating = loadEventSeating(tx, eventId);
            unservable.clear();
        }
        if (const auto it = unservable.find(entry.priceCategoryId); it != unservable.end() && entry.seats >= it->second)
            continue;
        if (!findSeats(*seating, entry.priceCategoryId, entry.seats)) {
            unservable[entry.priceCategoryId] = entry.seats; // keeps its place; a smaller wish may fit
            continue;
        }
        const auto hold = holdFor(conn, *seating, entry);
        if (!hold) continue;
        std::vector<std::uint32_t> held;
        for (const auto& seat : hold->seats()) held.push_back(seat.seat_index());
        seating->take(held);
        if (!hold->ga_area_id().empty()) {
            auto& free = seating->gaFree[hold->ga_area_id()];
            free -= std::min(free, hold->ga_count());
        }
        if (recordOffer(conn, *seating, entry, *hold)) ++offers;
    }
    return offers;
}

SettleResult settleOffers(pqxx::connection& conn) {
    SettleResult result;
    pqxx::work tx(conn);
    std::set<std::string> lapsedEvents;
    for (const auto& row : exec(tx, kUnsettledOffers, kSettleBatch)) {
        const auto entryId = row[0].as<std::string>();
        const auto orderStatus = row[2].as<std::string>();
        if (orderStatus == "pending") continue; // the saga decides; the hold is its to confirm
        const bool bought = orderStatus == "confirmed" || orderStatus == "cancelled";
        exec(tx, kSetStatus, entryId, bought ? "accepted" : "expired");
        publishEntry(tx, *loadEntry(tx, entryId));
        if (bought) {
            ++result.accepted;
        } else {
            ++result.expired;
            lapsedEvents.insert(row[1].as<std::string>());
        }
    }
    tx.commit();
    result.eventsWithLapsedOffers.assign(lapsedEvents.begin(), lapsedEvents.end());
    return result;
}

bool markAccepted(pqxx::transaction_base& tx, const std::string& holdId) {
    const auto rows = exec(tx, kAcceptByHold, holdId);
    if (rows.empty()) return false;
    publishEntry(tx, *loadEntry(tx, rows[0][0].as<std::string>()));
    return true;
}

std::vector<std::string> eventsWithWaitingEntries(pqxx::connection& conn, const std::vector<std::string>& eventIds) {
    pqxx::read_transaction tx(conn);
    std::vector<std::string> out;
    for (const auto& row : exec(tx, kEventsWaiting, nlohmann::json(eventIds).dump()))
        out.push_back(row[0].as<std::string>());
    return out;
}

} // namespace marquee::server::waitlist
