// Generated demo layouts: used by the server's demo data, tests and benchmarks.
#pragma once

#include "marquee/core/seating/layout.hpp"

#include <cstddef>

namespace marquee::core::seating::demo {

// A 2,000-seat proscenium theatre: stalls (arcs), circle (arcs), boxes (small rows), with
// wheelchair spaces and companions, restricted-view seats and four price categories.
Layout theatre();
// A 60,000-seat stadium: four stands of blocks around a pitch, arcs at the corners.
Layout stadium();
// A club: a general-admission floor (capacity 800) and a seated balcony with tables.
Layout club();
// An arena with about `seats` seats (for the 100,000-seat benchmark).
Layout arena(std::size_t seats);

} // namespace marquee::core::seating::demo
