// CheckInService implementation: online CheckIn with an offline fallback, the offline decision
// (verify, admitted set, voids, outbox), WatchCheckIns and the upload of queued admissions.
#include "checkin/checkinservice.h"

#include "marquee/v1/envelope.pb.h"
#include "net/syncclient.h"
#include "store/localstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTimer>
#include <QUuid>

namespace marquee::client {

namespace {

// The most check-ins one UploadCheckIns carries (the server's limit).
constexpr int kUploadBatch = 1000;

QString text(const std::string& s) { return QString::fromStdString(s); }

CheckInRow rowOf(const v1::CheckInRecord& record)
{
    CheckInRow row;
    row.serverId = static_cast<qint64>(record.check_in_id());
    row.ticketId = text(record.ticket_id());
    row.eventId = text(record.event_id());
    row.deviceId = text(record.device_id());
    row.gate = text(record.gate());
    row.staffUserId = record.staff_user_id();
    row.checkedInAtMs = record.checked_in_at_ms();
    row.offline = record.offline();
    row.counted = record.counted();
    row.flagged = record.duplicate_flagged();
    row.label = text(record.label());
    row.holderName = text(record.holder_name());
    return row;
}

} // namespace

CheckInService::Outcome CheckInService::outcomeOf(int wireOutcome)
{
    switch (wireOutcome) {
    case v1::CHECK_IN_ADMITTED:
        return CheckInService::Outcome::Admitted;
    case v1::CHECK_IN_ALREADY_ADMITTED:
        return CheckInService::Outcome::AlreadyAdmitted;
    case v1::CHECK_IN_WRONG_EVENT:
        return CheckInService::Outcome::WrongEvent;
    case v1::CHECK_IN_VOID:
        return CheckInService::Outcome::Void;
    default:
        return CheckInService::Outcome::Invalid;
    }
}

namespace {

// The request could not reach the server (or its answer could not come back): decide here.
bool unreachable(const ErrorInfo& error)
{
    return error.code == ErrorCode::ConnectionLost || error.code == ErrorCode::Timeout
        || error.code == ErrorCode::Unavailable;
}

} // namespace

CheckInService::CheckInService(LocalStore* store, SyncClient* sync, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync), m_checkIns(store),
      m_verifier([this](const QString& keyId) { return cachedKey(keyId); },
                 [this](const QByteArray& code) {
                     return m_checkIns.isConfirmedRevokedKeyCode(
                         QCryptographicHash::hash(code, QCryptographicHash::Sha256));
                 }),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<Result>();
    if (m_sync) {
        connect(m_sync, &SyncClient::connected, this, &CheckInService::onConnected);
        connect(m_sync, &SyncClient::disconnected, this, &CheckInService::onDisconnected);
        connect(m_sync, &SyncClient::checkInAnswered, this, &CheckInService::onAnswer);
        connect(m_sync, &SyncClient::requestFailed, this, &CheckInService::onFailed);
        connect(m_sync, &SyncClient::checkInsPushed, this, &CheckInService::onPush);
        m_online = m_sync->isConnected();
    }
}

CheckInService::~CheckInService() = default;

void CheckInService::setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

std::optional<tickets::CachedTicketKey> CheckInService::cachedKey(const QString& keyId)
{
    const auto info = m_store->ticketKey(keyId);
    if (!info)
        return std::nullopt;
    return tickets::CachedTicketKey{info->publicKey,        info->retiredAtMs, info->deviceId,
                                    info->certifiedByKeyId, info->certificate, info->validUntilMs,
                                    info->revokedAtMs};
}

bool CheckInService::isOnline() const { return m_online; }

void CheckInService::setEvent(const QString& eventId)
{
    m_eventId = eventId.toLower();
    Q_EMIT countsChanged();
    Q_EMIT flagsChanged();
    if (m_online && !m_eventId.isEmpty())
        watch(m_checkIns.watchCursor(m_eventId));
}

int CheckInService::admittedCount() { return m_eventId.isEmpty() ? 0 : m_checkIns.admittedCount(m_eventId); }
int CheckInService::queuedCount() { return m_checkIns.queuedCount(); }
QList<CheckInRow> CheckInService::flaggedDuplicates() { return m_checkIns.flaggedDuplicates(m_eventId); }
QList<CheckInRefusal> CheckInService::refusedUploads() { return m_checkIns.refusals(m_eventId); }

bool CheckInService::scan(const QString& code)
{
    if (m_eventId.isEmpty())
        return false;
    if (!m_online) {
        checkOffline(code);
        return true;
    }
    v1::Envelope request;
    auto* check = request.mutable_check_in();
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    check->set_idempotency_key(key.toStdString());
    check->set_event_id(m_eventId.toStdString());
    check->set_ticket_code(code.toStdString());
    check->set_gate(m_gate.toStdString());
    const quint64 id = m_sync->sendCheckIn(request);
    m_scans.insert(id, code);
    m_scanKeys.insert(id, key);
    QTimer::singleShot(m_fallbackTimeoutMs, this, [this, id] { fallBack(id); });
    return true;
}

void CheckInService::fallBack(quint64 requestId)
{
    const auto scan = m_scans.find(requestId);
    if (scan == m_scans.end())
        return; // answered
    const QString code = *scan;
    const QString key = m_scanKeys.take(requestId);
    m_scans.erase(scan);
    decideOffline(code, key);
}

CheckInService::Result CheckInService::checkOffline(const QString& code)
{
    return decideOffline(code, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

CheckInService::Result CheckInService::decideOffline(const QString& code, const QString& key)
{
    Result result;
    result.decidedOffline = true;
    const auto verified = m_verifier.verify(code);
    if (!verified.valid()) {
        result.outcome = Outcome::Invalid;
        result.detail = verified.message;
        return finish(result);
    }
    const QString ticketId = QString::fromStdString(verified.claims.ticketId);
    const QString eventId = QString::fromStdString(verified.claims.eventId);
    result.ticketId = ticketId;
    result.soldOffline = verified.deviceKey;
    if (eventId != m_eventId) {
        result.outcome = Outcome::WrongEvent;
        result.ticketEventTitle = m_checkIns.eventTitle(eventId);
        return finish(result);
    }
    if (m_checkIns.isVoid(ticketId)) {
        result.outcome = Outcome::Void;
        return finish(result);
    }
    if (const auto first = m_checkIns.countedAdmission(m_eventId, ticketId)) {
        result.outcome = Outcome::AlreadyAdmitted;
        result.first = *first;
        result.label = first->label;
        return finish(result);
    }
    CheckInRow row;
    row.key = key;
    row.ticketId = ticketId;
    row.eventId = m_eventId;
    row.deviceId = m_deviceId;
    row.gate = m_gate;
    row.staffUserId = m_staffUserId;
    row.checkedInAtMs = m_now();
    row.offline = true;
    v1::OfflineCheckIn upload;
    upload.set_idempotency_key(row.key.toStdString());
    upload.set_event_id(m_eventId.toStdString());
    upload.set_ticket_code(code.trimmed().toStdString());
    upload.set_gate(m_gate.toStdString());
    upload.set_checked_in_at_ms(row.checkedInAtMs);
    const std::string payload = upload.SerializeAsString();
    if (!m_checkIns.recordOffline(row, m_staffUserId,
                                  QByteArray(payload.data(), static_cast<qsizetype>(payload.size())))) {
        // Not stored means not admitted: the door must not let someone in it cannot account for.
        result.outcome = Outcome::Invalid;
        result.detail = tr("This device could not record the check-in. Try again.");
        return finish(result);
    }
    result.outcome = Outcome::Admitted;
    result.queued = true;
    Q_EMIT countsChanged();
    return finish(result);
}

CheckInService::Result CheckInService::finish(Result result)
{
    Q_EMIT resultReady(result);
    return result;
}

void CheckInService::onConnected()
{
    m_online = true;
    Q_EMIT onlineChanged(true);
    uploadQueued();
    if (!m_eventId.isEmpty())
        watch(m_checkIns.watchCursor(m_eventId));
}

void CheckInService::onDisconnected()
{
    m_watchRequest = 0;
    m_uploadRequest = 0;
    if (m_online) {
        m_online = false;
        Q_EMIT onlineChanged(false);
    }
}

void CheckInService::watch(quint64 afterCursor)
{
    v1::Envelope request;
    request.mutable_watch_check_ins()->set_event_id(m_eventId.toStdString());
    request.mutable_watch_check_ins()->set_after_cursor(afterCursor);
    m_watchRequest = m_sync->sendCheckIn(request);
}

void CheckInService::uploadQueued()
{
    if (!m_online || m_uploadRequest != 0)
        return;
    const auto entries = m_store->outbox(std::nullopt, QLatin1String(CheckInStore::kOutboxKind), kUploadBatch);
    if (entries.isEmpty())
        return;
    v1::Envelope request;
    for (const auto& entry : entries) {
        v1::OfflineCheckIn item;
        if (item.ParseFromArray(entry.payload.constData(), static_cast<int>(entry.payload.size())))
            *request.mutable_upload_check_ins()->add_check_ins() = item;
    }
    m_uploadRequest = m_sync->sendCheckIn(request);
}

void CheckInService::onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer)
{
    if (requestId == m_watchRequest && answer->has_check_in_batch()) {
        m_watchRequest = 0;
        applyBatch(*answer);
        if (answer->check_in_batch().has_more())
            watch(answer->check_in_batch().cursor());
        return;
    }
    if (requestId == m_uploadRequest && answer->has_check_in_results()) {
        m_uploadRequest = 0;
        int uploaded = 0;
        bool flagged = false;
        for (const auto& r : answer->check_in_results().results()) {
            const QString key = text(r.idempotency_key());
            const auto outcome = outcomeOf(r.outcome());
            std::optional<CheckInRefusal> refusal;
            if (outcome == Outcome::Void || outcome == Outcome::Invalid || outcome == Outcome::WrongEvent) {
                refusal = CheckInRefusal{key, text(r.ticket_id()), m_eventId, m_gate, m_now(), static_cast<int>(r.outcome()),
                                         text(r.message())};
                flagged = true;
            }
            if (r.has_admitted() && outcome == Outcome::AlreadyAdmitted)
                m_checkIns.applyServerRecord(rowOf(r.admitted()));
            flagged = flagged || r.duplicate_flagged();
            if (m_checkIns.settleUpload(key, static_cast<qint64>(r.check_in_id()), outcome == Outcome::Admitted,
                                        r.duplicate_flagged(), refusal))
                ++uploaded;
        }
        Q_EMIT countsChanged();
        if (flagged)
            Q_EMIT flagsChanged();
        Q_EMIT uploadFinished(uploaded);
        uploadQueued(); // the next thousand, if any
        return;
    }
    const auto scan = m_scans.find(requestId);
    if (scan == m_scans.end() || !answer->has_check_in_result())
        return;
    m_scans.erase(scan);
    m_scanKeys.remove(requestId);
    const auto& r = answer->check_in_result();
    Result result;
    result.outcome = outcomeOf(r.outcome());
    result.ticketId = text(r.ticket_id());
    result.soldOffline = r.sold_offline();
    result.ticketEventTitle = text(r.ticket_event_title());
    if (result.outcome == Outcome::Invalid)
        result.detail = text(r.message());
    if (r.has_admitted()) {
        // The door now knows this admission whether or not it watches the event.
        const auto row = rowOf(r.admitted());
        m_checkIns.applyServerRecord(row);
        result.first = row;
        result.label = row.label;
        if (result.outcome == Outcome::Admitted)
            Q_EMIT countsChanged();
    }
    finish(result);
}

void CheckInService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (requestId == m_watchRequest)
        m_watchRequest = 0;
    if (requestId == m_uploadRequest)
        m_uploadRequest = 0; // the entries stay in the outbox; the next reconnect sends them
    const auto scan = m_scans.find(requestId);
    if (scan == m_scans.end())
        return;
    if (unreachable(error)) {
        fallBack(requestId);
        return;
    }
    m_scans.erase(scan);
    m_scanKeys.remove(requestId);
    Result result;
    result.outcome = Outcome::Invalid;
    result.detail = error.code == ErrorCode::PermissionDenied
        ? tr("Only staff, organizers and admins can check tickets in.")
        : tr("The server refused the check-in: %1").arg(error.message);
    finish(result);
}

void CheckInService::onPush(std::shared_ptr<const v1::Envelope> push)
{
    applyBatch(*push);
}

void CheckInService::applyBatch(const v1::Envelope& envelope)
{
    const auto& batch = envelope.check_in_batch();
    const QString eventId = text(batch.event_id());
    QList<CheckInRow> records;
    bool flagged = false;
    for (const auto& record : batch.records()) {
        records << rowOf(record);
        flagged = flagged || record.duplicate_flagged();
    }
    QStringList voids;
    for (const auto& id : batch.voided_ticket_ids())
        voids << text(id);
    QList<QByteArray> confirmedCodes;
    for (const auto& digest : batch.confirmed_revoked_key_codes())
        confirmedCodes << QByteArray(digest.data(), static_cast<qsizetype>(digest.size()));
    m_checkIns.applyWatchBatch(eventId, records, voids, confirmedCodes, batch.cursor());
    if (eventId == m_eventId) {
        Q_EMIT countsChanged();
        if (flagged)
            Q_EMIT flagsChanged();
    }
}

} // namespace marquee::client
