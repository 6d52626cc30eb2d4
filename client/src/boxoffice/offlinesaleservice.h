// OfflineSaleService: sells seats from this device's own lease when the server cannot be
// reached, and reconciles on reconnect. A sale (order id and code, lines priced as the lease
// said, tickets signed with the certified device key, cash with change or an offline terminal
// reference) is written in ONE SQLite transaction with its outbox entry and its seats marked
// sold here, so no seat is sold twice. On reconnect the outbox goes up with UploadOfflineSales
// in batches of 100 (replays answer the same; a failed batch is retried with back-off while
// connected), confirmed orders go into the cache, rejected or unreadable ones stay flagged for staff, and then the unsold leased seats are returned (ReturnLease, naming them).
// No widgets: the box-office window and the kiosk both sell through it.
#pragma once

#include "store/boxofficerecords.h"
#include "store/records.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

namespace marquee::v1 {
class Envelope;
}

namespace marquee::client {

class AccountService;
class DeviceKeyService;
class LeaseService;
class LocalStore;
class SeatingService;
class SyncClient;

struct OfflineSaleRequest {
    QString eventId;
    QStringList seatIds;          // chosen seats; empty: `count` seats picked from the lease
    std::uint32_t count = 0;
    QString priceCategoryId;      // with count: only this category (empty: any)
    PaymentMethod method = PaymentMethod::Cash; // Cash or CardTerminal
    qint64 tenderedMinor = 0;     // cash handed over
    QString terminalReference;    // card terminal: the offline authorisation's reference
    QString buyerName;
    QString buyerEmail;           // optional: the confirmation is mailed once uploaded
};

struct OfflineSaleOutcome {
    bool ok = false;
    QString error;                // translated: why nothing was sold
    OfflineSaleInfo sale;
    OrderInfo order;              // as printed: order.encoded is a marquee.v1.Order with the signed tickets
};

class OfflineSaleService : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxUploadBatch = 500; // UploadOfflineSales takes up to 500 sales
    // What one upload carries by default: 500 sales can outlast the 15 s request timeout.
    static constexpr int kDefaultUploadBatch = 100;
    // A failed upload is retried while connected, after 1 s, 2 s, 4 s ... at most this long.
    static constexpr int kMaxRetryDelayMs = 60'000;
    // What the server accepts in an uploaded sale (UTF-8 bytes); longer is refused before selling.
    static constexpr int kMaxBuyerNameBytes = 200;
    static constexpr int kMaxTerminalReferenceBytes = 255;

    OfflineSaleService(LocalStore* store, SyncClient* sync, AccountService* account, DeviceKeyService* deviceKeys,
                       LeaseService* leases, SeatingService* seating, QObject* parent = nullptr);

    void setClock(std::function<qint64()> nowMs);
    void setUploadBatchSize(int sales); // 1..kMaxUploadBatch
    void setFirstRetryDelayMs(int ms) { m_firstRetryDelayMs = std::max(1, ms); } // tests shorten it
    // Whether a reconnect returns the unsold leased seats after the upload (default: yes).
    void setReturnLeasesOnReconnect(bool on) { m_returnOnReconnect = on; }
    bool returnsLeasesOnReconnect() const { return m_returnOnReconnect; }

    // Why the buyer's e-mail, name or the terminal reference would be refused; empty when fine.
    static QString invalidBuyerOrReference(const OfflineSaleRequest& request);
    // Why `seatId` cannot be sold offline for the event; empty when it can.
    QString refusal(const QString& eventId, const QString& seatId) const;
    // Up to `count` available seats of this device's leases for the event (side by side where
    // possible, all from one lease); fewer when the lease has fewer.
    QStringList pickSeats(const QString& eventId, std::uint32_t count, const QString& priceCategoryId = {}) const;
    // What the listed seats cost, from the lease's priced lines (0 when none is in a lease).
    qint64 priceOf(const QString& eventId, const QStringList& seatIds) const;

    // Sells now, from the lease, without the server (see the header comment).
    OfflineSaleOutcome sell(const OfflineSaleRequest& request);

    // Uploads every pending sale (in batches), then, when returnLeases, returns the unsold seats
    // of this device's active leases. Runs by itself on every connect of a box-office role.
    bool reconcile(bool returnLeases = true);
    bool isReconciling() const { return m_reconciling; }

    int pendingCount() const;
    QList<OfflineSaleInfo> rejectedSales() const;
    QList<OfflineSaleInfo> sales(const QString& eventId = {}) const;

    // "MQ-O" and six characters of the order-code alphabet (no look-alikes): never clashes with
    // a server-made "MQ-" code, whose alphabet has no 'O'.
    static QString newOfflineOrderCode();

Q_SIGNALS:
    void saleRecorded(const marquee::client::OfflineSaleInfo& sale);
    void pendingCountChanged(int pending);
    void uploadProgress(int done, int total);
    void saleConfirmed(const marquee::client::OfflineSaleInfo& sale);
    void saleRejected(const marquee::client::OfflineSaleInfo& sale); // flagged for staff
    // confirmed/rejected: uploaded in this run; returnedSeats: leased seats given back.
    void reconcileFinished(int confirmed, int rejected, int returnedSeats);
    void reconcileFailed(const QString& message);

private:
    void onConnected(const HelloInfo& hello);
    void uploadNextBatch();
    void onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer);
    void onFailed(quint64 requestId, const ErrorInfo& error);
    // Outbox entries the server will never take leave the outbox as rejected sales, flagged for
    // staff: unreadable ones, and all of them once the device is revoked.
    bool rejectOnDevice(const QList<OutboxEntry>& entries, const QString& reason, const QString& message);
    // The server refused this device (SyncClient::deviceRevoked): it would reject every upload.
    void onDeviceRevoked();
    void returnLeases();
    void onReturnFinished(const QString& leaseId, bool ok, int seats);
    void finish();
    QString seatLabel(const QString& eventId, const QString& seatId) const;
    QString noLeaseReason(const QString& eventId) const; // translated; names an expired lease

    LocalStore* m_store;
    SyncClient* m_sync;
    AccountService* m_account;
    DeviceKeyService* m_deviceKeys;
    LeaseService* m_leases;
    SeatingService* m_seating;
    std::function<qint64()> m_now;
    int m_batchSize = kDefaultUploadBatch;
    int m_firstRetryDelayMs = 1000;
    int m_retryDelayMs = 0; // of the next retry; 0: none failed in a row
    QTimer* m_retry;
    bool m_returnOnReconnect = true;

    bool m_reconciling = false;
    bool m_returnAfterUpload = false;
    quint64 m_uploadRequest = 0;
    QStringList m_uploadKeys;    // of the batch in flight
    int m_uploadTotal = 0;
    int m_uploaded = 0;
    int m_confirmed = 0;
    int m_rejected = 0;
    int m_returnedSeats = 0;
    QSet<QString> m_returning;   // lease ids with a ReturnLease in flight
};

} // namespace marquee::client
