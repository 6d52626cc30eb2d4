// "2025-01-01T10:00:00Z" -> Unix milliseconds, for expected times in the ingest tests.
// Parsed by hand: date::parse trips g++ 12's -Wmaybe-uninitialized at -O2 (CI uses -Werror).
#pragma once

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace marquee::test {

inline std::int64_t utc(const char* iso) {
    int y = 0;
    unsigned mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(iso, "%d-%u-%uT%u:%u:%uZ", &y, &mo, &d, &h, &mi, &s) != 6) return INT64_MIN;
    const date::sys_days day = date::year{y} / date::month{mo} / date::day{d};
    const auto tp = day + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
    return std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch()).count();
}

} // namespace marquee::test
