// DeviceAdminService implementation (see deviceadminservice.h).
#include "boxoffice/deviceadminservice.h"

#include "net/syncclient.h"

#include "marquee/v1/envelope.pb.h"

namespace marquee::client {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QString personName(const std::string& name, qint64 userId)
{
    if (!name.empty())
        return text(name);
    return userId > 0 ? QStringLiteral("#%1").arg(userId) : QString();
}

} // namespace

DeviceAdminService::DeviceAdminService(SyncClient* sync, QObject* parent) : QObject(parent), m_sync(sync)
{
    qRegisterMetaType<DeviceRow>();
    connect(m_sync, &SyncClient::boxOfficeAnswered, this, &DeviceAdminService::onAnswer);
    connect(m_sync, &SyncClient::requestFailed, this, &DeviceAdminService::onFailed);
}

DeviceRow DeviceAdminService::rowOf(const v1::DeviceInfo& info)
{
    DeviceRow row;
    row.deviceId = text(info.device_id());
    row.name = text(info.device_name());
    row.keyId = text(info.key_id());
    row.registeredBy = personName(info.registered_by_name(), info.registered_by_user_id());
    row.registeredAtMs = info.registered_at_ms();
    row.validUntilMs = info.valid_until_ms();
    row.lastSeenMs = info.last_seen_ms();
    row.lastUploadMs = info.last_upload_ms();
    row.leases = static_cast<int>(info.leases());
    row.activeLeases = static_cast<int>(info.active_leases());
    row.revokedAtMs = info.revoked_at_ms();
    row.revocationReason = text(info.revocation_reason());
    row.revokedBy = personName(info.revoked_by_name(), info.revoked_by_user_id());
    row.seatsReturned = static_cast<int>(info.seats_returned());
    return row;
}

bool DeviceAdminService::send(v1::Envelope& request)
{
    if (!m_sync->isConnected()) {
        Q_EMIT failed(tr("The server cannot be reached: managing devices needs a connection."));
        return false;
    }
    m_pending.insert(m_sync->sendBoxOffice(request), request.has_revoke_device());
    return true;
}

bool DeviceAdminService::listDevices(bool includeRevoked)
{
    v1::Envelope request;
    request.mutable_list_devices()->set_include_revoked(includeRevoked);
    return send(request);
}

bool DeviceAdminService::revoke(const QString& deviceId, const QString& reason)
{
    const QString why = reason.trimmed();
    if (why.isEmpty()) {
        Q_EMIT failed(tr("Say why the device is revoked (for example: stolen, lost)."));
        return false;
    }
    if (why.toUtf8().size() > 500) {
        Q_EMIT failed(tr("The reason is too long (at most 500 bytes)."));
        return false;
    }
    v1::Envelope request;
    request.mutable_revoke_device()->set_device_id(deviceId.toStdString());
    request.mutable_revoke_device()->set_reason(why.toStdString());
    return send(request);
}

void DeviceAdminService::onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer)
{
    const auto pending = m_pending.find(requestId);
    if (pending == m_pending.end())
        return;
    m_pending.erase(pending);
    if (answer->has_device_list()) {
        QList<DeviceRow> rows;
        for (const auto& info : answer->device_list().devices())
            rows << rowOf(info);
        Q_EMIT devicesListed(rows);
    } else if (answer->has_device_info()) {
        Q_EMIT revoked(rowOf(answer->device_info()));
    } else {
        Q_EMIT failed(tr("The server sent an unexpected answer."));
    }
}

void DeviceAdminService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (!m_pending.remove(requestId))
        return;
    if (error.code == ErrorCode::PermissionDenied)
        Q_EMIT failed(tr("Only admins can manage box-office devices."));
    else if (error.code == ErrorCode::NotFound)
        Q_EMIT failed(tr("The server knows no device with this id."));
    else if (error.code == ErrorCode::ConnectionLost || error.code == ErrorCode::Timeout
             || error.code == ErrorCode::Unavailable)
        Q_EMIT failed(tr("The server cannot be reached: managing devices needs a connection."));
    else
        Q_EMIT failed(tr("The server refused: %1").arg(error.message));
}

} // namespace marquee::client
