// Query text, date windows and highlights for search (see search_query.hpp).
#include "services/search_query.hpp"

#include "marquee/core/typo.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace marquee::server::search {

namespace {

using std::chrono::milliseconds;

void appendAlternative(std::string& out, std::string_view lexeme, bool prefix, char weight = 0) {
    if (!out.empty() && out.back() != '(') out += " | ";
    out += quoteLexeme(lexeme);
    if (prefix || weight != 0) out += ':';
    if (prefix) out += '*';
    if (weight != 0) out += weight;
}

// Start of the local day `days` after the local day of `now`, as UTC milliseconds.
std::int64_t localMidnightMs(const date::time_zone* zone, date::local_days day) {
    const auto utc = zone->to_sys(date::local_seconds(day.time_since_epoch()), date::choose::earliest);
    return std::chrono::duration_cast<milliseconds>(utc.time_since_epoch()).count();
}

std::int64_t localTimeMs(const date::time_zone* zone, date::local_days day, std::chrono::hours hour) {
    const auto utc = zone->to_sys(date::local_seconds(day.time_since_epoch() + hour), date::choose::earliest);
    return std::chrono::duration_cast<milliseconds>(utc.time_since_epoch()).count();
}

} // namespace

bool isPrefixWord(std::size_t codePoints, bool beingTyped) { return codePoints >= 3 || (beingTyped && codePoints >= 2); }

std::string quoteLexeme(std::string_view lexeme) {
    std::string out = "'";
    for (const char c : lexeme) {
        if (c == '\'' || c == '\\') out += c; // doubled quote; backslash escaped
        out += c;
    }
    out += '\'';
    return out;
}

std::string matchQuery(const std::vector<QueryWord>& words, bool withTypos) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty()) out += " & ";
        out += '(';
        appendAlternative(out, word.text, word.prefix);
        for (const auto& stem : word.stems) appendAlternative(out, stem, false);
        if (withTypos)
            for (const auto& typo : word.typos) appendAlternative(out, typo, false);
        out += ')';
    }
    return out;
}

std::string highlightQuery(const std::vector<QueryWord>& words) {
    std::string out;
    for (const auto& word : words) {
        appendAlternative(out, word.text, word.prefix);
        for (const auto& stem : word.stems) appendAlternative(out, stem, true);
        for (const auto& typo : word.typos) appendAlternative(out, typo, false);
    }
    return out;
}

std::string titlePrefixQuery(const std::vector<QueryWord>& words) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty()) out += " & ";
        out += quoteLexeme(word.text);
        out += word.prefix ? ":*A" : ":A";
    }
    return out;
}

TimeWindow presetWindow(v1::DatePreset preset, std::string_view zoneName, std::int64_t nowMs) {
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone(zoneName.empty() ? std::string_view("UTC") : zoneName);
    } catch (const std::exception&) {
        throw std::invalid_argument("unknown time zone");
    }
    const date::sys_time<milliseconds> now{milliseconds(nowMs)};
    const auto today = date::floor<date::days>(zone->to_local(now));
    const auto midnight = [&](int days) { return localMidnightMs(zone, today + date::days(days)); };
    using std::chrono::hours;
    switch (preset) {
    case v1::DATE_PRESET_TONIGHT:
        return {std::max(nowMs, localTimeMs(zone, today, hours(17))), localTimeMs(zone, today + date::days(1), hours(4))};
    case v1::DATE_PRESET_TODAY: return {nowMs, midnight(1)};
    case v1::DATE_PRESET_TOMORROW: return {midnight(1), midnight(2)};
    case v1::DATE_PRESET_THIS_WEEKEND: {
        // ISO weekday: Monday 1 ... Sunday 7. Saturday and Sunday belong to the weekend that
        // started on the Friday before; Monday to Thursday look ahead to the coming Friday.
        const auto weekday = static_cast<int>(date::weekday(today).iso_encoding());
        const auto friday = today + date::days(5 - weekday);
        return {std::max(nowMs, localTimeMs(zone, friday, hours(17))), localMidnightMs(zone, friday + date::days(3))};
    }
    case v1::DATE_PRESET_NEXT_7_DAYS: return {nowMs, midnight(7)};
    case v1::DATE_PRESET_LATER: return {midnight(7), kOpenFutureMs};
    default: return {nowMs, kOpenFutureMs};
    }
}

TimeWindow resolveDateWindow(const v1::SearchFilters& filters, std::int64_t nowMs) {
    if (filters.date() == v1::DATE_PRESET_CUSTOM) {
        TimeWindow window{filters.from_ms(), filters.to_ms() == 0 ? kOpenFutureMs : filters.to_ms()};
        if (filters.from_ms() == 0) window.fromMs = filters.include_past() ? kOpenPastMs : nowMs;
        return window;
    }
    if (filters.date() == v1::DATE_PRESET_ANY) return {filters.include_past() ? kOpenPastMs : nowMs, kOpenFutureMs};
    return presetWindow(filters.date(), filters.time_zone(), nowMs);
}

v1::HighlightedText parseHighlight(std::string_view marked) {
    v1::HighlightedText out;
    std::string text;
    text.reserve(marked.size());
    std::uint32_t codePoints = 0;
    std::uint32_t matchStart = 0;
    bool inMatch = false;
    for (const char c : marked) {
        if (c == kMarkStart) {
            inMatch = true;
            matchStart = codePoints;
            continue;
        }
        if (c == kMarkStop) {
            if (inMatch && codePoints > matchStart) {
                auto* range = out.add_matches();
                range->set_start(matchStart);
                range->set_length(codePoints - matchStart);
            }
            inMatch = false;
            continue;
        }
        text += c;
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++codePoints; // not a continuation byte
    }
    out.set_text(std::move(text));
    return out;
}

} // namespace marquee::server::search
