// ClientSession: owns the store, the SyncClient, the apply worker thread and the services,
// and exposes connection state and sync progress to the UI (and to headless tests).
#pragma once

#include "net/syncclient.h"
#include "store/records.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace marquee::client {

class AccountService;
class BookingService;
class CatalogService;
class DeviceKeyService;
class LeaseService;
class OfflineSaleService;
class LocalStore;
class RecommendService;
class SearchService;
class WaitlistService;
class SeatingService;
class SyncWorker;
class WishlistService;

class ClientSession : public QObject {
    Q_OBJECT
    Q_PROPERTY(marquee::client::SyncClient::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY lastSyncAtChanged)
public:
    using State = SyncClient::State;

    struct Options {
        QString dataDir;    // empty: QStandardPaths::AppDataLocation
        QUrl serverUrl;     // empty: the remembered one, else defaultServerUrl()
        SyncClient::Options sync;
    };

    explicit ClientSession(Options options, QObject* parent = nullptr);
    ~ClientSession() override;

    static QUrl defaultServerUrl();

    bool open(QString* error = nullptr); // opens the cache; works without a server
    void start();                        // connect and keep syncing
    void stop();

    LocalStore* store() const { return m_store.get(); }
    SyncClient* syncClient() const { return m_sync; }
    CatalogService* catalog() const { return m_catalog; }
    AccountService* account() const { return m_account; }
    WishlistService* wishlist() const { return m_wishlist; }
    SeatingService* seating() const { return m_seating; }
    SearchService* search() const { return m_search; }
    BookingService* booking() const { return m_booking; }
    WaitlistService* waitlist() const { return m_waitlist; }
    RecommendService* recommend() const { return m_recommend; }
    // Box office: the device's signing key, its seat leases, offline sales (client/src/boxoffice).
    DeviceKeyService* deviceKeys() const { return m_deviceKeys; }
    LeaseService* leases() const { return m_leases; }
    OfflineSaleService* offlineSales() const { return m_offlineSales; }

    QUrl serverUrl() const;
    State state() const { return m_state; }
    QDateTime lastSyncAt() const { return m_lastSyncAt; }
    int syncPercent() const { return m_percent; }
    std::uint64_t appliedCursor() const { return m_appliedCursor; }
    bool isSynced() const { return m_synced; }
    // Why the last batch could not be stored; empty once a batch was stored again.
    QString storeErrorMessage() const { return m_storeError; }

Q_SIGNALS:
    // Online only once the worker has applied everything the server had: no "Online" while
    // the cache still lags.
    void stateChanged(marquee::client::SyncClient::State state);
    void lastSyncAtChanged(const QDateTime& at);
    void syncProgress(int percent, quint64 appliedCursor, quint64 head);
    // Every change up to the server's head (as of the last pull) is in SQLite.
    void synced();
    void batchApplied(const marquee::client::BatchResult& result);
    // A batch could not be stored. Pulls pause and resume from the last committed cursor
    // after the SyncClient's reconnect backoff; emitted once per failed attempt.
    void storeError(const QString& message);

private:
    void onConnected(const HelloInfo& hello);
    void onBatchReady(std::shared_ptr<const ChangeBatchData> batch);
    void onBatchApplied(const BatchResult& result);
    void retryAfterStoreError();
    void updateState();

    Options m_options;
    std::unique_ptr<LocalStore> m_store;
    SyncClient* m_sync;
    CatalogService* m_catalog = nullptr;
    AccountService* m_account = nullptr;
    WishlistService* m_wishlist = nullptr;
    SeatingService* m_seating = nullptr;
    SearchService* m_search = nullptr;
    BookingService* m_booking = nullptr;
    WaitlistService* m_waitlist = nullptr;
    RecommendService* m_recommend = nullptr;
    DeviceKeyService* m_deviceKeys = nullptr;
    LeaseService* m_leases = nullptr;
    OfflineSaleService* m_offlineSales = nullptr;
    QThread m_thread;
    SyncWorker* m_worker = nullptr;

    State m_state = State::Offline;
    QDateTime m_lastSyncAt;
    qint64 m_cursorUserId = 0;
    std::uint64_t m_appliedCursor = 0;
    std::uint64_t m_receivedCursor = 0;
    std::uint64_t m_syncFrom = 0;
    std::uint64_t m_head = 0;
    std::uint64_t m_caughtUpTarget = 0;
    bool m_waitingForCatchUp = false;
    bool m_synced = false;
    int m_percent = 0;
    int m_batchesInFlight = 0;
    QString m_storeError;     // last apply failure, until a batch is stored again
    bool m_storePaused = false; // a batch failed: pulls paused, later batches dropped
    int m_storeAttempts = 0;  // failed attempts in a row, indexes the backoff
    QTimer m_storeRetry;
};

} // namespace marquee::client
