// Best available: N adjacent seats in one row, in one price category, leaving no single
// orphan seat, closest to the focal point. Used by the server's hold path and by kiosks.
#pragma once

#include "marquee/core/seating/layout.hpp"
#include "marquee/core/seating/seat_index.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace marquee::core::seating {

struct BestAvailableRequest {
    int count = 1;
    std::string priceCategoryId;   // empty: any category
    std::string areaId;            // empty: any seated area
    bool accessible = false;       // false: wheelchair spaces and companion seats are skipped
    std::optional<Point> focalPoint; // default: layout.focalPoint
};

// Flat seat indexes (SeatIndex order) of the chosen block in row order, or nullopt when no
// block satisfies every rule. `status` has one entry per seat; only Available seats are
// taken (HeldByMe counts as taken). Neighbours further apart than 1.5 x seatPitch are not
// adjacent (an aisle). Deterministic: ties go to the lower flat index (of the block's first
// seat in row order). Throws std::invalid_argument when status.size() != index.size() or
// count < 1. One pass per row: about a millisecond for 100,000 seats.
std::optional<std::vector<std::uint32_t>> bestAvailable(const Layout& layout, const SeatIndex& index,
                                                        std::span<const SeatStatus> status,
                                                        const BestAvailableRequest& request);

} // namespace marquee::core::seating
