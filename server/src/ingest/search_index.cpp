// Search vectors of ingested events without stemming every field in SQL. search_document()
// stems each of four fields in four configurations: sixteen parser runs per event, which made
// indexing most of the cost of a 100,000-event feed. A tsvector is determined by each token's
// lexemes and position, so this folds the fields (ASCII here, other characters by
// search_fold in PostgreSQL, once per distinct chunk), asks PostgreSQL for the lexemes of each
// distinct word once (many words per to_tsvector call), and assembles the vectors with the
// position arithmetic of tsvector concatenation. Whatever it cannot vouch for (a word the
// parser would split, limits of positions) it marks `exact`, and SQL computes that row.
#include "ingest/search_index.hpp"

#include "ingest/halves.hpp"
#include "ingest/text.hpp"
#include "services/api_internal.hpp"

#include <cstdint>
#include <string_view>

namespace marquee::server::ingest {

namespace {

using detail::exec;
using detail::Statement;

// search_field_vector()'s configurations, in its order (migration 0007). If that function
// changes, this list must follow (test_ingest_catalog compares the results with the trigger's).
constexpr std::array<const char*, SearchIndexer::kConfigs> kConfigNames{"simple", "english", "german", "french"};
// to_tsvector keeps at most 256 positions per lexeme and positions up to 16383: rows near
// either limit go to SQL, which applies them exactly.
constexpr std::size_t kMaxPositionsPerLexeme = 250;
constexpr std::size_t kMaxPosition = 16000;
// The parser skips words of 2047 bytes and more; such rows go to SQL too.
constexpr std::size_t kMaxWordBytes = 1000;
// Words per to_tsvector call of the lexicon: a word's position there is its index, and with
// this few words no lexeme or position comes near the limits above.
constexpr std::size_t kLexiconChunk = 200;
constexpr std::size_t kVocabularyMinChars = 4; // search_learn_words()

constexpr Statement kFoldProbe{"search_index_fold_probe", "SELECT search_fold($1)"};
constexpr Statement kFoldChunks{
    "search_index_fold_chunks",
    "SELECT coalesce(search_fold(c), '') FROM unnest($1::text[]) WITH ORDINALITY AS u(c, n) ORDER BY n"};
// The venue and category parts of search_event_people() / search_event_labels(), folded.
constexpr Statement kVenueWords{
    "search_index_venue_words",
    "SELECT coalesce(search_fold(search_event_people('{}', v::uuid)), '') "
    "FROM unnest($1::text[]) WITH ORDINALITY AS u(v, n) ORDER BY n"};
constexpr Statement kCategoryWords{
    "search_index_category_words",
    "SELECT coalesce(search_fold(search_event_labels('{}', c)), '') "
    "FROM unnest($1::text[]) WITH ORDINALITY AS u(c, n) ORDER BY n"};
// Every lexeme of every chunk of words in every configuration, with its positions.
constexpr Statement kLexicon{
    "search_index_lexicon",
    "SELECT u.n, k.n, t.lexeme, array_to_string(t.positions, ',') "
    "FROM unnest($1::text[]) WITH ORDINALITY AS u(words, n) CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS k(cfg, n) "
    "CROSS JOIN LATERAL unnest(to_tsvector(k.cfg::regconfig, u.words)) AS t"};

bool isAsciiAlnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::size_t utf8Chars(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    return n;
}

void splitSpaces(std::string_view text, std::vector<std::string>& out) {
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) out.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
}

std::vector<int> parsePositions(const std::string& text) {
    std::vector<int> out;
    int value = 0;
    bool any = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            any = true;
        } else if (any) {
            out.push_back(value);
            value = 0;
            any = false;
        }
    }
    if (any) out.push_back(value);
    return out;
}

} // namespace

// Chunks: maximal runs of ASCII letters and digits and non-ASCII bytes. ASCII punctuation and
// blanks only ever separate words in search_fold (unaccent and lower leave them alone, the
// probe checks that), so folding chunk by chunk equals folding the whole text.
template <typename Visit> void SearchIndexer::forEachChunk(const std::string& text, Visit&& visit) const {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80 && !isAsciiAlnum(c)) {
            ++i;
            continue;
        }
        bool ascii = true;
        const auto start = i;
        for (; i < text.size(); ++i) {
            const auto b = static_cast<unsigned char>(text[i]);
            if (b >= 0x80) ascii = false;
            else if (!isAsciiAlnum(b)) break;
        }
        visit(std::string_view(text).substr(start, i - start), ascii && m_asciiFast);
    }
}

void SearchIndexer::checkAsciiFolding(pqxx::transaction_base& tx) {
    if (m_checked) return;
    m_checked = true;
    // Every printable ASCII character: the database must fold them as plain lower case with
    // everything but letters and digits separating words (a Turkish collation, say, would not).
    std::string probe;
    for (char c = ' '; c <= '~'; ++c) probe += c;
    std::string expected;
    m_asciiFast = true;
    std::vector<std::string> words;
    forEachChunk(probe, [&](std::string_view chunk, bool) { words.push_back(asciiLower(chunk)); });
    for (const auto& w : words) expected += (expected.empty() ? "" : " ") + w;
    m_asciiFast = exec(tx, kFoldProbe, probe)[0][0].as<std::string>() == expected;
}

void SearchIndexer::resolveChunks(pqxx::transaction_base& tx, const std::vector<const std::string*>& texts) {
    checkAsciiFolding(tx);
    std::vector<std::string> pending;
    for (const auto* text : texts)
        forEachChunk(*text, [&](std::string_view chunk, bool ascii) {
            if (ascii) return;
            std::string key(chunk);
            if (m_chunks.emplace(key, std::string()).second) pending.push_back(std::move(key));
        });
    if (pending.empty()) return;
    const auto result = exec(tx, kFoldChunks, postgresTextArray(pending));
    for (std::size_t i = 0; i < pending.size(); ++i)
        m_chunks[pending[i]] = result[static_cast<pqxx::result::size_type>(i)][0].as<std::string>();
}

void SearchIndexer::resolveContexts(pqxx::transaction_base& tx, const std::vector<SearchFields>& rows) {
    std::vector<std::string> venues;
    std::vector<std::string> categories;
    for (const auto& r : rows) {
        if (!r.venueId.empty() && m_venueWords.emplace(r.venueId, std::string()).second) venues.push_back(r.venueId);
        if (m_categoryWords.emplace(r.categoryId, std::string()).second) categories.push_back(r.categoryId);
    }
    if (!venues.empty()) {
        const auto result = exec(tx, kVenueWords, postgresTextArray(venues));
        for (std::size_t i = 0; i < venues.size(); ++i)
            m_venueWords[venues[i]] = result[static_cast<pqxx::result::size_type>(i)][0].as<std::string>();
    }
    if (!categories.empty()) {
        const auto result = exec(tx, kCategoryWords, postgresTextArray(categories));
        for (std::size_t i = 0; i < categories.size(); ++i)
            m_categoryWords[categories[i]] = result[static_cast<pqxx::result::size_type>(i)][0].as<std::string>();
    }
}

void SearchIndexer::foldInto(const std::string& text, std::vector<std::string>& words) const {
    forEachChunk(text, [&](std::string_view chunk, bool ascii) {
        if (ascii) words.push_back(asciiLower(chunk));
        else splitSpaces(m_chunks.at(std::string(chunk)), words);
    });
}

void SearchIndexer::resolveWords(pqxx::transaction_base& tx, const std::vector<std::vector<std::string>>& fieldWords,
                                 std::set<std::string>& vocabulary) {
    std::vector<std::vector<const std::string*>> chunks;
    for (const auto& words : fieldWords)
        for (const auto& w : words) {
            const auto [it, added] = m_words.try_emplace(w);
            if (it->second.call != m_calls) { // first time in this call
                it->second.call = m_calls;
                if (utf8Chars(w) >= kVocabularyMinChars) vocabulary.insert(w);
            }
            if (!added) continue;
            if (w.size() > kMaxWordBytes) continue; // stays unsafe
            it->second.safe = true;
            if (chunks.empty() || chunks.back().size() == kLexiconChunk) chunks.emplace_back();
            chunks.back().push_back(&it->first);
        }
    if (chunks.empty()) return;
    std::vector<std::string> texts;
    texts.reserve(chunks.size());
    for (const auto& chunk : chunks) {
        std::string text;
        for (const auto* w : chunk) text += (text.empty() ? "" : " ") + *w;
        texts.push_back(std::move(text));
    }
    std::vector<std::string> configs(kConfigNames.begin(), kConfigNames.end());
    // 'simple' has no stop words: one lexeme at each position 1..n means the parser saw
    // exactly the n words. Anything else makes the whole chunk unsafe.
    std::vector<std::vector<int>> simpleSeen(chunks.size());
    std::vector<bool> chunkBroken(chunks.size(), false);
    for (std::size_t c = 0; c < chunks.size(); ++c) simpleSeen[c].assign(chunks[c].size(), 0);
    for (const auto& row : exec(tx, kLexicon, postgresTextArray(texts), postgresTextArray(configs))) {
        const auto chunk = row[0].as<std::size_t>() - 1;
        const auto config = row[1].as<std::size_t>() - 1;
        const auto lexeme = row[2].as<std::string>();
        for (const int p : parsePositions(row[3].as<std::string>())) {
            if (p < 1 || static_cast<std::size_t>(p) > chunks[chunk].size()) {
                chunkBroken[chunk] = true;
                continue;
            }
            const auto index = static_cast<std::size_t>(p - 1);
            auto& word = m_words.at(*chunks[chunk][index]);
            if (config == 0) ++simpleSeen[chunk][index];
            if (!word.lexemes[config].empty()) word.safe = false; // two lexemes for one token
            word.lexemes[config] = lexeme;
        }
    }
    for (std::size_t c = 0; c < chunks.size(); ++c) {
        for (const int seen : simpleSeen[c])
            if (seen != 1) chunkBroken[c] = true;
        if (chunkBroken[c])
            for (const auto* w : chunks[c]) m_words.at(*w).safe = false;
    }
}

void SearchIndexer::learn(pqxx::transaction_base& tx, const std::vector<const std::string*>& texts) {
    resolveChunks(tx, texts);
    std::vector<std::vector<std::string>> words(texts.size());
    inTwoHalves(texts.size(), [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) foldInto(*texts[i], words[i]);
    });
    ++m_calls;
    std::set<std::string> vocabulary; // index() collects the vocabulary of the rows it indexes
    resolveWords(tx, words, vocabulary);
}

void SearchIndexer::absorb(SearchIndexer&& other) {
    if (!other.m_checked) return;
    if (!m_checked) {
        m_checked = true;
        m_asciiFast = other.m_asciiFast;
    }
    for (auto& [chunk, folded] : other.m_chunks) m_chunks.try_emplace(chunk, std::move(folded));
    for (auto& [text, word] : other.m_words) {
        word.call = 0; // not yet used by any index() call of this indexer: its vocabulary counts it
        m_words.try_emplace(text, std::move(word));
    }
}

std::vector<std::string> SearchIndexer::fold(pqxx::transaction_base& tx, const std::vector<std::string>& texts) {
    std::vector<const std::string*> pointers;
    pointers.reserve(texts.size());
    for (const auto& text : texts) pointers.push_back(&text);
    resolveChunks(tx, pointers);
    std::vector<std::string> out;
    out.reserve(texts.size());
    std::vector<std::string> words;
    for (const auto& text : texts) {
        words.clear();
        foldInto(text, words);
        std::string folded;
        for (const auto& w : words) folded += (folded.empty() ? "" : " ") + w;
        out.push_back(std::move(folded));
    }
    return out;
}

std::vector<SearchEntry> SearchIndexer::index(pqxx::transaction_base& tx, const std::vector<SearchFields>& rows,
                                              std::set<std::string>& vocabulary) {
    std::vector<const std::string*> texts;
    texts.reserve(rows.size() * 4);
    for (const auto& r : rows)
        for (const auto* text : {&r.title, &r.performers, &r.tags, &r.description}) texts.push_back(text);
    resolveChunks(tx, texts);
    resolveContexts(tx, rows);

    // The words of each row's four fields (A title, B people, C labels, D description).
    // Folding and assembling read only what the lexicon resolved: two threads, half the rows each.
    std::vector<std::vector<std::string>> fieldWords(rows.size() * 4);
    inTwoHalves(rows.size(), [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const auto& r = rows[i];
            auto* f = &fieldWords[i * 4];
            foldInto(r.title, f[0]);
            foldInto(r.performers, f[1]);
            if (!r.venueId.empty()) splitSpaces(m_venueWords.at(r.venueId), f[1]);
            foldInto(r.tags, f[2]);
            splitSpaces(m_categoryWords.at(r.categoryId), f[2]);
            foldInto(r.description, f[3]);
        }
    });
    ++m_calls;
    resolveWords(tx, fieldWords, vocabulary);

    std::vector<SearchEntry> out(rows.size());
    inTwoHalves(rows.size(), [&](std::size_t, std::size_t begin, std::size_t end) { assemble(fieldWords, begin, end, out); });
    return out;
}

void SearchIndexer::assemble(const std::vector<std::vector<std::string>>& fieldWords, std::size_t begin,
                             std::size_t end, std::vector<SearchEntry>& out) const {
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> postings; // lexeme -> position << 2 | field
    constexpr std::array<char, 4> kWeights{'A', 'B', 'C', 'D'};
    for (std::size_t i = begin; i < end; ++i) {
        const auto* f = &fieldWords[i * 4];
        auto& entry = out[i];
        for (const auto& w : f[0]) entry.title += (entry.title.empty() ? "" : " ") + w;

        // search_document(): setweight(field vector) || ..., and each field vector is
        // simple || english || german || french. tsvector concatenation shifts the right
        // side's positions by the left side's largest position, i.e. by the sum of the
        // last lexeme-bearing positions of all earlier parts.
        postings.clear();
        std::size_t offset = 0;
        for (std::size_t field = 0; field < 4 && !entry.exact; ++field)
            for (std::size_t config = 0; config < kConfigs && !entry.exact; ++config) {
                std::size_t last = 0;
                for (std::size_t p = 1; p <= f[field].size(); ++p) {
                    const auto& word = m_words.at(f[field][p - 1]);
                    if (!word.safe || offset + p > kMaxPosition) {
                        entry.exact = true;
                        break;
                    }
                    const auto& lexeme = word.lexemes[config];
                    if (lexeme.empty()) continue;
                    auto& list = postings[lexeme];
                    if (list.size() >= kMaxPositionsPerLexeme) {
                        entry.exact = true;
                        break;
                    }
                    list.push_back(static_cast<std::uint32_t>((offset + p) << 2U | field));
                    last = p;
                }
                offset += last;
            }
        if (entry.exact) continue;
        for (const auto& [lexeme, positions] : postings) {
            if (!entry.vector.empty()) entry.vector += ' ';
            entry.vector += '\'';
            for (const char c : lexeme) {
                if (c == '\'' || c == '\\') entry.vector += c;
                entry.vector += c;
            }
            entry.vector += "':";
            for (std::size_t k = 0; k < positions.size(); ++k) {
                if (k > 0) entry.vector += ',';
                entry.vector += std::to_string(positions[k] >> 2U);
                entry.vector += kWeights[positions[k] & 3U];
            }
        }
    }
}

} // namespace marquee::server::ingest
