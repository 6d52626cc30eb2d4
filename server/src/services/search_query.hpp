// The database-free half of search: turning query words and their candidates into tsquery
// text, resolving date presets in the user's time zone, and reading highlight markers.
#pragma once

#include "marquee/core/search_dates.hpp"
#include "marquee/v1/search.pb.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::server::search {

inline constexpr std::size_t kMaxQueryBytes = 500;
inline constexpr std::size_t kMaxSuggestBytes = 200;
inline constexpr std::size_t kMaxQueryWords = 10; // later words are ignored, as Meilisearch does
inline constexpr std::uint32_t kDefaultLimit = 20;
inline constexpr std::uint32_t kMaxLimit = 100;
// Relevance ranks at most this many candidates (search_service.cpp, relevanceHitsSql): the
// results a relevance search pages through (Meilisearch bounds its own with maxTotalHits, 1000).
inline constexpr std::uint32_t kRelevanceCandidates = 200;
// A prefix with more vocabulary completions than this stays a tsquery prefix (word:*).
inline constexpr int kMaxCompletions = 48;
// Facet counts are taken over at most this many matching events (search_service.cpp,
// facetsSql): exact below it, lower bounds above it (SearchResponse.facets_sampled).
inline constexpr std::uint32_t kFacetSample = 2000;
// Corrected forms of a query whose titles are read as a range (search_service.cpp, tier 4).
inline constexpr std::size_t kMaxCorrectedForms = 8;

// Highlight markers ts_headline puts around matches (control characters never kept in text).
inline constexpr char kMarkStart = '\x02';
inline constexpr char kMarkStop = '\x03';

// One folded query word and what it may match.
struct QueryWord {
    std::string text;               // folded (no accents, lower case, letters and digits)
    bool prefix = false;            // also matches words that start with it
    std::vector<std::string> stems; // English / German / French stems that differ from text
    std::vector<std::string> typos; // vocabulary words within the typo budget
    // A prefix word's completions from the vocabulary, when there are few enough to list (see
    // kMaxCompletions): matched as exact words instead of a tsquery prefix, which lets the GIN
    // index skip through the other words' postings instead of reading every completion's.
    std::vector<std::string> completions;
    bool completionsListed = false;
    // Whether a title may contain the word where the query has it (as typed: the word itself,
    // or a longer word if it is the query's last): false only when the in-memory vocabulary,
    // which holds every word of 4+ characters, has neither. It only decides which statement is
    // tried first, so a copy that lags a new word costs time, not results.
    bool mayStartTitleWord = true;
};

// Whether a word may match as a prefix: every word of 3+ characters (a partial word anywhere
// in the query), and the word still being typed from 2 characters.
bool isPrefixWord(std::size_t codePoints, bool beingTyped);

// A tsquery that ANDs the words, each an OR of its forms. withTypos: include typo candidates.
// Empty when there are no words.
std::string matchQuery(const std::vector<QueryWord>& words, bool withTypos);
// An OR of every form as a prefix, for highlighting (ts_headline).
std::string highlightQuery(const std::vector<QueryWord>& words);
// Weight-A prefix query over all words (suggestions match titles only).
std::string titlePrefixQuery(const std::vector<QueryWord>& words);
// The query with typo candidates in place of its words, as title prefixes to look up: fewest
// corrections first, each word's candidates in the order given (closest first), at most `limit`;
// empty when no word has a candidate.
std::vector<std::string> correctedForms(const std::vector<QueryWord>& words, std::size_t limit);
// A lexeme quoted for tsquery input.
std::string quoteLexeme(std::string_view lexeme);

// [fromMs, toMs) of a date preset in `zone` at `nowMs` (core::datePresetWindow).
using core::kOpenFutureMs;
using core::kOpenPastMs;
using core::TimeWindow;
// Throws std::invalid_argument for an unknown zone. CUSTOM uses filters.from_ms / to_ms.
TimeWindow resolveDateWindow(const v1::SearchFilters& filters, std::int64_t nowMs);
TimeWindow presetWindow(v1::DatePreset preset, std::string_view zone, std::int64_t nowMs);

// Text with kMarkStart/kMarkStop pairs -> plain text and match ranges in code points.
v1::HighlightedText parseHighlight(std::string_view marked);

} // namespace marquee::server::search
