// RecommendService implementation.
#include "recommend/recommendservice.h"

#include "net/syncclient.h"
#include "services/accountservice.h"
#include "store/localstore.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcRecommend, "marquee.recommend")

namespace {

QString signalKind() { return QLatin1String(LocalStore::kSignalOutboxKind); }

} // namespace

RecommendService::RecommendService(LocalStore* store, SyncClient* sync, AccountService* account, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync), m_account(account),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<RecommendationListKind>();
    qRegisterMetaType<RecommendationSettingsInfo>();
    qRegisterMetaType<RecommendationListInfo>();
    m_refreshTimer.setInterval(kRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RecommendService::refreshOpenLists);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RecommendService::flushSignals);
    connect(m_sync, &SyncClient::connected, this, &RecommendService::onConnected);
    connect(m_sync, &SyncClient::disconnected, this, &RecommendService::onDisconnected);
    connect(m_sync, &SyncClient::recommendationListReceived, this, &RecommendService::onList);
    connect(m_sync, &SyncClient::recommendationSettingsReceived, this, &RecommendService::onSettings);
    connect(m_sync, &SyncClient::ackReceived, this, &RecommendService::onAck);
    connect(m_sync, &SyncClient::requestFailed, this, &RecommendService::onFailed);
    connect(m_account, &AccountService::sessionChanged, this, [this] {
        m_lastViewAt.clear(); // another user's views are not this one's repeats
        Q_EMIT settingsChanged(settings());
        Q_EMIT pendingSignalsChanged(pendingSignalCount());
    });
}

void RecommendService::setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

bool RecommendService::isOnline() const { return m_sync->isConnected(); }

bool RecommendService::isLoggedIn() const { return m_account->isLoggedIn(); }

bool RecommendService::canSend() const
{
    return m_account->isLoggedIn() && m_sync->isConnected() && m_sync->hello().userId == m_account->userId();
}

bool RecommendService::canFetch(RecommendationListKind kind) const
{
    return kind == RecommendationListKind::ForYou ? canSend() : m_sync->isConnected();
}

qint64 RecommendService::listOwner(RecommendationListKind kind) const
{
    return kind == RecommendationListKind::ForYou ? m_account->userId() : 0;
}

TrendingArea RecommendService::trendingArea() const
{
    return m_account->isLoggedIn() ? settings().area() : TrendingArea{};
}

std::optional<CachedRecommendationList> RecommendService::cachedList(RecommendationListKind kind, const QString& key) const
{
    if (kind == RecommendationListKind::ForYou && !m_account->isLoggedIn())
        return std::nullopt;
    return m_store->recommendationList(listOwner(kind), kind, key, m_now());
}

bool RecommendService::isRefreshing(RecommendationListKind kind, const QString& key) const
{
    for (const ListRequest& r : m_listRequests)
        if (r.kind == kind && r.key == key)
            return true;
    return false;
}

bool RecommendService::refresh(RecommendationListKind kind, const QString& key)
{
    if (!canFetch(kind) || isRefreshing(kind, key))
        return false;
    quint64 id = 0;
    switch (kind) {
    case RecommendationListKind::ForYou:
        id = m_sync->getRecommendations(kForYouLimit);
        break;
    case RecommendationListKind::Similar:
        if (key.isEmpty())
            return false;
        id = m_sync->getSimilarEvents(key, kSimilarLimit);
        break;
    case RecommendationListKind::Trending: {
        const TrendingArea area = trendingArea();
        if (key != area.key())
            return false; // the area changed: the caller asks for the current one
        id = m_sync->getTrending(area, kTrendingLimit);
        break;
    }
    }
    m_listRequests.insert(id, ListRequest{kind, key, listOwner(kind)});
    Q_EMIT refreshingChanged(kind, key, true);
    return true;
}

void RecommendService::onList(quint64 requestId, const RecommendationListInfo& list)
{
    const auto it = m_listRequests.constFind(requestId);
    if (it == m_listRequests.cend())
        return;
    const ListRequest request = *it;
    m_listRequests.erase(it);
    Q_EMIT refreshingChanged(request.kind, request.key, false);
    if (request.userId != listOwner(request.kind))
        return; // asked for another user (logged out meanwhile)
    if (!m_store->saveRecommendationList(request.userId, request.kind, request.key, list, m_now())) {
        Q_EMIT listRefreshFailed(request.kind, request.key,
                                 tr("The recommendations could not be saved: %1").arg(m_store->lastError()));
        return;
    }
    Q_EMIT listUpdated(request.kind, request.key);
}

void RecommendService::refreshOpenLists()
{
    if (canFetch(RecommendationListKind::ForYou))
        refresh(RecommendationListKind::ForYou, QString());
    refresh(RecommendationListKind::Trending, trendingArea().key());
}

void RecommendService::onConnected()
{
    Q_EMIT onlineChanged(true);
    m_refreshTimer.start();
    // Settings first when logged in: they name the trending area and the tracking switch.
    if (!refreshSettings())
        refreshOpenLists();
    flushSignals();
}

void RecommendService::onDisconnected()
{
    m_refreshTimer.stop();
    Q_EMIT onlineChanged(false);
}

// --- signals ---------------------------------------------------------------------------

bool RecommendService::trackingEnabled() const { return m_account->isLoggedIn() && settings().tracking; }

bool RecommendService::recordView(const QString& eventId) { return record(eventId, SignalKind::View, QString()); }

bool RecommendService::recordSearchClick(const QString& eventId, const QString& query)
{
    // The server takes at most kMaxQueryBytes of UTF-8; a longer one would fail the whole batch.
    QString text = query.simplified();
    while (text.toUtf8().size() > kMaxQueryBytes)
        text.chop(text.size() > 1 && text.at(text.size() - 1).isLowSurrogate() ? 2 : 1);
    return record(eventId, SignalKind::SearchClick, text);
}

bool RecommendService::record(const QString& eventId, SignalKind kind, const QString& query)
{
    if (eventId.isEmpty() || !trackingEnabled())
        return false;
    const qint64 at = m_now();
    // A search click is also the view of the page it opens: the view right after is a repeat.
    const auto last = m_lastViewAt.constFind(eventId);
    if (kind == SignalKind::View && last != m_lastViewAt.cend() && at - *last < kRepeatViewMs)
        return false;
    if (!m_store->appendSignal(m_account->userId(), eventId, kind, query, at)) {
        qCWarning(lcRecommend) << "could not record a signal:" << m_store->lastError();
        return false;
    }
    m_lastViewAt.insert(eventId, at);
    Q_EMIT pendingSignalsChanged(pendingSignalCount());
    flushSignals();
    return true;
}

int RecommendService::pendingSignalCount() const
{
    return m_account->isLoggedIn() ? static_cast<int>(m_store->outbox(m_account->userId(), signalKind()).size()) : 0;
}

void RecommendService::flushSignals()
{
    if (m_signalRequest != 0 || !canSend())
        return;
    const QList<OutboxEntry> entries = m_store->outbox(m_account->userId(), signalKind(), kMaxSignalsPerBatch);
    if (entries.isEmpty())
        return;
    QList<SignalRecordInfo> records;
    m_signalKeys.clear();
    for (const OutboxEntry& e : entries) {
        records.append(LocalStore::signalRecord(e));
        m_signalKeys.append(e.key);
    }
    m_signalRequest = m_sync->recordSignals(records);
}

// --- settings and history --------------------------------------------------------------

RecommendationSettingsInfo RecommendService::settings() const
{
    if (!m_account->isLoggedIn())
        return {};
    return m_store->recommendationSettings(m_account->userId()).value_or(RecommendationSettingsInfo{});
}

bool RecommendService::hasServerSettings() const
{
    return m_account->isLoggedIn() && m_store->recommendationSettings(m_account->userId()).has_value();
}

bool RecommendService::refreshSettings()
{
    if (!canSend() || m_settingsRequest != 0)
        return false;
    m_settingsRequest = m_sync->getRecommendationSettings();
    return true;
}

bool RecommendService::saveSettings(const RecommendationSettingsInfo& settings)
{
    if (!canSend()) {
        Q_EMIT settingsFailed(m_account->isLoggedIn() ? tr("You are offline: settings can be changed once connected.")
                                                      : tr("Log in to change your recommendation settings."));
        return false;
    }
    if (m_saveRequest != 0)
        return false;
    m_saveRequest = m_sync->setRecommendationSettings(settings);
    return true;
}

bool RecommendService::deleteHistory()
{
    if (!canSend()) {
        Q_EMIT historyDeleteFailed(m_account->isLoggedIn() ? tr("You are offline: your history can be deleted once connected.")
                                                           : tr("Log in to delete your history."));
        return false;
    }
    if (m_deleteRequest != 0)
        return false;
    // Signals not sent yet are part of the history: they never leave this device. A batch in
    // flight reaches the server before the delete (one connection answers in order).
    m_store->dropOutboxEntries(m_account->userId(), signalKind());
    m_lastViewAt.clear();
    Q_EMIT pendingSignalsChanged(pendingSignalCount());
    m_deleteRequest = m_sync->deleteMyHistory();
    return true;
}

void RecommendService::applySettings(const RecommendationSettingsInfo& settings)
{
    const RecommendationSettingsInfo before = this->settings();
    m_store->saveRecommendationSettings(m_account->userId(), settings);
    if (!settings.tracking) {
        // Off means nothing more leaves this device, including what was recorded before.
        if (m_store->dropOutboxEntries(m_account->userId(), signalKind()) > 0)
            Q_EMIT pendingSignalsChanged(pendingSignalCount());
    }
    Q_EMIT settingsChanged(settings);
    if (before.area().key() != settings.area().key() || before.interestCategories != settings.interestCategories
        || before.interestWords != settings.interestWords)
        refreshOpenLists(); // the area or the interests shape both lists
}

void RecommendService::onSettings(quint64 requestId, const RecommendationSettingsInfo& settings)
{
    if (requestId == m_settingsRequest) {
        m_settingsRequest = 0;
        if (!m_account->isLoggedIn())
            return;
        applySettings(settings);
        refreshOpenLists(); // after connecting: the lists for the area just learnt
    } else if (requestId == m_saveRequest) {
        m_saveRequest = 0;
        if (!m_account->isLoggedIn())
            return;
        applySettings(settings);
        Q_EMIT settingsSaved(settings);
    }
}

void RecommendService::onAck(quint64 requestId, const AckInfo& ack)
{
    if (requestId == m_signalRequest) {
        m_signalRequest = 0;
        const QStringList keys = std::exchange(m_signalKeys, {});
        // Stored, replayed or refused because tracking is off on the server: either way done.
        m_store->removeOutboxEntries(keys);
        const int stored = ack.id.toInt();
        Q_EMIT signalsSent(static_cast<int>(keys.size()), stored);
        Q_EMIT pendingSignalsChanged(pendingSignalCount());
        if (stored == 0 && !ack.replayed)
            refreshSettings(); // tracking may have been switched off on another device
        flushSignals();
    } else if (requestId == m_deleteRequest) {
        m_deleteRequest = 0;
        // "For you" came from the deleted history: fetch it again, ignoring answers computed before.
        m_listRequests.removeIf([](const auto& request) { return request.value().kind == RecommendationListKind::ForYou; });
        m_store->clearRecommendationLists(m_account->userId(), RecommendationListKind::ForYou);
        Q_EMIT listUpdated(RecommendationListKind::ForYou, QString());
        Q_EMIT historyDeleted(ack.id.toInt());
        refresh(RecommendationListKind::ForYou, QString());
    }
}

QString RecommendService::failureText(const ErrorInfo& error) const
{
    switch (error.code) {
    case ErrorCode::ConnectionLost:
    case ErrorCode::Timeout:
    case ErrorCode::Unavailable:
        return tr("The server could not be reached.");
    case ErrorCode::Unauthenticated:
        return tr("Log in again to continue.");
    case ErrorCode::InvalidArgument:
        return tr("The server refused this: %1").arg(error.message);
    case ErrorCode::NotFound:
        return tr("This event is not known to the server.");
    default:
        return tr("Something went wrong on the server (%1).").arg(error.message);
    }
}

void RecommendService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (const auto it = m_listRequests.constFind(requestId); it != m_listRequests.cend()) {
        const ListRequest request = *it;
        m_listRequests.erase(it);
        Q_EMIT refreshingChanged(request.kind, request.key, false);
        Q_EMIT listRefreshFailed(request.kind, request.key, failureText(error));
    } else if (requestId == m_signalRequest) {
        m_signalRequest = 0;
        const QStringList keys = std::exchange(m_signalKeys, {});
        if (error.isPermanent()) {
            // A batch the server will never take would block every later one.
            qCWarning(lcRecommend) << "dropping" << keys.size() << "signals the server refused:" << error.message;
            m_store->removeOutboxEntries(keys);
            Q_EMIT pendingSignalsChanged(pendingSignalCount());
            flushSignals();
        } else if (error.code != ErrorCode::ConnectionLost) {
            // Kept; the next connect sends them, or this retry when the server was busy.
            m_retryTimer.start(static_cast<int>(std::clamp<qint64>(error.retryAfterMs(), 1000, 60000)));
        }
    } else if (requestId == m_settingsRequest) {
        m_settingsRequest = 0;
        qCInfo(lcRecommend) << "settings not fetched:" << error.message;
        refreshOpenLists();
    } else if (requestId == m_saveRequest) {
        m_saveRequest = 0;
        Q_EMIT settingsFailed(failureText(error));
    } else if (requestId == m_deleteRequest) {
        m_deleteRequest = 0;
        Q_EMIT historyDeleteFailed(failureText(error));
    }
}

} // namespace marquee::client
