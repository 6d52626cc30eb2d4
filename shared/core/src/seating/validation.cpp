// Layout validation in O(seats): hash maps for duplicates, a uniform grid for overlaps.
#include "marquee/core/seating/validation.hpp"

#include "geometry.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace marquee::core::seating {

namespace {

// A broken import can make every pair of seats a problem; the list stays readable and the
// run stays linear by reporting at most this many of each kind.
constexpr std::size_t kMaxProblemsPerKind = 1000;
// Seats further out than 100 km cannot be meant; they would also defeat the overlap grid.
constexpr double kMaxCoordinate = 1e7;

std::string quoted(const std::string& label) { return "\"" + label + "\""; }

std::string rowName(const Row& row) { return (row.circular ? "table " : "row ") + quoted(row.label); }

std::string seatName(const Area& area, const Row& row, const Seat& seat) {
    return quoted(area.label) + ", " + rowName(row) + ", seat " + quoted(seat.label) + " (" + seat.id + ")";
}

Point areaAnchor(const Area& area) {
    if (!area.outline.empty()) {
        Point sum;
        for (const Point& p : area.outline) {
            sum.x += p.x;
            sum.y += p.y;
        }
        const auto n = static_cast<double>(area.outline.size());
        return {sum.x / n, sum.y / n};
    }
    for (const Row& row : area.rows) {
        if (!row.seats.empty()) return row.seats.front().position;
    }
    return {};
}

Point rowAnchor(const Row& row, const Area& area) {
    if (row.tableCentre) return *row.tableCentre;
    return row.seats.empty() ? areaAnchor(area) : row.seats.front().position;
}

class Collector {
public:
    void add(LayoutProblem problem) {
        auto& count = m_counts[static_cast<std::size_t>(problem.kind)];
        if (count++ < kMaxProblemsPerKind) m_problems.push_back(std::move(problem));
    }
    bool full(LayoutProblemKind kind) const { return m_counts[static_cast<std::size_t>(kind)] >= kMaxProblemsPerKind; }
    std::vector<LayoutProblem> take() { return std::move(m_problems); }

private:
    std::vector<LayoutProblem> m_problems;
    std::size_t m_counts[16] = {};
};

struct SeatRef {
    const Area* area;
    const Row* row;
    const Seat* seat;
};

void findOverlaps(const Layout& layout, const std::vector<SeatRef>& seats, Collector& out) {
    const double pitch = layout.seatPitch > 0 && std::isfinite(layout.seatPitch) ? layout.seatPitch : 50.0;
    const double minDistance = 0.9 * pitch;
    const double minSquared = minDistance * minDistance;
    // Cells as wide as the minimum distance: an overlapping pair lies in the same or an
    // adjacent cell.
    const auto cellOf = [&](Point p) {
        return std::pair{static_cast<std::int64_t>(std::floor(p.x / minDistance)),
                         static_cast<std::int64_t>(std::floor(p.y / minDistance))};
    };
    const auto key = [](std::int64_t cx, std::int64_t cy) {
        return static_cast<std::uint64_t>(cx) * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(cy);
    };
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grid;
    grid.reserve(seats.size());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::uint32_t i = 0; i < seats.size(); ++i) {
        const Point p = seats[i].seat->position;
        if (!(std::abs(p.x) <= kMaxCoordinate && std::abs(p.y) <= kMaxCoordinate)) continue;
        const auto [cx, cy] = cellOf(p);
        for (std::int64_t dx = -1; dx <= 1 && pairs.size() < kMaxProblemsPerKind; ++dx) {
            for (std::int64_t dy = -1; dy <= 1 && pairs.size() < kMaxProblemsPerKind; ++dy) {
                const auto cell = grid.find(key(cx + dx, cy + dy));
                if (cell == grid.end()) continue;
                for (std::uint32_t j : cell->second) {
                    const Point q = seats[j].seat->position;
                    // Hash collisions put far cells together; the distance test sorts them out.
                    if (geometry::distanceSquared(p, q) < minSquared) {
                        pairs.emplace_back(j, i);
                        if (pairs.size() >= kMaxProblemsPerKind) break;
                    }
                }
            }
        }
        grid[key(cx, cy)].push_back(i);
    }
    std::sort(pairs.begin(), pairs.end());
    for (const auto& [first, second] : pairs) {
        const SeatRef& a = seats[first];
        const SeatRef& b = seats[second];
        const double apart = geometry::distance(a.seat->position, b.seat->position);
        out.add({LayoutProblemKind::OverlappingSeats,
                 "seats overlap: " + seatName(*a.area, *a.row, *a.seat) + " and " + seatName(*b.area, *b.row, *b.seat) +
                     " are " + std::to_string(static_cast<long long>(std::lround(apart))) + " cm apart (at least " +
                     std::to_string(static_cast<long long>(std::lround(minDistance))) + " cm needed)",
                 a.area->id, a.row->id, a.seat->id, b.seat->id, a.seat->position});
    }
}

} // namespace

std::vector<LayoutProblem> validate(const Layout& layout) {
    Collector out;
    std::unordered_map<std::string_view, std::string_view> firstUse; // id -> what used it first
    const auto checkId = [&](const std::string& id, std::string_view what, const std::string& areaId,
                             const std::string& rowId, const std::string& seatId, Point where) {
        if (id.empty()) return; // reported as an empty label/id below where it matters
        const auto [it, fresh] = firstUse.emplace(id, what);
        if (!fresh)
            out.add({LayoutProblemKind::DuplicateId,
                     "id " + quoted(id) + " is used by a " + std::string(it->second) + " and again by a " + std::string(what),
                     areaId, rowId, seatId, {}, where});
    };
    std::unordered_set<std::string_view> categoryIds;
    for (const auto& category : layout.priceCategories) {
        checkId(category.id, "price category", {}, {}, {}, layout.focalPoint);
        categoryIds.insert(category.id);
    }
    const auto knownCategory = [&](const std::string& id) { return id.empty() || categoryIds.count(id) > 0; };

    std::vector<SeatRef> seats;
    seats.reserve(layout.seatCount());
    for (const Area& area : layout.areas) {
        const Point anchor = areaAnchor(area);
        checkId(area.id, "area", area.id, {}, {}, anchor);
        if (area.id.empty()) out.add({LayoutProblemKind::EmptyLabel, "an area has no id", {}, {}, {}, {}, anchor});
        if (area.label.empty()) out.add({LayoutProblemKind::EmptyLabel, "area " + area.id + " has no name", area.id, {}, {}, {}, anchor});
        const bool outlineUsable = area.outline.size() >= 3;
        if (!outlineUsable)
            out.add({LayoutProblemKind::InvalidOutline,
                     "area " + quoted(area.label) + " needs an outline of at least 3 points, not " + std::to_string(area.outline.size()),
                     area.id, {}, {}, {}, anchor});
        if (area.kind == AreaKind::GeneralAdmission) {
            if (area.capacity == 0)
                out.add({LayoutProblemKind::InvalidCapacity, "standing area " + quoted(area.label) + " needs a capacity above 0",
                         area.id, {}, {}, {}, anchor});
            if (!knownCategory(area.priceCategoryId))
                out.add({LayoutProblemKind::UnknownPriceCategory,
                         "standing area " + quoted(area.label) + " names the unknown price category " + quoted(area.priceCategoryId),
                         area.id, {}, {}, {}, anchor});
        } else if (area.capacity != 0) {
            out.add({LayoutProblemKind::InvalidCapacity,
                     "seated area " + quoted(area.label) + " has a capacity; its seats are its capacity", area.id, {}, {}, {}, anchor});
        }

        std::unordered_map<std::string_view, const Row*> rowsByLabel;
        for (const Row& row : area.rows) {
            const Point rowAt = rowAnchor(row, area);
            checkId(row.id, "row", area.id, row.id, {}, rowAt);
            if (row.label.empty()) {
                out.add({LayoutProblemKind::EmptyLabel, "a row in " + quoted(area.label) + " has no label (" + row.id + ")",
                         area.id, row.id, {}, {}, rowAt});
            } else if (const auto [it, fresh] = rowsByLabel.emplace(row.label, &row); !fresh) {
                out.add({LayoutProblemKind::DuplicateRowLabel,
                         quoted(area.label) + " has two rows labelled " + quoted(row.label) + " (" + it->second->id + " and " + row.id + ")",
                         area.id, row.id, {}, {}, rowAt});
            }
            // Seat labels repeat only within a row; rows with the same label are reported above.
            std::unordered_map<std::string_view, const Seat*> seatsByLabel;
            for (const Seat& seat : row.seats) {
                seats.push_back({&area, &row, &seat});
                checkId(seat.id, "seat", area.id, row.id, seat.id, seat.position);
                if (seat.id.empty())
                    out.add({LayoutProblemKind::EmptyLabel, "a seat in " + quoted(area.label) + ", " + rowName(row) + " has no id",
                             area.id, row.id, {}, {}, seat.position});
                if (seat.label.empty()) {
                    out.add({LayoutProblemKind::EmptyLabel,
                             "a seat in " + quoted(area.label) + ", " + rowName(row) + " has no number (" + seat.id + ")", area.id,
                             row.id, seat.id, {}, seat.position});
                } else if (const auto [it, fresh] = seatsByLabel.emplace(seat.label, &seat); !fresh) {
                    out.add({LayoutProblemKind::DuplicateSeatLabel,
                             quoted(area.label) + ", " + rowName(row) + " has seat " + quoted(seat.label) + " twice (" +
                                 it->second->id + " and " + seat.id + ")",
                             area.id, row.id, seat.id, it->second->id, seat.position});
                }
                const bool farOut = !(std::abs(seat.position.x) <= kMaxCoordinate && std::abs(seat.position.y) <= kMaxCoordinate);
                if (farOut || (outlineUsable && !geometry::pointInPolygon(seat.position, area.outline)))
                    out.add({LayoutProblemKind::SeatOutsideArea, seatName(area, row, seat) + " lies outside its area's outline",
                             area.id, row.id, seat.id, {}, seat.position});
                if (!knownCategory(seat.priceCategoryId))
                    out.add({LayoutProblemKind::UnknownPriceCategory,
                             seatName(area, row, seat) + " names the unknown price category " + quoted(seat.priceCategoryId), area.id,
                             row.id, seat.id, {}, seat.position});
            }
        }
    }
    findOverlaps(layout, seats, out);
    return out.take();
}

} // namespace marquee::core::seating
