// Layouts for the seating server tests, built with the core generators.
#pragma once

#include "marquee/core/seating/generators.hpp"
#include "marquee/core/seating/layout.hpp"

#include <cstdint>
#include <string>
#include <utility>

namespace marquee::test {

// A small hall at `venueId`: one seated area "Stalls" with `rows` rows of 10 seats, one price
// category.
inline core::seating::Layout smallHall(const std::string& venueId, int rows = 3) {
    namespace seating = core::seating;
    seating::Layout layout;
    layout.venueId = venueId;
    layout.name = "Small hall";
    layout.width = 2000;
    layout.height = 2000;
    layout.focalPoint = {1000, 0};
    layout.focalLabel = "Stage";
    layout.priceCategories.push_back({"pc1", "Category 1", 2500, "EUR", 0x3366cc});
    seating::Area area;
    area.id = layout.allocateId('a');
    area.label = "Stalls";
    seating::RowBlockSpec spec;
    spec.origin = {1000, 300};
    spec.rowCount = rows;
    spec.seatsPerRow = {10};
    spec.priceCategoryId = "pc1";
    seating::generateRows(layout, area, spec);
    area.outline = seating::outlineAround(area, 60);
    layout.areas.push_back(std::move(area));
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
