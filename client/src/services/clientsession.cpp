// ClientSession implementation: wiring between SyncClient, SyncWorker and the services.
#include "services/clientsession.h"

#include "booking/bookingservice.h"
#include "boxoffice/devicekeyservice.h"
#include "boxoffice/leaseservice.h"
#include "boxoffice/offlinesaleservice.h"
#include "recommend/recommendservice.h"
#include "services/accountservice.h"
#include "services/catalogservice.h"
#include "services/searchservice.h"
#include "waitlist/waitlistservice.h"
#include "services/seatingservice.h"
#include "services/syncworker.h"
#include "services/wishlistservice.h"
#include "store/localstore.h"

#include <QLoggingCategory>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcSession, "marquee.session")

ClientSession::ClientSession(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_sync(new SyncClient(this))
{
    qRegisterMetaType<ChangeBatchData>();
    qRegisterMetaType<BatchResult>();
    m_store = std::make_unique<LocalStore>(m_options.dataDir.isEmpty() ? LocalStore::defaultPath()
                                                                       : LocalStore::defaultPath(m_options.dataDir));
    m_sync->setOptions(m_options.sync);
    m_catalog = new CatalogService(m_store.get(), this);
    m_account = new AccountService(m_store.get(), m_sync, this);
    m_wishlist = new WishlistService(m_store.get(), m_sync, m_account, this);
    m_seating = new SeatingService(m_store.get(), m_sync, this);
    connect(this, &ClientSession::batchApplied, m_seating, &SeatingService::notifyBatchApplied);
    m_search = new SearchService(m_store.get(), m_sync, this);
    m_booking = new BookingService(m_store.get(), m_sync, m_account, m_seating, this);
    connect(this, &ClientSession::batchApplied, m_booking, &BookingService::notifyBatchApplied);
    m_waitlist = new WaitlistService(m_store.get(), m_sync, m_account, this);
    connect(this, &ClientSession::batchApplied, m_waitlist, &WaitlistService::notifyBatchApplied);
    m_recommend = new RecommendService(m_store.get(), m_sync, m_account, this);
    m_deviceKeys = new DeviceKeyService(m_store.get(), m_sync, this);
    connect(this, &ClientSession::batchApplied, m_deviceKeys, [this](const BatchResult& result) {
        if (result.ticketKeysChanged)
            m_deviceKeys->notifyTicketKeysChanged();
    });
    m_leases = new LeaseService(m_store.get(), m_sync, m_deviceKeys, this);
    m_offlineSales = new OfflineSaleService(m_store.get(), m_sync, m_account, m_deviceKeys, m_leases, m_seating, this);

    connect(m_sync, &SyncClient::connected, this, &ClientSession::onConnected);
    connect(m_sync, &SyncClient::batchReady, this, &ClientSession::onBatchReady);
    m_storeRetry.setSingleShot(true);
    connect(&m_storeRetry, &QTimer::timeout, this, &ClientSession::retryAfterStoreError);
    connect(m_sync, &SyncClient::caughtUp, this, [this](quint64 cursor) {
        m_caughtUpTarget = cursor;
        m_waitingForCatchUp = true;
        updateState();
    });
    connect(m_sync, &SyncClient::stateChanged, this, &ClientSession::updateState);
    connect(m_account, &AccountService::sessionChanged, this, [this] { m_catalog->setUserId(m_account->userId()); });
    connect(m_wishlist, &WishlistService::wishlistChanged, m_catalog, &CatalogService::notifyWishlistChanged);
}

ClientSession::~ClientSession()
{
    stop();
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_worker, &SyncWorker::close, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_worker;
}

QUrl ClientSession::defaultServerUrl() { return QUrl(QStringLiteral("ws://127.0.0.1:8080/v1/ws")); }

QUrl ClientSession::serverUrl() const { return m_sync->serverUrl(); }

bool ClientSession::open(QString* error)
{
    if (!m_store->open(error))
        return false;
    // The server URL is remembered between runs; an explicit one replaces it.
    const SyncState state = m_store->syncState();
    QUrl url = m_options.serverUrl;
    if (!url.isValid() || url.isEmpty())
        url = state.serverUrl.isEmpty() ? defaultServerUrl() : QUrl(state.serverUrl);
    else
        m_store->setServerUrl(url.toString());
    m_sync->setServerUrl(url);
    m_sync->setDeviceId(m_store->ensureDeviceId());
    m_sync->setCursor(state.cursor);
    m_cursorUserId = state.cursorUserId;
    m_appliedCursor = m_receivedCursor = state.cursor;
    m_lastSyncAt = state.lastSyncAt;
    m_sync->setLastSyncAt(state.lastSyncAt);
    m_account->load();

    m_worker = new SyncWorker(m_store->path());
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &SyncWorker::batchApplied, this, &ClientSession::onBatchApplied);
    m_thread.setObjectName(QStringLiteral("marquee-sync-apply"));
    m_thread.start();
    bool workerOk = false;
    QString workerError;
    connect(m_worker, &SyncWorker::opened, this, [&](bool ok, const QString& e) {
        workerOk = ok;
        workerError = e;
    }, Qt::DirectConnection);
    QMetaObject::invokeMethod(m_worker, &SyncWorker::open, Qt::BlockingQueuedConnection);
    if (!workerOk && error)
        *error = workerError;
    return workerOk;
}

void ClientSession::start() { m_sync->start(); }

void ClientSession::stop() { m_sync->stop(); }

void ClientSession::onConnected(const HelloInfo& hello)
{
    // User-scoped rows differ per identity: a new identity pulls again from 0.
    if (hello.userId != m_cursorUserId) {
        m_cursorUserId = hello.userId;
        m_sync->setCursor(0);
        m_receivedCursor = 0;
        m_appliedCursor = 0; // the worker's resetIdentity commits cursor 0
        const qint64 user = hello.userId;
        m_worker->enqueueResetIdentity(user); // in order with the batches
    }
    m_syncFrom = m_sync->cursor();
    m_head = hello.head;
    m_synced = false;
    m_waitingForCatchUp = false;
    updateState();
}

void ClientSession::onBatchReady(std::shared_ptr<const ChangeBatchData> batch)
{
    if (m_storePaused)
        return; // the retry pulls these rows again from the committed cursor
    // Rows belong to the identity the server filtered them for.
    const qint64 user = m_sync->hello().userId;
    m_head = std::max(m_head, batch->head);
    m_receivedCursor = batch->nextCursor;
    ++m_batchesInFlight;
    m_worker->enqueueBatch(std::move(batch), user);
}

void ClientSession::onBatchApplied(const BatchResult& result)
{
    --m_batchesInFlight;
    if (!result.error.isEmpty()) {
        // Retrying at once would fail the same way in a tight loop (a constraint error, a
        // full disk): pause, report once per attempt, and pull again after the backoff.
        // Batches queued behind the failed one come back refused (they would leave a hole).
        if (!m_storePaused) {
            m_storePaused = true;
            m_storeError = result.error;
            m_sync->pausePulls();
            const QList<int>& backoff = m_sync->options().backoffMs;
            const int delay = backoff.at(std::min<int>(m_storeAttempts, static_cast<int>(backoff.size()) - 1));
            ++m_storeAttempts;
            qCWarning(lcSession) << "applying a batch failed (attempt" << m_storeAttempts << "), retrying in" << delay
                                 << "ms:" << result.error;
            m_storeRetry.setInterval(delay);
            Q_EMIT storeError(result.error);
        }
        if (m_batchesInFlight == 0 && !m_storeRetry.isActive())
            m_storeRetry.start();
        updateState();
        return;
    }
    if (!m_storeError.isEmpty() && !m_storePaused) {
        qCInfo(lcSession) << "batches are stored again after" << m_storeAttempts << "failed attempt(s)";
        m_storeError.clear();
        m_storeAttempts = 0;
    }
    m_appliedCursor = result.cursor;
    m_head = std::max(m_head, result.head);
    if (result.catalogChanged)
        m_catalog->notifyCatalogChanged();
    if (result.wishlistChanged)
        m_catalog->notifyWishlistChanged();
    if (m_head > m_syncFrom) {
        const double done = static_cast<double>(m_appliedCursor - std::min(m_appliedCursor, m_syncFrom))
            / static_cast<double>(m_head - m_syncFrom);
        m_percent = std::clamp(static_cast<int>(done * 100.0), 0, 100);
    } else {
        m_percent = 100;
    }
    Q_EMIT syncProgress(m_percent, m_appliedCursor, m_head);
    Q_EMIT batchApplied(result);
    updateState();
}

void ClientSession::retryAfterStoreError()
{
    // storeErrorMessage() stays until a batch is stored again.
    m_storePaused = false;
    m_receivedCursor = m_appliedCursor;
    m_sync->resumeFrom(m_appliedCursor);
    updateState();
}

void ClientSession::updateState()
{
    State next = m_sync->state();
    const bool applied = m_batchesInFlight == 0 && m_appliedCursor >= m_receivedCursor;
    if (next == State::Online && !applied)
        next = State::Syncing;
    if (next == State::Online && m_waitingForCatchUp && m_appliedCursor >= m_caughtUpTarget) {
        m_waitingForCatchUp = false;
        m_synced = true;
        m_percent = 100;
        m_lastSyncAt = QDateTime::currentDateTime();
        Q_EMIT lastSyncAtChanged(m_lastSyncAt);
        Q_EMIT synced();
    } else if (next == State::Online && applied) {
        m_lastSyncAt = QDateTime::currentDateTime(); // a live push was applied
        Q_EMIT lastSyncAtChanged(m_lastSyncAt);
    }
    if (next != m_state) {
        m_state = next;
        Q_EMIT stateChanged(next);
    }
}

} // namespace marquee::client
