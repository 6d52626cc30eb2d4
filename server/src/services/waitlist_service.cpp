// Waitlist requests: JoinWaitlist, LeaveWaitlist, ListWaitlist (order.proto; docs/protocol.md
// "Booking: waitlist"). Offers are made by the offer worker (waitlist/offers.cpp).
#include "services/api_internal.hpp"

#include "marquee/core/domain.hpp"
#include "waitlist/entries.hpp"
#include "waitlist/seat_finder.hpp"

namespace marquee::server::detail {

namespace {

constexpr std::uint32_t kMaxSeatsWanted = 10; // waitlist_entries.seats CHECK
constexpr std::size_t kMaxCategoryIdLength = 64;
constexpr std::uint32_t kListLimit = 100;

constexpr Statement kJoinEvent{
    "waitlist_join_event",
    "SELECT status, starts_at > now() FROM events WHERE id = $1::uuid FOR KEY SHARE"};
// ON CONFLICT without a target: the key (a concurrent replay) or the one-open-entry index.
constexpr Statement kInsertEntry{
    "waitlist_insert_entry",
    "INSERT INTO waitlist_entries (event_id, user_id, price_category_id, seats, idempotency_key) "
    "VALUES ($1::uuid, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id::text"};
constexpr Statement kOpenEntry{
    "waitlist_open_entry",
    "SELECT id::text FROM waitlist_entries WHERE event_id = $1::uuid AND user_id = $2 AND price_category_id = $3 "
    "AND status IN ('waiting', 'offered')"};
constexpr Statement kPendingOrderOnHold{
    "waitlist_pending_order_on_hold", "SELECT 1 FROM orders WHERE hold_id = $1::uuid AND status = 'pending'"};
constexpr Statement kMarkLeft{"waitlist_mark_left",
                              "UPDATE waitlist_entries SET status = 'left', updated_at = now() WHERE id = $1::uuid"};

void requireUser(const Principal& who) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "log in to use the waitlist");
}

bool sameRequest(const v1::WaitlistEntry& entry, const std::string& eventId, const v1::JoinWaitlist& request) {
    return entry.event_id() == eventId && entry.price_category_id() == request.price_category_id() &&
           entry.seats() == request.seats();
}

v1::WaitlistEntry replayed(const waitlist::EntryRow& row, const std::string& eventId,
                           const v1::JoinWaitlist& request) {
    if (!sameRequest(row.entry, eventId, request))
        fail(v1::INVALID_ARGUMENT, "idempotency_key reused for a different request", {{"field", "idempotency_key"}});
    return row.entry;
}

} // namespace

v1::WaitlistEntry joinWaitlist(pqxx::connection& conn, const Principal& who, const v1::JoinWaitlist& request) {
    requireUser(who);
    requireIdempotencyKey(request.idempotency_key());
    const auto eventId = requireUuid(request.event_id(), "event_id");
    if (request.seats() == 0 || request.seats() > kMaxSeatsWanted)
        fail(v1::INVALID_ARGUMENT, "seats must be 1 to " + std::to_string(kMaxSeatsWanted),
             {{"field", "seats"}, {"max", std::to_string(kMaxSeatsWanted)}});
    const auto& category = request.price_category_id();
    if (category.size() > kMaxCategoryIdLength)
        fail(v1::INVALID_ARGUMENT, "price_category_id is too long", {{"field", "price_category_id"}});

    pqxx::work tx(conn);
    if (const auto existing = waitlist::loadEntryByKey(tx, who.userId, request.idempotency_key()))
        return replayed(*existing, eventId, request);

    const auto event = exec(tx, kJoinEvent, eventId);
    if (event.empty()) fail(v1::NOT_FOUND, "no event with this id", {{"id", eventId}});
    if (event[0][0].as<std::string>() == "cancelled")
        fail(v1::FAILED_PRECONDITION, "the event was cancelled", {{"reason", "event_cancelled"}});
    if (!event[0][1].as<bool>())
        fail(v1::FAILED_PRECONDITION, "the event has started or is over", {{"reason", "event_over"}});
    const auto seating = waitlist::loadEventSeating(tx, eventId);
    if (!seating)
        fail(v1::FAILED_PRECONDITION, "the event has no seat map, so nothing can be offered",
             {{"id", eventId}, {"reason", "no_seat_map"}});
    if (!category.empty() && !seating->layout->layout.priceCategory(category))
        fail(v1::INVALID_ARGUMENT, "the event's seat map has no price category '" + category + "'",
             {{"field", "price_category_id"}});
    if (const auto capacity = waitlist::categoryCapacity(*seating, category); capacity < request.seats())
        fail(v1::INVALID_ARGUMENT,
             "the event has only " + std::to_string(capacity) + " seat(s) or place(s) in this category",
             {{"field", "seats"}, {"capacity", std::to_string(capacity)}});
    if (const auto now = waitlist::findSeats(*seating, category, request.seats())) {
        fail(v1::FAILED_PRECONDITION, "enough seats can be held right now; no need to wait",
             {{"reason", "not_sold_out"}, {"apart", now->apart ? "true" : "false"}});
    }

    const auto inserted = exec(tx, kInsertEntry, eventId, who.userId, category,
                               static_cast<std::int64_t>(request.seats()), request.idempotency_key());
    if (inserted.empty()) {
        // The same key committed meanwhile (a concurrent replay), or an entry is already open.
        if (const auto existing = waitlist::loadEntryByKey(tx, who.userId, request.idempotency_key()))
            return replayed(*existing, eventId, request);
        const auto open = exec(tx, kOpenEntry, eventId, who.userId, category);
        const auto openId = open.empty() ? std::string() : open[0][0].as<std::string>();
        fail(v1::ALREADY_EXISTS, "you are already on this event's waitlist for this category",
             {{"reason", "already_waiting"}, {"id", openId}});
    }
    const auto row = waitlist::loadEntry(tx, inserted[0][0].as<std::string>());
    waitlist::publishEntry(tx, *row);
    tx.commit();
    return row->entry;
}

v1::WaitlistEntry leaveWaitlist(pqxx::connection& conn, const Principal& who, const v1::LeaveWaitlist& request) {
    requireUser(who);
    const auto entryId = requireUuid(request.entry_id(), "entry_id");
    std::string offerHold;
    v1::WaitlistEntry answer;
    {
        pqxx::work tx(conn);
        const auto row = waitlist::loadEntry(tx, entryId, true);
        if (!row) fail(v1::NOT_FOUND, "no such waitlist entry", {{"id", entryId}});
        if (row->userId != who.userId)
            fail(v1::PERMISSION_DENIED, "this waitlist entry belongs to someone else", {{"id", entryId}});
        const auto status = row->entry.status();
        if (status == v1::WAITLIST_LEFT) return row->entry; // leaving twice changes nothing
        if (status != v1::WAITLIST_WAITING && status != v1::WAITLIST_OFFERED)
            fail(v1::FAILED_PRECONDITION, "the entry is closed already", {{"id", entryId}, {"reason", "closed"}});
        if (status == v1::WAITLIST_OFFERED) {
            offerHold = row->entry.hold_id();
            if (!exec(tx, kPendingOrderOnHold, offerHold).empty())
                fail(v1::FAILED_PRECONDITION, "an order is being paid from this offer",
                     {{"id", entryId}, {"reason", "order_pending"}});
        }
        exec(tx, kMarkLeft, entryId);
        const auto left = waitlist::loadEntry(tx, entryId);
        waitlist::publishEntry(tx, *left);
        tx.commit();
        answer = left->entry;
    }
    if (!offerHold.empty()) {
        // The offered seats go back (and to the next in line). Already released or lapsed: fine.
        v1::ReleaseHold release;
        release.set_hold_id(offerHold);
        try {
            releaseHold(conn, who, release);
        } catch (const ApiError& e) {
            if (e.code != v1::NOT_FOUND) throw;
        }
    }
    return answer;
}

v1::WaitlistList listWaitlist(pqxx::connection& conn, const Principal& who, const v1::ListWaitlist&) {
    requireUser(who);
    pqxx::read_transaction tx(conn);
    v1::WaitlistList list;
    for (auto& entry : waitlist::loadUserEntries(tx, who.userId, kListLimit)) *list.add_entries() = std::move(entry);
    return list;
}

} // namespace marquee::server::detail
