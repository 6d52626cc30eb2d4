// The waitlist in the client against the real server, offscreen: "Join waitlist" refused while
// seats are free, joined once the event is sold out (the panel shows the place in line), a
// release by someone else reaches the server's offer worker and comes back as a live offer
// (seats, countdown, "Complete booking" with the hold id), and Decline gives the seats back.
// Each state is saved as PNG when MARQUEE_SCREENSHOT_DIR is set.
#include "checkouthelpers.h"

#include "booking/bookingservice.h"
#include "services/seatingservice.h"
#include "waitlist/joinwaitlistdialog.h"
#include "waitlist/waitlistpanel.h"
#include "waitlist/waitlistservice.h"

#include "marquee/core/seating/seat_index.hpp"

#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;
using marquee::testing::TestServer;

namespace {

QPushButton* buttonNamed(QWidget* root, const QString& objectName)
{
    return root->findChild<QPushButton*>(objectName);
}

} // namespace

class TestWaitlistServer : public QObject {
    Q_OBJECT

    TestServer m_server;
    BookingRivals m_rivals;
    std::unique_ptr<ClientSession>& m_fan = m_rivals.fan;
    std::unique_ptr<ClientSession>& m_rival = m_rivals.rival;
    const QString& m_event = m_rivals.event;
    std::shared_ptr<const core::seating::Layout> m_layout;

    QList<JoinWaitlistDialog::Category> categories() const
    {
        QList<JoinWaitlistDialog::Category> out;
        for (const auto& c : m_layout->priceCategories)
            out.append({QString::fromStdString(c.id), QString::fromStdString(c.name)});
        return out;
    }

    // Sells every seat and standing place as a sale would leave them, except `keep` (seat ids).
    void sellOutExcept(const QStringList& keep)
    {
        const core::seating::SeatIndex index(*m_layout);
        QStringList rows;
        for (std::uint32_t i = 0; i < index.size(); ++i) {
            const QString id = QString::fromStdString(index.seat(i).id);
            if (!keep.contains(id))
                rows << QStringLiteral("('%1', '%2', %3, 'sold')").arg(m_event, id).arg(i);
        }
        QString error;
        m_server.query(QStringLiteral("INSERT INTO seat_claims (event_id, seat_id, seat_index, kind) VALUES %1 "
                                      "ON CONFLICT DO NOTHING; UPDATE seat_ga_counters SET taken = capacity "
                                      "WHERE event_id = '%2'")
                           .arg(rows.join(QLatin1Char(',')), m_event),
                       &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        const QString error = m_rivals.start(m_server);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_layout = m_fan->seating()->layoutForEvent(m_event);
        QVERIFY(m_layout); // synced through the change log
    }

    void joinOfferAndDecline()
    {
        WaitlistService* waitlist = m_fan->waitlist();
        const QString title = m_server.query(QStringLiteral("SELECT title FROM events WHERE id = '%1'").arg(m_event)).value(0);
        const auto cats = categories();
        QVERIFY(!cats.isEmpty());
        const QString category = cats.first().id;

        // Seats are free: the server refuses and the dialog says why.
        JoinWaitlistDialog dialog(waitlist, m_event, title, cats);
        dialog.setWish(2, category);
        dialog.show();
        QSignalSpy failed(waitlist, &WaitlistService::joinFailed);
        QSignalSpy joined(waitlist, &WaitlistService::joined);
        auto* join = dialog.findChild<QPushButton*>();
        for (auto* b : dialog.findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Join waitlist"))
                join = b;
        QVERIFY(join);
        join->click();
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.first().first().value<WaitlistService::Problem>(), WaitlistService::Problem::NotSoldOut);
        QVERIFY2(dialog.message().contains(QStringLiteral("still free")), qPrintable(dialog.message()));
        QVERIFY(dialog.isVisible());
        screenshot(&dialog, QStringLiteral("waitlist-join-refused"));

        // Sold out except two side-by-side seats of the category, which the rival holds.
        const core::seating::SeatIndex index(*m_layout);
        QStringList pair;
        for (std::uint32_t i = 0; i + 1 < index.size() && pair.isEmpty(); ++i) {
            const auto& a = index.location(i);
            const auto& b = index.location(i + 1);
            if (a.area == b.area && a.row == b.row && index.seat(i).priceCategoryId == category.toStdString()
                && index.seat(i + 1).priceCategoryId == category.toStdString() && index.seat(i).flags == 0
                && index.seat(i + 1).flags == 0)
                pair = {QString::fromStdString(index.seat(i).id), QString::fromStdString(index.seat(i + 1).id)};
        }
        QCOMPARE(pair.size(), 2);
        BookingService* rival = m_rival->booking();
        HoldRequest request;
        request.kind = HoldRequest::Kind::Seats;
        request.eventId = m_event;
        request.seatIds = pair;
        QVERIFY(rival->holdSeats(request));
        QVERIFY(QTest::qWaitFor([&] { return rival->state() == BookingService::State::Held; }, kTimeoutMs));
        sellOutExcept(pair);

        // Now the fan joins; the dialog closes and the panel shows the place in line.
        join->click();
        QVERIFY(joined.wait(kTimeoutMs));
        QVERIFY(!dialog.isVisible());
        const WaitlistEntryInfo entry = joined.first().first().value<WaitlistEntryInfo>();
        QCOMPARE(entry.status, WaitlistStatus::Waiting);
        QCOMPARE(entry.position, 1U);
        QCOMPARE(entry.seats, 2U);

        WaitlistPanel panel(waitlist);
        panel.setCategoryNamer([&](const QString&, const QString& id) {
            for (const auto& c : cats)
                if (c.id == id)
                    return c.name;
            return QString();
        });
        panel.resize(460, 420);
        panel.show();
        QVERIFY(QTest::qWaitFor([&] { return buttonNamed(&panel, QStringLiteral("leaveWaitlist")) != nullptr; }, kTimeoutMs));
        bool inLine = false;
        for (auto* label : panel.findChildren<QLabel*>())
            inLine = inLine || label->text() == QStringLiteral("Waiting — number 1 in line");
        QVERIFY(inLine);
        QCoreApplication::processEvents(); // let the scroll area lay the new card out
        screenshot(&panel, QStringLiteral("waitlist-waiting"));

        // The rival lets the seats go: the server's worker offers them, the change log brings it.
        QSignalSpy offers(waitlist, &WaitlistService::offerReceived);
        rival->releaseHold();
        QVERIFY2(offers.wait(kTimeoutMs), qPrintable(m_server.serverLog().right(2000)));
        const WaitlistEntryInfo offer = offers.first().first().value<WaitlistEntryInfo>();
        QCOMPARE(offer.id, entry.id);
        QCOMPARE(offer.status, WaitlistStatus::Offered);
        QCOMPARE(offer.offeredSeatLabels.size(), 2);
        QVERIFY(!offer.holdId.isEmpty());
        QVERIFY(waitlist->remainingSeconds(offer) > 3500);
        QCOMPARE(m_server.query(QStringLiteral("SELECT holder_user_id FROM seat_holds WHERE id = '%1'").arg(offer.holdId)),
                 QStringList{QString::number(m_fan->account()->userId())});

        // The offer card: seats, countdown, Complete booking with the hold id.
        QVERIFY(QTest::qWaitFor([&] { return buttonNamed(&panel, QStringLiteral("completeBooking")) != nullptr; }, kTimeoutMs));
        // The panel rebuilds its cards when the list changes: look the label up each time.
        const auto countdown = [&] {
            const auto* label = panel.findChild<QLabel*>(QStringLiteral("offerCountdown"));
            return label ? label->text() : QString();
        };
        QVERIFY2(countdown().startsWith(QStringLiteral("Held for you for 0:59:")) ||
                     countdown().startsWith(QStringLiteral("Held for you for 1:00:")),
                 qPrintable(countdown()));
        const QString before = countdown();
        QVERIFY(QTest::qWaitFor([&] { return !countdown().isEmpty() && countdown() != before; }, 5000)); // it counts down
        bool seatsShown = false;
        for (auto* label : panel.findChildren<QLabel*>())
            seatsShown = seatsShown || label->text() == offer.offeredSeatLabels.join(QStringLiteral(", "));
        QVERIFY(seatsShown);
        screenshot(&panel, QStringLiteral("waitlist-offer"));
        QSignalSpy complete(&panel, &WaitlistPanel::completeBookingRequested);
        buttonNamed(&panel, QStringLiteral("completeBooking"))->click();
        QCOMPARE(complete.size(), 1);
        QCOMPARE(complete.first().at(0).toString(), offer.holdId);
        QCOMPARE(complete.first().at(1).toString(), m_event);

        // Decline: the entry is left and the seats are free again.
        QSignalSpy changed(waitlist, &WaitlistService::entriesChanged);
        buttonNamed(&panel, QStringLiteral("leaveWaitlist"))->click();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto e = waitlist->entry(entry.id);
                return e && e->status == WaitlistStatus::Left;
            },
            kTimeoutMs));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_server.query(QStringLiteral("SELECT count(*) FROM seat_holds WHERE id = '%1'").arg(offer.holdId))
                    == QStringList{QStringLiteral("0")};
            },
            kTimeoutMs));
        QVERIFY(buttonNamed(&panel, QStringLiteral("completeBooking")) == nullptr);
    }
};

QTEST_MAIN(TestWaitlistServer)
#include "test_waitlist_server.moc"
