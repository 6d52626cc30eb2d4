// LocalStore booking accessors: cached orders, waitlist entries and ticket keys (written by the
// sync apply in localstore.cpp), and the CreateOrder requests awaiting an answer.
#include "store/localstore.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace marquee::client {

namespace {

QList<QByteArray> payloads(QSqlQuery& q)
{
    QList<QByteArray> out;
    while (q.next())
        out << q.value(0).toByteArray();
    return out;
}

OrderRequest orderRequestAt(const QSqlQuery& q)
{
    OrderRequest r;
    r.idempotencyKey = q.value(0).toString();
    r.userId = q.value(1).toLongLong();
    r.holdId = q.value(2).toString();
    r.buyerName = q.value(3).toString();
    r.buyerEmail = q.value(4).toString();
    r.method = static_cast<PaymentMethod>(q.value(5).toInt());
    r.cardPaymentMethod = q.value(6).toString();
    r.terminalId = q.value(7).toString();
    r.cashTenderedMinor = q.value(8).toLongLong();
    return r;
}

// QtSql binds a null QString as SQL NULL; the columns are NOT NULL.
QString text(const QString& value) { return value.isNull() ? QStringLiteral("") : value; }

const QString kOrderRequestColumns = QStringLiteral(
    "idempotency_key,user_id,hold_id,buyer_name,buyer_email,method,card_payment_method,terminal_id,cash_tendered");

} // namespace

QList<QByteArray> LocalStore::orderPayloads(qint64 userId)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT payload FROM orders WHERE user_id=? ORDER BY created_at DESC, id"));
    q.addBindValue(userId);
    return exec(q) ? payloads(q) : QList<QByteArray>{};
}

std::optional<QByteArray> LocalStore::orderPayload(qint64 userId, const QString& orderId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT payload FROM orders WHERE user_id=? AND id=?"));
    q.addBindValue(userId);
    q.addBindValue(orderId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return q.value(0).toByteArray();
}

QList<QByteArray> LocalStore::waitlistPayloads(qint64 userId)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT payload FROM waitlist_entries WHERE user_id=? ORDER BY created_at DESC, id"));
    q.addBindValue(userId);
    return exec(q) ? payloads(q) : QList<QByteArray>{};
}

#define TICKET_KEY_COLUMNS "key_id, public_key, valid_from, retired_at, device_id, certified_by, certificate, valid_until, revoked_at"

namespace {

TicketKeyInfo ticketKeyAt(const QSqlQuery& q)
{
    return TicketKeyInfo{q.value(0).toString(), q.value(1).toByteArray(), q.value(2).toLongLong(),
                         q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString(),
                         q.value(6).toByteArray(), q.value(7).toLongLong(), q.value(8).toLongLong()};
}

} // namespace

QList<TicketKeyInfo> LocalStore::ticketKeys()
{
    QList<TicketKeyInfo> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT " TICKET_KEY_COLUMNS " FROM ticket_keys ORDER BY valid_from")))
        return out;
    while (q.next())
        out << ticketKeyAt(q);
    return out;
}

std::optional<TicketKeyInfo> LocalStore::ticketKey(const QString& keyId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT " TICKET_KEY_COLUMNS " FROM ticket_keys WHERE key_id=?"));
    q.addBindValue(keyId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return ticketKeyAt(q);
}

bool LocalStore::clearBookingData(qint64 userId)
{
    QSqlQuery orders(database());
    orders.prepare(QStringLiteral("DELETE FROM orders WHERE user_id=?"));
    orders.addBindValue(userId);
    QSqlQuery waitlist(database());
    waitlist.prepare(QStringLiteral("DELETE FROM waitlist_entries WHERE user_id=?"));
    waitlist.addBindValue(userId);
    return exec(orders) && exec(waitlist);
}

bool LocalStore::saveOrderRequest(const OrderRequest& request)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO order_requests(") + kOrderRequestColumns
              + QStringLiteral(",created_at) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(text(request.idempotencyKey));
    q.addBindValue(request.userId);
    q.addBindValue(text(request.holdId));
    q.addBindValue(text(request.buyerName));
    q.addBindValue(text(request.buyerEmail));
    q.addBindValue(static_cast<int>(request.method));
    q.addBindValue(text(request.cardPaymentMethod));
    q.addBindValue(text(request.terminalId));
    q.addBindValue(request.cashTenderedMinor);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return exec(q);
}

std::optional<OrderRequest> LocalStore::orderRequest(qint64 userId, const QString& holdId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ") + kOrderRequestColumns
              + QStringLiteral(" FROM order_requests WHERE user_id=? AND hold_id=? ORDER BY created_at DESC LIMIT 1"));
    q.addBindValue(userId);
    q.addBindValue(holdId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return orderRequestAt(q);
}

QList<OrderRequest> LocalStore::orderRequests(qint64 userId)
{
    QList<OrderRequest> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ") + kOrderRequestColumns
              + QStringLiteral(" FROM order_requests WHERE user_id=? ORDER BY created_at"));
    q.addBindValue(userId);
    if (!exec(q))
        return out;
    while (q.next())
        out << orderRequestAt(q);
    return out;
}

bool LocalStore::removeOrderRequest(const QString& idempotencyKey)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM order_requests WHERE idempotency_key=?"));
    q.addBindValue(idempotencyKey);
    return exec(q);
}

} // namespace marquee::client
