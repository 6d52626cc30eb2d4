// The box-office window online, offscreen, against the real server: a walk-up cash sale with
// change due and its tickets saved as PDF; finding the order by name, e-mail and order code;
// refunding one line, then the rest; exchanging a line for a seat picked on the map; the
// end-of-day report's figures (cash expected against the cash counted, the chart by payment
// method) and its PDF.
#include "boxofficehelpers.h"
#include "terminalhelpers.h"

#include "booking/bookingservice.h"
#include "boxoffice/boxofficewindow.h"
#include "boxoffice/counterpanel.h"
#include "boxoffice/counterservice.h"
#include "boxoffice/dayreportdialog.h"
#include "boxoffice/salepanel.h"
#include "models/eventformat.h"

#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>

#include <numeric>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;
using marquee::testing::TestServer;

namespace {

const QString kClerk = QStringLiteral("clerk@example.org");
const QString kBuyer = QStringLiteral("Grace Counter");
const QString kBuyerEmail = QStringLiteral("grace@example.org");
const QString kClubVenue = QStringLiteral("66f57375-0706-519a-837e-c643494c1dac"); // SO36: a standing floor

} // namespace

class TestBoxOfficeCounterServer : public QObject {
    Q_OBJECT

    marquee::testing::SandboxProcess m_sandbox; // the card terminals' provider
    TestServer m_server;
    QTemporaryDir m_clerkDir, m_pdfDir;
    std::unique_ptr<ClientSession> m_clerk;
    std::unique_ptr<BoxOfficeWindow> m_window;
    QString m_event;
    OrderInfo m_sold;
    QString m_firstPrint; // the walk-up sale's tickets PDF

    // Sells the seats through the sale panel for cash; the confirmed order (invalid on failure).
    OrderInfo sellForCash(const QStringList& seats, const QString& tendered, const QString& buyer, const QString& email)
    {
        SalePanel* sale = m_window->salePanel();
        m_window->selectSeats(seats);
        sale->cashButton()->setChecked(true);
        sale->tenderedEdit()->setText(tendered);
        sale->nameEdit()->setText(buyer);
        sale->emailEdit()->setText(email);
        QSignalSpy sold(sale, &SalePanel::sold);
        sale->sellButton()->click();
        if (!sold.wait(kTimeoutMs)) {
            qWarning() << "no sale:" << sale->messageLabel()->text();
            return {};
        }
        return sold.first().first().value<OrderInfo>();
    }

    // A seat of the theatre event in the named price category that no claim on the server holds.
    QString freeSeatOfCategory(const std::string& categoryName) const
    {
        const auto layout = m_clerk->seating()->layoutForEvent(m_event);
        if (!layout)
            return {};
        const QStringList claimed =
            m_server.query(QStringLiteral("SELECT seat_id FROM seat_claims WHERE event_id = '%1'").arg(m_event));
        const core::seating::SeatIndex index(*layout);
        for (std::uint32_t i = 0; i < index.size(); ++i) {
            const auto* pc = layout->priceCategory(index.seat(i).priceCategoryId);
            const QString id = QString::fromStdString(index.seat(i).id);
            if (pc && pc->name == categoryName && !claimed.contains(id) && index.seat(i).flags == 0)
                return id;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        QString sandboxError;
        QVERIFY2(m_sandbox.start(&sandboxError), qPrintable(sandboxError));
        const QString error = startDemoSessions(m_server, {{kClerk, QStringLiteral("staff"), m_clerkDir.path(), &m_clerk}},
                                                &m_event, terminalServerArgs(m_sandbox));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_window = std::make_unique<BoxOfficeWindow>(m_clerk.get());
        QVERIFY(showBoxOffice(*m_window, m_event, m_pdfDir.path()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void walkUpCashSaleShowsChangeDue()
    {
        QVERIFY2(m_window->bannerText().startsWith(QStringLiteral("Online")), qPrintable(m_window->bannerText()));
        SalePanel* sale = m_window->salePanel();
        m_window->selectSeats(seatIdsOf(*m_clerk, m_event, 700, 2));
        sale->tenderedEdit()->setText(QStringLiteral("1000.00"));
        QVERIFY(sale->changeDueLabel()->text().startsWith(QStringLiteral("€")));
        screenshot(m_window.get(), QStringLiteral("boxoffice-online-sale"));
        m_sold = sellForCash(seatIdsOf(*m_clerk, m_event, 700, 2), QStringLiteral("1000.00"), kBuyer, kBuyerEmail);
        QVERIFY(m_sold.isValid());
        QCOMPARE(m_sold.status, OrderStatus::Confirmed);
        QCOMPARE(m_sold.payment.method, PaymentMethod::Cash);
        QCOMPARE(m_sold.payment.tenderedMinor, 100'000);
        QCOMPARE(m_sold.payment.changeDueMinor, 100'000 - m_sold.totalMinor);
        QVERIFY2(sale->resultLabel()->text().contains(format::money(m_sold.payment.changeDueMinor, m_sold.currency)),
                 qPrintable(sale->resultLabel()->text()));
        QCOMPARE(m_server.query(QStringLiteral("SELECT sold_by_user_id || '/' || device_id FROM orders WHERE id = '%1'").arg(m_sold.id))
                     .value(0),
                 QStringLiteral("%1/%2").arg(serverUserId(m_server, kClerk)).arg(m_clerk->leases()->deviceId()));
        // The tickets follow the confirmation; then they print.
        QVERIFY(QTest::qWaitFor([&] { return sale->lastOrder().tickets.size() == 2; }, kTimeoutMs));
        QVERIFY2(sale->printTickets(), qPrintable(sale->messageLabel()->text()));
        QVERIFY(QFileInfo(sale->lastFiles().first()).size() > 1000);
        m_firstPrint = sale->lastFiles().first();
        QVERIFY2(sale->printReceipt(), qPrintable(sale->messageLabel()->text()));
        QVERIFY(sale->lastFiles().last().endsWith(QStringLiteral("-receipt.pdf")));
        screenshot(m_window.get(), QStringLiteral("boxoffice-online-sold"));
    }

    void bestAvailableThenCash()
    {
        SalePanel* sale = m_window->salePanel();
        m_window->tabs()->setCurrentWidget(sale);
        m_window->seatMap()->clearSelection();
        sale->bestCount()->setValue(3);
        sale->bestButton()->click();
        BookingService* booking = m_clerk->booking();
        QVERIFY(QTest::qWaitFor([&] { return booking->state() == BookingService::State::Held; }, kTimeoutMs));
        QCOMPARE(sale->saleSeatIds().size(), 3);
        QVERIFY(sale->dueLabel()->text().startsWith(QStringLiteral("Due: €")));
        QSignalSpy sold(sale, &SalePanel::sold);
        sale->cashButton()->setChecked(true);
        sale->tenderedEdit()->setText(QStringLiteral("500"));
        sale->sellButton()->click();
        QVERIFY2(sold.wait(kTimeoutMs), qPrintable(sale->messageLabel()->text()));
        const OrderInfo order = sold.first().first().value<OrderInfo>();
        QCOMPARE(order.lines.size(), 3);
        QCOMPARE(order.payment.changeDueMinor, 50'000 - order.totalMinor);
        QCOMPARE(serverOrderStatus(m_server, order.id), QStringLiteral("confirmed"));
        // No e-mail given: no address on the order (not the clerk's), nothing mailed; the panel
        // says to print the tickets, and they print.
        QVERIFY2(sale->resultLabel()->text().contains(QStringLiteral("nothing is mailed")), qPrintable(sale->resultLabel()->text()));
        const QString withoutAddress = serverOrderWithoutAddressProblem(m_server, order.id);
        QVERIFY2(withoutAddress.isEmpty(), qPrintable(withoutAddress));
        QVERIFY(QTest::qWaitFor([&] { return sale->lastOrder().tickets.size() == 3; }, kTimeoutMs));
        QVERIFY2(sale->printTickets(), qPrintable(sale->messageLabel()->text()));
        QVERIFY(QFileInfo(sale->lastFiles().first()).size() > 1000);
        screenshot(m_window.get(), QStringLiteral("boxoffice-sold-without-email"));
    }

    void findByNameEmailAndCode()
    {
        CounterPanel* counter = m_window->counterPanel();
        m_window->tabs()->setCurrentWidget(counter);
        for (const QString& query : {QStringLiteral("grace count"), kBuyerEmail, m_sold.code.toLower()}) {
            QSignalSpy found(m_window->counter(), &CounterService::ordersFound);
            counter->searchEdit()->setText(query);
            counter->findButton()->click();
            QVERIFY2(found.wait(kTimeoutMs), qPrintable(query + QStringLiteral(": ") + counter->messageLabel()->text()));
            const auto orders = found.first().at(1).value<QList<OrderInfo>>();
            QVERIFY2(std::any_of(orders.cbegin(), orders.cend(), [&](const OrderInfo& o) { return o.id == m_sold.id; }),
                     qPrintable(query));
        }
        QCOMPARE(counter->currentOrder().id, m_sold.id); // one match: shown at once
        QCOMPARE(counter->lineList()->count(), 2);
        QVERIFY(counter->reprint());
        // A reprint is a file of its own beside the first print.
        const QString reprinted = counter->reprintedFiles().first();
        QVERIFY2(QFileInfo(reprinted).fileName().startsWith(m_sold.code), qPrintable(reprinted));
        QVERIFY(reprinted != m_firstPrint);
        QVERIFY(QFileInfo(reprinted).size() > 1000);
        // Nothing matches: said so.
        QSignalSpy none(m_window->counter(), &CounterService::ordersFound);
        counter->searchEdit()->setText(QStringLiteral("nobody-by-this-name"));
        counter->findButton()->click();
        QVERIFY(none.wait(kTimeoutMs));
        QCOMPARE(counter->messageLabel()->text(), QStringLiteral("No order matches."));
    }

    void refundOneLineThenTheRest()
    {
        CounterPanel* counter = m_window->counterPanel();
        counter->showOrder(m_sold);
        const OrderLineInfo first = m_sold.lines.first();
        counter->setLineChecked(first.lineNo, true);
        QSignalSpy refunded(m_window->counter(), &CounterService::refunded);
        counter->refundLinesButton()->click();
        QVERIFY2(refunded.wait(kTimeoutMs), qPrintable(counter->messageLabel()->text()));
        OrderInfo order = refunded.first().first().value<OrderInfo>();
        QCOMPARE(order.payment.refundedMinor, first.totalMinor);
        QCOMPARE(m_server.query(QStringLiteral("SELECT refunded FROM order_lines WHERE order_id = '%1' AND line_no = %2")
                                    .arg(m_sold.id).arg(first.lineNo)).value(0),
                 QStringLiteral("t"));
        QVERIFY(counter->lineList()->item(0)->text().contains(QStringLiteral("refunded")));
        screenshot(m_window.get(), QStringLiteral("boxoffice-counter-refund"));

        QSignalSpy all(m_window->counter(), &CounterService::refunded);
        counter->refundAllButton()->click();
        QVERIFY2(all.wait(kTimeoutMs), qPrintable(counter->messageLabel()->text()));
        order = all.first().first().value<OrderInfo>();
        QCOMPARE(order.payment.refundedMinor, m_sold.totalMinor);
        QCOMPARE(serverOrderStatus(m_server, m_sold.id), QStringLiteral("cancelled"));
    }

    void exchangeALineForASeatOnTheMap()
    {
        const OrderInfo order = sellForCash(seatIdsOf(*m_clerk, m_event, 720, 2), QStringLiteral("1000.00"), kBuyer, {});
        QVERIFY(order.isValid());
        CounterPanel* counter = m_window->counterPanel();
        counter->showOrder(order);
        counter->setLineChecked(order.lines.at(1).lineNo, true);
        const QString newSeat = seatIdsOf(*m_clerk, m_event, 730, 1).first();
        m_window->selectSeats({newSeat});
        counter->exchangeCashEdit()->setText(QStringLiteral("100.00"));
        QSignalSpy exchanged(m_window->counter(), &CounterService::exchanged);
        counter->exchangeButton()->click();
        QVERIFY2(exchanged.wait(kTimeoutMs), qPrintable(counter->messageLabel()->text()));
        const OrderInfo after = exchanged.first().first().value<OrderInfo>();
        QStringList seats;
        for (const OrderLineInfo& l : after.lines)
            seats << l.seatId;
        QVERIFY2(seats.contains(newSeat), qPrintable(seats.join(QLatin1Char(','))));
        QVERIFY(!seats.contains(order.lines.at(1).seatId));
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_claims WHERE event_id = '%1' AND seat_id = '%2'")
                                    .arg(m_event, order.lines.at(1).seatId)).value(0),
                 QStringLiteral("0"));
        QCOMPARE(serverSeatsSoldTwice(m_server, m_event), 0);
    }

    void dayReportFigures()
    {
        // Another cash sale that stays: the drawer holds its money at the end of the day.
        const OrderInfo kept = sellForCash(seatIdsOf(*m_clerk, m_event, 740, 1), QStringLiteral("200.00"), kBuyer, {});
        QVERIFY(kept.isValid());
        DayReportDialog* report = m_window->openDayReport();
        QSignalSpy loaded(m_window->counter(), &CounterService::dayReportLoaded);
        report->loadButton()->click();
        QVERIFY2(loaded.wait(kTimeoutMs), qPrintable(report->messageLabel()->text()));
        const DayReportInfo info = report->report();
        const auto row = std::find_if(info.rows.cbegin(), info.rows.cend(), [&](const DayReportRowInfo& r) {
            return r.deviceId == m_clerk->leases()->deviceId() && r.staffUserId == serverUserId(m_server, kClerk);
        });
        QVERIFY(row != info.rows.cend());
        // Cash expected = cash taken minus cash paid back, as the server's orders say.
        const qint64 expected = m_server
                                    .query(QStringLiteral("SELECT coalesce(sum(total_minor), 0) FROM orders WHERE sold_by_user_id = %1 "
                                                          "AND status IN ('confirmed', 'cancelled')")
                                               .arg(serverUserId(m_server, kClerk)))
                                    .value(0)
                                    .toLongLong()
            - m_server.query(QStringLiteral("SELECT coalesce(sum(r.amount_minor), 0) FROM order_refunds r JOIN orders o ON o.id = r.order_id "
                                            "WHERE o.sold_by_user_id = %1 AND r.status = 'refunded'").arg(serverUserId(m_server, kClerk)))
                  .value(0)
                  .toLongLong();
        QCOMPARE(row->cashExpectedMinor, expected);
        QVERIFY(row->ticketsSold >= 5);
        QCOMPARE(report->netByMethod().value(PaymentMethod::Cash), expected);
        // The chart's sales bars: cash, card terminal, card online (in currency units).
        const QList<qreal> bars = report->chartSales();
        QCOMPARE(bars.size(), 3);
        QCOMPARE(qRound64(bars.at(0) * 100), row->totals.isEmpty() ? 0 : std::accumulate(info.rows.cbegin(), info.rows.cend(), qint64(0),
            [](qint64 sum, const DayReportRowInfo& r) {
                for (const PaymentTotalsInfo& t : r.totals)
                    if (t.method == PaymentMethod::Cash)
                        sum += t.salesMinor;
                return sum;
            }));

        // Count the drawer: 5.00 short.
        QSignalSpy reloaded(m_window->counter(), &CounterService::dayReportLoaded);
        report->countedEdit()->setText(QLocale().toString(static_cast<double>(expected - 500) / 100.0, 'f', 2));
        report->recordCountButton()->click();
        QVERIFY2(reloaded.wait(kTimeoutMs), qPrintable(report->messageLabel()->text()));
        const DayReportInfo counted = report->report();
        const auto mine = std::find_if(counted.rows.cbegin(), counted.rows.cend(), [&](const DayReportRowInfo& r) {
            return r.deviceId == m_clerk->leases()->deviceId();
        });
        QVERIFY(mine != counted.rows.cend() && mine->cashCounted);
        QCOMPARE(mine->cashDifferenceMinor, -500);
        QVERIFY2(report->differenceLabel()->text().contains(format::money(500, counted.currency) + QStringLiteral(" short")),
                 qPrintable(report->differenceLabel()->text()));
        report->resize(1100, 800);
        screenshot(report, QStringLiteral("boxoffice-day-report"));
        const QString pdf = report->savePdf();
        if (!qEnvironmentVariableIsEmpty("MARQUEE_SCREENSHOT_DIR"))
            QFile::copy(pdf, qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR") + QStringLiteral("/day-report.pdf"));
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }

    // Standing places at the counter (the demo club's floor, a general-admission area): held
    // against the area's capacity by the server's counter like any hold, so never more places
    // are sold than the area has; a nearly full floor refuses what it cannot take.
    void standingPlacesAtTheCounter()
    {
        const QString club = m_server
                                 .query(QStringLiteral("SELECT id FROM events WHERE venue_id = '%1' AND layout_id IS NOT NULL "
                                                       "AND starts_at > now() + interval '1 day' AND status = 'scheduled' "
                                                       "ORDER BY starts_at LIMIT 1")
                                            .arg(kClubVenue))
                                 .value(0);
        QVERIFY(!club.isEmpty());
        SalePanel* sale = m_window->salePanel();
        m_window->tabs()->setCurrentWidget(sale);
        m_window->setEvent(club);
        QVERIFY(QTest::qWaitFor([&] { return m_window->seatMap()->hasStatus() && m_window->layout(); }, kTimeoutMs));
        QString floor;
        for (const auto& area : m_window->layout()->areas)
            if (area.kind == core::seating::AreaKind::GeneralAdmission)
                floor = QString::fromStdString(area.id);
        QVERIFY(!floor.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return m_window->standingPlacesLeft(floor) >= 0; }, kTimeoutMs));
        QVERIFY(sale->standingButton()->isVisible());
        QVERIFY2(sale->standingAreaBox()->currentText().contains(QStringLiteral(" left")),
                 qPrintable(sale->standingAreaBox()->currentText()));

        // The floor is nearly full: 2 places left. Asking for 3 is refused and holds nothing.
        m_server.query(QStringLiteral("UPDATE seat_ga_counters SET taken = capacity - 2 WHERE event_id = '%1' AND area_id = '%2' "
                                      "RETURNING taken").arg(club, floor));
        BookingService* booking = m_clerk->booking();
        QSignalSpy problems(booking, &BookingService::problemChanged);
        sale->standingCount()->setValue(3);
        sale->standingButton()->click();
        QVERIFY(QTest::qWaitFor([&] { return sale->messageLabel()->text().contains(QStringLiteral("Sold out")); }, kTimeoutMs));
        QVERIFY2(sale->messageLabel()->text().contains(QStringLiteral("only 2 place(s) left")), qPrintable(sale->messageLabel()->text()));
        QVERIFY(booking->state() != BookingService::State::Held);

        // Two: held, sold for cash without an e-mail address; two lines in the area, floor full.
        sale->standingCount()->setValue(2);
        sale->standingButton()->click();
        QVERIFY(QTest::qWaitFor([&] { return sale->heldStandingPlaces() == 2; }, kTimeoutMs));
        QVERIFY2(sale->sellButton()->isEnabled(), qPrintable(sale->sellButton()->text()));
        QVERIFY(sale->dueLabel()->text().startsWith(QStringLiteral("Due: €")));
        QVERIFY2(m_window->standingPlacesLeft(floor) == 0 || QTest::qWaitFor([&] { return m_window->standingPlacesLeft(floor) == 0; }, kTimeoutMs),
                 qPrintable(QString::number(m_window->standingPlacesLeft(floor))));
        sale->cashButton()->setChecked(true);
        sale->tenderedEdit()->setText(QStringLiteral("200"));
        screenshot(m_window.get(), QStringLiteral("boxoffice-standing-held"));
        QSignalSpy sold(sale, &SalePanel::sold);
        sale->sellButton()->click();
        QVERIFY2(sold.wait(kTimeoutMs), qPrintable(sale->messageLabel()->text()));
        const OrderInfo order = sold.first().first().value<OrderInfo>();
        QCOMPARE(order.lines.size(), 2);
        for (const OrderLineInfo& line : order.lines) {
            QCOMPARE(line.gaAreaId, floor);
            QVERIFY(line.seatId.isEmpty());
        }
        QCOMPARE(serverOrderStatus(m_server, order.id), QStringLiteral("confirmed"));
        QCOMPARE(m_server.query(QStringLiteral("SELECT capacity - taken FROM seat_ga_counters WHERE event_id = '%1' AND area_id = '%2'")
                                    .arg(club, floor)).value(0),
                 QStringLiteral("0"));
        QVERIFY(QTest::qWaitFor([&] { return sale->lastOrder().tickets.size() == 2; }, kTimeoutMs));
        QVERIFY2(sale->printTickets(), qPrintable(sale->messageLabel()->text()));
        screenshot(m_window.get(), QStringLiteral("boxoffice-standing-sold"));

        // Full: one more place is refused.
        sale->standingCount()->setValue(1);
        sale->standingButton()->click();
        QVERIFY(QTest::qWaitFor([&] { return sale->messageLabel()->text().contains(QStringLiteral("only 0 place(s) left")); },
                                kTimeoutMs));
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_holds WHERE event_id = '%1' AND ga_area_id = '%2'")
                                    .arg(club, floor)).value(0),
                 QStringLiteral("0"));
        m_window->setEvent(m_event);
    }

    // A dearer seat: the difference collected at the card terminal (the sandbox's reader), not
    // in cash; the server records the charge at that terminal.
    void exchangeDifferenceAtTheCardTerminal()
    {
        const QString cheap = freeSeatOfCategory("Category 3");
        QVERIFY(!cheap.isEmpty());
        const OrderInfo order = sellForCash({cheap}, QStringLiteral("100.00"), kBuyer, kBuyerEmail);
        QVERIFY(order.isValid());
        CounterPanel* counter = m_window->counterPanel();
        m_window->tabs()->setCurrentWidget(counter);
        counter->showOrder(order);
        counter->setLineChecked(order.lines.at(0).lineNo, true);
        const QString dear = freeSeatOfCategory("Category 1");
        QVERIFY(!dear.isEmpty());
        m_window->selectSeats({dear});
        QVERIFY(QTest::qWaitFor([&] { return counter->differenceTerminalBox()->count() > 0; }, kTimeoutMs));
        QVERIFY(counter->differenceTerminalButton()->isEnabled());
        counter->differenceTerminalButton()->setChecked(true);
        counter->differenceTerminalBox()->setCurrentText(QString::fromLatin1(marquee::testing::SandboxProcess::kReader));
        QVERIFY(!counter->exchangeCashEdit()->isEnabled());
        screenshot(m_window.get(), QStringLiteral("boxoffice-exchange-terminal"));
        QSignalSpy exchanged(m_window->counter(), &CounterService::exchanged);
        counter->exchangeButton()->click();
        QVERIFY2(exchanged.wait(kTimeoutMs), qPrintable(counter->messageLabel()->text()));
        const OrderInfo after = exchanged.first().first().value<OrderInfo>();
        QCOMPARE(after.lines.size(), 1);
        QCOMPARE(after.lines.first().seatId, dear);
        QVERIFY(after.totalMinor > order.totalMinor);
        QCOMPARE(m_server
                     .query(QStringLiteral("SELECT provider || '/' || status || '/' || terminal_id || '/' || amount_minor FROM "
                                           "payment_operations WHERE order_id = '%1' AND kind = 'exchange_charge'")
                                .arg(order.id))
                     .value(0),
                 QStringLiteral("card_terminal/succeeded/%1/%2")
                     .arg(QString::fromLatin1(marquee::testing::SandboxProcess::kReader))
                     .arg(after.totalMinor - order.totalMinor));
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_claims WHERE event_id = '%1' AND seat_id = '%2'")
                                    .arg(m_event, cheap)).value(0),
                 QStringLiteral("0"));
        QCOMPARE(serverSeatsSoldTwice(m_server, m_event), 0);
        counter->differenceCashButton()->setChecked(true);
    }
};

QTEST_MAIN(TestBoxOfficeCounterServer)
#include "test_boxoffice_counter_server.moc"
