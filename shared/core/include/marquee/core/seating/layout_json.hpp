// The documented JSON exchange format for layouts (docs/seatmap-format.md), for import and
// export in the editor and for the demo data.
#pragma once

#include "marquee/core/seating/layout.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace marquee::core::seating {

struct LayoutFormatError : std::runtime_error {
    using std::runtime_error::runtime_error; // message names the JSON path: "areas[2].rows[0].seats[5].x: ..."
};

std::string layoutToJson(const Layout& layout, bool pretty = true);
// Throws LayoutFormatError for malformed JSON, a wrong type, a missing required field or a
// newer format version. Does not run validate(); callers do.
Layout layoutFromJson(std::string_view json);

} // namespace marquee::core::seating
