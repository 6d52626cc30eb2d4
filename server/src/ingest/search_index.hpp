// Search vectors for ingested events, built in C++ from a lexicon of the run's words (each
// distinct folded word stemmed by PostgreSQL once), exactly as search_document() (migration
// 0007) builds them, instead of stemming every field of every event in SQL.
#pragma once

#include <pqxx/pqxx>

#include <array>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace marquee::server::ingest {

// The texts of one event row that search_document() indexes.
struct SearchFields {
    std::string title;
    std::string performers;  // the performers joined by ' ' (as array_to_string does)
    std::string venueId;     // "" = no venue
    std::string tags;        // the row's tags joined by ' ' (a new row has none)
    std::string categoryId;
    std::string description;
};

struct SearchEntry {
    std::string title;   // search_title: the folded title
    std::string vector;  // search_vector as a tsvector literal (valid unless `exact`)
    bool exact = false;  // the fast path cannot vouch for this row: compute it in SQL
};

// One per run (caches survive the run's batches). Not thread-safe.
class SearchIndexer {
public:
    // One entry per row, in order. The vocabulary words (4+ characters) of all rows are added
    // to `vocabulary`, as search_learn_words() would add them.
    std::vector<SearchEntry> index(pqxx::transaction_base& tx, const std::vector<SearchFields>& rows,
                                   std::set<std::string>& vocabulary);

    // search_fold() of each text, in order.
    std::vector<std::string> fold(pqxx::transaction_base& tx, const std::vector<std::string>& texts);

    // Folds the texts and stems their words (the database's part of index()), so that a later
    // index() of rows made of them only assembles. Run on an indexer of its own, on another
    // connection, while the run decides; then absorb() it.
    void learn(pqxx::transaction_base& tx, const std::vector<const std::string*>& texts);
    // Takes over what `other` learned (words it does not know yet).
    void absorb(SearchIndexer&& other);

    // The text search configurations of search_field_vector(), in its order.
    static constexpr std::size_t kConfigs = 4;

private:
    struct Word {
        std::array<std::string, kConfigs> lexemes; // "" = no lexeme (a stop word)
        bool safe = false;                          // the lexicon saw it as exactly one token
        std::uint64_t call = 0;                     // the last index() call that used it
    };
    void checkAsciiFolding(pqxx::transaction_base& tx);
    void resolveChunks(pqxx::transaction_base& tx, const std::vector<const std::string*>& texts);
    void resolveContexts(pqxx::transaction_base& tx, const std::vector<SearchFields>& rows);
    // Also adds the call's distinct vocabulary words to `vocabulary`.
    void resolveWords(pqxx::transaction_base& tx, const std::vector<std::vector<std::string>>& fieldWords,
                      std::set<std::string>& vocabulary);
    void foldInto(const std::string& text, std::vector<std::string>& words) const;
    // The vectors of rows [begin, end) from their fields' words (four per row), into `out`.
    void assemble(const std::vector<std::vector<std::string>>& fieldWords, std::size_t begin, std::size_t end,
                  std::vector<SearchEntry>& out) const;
    template <typename Visit> void forEachChunk(const std::string& text, Visit&& visit) const;

    std::uint64_t m_calls = 0; // index() calls so far
    bool m_checked = false;
    bool m_asciiFast = false;                                        // ASCII folds as plain lower case here
    std::unordered_map<std::string, std::string> m_chunks;           // chunk with non-ASCII -> search_fold
    std::unordered_map<std::string, std::string> m_venueWords;       // venue id -> folded "name city"
    std::unordered_map<std::string, std::string> m_categoryWords;    // category id -> folded label text
    std::unordered_map<std::string, Word> m_words;                   // folded word -> lexemes
};

} // namespace marquee::server::ingest
