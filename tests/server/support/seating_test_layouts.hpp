// Layouts for the seating server tests, built with the core generators.
#pragma once

#include "marquee/core/seating/generators.hpp"
#include "marquee/core/seating/layout.hpp"

#include <cstdint>
#include <string>
#include <utility>

namespace marquee::test {

// Adds a seated area `label`: `rows` straight rows of `seatsPerRow` seats in category "pc1",
// the front row centred on `origin`.
inline void addRowBlock(core::seating::Layout& layout, const std::string& label, core::seating::Point origin,
                        int rows, int seatsPerRow) {
    namespace seating = core::seating;
    seating::Area area;
    area.id = layout.allocateId('a');
    area.label = label;
    seating::RowBlockSpec spec;
    spec.origin = origin;
    spec.rowCount = rows;
    spec.seatsPerRow = {seatsPerRow};
    spec.priceCategoryId = "pc1";
    seating::generateRows(layout, area, spec);
    area.outline = seating::outlineAround(area, 60);
    layout.areas.push_back(std::move(area));
}

// A small hall at `venueId`: one seated area "Stalls" with `rows` rows of 10 seats, one price
// category.
inline core::seating::Layout smallHall(const std::string& venueId, int rows = 3) {
    core::seating::Layout layout;
    layout.venueId = venueId;
    layout.name = "Small hall";
    layout.width = 2000;
    layout.height = 2000;
    layout.focalPoint = {1000, 0};
    layout.focalLabel = "Stage";
    layout.priceCategories.push_back({"pc1", "Category 1", 2500, "EUR", 0x3366cc});
    addRowBlock(layout, "Stalls", {1000, 300}, rows, 10);
    return layout;
}

// The benchmarks' hall: smallHall()'s category and stage, with one area "Arena" of rows of 100
// seats, as many rows as `seats` needs.
inline core::seating::Layout arenaHall(const std::string& venueId, int seats) {
    auto layout = smallHall(venueId, 1);
    const int rows = (seats + 99) / 100;
    layout.areas.clear();
    layout.width = 12'000;
    layout.height = 100 + static_cast<double>(rows + 1) * 100;
    addRowBlock(layout, "Arena", {6000, 100}, rows, 100);
    return layout;
}

// Adds a general-admission area "Standing" of `capacity` places in `priceCategoryId` below the
// seats of smallHall(); returns its id.
inline std::string addStandingArea(core::seating::Layout& layout, std::uint32_t capacity,
                                   const std::string& priceCategoryId) {
    core::seating::Area standing;
    standing.id = layout.allocateId('a');
    standing.label = "Standing";
    standing.kind = core::seating::AreaKind::GeneralAdmission;
    standing.capacity = capacity;
    standing.priceCategoryId = priceCategoryId;
    standing.outline = {{100, 1800}, {400, 1800}, {400, 1950}, {100, 1950}};
    layout.areas.push_back(standing);
    return standing.id;
}

} // namespace marquee::test
