// Moving an event to another layout version: every claimed seat (sold, held, leased,
// blocked) must exist in the new version under the same id.
#pragma once

#include "marquee/core/seating/layout.hpp"
#include "marquee/core/seating/seat_index.hpp"

#include <string>
#include <vector>

namespace marquee::core::seating {

struct ClaimedSeat {
    std::string seatId;
    SeatStatus status = SeatStatus::Sold;
};

struct LostSeat {
    std::string seatId;
    std::string description; // "Stalls, row F, seat 12 (sold)" from the old layout
    SeatStatus status = SeatStatus::Sold;
};

struct MigrationCheck {
    std::vector<LostSeat> lost;  // claimed seats missing in the new version: refuse when non-empty
    std::vector<std::string> priceCategoryChanged; // kept seats whose category changed (warning)
    bool ok() const { return lost.empty(); }
};

MigrationCheck checkMigration(const Layout& from, const Layout& to, const std::vector<ClaimedSeat>& claims);

// "Stalls, row F, seat 12" for a seat of the layout, in English (server messages).
std::string describeSeat(const Layout& layout, const SeatIndex& index, std::uint32_t seat);

} // namespace marquee::core::seating
