// WishlistService implementation.
#include "services/wishlistservice.h"

#include "net/syncclient.h"
#include "services/accountservice.h"
#include "store/localstore.h"

namespace marquee::client {

WishlistService::WishlistService(LocalStore* store, SyncClient* sync, AccountService* account, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync), m_account(account)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &WishlistService::flush);
    connect(m_sync, &SyncClient::connected, this, [this] { flush(); });
    connect(m_sync, &SyncClient::ackReceived, this, &WishlistService::onAck);
    connect(m_sync, &SyncClient::requestFailed, this, &WishlistService::onFailed);
}

bool WishlistService::isWishlisted(const QString& eventId) const
{
    return m_account->isLoggedIn() && m_store->isWishlisted(m_account->userId(), eventId);
}

int WishlistService::pendingCount() const
{
    return m_account->isLoggedIn()
        ? static_cast<int>(m_store->outbox(m_account->userId(), QLatin1String(LocalStore::kWishlistOutboxKind)).size())
        : 0;
}

bool WishlistService::toggle(const QString& eventId)
{
    if (!m_account->isLoggedIn()) {
        Q_EMIT toggleFailed(tr("Log in to keep a wishlist."));
        return false;
    }
    const auto entry = m_store->toggleWishlist(m_account->userId(), eventId);
    if (!entry) {
        Q_EMIT toggleFailed(tr("The wishlist could not be saved: %1").arg(m_store->lastError()));
        return false;
    }
    Q_EMIT wishlistChanged(eventId, LocalStore::wishlistPayloadAdds(entry->payload));
    Q_EMIT pendingCountChanged(pendingCount());
    flush();
    return true;
}

bool WishlistService::canSend() const
{
    return m_account->isLoggedIn() && m_sync->isConnected() && m_sync->hello().userId == m_account->userId();
}

void WishlistService::flush()
{
    if (m_inFlight || !canSend())
        return;
    // Oldest first: the server must see the user's toggles in the order they were made.
    // Other kinds (recommendation signals) have their own sender.
    const QList<OutboxEntry> entries = m_store->outbox(m_account->userId(), QLatin1String(LocalStore::kWishlistOutboxKind), 1);
    if (entries.isEmpty())
        return;
    const OutboxEntry& next = entries.first();
    const bool add = LocalStore::wishlistPayloadAdds(next.payload);
    const quint64 id = m_sync->sendWishlistMutation(next.key, next.entityId, add);
    m_inFlight = InFlight{id, next};
}

void WishlistService::onAck(quint64 requestId, const AckInfo& ack)
{
    if (!m_inFlight || m_inFlight->requestId != requestId)
        return;
    const OutboxEntry entry = m_inFlight->entry;
    m_inFlight.reset();
    m_store->removeOutboxEntry(entry.key);
    Q_EMIT mutationAcked(entry.key, ack.replayed);
    continueAfterSettled();
}

// An entry left the outbox (acknowledged or rejected): report and send the next one.
void WishlistService::continueAfterSettled()
{
    const int left = pendingCount();
    Q_EMIT pendingCountChanged(left);
    if (left == 0)
        Q_EMIT outboxFlushed();
    else
        flush();
}

void WishlistService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (!m_inFlight || m_inFlight->requestId != requestId)
        return;
    const OutboxEntry entry = m_inFlight->entry;
    m_inFlight.reset();
    if (error.isPermanent()) {
        m_store->rejectOutboxEntry(entry);
        const bool nowWishlisted = m_store->isWishlisted(entry.userId, entry.entityId);
        Q_EMIT wishlistChanged(entry.entityId, nowWishlisted);
        QString message;
        if (error.code == ErrorCode::NotFound)
            message = tr("This event no longer exists, so the wishlist change was undone.");
        else if (error.code == ErrorCode::PermissionDenied)
            message = tr("You may not change this wishlist; the change was undone.");
        else
            message = tr("The server refused the wishlist change; it was undone.");
        Q_EMIT mutationRejected(entry.entityId, message);
        continueAfterSettled();
        return;
    }
    // Transient: keep the entry. Throttling says when to retry; otherwise the next connect does.
    m_store->recordOutboxFailure(entry.key, error.message);
    if (error.code == ErrorCode::ResourceExhausted || error.code == ErrorCode::Unavailable
        || error.code == ErrorCode::Internal)
        m_retryTimer.start(static_cast<int>(std::clamp<qint64>(error.retryAfterMs(), 1000, 60000)));
}

} // namespace marquee::client
