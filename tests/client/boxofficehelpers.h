// Helpers for the box-office tests against the real server: seat ids of the demo theatre,
// waiting for the device certificate, leasing through the real LeaseService, and what the
// server's database says about an event's seats afterwards.
#pragma once

#include "checkouthelpers.h"

#include "boxoffice/boxofficewindow.h"
#include "boxoffice/devicekeyservice.h"
#include "boxoffice/leaseservice.h"
#include "boxoffice/offlinesaleservice.h"
#include "services/seatingservice.h"

#include "marquee/core/seating/layout.hpp"
#include "marquee/core/seating/seat_index.hpp"

namespace marquee::client::testing {

// `count` seat ids of the event's layout from flat index `from` on (the demo theatre has 2,000).
inline QStringList seatIdsOf(ClientSession& session, const QString& eventId, std::uint32_t from, std::uint32_t count)
{
    QStringList ids;
    const auto layout = session.seating()->layoutForEvent(eventId);
    if (!layout)
        return ids;
    const core::seating::SeatIndex index(*layout);
    for (std::uint32_t i = from; i < from + count && i < index.size(); ++i)
        ids << QString::fromStdString(index.seat(i).id);
    return ids;
}

// "B12"-style name of a seat, as the offline refusal names it.
inline QString rowAndSeat(ClientSession& session, const QString& eventId, const QString& seatId)
{
    const auto layout = session.seating()->layoutForEvent(eventId);
    const core::seating::SeatIndex index(*layout);
    const auto at = index.indexOf(seatId.toStdString());
    return at ? QString::fromStdString(index.row(*at).label + index.seat(*at).label) : QString();
}

// Shows the box-office window on `eventId` at a size where everything fits, its PDFs going to
// `pdfDirectory`; true once the seat map has the seats' status.
inline bool showBoxOffice(BoxOfficeWindow& window, const QString& eventId, const QString& pdfDirectory)
{
    window.setPdfDirectory(pdfDirectory);
    window.resize(1400, 900);
    window.setEvent(eventId);
    window.show();
    return QTest::qWaitFor([&] { return window.seatMap()->hasStatus(); }, kTimeoutMs);
}

inline bool waitCertified(ClientSession& session)
{
    return QTest::qWaitFor([&] { return session.deviceKeys()->isCertified(); }, kTimeoutMs);
}

// Leases the seats through LeaseService; the lease, or an invalid one (the reason is logged).
inline LeaseInfo leaseSeats(ClientSession& session, const QString& eventId, const QStringList& seatIds, QString* failure = nullptr)
{
    QSignalSpy changed(session.leases(), &LeaseService::leaseChanged);
    QSignalSpy failed(session.leases(), &LeaseService::leaseFailed);
    session.leases()->leaseSeats(eventId, seatIds);
    if (!QTest::qWaitFor([&] { return !changed.isEmpty() || !failed.isEmpty(); }, kTimeoutMs))
        return {};
    if (!failed.isEmpty()) {
        if (failure)
            *failure = failed.first().first().toString();
        return {};
    }
    return changed.first().first().value<LeaseInfo>();
}

// A cash sale of `seats` from this device's lease for the event, €500 handed over.
inline OfflineSaleRequest cashSaleOf(const QString& eventId, const QStringList& seats)
{
    OfflineSaleRequest r;
    r.eventId = eventId;
    r.seatIds = seats;
    r.method = PaymentMethod::Cash;
    r.tenderedMinor = 50'000;
    return r;
}

// Stops the server and waits until the session knows it is offline.
inline bool stopServer(marquee::testing::TestServer& server, ClientSession& a, ClientSession* b = nullptr)
{
    if (!server.stop())
        return false;
    return QTest::qWaitFor([&] { return !a.syncClient()->isConnected() && (!b || !b->syncClient()->isConnected()); },
                           kTimeoutMs);
}

// How many live claims of `kind` the event has on the server.
inline int serverClaims(const marquee::testing::TestServer& server, const QString& eventId, const QString& kind)
{
    return server
        .query(QStringLiteral("SELECT count(*) FROM seat_claims WHERE event_id = '%1' AND kind = '%2'").arg(eventId, kind))
        .value(0)
        .toInt();
}

// Seats on more than one confirmed order line of the event (must stay 0: nothing sold twice).
inline int serverSeatsSoldTwice(const marquee::testing::TestServer& server, const QString& eventId)
{
    return server
        .query(QStringLiteral("SELECT count(*) FROM (SELECT l.seat_id FROM order_lines l JOIN orders o ON o.id = l.order_id "
                              "WHERE o.event_id = '%1' AND o.status = 'confirmed' AND NOT l.refunded "
                              "GROUP BY l.seat_id HAVING count(*) > 1) twice")
                   .arg(eventId))
        .value(0)
        .toInt();
}

inline QString serverOrderStatus(const marquee::testing::TestServer& server, const QString& orderId)
{
    return server.query(QStringLiteral("SELECT status FROM orders WHERE id = '%1'").arg(orderId)).value(0);
}

} // namespace marquee::client::testing
