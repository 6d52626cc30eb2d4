// LeaseService implementation (see leaseservice.h).
#include "boxoffice/leaseservice.h"

#include "boxoffice/devicekeyservice.h"
#include "net/boxofficecodec.h"
#include "net/syncclient.h"
#include "store/localstore.h"

#include "marquee/v1/envelope.pb.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUuid>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcLease, "marquee.boxoffice.lease")

namespace {

std::string newKey() { return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(); }

} // namespace

LeaseService::LeaseService(LocalStore* store, SyncClient* sync, DeviceKeyService* deviceKeys, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync), m_deviceKeys(deviceKeys),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    connect(m_sync, &SyncClient::boxOfficeAnswered, this, &LeaseService::onAnswer);
    connect(m_sync, &SyncClient::requestFailed, this, &LeaseService::onFailed);
    connect(m_deviceKeys, &DeviceKeyService::certified, this, [this] {
        const auto waiting = std::exchange(m_waitingForCertificate, {});
        for (const auto& request : waiting)
            sendNow(Kind::Lease, *request);
    });
    connect(m_deviceKeys, &DeviceKeyService::registrationFailed, this, [this](const QString& message) {
        if (m_waitingForCertificate.isEmpty())
            return;
        m_waitingForCertificate.clear();
        Q_EMIT leaseFailed(message);
    });
}

QString LeaseService::errorText(const ErrorInfo& error)
{
    const QString reason = error.details.value(QStringLiteral("reason"));
    if (error.code == ErrorCode::ConnectionLost || error.code == ErrorCode::Timeout || error.code == ErrorCode::Unavailable)
        return tr("The server cannot be reached: seats can only be leased while online.");
    if (error.code == ErrorCode::PermissionDenied)
        return tr("Only box-office staff can lease seats or return another device's lease.");
    if (error.code == ErrorCode::AlreadyExists) {
        QStringList seats;
        for (auto it = error.details.cbegin(); it != error.details.cend(); ++it)
            if (it.key().startsWith(QLatin1String("taken.")))
                seats << it.key().mid(6);
        return seats.isEmpty() ? tr("Some of these seats are no longer free.")
                               : tr("These seats are no longer free: %1").arg(seats.join(QStringLiteral(", ")));
    }
    if (reason == QLatin1String("sold_out"))
        return tr("Not enough free seats in that category to lease.");
    if (reason == QLatin1String("no_device_certificate"))
        return tr("This device is not registered for offline sales yet.");
    if (reason.startsWith(QLatin1String("not_leased.")))
        return tr("Seat %1 is no longer available in this lease.").arg(reason.mid(11));
    if (error.code == ErrorCode::NotFound)
        return tr("The server does not know this lease or event.");
    return tr("The server refused: %1").arg(error.message);
}

QString LeaseService::deviceId() const
{
    if (m_deviceId.isEmpty())
        m_deviceId = m_store->ensureDeviceId();
    return m_deviceId;
}

void LeaseService::setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

bool LeaseService::send(Kind kind, std::shared_ptr<v1::Envelope> request, const Pending& returning)
{
    if (!m_sync->isConnected()) {
        Q_EMIT leaseFailed(tr("The server cannot be reached: seats can only be leased and returned while online."));
        if (kind == Kind::Return)
            endReturn(returning, false);
        return false;
    }
    if (kind == Kind::Lease && !m_deviceKeys->isCertified()) {
        if (!m_deviceKeys->registerDevice()) {
            Q_EMIT leaseFailed(tr("Only box-office staff can lease seats for offline sales."));
            return false;
        }
        m_waitingForCertificate.append(std::move(request));
        return true;
    }
    sendNow(kind, *request, returning);
    return true;
}

void LeaseService::sendNow(Kind kind, v1::Envelope& request, const Pending& returning)
{
    Pending pending = returning;
    pending.kind = kind;
    m_pending.insert(m_sync->sendBoxOffice(request), pending);
}

void LeaseService::endReturn(const Pending& pending, bool ok)
{
    if (!m_store->finishSeatsReturning(pending.leaseId, pending.seatIds, ok))
        qCWarning(lcLease) << "could not settle the returning seats of lease" << pending.leaseId << m_store->lastError();
    Q_EMIT returnFinished(pending.leaseId, ok, ok ? static_cast<int>(pending.seatIds.size()) : 0);
}

bool LeaseService::leaseSeats(const QString& eventId, const QStringList& seatIds)
{
    if (seatIds.isEmpty()) {
        Q_EMIT leaseFailed(tr("Choose the seats to lease first."));
        return false;
    }
    auto env = std::make_shared<v1::Envelope>();
    v1::LeaseSeats* lease = env->mutable_lease_seats();
    lease->set_idempotency_key(newKey());
    lease->set_event_id(eventId.toStdString());
    for (const QString& id : seatIds)
        lease->mutable_seats()->add_ids(id.toStdString());
    return send(Kind::Lease, std::move(env));
}

bool LeaseService::leaseByCategory(const QString& eventId, const QList<LeaseCountInfo>& counts)
{
    auto env = std::make_shared<v1::Envelope>();
    v1::LeaseSeats* lease = env->mutable_lease_seats();
    lease->set_idempotency_key(newKey());
    lease->set_event_id(eventId.toStdString());
    v1::LeaseByCategory* byCategory = lease->mutable_by_category();
    for (const LeaseCountInfo& c : counts) {
        if (c.count == 0)
            continue;
        v1::LeaseCount* count = byCategory->add_counts();
        count->set_price_category_id(c.priceCategoryId.toStdString());
        count->set_count(c.count);
    }
    if (byCategory->counts_size() == 0) {
        Q_EMIT leaseFailed(tr("Enter how many seats to lease in at least one category."));
        return false;
    }
    return send(Kind::Lease, std::move(env));
}

bool LeaseService::returnLease(const QString& leaseId, const QStringList& seatIds)
{
    // Never an empty list on the wire: the server would return every seat IT still has as
    // AVAILABLE, including seats sold here whose sale it rejected or has not seen yet.
    Pending returning{Kind::Return, leaseId, {}};
    if (!m_sync->isConnected()) {
        Q_EMIT leaseFailed(tr("The server cannot be reached: seats can only be leased and returned while online."));
        Q_EMIT returnFinished(leaseId, false, 0);
        return false;
    }
    const QStringList marked = m_store->markSeatsReturning(leaseId);
    if (seatIds.isEmpty()) {
        returning.seatIds = marked;
    } else {
        for (const QString& id : seatIds)
            if (marked.contains(id))
                returning.seatIds << id;
        // Only the listed seats go; the others were just marked and are Available again.
        QStringList unlisted = marked;
        unlisted.removeIf([&](const QString& id) { return returning.seatIds.contains(id); });
        m_store->finishSeatsReturning(leaseId, unlisted, false);
    }
    if (returning.seatIds.isEmpty()) {
        Q_EMIT leaseFailed(tr("This lease has no seats left to return."));
        Q_EMIT returnFinished(leaseId, false, 0);
        return false;
    }
    auto env = std::make_shared<v1::Envelope>();
    v1::ReturnLease* ret = env->mutable_return_lease();
    ret->set_idempotency_key(newKey());
    ret->set_lease_id(leaseId.toStdString());
    for (const QString& id : returning.seatIds)
        ret->add_seat_ids(id.toStdString());
    return send(Kind::Return, std::move(env), returning);
}

bool LeaseService::refresh()
{
    auto env = std::make_shared<v1::Envelope>();
    env->mutable_list_leases();
    return send(Kind::List, std::move(env));
}

QList<LeaseInfo> LeaseService::activeLeases(const QString& eventId) const
{
    QList<LeaseInfo> out;
    const qint64 now = m_now();
    for (const LeaseInfo& l : m_store->leases(eventId, true))
        if (l.deviceId == deviceId() && l.expiresAtMs > now)
            out.append(l);
    return out;
}

QList<LeaseInfo> LeaseService::deviceLeases(const QString& eventId, int limit) const
{
    QList<LeaseInfo> out;
    for (const LeaseInfo& l : m_store->leases(eventId, false)) {
        if (out.size() >= limit)
            break;
        if (l.deviceId == deviceId())
            out.append(l);
    }
    return out;
}

std::optional<LeaseInfo> LeaseService::lease(const QString& leaseId) const { return m_store->lease(leaseId); }

int LeaseService::availableSeats(const QString& eventId) const
{
    int n = 0;
    for (const LeaseInfo& l : activeLeases(eventId))
        n += l.countIn(LeasedSeatState::Available);
    return n;
}

int LeaseService::leasedSeats(const QString& eventId) const
{
    int n = 0;
    for (const LeaseInfo& l : activeLeases(eventId))
        n += static_cast<int>(l.seats.size()) - l.countIn(LeasedSeatState::Returned);
    return n;
}

void LeaseService::storeLease(const LeaseInfo& lease)
{
    if (!m_store->saveLease(lease))
        qCWarning(lcLease) << "could not store lease" << lease.id << m_store->lastError();
}

void LeaseService::onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer)
{
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return;
    const Pending pending = it.value();
    m_pending.erase(it);
    const Kind kind = pending.kind;
    if (kind == Kind::List) {
        if (answer->has_lease_list())
            for (const v1::Lease& l : answer->lease_list().leases())
                if (QString::fromStdString(l.device_id()) == deviceId())
                    storeLease(fromProto(l));
        Q_EMIT leasesRefreshed();
        return;
    }
    if (!answer->has_lease()) {
        Q_EMIT leaseFailed(tr("The server sent no lease."));
        if (kind == Kind::Return)
            endReturn(pending, false);
        return;
    }
    const LeaseInfo lease = fromProto(answer->lease());
    storeLease(lease);
    Q_EMIT leaseChanged(m_store->lease(lease.id).value_or(lease));
    if (kind == Kind::Return)
        endReturn(pending, true);
}

void LeaseService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return;
    const Pending pending = it.value();
    m_pending.erase(it);
    qCInfo(lcLease) << "lease request failed:" << error.message << error.details;
    Q_EMIT leaseFailed(errorText(error));
    if (pending.kind == Kind::Return)
        endReturn(pending, false);
}

} // namespace marquee::client
