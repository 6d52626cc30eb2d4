// The typo rule search uses on both sides (server candidates, client offline search):
// Meilisearch's budget by word length and an edit distance that counts a swap as one typo.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace marquee::core {

inline constexpr std::size_t kOneTypoMinLength = 5;  // shorter words must match exactly
inline constexpr std::size_t kTwoTyposMinLength = 9;

// Typos allowed for a query word of `codePoints` characters: 0, 1 (5+) or 2 (9+).
int typoBudget(std::size_t codePoints);

// Decodes UTF-8 into code points; invalid bytes become U+FFFD, so the result is always usable.
std::u32string decodeUtf8(std::string_view text);

// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring characters each cost one ("festvial" is one typo from "festival"). Returns
// limit + 1 as soon as the distance is known to exceed `limit`.
int typoDistance(std::u32string_view a, std::u32string_view b, int limit);

// Whether `candidate` is within the typo budget of `word`. With `asPrefix`, candidate may
// continue past the word (the last word of a query is still being typed): its best-matching
// prefix counts.
bool withinTypoBudget(std::u32string_view word, std::u32string_view candidate, bool asPrefix);

} // namespace marquee::core
