// LeaseService: while online, this device leases blocks of seats (chosen on the map or by count
// per price category) so it can sell them offline; keeps each lease with its priced seats in
// SQLite, lists and returns leases. Leasing needs the device key certified first: a request
// made before that waits for DeviceKeyService::certified.
#pragma once

#include "store/boxofficerecords.h"
#include "store/records.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace marquee::v1 {
class Envelope;
}

namespace marquee::client {

class DeviceKeyService;
class LocalStore;
class SyncClient;

class LeaseService : public QObject {
    Q_OBJECT
public:
    LeaseService(LocalStore* store, SyncClient* sync, DeviceKeyService* deviceKeys, QObject* parent = nullptr);

    // False (and leaseFailed) when offline. Answers: leaseChanged or leaseFailed.
    bool leaseSeats(const QString& eventId, const QStringList& seatIds);
    bool leaseByCategory(const QString& eventId, const QList<LeaseCountInfo>& counts);
    // Gives back the listed seats, or (empty) every seat still Available here. The request always
    // names its seats: they are marked Returning first (no sale can take them while it is in
    // flight) and become Returned on the answer, Available again on a failure. Seats sold here,
    // even in a sale the server rejected, are never returned from this device.
    bool returnLease(const QString& leaseId, const QStringList& seatIds = {});
    // Fetches this device's leases (ListLeases) and stores them: answered by leasesRefreshed.
    bool refresh();

    // From SQLite (works offline): this device's active, unexpired leases, newest first.
    QList<LeaseInfo> activeLeases(const QString& eventId = {}) const;
    // From SQLite: this device's leases of the event, active, expired and closed, newest first.
    QList<LeaseInfo> deviceLeases(const QString& eventId, int limit) const;
    void setClock(std::function<qint64()> nowMs);
    std::optional<LeaseInfo> lease(const QString& leaseId) const;
    // Seats this device may still sell offline for the event, and how many it leased in all.
    int availableSeats(const QString& eventId) const;
    int leasedSeats(const QString& eventId) const;
    QString deviceId() const;

    // A translated sentence for a refused lease request.
    static QString errorText(const ErrorInfo& error);

Q_SIGNALS:
    void leaseChanged(const marquee::client::LeaseInfo& lease);
    void leaseFailed(const QString& message);
    void leasesRefreshed();
    // Every ReturnLease ends here too (after leaseChanged or leaseFailed); seats: how many it gave back.
    void returnFinished(const QString& leaseId, bool ok, int seats);

private:
    enum class Kind { Lease, Return, List };
    struct Pending {
        Kind kind;
        QString leaseId;     // Return
        QStringList seatIds; // Return: marked Returning in the store until the answer
    };
    bool send(Kind kind, std::shared_ptr<v1::Envelope> request, const Pending& returning = {});
    void sendNow(Kind kind, v1::Envelope& request, const Pending& returning = {});
    void endReturn(const Pending& pending, bool ok);
    void onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer);
    void onFailed(quint64 requestId, const ErrorInfo& error);
    void storeLease(const LeaseInfo& lease);

    LocalStore* m_store;
    SyncClient* m_sync;
    DeviceKeyService* m_deviceKeys;
    std::function<qint64()> m_now;
    mutable QString m_deviceId; // read from the store when first needed (it opens after construction)
    QHash<quint64, Pending> m_pending;
    // Lease requests waiting for the device certificate.
    QList<std::shared_ptr<v1::Envelope>> m_waitingForCertificate;
};

} // namespace marquee::client
