// CheckInStore: SQL over the check-in tables of schema step 10 (store/localstore.cpp).
#include "checkin/checkinstore.h"

#include "store/localstore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace marquee::client {

namespace {

Q_LOGGING_CATEGORY(lcCheckInStore, "marquee.checkin.store")

constexpr const char* kRowColumns = "key, server_id, ticket_id, event_id, device_id, gate, staff_user_id, "
                                    "checked_in_at, offline, counted, flagged, label, holder_name";

CheckInRow rowAt(const QSqlQuery& q)
{
    CheckInRow row;
    row.key = q.value(0).toString();
    row.serverId = q.value(1).toLongLong();
    row.ticketId = q.value(2).toString();
    row.eventId = q.value(3).toString();
    row.deviceId = q.value(4).toString();
    row.gate = q.value(5).toString();
    row.staffUserId = q.value(6).toLongLong();
    row.checkedInAtMs = q.value(7).toLongLong();
    row.offline = q.value(8).toBool();
    row.counted = q.value(9).toBool();
    row.flagged = q.value(10).toBool();
    row.label = q.value(11).toString();
    row.holderName = q.value(12).toString();
    return row;
}

bool run(QSqlQuery& q)
{
    if (q.exec())
        return true;
    qCWarning(lcCheckInStore) << "SQL failed:" << q.lastQuery() << q.lastError().text();
    return false;
}

// Never a null QString: QtSql binds it as SQL NULL, and the columns are NOT NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

void bindRow(QSqlQuery& q, const CheckInRow& row, int source)
{
    q.addBindValue(text(row.key));
    q.addBindValue(source);
    q.addBindValue(row.serverId);
    q.addBindValue(text(row.ticketId));
    q.addBindValue(text(row.eventId));
    q.addBindValue(text(row.deviceId));
    q.addBindValue(text(row.gate));
    q.addBindValue(row.staffUserId);
    q.addBindValue(row.checkedInAtMs);
    q.addBindValue(row.offline ? 1 : 0);
    q.addBindValue(row.counted ? 1 : 0);
    q.addBindValue(row.flagged ? 1 : 0);
    q.addBindValue(text(row.label));
    q.addBindValue(text(row.holderName));
}

const QString kInsertRow = QStringLiteral(
    "INSERT OR REPLACE INTO check_ins(key, source, server_id, ticket_id, event_id, device_id, gate, staff_user_id, "
    "checked_in_at, offline, counted, flagged, label, holder_name) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");

// A transaction on the store's connection; rolled back unless committed.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db) : m_db(std::move(db))
    {
        // IMMEDIATE: the sync worker writes to the same file from its own connection.
        QSqlQuery begin(m_db);
        m_open = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_open)
            qCWarning(lcCheckInStore) << "BEGIN failed:" << begin.lastError().text();
    }
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    bool isOpen() const { return m_open; }
    bool commit()
    {
        m_open = false;
        return m_db.commit();
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

CheckInStore::CheckInStore(LocalStore* store) : m_store(store) {}

std::optional<CheckInRow> CheckInStore::countedAdmission(const QString& eventId, const QString& ticketId)
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT %1 FROM check_ins WHERE event_id=? AND ticket_id=? AND counted=1 "
                             "ORDER BY checked_in_at LIMIT 1")
                  .arg(QLatin1String(kRowColumns)));
    q.addBindValue(eventId);
    q.addBindValue(ticketId);
    if (!run(q) || !q.next())
        return std::nullopt;
    return rowAt(q);
}

bool CheckInStore::isVoid(const QString& ticketId)
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT 1 FROM check_in_voids WHERE ticket_id=?"));
    q.addBindValue(ticketId);
    return run(q) && q.next();
}

bool CheckInStore::isConfirmedRevokedKeyCode(const QByteArray& codeSha256)
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT 1 FROM check_in_confirmed_codes WHERE code_sha256=?"));
    q.addBindValue(codeSha256);
    return run(q) && q.next();
}

QString CheckInStore::eventTitle(const QString& eventId)
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT title FROM events WHERE id=?"));
    q.addBindValue(eventId);
    return run(q) && q.next() ? q.value(0).toString() : QString();
}

QList<DoorEvent> CheckInStore::doorEvents(qint64 nowMs)
{
    QList<DoorEvent> out;
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT id, title, starts_at FROM events WHERE starts_at >= ? ORDER BY starts_at, title LIMIT 200"));
    q.addBindValue(nowMs - 24LL * 60 * 60 * 1000);
    if (run(q))
        while (q.next())
            out << DoorEvent{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
    return out;
}

int CheckInStore::admittedCount(const QString& eventId)
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT count(DISTINCT ticket_id) FROM check_ins WHERE event_id=? AND counted=1"));
    q.addBindValue(eventId);
    return run(q) && q.next() ? q.value(0).toInt() : 0;
}

QList<CheckInRow> CheckInStore::flaggedDuplicates(const QString& eventId)
{
    QList<CheckInRow> out;
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT %1 FROM check_ins WHERE event_id=? AND flagged=1 ORDER BY checked_in_at DESC")
                  .arg(QLatin1String(kRowColumns)));
    q.addBindValue(eventId);
    if (run(q))
        while (q.next())
            out << rowAt(q);
    return out;
}

QList<CheckInRefusal> CheckInStore::refusals(const QString& eventId)
{
    QList<CheckInRefusal> out;
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT key, ticket_id, event_id, gate, checked_in_at, outcome, reason FROM check_in_flags "
                             "WHERE event_id=? ORDER BY checked_in_at DESC"));
    q.addBindValue(eventId);
    if (run(q))
        while (q.next())
            out << CheckInRefusal{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                  q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toInt(),
                                  q.value(6).toString()};
    return out;
}

int CheckInStore::queuedCount()
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE kind=?"));
    q.addBindValue(QLatin1String(kOutboxKind));
    return run(q) && q.next() ? q.value(0).toInt() : 0;
}

bool CheckInStore::recordOffline(const CheckInRow& row, qint64 userId, const QByteArray& outboxPayload)
{
    Transaction tx(m_store->database());
    if (!tx.isOpen())
        return false;
    QSqlQuery insert(m_store->database());
    insert.prepare(kInsertRow);
    bindRow(insert, row, 0);
    QSqlQuery outbox(m_store->database());
    outbox.prepare(QStringLiteral("INSERT INTO outbox(key,user_id,kind,entity_id,payload,created_at) VALUES (?,?,?,?,?,?)"));
    outbox.addBindValue(text(row.key));
    outbox.addBindValue(userId);
    outbox.addBindValue(QLatin1String(kOutboxKind));
    outbox.addBindValue(text(row.ticketId));
    outbox.addBindValue(outboxPayload);
    outbox.addBindValue(row.checkedInAtMs);
    return run(insert) && run(outbox) && tx.commit();
}

bool CheckInStore::upsertServerRecordLocked(const CheckInRow& row)
{
    QSqlQuery update(m_store->database());
    update.prepare(QStringLiteral("UPDATE check_ins SET counted=?, flagged=?, label=?, holder_name=? WHERE server_id=?"));
    update.addBindValue(row.counted ? 1 : 0);
    update.addBindValue(row.flagged ? 1 : 0);
    update.addBindValue(text(row.label));
    update.addBindValue(text(row.holderName));
    update.addBindValue(row.serverId);
    if (!run(update))
        return false;
    if (update.numRowsAffected() > 0)
        return true;
    CheckInRow other = row;
    other.key = QStringLiteral("server:%1").arg(row.serverId);
    QSqlQuery insert(m_store->database());
    insert.prepare(kInsertRow);
    bindRow(insert, other, 1);
    return run(insert);
}

bool CheckInStore::applyServerRecord(const CheckInRow& row)
{
    Transaction tx(m_store->database());
    return tx.isOpen() && upsertServerRecordLocked(row) && tx.commit();
}

bool CheckInStore::applyWatchBatch(const QString& eventId, const QList<CheckInRow>& records,
                                   const QStringList& voidedTicketIds,
                                   const QList<QByteArray>& confirmedRevokedKeyCodes, quint64 cursor)
{
    Transaction tx(m_store->database());
    if (!tx.isOpen())
        return false;
    for (const auto& record : records)
        if (!upsertServerRecordLocked(record))
            return false;
    QSqlQuery voids(m_store->database());
    voids.prepare(QStringLiteral("INSERT OR IGNORE INTO check_in_voids(ticket_id, event_id) VALUES (?, ?)"));
    for (const auto& ticketId : voidedTicketIds) {
        voids.addBindValue(ticketId);
        voids.addBindValue(eventId);
        if (!run(voids))
            return false;
    }
    QSqlQuery confirmed(m_store->database());
    confirmed.prepare(
        QStringLiteral("INSERT OR IGNORE INTO check_in_confirmed_codes(code_sha256, event_id) VALUES (?, ?)"));
    for (const auto& digest : confirmedRevokedKeyCodes) {
        confirmed.addBindValue(digest);
        confirmed.addBindValue(eventId);
        if (!run(confirmed))
            return false;
    }
    QSqlQuery watch(m_store->database());
    watch.prepare(QStringLiteral("INSERT INTO check_in_watch(event_id, cursor) VALUES (?, ?) "
                                 "ON CONFLICT(event_id) DO UPDATE SET cursor=max(cursor, excluded.cursor)"));
    watch.addBindValue(eventId);
    watch.addBindValue(static_cast<qint64>(cursor));
    return run(watch) && tx.commit();
}

quint64 CheckInStore::watchCursor(const QString& eventId)
{
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("SELECT cursor FROM check_in_watch WHERE event_id=?"));
    q.addBindValue(eventId);
    return run(q) && q.next() ? static_cast<quint64>(q.value(0).toLongLong()) : 0;
}

bool CheckInStore::settleUpload(const QString& key, qint64 serverId, bool counted, bool flagged,
                                const std::optional<CheckInRefusal>& refusal)
{
    Transaction tx(m_store->database());
    if (!tx.isOpen())
        return false;
    // A push may have stored this very admission as another device's before the answer came.
    QSqlQuery pushed(m_store->database());
    pushed.prepare(QStringLiteral("DELETE FROM check_ins WHERE server_id=? AND server_id<>0 AND key<>?"));
    pushed.addBindValue(serverId);
    pushed.addBindValue(key);
    QSqlQuery own(m_store->database());
    own.prepare(QStringLiteral("UPDATE check_ins SET server_id=?, counted=?, flagged=? WHERE key=?"));
    own.addBindValue(serverId);
    own.addBindValue(counted ? 1 : 0);
    own.addBindValue(flagged ? 1 : 0);
    own.addBindValue(key);
    QSqlQuery outbox(m_store->database());
    outbox.prepare(QStringLiteral("DELETE FROM outbox WHERE key=?"));
    outbox.addBindValue(key);
    if (!run(pushed) || !run(own) || !run(outbox))
        return false;
    if (refusal) {
        QSqlQuery flag(m_store->database());
        flag.prepare(QStringLiteral("INSERT OR REPLACE INTO check_in_flags(key, ticket_id, event_id, gate, checked_in_at, "
                                    "outcome, reason) VALUES (?,?,?,?,?,?,?)"));
        flag.addBindValue(text(refusal->key));
        flag.addBindValue(text(refusal->ticketId));
        flag.addBindValue(text(refusal->eventId));
        flag.addBindValue(text(refusal->gate));
        flag.addBindValue(refusal->checkedInAtMs);
        flag.addBindValue(refusal->outcome);
        flag.addBindValue(text(refusal->reason));
        if (!run(flag))
            return false;
    }
    return tx.commit();
}

} // namespace marquee::client
