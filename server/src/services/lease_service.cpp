// Seat leases for offline selling (LeaseSeats, ReturnLease, ListLeases; boxoffice.proto,
// docs/boxoffice.md): leased seats are seat_claims of kind 'leased' tied to a seat_leases row
// (0024_boxoffice.sql), claimed the way holds claim (services/seat_claims.hpp: per-seat
// advisory locks in ascending key order, the claims check, the unique live claim as the last
// guard) and announced as Leased on every seat map. Each leased seat carries the line the
// order pricing (orders/line_pricer.hpp) gives it now, which the device puts on its offline
// sales. The hold sweeper closes leases past the event's start plus 6 hours.
#include "services/boxoffice.hpp"

#include "marquee/core/seating/best_available.hpp"
#include "marquee/core/validation.hpp"
#include "orders/line_pricer.hpp"
#include "services/seat_claims.hpp"
#include "waitlist/seat_finder.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace marquee::server::detail {

namespace {

namespace seating = core::seating;
using seating::SeatStatus;

constexpr std::size_t kMaxLeaseSeats = 500;
constexpr std::size_t kMaxSeatIdLength = 64;
constexpr std::uint32_t kListLimit = 200;
// By category: picks again (with the seats lost marked taken) when another client claimed
// seats between the read and the locks.
constexpr int kPickAttempts = 4;

constexpr Statement kCurrentCertificate{
    "leases_current_certificate",
    "SELECT 1 FROM device_keys WHERE device_id = $1 AND replaced_at IS NULL AND valid_until > now()"};
constexpr Statement kLeaseByKey{
    "leases_by_key",
    "SELECT id::text, request_hash = $3 FROM seat_leases WHERE device_id = $1 AND idempotency_key = $2"};
// The lease ends 6 hours after the event starts: a device may sell at the door until then.
constexpr Statement kLeaseEvent{
    "leases_event",
    "SELECT coalesce(layout_id::text, ''), coalesce(layout_version, 0), currency, status, "
    "starts_at + interval '6 hours' > now() FROM events WHERE id = $1::uuid FOR KEY SHARE"};
constexpr Statement kInsertLease{
    "leases_insert",
    "INSERT INTO seat_leases (event_id, device_id, staff_user_id, idempotency_key, request_hash, currency, expires_at) "
    "SELECT $1::uuid, $2, $3, $4, $5, $6, e.starts_at + interval '6 hours' FROM events e WHERE e.id = $1::uuid "
    "ON CONFLICT (device_id, idempotency_key) DO NOTHING RETURNING id::text"};
constexpr Statement kInsertLeaseClaims{
    "leases_insert_claims",
    "INSERT INTO seat_claims (event_id, seat_id, seat_index, kind, holder_user_id, expires_at, lease_id, created_by) "
    "SELECT l.event_id, r.id, r.idx, 'leased', l.staff_user_id, l.expires_at, l.id, l.staff_user_id "
    "FROM seat_leases l, jsonb_to_recordset($2::jsonb) AS r(id text, idx integer) WHERE l.id = $1::uuid "
    "ON CONFLICT (event_id, seat_id) DO NOTHING RETURNING seat_id"};
constexpr Statement kInsertLeaseSeats{
    "leases_insert_seats",
    "INSERT INTO seat_lease_seats (lease_id, seat_id, seat_index, label, price_category_id, price_category_name, "
    "price_minor, fee_minor, tax_minor, total_minor) SELECT $1::uuid, s.seat_id, s.idx, s.label, s.category_id, "
    "s.category_name, s.price, s.fee, s.tax, s.total FROM jsonb_to_recordset($2::jsonb) AS s(seat_id text, idx integer, "
    "label text, category_id text, category_name text, price bigint, fee bigint, tax bigint, total bigint)"};

#define MQ_MS(expr) "coalesce((extract(epoch FROM " expr ") * 1000)::bigint, 0)"
constexpr Statement kLeaseRow{
    "leases_row",
    "SELECT l.id::text, l.event_id::text, l.device_id, l.staff_user_id, l.status, l.currency, " MQ_MS("l.created_at")
    ", " MQ_MS("l.expires_at") ", e.title, " MQ_MS("e.starts_at") ", e.time_zone, coalesce(v.name, ''), "
    "coalesce(concat_ws(', ', NULLIF(v.address, ''), NULLIF(v.city, '')), '') "
    "FROM seat_leases l JOIN events e ON e.id = l.event_id LEFT JOIN venues v ON v.id = e.venue_id "
    "WHERE l.id = $1::uuid"};
#undef MQ_MS
constexpr Statement kLeaseSeatRows{
    "leases_seat_rows",
    "SELECT seat_id, seat_index, label, price_category_id, price_category_name, price_minor, fee_minor, tax_minor, "
    "total_minor, state, coalesce(order_id::text, '') FROM seat_lease_seats WHERE lease_id = $1::uuid "
    "ORDER BY seat_index"};
constexpr Statement kLockLease{
    "leases_lock",
    "SELECT event_id::text, device_id, status FROM seat_leases WHERE id = $1::uuid FOR UPDATE"};
constexpr Statement kAvailableSeatsOf{
    "leases_available_seats_of",
    "SELECT seat_id FROM seat_lease_seats WHERE lease_id = $1::uuid AND state = 'available'"};
// $2: the seats to return; empty: every seat still available.
constexpr Statement kReturnClaims{
    "leases_return_claims",
    "DELETE FROM seat_claims WHERE lease_id = $1::uuid AND kind = 'leased' "
    "AND (cardinality($2::text[]) = 0 OR seat_id = ANY($2::text[])) RETURNING seat_index"};
constexpr Statement kMarkReturned{
    "leases_mark_returned",
    "UPDATE seat_lease_seats SET state = 'returned' WHERE lease_id = $1::uuid AND state = 'available' "
    "AND (cardinality($2::text[]) = 0 OR seat_id = ANY($2::text[]))"};
constexpr Statement kCloseIfEmpty{
    "leases_close_if_empty",
    "UPDATE seat_leases SET status = 'closed', closed_at = now() WHERE id = $1::uuid AND status = 'active' "
    "AND NOT EXISTS (SELECT 1 FROM seat_lease_seats WHERE lease_id = $1::uuid AND state = 'available')"};
constexpr Statement kListLeases{
    "leases_list",
    "SELECT id::text FROM seat_leases WHERE ($1 = '' OR device_id = $1) AND (NULLIF($2, '') IS NULL "
    "OR event_id = NULLIF($2, '')::uuid) AND (NOT $3 OR status = 'active') ORDER BY created_at DESC, id LIMIT $4"};
constexpr Statement kLockDeviceLeases{
    "leases_lock_device",
    "SELECT id::text, event_id::text FROM seat_leases WHERE device_id = $1 AND status = 'active' "
    "ORDER BY event_id, id FOR UPDATE"};
// now(): the sweep's start, a stable bound the partial expiry index can stop at.
constexpr Statement kLockExpiredLeases{
    "leases_lock_expired",
    "SELECT id::text, event_id::text FROM seat_leases WHERE status = 'active' AND expires_at <= now() "
    "ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED"};

v1::LeasedSeatState stateFromName(const std::string& name) {
    if (name == "available") return v1::LEASED_SEAT_AVAILABLE;
    if (name == "sold") return v1::LEASED_SEAT_SOLD;
    if (name == "returned") return v1::LEASED_SEAT_RETURNED;
    return v1::LEASED_SEAT_STATE_UNSPECIFIED;
}

v1::Lease loadLease(pqxx::transaction_base& tx, const std::string& leaseId) {
    const auto rows = exec(tx, kLeaseRow, leaseId);
    if (rows.empty()) throw std::logic_error("loadLease: no lease " + leaseId);
    const auto& r = rows[0];
    v1::Lease lease;
    lease.set_id(r[0].c_str());
    lease.set_event_id(r[1].c_str());
    lease.set_device_id(r[2].c_str());
    lease.set_staff_user_id(r[3].as<std::int64_t>());
    lease.set_status(r[4].as<std::string>() == "active" ? v1::LEASE_ACTIVE : v1::LEASE_CLOSED);
    lease.set_currency(r[5].c_str());
    lease.set_created_at_ms(r[6].as<std::int64_t>());
    lease.set_expires_at_ms(r[7].as<std::int64_t>());
    lease.set_event_title(r[8].c_str());
    lease.set_event_starts_at_ms(r[9].as<std::int64_t>());
    lease.set_event_time_zone(r[10].c_str());
    lease.set_venue_name(r[11].c_str());
    lease.set_venue_address(r[12].c_str());
    for (const auto& row : exec(tx, kLeaseSeatRows, leaseId)) {
        auto* seat = lease.add_seats();
        seat->set_seat_id(row[0].c_str());
        seat->set_seat_index(row[1].as<std::uint32_t>());
        seat->set_label(row[2].c_str());
        auto* line = seat->mutable_line();
        line->set_seat_id(seat->seat_id());
        line->set_label(seat->label());
        line->set_price_category_id(row[3].c_str());
        line->set_price_category_name(row[4].c_str());
        line->set_price_minor(row[5].as<std::int64_t>());
        line->set_fee_minor(row[6].as<std::int64_t>());
        line->set_tax_minor(row[7].as<std::int64_t>());
        line->set_total_minor(row[8].as<std::int64_t>());
        seat->set_state(stateFromName(row[9].as<std::string>()));
        seat->set_order_id(row[10].c_str());
    }
    return lease;
}

void validateSelection(const v1::LeaseSeats& request) {
    switch (request.selection_case()) {
    case v1::LeaseSeats::kSeats: {
        const auto& ids = request.seats().ids();
        if (ids.empty() || static_cast<std::size_t>(ids.size()) > kMaxLeaseSeats)
            fail(v1::INVALID_ARGUMENT, "seats.ids must list 1 to 500 seats", {{"field", "seats.ids"}, {"max", "500"}});
        std::set<std::string> unique;
        for (const auto& id : ids) {
            if (id.empty() || id.size() > kMaxSeatIdLength || !core::isValidUtf8(id))
                fail(v1::INVALID_ARGUMENT, "a seat id must have 1 to 64 bytes of UTF-8", {{"field", "seats.ids"}});
            if (!unique.insert(id).second)
                fail(v1::INVALID_ARGUMENT, "seat '" + id + "' is listed twice", {{"field", "seats.ids"}, {"seat", id}});
        }
        return;
    }
    case v1::LeaseSeats::kByCategory: {
        const auto& counts = request.by_category().counts();
        if (counts.empty()) fail(v1::INVALID_ARGUMENT, "by_category.counts is empty", {{"field", "by_category.counts"}});
        std::set<std::string> categories;
        std::size_t total = 0;
        for (const auto& count : counts) {
            const auto& id = count.price_category_id();
            if (id.empty() || id.size() > kMaxSeatIdLength || !core::isValidUtf8(id))
                fail(v1::INVALID_ARGUMENT, "price_category_id must have 1 to 64 bytes of UTF-8",
                     {{"field", "by_category.counts"}});
            if (!categories.insert(id).second)
                fail(v1::INVALID_ARGUMENT, "price category '" + id + "' is listed twice",
                     {{"field", "by_category.counts"}});
            if (count.count() == 0 || count.count() > kMaxLeaseSeats)
                fail(v1::INVALID_ARGUMENT, "a count must be 1 to 500", {{"field", "by_category.counts"}, {"max", "500"}});
            total += count.count();
        }
        if (total > kMaxLeaseSeats)
            fail(v1::INVALID_ARGUMENT, "at most 500 seats per lease request", {{"field", "by_category.counts"}});
        return;
    }
    case v1::LeaseSeats::SELECTION_NOT_SET:
        fail(v1::INVALID_ARGUMENT, "say which seats: seats or by_category", {{"field", "selection"}});
    }
}

// Named seats: their indexes (INVALID_ARGUMENT for seats the map does not have), locked and
// checked; lapsed holds in the way go to `lapsedHolds`.
std::vector<SeatPick> namedSeats(pqxx::transaction_base& tx, const std::string& eventId, const LoadedLayout& layout,
                                 const v1::LeaseSeats& request, std::set<std::string>& lapsedHolds) {
    std::vector<SeatPick> seats;
    DetailList unknown("seat");
    std::string firstUnknown;
    for (const auto& id : request.seats().ids()) {
        if (const auto index = layout.index.indexOf(id)) {
            seats.push_back({id, *index});
            continue;
        }
        if (unknown.empty()) firstUnknown = id;
        unknown.add(id, "unknown");
    }
    if (!unknown.empty()) {
        auto details = unknown.take();
        details["field"] = "seats.ids";
        fail(v1::INVALID_ARGUMENT, "the event's seat map has no seat '" + firstUnknown + "'", std::move(details));
    }
    TakenSeats taken("leased");
    for (const auto i : tryLockSeats(tx, eventId, seats)) taken.add(seats[i].id, "busy");
    if (!taken.empty()) taken.fail();
    checkClaims(tx, eventId, seats, taken, lapsedHolds);
    if (!taken.empty()) taken.fail();
    return seats;
}

// By category: per category the best block (core::seating::bestAvailable), otherwise free
// seats of the category wherever they are (waitlist::seatsApart); locked and checked, picked
// again when others got there first.
std::vector<SeatPick> seatsByCategory(pqxx::transaction_base& tx, const std::string& eventId,
                                      const v1::LeaseByCategory& request, std::set<std::string>& lapsedHolds) {
    auto seatingNow = waitlist::loadEventSeating(tx, eventId);
    if (!seatingNow) throw std::logic_error("seatsByCategory: the event has no seat map");
    const auto& index = seatingNow->layout->index;
    for (int attempt = 0; attempt < kPickAttempts; ++attempt) {
        auto status = seatingNow->status; // picks of earlier categories count as taken
        std::vector<SeatPick> seats;
        for (const auto& want : request.counts()) {
            if (!seatingNow->layout->layout.priceCategory(want.price_category_id()))
                fail(v1::INVALID_ARGUMENT, "the event has no price category '" + want.price_category_id() + "'",
                     {{"field", "by_category.counts"}});
            seating::BestAvailableRequest best;
            best.count = static_cast<int>(want.count());
            best.priceCategoryId = want.price_category_id();
            auto block = seating::bestAvailable(seatingNow->layout->layout, index, status, best);
            if (!block) {
                waitlist::EventSeating remaining = *seatingNow;
                remaining.status = status;
                block = waitlist::seatsApart(remaining, want.price_category_id(), want.count());
            }
            if (!block)
                fail(v1::FAILED_PRECONDITION,
                     "fewer than " + std::to_string(want.count()) + " seats of '" + want.price_category_id() +
                         "' are free",
                     {{"reason", "sold_out"}, {"price_category_id", want.price_category_id()}});
            for (const auto seat : *block) {
                seats.push_back({index.seat(seat).id, seat});
                status[seat] = SeatStatus::Leased;
            }
        }
        const auto busy = tryLockSeats(tx, eventId, seats);
        TakenSeats taken("leased");
        std::set<std::string> lapsed;
        if (busy.empty()) checkClaims(tx, eventId, seats, taken, lapsed);
        if (busy.empty() && taken.empty()) {
            lapsedHolds = std::move(lapsed);
            return seats;
        }
        // Seats being claimed right now, and claims committed since the read: taken from now
        // on; pick again.
        std::vector<std::uint32_t> lost;
        for (const auto i : busy) lost.push_back(seats[i].index);
        for (const auto& id : liveClaimedSeats(tx, eventId, seats))
            if (const auto seat = index.indexOf(id)) lost.push_back(*seat);
        seatingNow->take(lost);
    }
    fail(v1::ALREADY_EXISTS, "the seats chosen were taken by others several times; try again",
         {{"reason", "contended"}, {"count", "0"}});
}

// Gives leased seats back (all still available when `seatIds` is empty) and closes the lease
// once none is left; the seats are announced Available.
// Returns how many seats went back.
std::size_t returnSeats(pqxx::transaction_base& tx, const std::string& leaseId, const std::string& eventId,
                        const std::vector<std::string>& seatIds) {
    const auto ids = textArray(seatIds);
    std::map<std::uint32_t, SeatStatusRow> freed;
    for (const auto& row : exec(tx, kReturnClaims, leaseId, ids)) {
        const auto index = row[0].as<std::uint32_t>();
        freed[index] = {index, static_cast<std::uint8_t>(SeatStatus::Available), 0};
    }
    exec(tx, kMarkReturned, leaseId, ids);
    exec(tx, kCloseIfEmpty, leaseId);
    const auto count = freed.size();
    announce(tx, eventId, std::move(freed), {});
    return count;
}

} // namespace

v1::Lease leaseSeats(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::LeaseSeats& request) {
    requireIdempotencyKey(request.idempotency_key());
    const auto eventId = requireUuid(request.event_id(), "event_id");
    validateSelection(request);
    const auto requestHash = toBinary(sha256(request.SerializeAsString()));

    pqxx::work tx(conn);
    if (const auto existing = exec(tx, kLeaseByKey, caller.deviceId, request.idempotency_key(), requestHash);
        !existing.empty()) {
        if (!existing[0][1].as<bool>())
            fail(v1::INVALID_ARGUMENT, "idempotency_key reused for a different request", {{"field", "idempotency_key"}});
        return loadLease(tx, existing[0][0].as<std::string>());
    }
    refuseRevokedDevice(tx, caller.deviceId);
    if (exec(tx, kCurrentCertificate, caller.deviceId).empty())
        fail(v1::FAILED_PRECONDITION, "register this device (RegisterDevice) before leasing seats",
             {{"reason", "no_device_certificate"}});
    const auto event = exec(tx, kLeaseEvent, eventId);
    if (event.empty()) fail(v1::NOT_FOUND, "no event with this id", {{"id", eventId}});
    if (event[0][0].as<std::string>().empty())
        fail(v1::FAILED_PRECONDITION, "the event has no seat map", {{"id", eventId}, {"reason", "no_seat_map"}});
    if (event[0][3].as<std::string>() == "cancelled" || !event[0][4].as<bool>())
        fail(v1::FAILED_PRECONDITION, "the event is not on sale", {{"reason", "event_not_on_sale"}});
    const auto layout = loadLayout(tx, event[0][0].as<std::string>(), event[0][1].as<std::uint32_t>());
    if (!layout) throw std::runtime_error("the event's layout version is missing");

    std::set<std::string> lapsedHolds;
    auto seats = request.has_seats() ? namedSeats(tx, eventId, *layout, request, lapsedHolds)
                                     : seatsByCategory(tx, eventId, request.by_category(), lapsedHolds);
    std::sort(seats.begin(), seats.end(), [](const auto& a, const auto& b) { return a.index < b.index; });

    // Priced now, as CreateOrder would price them (fails before anything is written).
    orders::LinePricer pricer(tx, eventId, *layout, event[0][2].as<std::string>());
    auto priced = nlohmann::json::array();
    for (const auto& seat : seats) {
        const auto line = pricer.seat(seat.index);
        priced.push_back({{"seat_id", seat.id}, {"idx", seat.index}, {"label", line.label},
                          {"category_id", line.category->id}, {"category_name", line.category->name},
                          {"price", line.price.priceMinor}, {"fee", line.price.feeMinor}, {"tax", line.price.taxMinor},
                          {"total", line.price.totalMinor}});
    }

    Released released;
    releaseLapsedHolds(tx, eventId, lapsedHolds, released);
    const auto inserted = exec(tx, kInsertLease, eventId, caller.deviceId, caller.who.userId,
                               request.idempotency_key(), requestHash, pricer.currency());
    if (inserted.empty()) {
        // The same key committed meanwhile (a concurrent replay): answer with that lease.
        const auto existing = exec(tx, kLeaseByKey, caller.deviceId, request.idempotency_key(), requestHash);
        if (existing.empty() || !existing[0][1].as<bool>())
            fail(v1::INVALID_ARGUMENT, "idempotency_key reused for a different request", {{"field", "idempotency_key"}});
        return loadLease(tx, existing[0][0].as<std::string>());
    }
    const auto leaseId = inserted[0][0].as<std::string>();
    std::set<std::string> claimed;
    for (const auto& row : exec(tx, kInsertLeaseClaims, leaseId, claimRows(seats))) claimed.insert(row[0].as<std::string>());
    if (claimed.size() != seats.size()) {
        // A claim committed between the check and the insert (the unique live claim held).
        TakenSeats taken("leased");
        for (const auto& seat : seats)
            if (!claimed.count(seat.id)) taken.add(seat.id, "busy");
        taken.fail();
    }
    exec(tx, kInsertLeaseSeats, leaseId, priced.dump());

    std::map<std::uint32_t, SeatStatusRow> changes;
    for (const auto& row : released.seats) changes[row.seatIndex] = row;
    for (const auto& seat : seats) changes[seat.index] = {seat.index, static_cast<std::uint8_t>(SeatStatus::Leased), 0};
    announce(tx, eventId, std::move(changes), released.gaAreas);
    auto lease = loadLease(tx, leaseId);
    tx.commit();
    return lease;
}

v1::Lease returnLease(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::ReturnLease& request) {
    requireIdempotencyKey(request.idempotency_key());
    const auto leaseId = requireUuid(request.lease_id(), "lease_id");
    if (static_cast<std::size_t>(request.seat_ids_size()) > kMaxLeaseSeats)
        fail(v1::INVALID_ARGUMENT, "at most 500 seat_ids", {{"field", "seat_ids"}});
    std::set<std::string> unique;
    for (const auto& id : request.seat_ids())
        if (id.empty() || id.size() > kMaxSeatIdLength || !core::isValidUtf8(id) || !unique.insert(id).second)
            fail(v1::INVALID_ARGUMENT, "seat_ids must be distinct ids of 1 to 64 bytes", {{"field", "seat_ids"}});

    pqxx::work tx(conn);
    const auto lease = exec(tx, kLockLease, leaseId);
    if (lease.empty()) fail(v1::NOT_FOUND, "no such lease", {{"id", leaseId}});
    if (lease[0][1].as<std::string>() != caller.deviceId && !caller.isAdmin())
        fail(v1::PERMISSION_DENIED, "this lease belongs to another device", {{"id", leaseId}});
    refuseRevokedDevice(tx, caller.deviceId); // its leases were returned when it was revoked
    if (claimIdempotencyKey(tx, caller.who.userId, request.idempotency_key(),
                            sha256("return_lease:" + request.SerializeAsString()))) {
        auto replayed = loadLease(tx, leaseId);
        tx.commit();
        return replayed;
    }
    std::set<std::string> available;
    for (const auto& row : exec(tx, kAvailableSeatsOf, leaseId)) available.insert(row[0].as<std::string>());
    DetailList notLeased("not_leased");
    std::string firstNotLeased;
    for (const auto& id : request.seat_ids())
        if (!available.count(id)) {
            if (notLeased.empty()) firstNotLeased = id;
            notLeased.add(id, "not_available");
        }
    if (!notLeased.empty()) {
        auto details = notLeased.take();
        details["reason"] = "not_leased." + firstNotLeased;
        fail(v1::FAILED_PRECONDITION, "seat '" + firstNotLeased + "' is not available in this lease (sold or returned)",
             std::move(details));
    }
    returnSeats(tx, leaseId, lease[0][0].as<std::string>(),
                std::vector<std::string>(request.seat_ids().begin(), request.seat_ids().end()));
    v1::Ack ack;
    ack.set_id(leaseId);
    storeIdempotentAnswer(tx, caller.who.userId, request.idempotency_key(), ack);
    auto result = loadLease(tx, leaseId);
    tx.commit();
    return result;
}

v1::LeaseList listLeases(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::ListLeases& request) {
    const auto eventId = request.event_id().empty() ? std::string() : requireUuid(request.event_id(), "event_id");
    if (request.all_devices() && !caller.isAdmin())
        fail(v1::PERMISSION_DENIED, "only admins list every device's leases", {{"field", "all_devices"}});
    const std::string device = request.all_devices() ? std::string() : caller.deviceId;
    pqxx::read_transaction tx(conn);
    v1::LeaseList list;
    for (const auto& row :
         exec(tx, kListLeases, device, eventId, request.active_only(), static_cast<std::int64_t>(kListLimit)))
        *list.add_leases() = loadLease(tx, row[0].as<std::string>());
    return list;
}

std::size_t sweepExpiredLeases(pqxx::connection& conn, std::size_t maxLeases) {
    pqxx::work tx(conn);
    std::map<std::string, std::vector<std::string>> byEvent; // event order: status changes in a fixed order
    std::size_t count = 0;
    for (const auto& row : exec(tx, kLockExpiredLeases, static_cast<std::int64_t>(maxLeases))) {
        byEvent[row[1].as<std::string>()].push_back(row[0].as<std::string>());
        ++count;
    }
    for (const auto& [eventId, leaseIds] : byEvent)
        for (const auto& leaseId : leaseIds) returnSeats(tx, leaseId, eventId, {});
    tx.commit();
    return count;
}

std::uint32_t returnDeviceLeases(pqxx::transaction_base& tx, const std::string& deviceId) {
    std::size_t seats = 0;
    for (const auto& row : exec(tx, kLockDeviceLeases, deviceId))
        seats += returnSeats(tx, row[0].as<std::string>(), row[1].as<std::string>(), {});
    return static_cast<std::uint32_t>(seats);
}

} // namespace marquee::server::detail
