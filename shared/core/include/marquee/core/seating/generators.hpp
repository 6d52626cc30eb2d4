// Row generators: straight rows, arcs and tables, with the numbering schemes box offices use.
#pragma once

#include "marquee/core/seating/layout.hpp"

#include <string>
#include <vector>

namespace marquee::core::seating {

enum class NumberingOrder : std::uint8_t {
    LeftToRight = 0,  // as the audience sees it, facing the stage: house left gets 1
    RightToLeft = 1,
    OddEvenSplit = 2, // from the centre outward: odd numbers to the left (1, 3, 5 ...),
                      // even numbers to the right (2, 4, 6 ...), as in many European theatres
};

struct NumberingScheme {
    NumberingOrder order = NumberingOrder::LeftToRight;
    int start = 1;                 // first number handed out
    std::vector<int> skip;         // numbers never used (e.g. 13)
    std::string prefix;            // "B" -> "B1", "B2"
};

// Labels for rows: letters ("A".."Z", "AA"...) skipping the given letters (I and O by
// default), or numbers from a start value.
struct RowLabelScheme {
    bool letters = true;
    std::string firstLabel = "A";  // letters: first label; numbers: first number as text
    std::vector<std::string> skip = {"I", "O"};
    bool frontToBack = true;       // first label nearest the stage
};

enum class RowShape : std::uint8_t { Straight = 0, Arc = 1 };

// A block of rows in one seated area.
struct RowBlockSpec {
    RowShape shape = RowShape::Straight;
    Point origin;                  // straight: centre of the front row; arc: centre of curvature
    double rotationDeg = 0;        // straight: rotation of the whole block around origin
    int rowCount = 1;
    std::vector<int> seatsPerRow;  // one entry per row, or one entry for all rows
    double seatSpacing = 50;       // centre to centre along the row
    double rowSpacing = 90;        // front to back
    // Arc only: radius of the front row and the sweep (degrees, 0 = straight ahead of the
    // centre, i.e. +y). Later rows grow the radius by rowSpacing; seats keep seatSpacing, so
    // back rows hold more seats when seatsPerRow is given for the front row only and
    // growSeatsWithRadius is set.
    double frontRadius = 1000;
    double startAngleDeg = -30;
    double endAngleDeg = 30;
    bool growSeatsWithRadius = false;
    RowLabelScheme rowLabels;
    NumberingScheme numbering;
    std::string priceCategoryId;
};

// Appends generated rows to `area` (ids from layout.allocateId); returns their indexes in
// area.rows. Throws std::invalid_argument with a clear message for an impossible spec.
std::vector<std::size_t> generateRows(Layout& layout, Area& area, const RowBlockSpec& spec);

// A round table with `seats` seats evenly around it, as a circular row.
Row generateTable(Layout& layout, Point centre, double tableRadius, int seats, const std::string& label,
                  const NumberingScheme& numbering, const std::string& priceCategoryId);

// Labels for `count` seats in physical order (left to right as the audience faces the stage)
// under the scheme. Throws std::invalid_argument when the scheme cannot label them.
std::vector<std::string> seatLabels(int count, const NumberingScheme& scheme);

// `count` row labels front to back.
std::vector<std::string> rowLabels(int count, const RowLabelScheme& scheme);

// Re-labels an existing row's seats in place (ids and positions unchanged).
void renumberRow(Row& row, const NumberingScheme& scheme);

// A closed outline around all seats of the area with `margin` on every side (convex hull,
// expanded), for areas drawn by generating rows first.
std::vector<Point> outlineAround(const Area& area, double margin);

} // namespace marquee::core::seating
