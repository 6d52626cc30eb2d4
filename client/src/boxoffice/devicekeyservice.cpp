// DeviceKeyService implementation (see devicekeyservice.h).
#include "boxoffice/devicekeyservice.h"

#include "net/boxofficecodec.h"
#include "net/syncclient.h"
#include "store/localstore.h"

#include "marquee/core/tickets/ticket_code.hpp"
#include "marquee/v1/envelope.pb.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSysInfo>

#include <algorithm>
#include <utility>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcDeviceKey, "marquee.boxoffice.devicekey")

bool isBoxOfficeRole(core::Role role)
{
    return role == core::Role::Staff || role == core::Role::Organizer || role == core::Role::Admin;
}

DeviceKeyService::DeviceKeyService(LocalStore* store, SyncClient* sync, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync), m_now([] { return QDateTime::currentMSecsSinceEpoch(); }),
      m_deviceName(QSysInfo::machineHostName())
{
    connect(m_sync, &SyncClient::connected, this, &DeviceKeyService::onConnected);
    connect(m_sync, &SyncClient::boxOfficeAnswered, this, &DeviceKeyService::onAnswer);
    connect(m_sync, &SyncClient::requestFailed, this, &DeviceKeyService::onFailed);
    connect(m_sync, &SyncClient::deviceRevoked, this, &DeviceKeyService::onRevoked);
    m_renewCheck.setInterval(kRenewCheckMs);
    connect(&m_renewCheck, &QTimer::timeout, this, [this] {
        if (m_sync->isConnected())
            onConnected(m_sync->hello());
    });
    m_renewCheck.start();
}

void DeviceKeyService::setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

DeviceKeyInfo DeviceKeyService::key()
{
    if (auto stored = m_store->deviceKey())
        return *stored;
    const core::tickets::KeyPair pair = core::tickets::generateKeyPair();
    DeviceKeyInfo key;
    key.keyId = QString::fromStdString(pair.keyId);
    key.publicKey = QByteArray(reinterpret_cast<const char*>(pair.publicKey.data()), static_cast<qsizetype>(pair.publicKey.size()));
    key.secretKey = QByteArray(reinterpret_cast<const char*>(pair.secretKey.data()), static_cast<qsizetype>(pair.secretKey.size()));
    key.createdAtMs = m_now();
    if (!m_store->saveDeviceKey(key)) {
        qCWarning(lcDeviceKey) << "could not store the device key:" << m_store->lastError();
        return {};
    }
    return key;
}

bool DeviceKeyService::isCertified(std::optional<qint64> nowMs)
{
    const auto stored = m_store->deviceKey();
    return stored && stored->isCertified() && stored->validUntilMs > nowMs.value_or(m_now()) && !isRevoked();
}

bool DeviceKeyService::isRevoked()
{
    if (m_refusedAsRevoked)
        return true;
    const auto stored = m_store->deviceKey();
    const auto published = stored ? m_store->ticketKey(stored->keyId) : std::nullopt;
    return published && published->revokedAtMs > 0;
}

std::optional<core::tickets::KeyPair> DeviceKeyService::signingKey()
{
    const auto stored = m_store->deviceKey();
    if (!stored || !stored->isCertified() || stored->secretKey.size() != 64 || isRevoked())
        return std::nullopt;
    core::tickets::SecretKey secret{};
    std::copy_n(reinterpret_cast<const std::uint8_t*>(stored->secretKey.constData()), secret.size(), secret.begin());
    return core::tickets::keyPairFromSecretKey(secret);
}

bool DeviceKeyService::needsRegistration()
{
    const DeviceKeyInfo k = key();
    return k.isValid() && !isRevoked() && (!k.isCertified() || k.validUntilMs - m_now() < kRenewBeforeMs);
}

bool DeviceKeyService::registerDevice()
{
    if (!m_sync->isConnected() || !isBoxOfficeRole(m_sync->hello().role))
        return false;
    if (m_request != 0)
        return true;
    const DeviceKeyInfo k = key();
    if (!k.isValid())
        return false;
    v1::Envelope env;
    v1::RegisterDevice* reg = env.mutable_register_device();
    reg->set_public_key(k.publicKey.toStdString());
    reg->set_device_name(m_deviceName.toStdString());
    m_request = m_sync->sendBoxOffice(env);
    return true;
}

void DeviceKeyService::onConnected(const HelloInfo& hello)
{
    if (isBoxOfficeRole(hello.role) && needsRegistration())
        registerDevice();
}

void DeviceKeyService::onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer)
{
    if (requestId != m_request)
        return;
    m_request = 0;
    if (!answer->has_device_certificate()) {
        Q_EMIT registrationFailed(tr("The server sent no certificate for this device."));
        return;
    }
    const v1::DeviceCertificate& cert = answer->device_certificate();
    DeviceKeyInfo k = key();
    if (QString::fromStdString(cert.key_id()) != k.keyId) {
        Q_EMIT registrationFailed(tr("The server certified another key than this device's."));
        return;
    }
    k = withCertificate(k, cert);
    if (!m_store->ticketKey(k.certifiedByKeyId)) {
        // The ticket key usually arrives with the first sync; check the certificate then.
        qCInfo(lcDeviceKey) << "certificate signed by" << k.certifiedByKeyId << "waits for that ticket key";
        m_awaitingServerKey = k;
        return;
    }
    acceptCertificate(k);
}

QString DeviceKeyService::certificateProblem(const DeviceKeyInfo& k)
{
    const auto serverKey = m_store->ticketKey(k.certifiedByKeyId);
    if (!serverKey || serverKey->publicKey.size() != 32)
        return tr("The server's ticket key %1 that signed this device's certificate is not known here.").arg(k.certifiedByKeyId);
    if (k.certificate.size() != 64 || k.publicKey.size() != 32)
        return tr("The server sent a malformed certificate for this device.");
    core::tickets::DeviceCertificateClaims claims;
    claims.deviceId = m_store->ensureDeviceId().toStdString();
    std::copy_n(reinterpret_cast<const std::uint8_t*>(k.publicKey.constData()), claims.devicePublicKey.size(),
                claims.devicePublicKey.begin());
    claims.validUntilMs = k.validUntilMs;
    core::tickets::Signature signature{};
    std::copy_n(reinterpret_cast<const std::uint8_t*>(k.certificate.constData()), signature.size(), signature.begin());
    core::tickets::PublicKey server{};
    std::copy_n(reinterpret_cast<const std::uint8_t*>(serverKey->publicKey.constData()), server.size(), server.begin());
    if (!core::tickets::verifyDeviceCertificate(claims, signature, server))
        return tr("The server's certificate for this device does not verify: offline sales stay off.");
    return {};
}

void DeviceKeyService::notifyTicketKeysChanged()
{
    if (!m_awaitingServerKey || !m_store->ticketKey(m_awaitingServerKey->certifiedByKeyId))
        return;
    const DeviceKeyInfo k = *std::exchange(m_awaitingServerKey, std::nullopt);
    acceptCertificate(k);
}

void DeviceKeyService::acceptCertificate(const DeviceKeyInfo& k)
{
    if (const QString problem = certificateProblem(k); !problem.isEmpty()) {
        qCWarning(lcDeviceKey) << "device certificate refused:" << problem;
        Q_EMIT registrationFailed(problem);
        return;
    }
    if (!m_store->saveDeviceKey(k)) {
        Q_EMIT registrationFailed(tr("The device certificate could not be saved: %1").arg(m_store->lastError()));
        return;
    }
    Q_EMIT certified(k);
}

void DeviceKeyService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (requestId != m_request)
        return;
    m_request = 0;
    qCWarning(lcDeviceKey) << "RegisterDevice failed:" << error.message;
    if (error.details.value(QStringLiteral("reason")) == QLatin1String("device_revoked")) {
        onRevoked();
        return;
    }
    Q_EMIT registrationFailed(error.code == ErrorCode::PermissionDenied
                                  ? tr("Only box-office staff can register this device for offline sales.")
                                  : tr("This device could not be registered for offline sales: %1").arg(error.message));
}

void DeviceKeyService::onRevoked()
{
    if (std::exchange(m_refusedAsRevoked, true))
        return;
    Q_EMIT registrationFailed(tr("This device was revoked by an admin: it can no longer sell offline, "
                                 "lease seats or check tickets in."));
}

} // namespace marquee::client
