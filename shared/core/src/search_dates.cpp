// Date preset windows (see search_dates.hpp), computed with HowardHinnant date/tz.
#include "marquee/core/search_dates.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

namespace marquee::core {

namespace {

using std::chrono::milliseconds;

std::int64_t localTimeMs(const date::time_zone* zone, date::local_days day, std::chrono::hours hour) {
    const auto utc = zone->to_sys(date::local_seconds(day.time_since_epoch() + hour), date::choose::earliest);
    return std::chrono::duration_cast<milliseconds>(utc.time_since_epoch()).count();
}

} // namespace

TimeWindow datePresetWindow(DatePreset preset, std::string_view zoneName, std::int64_t nowMs) {
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone(zoneName.empty() ? std::string("UTC") : std::string(zoneName));
    } catch (const std::exception&) {
        throw std::invalid_argument("unknown time zone");
    }
    const date::sys_time<milliseconds> now{milliseconds(nowMs)};
    const auto today = date::floor<date::days>(zone->to_local(now));
    using std::chrono::hours;
    const auto midnight = [&](int days) { return localTimeMs(zone, today + date::days(days), hours(0)); };
    switch (preset) {
    case DatePreset::Tonight:
        return {std::max(nowMs, localTimeMs(zone, today, hours(17))), localTimeMs(zone, today + date::days(1), hours(4))};
    case DatePreset::Today: return {nowMs, midnight(1)};
    case DatePreset::Tomorrow: return {midnight(1), midnight(2)};
    case DatePreset::ThisWeekend: {
        // ISO weekday: Monday 1 ... Sunday 7; Saturday and Sunday look back to their Friday.
        const auto weekday = static_cast<int>(date::weekday(today).iso_encoding());
        const auto friday = today + date::days(5 - weekday);
        return {std::max(nowMs, localTimeMs(zone, friday, hours(17))), localTimeMs(zone, friday + date::days(3), hours(0))};
    }
    case DatePreset::Next7Days: return {nowMs, midnight(7)};
    case DatePreset::Later: return {midnight(7), kOpenFutureMs};
    case DatePreset::Any: break;
    }
    return {nowMs, kOpenFutureMs};
}

} // namespace marquee::core
