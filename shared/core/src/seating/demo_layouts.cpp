// Demo layouts built with the row generators: deterministic, so tests, benchmarks and the
// server's demo data agree on every id and position.
#include "marquee/core/seating/demo_layouts.hpp"

#include "marquee/core/base64.hpp"
#include "marquee/core/seating/generators.hpp"

#include "geometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <string>

namespace marquee::core::seating::demo {

namespace {

std::string addCategory(Layout& layout, std::string name, std::int64_t priceMinor, std::uint32_t colour) {
    PriceCategory category{layout.allocateId('p'), std::move(name), priceMinor, "EUR", colour};
    layout.priceCategories.push_back(category);
    return category.id;
}

Layout newLayout(std::string id, std::string name, Point focal, std::string focalLabel) {
    Layout layout;
    layout.id = std::move(id);
    layout.name = std::move(name);
    layout.focalPoint = focal;
    layout.focalLabel = std::move(focalLabel);
    return layout;
}

// "Category 1" (dearest) to "Category 4", in colours that stay apart for colour-blind eyes.
std::array<std::string, 4> fourCategories(Layout& layout, const std::array<std::int64_t, 4>& pricesMinor) {
    constexpr std::uint32_t colours[] = {0x7b3294, 0x008837, 0x2166ac, 0xe08214};
    std::array<std::string, 4> ids;
    for (std::size_t i = 0; i < 4; ++i)
        ids[i] = addCategory(layout, "Category " + std::to_string(i + 1), pricesMinor[i], colours[i]);
    return ids;
}

Area& addArea(Layout& layout, std::string label, AreaKind kind = AreaKind::Seated) {
    Area area;
    area.id = layout.allocateId('a');
    area.label = std::move(label);
    area.kind = kind;
    layout.areas.push_back(std::move(area));
    return layout.areas.back();
}

// Side-by-side blocks (left to right, same row count) joined into one row per row label: the
// aisles between the blocks stay as gaps inside the row, and the row is numbered as a whole.
void joinBlocksIntoRows(Area& area, std::vector<Area>& blocks, const NumberingScheme& numbering) {
    const std::size_t rowCount = blocks.front().rows.size();
    for (std::size_t r = 0; r < rowCount; ++r) {
        Row row = std::move(blocks.front().rows[r]);
        for (std::size_t b = 1; b < blocks.size(); ++b) {
            auto& seats = blocks[b].rows[r].seats;
            row.seats.insert(row.seats.end(), std::make_move_iterator(seats.begin()), std::make_move_iterator(seats.end()));
        }
        renumberRow(row, numbering);
        area.rows.push_back(std::move(row));
    }
}

// Arc blocks sharing a centre and radii, one per sweep, joined into rows with aisles.
struct ArcSection {
    Point centre;
    double frontRadius = 0;
    int rowCount = 0;
    double rowSpacing = 90;
    std::vector<std::pair<double, double>> sweeps; // left to right
    NumberingScheme numbering;
    double outlineMargin = 45;
};

// An annular sector around `centre` (angles as the arc generator measures them, 0 along +y),
// `margin` clear of the seat centres. A convex hull would bridge the front arc and reach
// into the area in front (a circle's hull covers the back of the stalls).
std::vector<Point> sectorOutline(Point centre, double frontRadius, double backRadius, double fromDeg, double toDeg,
                                 double margin) {
    const double inner = std::max(frontRadius - margin, 0.0);
    const double outer = backRadius + margin;
    const double from = geometry::radians(fromDeg) - margin / std::max(frontRadius, 1.0);
    const double to = geometry::radians(toDeg) + margin / std::max(frontRadius, 1.0);
    const int steps = std::max(2, static_cast<int>(std::ceil((to - from) / geometry::radians(2))));
    std::vector<Point> outline;
    const auto arc = [&](double radius, bool forward) {
        for (int i = 0; i <= steps; ++i) {
            const double angle = from + (to - from) * (forward ? i : steps - i) / steps;
            outline.push_back(geometry::snap(Point{centre.x + radius * std::sin(angle), centre.y + radius * std::cos(angle)}));
        }
    };
    arc(outer, true);
    arc(inner, false);
    return outline;
}

// Returns the blocks before joining so callers can set categories and flags per block.
void buildArcSection(Layout& layout, Area& area, const ArcSection& section,
                     const std::function<void(std::size_t block, std::vector<Row>& rows)>& decorate) {
    std::vector<Area> blocks(section.sweeps.size());
    for (std::size_t b = 0; b < section.sweeps.size(); ++b) {
        RowBlockSpec spec;
        spec.shape = RowShape::Arc;
        spec.origin = section.centre;
        spec.rowCount = section.rowCount;
        spec.seatSpacing = 52;
        spec.rowSpacing = section.rowSpacing;
        spec.frontRadius = section.frontRadius;
        spec.startAngleDeg = section.sweeps[b].first;
        spec.endAngleDeg = section.sweeps[b].second;
        generateRows(layout, blocks[b], spec);
        decorate(b, blocks[b].rows);
    }
    joinBlocksIntoRows(area, blocks, section.numbering);
    area.outline = sectorOutline(section.centre, section.frontRadius,
                                 section.frontRadius + (section.rowCount - 1) * section.rowSpacing,
                                 section.sweeps.front().first, section.sweeps.back().second, section.outlineMargin);
}

void setCategory(Row& row, const std::string& category) {
    for (Seat& seat : row.seats) seat.priceCategoryId = category;
}

// Width and height: the bounding box of every outline and the focal point.
void fitExtent(Layout& layout) {
    double minX = layout.focalPoint.x, maxX = minX, minY = layout.focalPoint.y, maxY = minY;
    for (const Area& area : layout.areas) {
        for (const Point& p : area.outline) {
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y);
            maxY = std::max(maxY, p.y);
        }
    }
    layout.width = std::ceil(maxX - minX);
    layout.height = std::ceil(maxY - minY);
}

// Seated areas without an outline yet get their seats' convex hull.
void outlineSeatedAreas(Layout& layout, double margin) {
    for (Area& area : layout.areas) {
        if (area.kind == AreaKind::Seated && area.outline.empty()) area.outline = outlineAround(area, margin);
    }
}

// The architect's floor plan to trace: stage platform, side walls and the curved back wall,
// one unit per 10 cm over x -3200..3200, y -900..3600. No labels: the plan names the stage.
constexpr const char* kTheatreBackgroundSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 450\">"
    "<g fill=\"none\" stroke=\"#444\" stroke-width=\"3\">"
    "<rect x=\"220\" y=\"10\" width=\"200\" height=\"60\"/>"
    "<path d=\"M 220 70 L 25 70 L 25 333 A 460 460 0 0 0 615 333 L 615 70 L 420 70\"/></g></svg>";

} // namespace

Layout theatre() {
    Layout layout = newLayout("0e5c2a7e-7a3b-4c1e-9a61-3f1d2b8c0001", "Theatre — stalls, circle and boxes", {0, -300}, "Stage");
    // Plain references, not a structured binding: clang before 16 can't capture those in lambdas.
    const auto categories = fourCategories(layout, {8900, 6900, 4900, 2900});
    const std::string& cat1 = categories[0];
    const std::string& cat2 = categories[1];
    const std::string& cat3 = categories[2];
    const std::string& cat4 = categories[3];

    // Stalls: three arc blocks around a centre behind the stage, with two radial aisles.
    Area& stalls = addArea(layout, "Stalls");
    ArcSection stallsSpec{{0, -1100}, 1500, 22, 90, {{-35, -12}, {-8, 8}, {12, 35}}, {}};
    buildArcSection(layout, stalls, stallsSpec, [&](std::size_t block, std::vector<Row>& rows) {
        for (std::size_t r = 0; r < rows.size(); ++r) setCategory(rows[r], block == 1 && r < 12 ? cat1 : cat2);
        if (block != 1) return;
        // Wheelchair spaces with a companion seat beside each, at both ends of the back row.
        auto& seats = rows.back().seats;
        const std::size_t n = seats.size();
        for (std::size_t i : {std::size_t{0}, std::size_t{1}, n - 1, n - 2}) seats[i].flags |= kWheelchairSpace;
        for (std::size_t i : {std::size_t{2}, std::size_t{3}, n - 3, n - 4}) seats[i].flags |= kCompanionSeat;
    });

    // Circle: behind the stalls on the plan, numbered odd/even from the centre aisle.
    Area& circle = addArea(layout, "Circle");
    ArcSection circleSpec{{0, -1100}, 3650, 8, 95, {{-40, -14}, {-10, 10}, {14, 40}},
                          {NumberingOrder::OddEvenSplit, 1, {}, {}}};
    buildArcSection(layout, circle, circleSpec, [&](std::size_t block, std::vector<Row>& rows) {
        for (std::size_t r = 0; r < rows.size(); ++r) {
            Row& row = rows[r];
            setCategory(row, block == 1 && r < 3 ? cat2 : cat3);
            if (block == 1) continue;
            // The outermost seats look past the proscenium wall.
            for (std::size_t k = 0; k < 3; ++k) {
                Seat& seat = block == 0 ? row.seats[k] : row.seats[row.seats.size() - 1 - k];
                seat.flags |= kRestrictedView;
                seat.priceCategoryId = cat4;
            }
        }
    });

    // Boxes along the side walls, angled towards the stage.
    const struct {
        const char* label;
        Point origin;
        double rotation;
    } boxes[] = {{"Box A", {-2300, 150}, 75}, {"Box B", {-2300, 550}, 75},
                 {"Box C", {2300, 150}, -75}, {"Box D", {2300, 550}, -75}};
    for (const auto& box : boxes) {
        Area& area = addArea(layout, box.label);
        RowBlockSpec spec;
        spec.origin = box.origin;
        spec.rotationDeg = box.rotation;
        spec.rowCount = 2;
        spec.seatsPerRow = {4};
        spec.seatSpacing = 55;
        spec.rowSpacing = 95;
        spec.priceCategoryId = cat1;
        generateRows(layout, area, spec);
        for (Seat& seat : area.rows.back().seats) {
            seat.flags |= kRestrictedView;
            seat.priceCategoryId = cat4;
        }
    }
    outlineSeatedAreas(layout, 45);
    layout.background = BackgroundImage{"image/svg+xml", base64Encode(kTheatreBackgroundSvg), {-3200, -900}, 6400, 4500, 0.5};
    fitExtent(layout);
    return layout;
}

Layout stadium() {
    Layout layout = newLayout("0e5c2a7e-7a3b-4c1e-9a61-3f1d2b8c0002", "Stadium — four stands", {0, 0}, "Pitch");
    const auto [longLower, longUpper, endLower, endUpper] = fourCategories(layout, {9500, 7500, 5500, 3500});

    constexpr double pitchHalfLength = 5250; // along x
    constexpr double pitchHalfWidth = 3400;  // along y
    constexpr double touchlineGap = 600;
    constexpr int rowsPerTier = 30;
    layout.stageWidth = 2 * pitchHalfLength;
    layout.stageHeight = 2 * pitchHalfWidth;
    constexpr double rowSpacing = 80;
    constexpr double seatSpacing = 50;
    constexpr double aisle = 120;
    constexpr double upperTierOffset = rowsPerTier * rowSpacing + 400; // concourse between tiers
    constexpr int longBlocks = 8, longBlockSeats = 27;
    constexpr int endBlocks = 5, endBlockSeats = 26;
    const double longHalfSpan = (longBlocks * (longBlockSeats * seatSpacing + aisle) - aisle) / 2;
    const double endBlockPitch = endBlockSeats * seatSpacing + aisle;
    const double endHalfSpan = (endBlocks * endBlockPitch - aisle) / 2;

    int blockNumber = 0;
    const auto addBlock = [&](int tier, const RowBlockSpec& base) {
        Area& area = addArea(layout, "Block " + std::to_string(tier * 100 + blockNumber));
        RowBlockSpec spec = base;
        spec.rowCount = rowsPerTier;
        spec.rowSpacing = rowSpacing;
        spec.seatSpacing = seatSpacing;
        spec.rowLabels.letters = false;
        spec.rowLabels.firstLabel = "1";
        spec.rowLabels.skip.clear();
        generateRows(layout, area, spec);
        return &area;
    };
    // A straight stand: `rotation` turns the front row to face the pitch; its centre line
    // runs through `frontCentre`.
    const auto addStand = [&](Point frontCentre, double rotation, int blocks, int seats, double halfSpan,
                              const std::string& lowerCategory, const std::string& upperCategory, bool wheelchairs) {
        const double pitch = seats * seatSpacing + aisle;
        for (int b = 0; b < blocks; ++b) {
            ++blockNumber;
            const double along = -halfSpan + (seats - 1) * seatSpacing / 2 + b * pitch;
            for (int tier = 1; tier <= 2; ++tier) {
                RowBlockSpec spec;
                const Point offset = geometry::rotate({along, tier == 1 ? 0 : upperTierOffset}, rotation);
                spec.origin = {frontCentre.x + offset.x, frontCentre.y + offset.y};
                spec.rotationDeg = rotation;
                spec.seatsPerRow = {seats};
                spec.priceCategoryId = tier == 1 ? lowerCategory : upperCategory;
                Area* area = addBlock(tier, spec);
                if (wheelchairs && tier == 1) {
                    auto& front = area->rows.front().seats;
                    front[0].flags |= kWheelchairSpace;
                    front[1].flags |= kCompanionSeat;
                }
            }
        }
    };
    addStand({0, -(pitchHalfWidth + touchlineGap)}, 180, longBlocks, longBlockSeats, longHalfSpan, longLower, longUpper, true);
    addStand({pitchHalfLength + touchlineGap, 0}, -90, endBlocks, endBlockSeats, endHalfSpan, endLower, endUpper, false);
    addStand({0, pitchHalfWidth + touchlineGap}, 0, longBlocks, longBlockSeats, longHalfSpan, longLower, longUpper, true);
    addStand({-(pitchHalfLength + touchlineGap), 0}, 90, endBlocks, endBlockSeats, endHalfSpan, endLower, endUpper, false);

    // Corners: arcs around the point where the stands end, two blocks per tier.
    const struct {
        Point centre;
        double baseAngle;
    } corners[] = {{{longHalfSpan, -endHalfSpan}, 90}, {{longHalfSpan, endHalfSpan}, 0},
                   {{-longHalfSpan, endHalfSpan}, -90}, {{-longHalfSpan, -endHalfSpan}, -180}};
    for (const auto& corner : corners) {
        for (const auto& [from, to] : {std::pair{8.0, 43.0}, std::pair{47.0, 82.0}}) {
            ++blockNumber;
            for (int tier = 1; tier <= 2; ++tier) {
                RowBlockSpec spec;
                spec.shape = RowShape::Arc;
                spec.origin = corner.centre;
                spec.frontRadius = touchlineGap + (tier == 1 ? 0 : upperTierOffset);
                spec.startAngleDeg = corner.baseAngle + from;
                spec.endAngleDeg = corner.baseAngle + to;
                spec.priceCategoryId = tier == 1 ? endLower : endUpper;
                addBlock(tier, spec);
            }
        }
    }
    outlineSeatedAreas(layout, 35);
    fitExtent(layout);
    return layout;
}

Layout club() {
    Layout layout = newLayout("0e5c2a7e-7a3b-4c1e-9a61-3f1d2b8c0003", "Club — floor and balcony", {0, -200}, "Stage");
    const std::string standing = addCategory(layout, "Standing", 3500, 0x2166ac);
    const std::string balcony = addCategory(layout, "Balcony", 4500, 0x008837);
    const std::string table = addCategory(layout, "Table", 6000, 0x7b3294);

    Area& floor = addArea(layout, "Floor", AreaKind::GeneralAdmission);
    floor.capacity = 800;
    layout.stageWidth = 1600;
    layout.stageHeight = 300;
    floor.priceCategoryId = standing;
    floor.outline = {{-1200, 100}, {1200, 100}, {1200, 1700}, {-1200, 1700}};

    Area& gallery = addArea(layout, "Balcony");
    RowBlockSpec rail;
    rail.origin = {0, 2000};
    rail.seatsPerRow = {44};
    rail.seatSpacing = 55;
    rail.priceCategoryId = balcony;
    generateRows(layout, gallery, rail);
    int tableNumber = 0;
    for (double y : {2300.0, 2600.0}) {
        for (double x : {-1000.0, -500.0, 0.0, 500.0, 1000.0}) {
            gallery.rows.push_back(generateTable(layout, {x, y}, 45, 6, "T" + std::to_string(++tableNumber), {}, table));
        }
    }
    gallery.outline = outlineAround(gallery, 60);
    fitExtent(layout);
    return layout;
}

Layout arena(std::size_t seats) {
    Layout layout = newLayout("0e5c2a7e-7a3b-4c1e-9a61-3f1d2b8c0004", "Arena — " + std::to_string(seats) + " seats", {0, 0}, "Stage");
    const auto categories = fourCategories(layout, {12000, 9000, 6500, 4000});
    // Sections around 300 degrees of the stage (the rest is backstage), 2-degree aisles.
    const int sections = seats >= 20'000 ? 20 : 10;
    const double sweep = 300.0 / sections;
    RowBlockSpec base;
    base.shape = RowShape::Arc;
    base.seatSpacing = 50;
    base.rowSpacing = 85;
    base.frontRadius = 2500;
    base.startAngleDeg = -150 + 1;
    base.endAngleDeg = -150 + sweep - 1;
    base.rowLabels.letters = false;
    base.rowLabels.firstLabel = "1";
    base.rowLabels.skip.clear();

    // Rows needed: every section has the same shape, so one trial section tells.
    int rows = 0;
    {
        Layout trial;
        Area scratch;
        RowBlockSpec spec = base;
        spec.rowCount = 1;
        std::size_t total = 0;
        while (total < std::max<std::size_t>(seats, 1)) {
            spec.frontRadius = base.frontRadius + rows * base.rowSpacing;
            generateRows(trial, scratch, spec);
            total += scratch.rows.back().seats.size() * static_cast<std::size_t>(sections);
            ++rows;
        }
    }
    for (int s = 0; s < sections; ++s) {
        Area& area = addArea(layout, "Section " + std::to_string(101 + s));
        for (int band = 0; band < 4; ++band) {
            const int first = rows * band / 4;
            const int last = rows * (band + 1) / 4;
            if (last == first) continue;
            RowBlockSpec spec = base;
            spec.startAngleDeg = base.startAngleDeg + s * sweep;
            spec.endAngleDeg = base.endAngleDeg + s * sweep;
            spec.frontRadius = base.frontRadius + first * base.rowSpacing;
            spec.rowCount = last - first;
            spec.rowLabels.firstLabel = std::to_string(first + 1);
            spec.priceCategoryId = categories[static_cast<std::size_t>(band)];
            generateRows(layout, area, spec);
        }
    }
    outlineSeatedAreas(layout, 40);
    fitExtent(layout);
    return layout;
}

} // namespace marquee::core::seating::demo
