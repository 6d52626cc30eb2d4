// Date presets of search ("tonight", "this weekend", ...) as UTC windows in the user's time
// zone; one definition for the server's filters and facets and the client's offline search.
#pragma once

#include <cstdint>
#include <string_view>

namespace marquee::core {

enum class DatePreset { Any, Tonight, Today, Tomorrow, ThisWeekend, Next7Days, Later };

// [fromMs, toMs): events overlapping it match (not over by fromMs, starting before toMs).
struct TimeWindow {
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
};
inline constexpr std::int64_t kOpenPastMs = -62'135'596'800'000;   // 0001-01-01
inline constexpr std::int64_t kOpenFutureMs = 253'402'300'799'000; // 9999-12-31

// Tonight: today 17:00 until 04:00 tomorrow. This weekend: Friday 17:00 until Monday 00:00
// (Saturday and Sunday belong to the weekend already under way). Next 7 days: until the
// midnight that starts the 8th day. Later: from then on. Any: from now. Windows never start
// before now. `zone` is an IANA name (empty: UTC); an unknown one throws std::invalid_argument.
TimeWindow datePresetWindow(DatePreset preset, std::string_view zone, std::int64_t nowMs);

} // namespace marquee::core
