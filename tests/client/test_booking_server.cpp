// BookingService against the real server: holds (specific seats, best available), the
// countdown on the hold's expiry, extend and release, seats taken by someone else (named
// from the layout), expiry found by the server's sweeper (expiry set in SQL) and by the
// local countdown, and the clear refusal while offline.
#include "serverhelpers.h"

#include "booking/bookingservice.h"
#include "services/seatingservice.h"

#include "marquee/core/seating/seat_index.hpp"

#include <QStandardPaths>
#include <QTemporaryDir>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;
using core::seating::SeatStatus;
using marquee::testing::TestServer;
using State = BookingService::State;
using Problem = BookingService::Problem;

namespace {

bool waitState(BookingService* booking, State state)
{
    return QTest::qWaitFor([&] { return booking->state() == state; }, kTimeoutMs);
}

} // namespace

class TestBookingServer : public QObject {
    Q_OBJECT

    TestServer m_server;
    BookingRivals m_rivals;
    std::unique_ptr<ClientSession>& m_fan = m_rivals.fan;
    std::unique_ptr<ClientSession>& m_rival = m_rivals.rival;
    const QString& m_event = m_rivals.event; // a demo theatre event

    // The first `count` available seats of the event, as the server's database has them.
    QStringList freeSeats(int count, std::uint32_t from = 0) const
    {
        const auto layout = m_fan->seating()->layoutForEvent(m_event);
        const core::seating::SeatIndex index(*layout);
        const QStringList claimed = m_server.query(
            QStringLiteral("SELECT seat_index FROM seat_claims WHERE event_id = '%1'").arg(m_event));
        QStringList ids;
        for (std::uint32_t i = from; i < index.size() && ids.size() < count; ++i)
            if (!claimed.contains(QString::number(i)))
                ids << QString::fromStdString(index.seat(i).id);
        return ids;
    }

    HoldRequest seats(const QStringList& ids) const
    {
        HoldRequest r;
        r.eventId = m_event;
        r.seatIds = ids;
        return r;
    }

    bool holdAsFan(const QStringList& ids)
    {
        BookingService* booking = m_fan->booking();
        booking->reset();
        return booking->holdSeats(seats(ids)) && waitState(booking, State::Held);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        const QString error = m_rivals.start(m_server);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_fan->seating()->layoutForEvent(m_event));
        // The fan watches the seat map, as the Seats page does while checking out.
        QSignalSpy snapshot(m_fan->seating(), &SeatingService::snapshotReceived);
        m_fan->seating()->subscribe(m_event);
        QVERIFY(snapshot.wait(kTimeoutMs));
    }

    void holdCountsDown()
    {
        BookingService* booking = m_fan->booking();
        qint64 offsetMs = 0;
        booking->setClock([&offsetMs] { return QDateTime::currentMSecsSinceEpoch() + offsetMs; });
        const QStringList ids = freeSeats(2);
        QSignalSpy states(booking, &BookingService::stateChanged);
        QVERIFY(holdAsFan(ids));
        QCOMPARE(states.first().first().value<State>(), State::Holding);
        const HoldInfo hold = booking->hold();
        QCOMPARE(hold.seats.size(), 2);
        QCOMPARE(hold.seats.at(0).seatId, ids.at(0));
        QVERIFY(!hold.seats.at(0).label.isEmpty());
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_claims WHERE hold_id = '%1'").arg(hold.holdId)).value(0),
                 QStringLiteral("2"));
        // The demo event holds for 15 minutes.
        QVERIFY(booking->remainingSeconds() > 890 && booking->remainingSeconds() <= 900);
        // Move the clock on 5 minutes: the next tick reports it.
        QSignalSpy remaining(booking, &BookingService::remainingChanged);
        offsetMs = 300'000;
        QVERIFY(remaining.wait(2000));
        const int left = remaining.last().first().toInt();
        QVERIFY2(left > 590 && left <= 600, qPrintable(QString::number(left)));
        QCOMPARE(booking->state(), State::Held);
        booking->setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
    }

    void extendPushesTheExpiry()
    {
        BookingService* booking = m_fan->booking();
        QCOMPARE(booking->state(), State::Held);
        // Shorten the hold in SQL so the extension is visible (cap stays 45 minutes).
        const QString holdId = booking->hold().holdId;
        QVERIFY(m_server.query(QStringLiteral("UPDATE seat_holds SET expires_at = now() + interval '2 minutes' "
                                              "WHERE id = '%1' RETURNING id").arg(holdId)).size() == 1);
        QVERIFY(booking->canExtend());
        QSignalSpy holds(booking, &BookingService::holdChanged);
        booking->extendHold();
        QVERIFY(holds.wait(kTimeoutMs));
        QCOMPARE(booking->hold().holdId, holdId);
        QVERIFY(booking->remainingSeconds() > 890);
        QVERIFY(booking->hold().expiresAtMs <= booking->hold().maxExpiresAtMs);
    }

    void releaseGivesTheSeatsBack()
    {
        BookingService* booking = m_fan->booking();
        const QString holdId = booking->hold().holdId;
        booking->releaseHold();
        QCOMPARE(booking->state(), State::NoHold);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_server.query(QStringLiteral("SELECT count(*) FROM seat_holds WHERE id = '%1'").arg(holdId)).value(0)
                    == QLatin1String("0");
            },
            kTimeoutMs));
    }

    // Given up while the HoldSeats is still on its way (a kiosk wiped at its idle timeout): the
    // hold that arrives afterwards is released at once instead of keeping the seats until it expires.
    void aHoldAbandonedInFlightIsReleasedWhenItArrives()
    {
        BookingService* booking = m_fan->booking();
        booking->reset();
        const QStringList ids = freeSeats(2);
        const QString claimed = QStringLiteral("SELECT count(*) FROM seat_claims WHERE event_id = '%1' AND seat_id IN ('%2', '%3')")
                                    .arg(m_event, ids.at(0), ids.at(1));
        const QString changes = QStringLiteral("SELECT count(*) FROM seat_status_changes WHERE event_id = '%1'").arg(m_event);
        const int changesBefore = m_server.query(changes).value(0).toInt();
        QVERIFY(booking->holdSeats(seats(ids)));
        QCOMPARE(booking->state(), State::Holding);
        booking->reset(); // in the same turn of the event loop: the answer cannot have been read
        QCOMPARE(booking->state(), State::NoHold);
        // The server held the seats (one seat-status change) and released them when the late
        // answer came in (a second one); nothing is claimed afterwards.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_server.query(changes).value(0).toInt() >= changesBefore + 2
                    && m_server.query(claimed).value(0) == QLatin1String("0");
            },
            kTimeoutMs));
        QCOMPARE(booking->state(), State::NoHold);
        QVERIFY(booking->hold().holdId.isEmpty());
    }

    void takenSeatsAreNamed()
    {
        const QStringList ids = freeSeats(3);
        QVERIFY(holdAsFan(ids.mid(0, 2)));
        // The rival wants the second and third seat: the second is the fan's.
        BookingService* rival = m_rival->booking();
        QSignalSpy problems(rival, &BookingService::problemChanged);
        QVERIFY(rival->holdSeats(seats(ids.mid(1, 2))));
        QVERIFY(QTest::qWaitFor([&] { return rival->problem() == Problem::SeatsTaken; }, kTimeoutMs));
        QCOMPARE(rival->state(), State::NoHold);
        const QString label = m_fan->booking()->hold().seats.at(1).label; // the server's label
        QCOMPARE(rival->takenSeats().size(), 1);
        // Named from the cached layout the same way as the server does ("Area · Row · Seat").
        const QStringList parts = label.split(QStringLiteral(" · "));
        QVERIFY2(rival->takenSeats().first().startsWith(parts.first()), qPrintable(rival->takenSeats().first()));
        QVERIFY(rival->takenSeats().first().endsWith(parts.last()));
        QVERIFY(rival->problemText().contains(rival->takenSeats().first()));
        // Nothing was held for the rival.
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_holds h JOIN users u ON u.id = h.holder_user_id "
                                               "WHERE u.email = '%1'").arg(BookingRivals::kRivalEmail)).value(0),
                 QStringLiteral("0"));
    }

    void bestAvailableHoldsAdjacentSeats()
    {
        BookingService* rival = m_rival->booking();
        HoldRequest best;
        best.kind = HoldRequest::Kind::BestAvailable;
        best.eventId = m_event;
        best.count = 3;
        QVERIFY(rival->holdSeats(best));
        QVERIFY(waitState(rival, State::Held));
        QCOMPARE(rival->hold().seats.size(), 3);
        rival->releaseHold();
    }

    void sweeperExpiryIsShown()
    {
        // The fan's hold from takenSeatsAreNamed is live. Its expiry passes in the database:
        // the server's sweeper releases it, and the seat map's delta tells the client.
        BookingService* booking = m_fan->booking();
        QCOMPARE(booking->state(), State::Held);
        const QString holdId = booking->hold().holdId;
        QSignalSpy problems(booking, &BookingService::problemChanged);
        QVERIFY(m_server.query(QStringLiteral("UPDATE seat_holds SET expires_at = now() - interval '1 second' "
                                              "WHERE id = '%1' RETURNING id").arg(holdId)).size() == 1);
        QVERIFY(waitState(booking, State::Expired));
        QCOMPARE(booking->problem(), Problem::HoldExpired);
        QVERIFY(!booking->problemText().isEmpty());
        QVERIFY(!booking->canExtend());
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_holds WHERE id = '%1'").arg(holdId)).value(0),
                 QStringLiteral("0"));
    }

    void localCountdownExpires()
    {
        BookingService* booking = m_fan->booking();
        QVERIFY(holdAsFan(freeSeats(1, 40)));
        qint64 offsetMs = 0;
        booking->setClock([&offsetMs] { return QDateTime::currentMSecsSinceEpoch() + offsetMs; });
        offsetMs = 16 * 60 * 1000; // past the 15 minutes
        QVERIFY(waitState(booking, State::Expired));
        QCOMPARE(booking->remainingSeconds(), 0);
        QCOMPARE(booking->problem(), Problem::HoldExpired);
        booking->setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
        // The server agrees once its own expiry passes; ExtendHold is no longer offered.
        QVERIFY(!booking->canExtend());
    }

    void extendingALapsedHoldSaysExpired()
    {
        BookingService* booking = m_fan->booking();
        QVERIFY(holdAsFan(freeSeats(1, 50)));
        // Lapsed on the server, not yet swept, and the client's clock does not know yet.
        m_fan->seating()->unsubscribe(); // no delta may tell it first
        QVERIFY(m_server.query(QStringLiteral("UPDATE seat_holds SET expires_at = now() - interval '1 second', "
                                              "max_expires_at = max_expires_at WHERE id = '%1' RETURNING id")
                                   .arg(booking->hold().holdId)).size() == 1);
        booking->extendHold();
        QVERIFY(waitState(booking, State::Expired));
        QCOMPARE(booking->problem(), Problem::HoldExpired);
        QSignalSpy snapshot(m_fan->seating(), &SeatingService::snapshotReceived);
        m_fan->seating()->subscribe(m_event);
        QVERIFY(snapshot.wait(kTimeoutMs));
    }

    void offlineIsRefusedClearly()
    {
        BookingService* booking = m_fan->booking();
        booking->reset();
        m_fan->stop();
        QVERIFY(!booking->holdSeats(seats(freeSeats(1, 60))));
        QCOMPARE(booking->problem(), Problem::Offline);
        QCOMPARE(booking->state(), State::NoHold);
        QVERIFY(booking->problemText().contains(QStringLiteral("offline")));
        QVERIFY(startAndSync(*m_fan));
    }
};

QTEST_MAIN(TestBookingServer)
#include "test_booking_server.moc"
