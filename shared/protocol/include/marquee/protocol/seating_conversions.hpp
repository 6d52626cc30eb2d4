// Conversions between core seating layouts and their protobuf form (seating.proto). On the
// wire price categories are referenced by index + 1 and coordinates are floats.
#pragma once

#include "marquee/core/seating/layout.hpp"
#include "marquee/v1/seating.pb.h"

namespace marquee::protocol {

// withBackground: false for the public change-log copy (the tracing image is organizer-only).
v1::SeatingLayout toProto(const core::seating::Layout& layout, bool withBackground);
// Throws core::seating::LayoutFormatError (message names the field path) for a category
// index out of range, a non-finite number, a seat pitch that is not positive, or a background
// that is not an SVG/PNG image.
// Does not run validate(); callers do.
core::seating::Layout fromProto(const v1::SeatingLayout& layout);

} // namespace marquee::protocol
