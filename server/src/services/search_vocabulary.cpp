// In-memory search vocabulary: completions by binary search, typo candidates by a walk over the
// sorted words as a trie (see search_vocabulary.hpp).
#include "services/search_vocabulary.hpp"

#include "marquee/core/typo.hpp"

#include <algorithm>
#include <atomic>
#include <array>
#include <map>
#include <utility>

namespace marquee::server::search {

namespace {

using Trigram = std::array<char32_t, 3>;

std::vector<Trigram> trigrams(const std::u32string& word) {
    const std::u32string padded = U"  " + word + U" ";
    std::vector<Trigram> out;
    for (std::size_t i = 0; i + 3 <= padded.size(); ++i) out.push_back({padded[i], padded[i + 1], padded[i + 2]});
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double similarityOf(const std::vector<Trigram>& a, const std::vector<Trigram>& b) {
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++shared, ++i, ++j;
        }
    }
    const auto all = a.size() + b.size() - shared;
    return all == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(all);
}

bool startsWith(const std::u32string& word, const std::u32string& prefix, std::size_t length) {
    return word.size() >= length && std::equal(prefix.begin(), prefix.begin() + static_cast<std::ptrdiff_t>(length), word.begin());
}

} // namespace

double trigramSimilarity(const std::u32string& a, const std::u32string& b) { return similarityOf(trigrams(a), trigrams(b)); }

Vocabulary::Vocabulary(std::vector<std::string> words) : m_words(std::move(words)) {
    m_words.erase(std::remove(m_words.begin(), m_words.end(), std::string()), m_words.end());
    std::sort(m_words.begin(), m_words.end());
    m_words.erase(std::unique(m_words.begin(), m_words.end()), m_words.end());
    m_decoded.reserve(m_words.size());
    for (const auto& word : m_words) m_decoded.push_back(core::decodeUtf8(word));
}

std::shared_ptr<const Vocabulary> Vocabulary::with(std::vector<std::string> added) const {
    std::erase_if(added, [this](const std::string& word) { return contains(word); });
    if (added.empty()) return nullptr;
    added.insert(added.end(), m_words.begin(), m_words.end());
    return std::make_shared<Vocabulary>(std::move(added));
}

bool Vocabulary::contains(const std::string& word) const { return std::binary_search(m_words.begin(), m_words.end(), word); }

std::vector<std::string> Vocabulary::completions(const std::string& prefix, std::size_t limit) const {
    std::vector<std::string> out;
    for (auto it = std::upper_bound(m_words.begin(), m_words.end(), prefix);
         it != m_words.end() && it->starts_with(prefix) && out.size() < limit; ++it)
        out.push_back(*it);
    return out;
}

std::vector<std::string> Vocabulary::typoCandidates(const std::string& word, bool asPrefix, std::size_t limit) const {
    const auto query = core::decodeUtf8(word);
    const int budget = core::typoBudget(query.size());
    if (budget == 0 || limit == 0) return {};
    const auto n = query.size();
    // Walk the sorted words as a trie: rows[d] is the typo-distance row (core::typoDistance's
    // recurrence: edits and swaps of neighbours) of the candidate's first d characters against
    // the query. Consecutive words share the rows of their common prefix; a prefix whose row
    // (and the one before it, which a swap reaches across) is past the budget rules out every
    // word that starts with it, and with asPrefix a prefix within the budget admits them all.
    constexpr std::size_t kMaxMatched = 10000; // bounds the work for a short word being typed
    std::vector<std::vector<int>> rows(1, std::vector<int>(n + 1));
    std::vector<int> rowMin(1, 0);
    for (std::size_t j = 0; j <= n; ++j) rows[0][j] = static_cast<int>(j);
    std::vector<std::size_t> matched;
    const auto endOfPrefix = [&](std::size_t from, const std::u32string& prefix, std::size_t length) {
        return static_cast<std::size_t>(
            std::partition_point(m_decoded.begin() + static_cast<std::ptrdiff_t>(from), m_decoded.end(),
                                 [&](const std::u32string& w) { return startsWith(w, prefix, length); }) -
            m_decoded.begin());
    };
    std::size_t valid = 0; // rows[0..valid] hold the prefix of the previous word
    const std::u32string* previous = nullptr;
    for (std::size_t i = 0; i < m_decoded.size() && matched.size() < kMaxMatched;) {
        const auto& candidate = m_decoded[i];
        if (previous != nullptr) {
            std::size_t common = 0;
            while (common < valid && common < candidate.size() && (*previous)[common] == candidate[common]) ++common;
            valid = common;
        }
        previous = &candidate;
        std::size_t next = i + 1;
        bool decided = false;
        for (std::size_t d = valid + 1; d <= candidate.size(); ++d) {
            if (rows.size() <= d) {
                rows.emplace_back(n + 1);
                rowMin.push_back(0);
            }
            auto& row = rows[d];
            const auto& above = rows[d - 1];
            row[0] = static_cast<int>(d);
            int best = row[0];
            for (std::size_t j = 1; j <= n; ++j) {
                const int cost = candidate[d - 1] == query[j - 1] ? 0 : 1;
                int value = std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + cost});
                if (d > 1 && j > 1 && candidate[d - 1] == query[j - 2] && candidate[d - 2] == query[j - 1])
                    value = std::min(value, rows[d - 2][j - 2] + 1);
                row[j] = value;
                best = std::min(best, value);
            }
            rowMin[d] = best;
            valid = d;
            if (asPrefix && row[n] <= budget) { // every word starting with these d characters
                next = endOfPrefix(i, candidate, d);
                for (std::size_t k = i; k < next && matched.size() < kMaxMatched; ++k) matched.push_back(k);
                decided = true;
                break;
            }
            if (best > budget && (d < 2 || rowMin[d - 1] >= budget)) { // no word starting so can match
                next = endOfPrefix(i, candidate, d);
                decided = true;
                break;
            }
        }
        if (!decided && rows[candidate.size()][n] <= budget) matched.push_back(i);
        i = next;
    }

    const auto queryTrigrams = trigrams(query);
    std::vector<std::pair<double, std::size_t>> ranked;
    for (const auto k : matched) {
        if (m_words[k] == word) continue;
        const double similarity = similarityOf(queryTrigrams, trigrams(m_decoded[k]));
        if (!asPrefix && similarity < kMinSimilarity) continue;
        ranked.emplace_back(similarity, k);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> out;
    for (std::size_t r = 0; r < ranked.size() && r < limit; ++r) out.push_back(m_words[ranked[r].second]);
    return out;
}

VocabularyCache& VocabularyCache::forDatabase(const std::string& connectionKey) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<VocabularyCache>> caches;
    const std::lock_guard lock(mutex);
    auto& cache = caches[connectionKey];
    if (!cache) cache = std::make_unique<VocabularyCache>();
    return *cache;
}

namespace {
std::atomic<std::int64_t> g_refreshIntervalMs{250};
} // namespace

void VocabularyCache::setRefreshInterval(std::chrono::milliseconds interval) { g_refreshIntervalMs = interval.count(); }

std::chrono::milliseconds VocabularyCache::refreshInterval() { return std::chrono::milliseconds(g_refreshIntervalMs.load()); }

VocabularyCache::ReadTurn::ReadTurn(ReadTurn&& other) noexcept
    : m_cache(std::exchange(other.m_cache, nullptr)), m_from(other.m_from) {}

VocabularyCache::ReadTurn::~ReadTurn() {
    if (m_cache) m_cache->endRead();
}

VocabularyCache::ReadTurn VocabularyCache::beginRead() {
    const auto interval = refreshInterval();
    std::unique_lock lock(m_mutex);
    // Nothing loaded yet: one search reads everything, the others wait for it (if it fails, the
    // next one takes the turn).
    m_readEnded.wait(lock, [this] { return m_loaded || m_readers == 0; });
    const auto now = Clock::now();
    if (m_loaded && interval.count() > 0 && (m_readers > 0 || now - m_lastReadStart < interval)) return {};
    ++m_readers;
    m_lastReadStart = now;
    return ReadTurn(this, m_watermark);
}

void VocabularyCache::endRead() {
    {
        const std::lock_guard lock(m_mutex);
        --m_readers;
    }
    m_readEnded.notify_all();
}

bool VocabularyCache::ReadTurn::merge(std::uint64_t databaseOid, std::vector<std::string> learned,
                                      std::uint64_t nextWatermark) {
    auto& cache = *m_cache;
    {
        const std::lock_guard lock(cache.m_mutex);
        if (databaseOid != cache.m_databaseOid) {
            cache.m_databaseOid = databaseOid;
            cache.m_vocabulary = std::make_shared<Vocabulary>();
            cache.m_watermark = 0;
            cache.m_loaded = false;
            if (m_from != 0) {
                m_from = 0;
                return false;
            }
        }
    }
    {
        // Another database under this name may fold differently (other dictionaries).
        const std::lock_guard lock(cache.m_foldedMutex);
        if (m_from == 0) cache.m_folded.clear(), cache.m_foldedOlder.clear();
    }
    cache.addWords(std::move(learned));
    const std::lock_guard lock(cache.m_mutex);
    // Reads overlap when the refresh interval is 0: the watermark only moves forward (each read
    // saw every word older than its own snapshot's xmin).
    cache.m_watermark = std::max(cache.m_watermark, nextWatermark);
    cache.m_loaded = true;
    return true;
}

void VocabularyCache::addWords(std::vector<std::string> learned) {
    for (;;) {
        std::shared_ptr<const Vocabulary> base;
        {
            const std::lock_guard lock(m_mutex);
            base = m_vocabulary;
        }
        auto merged = base->with(learned);
        if (!merged) return;
        const std::lock_guard lock(m_mutex);
        if (m_vocabulary == base) { // else another read merged meanwhile: merge into its copy
            m_vocabulary = std::move(merged);
            return;
        }
    }
}

std::shared_ptr<const Vocabulary> VocabularyCache::current() const {
    const std::lock_guard lock(m_mutex);
    return m_vocabulary;
}

std::vector<std::optional<FoldedToken>> VocabularyCache::foldedTokens(const std::vector<std::string>& tokens) {
    std::vector<std::optional<FoldedToken>> out;
    out.reserve(tokens.size());
    const std::lock_guard lock(m_foldedMutex);
    for (const auto& token : tokens) {
        if (const auto found = m_folded.find(token); found != m_folded.end()) {
            out.emplace_back(found->second);
        } else if (auto older = m_foldedOlder.find(token); older != m_foldedOlder.end()) {
            out.emplace_back(older->second);
            auto entry = m_foldedOlder.extract(older);
            if (m_folded.size() >= kFoldedTokensPerGeneration) m_foldedOlder = std::exchange(m_folded, {});
            m_folded.insert(std::move(entry));
        } else {
            out.emplace_back();
        }
    }
    return out;
}

void VocabularyCache::rememberFolded(std::vector<std::pair<std::string, FoldedToken>> folded) {
    const std::lock_guard lock(m_foldedMutex);
    for (auto& [token, words] : folded) {
        if (m_folded.size() >= kFoldedTokensPerGeneration) m_foldedOlder = std::exchange(m_folded, {});
        m_folded.insert_or_assign(std::move(token), std::move(words));
    }
}

} // namespace marquee::server::search
