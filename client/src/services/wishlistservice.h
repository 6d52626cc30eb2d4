// WishlistService: offline-first wishlist. A toggle writes the local row and an outbox entry
// in one transaction; the outbox is flushed in order whenever the user's connection is up.
#pragma once

#include "store/records.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace marquee::client {

class AccountService;
class LocalStore;
class SyncClient;

class WishlistService : public QObject {
    Q_OBJECT
public:
    WishlistService(LocalStore* store, SyncClient* sync, AccountService* account, QObject* parent = nullptr);

    // Flips the event on the current user's wishlist, online or offline. False when nobody
    // is logged in or the write failed (toggleFailed tells why).
    bool toggle(const QString& eventId);
    bool isWishlisted(const QString& eventId) const;
    int pendingCount() const;
    bool isFlushing() const { return m_inFlight.has_value(); }

public Q_SLOTS:
    void flush();

Q_SIGNALS:
    void wishlistChanged(const QString& eventId, bool wishlisted);
    void toggleFailed(const QString& message);
    void mutationAcked(const QString& key, bool replayed);
    // The server refused the change for good; the local row was reverted.
    void mutationRejected(const QString& eventId, const QString& message);
    // The current user's outbox became empty after sending.
    void outboxFlushed();
    void pendingCountChanged(int count);

private:
    void onAck(quint64 requestId, const AckInfo& ack);
    void onFailed(quint64 requestId, const ErrorInfo& error);
    void continueAfterSettled();
    bool canSend() const;

    LocalStore* m_store;
    SyncClient* m_sync;
    AccountService* m_account;
    struct InFlight {
        quint64 requestId;
        OutboxEntry entry;
    };
    std::optional<InFlight> m_inFlight;
    QTimer m_retryTimer;
};

} // namespace marquee::client
