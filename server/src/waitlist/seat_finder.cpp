// Seat choice for waitlist offers (see seat_finder.hpp).
#include "waitlist/seat_finder.hpp"

#include "marquee/core/seating/best_available.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace marquee::server::waitlist {

namespace {

namespace seating = core::seating;
using detail::exec;
using detail::Statement;

constexpr Statement kEventPin{
    "waitlist_event_pin",
    "SELECT coalesce(layout_id::text, ''), coalesce(layout_version, 0) FROM events WHERE id = $1::uuid"};
// Claims that stand: everything except holds past their expiry (the hold row decides).
constexpr Statement kLiveClaims{
    "waitlist_live_claims",
    "SELECT c.seat_index FROM seat_claims c LEFT JOIN seat_holds h ON h.id = c.hold_id "
    "WHERE c.event_id = $1::uuid AND NOT coalesce(h.expires_at <= clock_timestamp(), false)"};
constexpr Statement kGaFree{"waitlist_ga_free",
                            "SELECT area_id, greatest(capacity - taken, 0) FROM seat_ga_counters WHERE event_id = $1::uuid"};

bool offerable(const seating::Seat& seat, const std::string& priceCategoryId) {
    if (seat.flags & (seating::kWheelchairSpace | seating::kCompanionSeat)) return false;
    return priceCategoryId.empty() || seat.priceCategoryId == priceCategoryId;
}

double distanceToFocus(const seating::Layout& layout, const seating::Seat& seat) {
    return std::hypot(seat.position.x - layout.focalPoint.x, seat.position.y - layout.focalPoint.y);
}

} // namespace

bool sideBySide(const EventSeating& s, std::vector<std::uint32_t> seats) {
    const auto& layout = s.layout->layout;
    const auto& index = s.layout->index;
    std::sort(seats.begin(), seats.end());
    for (std::size_t i = 1; i < seats.size(); ++i) {
        const auto& a = index.location(seats[i - 1]);
        const auto& b = index.location(seats[i]);
        if (seats[i] != seats[i - 1] + 1 || a.area != b.area || a.row != b.row) return false;
        const auto& p = index.seat(seats[i - 1]).position;
        const auto& q = index.seat(seats[i]).position;
        if (std::hypot(p.x - q.x, p.y - q.y) > 1.5 * layout.seatPitch) return false;
    }
    return true;
}

std::optional<std::vector<std::uint32_t>> seatsApart(const EventSeating& s, const std::string& priceCategoryId,
                                                   std::uint32_t count) {
    const auto& layout = s.layout->layout;
    const auto& index = s.layout->index;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::uint32_t>> freeByRow;
    std::uint32_t total = 0;
    for (std::uint32_t i = 0; i < index.size(); ++i) {
        if (s.status[i] != seating::SeatStatus::Available || !offerable(index.seat(i), priceCategoryId)) continue;
        const auto& at = index.location(i);
        freeByRow[{at.area, at.row}].push_back(i);
        ++total;
    }
    if (total < count) return std::nullopt;
    std::vector<std::vector<std::uint32_t>*> rows;
    for (auto& entry : freeByRow) {
        auto& seats = entry.second;
        std::stable_sort(seats.begin(), seats.end(), [&](std::uint32_t a, std::uint32_t b) {
            return distanceToFocus(layout, index.seat(a)) < distanceToFocus(layout, index.seat(b));
        });
        rows.push_back(&seats);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) { return a->size() > b->size(); });
    std::vector<std::uint32_t> picked;
    for (const auto* row : rows)
        for (const auto seat : *row) {
            if (picked.size() == count) break;
            picked.push_back(seat);
        }
    std::sort(picked.begin(), picked.end());
    return picked;
}

void EventSeating::take(const std::vector<std::uint32_t>& seats) {
    for (const auto seat : seats)
        if (seat < status.size()) status[seat] = seating::SeatStatus::Held;
}

std::optional<EventSeating> loadEventSeating(pqxx::transaction_base& tx, const std::string& eventId) {
    const auto pin = exec(tx, kEventPin, eventId);
    if (pin.empty() || pin[0][0].as<std::string>().empty()) return std::nullopt;
    EventSeating out;
    out.eventId = eventId;
    out.layout = detail::loadLayout(tx, pin[0][0].as<std::string>(), pin[0][1].as<std::uint32_t>());
    if (!out.layout) throw std::runtime_error("the event's layout version is missing");
    out.status.assign(out.layout->index.size(), seating::SeatStatus::Available);
    for (const auto& row : exec(tx, kLiveClaims, eventId)) {
        const auto seat = row[0].as<std::uint32_t>();
        if (seat < out.status.size()) out.status[seat] = seating::SeatStatus::Held;
    }
    for (const auto& row : exec(tx, kGaFree, eventId)) out.gaFree[row[0].as<std::string>()] = row[1].as<std::uint32_t>();
    return out;
}

std::optional<SeatOffer> findSeats(const EventSeating& s, const std::string& priceCategoryId, std::uint32_t count) {
    if (count == 0) return std::nullopt;
    const auto& layout = s.layout->layout;
    const auto& index = s.layout->index;
    seating::BestAvailableRequest want;
    want.count = static_cast<int>(count);
    want.priceCategoryId = priceCategoryId;
    if (auto block = seating::bestAvailable(layout, index, s.status, want)) return SeatOffer{std::move(*block), {}, count, false};

    // Standing places: the area of the category with the most room.
    const seating::Area* roomiest = nullptr;
    std::uint32_t roomiestFree = 0;
    for (const auto& area : layout.areas) {
        if (area.kind != seating::AreaKind::GeneralAdmission) continue;
        if (!priceCategoryId.empty() && area.priceCategoryId != priceCategoryId) continue;
        const auto free = s.gaFree.count(area.id) ? s.gaFree.at(area.id) : 0U;
        if (free >= count && free > roomiestFree) {
            roomiest = &area;
            roomiestFree = free;
        }
    }
    if (roomiest) return SeatOffer{{}, roomiest->id, count, false};

    if (auto seats = seatsApart(s, priceCategoryId, count)) {
        // Best available also refuses a block that would leave a single seat orphaned: such
        // a pick is side by side, and the offer should not say otherwise.
        const bool apart = !sideBySide(s, *seats);
        return SeatOffer{std::move(*seats), {}, count, apart};
    }
    return std::nullopt;
}

std::uint32_t categoryCapacity(const EventSeating& s, const std::string& priceCategoryId) {
    const auto& index = s.layout->index;
    std::uint32_t total = 0;
    for (std::uint32_t i = 0; i < index.size(); ++i)
        if (offerable(index.seat(i), priceCategoryId)) ++total;
    for (const auto& area : s.layout->layout.areas)
        if (area.kind == seating::AreaKind::GeneralAdmission &&
            (priceCategoryId.empty() || area.priceCategoryId == priceCategoryId))
            total += area.capacity;
    return total;
}

} // namespace marquee::server::waitlist
