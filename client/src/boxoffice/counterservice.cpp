// CounterService implementation (see counterservice.h).
#include "boxoffice/counterservice.h"

#include "net/bookingcodec.h"
#include "net/syncclient.h"

#include "marquee/v1/envelope.pb.h"

#include <QLoggingCategory>
#include <QUuid>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcCounter, "marquee.boxoffice.counter")

namespace {

std::string newKey() { return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(); }

} // namespace

CounterService::CounterService(SyncClient* sync, QObject* parent) : QObject(parent), m_sync(sync)
{
    connect(m_sync, &SyncClient::boxOfficeAnswered, this, &CounterService::onAnswer);
    connect(m_sync, &SyncClient::requestFailed, this, &CounterService::onFailed);
}

QString CounterService::errorText(const ErrorInfo& error)
{
    const QString reason = error.details.value(QStringLiteral("reason"));
    if (error.code == ErrorCode::ConnectionLost || error.code == ErrorCode::Timeout || error.code == ErrorCode::Unavailable)
        return tr("The server cannot be reached: this needs a connection.");
    if (error.code == ErrorCode::PermissionDenied)
        return tr("Only box-office staff can do this.");
    if (error.code == ErrorCode::NotFound)
        return tr("No such order.");
    if (reason == QLatin1String("pending"))
        return tr("The order is still being processed; try again in a moment.");
    if (reason == QLatin1String("hold_expired"))
        return tr("The new seats' hold expired; pick them again.");
    if (reason == QLatin1String("count_mismatch"))
        return tr("Pick as many new seats as lines to exchange.");
    return tr("The server refused: %1").arg(error.message);
}

bool CounterService::send(v1::Envelope& request, Pending pending)
{
    if (!m_sync->isConnected()) {
        Q_EMIT failed(tr("The server cannot be reached: this needs a connection."));
        return false;
    }
    m_pending.insert(m_sync->sendBoxOffice(request), std::move(pending));
    return true;
}

bool CounterService::findOrders(const QString& query, const QString& eventId)
{
    const QString q = query.trimmed();
    if (q.isEmpty()) {
        Q_EMIT failed(tr("Enter a name, an e-mail address or an order code."));
        return false;
    }
    v1::Envelope env;
    v1::FindOrders* find = env.mutable_find_orders();
    find->set_query(q.toStdString());
    find->set_event_id(eventId.toStdString());
    return send(env, Pending{Kind::Find, q});
}

bool CounterService::loadOrder(const QString& orderIdOrCode)
{
    v1::Envelope env;
    if (orderIdOrCode.startsWith(QLatin1String("MQ-"), Qt::CaseInsensitive))
        env.mutable_get_order()->set_order_code(orderIdOrCode.toUpper().toStdString());
    else
        env.mutable_get_order()->set_order_id(orderIdOrCode.toStdString());
    return send(env, Pending{Kind::Load, orderIdOrCode});
}

bool CounterService::refund(const QString& orderId, const QList<std::uint32_t>& lineNos, const QString& reason)
{
    v1::Envelope env;
    v1::CancelOrder* cancel = env.mutable_cancel_order();
    cancel->set_idempotency_key(newKey());
    cancel->set_order_id(orderId.toStdString());
    cancel->set_reason(reason.toStdString());
    for (std::uint32_t line : lineNos)
        cancel->add_line_nos(line);
    return send(env, Pending{Kind::Refund, orderId});
}

bool CounterService::exchange(const ExchangeRequest& request)
{
    if (request.lineNos.isEmpty() || request.holdId.isEmpty()) {
        Q_EMIT failed(tr("Choose the lines to exchange and hold the new seats first."));
        return false;
    }
    v1::Envelope env;
    v1::ExchangeSeats* ex = env.mutable_exchange_seats();
    ex->set_idempotency_key(newKey());
    ex->set_order_id(request.orderId.toStdString());
    for (std::uint32_t line : request.lineNos)
        ex->add_line_nos(line);
    ex->set_hold_id(request.holdId.toStdString());
    ex->set_difference_method(static_cast<v1::PaymentMethodKind>(request.differenceMethod));
    ex->set_cash_tendered_minor(request.cashTenderedMinor);
    ex->set_terminal_id(request.terminalId.toStdString());
    return send(env, Pending{Kind::Exchange, request.orderId});
}

bool CounterService::loadDayReport(const QDate& day, const QString& timeZone, const QString& deviceId, qint64 staffUserId)
{
    v1::Envelope env;
    v1::GetDayReport* report = env.mutable_get_day_report();
    report->set_day(day.toString(Qt::ISODate).toStdString());
    report->set_time_zone(timeZone.toStdString());
    report->set_device_id(deviceId.toStdString());
    report->set_staff_user_id(staffUserId);
    return send(env, Pending{Kind::Report, {}});
}

bool CounterService::recordCashCount(const QDate& day, const QString& timeZone, qint64 countedMinor, const QString& currency)
{
    if (countedMinor < 0) {
        Q_EMIT failed(tr("The counted cash cannot be negative."));
        return false;
    }
    v1::Envelope env;
    v1::RecordCashCount* count = env.mutable_record_cash_count();
    count->set_day(day.toString(Qt::ISODate).toStdString());
    count->set_time_zone(timeZone.toStdString());
    count->set_counted_minor(countedMinor);
    count->set_currency(currency.toStdString());
    return send(env, Pending{Kind::CashCount, {}, countedMinor});
}

void CounterService::onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer)
{
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return;
    const Pending pending = it.value();
    m_pending.erase(it);
    switch (pending.kind) {
    case Kind::Find: {
        QList<OrderInfo> orders;
        for (const v1::Order& o : answer->order_list().orders())
            orders.append(fromProto(o));
        Q_EMIT ordersFound(pending.query, orders);
        break;
    }
    case Kind::Load:
    case Kind::Refund:
    case Kind::Exchange:
        if (!answer->has_order()) {
            Q_EMIT failed(tr("The server sent no order."));
            break;
        }
        if (pending.kind == Kind::Load)
            Q_EMIT orderLoaded(fromProto(answer->order()));
        else if (pending.kind == Kind::Refund)
            Q_EMIT refunded(fromProto(answer->order()));
        else
            Q_EMIT exchanged(fromProto(answer->order()));
        break;
    case Kind::Report:
        if (answer->has_day_report())
            Q_EMIT dayReportLoaded(fromProto(answer->day_report()));
        else
            Q_EMIT failed(tr("The server sent no report."));
        break;
    case Kind::CashCount:
        Q_EMIT cashCountRecorded(pending.amount);
        break;
    }
}

void CounterService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (m_pending.remove(requestId) == 0)
        return;
    qCInfo(lcCounter) << "counter request failed:" << error.message << error.details;
    Q_EMIT failed(errorText(error));
}

} // namespace marquee::client
