// SeatingService implementation: cache lookups, the subscription state machine, requests.
#include "services/seatingservice.h"

#include "net/seatingcodec.h"
#include "net/syncclient.h"
#include "store/localstore.h"

#include <QLoggingCategory>
#include <QUuid>

#include <algorithm>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcSeating, "marquee.seating")

namespace {

QString newKey() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

} // namespace

SeatingService::SeatingService(LocalStore* store, SyncClient* sync, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync)
{
    qRegisterMetaType<SeatSnapshotInfo>();
    qRegisterMetaType<SeatDeltaInfo>();
    connect(m_sync, &SyncClient::seatSnapshotReceived, this, &SeatingService::onSnapshot);
    connect(m_sync, &SyncClient::seatDeltaReceived, this, &SeatingService::onDelta);
    connect(m_sync, &SyncClient::ackReceived, this, &SeatingService::onAck);
    connect(m_sync, &SyncClient::requestFailed, this, &SeatingService::onFailed);
    connect(m_sync, &SyncClient::layoutReceived, this, [this](quint64 id, std::shared_ptr<const core::seating::Layout> l) {
        if (m_pending.take(id) == Pending::Fetch)
            Q_EMIT layoutFetched(id, std::move(l));
    });
    // A new connection has no subscription on the server side: subscribe again.
    connect(m_sync, &SyncClient::connected, this, [this] {
        if (!m_eventId.isEmpty())
            resubscribe();
    });
    connect(m_sync, &SyncClient::disconnected, this, [this] {
        m_subscribeRequest = 0;
        setLive(false);
    });
}

std::optional<EventLayoutPin> SeatingService::eventLayoutPin(const QString& eventId) const
{
    return m_store->eventLayout(eventId.toLower());
}

std::shared_ptr<const core::seating::Layout> SeatingService::layoutForEvent(const QString& eventId, QString* error) const
{
    const auto pin = eventLayoutPin(eventId);
    if (!pin)
        return nullptr;
    const auto payload = m_store->layoutPayload(QString::fromStdString(pin->layoutId), pin->version);
    if (!payload) {
        if (error)
            *error = tr("The seat map for this event has not been synced yet.");
        return nullptr;
    }
    return decodeLayoutPayload(*payload, error);
}

QList<LayoutSummary> SeatingService::layoutSummaries() const
{
    QList<LayoutSummary> summaries;
    for (const QByteArray& payload : m_store->newestLayoutPayloads())
        if (auto summary = summariseLayoutPayload(payload))
            summaries << std::move(*summary);
    std::sort(summaries.begin(), summaries.end(), [](const LayoutSummary& a, const LayoutSummary& b) {
        return a.savedAtMs != b.savedAtMs ? a.savedAtMs > b.savedAtMs : a.name < b.name;
    });
    return summaries;
}

void SeatingService::notifyBatchApplied(const BatchResult& result)
{
    if (result.seatingChanged || result.reset)
        Q_EMIT layoutsChanged();
}

void SeatingService::subscribe(const QString& eventId)
{
    const QString id = eventId.toLower();
    if (id == m_eventId && (m_live || m_subscribeRequest != 0))
        return;
    m_eventId = id;
    m_seq = 0;
    m_early.clear();
    setLive(false);
    sendSubscribe();
}

void SeatingService::unsubscribe()
{
    if (m_eventId.isEmpty())
        return;
    if (m_sync->isConnected())
        m_sync->unsubscribeSeats(m_eventId);
    m_eventId.clear();
    m_subscribeRequest = 0;
    m_early.clear();
    setLive(false);
}

void SeatingService::sendSubscribe()
{
    if (!m_sync->isConnected()) {
        m_subscribeRequest = 0; // SyncClient::connected subscribes
        return;
    }
    m_subscribeRequest = m_sync->subscribeSeats(m_eventId);
}

void SeatingService::resubscribe()
{
    ++m_resubscribes;
    m_early.clear();
    sendSubscribe();
}

void SeatingService::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    Q_EMIT liveChanged(live);
}

void SeatingService::onSnapshot(quint64 requestId, const SeatSnapshotInfo& snapshot)
{
    if (requestId != m_subscribeRequest || snapshot.eventId.toLower() != m_eventId)
        return; // an answer to a subscription since replaced
    m_subscribeRequest = 0;
    m_seq = snapshot.statusSeq;
    Q_EMIT snapshotReceived(snapshot);
    setLive(true);
    // Deltas that arrived while the snapshot was on its way: the newer ones still apply.
    std::vector<SeatDeltaInfo> early = std::exchange(m_early, {});
    for (const SeatDeltaInfo& delta : early)
        onDelta(delta);
}

void SeatingService::onDelta(const SeatDeltaInfo& delta)
{
    if (m_eventId.isEmpty() || delta.eventId.toLower() != m_eventId)
        return;
    if (m_subscribeRequest != 0) {
        m_early.push_back(delta);
        return;
    }
    if (!m_live)
        return;
    if (delta.statusSeq <= m_seq)
        return; // already contained in the snapshot
    if (delta.statusSeq != m_seq + 1) {
        // A delta went missing: the map would be wrong from here on. Start over.
        qCInfo(lcSeating) << "seat status gap for" << m_eventId << ": have" << m_seq << "got" << delta.statusSeq;
        setLive(false);
        resubscribe();
        return;
    }
    m_seq = delta.statusSeq;
    Q_EMIT deltaReceived(delta);
}

quint64 SeatingService::setSeatsBlocked(const QString& eventId, const QStringList& seatIds, bool blocked)
{
    const quint64 id = m_sync->setSeatsBlocked(newKey(), eventId, seatIds, blocked);
    m_pending.insert(id, Pending::Block);
    return id;
}

quint64 SeatingService::saveLayout(const core::seating::Layout& layout, std::uint32_t baseVersion)
{
    const quint64 id = m_sync->saveLayout(newKey(), layout, baseVersion);
    m_pending.insert(id, Pending::Save);
    return id;
}

quint64 SeatingService::getLayout(const QString& layoutId, std::uint32_t version)
{
    const quint64 id = m_sync->getLayout(layoutId, version);
    m_pending.insert(id, Pending::Fetch);
    return id;
}

void SeatingService::onAck(quint64 requestId, const AckInfo& ack)
{
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return;
    const Pending kind = *it;
    m_pending.erase(it);
    if (kind == Pending::Block) {
        Q_EMIT seatsBlockedDone(requestId);
    } else if (kind == Pending::Save) {
        const qsizetype at = ack.id.lastIndexOf(QLatin1Char('@'));
        Q_EMIT layoutSaved(requestId, ack.id.left(at), at < 0 ? 0U : ack.id.mid(at + 1).toUInt());
    }
}

void SeatingService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (requestId != 0 && requestId == m_subscribeRequest) {
        m_subscribeRequest = 0;
        setLive(false);
        // A lost connection resubscribes on reconnect; a refusal (no such event) is final.
        if (error.code != ErrorCode::ConnectionLost && error.code != ErrorCode::Timeout)
            Q_EMIT subscriptionFailed(m_eventId, error);
        else if (error.code == ErrorCode::Timeout && m_sync->isConnected())
            resubscribe();
        return;
    }
    if (m_pending.remove(requestId) > 0)
        Q_EMIT requestFailed(requestId, error);
}

} // namespace marquee::client
