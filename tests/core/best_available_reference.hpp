// Brute-force best available, written straight from the rules: the reference that property
// tests and the benchmark compare bestAvailable() against. O(seats x count).
#pragma once

#include "marquee/core/seating/best_available.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace marquee::test {

using namespace marquee::core::seating;

struct ReferenceBlock {
    std::vector<std::uint32_t> seats; // flat indexes in row order
    double distanceSquared = std::numeric_limits<double>::infinity();
};

// Why a block of seats (flat indexes in row order, all in `row`, starting at `rowStart`) is
// not a valid answer, or an empty string when it is.
inline std::string blockProblem(const Layout& layout, const Row& row, std::uint32_t rowStart, std::span<const SeatStatus> status,
                                const BestAvailableRequest& request, const std::vector<std::uint32_t>& block) {
    const double reach = 1.5 * layout.seatPitch;
    const auto adjacent = [&](std::uint32_t a, std::uint32_t b) {
        const Point p = row.seats[a - rowStart].position;
        const Point q = row.seats[b - rowStart].position;
        return std::hypot(p.x - q.x, p.y - q.y) <= reach;
    };
    const auto available = [&](std::uint32_t flat) { return status[flat] == SeatStatus::Available; };
    if (block.size() != static_cast<std::size_t>(request.count)) return "wrong size";
    for (std::size_t k = 0; k < block.size(); ++k) {
        const Seat& seat = row.seats[block[k] - rowStart];
        if (!available(block[k])) return "seat not available";
        if (!request.priceCategoryId.empty() && seat.priceCategoryId != request.priceCategoryId) return "wrong category";
        if (seat.priceCategoryId != row.seats[block[0] - rowStart].priceCategoryId) return "mixed categories";
        if (!request.accessible && (seat.flags & (kWheelchairSpace | kCompanionSeat))) return "accessible seat";
        if (k > 0 && !adjacent(block[k - 1], block[k])) return "not adjacent";
    }
    const auto n = static_cast<std::uint32_t>(row.seats.size());
    const auto inBlock = [&](std::uint32_t flat) { return std::find(block.begin(), block.end(), flat) != block.end(); };
    // Neighbour of a flat index in the row, if any (circular rows wrap).
    const auto neighbour = [&](std::uint32_t flat, int direction) -> std::optional<std::uint32_t> {
        const std::uint32_t i = flat - rowStart;
        if (direction < 0) {
            if (i == 0) return row.circular ? std::optional(rowStart + n - 1) : std::nullopt;
            return flat - 1;
        }
        if (i + 1 == n) return row.circular ? std::optional(rowStart) : std::nullopt;
        return flat + 1;
    };
    for (const int direction : {-1, 1}) {
        const std::uint32_t edge = direction < 0 ? block.front() : block.back();
        const auto outside = neighbour(edge, direction);
        if (!outside || inBlock(*outside) || !adjacent(edge, *outside) || !available(*outside)) continue;
        const auto beyond = neighbour(*outside, direction);
        if (!beyond || inBlock(*beyond) || !adjacent(*outside, *beyond) || !available(*beyond)) return "leaves an orphan";
    }
    return {};
}

inline std::optional<ReferenceBlock> referenceBestAvailable(const Layout& layout, const SeatIndex& index,
                                                            std::span<const SeatStatus> status,
                                                            const BestAvailableRequest& request) {
    const Point focal = request.focalPoint.value_or(layout.focalPoint);
    std::optional<ReferenceBlock> best;
    std::size_t rowNumber = 0;
    for (const Area& area : layout.areas) {
        for (const Row& row : area.rows) {
            const std::uint32_t rowStart = index.rowStarts()[rowNumber++];
            if (area.kind != AreaKind::Seated || (!request.areaId.empty() && area.id != request.areaId)) continue;
            const auto n = static_cast<std::uint32_t>(row.seats.size());
            const auto count = static_cast<std::uint32_t>(request.count);
            if (n < count) continue;
            const std::uint32_t starts = row.circular ? (count == n ? 1 : n) : n - count + 1;
            for (std::uint32_t start = 0; start < starts; ++start) {
                ReferenceBlock block;
                Point sum;
                for (std::uint32_t k = 0; k < count; ++k) {
                    const std::uint32_t i = (start + k) % n;
                    block.seats.push_back(rowStart + i);
                    sum.x += row.seats[i].position.x;
                    sum.y += row.seats[i].position.y;
                }
                if (!blockProblem(layout, row, rowStart, status, request, block.seats).empty()) continue;
                const double dx = sum.x / count - focal.x;
                const double dy = sum.y / count - focal.y;
                block.distanceSquared = dx * dx + dy * dy;
                if (!best || block.distanceSquared < best->distanceSquared) best = std::move(block);
            }
        }
    }
    return best;
}

} // namespace marquee::test
