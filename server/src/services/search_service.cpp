// Event search and suggestions over the tsvector index of migration 0007 (docs/search.md):
// query words are folded and expanded (stems, typo candidates from the vocabulary) in one
// statement, then one statement finds, ranks and pages the hits and one counts the facets.
#include "db/text_array.hpp"
#include "services/api_internal.hpp"
#include "services/search_query.hpp"
#include "services/search_session.hpp"
#include "services/search_vocabulary.hpp"

#include "marquee/core/typo.hpp"
#include "marquee/core/validation.hpp"
#include "marquee/protocol/conversions.hpp"

#include <cctype>
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace marquee::server::detail {

namespace {

using search::QueryWord;

// Relevance searches and word expansion are named prepared statements, parsed and planned once
// per connection (plan_cache_mode = force_generic_plan, search_session.cpp): planning the six tiers
// for each call's values cost more CPU than running them. The statements are written so that one
// plan suits every value: the tiers read fixed indexes, the candidate bound is a literal, and
// the filters that are off are left out of the text (one statement per set of active filters).
// Other sorts and facet counts run as unnamed statements planned per call (force_custom_plan,
// set for their transaction: the generic plan cannot use the text index for them).

// Folds raw query tokens and expands each folded word with its stems in the catalog languages
// (kind 0 rows: token, word index, word, stems), and, when $2 is not '', reads the vocabulary
// words learned since the in-memory copy's watermark $2 (kind 1 rows, migration 0029), then the
// snapshot's xmin and the database's oid (kind 2): typo candidates and prefix completions come
// from that copy (search_vocabulary.cpp), not from a trigram query per search. $1 the tokens the
// server has not folded before (search::VocabularyCache keeps the folded ones), $2 the watermark
// or '' when the copy is fresh enough (VocabularyCache::beginRead). Without either, a search
// skips this statement.
constexpr Statement kExpandWords{"search_expand_words", R"SQL(
WITH words AS (
    SELECT t.ti, q.i, q.w
    FROM unnest($1::text[]) WITH ORDINALITY AS t(raw, ti)
    CROSS JOIN LATERAL unnest(regexp_split_to_array(coalesce(search_fold(t.raw), ''), ' ')) WITH ORDINALITY AS q(w, i)
    WHERE q.w <> ''
)
SELECT * FROM (
    SELECT 0 AS kind, ti, i, w,
           array_to_string(ARRAY(
               SELECT DISTINCT s FROM unnest(coalesce(ts_lexize('english_stem', w), '{}')
                                             || coalesce(ts_lexize('german_stem', w), '{}')
                                             || coalesce(ts_lexize('french_stem', w), '{}')) AS s
               WHERE s <> w), ' ') AS stems
    FROM words
    UNION ALL
    SELECT 1, 0, 0, v.word, '' FROM search_vocabulary v WHERE v.learned_xid >= NULLIF($2, '')::xid8
    UNION ALL
    SELECT 2, 0, 0, pg_snapshot_xmin(pg_current_snapshot())::text,
           (SELECT oid FROM pg_database WHERE datname = current_database())::text
    WHERE $2 <> ''
) expanded ORDER BY kind, ti, i
)SQL"};

// Filters shared by the hit and facet statements. Parameters:
// $1 match tsquery ('' none), $2/$3 date window (ms), $4 category, $5/$6 cheapest-price range,
// $7 free only, $8 venue, $9 has point, $10/$11 latitude/longitude, $12 radius km (0 none),
// $13 seats available. v: the event's venue; d.km: its distance from the point.
constexpr const char* kFromJoinSql = R"SQL(
FROM events e
LEFT JOIN venues v ON v.id = e.venue_id
CROSS JOIN LATERAL (SELECT CASE WHEN $9::boolean AND v.id IS NOT NULL AND NOT (v.latitude = 0 AND v.longitude = 0)
    THEN 12742.0176 * asin(least(1.0, sqrt(power(sin(radians(v.latitude - $10::float8) / 2), 2)
         + cos(radians($10::float8)) * cos(radians(v.latitude)) * power(sin(radians(v.longitude - $11::float8) / 2), 2))))
    END AS km) d
)SQL";
constexpr const char* kPlaceOkSql = R"SQL(($8 = '' OR e.venue_id = NULLIF($8, '')::uuid)
  AND ($12::float8 <= 0 OR d.km <= $12::float8)
  AND (NOT $13::boolean OR e.status = 'scheduled'))SQL";
const std::string kFromSql = std::string(kFromJoinSql) +
                             "WHERE ($1 = '' OR e.search_vector @@ NULLIF($1, '')::tsquery)\n  AND " + kPlaceOkSql + "\n";
constexpr const char* kDateOkSql =
    "(coalesce(e.ends_at, e.starts_at) >= 'epoch'::timestamptz + $2::bigint * interval '1 millisecond' "
    "AND e.starts_at < 'epoch'::timestamptz + $3::bigint * interval '1 millisecond')";
constexpr const char* kCategoryOkSql =
    "($4 = '' OR e.category_id = $4 OR left(e.category_id, char_length($4) + 1) = $4 || '.')";
constexpr const char* kPriceOkSql = "(e.price_min_minor BETWEEN $5::bigint AND $6::bigint AND (NOT $7::boolean OR e.price_min_minor = 0))";

// Relevance, highest first: the whole title is the query (+8), the event matches without a
// typo (+2), the title starts with the query (+1), then ts_rank with weights A 1.0, B 0.4,
// C 0.2, D 0.1. $14 exact tsquery (no typos), $15 folded query.
constexpr const char* kScoreSql =
    "CASE WHEN $1 = '' THEN 0::float8 ELSE "
    "8 * (e.search_title = $15)::int + starts_with(e.search_title, $15)::int "
    "+ 2 * coalesce(e.search_vector @@ NULLIF($14, '')::tsquery, false)::int "
    "+ ts_rank('{0.1, 0.2, 0.4, 1.0}', e.search_vector, NULLIF($1, '')::tsquery) END";

// After the cursor: $17/$18 the last key and id of the previous page ('' first page).
constexpr const char* kAfterCursorSql = "($18 = '' OR (k, id) > ($17::float8, NULLIF($18, '')::uuid))";

// The hits of `page` (id, venue_id, score, km, ascending sort key k; at most $19 = page size + 1
// rows) and their texts: $20 highlight tsquery.
constexpr const char* kPageSelectSql = R"SQL(
SELECT p.k, p.score, p.km, coalesce(vn.name, ''), coalesce(vn.city, ''),
       (SELECT count(*) FROM wishlist w WHERE w.event_id = p.id),
       coalesce(ts_headline('marquee_fold', translate(ev.title, chr(2) || chr(3), ''), NULLIF($20, '')::tsquery,
                            'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)), ev.title),
       coalesce(ts_headline('marquee_fold', translate(ev.description, chr(2) || chr(3), ''), NULLIF($20, '')::tsquery,
                            'MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … ", '
                            || 'StartSel=' || chr(2) || ', StopSel=' || chr(3)), left(ev.description, 200)),
       ev.*
FROM page p
LEFT JOIN venues vn ON vn.id = p.venue_id
CROSS JOIN LATERAL (SELECT )SQL" MARQUEE_SQL_EVENT_COLUMNS R"SQL( FROM events WHERE events.id = p.id) ev
ORDER BY p.k, p.id
)SQL";

// The page from `keyed` (id, venue_id, score, km, k), then its hits.
const std::string kPageSql = std::string("\npage AS (\n    SELECT * FROM keyed WHERE ") + kAfterCursorSql +
                             "\n    ORDER BY k, id LIMIT $19::bigint\n)" + kPageSelectSql;

// Hits in any sort over every matching row: $16 sort (1 date, 2 distance, 3 popularity, else
// relevance). The sort key k is ascending for every sort, so one keyset condition pages them all.
const std::string& hitsSql() {
    static const std::string sql = std::string(R"SQL(
WITH matched AS (
    SELECT e.id, e.venue_id, e.starts_at, d.km, )SQL") + kScoreSql + " AS score\n" + kFromSql + " AND " + kDateOkSql +
                                   " AND " + kCategoryOkSql + " AND " + kPriceOkSql + R"SQL(
), keyed AS (
    SELECT m.*, (CASE $16::int
        WHEN 1 THEN extract(epoch FROM m.starts_at) * 1000
        WHEN 2 THEN coalesce(m.km, 1e9)
        WHEN 3 THEN -(SELECT count(*) FROM wishlist w WHERE w.event_id = m.id)
        ELSE -m.score END)::float8 AS k
    FROM matched m
), )SQL" + kPageSql;
    return sql;
}

// Filters a relevance search applies, one bit each: the statement names only these, so that
// planning (which estimates and matches every clause of each of the six tiers against the
// indexes of events) skips the ones that are off instead of folding them tier by tier.
enum ActiveFilter : unsigned {
    kVenueFilter = 1,
    kRadiusFilter = 2,
    kSeatsFilter = 4,
    kDateEndFilter = 8, // an upper bound on starts_at (the lower bound, "not over yet", is always on)
    kCategoryFilter = 16,
    kPriceFilter = 32,
    kFilterCombinations = 64,
};

// Hits by relevance over a bounded candidate set. Ranking every matching row is what made
// broad queries slow (a 3-letter prefix matches a tenth of a large catalog, and ts_rank reads
// each vector), so candidates come in tiers, each from its own index and stopping at the bound
// (kRelevanceCandidates over all tiers together, in tier order):
//   1. the folded title starts with the query, the title itself first (the covering btree of
//      migration 0027, read in title order as an index-only scan: no heap row, no vector);
//   2. the title matches without typos (GIN on the title's lexemes, weight A of the vector);
//   3. any field matches without typos (GIN on search_vector);
//   4. the title starts with a corrected form of the query ($21: typo candidates in place of the
//      misspelt words), the same index-only read as tier 1;
//   5. and 6. as 2 and 3 with the typo candidates.
// The tiers fall into four groups whose scores do not overlap, so every row of a group ranks
// above every row of the next:
//   A (tier 1): 12 for the whole title, else 3 + the share of the title the query covers (0..1];
//   B (2, 3):   2 + ts_rank (capped at 1; weights A 1.0, B 0.4, C 0.2, D 0.1): matches as typed;
//   C (4):      1 + 0.99 x the share of the title the corrected form covers;
//   D (5, 6):   ts_rank (capped at 1): other corrections.
// A row is a candidate of the first group that finds it. Because the groups are ordered, a page
// is the rows of A after the cursor, then of B, and so on: a group's tiers run only when the page
// reaches past the groups before it (for most first pages, the title tier alone fills them).
// Within the last tier that contributes, which rows are candidates is the index's order (title
// order in 1 and 4, physical order in the GIN tiers), not the score: for a query matching more
// rows than the bound, the best-scored rows of that tier may be missed.
// docs/search.md#matching-and-ranking says what this costs.
// One statement per combination of active filters (`filters`, ActiveFilter bits), each a named
// prepared statement (parsed and planned once per connection: a generic plan, see search()).
// `titleGroupOnly`: group A alone (its page, or fewer rows when it cannot fill it), a much smaller
// plan to start and end than all four groups' (see search(), which tries it first).
std::string buildRelevanceHitsSql(unsigned active, bool titleGroupOnly) {
    // No join here: the venue is looked up only when there is a point ($9).
    const std::string km = "(CASE WHEN $9::boolean THEN (SELECT CASE WHEN NOT (v.latitude = 0 AND v.longitude = 0) THEN "
                           "12742.0176 * asin(least(1.0, sqrt(power(sin(radians(v.latitude - $10::float8) / 2), 2) "
                           "+ cos(radians($10::float8)) * cos(radians(v.latitude)) "
                           "* power(sin(radians(v.longitude - $11::float8) / 2), 2)))) END "
                           "FROM venues v WHERE v.id = e.venue_id) END)";
    // Every filter reads only columns of the covering title index (migration 0027), so the
    // title tiers stay index-only scans whatever the filters.
    std::string filters = "coalesce(e.ends_at, e.starts_at) >= 'epoch'::timestamptz + $2::bigint * interval '1 millisecond'";
    if (active & kDateEndFilter) filters += " AND e.starts_at < 'epoch'::timestamptz + $3::bigint * interval '1 millisecond'";
    if (active & kVenueFilter) filters += " AND e.venue_id = NULLIF($8, '')::uuid";
    if (active & kRadiusFilter) filters += " AND " + km + " <= $12::float8";
    if (active & kSeatsFilter) filters += " AND e.status = 'scheduled'";
    if (active & kCategoryFilter) filters += std::string(" AND ") + kCategoryOkSql;
    if (active & kPriceFilter) filters += std::string(" AND ") + kPriceOkSql;
    // The per-tier bound is a literal: a generic plan then knows a title tier reads at most this
    // many rows of a range, and reads them in index order instead of fetching and sorting it.
    const std::string bound = std::to_string(search::kRelevanceCandidates);
    const std::string limit = " LIMIT " + bound;
    const auto gin = [&](const char* condition, const char* score) {
        return "(SELECT e.id, e.venue_id, " + km + " AS km, " + score + " AS score FROM events e WHERE " + condition +
               " AND " + filters + limit + ")";
    };
    // Titles starting with `form`, in title order; `score` sees the title and the form.
    const auto titleRange = [&](const char* form, const std::string& score) {
        return "SELECT e.id, e.venue_id, " + km + " AS km, " + score + " AS score FROM events e WHERE e.search_title COLLATE \"C\" >= " +
               form + " AND e.search_title COLLATE \"C\" < " + form + " || chr(1114111) AND " + filters +
               " ORDER BY e.search_title COLLATE \"C\"" + limit;
    };
    const auto coverage = [](const char* form) {
        return std::string("char_length(") + form + ")::float8 / greatest(1, char_length(e.search_title))";
    };
    // $1 and $14 are bound as tsquery (never empty here): a generic plan would otherwise parse
    // the text into a tsquery again for every row it scores.
    constexpr const char* kRank = "least(1, ts_rank('{0.1, 0.2, 0.4, 1.0}', e.search_vector, $1::tsquery))";
    const std::string exactScore = std::string("2 + ") + kRank;
    constexpr const char* kTitleExact = "ts_filter(e.search_vector, '{a}') @@ $14::tsquery";
    constexpr const char* kAnyExact = "e.search_vector @@ $14::tsquery";
    constexpr const char* kTitleTypo = "$14::tsquery <> $1::tsquery AND ts_filter(e.search_vector, '{a}') @@ $1::tsquery";
    constexpr const char* kAnyTypo = "$14::tsquery <> $1::tsquery AND e.search_vector @@ $1::tsquery";
    // Every parameter is bound whatever the filters, so each gets its type here.
    constexpr const char* kTypedParams =
        "$2::bigint IS NOT NULL AND $3::bigint IS NOT NULL AND $4::text IS NOT NULL AND $5::bigint IS NOT NULL "
        "AND $6::bigint IS NOT NULL AND $7::boolean IS NOT NULL AND $8::text IS NOT NULL AND $12::float8 IS NOT NULL "
        "AND $13::boolean IS NOT NULL AND $16::bigint IS NOT NULL";
    // A group: the rows its tiers read, up to what the earlier groups left of the bound, minus the
    // rows an earlier group has; a row found twice in the group keeps its best score (group A,
    // one range of one index, sees each event once: no sort by id for it).
    const auto group = [&](const std::string& name, const std::string& tiers, const std::vector<std::string>& earlier) {
        std::string left = bound, unseen = "true";
        for (const auto& g : earlier) {
            left += " - (SELECT count(*) FROM " + g + ")";
            unseen += " AND c.id NOT IN (SELECT id FROM " + g + ")";
        }
        const bool singleRange = name == "a";
        return name + " AS MATERIALIZED (\n    SELECT " + (singleRange ? "" : "DISTINCT ON (c.id) ") +
               "c.* FROM (SELECT * FROM (" + tiers + ") t LIMIT greatest(0, " + left + ")) c\n    WHERE " + unseen +
               (singleRange ? "" : " ORDER BY c.id, c.score DESC") + "\n)";
    };
    const auto pageOf = [&](const char* g) {
        return std::string("(SELECT * FROM (SELECT id, venue_id, km, score, -score AS k FROM ") + g + ") " + g +
               " WHERE " + kAfterCursorSql + " ORDER BY k, id LIMIT $19::bigint)";
    };
    const std::string groupA = group("a", titleRange("$15", "3 + 8 * (e.search_title = $15)::int + " + coverage("$15")), {});
    if (titleGroupOnly) // the other groups' parameters still get their types
        return "WITH " + groupA + ",\npage AS (\n    SELECT * FROM " + pageOf("a") + " groups WHERE " + kTypedParams +
               " AND $1::tsquery IS NOT NULL AND $14::tsquery IS NOT NULL AND $21::text[] IS NOT NULL\n)" + kPageSelectSql;
    return "WITH " + groupA +
           ",\n" + group("b", gin(kTitleExact, exactScore.c_str()) + " UNION ALL " + gin(kAnyExact, exactScore.c_str()), {"a"}) +
           ",\n" +
           group("c",
                 "SELECT t.* FROM unnest($21::text[]) AS f(form) CROSS JOIN LATERAL (" +
                     titleRange("f.form", "1 + 0.99 * " + coverage("f.form")) + ") t",
                 {"a", "b"}) +
           ",\n" + group("d", gin(kTitleTypo, kRank) + " UNION ALL " + gin(kAnyTypo, kRank), {"a", "b", "c"}) +
           ",\npage AS (\n    SELECT * FROM (" + pageOf("a") + " UNION ALL " + pageOf("b") + " UNION ALL " + pageOf("c") +
           " UNION ALL " + pageOf("d") + ") groups WHERE " + kTypedParams + " LIMIT $19::bigint\n)" + kPageSelectSql;
}

struct RelevanceStatement {
    std::string name;
    std::string sql;
};

const RelevanceStatement& relevanceHitsStatement(unsigned activeFilters, bool titleGroupOnly) {
    static const auto statements = [] {
        std::vector<RelevanceStatement> all;
        for (const bool titleOnly : {false, true})
            for (unsigned active = 0; active < kFilterCombinations; ++active)
                all.push_back({std::string(titleOnly ? "search_relevance_a_" : "search_relevance_") + std::to_string(active),
                               buildRelevanceHitsSql(active, titleOnly)});
        return all;
    }();
    return statements.at(titleGroupOnly ? activeFilters + kFilterCombinations : activeFilters);
}

// Facets: the rows that pass the text and the place filters, with one flag per faceted filter;
// each facet counts the rows that pass every flag but its own. $14..$25 the date bucket windows
// (ms) in the order of kDateBuckets. Counted over the matches, at most $26 rows (kFacetSample),
// the first the text index yields: above it the counts are lower bounds and the response says so
// (facets_sampled, from the 'sample' row). Or over a fixed sample of the catalog's pages, scaled
// up (fillFacets decides; facets_estimated).
struct DateBucket {
    v1::DatePreset preset;
    const char* value;
    const char* label;
};
constexpr DateBucket kDateBuckets[] = {
    {v1::DATE_PRESET_TONIGHT, "tonight", "Tonight"},
    {v1::DATE_PRESET_TODAY, "today", "Today"},
    {v1::DATE_PRESET_TOMORROW, "tomorrow", "Tomorrow"},
    {v1::DATE_PRESET_THIS_WEEKEND, "this_weekend", "This weekend"},
    {v1::DATE_PRESET_NEXT_7_DAYS, "next_7_days", "Next 7 days"},
    {v1::DATE_PRESET_LATER, "later", "Later"},
};
struct PriceBand {
    const char* value;
    const char* label;
    std::int64_t minMinor;
    std::int64_t maxMinor; // -1: open
};
constexpr PriceBand kPriceBands[] = {
    {"free", "Free", 0, 0},
    {"up_to_20", "Up to 20", 1, 2000},
    {"20_to_50", "20 to 50", 2001, 5000},
    {"50_to_100", "50 to 100", 5001, 10000},
    {"over_100", "Over 100", 10001, -1},
};

// kFromSql over a fixed random sample of the catalog's pages ($26 percent of them).
std::string sampledFromSql() {
    std::string sql = kFromSql;
    const std::string table = "FROM events e\n";
    sql.replace(sql.find(table), table.size(), "FROM events e TABLESAMPLE SYSTEM ($26::float8) REPEATABLE (6)\n");
    return sql;
}

// `fromCatalogSample`: the rows come from a random sample of the catalog's pages instead
// (TABLESAMPLE SYSTEM, $26 the percentage, the same pages every time so they stay cached), with
// no bound: the counts, divided by the sampled share, estimate the counts over every match.
std::string buildFacetsSql(bool fromCatalogSample) {
    {
        std::string dateValues;
        for (std::size_t i = 0; i < std::size(kDateBuckets); ++i) {
            if (i > 0) dateValues += ", ";
            dateValues += "(" + std::to_string(i) + ", $" + std::to_string(14 + 2 * i) + "::bigint, $" +
                          std::to_string(15 + 2 * i) + "::bigint)";
        }
        std::string priceValues;
        for (std::size_t i = 0; i < std::size(kPriceBands); ++i) {
            if (i > 0) priceValues += ", ";
            priceValues += "(" + std::to_string(i) + ", " + std::to_string(kPriceBands[i].minMinor) + "::bigint, " +
                           std::to_string(kPriceBands[i].maxMinor < 0 ? std::numeric_limits<std::int64_t>::max()
                                                                      : kPriceBands[i].maxMinor) +
                           "::bigint)";
        }
        return std::string(R"SQL(
WITH f AS MATERIALIZED (
    SELECT e.category_id, e.starts_at, coalesce(e.ends_at, e.starts_at) AS ends_at, e.price_min_minor AS price,
           )SQL") + kDateOkSql + " AS date_ok, " + kCategoryOkSql + " AS category_ok, " + kPriceOkSql +
               " AS price_ok " + (fromCatalogSample ? sampledFromSql() : kFromSql + " LIMIT $26::bigint") + R"SQL(
)
SELECT 'category', f.category_id, coalesce(c.name, f.category_id), count(*)
FROM f LEFT JOIN categories c ON c.id = f.category_id
WHERE f.date_ok AND f.price_ok GROUP BY f.category_id, c.name
UNION ALL
SELECT 'date', b.i::text, '', (SELECT count(*) FROM f WHERE f.category_ok AND f.price_ok
    AND f.ends_at >= 'epoch'::timestamptz + b.lo * interval '1 millisecond'
    AND f.starts_at < 'epoch'::timestamptz + b.hi * interval '1 millisecond')
FROM (VALUES )SQL" + dateValues + R"SQL() AS b(i, lo, hi)
UNION ALL
SELECT 'price', p.i::text, '', (SELECT count(*) FROM f WHERE f.date_ok AND f.category_ok AND f.price BETWEEN p.lo AND p.hi)
FROM (VALUES )SQL" + priceValues + R"SQL() AS p(i, lo, hi)
UNION ALL
SELECT 'total', '', '', count(*) FROM f WHERE f.date_ok AND f.category_ok AND f.price_ok
UNION ALL
SELECT 'sample', '', '', count(*) FROM f
)SQL";
    }
}

const std::string& facetsSql(bool fromCatalogSample) {
    static const std::string bounded = buildFacetsSql(false);
    static const std::string sampled = buildFacetsSql(true);
    return fromCatalogSample ? sampled : bounded;
}

// Suggestions: $1 weight-A prefix tsquery over titles, $2 folded prefix, $3 limit, $4 now (ms),
// $5 highlight tsquery.
constexpr const char* kSuggestSql = R"SQL(
SELECT u.kind, u.id, ts_headline('marquee_fold', translate(u.text, chr(2) || chr(3), ''), NULLIF($5, '')::tsquery,
                                 'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3))
FROM (
(SELECT 0 AS kind, t.id::text AS id, t.title AS text FROM (
    SELECT DISTINCT ON (s.search_title) s.* FROM (
        SELECT e.id, e.title, e.search_title, e.starts_at FROM events e
        WHERE e.search_vector @@ $1::tsquery
          AND coalesce(e.ends_at, e.starts_at) >= 'epoch'::timestamptz + $4::bigint * interval '1 millisecond'
        ORDER BY e.starts_at LIMIT 200) s
    ORDER BY s.search_title, s.starts_at) t
 ORDER BY starts_with(t.search_title, $2) DESC, t.starts_at, t.id LIMIT $3::bigint)
UNION ALL
(SELECT 1, v.id::text, v.name FROM venues v
 WHERE (' ' || search_fold(v.name)) LIKE '% ' || $2 || '%'
 ORDER BY starts_with(search_fold(v.name), $2) DESC, v.name, v.id LIMIT $3::bigint)
UNION ALL
(SELECT 2, c.id, c.name FROM categories c
 WHERE (' ' || search_fold(c.name)) LIKE '% ' || $2 || '%'
 ORDER BY starts_with(search_fold(c.name), $2) DESC, c.name LIMIT $3::bigint)
) u
)SQL";

std::vector<std::string> splitWords(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string word; in >> word;) out.push_back(word);
    return out;
}

bool endsInsideWord(std::string_view query) {
    if (query.empty()) return false;
    const auto last = static_cast<unsigned char>(query.back());
    return last >= 0x80 || std::isalnum(last) != 0;
}

// Typo candidates a query word gets from the vocabulary (closest first), and the completions
// a prefix word may list (one more than kMaxCompletions says "too many to list").
constexpr std::size_t kMaxTypoCandidates = 64;

// The vocabulary cache of the database `conn` is connected to. The key is built and looked up
// once per connection and thread (each pool worker and benchmark client has its own connection);
// a connection object at a reused address is told apart by its backend and database.
search::VocabularyCache& vocabularyCacheOf(pqxx::connection_base& conn) {
    thread_local const pqxx::connection_base* lastConnection = nullptr;
    thread_local int lastBackend = 0;
    thread_local std::string lastDatabase;
    thread_local search::VocabularyCache* lastCache = nullptr;
    const char* database = conn.dbname() ? conn.dbname() : "";
    if (&conn != lastConnection || conn.backendpid() != lastBackend || lastDatabase != database || !lastCache) {
        lastCache = &search::VocabularyCache::forDatabase(std::string(conn.hostname() ? conn.hostname() : "") + ':' +
                                                          (conn.port() ? conn.port() : "") + '/' + database);
        lastConnection = &conn;
        lastBackend = conn.backendpid();
        lastDatabase = database;
    }
    return *lastCache;
}

// The query split where search_fold splits it for sure (ASCII spaces and control characters,
// NUL included, which a text parameter could not carry): search_fold folds character by
// character, so the folded words of the query are those of its tokens in order.
std::vector<std::string> rawTokens(const std::string& query) {
    std::vector<std::string> out;
    std::size_t start = 0;
    const auto separates = [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; };
    for (std::size_t i = 0; i <= query.size(); ++i) {
        if (i == query.size() || separates(query[i])) {
            if (i > start) out.push_back(query.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

// The vocabulary holds the words of at least this many characters (search_learn_words, 0007).
constexpr std::size_t kMinVocabularyWordLength = 4;

// Whether the group-A statement may fill the page: the page starts in group A (the first page,
// or a cursor inside it: group A scores 3 and more, k = -score), and every query word may be
// where the query has it in a title that starts with the query.
bool titleGroupMayFillPage(const std::vector<QueryWord>& words, const v1::SearchCursor& cursor) {
    if (!cursor.id().empty() && cursor.key() > -3) return false;
    return std::all_of(words.begin(), words.end(), [](const QueryWord& w) { return w.mayStartTitleWord; });
}

// Brings the in-memory vocabulary up to date from kExpandWords' kind 1 and 2 rows. False when the
// read must be repeated from 0 (the database was recreated under its name).
bool mergeLearnedWords(search::VocabularyCache::ReadTurn& turn, const pqxx::result& rows) {
    std::vector<std::string> learned;
    for (const auto& row : rows) {
        const auto kind = row[0].as<int>();
        if (kind == 1) learned.push_back(row[3].as<std::string>());
        if (kind == 2) return turn.merge(row[4].as<std::uint64_t>(), std::move(learned), row[3].as<std::uint64_t>());
    }
    throw std::logic_error("search_expand_words returned no watermark row");
}

// Folds and expands the query words: folded forms and stems (cached per raw token), typo
// candidates within the budget and prefix completions from the in-memory vocabulary. Runs
// kExpandWords only for tokens never folded before and when the vocabulary copy is due a read.
std::vector<QueryWord> expandWords(pqxx::transaction_base& tx, const std::string& query) {
    auto& cache = vocabularyCacheOf(tx.conn());
    const auto tokens = rawTokens(query);
    auto folded = cache.foldedTokens(tokens);
    std::vector<std::string> unfolded;
    for (std::size_t t = 0; t < tokens.size(); ++t)
        if (!folded[t] && std::find(unfolded.begin(), unfolded.end(), tokens[t]) == unfolded.end())
            unfolded.push_back(tokens[t]);
    auto turn = cache.beginRead();
    if (!unfolded.empty() || turn) {
        const auto read = [&](const std::vector<std::string>& toFold) {
            return exec(tx, kExpandWords, db::postgresTextArray(toFold), turn ? std::to_string(turn.from()) : std::string());
        };
        const auto rows = read(unfolded);
        if (turn && !mergeLearnedWords(turn, rows)) mergeLearnedWords(turn, read({}));
        std::vector<std::pair<std::string, search::FoldedToken>> learnedTokens;
        for (const auto& token : unfolded) learnedTokens.emplace_back(token, search::FoldedToken{});
        for (const auto& row : rows) {
            if (row[0].as<int>() != 0) continue;
            const auto token = row[1].as<std::size_t>() - 1;
            learnedTokens.at(token).second.push_back({row[3].as<std::string>(), splitWords(row[4].as<std::string>())});
        }
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            if (folded[t]) continue;
            const auto index = std::find(unfolded.begin(), unfolded.end(), tokens[t]) - unfolded.begin();
            folded[t] = learnedTokens[static_cast<std::size_t>(index)].second;
        }
        cache.rememberFolded(std::move(learnedTokens));
    }
    const auto vocabulary = cache.current();

    // The first kMaxQueryWords folded words; the last of them is being typed when the query ends
    // inside a word.
    std::vector<const search::FoldedWord*> kept;
    for (const auto& token : folded)
        for (const auto& word : *token)
            if (kept.size() < search::kMaxQueryWords) kept.push_back(&word);
    const bool typing = endsInsideWord(query);
    std::vector<QueryWord> words;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        QueryWord word;
        word.text = kept[i]->word;
        const bool beingTyped = typing && i + 1 == kept.size();
        const auto length = core::decodeUtf8(word.text).size();
        word.prefix = search::isPrefixWord(length, beingTyped);
        word.mayStartTitleWord = length < kMinVocabularyWordLength || vocabulary->contains(word.text) ||
                                 (i + 1 == kept.size() && !vocabulary->completions(word.text, 1).empty());
        word.stems = kept[i]->stems;
        word.typos = vocabulary->typoCandidates(word.text, beingTyped, kMaxTypoCandidates);
        if (word.prefix) {
            const auto most = static_cast<std::size_t>(search::kMaxCompletions);
            word.completions = vocabulary->completions(word.text, most + 1);
            word.completionsListed = word.completions.size() <= most;
        }
        words.push_back(std::move(word));
    }
    return words;
}

std::string foldedQuery(const std::vector<QueryWord>& words) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty()) out += ' ';
        out += word.text;
    }
    return out;
}

void requireText(std::string_view text, std::size_t maxBytes, const char* field) {
    if (text.size() > maxBytes)
        fail(v1::INVALID_ARGUMENT, std::string(field) + " is too long (at most " + std::to_string(maxBytes) + " bytes)",
             {{"field", field}});
    if (!core::isValidUtf8(text)) fail(v1::INVALID_ARGUMENT, std::string(field) + " must be valid UTF-8", {{"field", field}});
}

void validateFilters(const v1::SearchFilters& f) {
    requireText(f.category_id(), 100, "category_id");
    requireText(f.time_zone(), 64, "time_zone");
    if (!f.venue_id().empty() && !core::isUuid(f.venue_id()))
        fail(v1::INVALID_ARGUMENT, "venue_id must be a UUID", {{"field", "venue_id"}});
    if ((f.has_price_min_minor() && f.price_min_minor() < 0) || (f.has_price_max_minor() && f.price_max_minor() < 0) ||
        (f.has_price_min_minor() && f.has_price_max_minor() && f.price_min_minor() > f.price_max_minor()))
        fail(v1::INVALID_ARGUMENT, "price range must be non-negative with min <= max", {{"field", "price"}});
    if (f.has_near()) {
        const auto& p = f.near();
        if (!std::isfinite(p.latitude()) || !std::isfinite(p.longitude()) || !std::isfinite(p.radius_km()) ||
            std::abs(p.latitude()) > 90 || std::abs(p.longitude()) > 180 || p.radius_km() < 0 || p.radius_km() > 20000)
            fail(v1::INVALID_ARGUMENT, "near needs latitude -90..90, longitude -180..180 and radius_km 0..20000",
                 {{"field", "near"}});
    }
    if (f.date() == v1::DATE_PRESET_CUSTOM && f.to_ms() != 0 && f.to_ms() <= f.from_ms())
        fail(v1::INVALID_ARGUMENT, "to_ms must be after from_ms", {{"field", "to_ms"}});
    if (f.date() == v1::DATE_PRESET_CUSTOM &&
        (f.from_ms() < search::kOpenPastMs || f.from_ms() > search::kOpenFutureMs || f.to_ms() < 0 ||
         f.to_ms() > search::kOpenFutureMs))
        fail(v1::INVALID_ARGUMENT, "from_ms / to_ms out of range", {{"field", "from_ms"}});
    if (!v1::DatePreset_IsValid(f.date())) fail(v1::INVALID_ARGUMENT, "unknown date preset", {{"field", "date"}});
}

// What a cursor is bound to: the query, the filters and the sort.
std::string requestHash(const v1::SearchRequest& request) {
    v1::SearchRequest key;
    key.set_query(request.query());
    *key.mutable_filters() = request.filters();
    key.set_sort(request.sort());
    return sha256(key.SerializeAsString()).substr(0, 16);
}

// The filter parameters $1..$13 in the order of kFromSql.
struct FilterParams {
    std::string match;
    search::TimeWindow window;
    std::string category;
    std::int64_t priceLo = 0;
    std::int64_t priceHi = std::numeric_limits<std::int64_t>::max();
    bool freeOnly = false;
    std::string venue;
    bool hasPoint = false;
    double latitude = 0;
    double longitude = 0;
    double radiusKm = 0;
    bool seatsAvailable = false;
};

FilterParams filterParams(const v1::SearchFilters& f, std::string match, std::int64_t nowMs) {
    FilterParams p;
    p.match = std::move(match);
    try {
        p.window = search::resolveDateWindow(f, nowMs);
        search::presetWindow(v1::DATE_PRESET_TODAY, f.time_zone(), nowMs); // the zone facets use
    } catch (const std::invalid_argument&) {
        fail(v1::INVALID_ARGUMENT, "time_zone is not a known IANA time zone", {{"field", "time_zone"}});
    }
    p.category = f.category_id();
    if (f.has_price_min_minor()) p.priceLo = f.price_min_minor();
    if (f.has_price_max_minor()) p.priceHi = f.price_max_minor();
    p.freeOnly = f.free_only();
    p.venue = f.venue_id();
    p.hasPoint = f.has_near();
    p.latitude = f.near().latitude();
    p.longitude = f.near().longitude();
    p.radiusKm = f.near().radius_km();
    p.seatsAvailable = f.seats_available();
    return p;
}

// The ActiveFilter bits of `p`: a filter is off when it would pass every event (prices are never
// negative, and the open date window ends in the year 9999).
unsigned activeFilters(const FilterParams& p) {
    unsigned active = 0;
    if (!p.venue.empty()) active |= kVenueFilter;
    if (p.radiusKm > 0) active |= kRadiusFilter;
    if (p.seatsAvailable) active |= kSeatsFilter;
    if (p.window.toMs < search::kOpenFutureMs) active |= kDateEndFilter;
    if (!p.category.empty()) active |= kCategoryFilter;
    if (p.priceLo > 0 || p.priceHi < std::numeric_limits<std::int64_t>::max() || p.freeOnly) active |= kPriceFilter;
    return active;
}

// Facet counts above this many catalog rows come from a sample of about kFacetSampleRows of
// them when the sample holds at least kMinSampleMatches matches (estimates, facets_estimated);
// otherwise, and for smaller catalogs, they are counted over the matches (bounded, see facetsSql).
constexpr double kFacetSampleRows = 5000;
constexpr std::uint64_t kMinSampleMatches = 20;

// An estimate to two significant figures (143,774 -> 140,000): the sample is not more precise.
std::uint64_t roundedEstimate(double value) {
    if (value < 10) return static_cast<std::uint64_t>(std::llround(value));
    const double unit = std::pow(10.0, std::floor(std::log10(value)) - 1);
    return static_cast<std::uint64_t>(std::llround(value / unit) * static_cast<long long>(unit));
}

void fillFacets(pqxx::transaction_base& tx, const FilterParams& p, const v1::SearchFilters& filters, std::int64_t nowMs,
                v1::SearchResponse& out) {
    std::vector<search::TimeWindow> windows;
    for (const auto& bucket : kDateBuckets) windows.push_back(search::presetWindow(bucket.preset, filters.time_zone(), nowMs));
    static_assert(std::size(kDateBuckets) == 6, "facetsSql binds six date windows");
    const auto countFacets = [&](bool fromCatalogSample, const auto& last) {
        return tx.exec_params(facetsSql(fromCatalogSample), p.match, p.window.fromMs, p.window.toMs, p.category, p.priceLo,
                              p.priceHi, p.freeOnly, p.venue, p.hasPoint, p.latitude, p.longitude, p.radiusKm,
                              p.seatsAvailable, windows[0].fromMs, windows[0].toMs, windows[1].fromMs, windows[1].toMs,
                              windows[2].fromMs, windows[2].toMs, windows[3].fromMs, windows[3].toMs, windows[4].fromMs,
                              windows[4].toMs, windows[5].fromMs, windows[5].toMs, last);
    };
    const auto sampleMatches = [](const pqxx::result& rows) {
        for (const auto& row : rows)
            if (row[0].as<std::string>() == "sample") return row[3].as<std::uint64_t>();
        return std::uint64_t(0);
    };
    // A large catalog: a fixed sample of its pages first (a few milliseconds whatever the query).
    // Counting matches instead costs a heap row per match (a broad word's first 2,000 cost
    // 0.2 s of CPU at 1,000,000 events); the sample decides whether that is needed at all.
    const auto catalogRows = tx.exec1("SELECT reltuples FROM pg_class WHERE oid = 'events'::regclass")[0].as<double>();
    const double share = catalogRows > kFacetSampleRows ? kFacetSampleRows / catalogRows : 1.0;
    pqxx::result rows;
    if (share < 1) {
        rows = countFacets(true, share * 100);
        out.set_facets_estimated(sampleMatches(rows) >= kMinSampleMatches);
    }
    if (!out.facets_estimated()) {
        rows = countFacets(false, static_cast<std::int64_t>(search::kFacetSample));
        out.set_facets_sampled(sampleMatches(rows) >= search::kFacetSample);
    }
    const auto counted = [&](const pqxx::row& row) {
        const auto n = row[3].as<std::uint64_t>();
        return out.facets_estimated() ? roundedEstimate(static_cast<double>(n) / share) : n;
    };
    auto* facets = out.mutable_facets();
    for (const auto& row : rows) {
        const auto kind = row[0].as<std::string>();
        const auto count = counted(row);
        if (kind == "total") {
            out.set_total(count);
        } else if (kind == "category") {
            auto* facet = facets->add_categories();
            facet->set_value(row[1].as<std::string>());
            facet->set_label(row[2].as<std::string>());
            facet->set_count(count);
        } else if (kind == "date") {
            const auto& bucket = kDateBuckets[row[1].as<std::size_t>()];
            auto* facet = facets->add_dates();
            facet->set_value(bucket.value);
            facet->set_label(bucket.label);
            facet->set_count(count);
        } else if (kind == "price") {
            const auto& band = kPriceBands[row[1].as<std::size_t>()];
            auto* facet = facets->add_prices();
            facet->set_value(band.value);
            facet->set_label(band.label);
            facet->set_count(count);
            facet->set_range_min_minor(band.minMinor);
            facet->set_range_max_minor(band.maxMinor);
        }
    }
    // Largest category first, then by id, so the list is stable.
    std::sort(facets->mutable_categories()->begin(), facets->mutable_categories()->end(),
              [](const v1::FacetCount& a, const v1::FacetCount& b) {
                  return a.count() != b.count() ? a.count() > b.count() : a.value() < b.value();
              });
}

// search() in `tx`, whose statements run with the search settings. `autocommit`: tx is no
// transaction, so nothing can be set for one statement; nullopt when the search needs that (a
// sort other than relevance), and search() runs it again in a transaction.
std::optional<v1::SearchResponse> searchIn(pqxx::transaction_base& tx, const v1::SearchRequest& request,
                                           const v1::SearchCursor& cursor, std::uint32_t limit, std::int64_t nowMs,
                                           bool autocommit) {
    const auto words = expandWords(tx, request.query());
    const auto match = search::matchQuery(words, true);
    const auto exact = search::matchQuery(words, false);
    // Browsing without words has no relevance: it lists by date.
    auto sort = request.sort();
    if (words.empty() && sort == v1::SEARCH_SORT_RELEVANCE) sort = v1::SEARCH_SORT_DATE;

    const auto p = filterParams(request.filters(), match, nowMs);
    const bool byRelevance = sort == v1::SEARCH_SORT_RELEVANCE;
    // The other sorts' statement is planned for its values (a custom plan): its text and filter
    // tests fold away, and the planner picks the index for them. The search settings' generic
    // plan walked the start-time index testing every row instead (8 s at 1,000,000 events
    // for words nothing matches, against 1 ms).
    if (!byRelevance) {
        if (autocommit) return std::nullopt;
        tx.exec0("SET LOCAL plan_cache_mode = force_custom_plan");
    }
    // Both statements take the same parameters: the filters, then the query texts and the page.
    const auto withParams = [&](auto&& execute) {
        return execute(p.match, p.window.fromMs, p.window.toMs, p.category, p.priceLo, p.priceHi, p.freeOnly, p.venue,
                       p.hasPoint, p.latitude, p.longitude, p.radiusKm, p.seatsAvailable, exact, foldedQuery(words),
                       byRelevance ? static_cast<int>(search::kRelevanceCandidates) : static_cast<int>(sort), cursor.key(),
                       cursor.id(), static_cast<int>(limit) + 1, search::highlightQuery(words));
    };
    const auto relevanceHits = [&](bool titleGroupOnly) {
        return withParams([&](const auto&... params) {
            const auto& statement = relevanceHitsStatement(activeFilters(p), titleGroupOnly);
            return exec(tx, Statement{statement.name.c_str(), statement.sql.c_str()}, params...,
                        db::postgresTextArray(search::correctedForms(words, search::kMaxCorrectedForms)));
        });
    };
    pqxx::result rows;
    if (byRelevance) {
        // Group A (titles starting with the query) ranks above every other group, so when it
        // fills the page (limit + 1 rows after the cursor) the page is its rows, and the small
        // group-A statement answers it: starting and ending the four groups' plan was about a
        // quarter of a prefix search's database CPU. Otherwise the full statement runs.
        if (titleGroupMayFillPage(words, cursor)) rows = relevanceHits(true);
        if (rows.size() <= limit) rows = relevanceHits(false);
    } else {
        rows = withParams([&](const auto&... params) { return tx.exec_params(hitsSql(), params...); });
    }

    v1::SearchResponse out;
    for (const auto& word : words)
        if (!word.typos.empty()) out.add_corrected_words(word.text);
    const auto shown = std::min<std::size_t>(rows.size(), limit);
    constexpr pqxx::row::size_type kEventFirstColumn = 8;
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& row = rows[static_cast<pqxx::result::size_type>(i)];
        auto* hit = out.add_hits();
        protocol::toProto(eventFromRow(row, kEventFirstColumn), hit->mutable_event());
        hit->set_score(row[1].as<double>());
        if (!row[2].is_null()) {
            hit->set_has_distance(true);
            hit->set_distance_km(row[2].as<double>());
        }
        hit->set_venue_name(row[3].as<std::string>());
        hit->set_venue_city(row[4].as<std::string>());
        hit->set_wishlist_count(row[5].as<std::uint32_t>());
        *hit->mutable_title() = search::parseHighlight(row[6].as<std::string>());
        *hit->mutable_snippet() = search::parseHighlight(row[7].as<std::string>());
    }
    if (rows.size() > limit) {
        const auto& last = rows[static_cast<pqxx::result::size_type>(limit - 1)];
        v1::SearchCursor next;
        next.set_sort(request.sort());
        next.set_key(last[0].as<double>());
        next.set_id(last[kEventFirstColumn].as<std::string>());
        next.set_request_hash(requestHash(request));
        out.set_next_cursor(next.SerializeAsString());
    }
    if (request.include_facets()) {
        // The facet sample stops after kFacetSample matches: for a broad word a sequential scan
        // finds them in the first pages, where the index would first build the bitmap of every
        // match. The planner tells the two apart from the word statistics, which needs a custom
        // plan (planned for this query's words): a generic one, as the search settings ask for,
        // chose a parallel sequential scan of the whole table for rare word pairs ("passion
        // schub": 2.5 s). Transaction-local (search() runs facets in a transaction), so both
        // end with it.
        tx.exec0("SET LOCAL enable_seqscan = on; SET LOCAL plan_cache_mode = force_custom_plan");
        fillFacets(tx, p, request.filters(), nowMs, out);
    }
    return out;
}

} // namespace

v1::SearchResponse search(pqxx::connection& conn, const v1::SearchRequest& request, std::int64_t nowMs) {
    requireText(request.query(), search::kMaxQueryBytes, "query");
    validateFilters(request.filters());
    if (!v1::SearchSort_IsValid(request.sort())) fail(v1::INVALID_ARGUMENT, "unknown sort", {{"field", "sort"}});
    if (request.sort() == v1::SEARCH_SORT_DISTANCE && !request.filters().has_near())
        fail(v1::INVALID_ARGUMENT, "sorting by distance needs filters.near", {{"field", "sort"}});
    const std::uint32_t limit =
        request.limit() == 0 ? search::kDefaultLimit : std::min(request.limit(), search::kMaxLimit);

    v1::SearchCursor cursor;
    if (!request.cursor().empty()) {
        if (!cursor.ParseFromString(request.cursor()) || !core::isUuid(cursor.id()) || !std::isfinite(cursor.key()))
            fail(v1::INVALID_ARGUMENT, "cursor is not one this server issued", {{"field", "cursor"}});
        if (cursor.request_hash() != requestHash(request))
            fail(v1::INVALID_ARGUMENT, "cursor belongs to a different search", {{"field", "cursor"}});
    }

    // The statements run with the search settings (search_session.cpp): on a search session
    // (the search pool's connections) they are the session's, and a search without facets is
    // its statements alone in autocommit; elsewhere one read-only transaction sets them. Facets
    // and other sorts need one transaction for their own settings (see searchIn), whose end also
    // undoes them.
    const bool searchSession = search::isSearchSession(conn);
    if (searchSession && !request.include_facets() && request.sort() == v1::SEARCH_SORT_RELEVANCE) {
        pqxx::nontransaction tx(conn);
        if (auto out = searchIn(tx, request, cursor, limit, nowMs, true)) return std::move(*out);
    }
    pqxx::read_transaction tx(conn);
    if (!searchSession) tx.exec0(search::searchSettingsLocal());
    return std::move(*searchIn(tx, request, cursor, limit, nowMs, false));
}

v1::SuggestResponse suggest(pqxx::connection& conn, const v1::SuggestRequest& request, std::int64_t nowMs) {
    requireText(request.prefix(), search::kMaxSuggestBytes, "prefix");
    const std::uint32_t limit = request.limit() == 0 ? 8 : std::min<std::uint32_t>(request.limit(), 20);
    v1::SuggestResponse out;
    pqxx::read_transaction tx(conn);
    // The suggestion statement is planned with the server's defaults, not the search settings.
    if (search::isSearchSession(conn)) tx.exec0(search::defaultSettingsLocal());
    auto words = expandWords(tx, request.prefix());
    if (words.empty()) return out;
    for (auto& word : words) word.typos.clear(); // suggestions complete what was typed
    const auto rows = tx.exec_params(kSuggestSql, search::titlePrefixQuery(words), foldedQuery(words),
                                     static_cast<int>(limit), nowMs, search::highlightQuery(words));
    // Categories first (few, broad), then titles, then venues, up to the limit.
    for (const int kind : {2, 0, 1}) {
        for (const auto& row : rows) {
            if (row[0].as<int>() != kind || out.suggestions_size() >= static_cast<int>(limit)) continue;
            auto* suggestion = out.add_suggestions();
            suggestion->set_kind(static_cast<v1::SuggestionKind>(kind));
            suggestion->set_id(row[1].as<std::string>());
            *suggestion->mutable_text() = search::parseHighlight(row[2].as<std::string>());
        }
    }
    return out;
}

} // namespace marquee::server::detail
