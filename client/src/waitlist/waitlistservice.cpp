// WaitlistService implementation: requests, the cache, offer detection and the countdown tick.
#include "waitlist/waitlistservice.h"

#include "net/bookingcodec.h"
#include "net/syncclient.h"
#include "services/accountservice.h"
#include "store/localstore.h"

#include <QDateTime>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace marquee::client {

namespace {

bool isOpen(const WaitlistEntryInfo& e)
{
    return e.status == WaitlistStatus::Waiting || e.status == WaitlistStatus::Offered;
}

// Open entries first, then newest first (the order ListWaitlist answers in).
void sortEntries(QList<WaitlistEntryInfo>& entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const WaitlistEntryInfo& a, const WaitlistEntryInfo& b) {
        if (isOpen(a) != isOpen(b))
            return isOpen(a);
        return a.createdAtMs > b.createdAtMs;
    });
}

} // namespace

WaitlistService::WaitlistService(LocalStore* store, SyncClient* sync, AccountService* account, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync), m_account(account),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<WaitlistEntryInfo>();
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &WaitlistService::tick);
    connect(m_sync, &SyncClient::waitlistEntryReceived, this, &WaitlistService::onEntry);
    connect(m_sync, &SyncClient::waitlistListReceived, this, &WaitlistService::onList);
    connect(m_sync, &SyncClient::requestFailed, this, &WaitlistService::onFailed);
    connect(m_sync, &SyncClient::connected, this, &WaitlistService::refresh);
    connect(m_account, &AccountService::sessionChanged, this, [this] {
        m_joinRequest = 0;
        m_leaveRequests.clear();
        m_listRequest = 0;
        loadFromCache();
    });
    loadFromCache();
}

void WaitlistService::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
}

bool WaitlistService::canSend() const
{
    return m_account->isLoggedIn() && m_sync->isConnected() && m_sync->hello().userId == m_account->userId();
}

bool WaitlistService::join(const QString& eventId, const QString& priceCategoryId, int seats)
{
    if (!m_account->isLoggedIn()) {
        Q_EMIT joinFailed(Problem::NotLoggedIn, tr("Log in to join the waitlist."));
        return false;
    }
    if (!canSend()) {
        Q_EMIT joinFailed(Problem::Offline, tr("You are offline. Join the waitlist once the connection is back."));
        return false;
    }
    // A fresh key per attempt: a retry after a lost answer is refused as "already waiting",
    // which is reported as joined.
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_joinRequest = m_sync->joinWaitlist(key, eventId, priceCategoryId, static_cast<quint32>(std::max(seats, 0)));
    return true;
}

bool WaitlistService::leave(const QString& entryId)
{
    if (!canSend()) {
        Q_EMIT leaveFailed(entryId, tr("You are offline. Leave the waitlist once the connection is back."));
        return false;
    }
    m_leaveRequests.insert(m_sync->leaveWaitlist(entryId), entryId);
    return true;
}

void WaitlistService::refresh()
{
    if (canSend() && m_listRequest == 0)
        m_listRequest = m_sync->listWaitlist();
}

std::optional<WaitlistEntryInfo> WaitlistService::entry(const QString& entryId) const
{
    for (const auto& e : m_entries)
        if (e.id == entryId)
            return e;
    return std::nullopt;
}

QList<WaitlistEntryInfo> WaitlistService::openEntries(const QString& eventId) const
{
    QList<WaitlistEntryInfo> out;
    for (const auto& e : m_entries)
        if (isOpen(e) && e.eventId.compare(eventId, Qt::CaseInsensitive) == 0)
            out.append(e);
    return out;
}

int WaitlistService::remainingSeconds(const WaitlistEntryInfo& entry) const
{
    if (entry.status != WaitlistStatus::Offered)
        return 0;
    const qint64 left = entry.offerExpiresAtMs - m_now();
    return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

QString WaitlistService::statusText(const WaitlistEntryInfo& entry)
{
    switch (entry.status) {
    case WaitlistStatus::Waiting:
        return entry.position > 0 ? tr("Waiting — number %1 in line").arg(entry.position) : tr("Waiting");
    case WaitlistStatus::Offered:
        return tr("Seats offered to you");
    case WaitlistStatus::Accepted:
        return tr("Booked");
    case WaitlistStatus::Expired:
        return tr("Offer lapsed");
    case WaitlistStatus::Left:
        return tr("Left the waitlist");
    case WaitlistStatus::Unspecified:
        break;
    }
    return tr("Unknown");
}

void WaitlistService::notifyBatchApplied(const BatchResult& result)
{
    if (!result.waitlistChanged && !result.reset)
        return;
    loadFromCache();
    // The cached positions are as of each entry's last change: ask for today's.
    refresh();
}

void WaitlistService::loadFromCache()
{
    QList<WaitlistEntryInfo> entries;
    if (m_account->isLoggedIn())
        for (const QByteArray& payload : m_store->waitlistPayloads(m_account->userId()))
            if (auto e = decodeWaitlistEntryPayload(payload))
                entries.append(*e);
    // Keep the fresher positions of a ListWaitlist answer for entries that did not change.
    for (auto& e : entries)
        if (const auto known = entry(e.id); known && known->status == e.status && e.status == WaitlistStatus::Waiting)
            e.position = known->position;
    setEntries(std::move(entries));
}

void WaitlistService::setEntries(QList<WaitlistEntryInfo> entries)
{
    sortEntries(entries);
    QSet<QString> knownOffers;
    for (const auto& e : m_entries)
        if (e.status == WaitlistStatus::Offered)
            knownOffers.insert(e.holdId);
    m_entries = std::move(entries);
    bool offerOpen = false;
    QList<WaitlistEntryInfo> newOffers;
    for (const auto& e : m_entries) {
        if (e.status != WaitlistStatus::Offered)
            continue;
        offerOpen = true;
        if (!knownOffers.contains(e.holdId))
            newOffers.append(e);
    }
    if (offerOpen && !m_ticker.isActive())
        m_ticker.start();
    else if (!offerOpen)
        m_ticker.stop();
    Q_EMIT entriesChanged();
    for (const auto& e : newOffers)
        Q_EMIT offerReceived(e);
}

void WaitlistService::onEntry(quint64 requestId, const WaitlistEntryInfo& answer)
{
    const bool isJoin = requestId == m_joinRequest;
    if (!isJoin && !m_leaveRequests.contains(requestId))
        return;
    if (isJoin)
        m_joinRequest = 0;
    m_leaveRequests.remove(requestId);
    auto entries = m_entries;
    const auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.id == answer.id; });
    if (it != entries.end())
        *it = answer;
    else
        entries.append(answer);
    setEntries(std::move(entries));
    if (isJoin)
        Q_EMIT joined(answer);
}

void WaitlistService::onList(quint64 requestId, const QList<WaitlistEntryInfo>& entries)
{
    if (requestId != m_listRequest)
        return;
    m_listRequest = 0;
    setEntries(entries);
}

void WaitlistService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (requestId == m_listRequest) {
        m_listRequest = 0; // the cached entries stand
        return;
    }
    if (m_leaveRequests.contains(requestId)) {
        const QString entryId = m_leaveRequests.take(requestId);
        QString text = tr("You could not leave the waitlist: %1").arg(error.message);
        if (error.details.value(QStringLiteral("reason")) == QLatin1String("order_pending"))
            text = tr("An order is being paid from this offer; it cannot be left now.");
        else if (error.code == ErrorCode::PermissionDenied)
            text = tr("This waitlist entry is not yours.");
        Q_EMIT leaveFailed(entryId, text);
        refresh();
        return;
    }
    if (requestId != m_joinRequest)
        return;
    m_joinRequest = 0;
    const QString reason = error.details.value(QStringLiteral("reason"));
    if (error.code == ErrorCode::AlreadyExists) {
        refresh();
        Q_EMIT joinFailed(Problem::AlreadyWaiting, tr("You are already on the waitlist for this event and category."));
    } else if (reason == QLatin1String("not_sold_out")) {
        Q_EMIT joinFailed(Problem::NotSoldOut,
                          error.details.value(QStringLiteral("apart")) == QLatin1String("true")
                              ? tr("Enough seats are still free, though not side by side. Pick them on the seat map.")
                              : tr("Enough seats are still free. Hold them now instead of waiting."));
    } else if (reason == QLatin1String("no_seat_map")) {
        Q_EMIT joinFailed(Problem::NoSeatMap, tr("This event has no seat map, so it has no waitlist."));
    } else if (reason == QLatin1String("event_cancelled") || reason == QLatin1String("event_over")) {
        Q_EMIT joinFailed(Problem::EventClosed, tr("This event is cancelled or over."));
    } else if (error.details.contains(QStringLiteral("capacity"))) {
        Q_EMIT joinFailed(Problem::InvalidInput, tr("The event has only %n seat(s) in this category.", nullptr,
                                                    error.details.value(QStringLiteral("capacity")).toInt()));
    } else if (error.code == ErrorCode::InvalidArgument) {
        Q_EMIT joinFailed(Problem::InvalidInput, tr("The waitlist request was refused: %1").arg(error.message));
    } else if (error.code == ErrorCode::Unauthenticated) {
        Q_EMIT joinFailed(Problem::NotLoggedIn, tr("Log in to join the waitlist."));
    } else if (error.code == ErrorCode::Timeout || error.code == ErrorCode::ConnectionLost) {
        Q_EMIT joinFailed(Problem::Offline, tr("The connection dropped. Try again when it is back."));
    } else {
        Q_EMIT joinFailed(Problem::Failed, tr("Joining the waitlist failed: %1").arg(error.message));
    }
}

} // namespace marquee::client
