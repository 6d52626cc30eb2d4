// The booking UI against the real server, offscreen: Seats page → Hold → CheckoutDialog with
// the held seats and a live countdown (urgent in the last minute, Extend), expiry by the
// server's sweeper → "pick seats again", seats taken by someone else named on the Seats page.
// Each state is saved as PNG when MARQUEE_SCREENSHOT_DIR is set.
#include "checkouthelpers.h"

#include "booking/bookingpanel.h"
#include "booking/bookingservice.h"
#include "booking/checkoutdialog.h"
#include "seatmap/seatmapview.h"
#include "services/seatingservice.h"
#include "views/seatsdialog.h"

#include "marquee/core/seating/seat_index.hpp"

#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;
using core::seating::SeatStatus;
using marquee::testing::TestServer;
using State = BookingService::State;
using Problem = BookingService::Problem;

class TestCheckoutServer : public QObject {
    Q_OBJECT

    TestServer m_server;
    BookingRivals m_rivals;
    std::unique_ptr<ClientSession>& m_fan = m_rivals.fan;
    std::unique_ptr<ClientSession>& m_rival = m_rivals.rival;
    const QString& m_event = m_rivals.event;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        const QString error = m_rivals.start(m_server);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void holdOpensCheckoutWithCountdown()
    {
        SeatsDialog page(m_fan.get(), m_event);
        CheckoutDialog* checkout = holdThroughPage(page, 2, 200);
        QVERIFY(checkout);
        QVERIFY(checkout->isVisible());
        QCOMPARE(checkout->page(), CheckoutDialog::Page::Checkout);
        BookingService* booking = m_fan->booking();
        QCOMPARE(booking->state(), State::Held);
        QCOMPARE(booking->hold().seats.size(), 2);
        // The seats with the server's labels and their category prices.
        const auto* lines = checkout->findChild<QTableWidget*>();
        QVERIFY(lines);
        QCOMPARE(lines->rowCount(), 2);
        QCOMPARE(lines->item(0, 0)->text(), booking->hold().seats.at(0).label);
        QVERIFY2(lines->item(0, 2)->text().startsWith(QStringLiteral("€")), qPrintable(lines->item(0, 2)->text()));
        QVERIFY2(checkout->countdownText().contains(QStringLiteral("held for 15:00"))
                     || checkout->countdownText().contains(QStringLiteral("held for 14:5")),
                 qPrintable(checkout->countdownText()));
        QVERIFY(!checkout->countdownIsUrgent());
        QCOMPARE(checkout->emailEdit()->text(), BookingRivals::kFanEmail);
        // The held seats show as "yours" on the map behind the dialog.
        QVERIFY(QTest::qWaitFor(
            [&] { return page.seatMap()->seatStatus(booking->hold().seats.at(0).seatIndex) == SeatStatus::HeldByMe; },
            kTimeoutMs));
        screenshot(checkout, QStringLiteral("checkout-held"));

        // The last minute: the countdown turns urgent; Extend brings it back.
        qint64 offsetMs = booking->hold().expiresAtMs - QDateTime::currentMSecsSinceEpoch() - 45'000;
        booking->setClock([&offsetMs] { return QDateTime::currentMSecsSinceEpoch() + offsetMs; });
        QVERIFY(QTest::qWaitFor([&] { return checkout->countdownIsUrgent(); }, 3000));
        QVERIFY2(checkout->countdownText().startsWith(QStringLiteral("Hurry")), qPrintable(checkout->countdownText()));
        QVERIFY(checkout->extendButton()->isEnabled());
        screenshot(checkout, QStringLiteral("checkout-urgent"));
        // The server extends from its own clock: push the stored expiry back first so the
        // extension has room, then the client's shifted clock sees a long time left again.
        const qint64 before = booking->hold().expiresAtMs;
        QVERIFY(m_server.query(QStringLiteral("UPDATE seat_holds SET expires_at = now() + interval '1 minute' WHERE id = '%1' "
                                              "RETURNING id").arg(booking->hold().holdId)).size() == 1);
        checkout->extendButton()->click();
        QVERIFY(QTest::qWaitFor([&] { return booking->hold().expiresAtMs != before; }, kTimeoutMs));
        offsetMs = 0;
        QVERIFY(QTest::qWaitFor([&] { return !checkout->countdownIsUrgent(); }, 3000));

        // Closing the checkout without paying gives the seats back.
        const QString holdId = booking->hold().holdId;
        checkout->reject();
        QCOMPARE(booking->state(), State::NoHold);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_server.query(QStringLiteral("SELECT count(*) FROM seat_holds WHERE id = '%1'").arg(holdId)).value(0)
                    == QLatin1String("0");
            },
            kTimeoutMs));
        booking->setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
    }

    void expiryShowsPickSeatsAgain()
    {
        SeatsDialog page(m_fan.get(), m_event);
        QPointer<CheckoutDialog> checkout = holdThroughPage(page, 1, 260);
        QVERIFY(checkout);
        BookingService* booking = m_fan->booking();
        QVERIFY(m_server.query(QStringLiteral("UPDATE seat_holds SET expires_at = now() - interval '1 second' WHERE id = '%1' "
                                              "RETURNING id").arg(booking->hold().holdId)).size() == 1);
        QVERIFY(QTest::qWaitFor([&] { return checkout->page() == CheckoutDialog::Page::Expired; }, kTimeoutMs));
        QCOMPARE(booking->problem(), Problem::HoldExpired);
        screenshot(checkout, QStringLiteral("checkout-expired"));
        QSignalSpy again(checkout.data(), &CheckoutDialog::pickSeatsAgain);
        const auto buttons = checkout->findChildren<QPushButton*>();
        const auto pick = std::find_if(buttons.begin(), buttons.end(),
                                       [](QPushButton* b) { return b->text() == QLatin1String("Pick seats again"); });
        QVERIFY(pick != buttons.end());
        (*pick)->click();
        QCOMPARE(again.count(), 1);
        QCOMPARE(booking->state(), State::NoHold);
        QVERIFY(QTest::qWaitFor([&] { return checkout.isNull(); }, kTimeoutMs)); // closed and deleted
        QVERIFY(page.bookingPanel()->holdSelectedButton()->isVisible());
    }

    void takenSeatsAreShownOnTheSeatsPage()
    {
        SeatsDialog page(m_fan.get(), m_event);
        page.show();
        QVERIFY(QTest::qWaitFor([&] { return page.seatMap()->hasStatus(); }, kTimeoutMs));
        const std::vector<std::uint32_t> seats = availableSeats(page, 2, 300);
        const core::seating::SeatIndex& index = page.seatMap()->geometry().index();
        QStringList ids;
        for (std::uint32_t s : seats)
            ids << QString::fromStdString(index.seat(s).id);
        // The rival is faster with the second seat.
        HoldRequest rivalHold;
        rivalHold.eventId = m_event;
        rivalHold.seatIds = {ids.at(1)};
        QVERIFY(m_rival->booking()->holdSeats(rivalHold));
        QVERIFY(QTest::qWaitFor([&] { return m_rival->booking()->state() == State::Held; }, kTimeoutMs));
        // The fan's selection was made before the rival's hold reached the map.
        HoldRequest fanHold;
        fanHold.eventId = m_event;
        fanHold.seatIds = ids;
        QVERIFY(m_fan->booking()->holdSeats(fanHold));
        QVERIFY(QTest::qWaitFor([&] { return m_fan->booking()->problem() == Problem::SeatsTaken; }, kTimeoutMs));
        const QString message = page.bookingPanel()->messageText();
        QVERIFY2(message.contains(QStringLiteral("just taken")), qPrintable(message));
        QVERIFY2(message.contains(QString::fromStdString(index.seat(seats.at(1)).label)), qPrintable(message));
        QVERIFY(page.bookingPanel()->checkoutDialog() == nullptr);
        QVERIFY(QTest::qWaitFor([&] { return page.seatMap()->seatStatus(seats.at(1)) == SeatStatus::Held; }, kTimeoutMs));
        page.seatMap()->setSelectedSeats({seats.at(0)});
        screenshot(&page, QStringLiteral("seats-taken"));
        m_rival->booking()->releaseHold();
    }
};

QTEST_MAIN(TestCheckoutServer)
#include "test_checkout_server.moc"
