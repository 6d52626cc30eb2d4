// Moving an event between layout versions: claimed seats are matched by id.
#include "marquee/core/seating/migration.hpp"

namespace marquee::core::seating {

namespace {

const char* statusWord(SeatStatus status) {
    switch (status) {
    case SeatStatus::Available: return "available";
    case SeatStatus::Held:
    case SeatStatus::HeldByMe: return "held";
    case SeatStatus::Sold: return "sold";
    case SeatStatus::Blocked: return "blocked";
    case SeatStatus::Leased: return "leased";
    }
    return "claimed";
}

} // namespace

std::string describeSeat(const Layout& layout, const SeatIndex& index, std::uint32_t seat) {
    (void)layout; // the index already points into the layout
    if (seat >= index.size()) return "seat #" + std::to_string(seat) + " (not in the layout)";
    const Area& area = index.area(seat);
    const Row& row = index.row(seat);
    const Seat& s = index.seat(seat);
    const auto labelOr = [](const std::string& label, const std::string& id) { return label.empty() ? id : label; };
    return labelOr(area.label, area.id) + ", " + (row.circular ? "table " : "row ") + labelOr(row.label, row.id) + ", seat " +
           labelOr(s.label, s.id);
}

MigrationCheck checkMigration(const Layout& from, const Layout& to, const std::vector<ClaimedSeat>& claims) {
    const SeatIndex oldIndex(from);
    const SeatIndex newIndex(to);
    MigrationCheck check;
    for (const ClaimedSeat& claim : claims) {
        const auto before = oldIndex.indexOf(claim.seatId);
        const auto after = newIndex.indexOf(claim.seatId);
        if (!after) {
            const std::string where = before ? describeSeat(from, oldIndex, *before) : "seat " + claim.seatId + " (unknown in the old version too)";
            check.lost.push_back({claim.seatId, where + " (" + statusWord(claim.status) + ")", claim.status});
            continue;
        }
        if (!before) continue;
        const std::string& oldCategory = oldIndex.seat(*before).priceCategoryId;
        const std::string& newCategory = newIndex.seat(*after).priceCategoryId;
        const PriceCategory* oldPrice = from.priceCategory(oldCategory);
        const PriceCategory* newPrice = to.priceCategory(newCategory);
        const bool samePrice = oldPrice && newPrice ? oldPrice->priceMinor == newPrice->priceMinor && oldPrice->currency == newPrice->currency
                                                    : oldPrice == newPrice;
        if (oldCategory != newCategory || !samePrice) check.priceCategoryChanged.push_back(claim.seatId);
    }
    return check;
}

} // namespace marquee::core::seating
