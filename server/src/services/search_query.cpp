// Query text, date windows and highlights for search (see search_query.hpp).
#include "services/search_query.hpp"

#include "marquee/core/search_dates.hpp"
#include "marquee/core/typo.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace marquee::server::search {

namespace {

void appendAlternative(std::string& out, std::string_view lexeme, bool prefix, char weight = 0) {
    if (!out.empty() && out.back() != '(') out += " | ";
    out += quoteLexeme(lexeme);
    if (prefix || weight != 0) out += ':';
    if (prefix) out += '*';
    if (weight != 0) out += weight;
}

core::DatePreset toCorePreset(v1::DatePreset preset) {
    switch (preset) {
    case v1::DATE_PRESET_TONIGHT: return core::DatePreset::Tonight;
    case v1::DATE_PRESET_TODAY: return core::DatePreset::Today;
    case v1::DATE_PRESET_TOMORROW: return core::DatePreset::Tomorrow;
    case v1::DATE_PRESET_THIS_WEEKEND: return core::DatePreset::ThisWeekend;
    case v1::DATE_PRESET_NEXT_7_DAYS: return core::DatePreset::Next7Days;
    case v1::DATE_PRESET_LATER: return core::DatePreset::Later;
    default: return core::DatePreset::Any;
    }
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
        appendAlternative(out, word.text, word.prefix && !word.completionsListed);
        if (word.completionsListed)
            for (const auto& completion : word.completions) appendAlternative(out, completion, false);
        for (const auto& stem : word.stems) appendAlternative(out, stem, false);
        if (withTypos)
            for (const auto& typo : word.typos) appendAlternative(out, typo, false);
        out += ')';
    }
    return out;
}

std::vector<std::string> correctedForms(const std::vector<QueryWord>& words, std::size_t limit) {
    // Choices per word: 0 is the word as typed, i > 0 its typo candidate i - 1. Enumerated by
    // number of corrections, then by how far down each word's candidates they go.
    struct Choice {
        std::vector<std::size_t> pick;
        std::size_t corrections = 0;
        std::size_t depth = 0;
    };
    std::vector<Choice> all{Choice{std::vector<std::size_t>(words.size(), 0)}};
    constexpr std::size_t kMaxCombinations = 256; // bounds the work for long queries full of candidates
    for (std::size_t w = 0; w < words.size(); ++w) {
        std::vector<Choice> next;
        for (const auto& choice : all)
            for (std::size_t i = 0; i <= words[w].typos.size() && next.size() < kMaxCombinations; ++i) {
                auto extended = choice;
                extended.pick[w] = i;
                extended.corrections += i > 0 ? 1 : 0;
                extended.depth += i;
                next.push_back(std::move(extended));
            }
        all = std::move(next);
    }
    std::stable_sort(all.begin(), all.end(), [](const Choice& a, const Choice& b) {
        return a.corrections != b.corrections ? a.corrections < b.corrections : a.depth < b.depth;
    });
    std::vector<std::string> out;
    for (const auto& choice : all) {
        if (choice.corrections == 0) continue; // the query as typed has its own tier
        if (out.size() >= limit) break;
        std::string form;
        for (std::size_t w = 0; w < words.size(); ++w) {
            if (w > 0) form += ' ';
            form += choice.pick[w] == 0 ? words[w].text : words[w].typos[choice.pick[w] - 1];
        }
        out.push_back(std::move(form));
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

TimeWindow presetWindow(v1::DatePreset preset, std::string_view zone, std::int64_t nowMs) {
    const auto coreWindow = core::datePresetWindow(toCorePreset(preset), zone, nowMs);
    return {coreWindow.fromMs, coreWindow.toMs};
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
