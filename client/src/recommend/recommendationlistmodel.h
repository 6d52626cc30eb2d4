// RecommendationListModel: one recommendation list ("For you", similar to one event, trending
// in the user's area) as the cache holds it, with the reason for each item in words, and the
// list's state (offline since when, loading, empty) for the view to show.
#pragma once

#include "store/recommendrecords.h"

#include <QAbstractListModel>

#include <optional>

namespace marquee::client {

class RecommendService;

class RecommendationListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { EventIdRole = Qt::UserRole + 1, WhenRole, VenueRole, ReasonRole, ReasonKindRole, AnchorEventIdRole };

    RecommendationListModel(RecommendService* service, RecommendationListKind kind, QObject* parent = nullptr);

    RecommendationListKind kind() const { return m_kind; }
    QString key() const { return m_key; }
    // Similar events: the event whose neighbours are shown (cached list at once, then fetched).
    void setEventId(const QString& eventId);
    // Shows the cached list again and asks the server for a fresh one when online.
    void refresh();
    // Rereads the cache only.
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString eventIdAt(int row) const;
    QString reasonAt(int row) const;
    // One line about the list: offline since when, loading, nothing yet, a failed refresh.
    // Empty when the list is current and has items.
    QString stateText() const;
    bool isOfflineCopy() const; // showing a cached list while offline
    bool canRefresh() const;    // the server can be asked now (online; For you: logged in)
    qint64 fetchedAtMs() const { return m_list ? m_list->fetchedAtMs : 0; }

    // "Trending in Berlin", "Trending within 25 km of Potsdam", "Trending this week".
    static QString trendingHeading(const TrendingArea& area);
    // The reason in the user's words ("Because you saved X", "Popular in your area this week").
    static QString reasonText(const RecommendationEntry& entry, bool areaKnown);

Q_SIGNALS:
    void stateChanged();

private:
    void onListUpdated(RecommendationListKind kind, const QString& key);
    void onRefreshFailed(RecommendationListKind kind, const QString& key, const QString& message);
    void followTrendingArea();
    QString emptyText() const;

    RecommendService* m_service;
    RecommendationListKind m_kind;
    QString m_key;
    std::optional<CachedRecommendationList> m_list;
    QString m_failure; // the last refresh's error, until one succeeds
};

} // namespace marquee::client
