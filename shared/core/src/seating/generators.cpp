// Row generators and numbering schemes. Coordinates are snapped (geometry::snap) so generated
// layouts survive the float wire format unchanged.
#include "marquee/core/seating/generators.hpp"

#include "geometry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace marquee::core::seating {

namespace {

constexpr int kMaxSeatsPerRow = 10'000;
constexpr int kMaxRowsPerBlock = 1'000;
constexpr std::size_t kMaxSeatsPerBlock = 250'000; // more than any venue; keeps memory bounded

double normalisedDegrees(double degrees) {
    double d = std::fmod(degrees, 360.0);
    if (d <= -180.0) d += 360.0;
    if (d > 180.0) d -= 360.0;
    return d == 0.0 ? 0.0 : d; // no negative zero in exported files
}

// `count` numbers from `start` in steps of `step`, leaving out the skipped ones.
std::vector<int> numbersFrom(int start, int step, int count, const std::vector<int>& skip) {
    std::vector<int> numbers;
    numbers.reserve(static_cast<std::size_t>(count));
    for (int n = start; static_cast<int>(numbers.size()) < count; n += step) {
        if (std::find(skip.begin(), skip.end(), n) == skip.end()) numbers.push_back(n);
    }
    return numbers;
}

// Bijective base 26: "A" = 1, "Z" = 26, "AA" = 27.
long long letterValue(const std::string& label) {
    if (label.empty() || label.size() > 6) return -1;
    long long value = 0;
    for (char c : label) {
        if (c < 'A' || c > 'Z') return -1;
        value = value * 26 + (c - 'A' + 1);
    }
    return value;
}

std::string letterLabel(long long value) {
    std::string label;
    while (value > 0) {
        --value;
        label.insert(label.begin(), static_cast<char>('A' + value % 26));
        value /= 26;
    }
    return label;
}

bool skippedLetters(const std::string& label, const std::vector<std::string>& skip) {
    for (const auto& s : skip) {
        if (s == label) return true;
        if (s.size() == 1 && label.find(s[0]) != std::string::npos) return true;
    }
    return false;
}

int seatsInRow(const RowBlockSpec& spec, int row, double radius) {
    if (spec.shape == RowShape::Arc) {
        const double sweep = geometry::radians(spec.endAngleDeg - spec.startAngleDeg);
        if (spec.seatsPerRow.empty()) return static_cast<int>(std::floor(sweep * radius / spec.seatSpacing + 1e-9)) + 1;
        if (spec.growSeatsWithRadius && spec.seatsPerRow.size() == 1) {
            const int front = spec.seatsPerRow.front();
            return 1 + static_cast<int>(std::floor((front - 1) * radius / spec.frontRadius + 1e-9));
        }
    }
    return spec.seatsPerRow.size() == 1 ? spec.seatsPerRow.front()
                                        : spec.seatsPerRow[static_cast<std::size_t>(row)];
}

void checkSpec(const RowBlockSpec& spec) {
    if (spec.rowCount < 1 || spec.rowCount > kMaxRowsPerBlock)
        throw std::invalid_argument("row count must be between 1 and " + std::to_string(kMaxRowsPerBlock));
    if (!(spec.seatSpacing > 0) || !(spec.rowSpacing > 0) || !std::isfinite(spec.seatSpacing) ||
        !std::isfinite(spec.rowSpacing))
        throw std::invalid_argument("seat spacing and row spacing must be positive");
    if (!std::isfinite(spec.origin.x) || !std::isfinite(spec.origin.y) || !std::isfinite(spec.rotationDeg))
        throw std::invalid_argument("origin and rotation must be finite numbers");
    const bool fillsSweep = spec.shape == RowShape::Arc && spec.seatsPerRow.empty();
    if (!fillsSweep && spec.seatsPerRow.size() != 1 && spec.seatsPerRow.size() != static_cast<std::size_t>(spec.rowCount))
        throw std::invalid_argument("seats per row needs one entry, or one per row (" + std::to_string(spec.rowCount) +
                                    "), not " + std::to_string(spec.seatsPerRow.size()));
    for (int seats : spec.seatsPerRow) {
        if (seats < 1 || seats > kMaxSeatsPerRow)
            throw std::invalid_argument("a row needs between 1 and " + std::to_string(kMaxSeatsPerRow) + " seats, not " +
                                        std::to_string(seats));
    }
    if (spec.shape == RowShape::Arc) {
        if (!(spec.frontRadius > 0) || !std::isfinite(spec.frontRadius))
            throw std::invalid_argument("an arc needs a positive front radius");
        if (!(spec.endAngleDeg >= spec.startAngleDeg) || spec.endAngleDeg - spec.startAngleDeg > 360.0)
            throw std::invalid_argument("an arc's end angle must lie between its start angle and start + 360");
    }
}

} // namespace

std::vector<std::string> seatLabels(int count, const NumberingScheme& scheme) {
    if (count < 0) throw std::invalid_argument("seat count must not be negative");
    if (count > kMaxSeatsPerRow) throw std::invalid_argument("at most " + std::to_string(kMaxSeatsPerRow) + " seats per row");
    if (scheme.start < 0) throw std::invalid_argument("seat numbers start at 0 or above");
    if (scheme.start > 1'000'000) throw std::invalid_argument("seat numbers start at most at 1000000");
    std::vector<int> numbers;
    switch (scheme.order) {
    case NumberingOrder::LeftToRight:
        numbers = numbersFrom(scheme.start, 1, count, scheme.skip);
        break;
    case NumberingOrder::RightToLeft:
        numbers = numbersFrom(scheme.start, 1, count, scheme.skip);
        std::reverse(numbers.begin(), numbers.end());
        break;
    case NumberingOrder::OddEvenSplit: {
        // Physical order ... 5 3 1 | 2 4 6 ...: the left half counts outward from the centre.
        const int leftCount = (count + 1) / 2;
        std::vector<int> left = numbersFrom(scheme.start, 2, leftCount, scheme.skip);
        const std::vector<int> right = numbersFrom(scheme.start + 1, 2, count - leftCount, scheme.skip);
        std::reverse(left.begin(), left.end());
        numbers = std::move(left);
        numbers.insert(numbers.end(), right.begin(), right.end());
        break;
    }
    default:
        throw std::invalid_argument("unknown numbering order");
    }
    std::vector<std::string> labels;
    labels.reserve(numbers.size());
    for (int n : numbers) labels.push_back(scheme.prefix + std::to_string(n));
    return labels;
}

std::vector<std::string> rowLabels(int count, const RowLabelScheme& scheme) {
    if (count < 0) throw std::invalid_argument("row count must not be negative");
    if (count > kMaxRowsPerBlock) throw std::invalid_argument("at most " + std::to_string(kMaxRowsPerBlock) + " rows");
    std::vector<std::string> labels;
    labels.reserve(static_cast<std::size_t>(count));
    if (scheme.letters) {
        long long value = letterValue(scheme.firstLabel);
        if (value < 0) throw std::invalid_argument("first row label must be capital letters A-Z, not \"" + scheme.firstLabel + "\"");
        bool allSkipped = true;
        for (char c = 'A'; c <= 'Z' && allSkipped; ++c) allSkipped = skippedLetters(std::string(1, c), scheme.skip);
        if (allSkipped && count > 0) throw std::invalid_argument("row label scheme skips every letter");
        for (; static_cast<int>(labels.size()) < count; ++value) {
            std::string label = letterLabel(value);
            if (!skippedLetters(label, scheme.skip)) labels.push_back(std::move(label));
        }
    } else {
        int first = 0;
        const char* begin = scheme.firstLabel.data();
        const char* end = begin + scheme.firstLabel.size();
        const auto [ptr, ec] = std::from_chars(begin, end, first);
        if (ec != std::errc() || ptr != end || first < 0 || first > 1'000'000)
            throw std::invalid_argument("first row label must be a number from 0 to 1000000, not \"" + scheme.firstLabel + "\"");
        for (int n = first; static_cast<int>(labels.size()) < count; ++n) {
            std::string label = std::to_string(n);
            if (std::find(scheme.skip.begin(), scheme.skip.end(), label) == scheme.skip.end()) labels.push_back(std::move(label));
        }
    }
    if (!scheme.frontToBack) std::reverse(labels.begin(), labels.end());
    return labels;
}

std::vector<std::size_t> generateRows(Layout& layout, Area& area, const RowBlockSpec& spec) {
    checkSpec(spec);
    const std::vector<std::string> labels = rowLabels(spec.rowCount, spec.rowLabels);
    // Compute every row before touching the area, so a throw leaves it unchanged.
    std::vector<Row> rows;
    std::size_t total = 0;
    for (int r = 0; r < spec.rowCount; ++r) {
        const double radius = spec.frontRadius + r * spec.rowSpacing;
        const int seats = seatsInRow(spec, r, radius);
        if (seats < 1 || seats > kMaxSeatsPerRow)
            throw std::invalid_argument("row " + labels[static_cast<std::size_t>(r)] + " would get " + std::to_string(seats) + " seats");
        total += static_cast<std::size_t>(seats);
        if (total > kMaxSeatsPerBlock)
            throw std::invalid_argument("one block holds at most " + std::to_string(kMaxSeatsPerBlock) + " seats");
        const std::vector<std::string> seatNames = seatLabels(seats, spec.numbering);
        Row row;
        row.label = labels[static_cast<std::size_t>(r)];
        row.seats.resize(static_cast<std::size_t>(seats));
        const double centreOffset = (seats - 1) / 2.0;
        if (spec.shape == RowShape::Arc) {
            const double step = spec.seatSpacing / radius;
            if ((seats - 1) * step > 2 * std::numbers::pi - step)
                throw std::invalid_argument("row " + row.label + ": " + std::to_string(seats) + " seats do not fit around the arc");
            const double middle = geometry::radians((spec.startAngleDeg + spec.endAngleDeg) / 2);
            for (int i = 0; i < seats; ++i) {
                const double angle = middle + (i - centreOffset) * step;
                Seat& seat = row.seats[static_cast<std::size_t>(i)];
                seat.position = geometry::snap(
                    Point{spec.origin.x + radius * std::sin(angle), spec.origin.y + radius * std::cos(angle)});
                seat.rotationDeg = geometry::snap(normalisedDegrees(-angle * 180.0 / std::numbers::pi));
            }
        } else {
            for (int i = 0; i < seats; ++i) {
                const Point local = geometry::rotate({(i - centreOffset) * spec.seatSpacing, r * spec.rowSpacing}, spec.rotationDeg);
                Seat& seat = row.seats[static_cast<std::size_t>(i)];
                seat.position = geometry::snap(Point{spec.origin.x + local.x, spec.origin.y + local.y});
                seat.rotationDeg = geometry::snap(normalisedDegrees(spec.rotationDeg));
            }
        }
        for (std::size_t i = 0; i < row.seats.size(); ++i) {
            row.seats[i].label = seatNames[i];
            row.seats[i].priceCategoryId = spec.priceCategoryId;
        }
        row.seats.front().flags |= kAisleSeat;
        row.seats.back().flags |= kAisleSeat;
        rows.push_back(std::move(row));
    }
    std::vector<std::size_t> indexes;
    for (Row& row : rows) {
        row.id = layout.allocateId('r');
        for (Seat& seat : row.seats) seat.id = layout.allocateId('s');
        indexes.push_back(area.rows.size());
        area.rows.push_back(std::move(row));
    }
    return indexes;
}

Row generateTable(Layout& layout, Point centre, double tableRadius, int seats, const std::string& label,
                  const NumberingScheme& numbering, const std::string& priceCategoryId) {
    if (seats < 1 || seats > 64) throw std::invalid_argument("a table seats 1 to 64 people");
    if (!(tableRadius > 0) || !std::isfinite(tableRadius)) throw std::invalid_argument("a table needs a positive radius");
    if (!std::isfinite(centre.x) || !std::isfinite(centre.y)) throw std::invalid_argument("table centre must be finite");
    const std::vector<std::string> labels = seatLabels(seats, numbering);
    // Seat centres half a seat out from the table edge, and far enough apart not to overlap.
    const double pitch = layout.seatPitch > 0 ? layout.seatPitch : 50.0;
    double radius = tableRadius + 0.5 * pitch;
    if (seats > 1) radius = std::max(radius, pitch / (2 * std::sin(std::numbers::pi / seats)));
    Row row;
    row.id = layout.allocateId('r');
    row.label = label;
    row.circular = true;
    row.tableCentre = geometry::snap(centre);
    row.tableRadius = geometry::snap(tableRadius);
    // Clockwise as drawn, starting with the seat on the stage side of the table.
    for (int i = 0; i < seats; ++i) {
        const double angle = 2 * std::numbers::pi * i / seats;
        Seat seat;
        seat.id = layout.allocateId('s');
        seat.label = labels[static_cast<std::size_t>(i)];
        seat.position = geometry::snap(Point{centre.x + radius * std::sin(angle), centre.y - radius * std::cos(angle)});
        seat.rotationDeg = geometry::snap(normalisedDegrees(angle * 180.0 / std::numbers::pi + 180.0));
        seat.priceCategoryId = priceCategoryId;
        row.seats.push_back(std::move(seat));
    }
    return row;
}

void renumberRow(Row& row, const NumberingScheme& scheme) {
    const std::vector<std::string> labels = seatLabels(static_cast<int>(row.seats.size()), scheme);
    for (std::size_t i = 0; i < row.seats.size(); ++i) row.seats[i].label = labels[i];
}

std::vector<Point> outlineAround(const Area& area, double margin) {
    std::vector<Point> centres;
    for (const Row& row : area.rows) {
        for (const Seat& seat : row.seats) centres.push_back(seat.position);
        if (row.circular && row.tableCentre) {
            const Point c = *row.tableCentre;
            const double r = row.tableRadius;
            centres.insert(centres.end(), {{c.x - r, c.y}, {c.x + r, c.y}, {c.x, c.y - r}, {c.x, c.y + r}});
        }
    }
    if (centres.empty()) return {};
    // Minkowski sum of the hull with an octagon that contains the margin circle.
    const std::vector<Point> hull = geometry::convexHull(std::move(centres));
    const double reach = std::max(margin, 0.0) / std::cos(std::numbers::pi / 8);
    std::vector<Point> expanded;
    expanded.reserve(hull.size() * 8);
    for (const Point& p : hull) {
        for (int k = 0; k < 8; ++k) {
            const double angle = std::numbers::pi / 8 + k * std::numbers::pi / 4;
            expanded.push_back({p.x + reach * std::cos(angle), p.y + reach * std::sin(angle)});
        }
    }
    std::vector<Point> outline = geometry::convexHull(std::move(expanded));
    for (Point& p : outline) p = geometry::snap(p);
    return outline;
}

} // namespace marquee::core::seating
