// DeviceKeyService: this device's own Ed25519 ticket-signing key for offline sales. The key pair
// is generated once and kept in SQLite (the secret never leaves the device); while a box-office
// role is connected the public key is registered (RegisterDevice) and the server's certificate
// kept once it verifies with the server's cached TicketKey (a certificate that does not is
// refused), and renewed when it comes within kRenewBeforeMs of expiring.
#pragma once

#include "store/boxofficerecords.h"
#include "store/records.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace marquee::core::tickets {
struct KeyPair;
}

namespace marquee::v1 {
class Envelope;
}

namespace marquee::client {

class LocalStore;
class SyncClient;

class DeviceKeyService : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kRenewBeforeMs = 7LL * 24 * 3600 * 1000;
    static constexpr int kRenewCheckMs = 6 * 3600 * 1000; // a till may stay connected for weeks

    DeviceKeyService(LocalStore* store, SyncClient* sync, QObject* parent = nullptr);

    void setClock(std::function<qint64()> nowMs);
    void setDeviceName(const QString& name) { m_deviceName = name; }
    QString deviceName() const { return m_deviceName; }

    // The device's key (generated and stored on first use); invalid only when SQLite failed.
    DeviceKeyInfo key();
    // Certified, not expired at `nowMs` (default: now) and not revoked.
    bool isCertified(std::optional<qint64> nowMs = std::nullopt);
    // Staff revoked this device (its key's cached TicketKey says so, or the server answered
    // device_revoked): it signs nothing more and stops registering.
    bool isRevoked();
    // The key pair that signs offline tickets, when the key is certified.
    std::optional<core::tickets::KeyPair> signingKey();

    // Registers (or renews) now when connected with a box-office role; otherwise false.
    bool registerDevice();
    bool isRegistering() const { return m_request != 0; }

    // Why `certified` (the key with the server's certificate) cannot be trusted; empty when it
    // verifies against the cached server ticket key that signed it.
    QString certificateProblem(const DeviceKeyInfo& certified);
    // The ticket keys in the cache changed: a certificate waiting for its signing key is
    // checked again (ClientSession calls it after a sync batch).
    void notifyTicketKeysChanged();

Q_SIGNALS:
    void certified(const marquee::client::DeviceKeyInfo& key);
    void registrationFailed(const QString& message);

private:
    void onConnected(const HelloInfo& hello);
    void onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer);
    // The server answered device_revoked (a request, or the Hello of a new connection).
    void onRevoked();
    void onFailed(quint64 requestId, const ErrorInfo& error);
    bool needsRegistration();
    void acceptCertificate(const DeviceKeyInfo& certified);

    LocalStore* m_store;
    SyncClient* m_sync;
    std::function<qint64()> m_now;
    QString m_deviceName;
    quint64 m_request = 0;
    QTimer m_renewCheck;
    // Answered before the server's ticket key reached the cache: checked when it arrives.
    std::optional<DeviceKeyInfo> m_awaitingServerKey;
    bool m_refusedAsRevoked = false; // the server answered device_revoked
};

// True for the roles that may use the box office (staff, organizer, admin).
bool isBoxOfficeRole(core::Role role);

} // namespace marquee::client
