// CheckInService: check-in at a door (issue 7; docs/boxoffice.md "Check-in"). Online the
// server decides (CheckIn); when the request cannot reach it, or while offline, the device
// decides itself: the signature against its cached keys, its admitted set (its own and other
// devices' admissions from WatchCheckIns) and the voided tickets it knows; offline admissions
// go to the SQLite outbox and are uploaded on reconnect, and the duplicates found then are
// listed for staff.
#pragma once

#include "checkin/checkinstore.h"
#include "tickets/ticketverifier.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace marquee::v1 {
class Envelope;
}

namespace marquee::client {

class LocalStore;
class SyncClient;

class CheckInService : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Admitted, AlreadyAdmitted, WrongEvent, Void, Invalid };
    Q_ENUM(Outcome)

    // What the door shows for one scan.
    struct Result {
        Outcome outcome = Outcome::Invalid;
        QString ticketId;
        bool decidedOffline = false;     // this device decided (no server answer)
        bool queued = false;             // an offline admission waiting for upload
        bool soldOffline = false;        // signed by a certified box-office device key
        CheckInRow first;                // AlreadyAdmitted: the admission that counts
        QString ticketEventTitle;        // WrongEvent: the ticket's event ("" when unknown)
        QString label;                   // the seat, when known
        QString detail;                  // translated reason (Invalid) or the server's note
    };

    CheckInService(LocalStore* store, SyncClient* sync, QObject* parent = nullptr);
    // A v1::CheckInOutcome as an Outcome (unknown values: Invalid).
    static Outcome outcomeOf(int wireOutcome);
    ~CheckInService() override;

    // Tests and the benchmark drive time; default: the system clock (ms since the epoch).
    void setClock(std::function<qint64()> nowMs);
    void setDeviceId(const QString& deviceId) { m_deviceId = deviceId; }
    void setStaffUserId(qint64 userId) { m_staffUserId = userId; }

    // The event this door admits to (watched live while online) and the gate name.
    void setEvent(const QString& eventId);
    QString eventId() const { return m_eventId; }
    void setGate(const QString& gate) { m_gate = gate; }
    void setFallbackTimeoutMs(int ms) { m_fallbackTimeoutMs = ms; }
    QString gate() const { return m_gate; }

    // Online: CheckIn, answered by resultReady; a request that fails to reach the server, or
    // gets no answer within fallbackTimeoutMs, is decided offline under the same idempotency
    // key (so an upload of it replays the server's answer if the CheckIn did arrive).
    // Offline: checkOffline at once. Returns false when no event is set.
    bool scan(const QString& code);
    // The device's own decision, recorded (outbox) when it admits. Emits resultReady too.
    Result checkOffline(const QString& code);

    QList<DoorEvent> doorEvents() { return m_checkIns.doorEvents(m_now()); }
    bool isOnline() const;
    int admittedCount();
    int queuedCount();
    QList<CheckInRow> flaggedDuplicates();
    QList<CheckInRefusal> refusedUploads();
    // Uploads queued offline admissions now (also done on every reconnect).
    void uploadQueued();

Q_SIGNALS:
    void resultReady(const marquee::client::CheckInService::Result& result);
    void countsChanged();        // admitted or queued changed
    void flagsChanged();         // a duplicate or a refused upload to show staff
    void onlineChanged(bool online);
    void uploadFinished(int uploaded);

private:
    void onConnected();
    void onDisconnected();
    void onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer);
    void onFailed(quint64 requestId, const ErrorInfo& error);
    void onPush(std::shared_ptr<const v1::Envelope> push);
    void watch(quint64 afterCursor);
    void applyBatch(const v1::Envelope& envelope);
    Result decideOffline(const QString& code, const QString& key);
    void fallBack(quint64 requestId);
    Result finish(Result result);
    std::optional<tickets::CachedTicketKey> cachedKey(const QString& keyId);

    LocalStore* m_store;
    SyncClient* m_sync;
    CheckInStore m_checkIns;
    tickets::TicketVerifier m_verifier;
    std::function<qint64()> m_now;
    QString m_deviceId;
    qint64 m_staffUserId = 0;
    QString m_eventId;
    QString m_gate;
    QHash<quint64, QString> m_scans; // CheckIn request -> the code (for the offline fallback)
    QHash<quint64, QString> m_scanKeys; // CheckIn request -> its idempotency key
    quint64 m_watchRequest = 0;
    quint64 m_uploadRequest = 0;
    bool m_online = false;
    int m_fallbackTimeoutMs = 3000; // a door cannot keep a queue waiting longer
};

} // namespace marquee::client

Q_DECLARE_METATYPE(marquee::client::CheckInService::Result)
