// LocalStore box-office accessors: the device key, seat leases and offline sales (schema step 9).
// An offline sale is written in one transaction with its outbox entry and its seats, and a
// seat is taken only from the Available state, so a seat can never be sold twice here.
#include "store/localstore.h"
#include "store/secretvault.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace marquee::client {

namespace {

// QtSql binds a null QString as SQL NULL; the columns are NOT NULL.
QString text(const QString& value) { return value.isNull() ? QStringLiteral("") : value; }
QByteArray blob(const QByteArray& value) { return value.isNull() ? QByteArray("", 0) : value; }

const QString kLeaseColumns = QStringLiteral(
    "id,event_id,device_id,staff_user_id,status,currency,created_at,expires_at,event_title,event_starts_at,"
    "event_time_zone,venue_name,venue_address");
const QString kSaleColumns = QStringLiteral(
    "idempotency_key,order_id,order_code,lease_id,event_id,status,reason,message,sold_at,staff_user_id,method,total,"
    "buyer_name,order_payload");

LeaseInfo leaseAt(const QSqlQuery& q)
{
    LeaseInfo l;
    l.id = q.value(0).toString();
    l.eventId = q.value(1).toString();
    l.deviceId = q.value(2).toString();
    l.staffUserId = q.value(3).toLongLong();
    l.status = static_cast<LeaseStatus>(q.value(4).toInt());
    l.currency = q.value(5).toString();
    l.createdAtMs = q.value(6).toLongLong();
    l.expiresAtMs = q.value(7).toLongLong();
    l.eventTitle = q.value(8).toString();
    l.eventStartsAtMs = q.value(9).toLongLong();
    l.eventTimeZone = q.value(10).toString();
    l.venueName = q.value(11).toString();
    l.venueAddress = q.value(12).toString();
    return l;
}

OfflineSaleInfo saleAt(const QSqlQuery& q)
{
    OfflineSaleInfo s;
    s.idempotencyKey = q.value(0).toString();
    s.orderId = q.value(1).toString();
    s.orderCode = q.value(2).toString();
    s.leaseId = q.value(3).toString();
    s.eventId = q.value(4).toString();
    s.status = static_cast<OfflineSaleStatus>(q.value(5).toInt());
    s.reason = q.value(6).toString();
    s.message = q.value(7).toString();
    s.soldAtMs = q.value(8).toLongLong();
    s.staffUserId = q.value(9).toLongLong();
    s.method = static_cast<PaymentMethod>(q.value(10).toInt());
    s.totalMinor = q.value(11).toLongLong();
    s.buyerName = q.value(12).toString();
    s.orderPayload = q.value(13).toByteArray();
    return s;
}

} // namespace

std::optional<DeviceKeyInfo> LocalStore::deviceKey()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT key_id,public_key,secret_key,created_at,certificate,certified_by_key_id,issued_at,"
                               "valid_until,device_name FROM device_keys ORDER BY created_at DESC, rowid DESC LIMIT 1"))
        || !q.next())
        return std::nullopt;
    DeviceKeyInfo k;
    k.keyId = q.value(0).toString();
    k.publicKey = q.value(1).toByteArray();
    const QByteArray storedSecret = q.value(2).toByteArray();
    SecretVault vault = SecretVault::forDatabase(m_path);
    if (SecretVault::isSealed(storedSecret)) {
        // A secret that does not open (key file lost or replaced) is no secret: the key cannot
        // sign, and DeviceKeyService reports it instead of signing with garbage.
        k.secretKey = vault.open(storedSecret).value_or(QByteArray());
        if (k.secretKey.isEmpty())
            m_lastError = vault.lastError();
    } else {
        k.secretKey = storedSecret; // stored before sealing existed: sealed now
        const QByteArray sealed = vault.seal(storedSecret);
        QSqlQuery reseal(database());
        reseal.prepare(QStringLiteral("UPDATE device_keys SET secret_key=? WHERE key_id=?"));
        reseal.addBindValue(sealed);
        reseal.addBindValue(k.keyId);
        if (sealed.isEmpty() || !exec(reseal))
            m_lastError = sealed.isEmpty() ? vault.lastError() : m_lastError;
    }
    k.createdAtMs = q.value(3).toLongLong();
    k.certificate = q.value(4).toByteArray();
    k.certifiedByKeyId = q.value(5).toString();
    k.issuedAtMs = q.value(6).toLongLong();
    k.validUntilMs = q.value(7).toLongLong();
    k.deviceName = q.value(8).toString();
    return k;
}

bool LocalStore::saveDeviceKey(const DeviceKeyInfo& key)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO device_keys(key_id,public_key,secret_key,created_at,certificate,certified_by_key_id,issued_at,"
        "valid_until,device_name) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(key_id) DO UPDATE SET "
        "certificate=excluded.certificate, certified_by_key_id=excluded.certified_by_key_id, "
        "issued_at=excluded.issued_at, valid_until=excluded.valid_until, device_name=excluded.device_name"));
    // The secret is stored sealed (SecretVault): never in the clear in the database file.
    SecretVault vault = SecretVault::forDatabase(m_path);
    const QByteArray sealed = vault.seal(key.secretKey);
    if (sealed.isEmpty()) {
        m_lastError = vault.lastError();
        return false;
    }
    q.addBindValue(key.keyId);
    q.addBindValue(key.publicKey);
    q.addBindValue(sealed);
    q.addBindValue(key.createdAtMs);
    q.addBindValue(blob(key.certificate));
    q.addBindValue(text(key.certifiedByKeyId));
    q.addBindValue(key.issuedAtMs);
    q.addBindValue(key.validUntilMs);
    q.addBindValue(text(key.deviceName));
    return exec(q);
}

bool LocalStore::saveLease(const LeaseInfo& lease)
{
    QSqlDatabase db = database();
    if (!begin())
        return false;
    QSqlQuery head(db);
    // An upsert, not INSERT OR REPLACE: a replaced lease row would cascade-delete its seats.
    head.prepare(QStringLiteral("INSERT INTO leases(%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                                "status=excluded.status, expires_at=excluded.expires_at, staff_user_id=excluded.staff_user_id")
                     .arg(kLeaseColumns));
    for (const QVariant& v : {QVariant(lease.id), QVariant(lease.eventId), QVariant(text(lease.deviceId)),
                              QVariant(lease.staffUserId), QVariant(static_cast<int>(lease.status)),
                              QVariant(text(lease.currency)), QVariant(lease.createdAtMs), QVariant(lease.expiresAtMs),
                              QVariant(text(lease.eventTitle)), QVariant(lease.eventStartsAtMs),
                              QVariant(text(lease.eventTimeZone)), QVariant(text(lease.venueName)),
                              QVariant(text(lease.venueAddress))})
        head.addBindValue(v);
    bool ok = exec(head);
    QSqlQuery seat(db);
    seat.prepare(QStringLiteral(
        "INSERT INTO lease_seats(lease_id,seat_id,seat_index,label,price_category_id,total,line,state,order_id) "
        "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(lease_id,seat_id) DO UPDATE SET seat_index=excluded.seat_index, "
        "label=excluded.label, price_category_id=excluded.price_category_id, total=excluded.total, line=excluded.line, "
        // Sold here and not confirmed (pending, or rejected: its signed ticket exists): keep it;
        // a seat whose return is in flight stays Returning until the answer.
        "state=CASE WHEN lease_seats.state=100 AND EXISTS (SELECT 1 FROM offline_sales s WHERE "
        "s.order_id=lease_seats.order_id AND s.status IN (0,2)) THEN 100 "
        "WHEN lease_seats.state=101 AND excluded.state=1 THEN 101 ELSE excluded.state END, "
        "order_id=CASE WHEN lease_seats.state=100 AND EXISTS (SELECT 1 FROM offline_sales s WHERE "
        "s.order_id=lease_seats.order_id AND s.status IN (0,2)) THEN lease_seats.order_id ELSE excluded.order_id END"));
    for (const LeasedSeatInfo& s : lease.seats) {
        if (!ok)
            break;
        seat.addBindValue(lease.id);
        seat.addBindValue(s.seatId);
        seat.addBindValue(s.seatIndex);
        seat.addBindValue(text(s.label));
        seat.addBindValue(text(s.priceCategoryId));
        seat.addBindValue(s.totalMinor);
        seat.addBindValue(blob(s.line));
        seat.addBindValue(static_cast<int>(s.state));
        seat.addBindValue(text(s.orderId));
        ok = exec(seat);
    }
    if (!ok || !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

QList<LeaseInfo> LocalStore::leases(const QString& eventId, bool activeOnly)
{
    QList<LeaseInfo> out;
    QSqlQuery q(database());
    QStringList where;
    if (!eventId.isEmpty())
        where << QStringLiteral("event_id=?");
    if (activeOnly)
        where << QStringLiteral("status=%1").arg(static_cast<int>(LeaseStatus::Active));
    q.prepare(QStringLiteral("SELECT %1 FROM leases").arg(kLeaseColumns)
              + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")))
              + QStringLiteral(" ORDER BY created_at DESC, id"));
    if (!eventId.isEmpty())
        q.addBindValue(eventId);
    if (!exec(q))
        return out;
    while (q.next())
        out.append(leaseAt(q));
    QSqlQuery seats(database());
    seats.prepare(QStringLiteral("SELECT seat_id,label,seat_index,price_category_id,total,line,state,order_id "
                                 "FROM lease_seats WHERE lease_id=? ORDER BY seat_index"));
    for (LeaseInfo& lease : out) {
        seats.addBindValue(lease.id);
        if (!exec(seats))
            return {};
        while (seats.next()) {
            LeasedSeatInfo s;
            s.seatId = seats.value(0).toString();
            s.label = seats.value(1).toString();
            s.seatIndex = seats.value(2).toUInt();
            s.priceCategoryId = seats.value(3).toString();
            s.totalMinor = seats.value(4).toLongLong();
            s.line = seats.value(5).toByteArray();
            s.state = static_cast<LeasedSeatState>(seats.value(6).toInt());
            s.orderId = seats.value(7).toString();
            lease.seats.append(std::move(s));
        }
    }
    return out;
}

std::optional<LeaseInfo> LocalStore::lease(const QString& leaseId)
{
    for (const LeaseInfo& l : leases())
        if (l.id == leaseId)
            return l;
    return std::nullopt;
}

bool LocalStore::recordOfflineSale(const OfflineSaleWrite& write, QString* refusedSeat)
{
    const OfflineSaleInfo& sale = write.sale;
    if (write.seatIds.isEmpty())
        return false;
    QSqlDatabase db = database();
    if (!begin())
        return false;
    // Only an Available seat of an active, unexpired lease becomes SoldOffline: one statement per
    // seat, and a seat that did not change stops the whole sale.
    QSqlQuery take(db);
    take.prepare(QStringLiteral(
        "UPDATE lease_seats SET state=100, order_id=? WHERE lease_id=? AND seat_id=? AND state=1 "
        "AND EXISTS (SELECT 1 FROM leases l WHERE l.id=lease_seats.lease_id AND l.status=1 AND l.expires_at>?)"));
    bool ok = true;
    for (const QString& seatId : write.seatIds) {
        take.addBindValue(sale.orderId);
        take.addBindValue(sale.leaseId);
        take.addBindValue(seatId);
        take.addBindValue(sale.soldAtMs);
        if (!(ok = exec(take)))
            break;
        if (take.numRowsAffected() != 1) {
            if (refusedSeat)
                *refusedSeat = seatId;
            ok = false;
            break;
        }
    }
    QSqlQuery row(db);
    row.prepare(QStringLiteral("INSERT INTO offline_sales(%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)").arg(kSaleColumns));
    QSqlQuery out(db);
    out.prepare(QStringLiteral("INSERT INTO outbox(key,user_id,kind,entity_id,payload,created_at) VALUES (?,?,?,?,?,?)"));
    if (ok) {
        for (const QVariant& v :
             {QVariant(sale.idempotencyKey), QVariant(sale.orderId), QVariant(sale.orderCode), QVariant(sale.leaseId),
              QVariant(sale.eventId), QVariant(static_cast<int>(OfflineSaleStatus::Pending)), QVariant(QStringLiteral("")),
              QVariant(QStringLiteral("")), QVariant(sale.soldAtMs), QVariant(sale.staffUserId),
              QVariant(static_cast<int>(sale.method)), QVariant(sale.totalMinor), QVariant(text(sale.buyerName)),
              QVariant(blob(sale.orderPayload))})
            row.addBindValue(v);
        out.addBindValue(sale.idempotencyKey);
        out.addBindValue(sale.staffUserId);
        out.addBindValue(QString::fromLatin1(kOfflineSaleOutboxKind));
        out.addBindValue(sale.orderId);
        out.addBindValue(blob(write.uploadPayload));
        out.addBindValue(sale.soldAtMs);
        ok = exec(row) && exec(out);
    }
    if (!ok || !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

QStringList LocalStore::markSeatsReturning(const QString& leaseId)
{
    QSqlDatabase db = database();
    if (!begin())
        return {};
    QStringList seats;
    QSqlQuery pick(db);
    pick.prepare(QStringLiteral("SELECT seat_id FROM lease_seats WHERE lease_id=? AND state=1 ORDER BY seat_index"));
    pick.addBindValue(leaseId);
    bool ok = exec(pick);
    while (ok && pick.next())
        seats << pick.value(0).toString();
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("UPDATE lease_seats SET state=101 WHERE lease_id=? AND state=1"));
    mark.addBindValue(leaseId);
    if (!ok || !exec(mark) || !db.commit()) {
        db.rollback();
        return {};
    }
    return seats;
}

bool LocalStore::finishSeatsReturning(const QString& leaseId, const QStringList& seatIds, bool returned)
{
    QSqlDatabase db = database();
    if (!begin())
        return false;
    QSqlQuery settle(db);
    settle.prepare(QStringLiteral("UPDATE lease_seats SET state=? WHERE lease_id=? AND seat_id=? AND state=101"));
    bool ok = true;
    for (const QString& seatId : seatIds) {
        settle.addBindValue(static_cast<int>(returned ? LeasedSeatState::Returned : LeasedSeatState::Available));
        settle.addBindValue(leaseId);
        settle.addBindValue(seatId);
        if (!(ok = exec(settle)))
            break;
    }
    if (!ok || !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

QList<OfflineSaleInfo> LocalStore::offlineSales(std::optional<OfflineSaleStatus> status, const QString& eventId)
{
    QList<OfflineSaleInfo> out;
    QSqlQuery q(database());
    QStringList where;
    if (status)
        where << QStringLiteral("status=%1").arg(static_cast<int>(*status));
    if (!eventId.isEmpty())
        where << QStringLiteral("event_id=?");
    q.prepare(QStringLiteral("SELECT %1 FROM offline_sales").arg(kSaleColumns)
              + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")))
              + QStringLiteral(" ORDER BY sold_at, order_id"));
    if (!eventId.isEmpty())
        q.addBindValue(eventId);
    if (!exec(q))
        return out;
    while (q.next())
        out.append(saleAt(q));
    return out;
}

std::optional<OfflineSaleInfo> LocalStore::offlineSale(const QString& orderId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM offline_sales WHERE order_id=?").arg(kSaleColumns));
    q.addBindValue(orderId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return saleAt(q);
}

bool LocalStore::applyOfflineSaleResults(const QList<OfflineSaleResultInfo>& results)
{
    QSqlDatabase db = database();
    if (!begin())
        return false;
    QSqlQuery verdict(db);
    verdict.prepare(QStringLiteral(
        "UPDATE offline_sales SET status=?, reason=?, message=?, order_payload=CASE WHEN ?=1 THEN ? ELSE order_payload END "
        "WHERE idempotency_key=?"));
    QSqlQuery sold(db);
    sold.prepare(QStringLiteral("UPDATE lease_seats SET state=2 WHERE state=100 AND order_id="
                                "(SELECT order_id FROM offline_sales WHERE idempotency_key=?)"));
    QSqlQuery order(db);
    order.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO orders(id,user_id,event_id,status,created_at,updated_at,payload) VALUES (?,?,?,?,?,?,?)"));
    QSqlQuery drop(db);
    drop.prepare(QStringLiteral("DELETE FROM outbox WHERE key=?"));
    bool ok = true;
    for (const OfflineSaleResultInfo& r : results) {
        const OfflineSaleStatus status = r.confirmed ? OfflineSaleStatus::Confirmed : OfflineSaleStatus::Rejected;
        verdict.addBindValue(static_cast<int>(status));
        verdict.addBindValue(text(r.reason));
        verdict.addBindValue(text(r.message));
        verdict.addBindValue(r.confirmed && !r.order.encoded.isEmpty() ? 1 : 0);
        verdict.addBindValue(blob(r.order.encoded));
        verdict.addBindValue(r.idempotencyKey);
        drop.addBindValue(r.idempotencyKey);
        ok = exec(verdict) && exec(drop);
        if (ok && r.confirmed) {
            sold.addBindValue(r.idempotencyKey);
            ok = exec(sold);
            if (ok && r.order.isValid()) {
                order.addBindValue(r.order.id);
                order.addBindValue(r.order.userId);
                order.addBindValue(r.order.eventId);
                order.addBindValue(static_cast<int>(r.order.status));
                order.addBindValue(r.order.createdAtMs);
                order.addBindValue(r.order.updatedAtMs);
                order.addBindValue(blob(r.order.encoded));
                ok = exec(order);
            }
        }
        if (!ok)
            break;
    }
    if (!ok || !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

} // namespace marquee::client
