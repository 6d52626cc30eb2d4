// Recommendation types shared by the net, store, services and views layers (issue 8): the
// lists the server ranks ("For you", similar events, trending), the user's settings and the
// signals the client records. Plain Qt types; the protobuf ones stay in net/recommendcodec.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace marquee::client {

// Mirrors marquee.v1.RecommendationReason.
enum class RecommendationReason : int { Unspecified = 0, BecauseYouLiked = 1, SimilarTo = 2, PopularNearYou = 3, MatchesInterests = 4 };

// Which list: the numbers are stored in the cache, never renumber.
enum class RecommendationListKind : int { ForYou = 1, Similar = 2, Trending = 3 };

// Mirrors the two client-recorded marquee.v1.SignalKind values.
enum class SignalKind : int { View = 1, SearchClick = 2 };

struct RecommendationItem {
    QString eventId;
    float score = 0;
    RecommendationReason reason = RecommendationReason::Unspecified;
    QString anchorEventId;
    QString anchorTitle;
    bool operator==(const RecommendationItem&) const = default;
};

// A RecommendationList answer.
struct RecommendationListInfo {
    QList<RecommendationItem> items;
    qint64 computedAtMs = 0;
    qint64 modelTrainedAtMs = 0;
};

// One cached item with what the local catalog knows about its event.
struct RecommendationEntry {
    RecommendationItem item;
    QString title;
    qint64 startsAtMs = 0;
    QString timeZone;
    QString venueName;
    QString city;
    bool anchorWishlisted = false; // the anchor is on the user's wishlist: "because you saved X"
};

// A list as the cache holds it: the items whose events are in the catalog and not over.
struct CachedRecommendationList {
    QList<RecommendationEntry> entries;
    qint64 fetchedAtMs = 0; // when this device got it from the server
    qint64 computedAtMs = 0;
};

// Where "Trending near you" looks: a city, a point with a radius, or anywhere.
struct TrendingArea {
    QString city;
    double latitude = 0;
    double longitude = 0;
    double radiusKm = 0; // 0: the city (or anywhere when it is empty)
    bool isAnywhere() const { return city.isEmpty() && radiusKm <= 0; }
    // The cache key of the area's list.
    QString key() const;
};

// Mirrors marquee.v1.RecommendationSettings; the defaults are the server's.
struct RecommendationSettingsInfo {
    bool tracking = true;
    QStringList interestCategories;
    QStringList interestWords;
    QString city;
    double latitude = 0;
    double longitude = 0;
    double radiusKm = 0;
    bool alertSellingOut = true;
    bool alertPriceDrop = true;
    bool alertScheduleChange = true;
    bool alertCancelled = true;
    bool weeklyDigest = false;
    bool operator==(const RecommendationSettingsInfo&) const = default;

    TrendingArea area() const { return TrendingArea{city, latitude, longitude, radiusKm}; }
};

// One signal from the outbox, as RecordSignals sends it.
struct SignalRecordInfo {
    QString idempotencyKey;
    QString eventId;
    SignalKind kind = SignalKind::View;
    qint64 atMs = 0;
    QString searchQuery;
};

inline QString TrendingArea::key() const
{
    if (radiusKm > 0)
        return QStringLiteral("@%1,%2,%3").arg(latitude, 0, 'f', 4).arg(longitude, 0, 'f', 4).arg(radiusKm, 0, 'f', 1);
    return city.trimmed().toLower();
}

} // namespace marquee::client

Q_DECLARE_METATYPE(marquee::client::RecommendationListInfo)
Q_DECLARE_METATYPE(marquee::client::RecommendationSettingsInfo)
