// CheckInStore: the door device's check-in tables in the LocalStore file (schema step 10): the
// admissions it knows of (its own and other devices'), voided tickets, the WatchCheckIns cursor,
// refused uploads, and offline admissions written together with their outbox entry.
#pragma once

#include "store/records.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace marquee::client {

class LocalStore;

// One admission as the door device keeps it.
struct CheckInRow {
    QString key;              // own: the idempotency key; other devices': "server:<check_in_id>"
    qint64 serverId = 0;      // the server's check-in id (0: not uploaded yet)
    QString ticketId;
    QString eventId;
    QString deviceId;
    QString gate;
    qint64 staffUserId = 0;
    qint64 checkedInAtMs = 0;
    bool offline = false;
    bool counted = true;      // the admission that counts for its ticket
    bool flagged = false;     // a duplicate staff must look at
    QString label;
    QString holderName;
};

// An offline admission the server refused on upload (void, invalid, wrong event).
struct CheckInRefusal {
    QString key;
    QString ticketId;
    QString eventId;
    QString gate;
    qint64 checkedInAtMs = 0;
    int outcome = 0;          // v1::CheckInOutcome
    QString reason;           // the server's message
};

// An event a door can admit to.
struct DoorEvent {
    QString id;
    QString title;
    qint64 startsAtMs = 0;
};

class CheckInStore {
public:
    static constexpr const char* kOutboxKind = "checkin";

    explicit CheckInStore(LocalStore* store);

    // The admission that counts for the ticket at the event, if this device knows one.
    std::optional<CheckInRow> countedAdmission(const QString& eventId, const QString& ticketId);
    bool isVoid(const QString& ticketId);
    // Is `codeSha256` the digest of a confirmed sale's ticket signed by a revoked device key
    // (CheckInBatch.confirmed_revoked_key_codes)? The only such tickets a door admits offline.
    bool isConfirmedRevokedKeyCode(const QByteArray& codeSha256);
    QString eventTitle(const QString& eventId); // "" when not cached
    // Cached events starting from a day before `nowMs` on, soonest first (at most 200).
    QList<DoorEvent> doorEvents(qint64 nowMs);
    int admittedCount(const QString& eventId);  // tickets with a counted admission
    QList<CheckInRow> flaggedDuplicates(const QString& eventId);
    QList<CheckInRefusal> refusals(const QString& eventId);
    int queuedCount(); // offline admissions not uploaded yet

    // An offline admission: its row and its outbox entry (payload: v1::OfflineCheckIn) in one
    // transaction (synchronous=FULL: once this returns true it survives a power cut).
    bool recordOffline(const CheckInRow& row, qint64 userId, const QByteArray& outboxPayload);
    // A record from the server (a CheckIn answer or WatchCheckIns): updates the row with the
    // same server id (this device's own, once uploaded), else stores it as another device's.
    bool applyServerRecord(const CheckInRow& row);
    // A WatchCheckIns batch: records, voided tickets, confirmed codes of revoked keys and the
    // new cursor, one transaction.
    bool applyWatchBatch(const QString& eventId, const QList<CheckInRow>& records, const QStringList& voidedTicketIds,
                         const QList<QByteArray>& confirmedRevokedKeyCodes, quint64 cursor);
    quint64 watchCursor(const QString& eventId);
    // The upload answer for one own offline admission: its server id and state, or (refused)
    // a refusal instead of a counted row; the outbox entry goes in the same transaction.
    bool settleUpload(const QString& key, qint64 serverId, bool counted, bool flagged,
                      const std::optional<CheckInRefusal>& refusal);

private:
    bool upsertServerRecordLocked(const CheckInRow& row);

    LocalStore* m_store;
};

} // namespace marquee::client
