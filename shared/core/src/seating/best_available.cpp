// Best available in one pass per row: run lengths of eligible adjacent seats give every
// valid window in O(1), prefix sums give its centroid.
#include "marquee/core/seating/best_available.hpp"

#include "geometry.hpp"

#include <limits>
#include <stdexcept>

namespace marquee::core::seating {

namespace {

struct Candidate {
    double distanceSquared = std::numeric_limits<double>::infinity();
    std::uint32_t firstFlat = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t rowStart = 0;
    std::size_t rowSize = 0;
    std::size_t start = 0; // position in the row of the block's first seat
};

class RowScanner {
public:
    RowScanner(std::span<const SeatStatus> status, const BestAvailableRequest& request, Point focal, double adjacency)
        : m_status(status), m_request(request), m_focal(focal), m_adjacencySquared(adjacency * adjacency) {}

    void scan(const Row& row, std::uint32_t rowStart, Candidate& best) {
        const std::size_t n = row.seats.size();
        const auto count = static_cast<std::size_t>(m_request.count);
        if (n < count) return;
        // A circular row is walked once round plus count - 1 seats, so windows can wrap.
        const std::size_t length = row.circular ? n + count - 1 : n;
        m_sumX.assign(length + 1, 0.0);
        m_sumY.assign(length + 1, 0.0);
        std::size_t run = 0;
        const Seat* previous = nullptr;
        for (std::size_t k = 0; k < length; ++k) {
            const std::size_t i = k % n;
            const Seat& seat = row.seats[i];
            m_sumX[k + 1] = m_sumX[k] + seat.position.x;
            m_sumY[k + 1] = m_sumY[k] + seat.position.y;
            if (!eligible(seat, rowStart + static_cast<std::uint32_t>(i))) {
                run = 0;
            } else if (run > 0 && seat.priceCategoryId == previous->priceCategoryId && adjacent(*previous, seat)) {
                ++run;
            } else {
                run = 1;
            }
            previous = &seat;
            if (run < count) continue;
            const std::size_t start = k + 1 - count;
            // With the whole table taken every start gives the same block: count it once.
            if (row.circular && count == n && start > 0) continue;
            if (leavesOrphan(row, rowStart, start, count)) continue;
            const double c = static_cast<double>(count);
            const Point centroid{(m_sumX[k + 1] - m_sumX[start]) / c, (m_sumY[k + 1] - m_sumY[start]) / c};
            const double d = geometry::distanceSquared(centroid, m_focal);
            const std::uint32_t firstFlat = rowStart + static_cast<std::uint32_t>(start % n);
            if (d < best.distanceSquared || (d == best.distanceSquared && firstFlat < best.firstFlat))
                best = {d, firstFlat, rowStart, n, start % n};
        }
    }

private:
    bool eligible(const Seat& seat, std::uint32_t flat) const {
        if (m_status[flat] != SeatStatus::Available) return false;
        if (!m_request.priceCategoryId.empty() && seat.priceCategoryId != m_request.priceCategoryId) return false;
        if (!m_request.accessible && (seat.flags & (kWheelchairSpace | kCompanionSeat))) return false;
        return true;
    }
    bool adjacent(const Seat& a, const Seat& b) const {
        return geometry::distanceSquared(a.position, b.position) <= m_adjacencySquared;
    }
    bool available(std::uint32_t flat) const { return m_status[flat] == SeatStatus::Available; }

    // The seat just outside the block on one side is an orphan when it is available but its
    // own other neighbour is taken, across an aisle, missing (row end) or the block itself.
    bool orphanOnSide(const Row& row, std::uint32_t rowStart, std::size_t blockEdge, bool before, std::size_t count) const {
        const std::size_t n = row.seats.size();
        const auto step = [&](std::size_t i, std::size_t& next) {
            if (before) {
                if (i == 0 && !row.circular) return false;
                next = (i + n - 1) % n;
            } else {
                if (i + 1 == n && !row.circular) return false;
                next = (i + 1) % n;
            }
            return true;
        };
        std::size_t outside = 0;
        if (count == n || !step(blockEdge, outside)) return false;
        if (!adjacent(row.seats[blockEdge], row.seats[outside])) return false; // an aisle beside the block
        if (!available(rowStart + static_cast<std::uint32_t>(outside))) return false;
        std::size_t beyond = 0;
        if (!step(outside, beyond)) return true;                // row end
        if (n - count == 1) return true;                        // wedged between both ends of the block
        if (!adjacent(row.seats[outside], row.seats[beyond])) return true; // aisle
        return !available(rowStart + static_cast<std::uint32_t>(beyond));
    }

    bool leavesOrphan(const Row& row, std::uint32_t rowStart, std::size_t start, std::size_t count) const {
        const std::size_t n = row.seats.size();
        const std::size_t first = start % n;
        const std::size_t last = (start + count - 1) % n;
        return orphanOnSide(row, rowStart, first, true, count) || orphanOnSide(row, rowStart, last, false, count);
    }

    std::span<const SeatStatus> m_status;
    const BestAvailableRequest& m_request;
    Point m_focal;
    double m_adjacencySquared;
    std::vector<double> m_sumX;
    std::vector<double> m_sumY;
};

} // namespace

std::optional<std::vector<std::uint32_t>> bestAvailable(const Layout& layout, const SeatIndex& index,
                                                        std::span<const SeatStatus> status,
                                                        const BestAvailableRequest& request) {
    if (status.size() != index.size())
        throw std::invalid_argument("best available: " + std::to_string(status.size()) + " status entries for " +
                                    std::to_string(index.size()) + " seats");
    if (request.count < 1) throw std::invalid_argument("best available: ask for at least one seat");
    const double pitch = layout.seatPitch > 0 ? layout.seatPitch : 50.0;
    RowScanner scanner(status, request, request.focalPoint.value_or(layout.focalPoint), 1.5 * pitch);
    Candidate best;
    std::size_t rowNumber = 0;
    for (const Area& area : layout.areas) {
        const bool wanted = area.kind == AreaKind::Seated && (request.areaId.empty() || area.id == request.areaId);
        for (const Row& row : area.rows) {
            const std::uint32_t rowStart = index.rowStarts()[rowNumber++];
            if (wanted) scanner.scan(row, rowStart, best);
        }
    }
    if (best.firstFlat == std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
    std::vector<std::uint32_t> seats;
    seats.reserve(static_cast<std::size_t>(request.count));
    for (std::size_t k = 0; k < static_cast<std::size_t>(request.count); ++k)
        seats.push_back(best.rowStart + static_cast<std::uint32_t>((best.start + k) % best.rowSize));
    return seats;
}

} // namespace marquee::core::seating
