// RecommendService: "For you", similar events and trending from the server, each cached in
// SQLite and served from there offline; the views and search clicks the user makes, recorded
// to the outbox (unless tracking is off) and sent as RecordSignals batches when online; and
// the user's recommendation settings and "delete my history".
#pragma once

#include "store/recommendrecords.h"
#include "store/records.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

namespace marquee::client {

class AccountService;
class LocalStore;
class SyncClient;

class RecommendService : public QObject {
    Q_OBJECT
public:
    static constexpr quint32 kForYouLimit = 20;
    static constexpr quint32 kSimilarLimit = 8;
    static constexpr quint32 kTrendingLimit = 20;
    static constexpr int kMaxSignalsPerBatch = 500; // the server's cap per RecordSignals
    static constexpr qsizetype kMaxQueryBytes = 500;  // the server's cap on a search click's query
    // "For you" and trending are fetched again this often while online.
    static constexpr int kRefreshIntervalMs = 15 * 60 * 1000;
    // Opening the same event again within this time is not another view.
    static constexpr qint64 kRepeatViewMs = 30 * 60 * 1000;

    RecommendService(LocalStore* store, SyncClient* sync, AccountService* account, QObject* parent = nullptr);

    // Tests drive time; default: the system clock (ms since the epoch).
    void setClock(std::function<qint64()> nowMs);
    qint64 now() const { return m_now(); }

    // Lists. key: empty for For you, the event id for Similar, trendingArea().key() for Trending.
    // The cached list; nullopt when this device never fetched it (or For you while logged out).
    std::optional<CachedRecommendationList> cachedList(RecommendationListKind kind, const QString& key) const;
    // Asks the server for the list now: listUpdated or listRefreshFailed follow. False when it
    // cannot be asked (offline, For you while logged out) or is being asked already.
    bool refresh(RecommendationListKind kind, const QString& key);
    bool isRefreshing(RecommendationListKind kind, const QString& key) const;
    // Whether a list can be fetched right now (online; For you needs a login).
    bool canFetch(RecommendationListKind kind) const;
    bool isOnline() const;
    bool isLoggedIn() const;
    // Where "Trending near you" looks: the user's area from the settings, else anywhere.
    TrendingArea trendingArea() const;

    // Signals (views, search clicks). False when nothing was recorded: logged out, tracking
    // off, a repeat view, or the write failed.
    bool recordView(const QString& eventId);
    bool recordSearchClick(const QString& eventId, const QString& query);
    bool trackingEnabled() const;
    int pendingSignalCount() const;
    bool isSendingSignals() const { return m_signalRequest != 0; }

    // Settings: the cached copy (the server's defaults until fetched), fetched on connect.
    RecommendationSettingsInfo settings() const;
    bool hasServerSettings() const; // fetched from the server at least once on this device
    bool refreshSettings();          // answered by settingsChanged or settingsFailed
    bool saveSettings(const RecommendationSettingsInfo& settings); // settingsSaved or settingsFailed
    bool isSavingSettings() const { return m_saveRequest != 0; }
    // Deletes every signal the server holds for the user, and the ones not sent yet.
    bool deleteHistory(); // historyDeleted or historyDeleteFailed

public Q_SLOTS:
    void flushSignals();

Q_SIGNALS:
    void listUpdated(marquee::client::RecommendationListKind kind, const QString& key);
    void listRefreshFailed(marquee::client::RecommendationListKind kind, const QString& key, const QString& message);
    void refreshingChanged(marquee::client::RecommendationListKind kind, const QString& key, bool refreshing);
    void onlineChanged(bool online);
    void settingsChanged(const marquee::client::RecommendationSettingsInfo& settings);
    void settingsSaved(const marquee::client::RecommendationSettingsInfo& settings);
    void settingsFailed(const QString& message);
    void historyDeleted(int signalsDeleted);
    void historyDeleteFailed(const QString& message);
    // A RecordSignals batch was acknowledged: `stored` of `sent` were new to the server.
    void signalsSent(int sent, int stored);
    void pendingSignalsChanged(int count);

private:
    struct ListRequest {
        RecommendationListKind kind;
        QString key;
        qint64 userId;
    };
    bool canSend() const; // connected as the signed-in user
    qint64 listOwner(RecommendationListKind kind) const; // 0 for the public lists
    bool record(const QString& eventId, SignalKind kind, const QString& query);
    void onConnected();
    void onDisconnected();
    void onList(quint64 requestId, const RecommendationListInfo& list);
    void onSettings(quint64 requestId, const RecommendationSettingsInfo& settings);
    void onAck(quint64 requestId, const AckInfo& ack);
    void onFailed(quint64 requestId, const ErrorInfo& error);
    void applySettings(const RecommendationSettingsInfo& settings);
    void refreshOpenLists();
    QString failureText(const ErrorInfo& error) const;

    LocalStore* m_store;
    SyncClient* m_sync;
    AccountService* m_account;
    std::function<qint64()> m_now;
    QTimer m_refreshTimer;
    QTimer m_retryTimer;
    QHash<quint64, ListRequest> m_listRequests;
    QHash<QString, qint64> m_lastViewAt; // event id -> when its last view was recorded
    quint64 m_signalRequest = 0;
    QStringList m_signalKeys; // the outbox entries of the batch in flight
    quint64 m_settingsRequest = 0;
    quint64 m_saveRequest = 0;
    quint64 m_deleteRequest = 0;
};

} // namespace marquee::client

Q_DECLARE_METATYPE(marquee::client::RecommendationListKind)
