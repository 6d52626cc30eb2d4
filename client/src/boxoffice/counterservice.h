// CounterService: the box-office counter's requests to the server. Find orders by name, e-mail
// or order code (FindOrders), load one (GetOrder), refund it whole or by lines (CancelOrder),
// move lines to other seats (ExchangeSeats with a live hold of the caller), the end-of-day
// report (GetDayReport) and the cash counted in the drawer (RecordCashCount). Answers arrive as
// signals; refusals as translated sentences.
#pragma once

#include "net/boxofficecodec.h"
#include "store/bookingrecords.h"
#include "store/records.h"

#include <QDate>
#include <QHash>
#include <QObject>

#include <memory>

namespace marquee::v1 {
class Envelope;
}

namespace marquee::client {

class SyncClient;

struct ExchangeRequest {
    QString orderId;
    QList<std::uint32_t> lineNos;
    QString holdId; // the caller's live hold on the new seats (same number of seats)
    PaymentMethod differenceMethod = PaymentMethod::Cash;
    qint64 cashTenderedMinor = 0;
    QString terminalId;
};

class CounterService : public QObject {
    Q_OBJECT
public:
    explicit CounterService(SyncClient* sync, QObject* parent = nullptr);

    // Each returns false (and failed) when offline.
    bool findOrders(const QString& query, const QString& eventId = {});
    bool loadOrder(const QString& orderIdOrCode);
    // lineNos empty: the whole order.
    bool refund(const QString& orderId, const QList<std::uint32_t>& lineNos, const QString& reason);
    bool exchange(const ExchangeRequest& request);
    bool loadDayReport(const QDate& day, const QString& timeZone, const QString& deviceId = {}, qint64 staffUserId = 0);
    bool recordCashCount(const QDate& day, const QString& timeZone, qint64 countedMinor, const QString& currency);

    static QString errorText(const ErrorInfo& error);

Q_SIGNALS:
    void ordersFound(const QString& query, const QList<marquee::client::OrderInfo>& orders);
    void orderLoaded(const marquee::client::OrderInfo& order);
    void refunded(const marquee::client::OrderInfo& order);
    void exchanged(const marquee::client::OrderInfo& order);
    void dayReportLoaded(const marquee::client::DayReportInfo& report);
    void cashCountRecorded(qint64 countedMinor);
    void failed(const QString& message);

private:
    enum class Kind { Find, Load, Refund, Exchange, Report, CashCount };
    struct Pending {
        Kind kind;
        QString query;
        qint64 amount = 0;
    };
    bool send(v1::Envelope& request, Pending pending);
    void onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer);
    void onFailed(quint64 requestId, const ErrorInfo& error);

    SyncClient* m_sync;
    QHash<quint64, Pending> m_pending;
};

} // namespace marquee::client
