// WaitlistService: the signed-in user's waitlist entries. Joins and leaves over SyncClient,
// keeps the list from the cache (the change log brings every entry change, offers included,
// so it works offline) refreshed with ListWaitlist for current queue positions, and ticks
// once a second while an offer is open so the UI can count it down.
#pragma once

#include "store/records.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace marquee::client {

class AccountService;
class LocalStore;
class SyncClient;

class WaitlistService : public QObject {
    Q_OBJECT
public:
    enum class Problem { None, Offline, NotLoggedIn, NotSoldOut, AlreadyWaiting, NoSeatMap, EventClosed, InvalidInput,
                         Failed };
    Q_ENUM(Problem)

    WaitlistService(LocalStore* store, SyncClient* sync, AccountService* account, QObject* parent = nullptr);

    // Tests drive time; default: the system clock (ms since the epoch).
    void setClock(std::function<qint64()> nowMs);
    qint64 now() const { return m_now(); }

    // JoinWaitlist; answered by joined() or joinFailed(). priceCategoryId empty: any category.
    // False (and joinFailed) when it could not be sent.
    bool join(const QString& eventId, const QString& priceCategoryId, int seats);
    // LeaveWaitlist; answered by entriesChanged() or leaveFailed().
    bool leave(const QString& entryId);
    // ListWaitlist when online (fresh positions); offline the cached entries stand.
    void refresh();

    // Open entries first, then newest first.
    QList<WaitlistEntryInfo> entries() const { return m_entries; }
    std::optional<WaitlistEntryInfo> entry(const QString& entryId) const;
    // The user's open (waiting or offered) entries for an event.
    QList<WaitlistEntryInfo> openEntries(const QString& eventId) const;
    // Seconds until an offer lapses (0 when lapsed or not an offer).
    int remainingSeconds(const WaitlistEntryInfo& entry) const;

    static QString statusText(const WaitlistEntryInfo& entry);

public Q_SLOTS:
    // A change-log batch was applied: reread the cache when it touched waitlist entries.
    void notifyBatchApplied(const marquee::client::BatchResult& result);

Q_SIGNALS:
    void entriesChanged();
    void joined(const marquee::client::WaitlistEntryInfo& entry);
    void joinFailed(marquee::client::WaitlistService::Problem problem, const QString& text);
    void leaveFailed(const QString& entryId, const QString& text);
    // An entry became an offer (live, or found on refresh): seats are held for the user.
    void offerReceived(const marquee::client::WaitlistEntryInfo& entry);
    // Once a second while an offer is open (for countdowns).
    void tick();

private:
    void setEntries(QList<WaitlistEntryInfo> entries);
    void loadFromCache();
    void onEntry(quint64 requestId, const WaitlistEntryInfo& entry);
    void onList(quint64 requestId, const QList<WaitlistEntryInfo>& entries);
    void onFailed(quint64 requestId, const ErrorInfo& error);
    bool canSend() const;

    LocalStore* m_store;
    SyncClient* m_sync;
    AccountService* m_account;
    std::function<qint64()> m_now;
    QTimer m_ticker;
    QList<WaitlistEntryInfo> m_entries;
    quint64 m_joinRequest = 0;
    QHash<quint64, QString> m_leaveRequests; // request -> entry id
    quint64 m_listRequest = 0;
};

} // namespace marquee::client
