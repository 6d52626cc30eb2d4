// Layout validation: problems an organizer must fix before a layout can be saved.
#pragma once

#include "marquee/core/seating/layout.hpp"

#include <string>
#include <vector>

namespace marquee::core::seating {

enum class LayoutProblemKind : std::uint8_t {
    OverlappingSeats,      // two seat centres closer than 0.9 x seatPitch
    DuplicateSeatLabel,    // same seat label twice in one row
    DuplicateRowLabel,     // same row label twice in one area
    DuplicateId,           // an id used twice anywhere
    SeatOutsideArea,       // a seat centre outside its area's outline (or over 100 km out)
    UnknownPriceCategory,  // a seat or GA area names a category the layout lacks
    EmptyLabel,            // an area, row or seat without a label
    InvalidCapacity,       // a GA area with capacity 0, or a seated area with a capacity
    InvalidOutline,        // fewer than 3 points
};

struct LayoutProblem {
    LayoutProblemKind kind;
    std::string message;   // English, for logs and server errors; the client words its own
    std::string areaId;
    std::string rowId;
    std::string seatId;
    std::string otherSeatId; // the second seat of an overlap or duplicate
    Point where;           // where to show the message on the plan
};

// All problems, in a stable order. Runs in O(seats) (a grid for overlaps): fine for 100k seats.
// At most 1,000 problems of each kind are listed, so a broken import stays readable and fast.
std::vector<LayoutProblem> validate(const Layout& layout);

} // namespace marquee::core::seating
