// The search vocabulary (table search_vocabulary) held in memory: prefix completions and typo
// candidates for query words without a trigram query per search (docs/search.md#typo-rule).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace marquee::server::search {

// An immutable sorted word list (byte order = code-point order, as COLLATE "C").
class Vocabulary {
public:
    Vocabulary() = default;
    explicit Vocabulary(std::vector<std::string> words); // sorted and deduplicated here

    // This list plus `added` (any order, duplicates allowed).
    std::shared_ptr<const Vocabulary> with(std::vector<std::string> added) const;

    std::size_t size() const { return m_words.size(); }
    bool contains(const std::string& word) const;

    // Words that start with `prefix` and are longer, in byte order, at most `limit`.
    std::vector<std::string> completions(const std::string& prefix, std::size_t limit) const;

    // Words other than `word` within its typo budget (core::withinTypoBudget; with `asPrefix` a
    // prefix of the candidate counts), closest first by trigram similarity (pg_trgm's measure),
    // then by word, at most `limit`. Without `asPrefix` a candidate also needs a trigram
    // similarity of at least kMinSimilarity, as the pg_trgm candidate query had.
    std::vector<std::string> typoCandidates(const std::string& word, bool asPrefix, std::size_t limit) const;

    static constexpr double kMinSimilarity = 0.25;

private:
    std::vector<std::string> m_words;
    std::vector<std::u32string> m_decoded; // m_words as code points, same order
};

// pg_trgm's similarity of two folded words: shared trigrams / all trigrams, each word padded
// with two spaces in front and one behind.
double trigramSimilarity(const std::u32string& a, const std::u32string& b);

// The vocabulary of one database, kept current by reading what was learned since the last read
// (migration 0029). Thread-safe; searches share one per database and process.
class VocabularyCache {
public:
    // The cache for the database at `connectionKey` (host, port, database name).
    static VocabularyCache& forDatabase(const std::string& connectionKey);

    // Readers ask for the words learned by transactions >= watermark() (0: every word).
    std::uint64_t watermark() const;
    // Merges what a read from watermark `readFrom` saw: the words, the reading snapshot's xmin
    // (the next watermark: every older transaction's words were visible to it) and the oid of
    // the database. False when the oid is not the one cached (the database was recreated under
    // its name): the cache is then emptied for that oid, and the read must be repeated from 0.
    bool merge(std::uint64_t databaseOid, std::uint64_t readFrom, std::vector<std::string> learned,
               std::uint64_t nextWatermark);

    std::shared_ptr<const Vocabulary> current() const;

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const Vocabulary> m_vocabulary = std::make_shared<Vocabulary>();
    std::uint64_t m_watermark = 0;
    std::uint64_t m_databaseOid = 0; // 0: nothing read yet
};

} // namespace marquee::server::search
