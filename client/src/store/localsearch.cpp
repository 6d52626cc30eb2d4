// LocalStore's offline search: FTS5 over the cached catalog (schema steps 4 and 6 in
// localstore.cpp, kept current by searchindex.cpp), typo candidates from the trigram vocabulary checked with the shared typo
// rule, the filters the cache can answer, and facets. docs/search.md describes the design.
#include "store/localstore.h"
#include "store/searchtext.h"

#include "marquee/core/typo.hpp"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marquee::client {

namespace {

constexpr int kTypoCandidates = 100;
constexpr int kMaxHits = 100;
constexpr int kRankedChunk = 512; // ranked documents whose events one statement reads
constexpr int kFacetCandidates = 1000;  // the best candidates facets are counted over
constexpr int kSortedCandidates = 5000; // candidates a date or distance sort orders
constexpr double kEarthRadiusKm = 6371.0088;

QString quoted(const QString& word) { return QLatin1Char('"') + QString(word).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); }

// FTS5 expression: every word, each as itself (or prefix) or one of its typo candidates.
QString matchExpression(const QList<SearchWord>& words)
{
    QStringList terms;
    for (const SearchWord& word : words) {
        QStringList alternatives{quoted(word.text) + (word.prefix ? QStringLiteral("*") : QString())};
        for (const QString& typo : word.typos)
            alternatives << quoted(typo);
        terms << QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    return terms.join(QStringLiteral(" AND "));
}

double haversineKm(double lat1, double lon1, double lat2, double lon2)
{
    const auto rad = [](double d) { return d * M_PI / 180.0; };
    const double a = std::pow(std::sin(rad(lat2 - lat1) / 2), 2)
        + std::cos(rad(lat1)) * std::cos(rad(lat2)) * std::pow(std::sin(rad(lon2 - lon1) / 2), 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

struct PriceBand {
    const char* value;
    const char* label;
    qint64 min;
    qint64 max; // -1: open
};
// The server's bands (search_service.cpp), so online and offline facets read alike.
constexpr PriceBand kPriceBands[] = {
    {"free", "Free", 0, 0}, {"up_to_20", "Up to 20", 1, 2000}, {"20_to_50", "20 to 50", 2001, 5000},
    {"50_to_100", "50 to 100", 5001, 10000}, {"over_100", "Over 100", 10001, -1},
};
struct DateBucket {
    core::DatePreset preset;
    const char* value;
    const char* label;
};
constexpr DateBucket kDateBuckets[] = {
    {core::DatePreset::Tonight, "tonight", "Tonight"}, {core::DatePreset::Today, "today", "Today"},
    {core::DatePreset::Tomorrow, "tomorrow", "Tomorrow"}, {core::DatePreset::ThisWeekend, "this_weekend", "This weekend"},
    {core::DatePreset::Next7Days, "next_7_days", "Next 7 days"}, {core::DatePreset::Later, "later", "Later"},
};

// One candidate row with what the filters and facets look at.
struct Row {
    QString id;
    qint64 doc = 0; // the event's rowid; its description is read only for the hits shown
    QString title;
    QString categoryId;
    QString categoryName;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    QString timeZone;
    QString venueId;
    QString venueName;
    QString city;
    double latitude = 0;
    double longitude = 0;
    bool hasVenue = false;
    qint64 priceMin = 0;
    qint64 priceMax = 0;
    QString currency;
    int status = 0;
    int tier = 0; // 0 exact title, 1 title match, 2 other match (localsearch tiers)
    double rank = 0;
    bool exactTitle = false;
    bool hasDistance = false;
    double distanceKm = 0;
};

bool inCategory(const QString& categoryId, const QString& wanted)
{
    return wanted.isEmpty() || categoryId == wanted || categoryId.startsWith(wanted + QLatin1Char('.'));
}

bool overlaps(const Row& r, const core::TimeWindow& w)
{
    const qint64 end = r.endsAt > 0 ? r.endsAt : r.startsAt;
    return end >= w.fromMs && r.startsAt < w.toMs;
}

bool inPrice(const Row& r, const SearchFilters& f)
{
    return r.priceMin >= f.priceMinMinor.value_or(0)
        && r.priceMin <= f.priceMaxMinor.value_or(std::numeric_limits<qint64>::max()) && (!f.freeOnly || r.priceMin == 0);
}

} // namespace

SearchResults LocalStore::search(const SearchQuery& query, qint64 nowMs)
{
    SearchResults out;
    out.queryText = query.text;
    out.offline = true;
    out.partialIndex = hasSearchBacklog();
    QSqlDatabase db = database();
    QList<SearchWord> words = searchWords(query.text);

    // Typo candidates: vocabulary words sharing trigrams with the word, within its budget (ties
    // by word, so the candidates do not depend on the order the vocabulary was learnt in).
    QSqlQuery candidates(db);
    candidates.prepare(QStringLiteral(
        "SELECT word FROM search_words_trigram WHERE search_words_trigram MATCH ? ORDER BY rank, word LIMIT ?"));
    for (int i = 0; i < words.size(); ++i) {
        SearchWord& word = words[i];
        const std::u32string folded = word.text.toStdU32String();
        if (core::typoBudget(folded.size()) == 0)
            continue;
        QStringList trigrams;
        for (std::size_t k = 0; k + 3 <= folded.size(); ++k)
            trigrams << quoted(QString::fromStdU32String(folded.substr(k, 3)));
        candidates.addBindValue(trigrams.join(QStringLiteral(" OR ")));
        candidates.addBindValue(kTypoCandidates);
        if (!candidates.exec()) {
            m_lastError = candidates.lastError().text();
            continue; // no typo tolerance for this word rather than no search
        }
        const bool typing = word.prefix && i == words.size() - 1;
        while (candidates.next()) {
            const QString candidate = candidates.value(0).toString();
            if (candidate != word.text && core::withinTypoBudget(folded, candidate.toStdU32String(), typing))
                word.typos << candidate;
        }
        if (!word.typos.isEmpty())
            out.correctedWords << word.text;
    }

    const SearchFilters& f = query.filters;
    // Date windows in the user's zone (an unknown zone falls back to UTC).
    const QString zone = query.timeZone.isEmpty() ? QString::fromUtf8(QTimeZone::systemTimeZoneId()) : query.timeZone;
    core::TimeWindow window{nowMs, core::kOpenFutureMs};
    QList<core::TimeWindow> bucketWindows;
    try {
        window = core::datePresetWindow(f.date, zone.toStdString(), nowMs);
        for (const DateBucket& bucket : kDateBuckets)
            bucketWindows.append(core::datePresetWindow(bucket.preset, zone.toStdString(), nowMs));
    } catch (const std::invalid_argument&) {
        window = core::datePresetWindow(f.date, "UTC", nowMs);
        for (const DateBucket& bucket : kDateBuckets)
            bucketWindows.append(core::datePresetWindow(bucket.preset, "UTC", nowMs));
    }
    // Candidate rows: the text match and the filters facets do not count (venue, place, seats);
    // without facets, every filter. The conditions are shared by the statement that reads the
    // candidates' events and, for a text search, by the tiers that choose the candidates.
    const bool textual = !words.isEmpty();
    QString conditions = QStringLiteral("(CASE WHEN e.ends_at > 0 THEN e.ends_at ELSE e.starts_at END) >= :now");
    if (!f.venueId.isEmpty())
        conditions += QStringLiteral(" AND e.venue_id = :venue");
    if (f.seatsAvailable)
        conditions += QStringLiteral(" AND e.status = 0");
    const bool inBox = f.hasPoint && f.radiusKm > 0;
    if (inBox) // a box around the circle; the exact distance is checked below
        conditions += QStringLiteral(" AND v.latitude BETWEEN :latLo AND :latHi AND v.longitude BETWEEN :lonLo AND :lonHi");
    // Without facets every filter runs in SQL and only the rows shown come back; with facets
    // the candidates come back and the date, category and price filters (which each facet
    // leaves out in turn) run below.
    const bool filtersInSql = !query.includeFacets;
    if (filtersInSql) {
        conditions += QStringLiteral(" AND (CASE WHEN e.ends_at > 0 THEN e.ends_at ELSE e.starts_at END) >= :from"
                                     " AND e.starts_at < :to AND e.price_min BETWEEN :priceLo AND :priceHi");
        if (f.freeOnly)
            conditions += QStringLiteral(" AND e.price_min = 0");
        if (!f.categoryId.isEmpty())
            conditions += QStringLiteral(" AND (e.category_id = :category OR substr(e.category_id, 1, length(:category) + 1) = :category || '.')");
    }
    const auto bindFilters = [&](QSqlQuery& statement) {
        statement.bindValue(QStringLiteral(":now"), nowMs);
        if (!f.venueId.isEmpty())
            statement.bindValue(QStringLiteral(":venue"), f.venueId);
        if (filtersInSql) {
            statement.bindValue(QStringLiteral(":from"), static_cast<qint64>(window.fromMs));
            statement.bindValue(QStringLiteral(":to"), static_cast<qint64>(window.toMs));
            statement.bindValue(QStringLiteral(":priceLo"), f.priceMinMinor.value_or(0));
            statement.bindValue(QStringLiteral(":priceHi"), f.priceMaxMinor.value_or(std::numeric_limits<qint64>::max()));
            if (!f.categoryId.isEmpty())
                statement.bindValue(QStringLiteral(":category"), f.categoryId);
        }
        if (inBox) {
            const double dLat = f.radiusKm / 111.0;
            const double dLon = f.radiusKm / (111.0 * std::max(0.01, std::cos(f.latitude * M_PI / 180.0)));
            statement.bindValue(QStringLiteral(":latLo"), f.latitude - dLat);
            statement.bindValue(QStringLiteral(":latHi"), f.latitude + dLat);
            statement.bindValue(QStringLiteral(":lonLo"), f.longitude - dLon);
            statement.bindValue(QStringLiteral(":lonHi"), f.longitude + dLon);
        }
    };
    // How many candidates: a relevance page without facets needs only the rows it shows; facets
    // count over the best kFacetCandidates; date and distance sorts order every candidate.
    const int limit = std::clamp(query.limit, 1, kMaxHits);
    const bool byRelevance = query.sort == SearchQuery::Sort::Relevance || query.sort == SearchQuery::Sort::Popularity;
    const int candidateRows = !byRelevance ? kSortedCandidates : filtersInSql ? kMaxHits : kFacetCandidates;
    QString sql = QStringLiteral(
        "SELECT e.id, e.title, e.rowid, e.category_id, coalesce(c.name, ''), e.starts_at, e.ends_at, "
        "e.time_zone, e.venue_id, coalesce(v.name, ''), coalesce(v.city, ''), coalesce(v.latitude, 0), "
        "coalesce(v.longitude, 0), v.id IS NOT NULL, e.price_min, e.price_max, e.currency, e.status "
        "FROM events e LEFT JOIN venues v ON v.id = e.venue_id LEFT JOIN categories c ON c.id = e.category_id WHERE ")
        + conditions;
    if (textual)
        sql += QStringLiteral(" AND e.rowid IN (SELECT value FROM json_each(:docs))");
    else
        sql += QStringLiteral(" ORDER BY e.starts_at, e.id LIMIT ") + QString::number(candidateRows);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        m_lastError = q.lastError().text();
        return out;
    }
    bindFilters(q);
    const QString foldedQuery = foldForSearch(query.text);
    QList<Row> rows;
    QHash<qint64, std::pair<int, double>> rankOf; // rowid -> tier and bm25 of the candidate documents
    // Runs the candidate statement (for text: over the documents in rankOf) and keeps its rows.
    const auto readCandidates = [&]() {
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return false;
        }
        while (q.next()) {
            Row r;
            r.id = q.value(0).toString();
            r.title = q.value(1).toString();
            r.doc = q.value(2).toLongLong();
            r.categoryId = q.value(3).toString();
            r.categoryName = q.value(4).toString();
            r.startsAt = q.value(5).toLongLong();
            r.endsAt = q.value(6).toLongLong();
            r.timeZone = q.value(7).toString();
            r.venueId = q.value(8).toString();
            r.venueName = q.value(9).toString();
            r.city = q.value(10).toString();
            r.latitude = q.value(11).toDouble();
            r.longitude = q.value(12).toDouble();
            r.hasVenue = q.value(13).toBool();
            r.priceMin = q.value(14).toLongLong();
            r.priceMax = q.value(15).toLongLong();
            r.currency = q.value(16).toString();
            r.status = q.value(17).toInt();
            const auto [tier, rank] = rankOf.value(r.doc, {2, 0.0});
            r.tier = tier;
            r.rank = rank;
            r.exactTitle = textual && tier == 0;
            if (f.hasPoint && r.hasVenue && !(r.latitude == 0 && r.longitude == 0)) {
                r.hasDistance = true;
                r.distanceKm = haversineKm(f.latitude, f.longitude, r.latitude, r.longitude);
            }
            if (f.hasPoint && f.radiusKm > 0 && (!r.hasDistance || r.distanceKm > f.radiusKm))
                continue;
            rows.append(std::move(r));
        }
        return true;
    };
    if (!textual) {
        if (!readCandidates())
            return out;
    } else {
        // Candidates in tiers that follow the ranking, each with the SQL filters and stopping at
        // the bound, so bm25 is computed for at most candidateRows rows however many match
        // (FTS5 returns matches in rowid order and stops at the LIMIT; ORDER BY rank would
        // score every match first):
        //   0. the title starts with the query (where an exact title can only be);
        //   1. the title matches; 2. any column matches.
        // Within the last tier that contributes, which rows are candidates is rowid order, not
        // bm25 (docs/search.md#the-client-offline).
        const QString expression = matchExpression(words);
        QStringList phrase;
        for (const SearchWord& word : words)
            phrase << word.text;
        const QString titleStart = QStringLiteral("{title} : ^ ") + quoted(phrase.join(QLatin1Char(' ')))
            + (words.constLast().prefix ? QStringLiteral(" *") : QString());
        const QStringList tiers{titleStart, QStringLiteral("{title} : (") + expression + QLatin1Char(')'), expression};
        struct Ranked {
            qint64 doc;
            int tier;
            double rank;
        };
        QList<Ranked> ranked;
        QSet<qint64> seen;
        for (int tier = 0; tier < tiers.size() && ranked.size() < candidateRows; ++tier) {
            QSqlQuery tierQuery(db);
            tierQuery.setForwardOnly(true);
            if (!tierQuery.prepare(QStringLiteral("SELECT event_search.rowid, %1, bm25(event_search, 0.0, 10.0, 5.0, 3.0, 1.0) "
                                             "FROM event_search JOIN events e ON e.rowid = event_search.rowid %2 "
                                             "WHERE event_search MATCH :match AND %3 LIMIT :bound")
                                  .arg(tier == 0 ? QStringLiteral("event_search.title") : QStringLiteral("''"),
                                       inBox ? QStringLiteral("JOIN venues v ON v.id = e.venue_id") : QString(), conditions))) {
                m_lastError = tierQuery.lastError().text();
                return out;
            }
            bindFilters(tierQuery);
            tierQuery.bindValue(QStringLiteral(":match"), tiers.at(tier));
            tierQuery.bindValue(QStringLiteral(":bound"), candidateRows); // it may repeat earlier tiers' rows first
            if (!tierQuery.exec()) {
                // A match expression FTS5 refuses is a query without results, never an error shown.
                m_lastError = tierQuery.lastError().text();
                return out;
            }
            while (tierQuery.next() && ranked.size() < candidateRows) {
                const qint64 doc = tierQuery.value(0).toLongLong();
                if (seen.contains(doc))
                    continue;
                seen.insert(doc);
                // An exact title ranks first; otherwise a title that starts with the query is a title match.
                const bool exact = tier == 0 && foldForSearch(tierQuery.value(1).toString()) == foldedQuery;
                ranked.append({doc, exact ? 0 : std::max(tier, 1), tierQuery.value(2).toDouble()});
            }
        }
        std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
            return a.tier != b.tier ? a.tier < b.tier : a.rank != b.rank ? a.rank < b.rank : a.doc < b.doc;
        });
        // The events of the candidates, a chunk at a time: for a relevance page without facets
        // only as many as it shows (every candidate passed the filters already, except the
        // exact radius), otherwise all of them.
        const qsizetype needed = byRelevance && filtersInSql ? limit : ranked.size();
        for (qsizetype first = 0; first < ranked.size() && rows.size() < needed; first += kRankedChunk) {
            QString docs = QStringLiteral("[");
            const qsizetype end = std::min<qsizetype>(ranked.size(), first + std::min<qsizetype>(kRankedChunk, needed));
            for (qsizetype i = first; i < end; ++i) {
                const Ranked& candidate = ranked.at(i);
                rankOf.insert(candidate.doc, {candidate.tier, candidate.rank});
                docs += (i > first ? QStringLiteral(",") : QString()) + QString::number(candidate.doc);
            }
            docs += QLatin1Char(']');
            q.bindValue(QStringLiteral(":docs"), docs);
            if (!readCandidates())
                return out;
        }
    }

    // The date, category and price filters, and the facets that each leave their own out.
    QMap<QString, FacetValue> categories;
    QList<qint64> dateCounts(std::size(kDateBuckets), 0);
    QList<qint64> priceCounts(std::size(kPriceBands), 0);
    QList<const Row*> hits;
    for (const Row& r : rows) {
        const bool dateOk = overlaps(r, window);
        const bool categoryOk = inCategory(r.categoryId, f.categoryId);
        const bool priceOk = inPrice(r, f);
        if (dateOk && priceOk) {
            FacetValue& facet = categories[r.categoryId];
            facet.value = r.categoryId;
            facet.label = r.categoryName.isEmpty() ? r.categoryId : r.categoryName;
            ++facet.count;
        }
        if (categoryOk && priceOk)
            for (int i = 0; i < bucketWindows.size(); ++i)
                dateCounts[i] += overlaps(r, bucketWindows.at(i)) ? 1 : 0;
        if (dateOk && categoryOk)
            for (int i = 0; i < static_cast<int>(std::size(kPriceBands)); ++i) {
                const PriceBand& band = kPriceBands[i];
                priceCounts[i] += r.priceMin >= band.min && (band.max < 0 || r.priceMin <= band.max) ? 1 : 0;
            }
        if (dateOk && categoryOk && priceOk)
            hits.append(&r);
    }
    // A relevance page without facets reads only the rows it shows: the total is not known.
    out.total = textual && byRelevance && filtersInSql ? -1 : hits.size();
    if (query.includeFacets) {
        out.categories = categories.values();
        std::sort(out.categories.begin(), out.categories.end(), [](const FacetValue& a, const FacetValue& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        for (int i = 0; i < static_cast<int>(std::size(kDateBuckets)); ++i)
            out.dates.append({QString::fromLatin1(kDateBuckets[i].value), QString::fromLatin1(kDateBuckets[i].label),
                              dateCounts.at(i), 0, -1});
        for (int i = 0; i < static_cast<int>(std::size(kPriceBands)); ++i)
            out.prices.append({QString::fromLatin1(kPriceBands[i].value), QString::fromLatin1(kPriceBands[i].label),
                               priceCounts.at(i), kPriceBands[i].min, kPriceBands[i].max});
    }

    // Ranking: exact title first, then title matches, then the rest, each by bm25 (field-weighted);
    // other sorts as on the server.
    // Popularity needs wish-list counts the cache does not have: it ranks by relevance.
    std::stable_sort(hits.begin(), hits.end(), [&](const Row* a, const Row* b) {
        switch (query.sort) {
        case SearchQuery::Sort::Date: return a->startsAt < b->startsAt;
        case SearchQuery::Sort::Distance:
            return (a->hasDistance ? a->distanceKm : 1e9) < (b->hasDistance ? b->distanceKm : 1e9);
        default: return a->tier != b->tier ? a->tier < b->tier : a->rank < b->rank;
        }
    });
    const qsizetype shown = std::min<qsizetype>(hits.size(), limit);
    // Descriptions (the longest column) only for the hits shown, in one statement.
    QHash<qint64, QString> descriptions;
    if (shown > 0) {
        QStringList docs;
        for (qsizetype i = 0; i < shown; ++i)
            docs << QString::number(hits.at(i)->doc);
        QSqlQuery text(db);
        text.setForwardOnly(true);
        text.prepare(QStringLiteral("SELECT rowid, description FROM events WHERE rowid IN (SELECT value FROM json_each(?))"));
        text.addBindValue(QString(QLatin1Char('[') + docs.join(QLatin1Char(',')) + QLatin1Char(']')));
        if (text.exec())
            while (text.next())
                descriptions.insert(text.value(0).toLongLong(), text.value(1).toString());
    }
    for (qsizetype i = 0; i < shown; ++i) {
        const Row& r = *hits.at(i);
        SearchHit hit;
        hit.eventId = r.id;
        hit.title = highlightWords(r.title, words);
        hit.snippet = snippetAround(descriptions.value(r.doc), words);
        hit.startsAtMs = r.startsAt;
        hit.timeZone = r.timeZone;
        hit.venueName = r.venueName;
        hit.city = r.city;
        hit.categoryId = r.categoryId;
        hit.priceMinMinor = r.priceMin;
        hit.priceMaxMinor = r.priceMax;
        hit.currency = r.currency;
        hit.status = static_cast<core::EventStatus>(r.status);
        hit.hasDistance = r.hasDistance;
        hit.distanceKm = r.distanceKm;
        out.hits.append(hit);
    }
    return out;
}

} // namespace marquee::client
