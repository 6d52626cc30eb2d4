// Typo budget and optimal-string-alignment distance (see typo.hpp).
#include "marquee/core/typo.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace marquee::core {

int typoBudget(std::size_t codePoints) {
    if (codePoints >= kTwoTyposMinLength) return 2;
    if (codePoints >= kOneTypoMinLength) return 1;
    return 0;
}

std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        int extra = 0;
        char32_t cp = 0;
        if (lead < 0x80) {
            cp = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            extra = 1;
            cp = lead & 0x1Fu;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2;
            cp = lead & 0x0Fu;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3;
            cp = lead & 0x07u;
        } else {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        if (i + static_cast<std::size_t>(extra) >= text.size()) { // truncated sequence
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        bool valid = true;
        for (int k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            if ((next & 0xC0) != 0x80) {
                valid = false;
                break;
            }
            cp = (cp << 6) | (next & 0x3Fu);
        }
        if (!valid) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

int typoDistance(std::u32string_view a, std::u32string_view b, int limit) {
    const auto n = a.size();
    const auto m = b.size();
    const auto lengthGap = n > m ? n - m : m - n;
    if (lengthGap > static_cast<std::size_t>(limit)) return limit + 1;
    // Three rolling rows: the swap rule looks two rows back.
    std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        int rowBest = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = std::min(value, before[j - 2] + 1);
            current[j] = value;
            rowBest = std::min(rowBest, value);
        }
        if (rowBest > limit) return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], limit + 1);
}

bool withinTypoBudget(std::u32string_view word, std::u32string_view candidate, bool asPrefix) {
    const int budget = typoBudget(word.size());
    if (budget == 0) return false;
    if (typoDistance(word, candidate, budget) <= budget) return true;
    if (!asPrefix) return false;
    // A prefix of the candidate within the budget: lengths around the word's own length.
    for (std::size_t length = word.size() > static_cast<std::size_t>(budget) ? word.size() - static_cast<std::size_t>(budget) : 1;
         length <= word.size() + static_cast<std::size_t>(budget) && length < candidate.size(); ++length)
        if (typoDistance(word, candidate.substr(0, length), budget) <= budget) return true;
    return false;
}

} // namespace marquee::core
