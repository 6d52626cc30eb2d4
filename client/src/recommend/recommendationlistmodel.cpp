// RecommendationListModel implementation.
#include "recommend/recommendationlistmodel.h"

#include "models/eventformat.h"
#include "recommend/recommendservice.h"

#include <QDateTime>
#include <QLocale>

namespace marquee::client {

namespace {

QString fetchedText(qint64 fetchedAtMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(fetchedAtMs).toLocalTime();
    const QLocale locale;
    return at.date() == QDate::currentDate() ? locale.toString(at.time(), QLocale::ShortFormat)
                                             : locale.toString(at, QLocale::ShortFormat);
}

} // namespace

RecommendationListModel::RecommendationListModel(RecommendService* service, RecommendationListKind kind, QObject* parent)
    : QAbstractListModel(parent), m_service(service), m_kind(kind)
{
    connect(m_service, &RecommendService::listUpdated, this, &RecommendationListModel::onListUpdated);
    connect(m_service, &RecommendService::listRefreshFailed, this, &RecommendationListModel::onRefreshFailed);
    connect(m_service, &RecommendService::refreshingChanged, this,
            [this](RecommendationListKind k, const QString& key, bool) {
                if (k == m_kind && key == m_key)
                    Q_EMIT stateChanged();
            });
    connect(m_service, &RecommendService::onlineChanged, this, &RecommendationListModel::stateChanged);
    if (m_kind == RecommendationListKind::Trending) {
        m_key = m_service->trendingArea().key();
        connect(m_service, &RecommendService::settingsChanged, this, &RecommendationListModel::followTrendingArea);
    }
    if (m_kind != RecommendationListKind::Similar)
        connect(m_service, &RecommendService::settingsChanged, this, &RecommendationListModel::reload); // login, logout
    reload();
}

void RecommendationListModel::followTrendingArea()
{
    const QString key = m_service->trendingArea().key();
    if (key == m_key)
        return;
    m_key = key;
    refresh();
}

void RecommendationListModel::setEventId(const QString& eventId)
{
    if (m_kind != RecommendationListKind::Similar || eventId == m_key)
        return;
    m_key = eventId;
    m_failure.clear();
    refresh();
}

void RecommendationListModel::refresh()
{
    reload();
    if (!m_key.isEmpty() || m_kind != RecommendationListKind::Similar)
        m_service->refresh(m_kind, m_key);
    Q_EMIT stateChanged();
}

void RecommendationListModel::reload()
{
    beginResetModel();
    m_list = (m_kind == RecommendationListKind::Similar && m_key.isEmpty()) ? std::nullopt
                                                                            : m_service->cachedList(m_kind, m_key);
    endResetModel();
    Q_EMIT stateChanged();
}

void RecommendationListModel::onListUpdated(RecommendationListKind kind, const QString& key)
{
    if (kind != m_kind || key != m_key)
        return;
    m_failure.clear();
    reload();
}

void RecommendationListModel::onRefreshFailed(RecommendationListKind kind, const QString& key, const QString& message)
{
    if (kind != m_kind || key != m_key)
        return;
    m_failure = message;
    Q_EMIT stateChanged();
}

int RecommendationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_list ? 0 : static_cast<int>(m_list->entries.size());
}

QString RecommendationListModel::eventIdAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_list->entries.at(row).item.eventId : QString();
}

QString RecommendationListModel::reasonAt(int row) const { return data(index(row, 0), ReasonRole).toString(); }

QString RecommendationListModel::trendingHeading(const TrendingArea& area)
{
    if (area.radiusKm > 0 && !area.city.isEmpty())
        return tr("Trending within %1 km of %2").arg(QLocale().toString(area.radiusKm, 'f', 0), area.city);
    if (area.radiusKm > 0)
        return tr("Trending within %1 km of you").arg(QLocale().toString(area.radiusKm, 'f', 0));
    return area.city.isEmpty() ? tr("Trending this week") : tr("Trending in %1").arg(area.city);
}

QString RecommendationListModel::reasonText(const RecommendationEntry& entry, bool areaKnown)
{
    const QString anchor = entry.item.anchorTitle;
    switch (entry.item.reason) {
    case RecommendationReason::BecauseYouLiked:
        if (anchor.isEmpty())
            return tr("Picked for your taste");
        return entry.anchorWishlisted ? tr("Because you saved “%1”").arg(anchor) : tr("Because you liked “%1”").arg(anchor);
    case RecommendationReason::SimilarTo:
        return anchor.isEmpty() ? tr("Similar to events you looked at") : tr("Similar to “%1”").arg(anchor);
    case RecommendationReason::PopularNearYou:
        return areaKnown ? tr("Popular in your area this week") : tr("Popular this week");
    case RecommendationReason::MatchesInterests:
        return tr("Matches your interests");
    case RecommendationReason::Unspecified:
        break;
    }
    return tr("Recommended for you");
}

QVariant RecommendationListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const RecommendationEntry& e = m_list->entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return e.title;
    case EventIdRole:
        return e.item.eventId;
    case WhenRole:
        return format::eventDateTime(e.startsAtMs, e.timeZone, QLocale(), QLocale::ShortFormat, false);
    case VenueRole:
        return e.city.isEmpty() || e.venueName.contains(e.city) ? e.venueName
                                                                : tr("%1, %2").arg(e.venueName, e.city);
    case ReasonRole:
        return reasonText(e, !m_service->trendingArea().isAnywhere());
    case ReasonKindRole:
        return static_cast<int>(e.item.reason);
    case AnchorEventIdRole:
        return e.item.anchorEventId;
    case Qt::ToolTipRole:
        return tr("%1\n%2 · %3\n%4")
            .arg(e.title, data(index, WhenRole).toString(), data(index, VenueRole).toString(),
                 data(index, ReasonRole).toString());
    case Qt::AccessibleDescriptionRole:
        return tr("%1, %2. %3").arg(data(index, WhenRole).toString(), data(index, VenueRole).toString(),
                                   data(index, ReasonRole).toString());
    default:
        return {};
    }
}

QHash<int, QByteArray> RecommendationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(EventIdRole, "eventId");
    names.insert(WhenRole, "when");
    names.insert(VenueRole, "venue");
    names.insert(ReasonRole, "reason");
    return names;
}

bool RecommendationListModel::canRefresh() const
{
    return m_service->canFetch(m_kind) && !(m_kind == RecommendationListKind::Similar && m_key.isEmpty());
}

bool RecommendationListModel::isOfflineCopy() const { return m_list.has_value() && !m_service->isOnline(); }

QString RecommendationListModel::emptyText() const
{
    switch (m_kind) {
    case RecommendationListKind::ForYou:
        return tr("Nothing to recommend yet. Open or save a few events, or tell us your interests in the "
                  "recommendation settings.");
    case RecommendationListKind::Similar:
        return tr("No similar upcoming events.");
    case RecommendationListKind::Trending:
        return m_service->trendingArea().isAnywhere() ? tr("Nothing is trending this week yet.")
                                                      : tr("Nothing is trending in your area this week yet.");
    }
    return {};
}

QString RecommendationListModel::stateText() const
{
    if (m_kind == RecommendationListKind::ForYou && !m_service->isLoggedIn())
        return tr("Log in to see events picked for you.");
    const bool online = m_service->isOnline();
    if (!m_list) {
        if (m_service->isRefreshing(m_kind, m_key))
            return tr("Loading recommendations…");
        if (!online)
            return tr("Offline — recommendations appear once connected.");
        return m_failure.isEmpty() ? QString() : tr("Recommendations could not be loaded: %1").arg(m_failure);
    }
    if (!online)
        return tr("Offline — showing recommendations from %1").arg(fetchedText(m_list->fetchedAtMs));
    if (!m_failure.isEmpty())
        return tr("Could not update (%1) — showing recommendations from %2").arg(m_failure, fetchedText(m_list->fetchedAtMs));
    if (m_list->entries.isEmpty())
        return m_service->isRefreshing(m_kind, m_key) ? tr("Loading recommendations…") : emptyText();
    return {};
}

} // namespace marquee::client
