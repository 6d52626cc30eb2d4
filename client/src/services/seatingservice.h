// SeatingService: seat maps for the UI. Layouts come from the local cache (synced through the
// change log); live seat status comes from a SubscribeSeats subscription (snapshot, then
// deltas with a gap-free status_seq; a gap or a reconnect resubscribes). Organizer requests
// (block seats, save and fetch layouts) answer through signals carrying the request id.
#pragma once

#include "net/seatingcodec.h"
#include "store/records.h"

#include <QObject>

#include <memory>
#include <optional>

namespace marquee::core::seating {
struct Layout;
}

namespace marquee::client {

class LocalStore;
class SyncClient;

class SeatingService : public QObject {
    Q_OBJECT
public:
    SeatingService(LocalStore* store, SyncClient* sync, QObject* parent = nullptr);

    // The layout version the event sells, from the cache; nullptr when none is synced (or
    // the stored copy is unreadable: *error says why).
    std::shared_ptr<const core::seating::Layout> layoutForEvent(const QString& eventId, QString* error = nullptr) const;
    std::optional<EventLayoutPin> eventLayoutPin(const QString& eventId) const;
    // Every cached layout lineage at its newest version, newest save first (unreadable
    // copies are left out).
    QList<LayoutSummary> layoutSummaries() const;

    // Live status of one event at a time (the server keeps one seat subscription per
    // connection): subscribing to another event replaces the previous subscription.
    void subscribe(const QString& eventId);
    void unsubscribe();
    QString subscribedEvent() const { return m_eventId; }
    bool isLive() const { return m_live; }
    std::uint64_t statusSeq() const { return m_seq; }
    int resubscribeCount() const { return m_resubscribes; } // gaps and reconnects so far

    // Organizer (own events) / admin. Seat ids are the layout's stable ids.
    quint64 setSeatsBlocked(const QString& eventId, const QStringList& seatIds, bool blocked);
    quint64 saveLayout(const core::seating::Layout& layout, std::uint32_t baseVersion);
    quint64 getLayout(const QString& layoutId, std::uint32_t version = 0);

public Q_SLOTS:
    // A batch was applied: layouts or pins may have changed.
    void notifyBatchApplied(const marquee::client::BatchResult& result);

Q_SIGNALS:
    void layoutsChanged();
    // A full status for the subscribed event (after subscribe, a gap or a reconnect).
    void snapshotReceived(const marquee::client::SeatSnapshotInfo& snapshot);
    // The next delta in sequence for the subscribed event.
    void deltaReceived(const marquee::client::SeatDeltaInfo& delta);
    // Live status became available (snapshot) or unavailable (disconnected, refused).
    void liveChanged(bool live);
    void subscriptionFailed(const QString& eventId, const marquee::client::ErrorInfo& error);

    void seatsBlockedDone(quint64 requestId);
    void layoutSaved(quint64 requestId, const QString& layoutId, quint32 version);
    void layoutFetched(quint64 requestId, std::shared_ptr<const marquee::core::seating::Layout> layout);
    // Any of the three requests above failed (details name the refused seats or problems).
    void requestFailed(quint64 requestId, const marquee::client::ErrorInfo& error);

private:
    enum class Pending { Block, Save, Fetch };
    void sendSubscribe();
    void resubscribe();
    void setLive(bool live);
    void onSnapshot(quint64 requestId, const SeatSnapshotInfo& snapshot);
    void onDelta(const SeatDeltaInfo& delta);
    void onAck(quint64 requestId, const AckInfo& ack);
    void onFailed(quint64 requestId, const ErrorInfo& error);

    LocalStore* m_store;
    SyncClient* m_sync;
    QString m_eventId;        // subscribed event (lower case, as the server keys it)
    quint64 m_subscribeRequest = 0;
    bool m_live = false;
    std::uint64_t m_seq = 0;
    int m_resubscribes = 0;
    std::vector<SeatDeltaInfo> m_early; // deltas that overtook the snapshot
    QHash<quint64, Pending> m_pending;
};

} // namespace marquee::client
