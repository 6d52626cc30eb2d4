// The search vocabulary (table search_vocabulary) held in memory: prefix completions and typo
// candidates for query words without a trigram query per search (docs/search.md#typo-rule).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
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

// A raw query token's folded words (search_fold) with their stems in the catalog languages: pure
// functions of the database's dictionaries, so a server keeps them (WordCache).
struct FoldedWord {
    std::string word;
    std::vector<std::string> stems; // English / German / French stems that differ from word
};
using FoldedToken = std::vector<FoldedWord>; // empty: the token folds to nothing ("!!")

// The vocabulary of one database, kept current by reading what was learned since the last read
// (migration 0029), and the folded tokens of the queries it answered. Thread-safe; searches
// share one per database and process.
class VocabularyCache {
public:
    using Clock = std::chrono::steady_clock;

    // The cache for the database at `connectionKey` (host, port, database name).
    static VocabularyCache& forDatabase(const std::string& connectionKey);

    // How stale the copy may get: a search reads the words learned since the last read only when
    // the last read began longer ago than this (one search at a time; the others use the copy),
    // so a new word is a typo target and a listed completion within this interval plus a search.
    // 0: every search reads them. Process-wide; 250 ms unless set.
    static void setRefreshInterval(std::chrono::milliseconds interval);
    static std::chrono::milliseconds refreshInterval();

    // A search's turn to read the learned words (beginRead): false when the copy is fresh enough.
    // Ends the turn when destroyed, merged or not (a failed read leaves the turn to the next).
    class ReadTurn {
    public:
        ReadTurn() = default;
        ReadTurn(VocabularyCache* cache, std::uint64_t from) : m_cache(cache), m_from(from) {}
        ReadTurn(ReadTurn&& other) noexcept;
        ReadTurn& operator=(ReadTurn&&) = delete;
        ~ReadTurn();
        explicit operator bool() const { return m_cache != nullptr; }
        // Readers ask for the words learned by transactions >= from() (0: every word).
        std::uint64_t from() const { return m_from; }
        // Merges what the read saw: the words, the reading snapshot's xmin (the next watermark:
        // every older transaction's words were visible to it) and the oid of the database. False
        // when the oid is not the one cached (the database was recreated under its name): the
        // cache is then emptied for that oid, from() is 0, and the read must be repeated.
        bool merge(std::uint64_t databaseOid, std::vector<std::string> learned, std::uint64_t nextWatermark);

    private:
        VocabularyCache* m_cache = nullptr;
        std::uint64_t m_from = 0;
    };

    // While nothing is loaded, one search loads the whole vocabulary and the others wait for it
    // (no thundering herd of full reads at a cold start); after that, a search gets the turn when
    // the refresh interval has passed and no other search holds it.
    ReadTurn beginRead();

    std::shared_ptr<const Vocabulary> current() const;

    // The folded form of each token that is cached (nullopt: not cached).
    std::vector<std::optional<FoldedToken>> foldedTokens(const std::vector<std::string>& tokens);
    void rememberFolded(std::vector<std::pair<std::string, FoldedToken>> folded);

private:
    void endRead();
    // Builds the merged copy outside the lock and swaps it in (readers never wait for a build).
    void addWords(std::vector<std::string> learned);

    mutable std::mutex m_mutex;
    std::condition_variable m_readEnded;
    std::shared_ptr<const Vocabulary> m_vocabulary = std::make_shared<Vocabulary>();
    std::uint64_t m_watermark = 0;
    std::uint64_t m_databaseOid = 0; // 0: nothing read yet
    bool m_loaded = false;           // a whole read of m_databaseOid's vocabulary was merged
    int m_readers = 0;               // searches holding a turn
    Clock::time_point m_lastReadStart{};

    // Folded tokens, two generations: a lookup moves an entry of the older one to the current
    // one; a full current generation becomes the older one (the least used tokens drop out).
    static constexpr std::size_t kFoldedTokensPerGeneration = 4096;
    std::mutex m_foldedMutex;
    std::unordered_map<std::string, FoldedToken> m_folded, m_foldedOlder;
};

} // namespace marquee::server::search
