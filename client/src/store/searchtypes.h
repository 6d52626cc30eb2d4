// Search request and result types of the client (store, net, services and views share them).
// Plain Qt/core types: generated protobuf types stay in the net layer.
#pragma once

#include "marquee/core/domain.hpp"
#include "marquee/core/search_dates.hpp"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace marquee::client {

struct SearchFilters {
    core::DatePreset date = core::DatePreset::Any;
    QString categoryId;                 // includes subcategories; empty: all
    std::optional<qint64> priceMinMinor; // cheapest ticket at least
    std::optional<qint64> priceMaxMinor; // cheapest ticket at most
    bool freeOnly = false;
    QString venueId;
    bool hasPoint = false; // distance from (latitude, longitude); radiusKm 0: no limit
    double latitude = 0;
    double longitude = 0;
    double radiusKm = 0;
    bool seatsAvailable = false;
    bool operator==(const SearchFilters&) const = default;
};

struct SearchQuery {
    enum class Sort { Relevance, Date, Distance, Popularity };
    QString text;
    SearchFilters filters;
    Sort sort = Sort::Relevance;
    int limit = 30;
    QByteArray cursor; // server paging; empty: first page
    bool includeFacets = true;
    QString timeZone;  // the user's IANA zone; empty: the system zone
};

// A match inside a text, in QString (UTF-16) positions.
struct TextMatch {
    int start = 0;
    int length = 0;
    bool operator==(const TextMatch&) const = default;
};

struct HighlightedString {
    QString text;
    QList<TextMatch> matches;
    bool operator==(const HighlightedString&) const = default;
};

struct SearchHit {
    QString eventId;
    HighlightedString title;
    HighlightedString snippet;
    qint64 startsAtMs = 0;
    QString timeZone;
    QString venueName;
    QString city;
    QString categoryId;
    qint64 priceMinMinor = 0;
    qint64 priceMaxMinor = 0;
    QString currency;
    core::EventStatus status = core::EventStatus::Scheduled;
    bool hasDistance = false;
    double distanceKm = 0;
};

struct FacetValue {
    QString value; // category id, date preset name or price band id
    QString label; // English fallback; views translate by value where they can
    qint64 count = 0;
    qint64 rangeMinMinor = 0; // price bands
    qint64 rangeMaxMinor = -1;
};

struct SearchResults {
    QString queryText;
    QList<SearchHit> hits;
    QList<FacetValue> categories;
    QList<FacetValue> dates;
    QList<FacetValue> prices;
    qint64 total = -1; // -1: unknown
    // How far the total and the facet counts can be trusted: exact, estimated from a sample of
    // the catalog ("about 140,000"), or lower bounds over the first matches ("2,000+").
    enum class Counts { Exact, Estimated, AtLeast };
    Counts counts = Counts::Exact;
    QByteArray nextCursor;
    QStringList correctedWords;
    bool offline = false; // answered from the cached catalog, not the server
    bool partialIndex = false; // offline, while the search index still lacks recently synced events
};

} // namespace marquee::client

Q_DECLARE_METATYPE(marquee::client::SearchQuery)
Q_DECLARE_METATYPE(marquee::client::SearchResults)
