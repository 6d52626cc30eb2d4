// DeviceAdminService: the registered box-office devices (ListDevices) and revoking a lost or
// stolen one (RevokeDevice), for admins (docs/boxoffice.md "Device revocation").
// Online only; answers arrive as signals, refusals as translated sentences.
#pragma once

#include "store/records.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

namespace marquee::v1 {
class Envelope;
class DeviceInfo;
}

namespace marquee::client {

class SyncClient;

// One device as the Devices view shows it (v1::DeviceInfo).
struct DeviceRow {
    QString deviceId;
    QString name;
    QString keyId;
    QString registeredBy;        // display name, or "#<user id>" when the user has none
    qint64 registeredAtMs = 0;
    qint64 validUntilMs = 0;     // certificate expiry
    qint64 lastSeenMs = 0;
    qint64 lastUploadMs = 0;     // 0: never uploaded a sale
    int leases = 0;
    int activeLeases = 0;
    qint64 revokedAtMs = 0;      // 0: not revoked
    QString revocationReason;
    QString revokedBy;
    int seatsReturned = 0;       // RevokeDevice's answer only
    bool isRevoked() const { return revokedAtMs > 0; }
};

class DeviceAdminService : public QObject {
    Q_OBJECT
public:
    explicit DeviceAdminService(SyncClient* sync, QObject* parent = nullptr);

    // Both return false (and emit failed) when offline or when the reason is empty.
    bool listDevices(bool includeRevoked);
    bool revoke(const QString& deviceId, const QString& reason);

    static DeviceRow rowOf(const v1::DeviceInfo& info);

Q_SIGNALS:
    void devicesListed(const QList<marquee::client::DeviceRow>& devices);
    void revoked(const marquee::client::DeviceRow& device);
    void failed(const QString& message);

private:
    bool send(v1::Envelope& request);
    void onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer);
    void onFailed(quint64 requestId, const ErrorInfo& error);

    SyncClient* m_sync;
    QHash<quint64, bool> m_pending; // request id -> is a revocation
};

} // namespace marquee::client

Q_DECLARE_METATYPE(marquee::client::DeviceRow)
