// Live seat status end to end: an organizer blocks seats on the Seats page of one client and a
// second client's seat map shows them (status and pixels); a lost delta, a client that was
// away and a server restart each end in a fresh snapshot with the server's state.
#include "seatmap/seatmapstyle.h"
#include "seatmap/seatmapview.h"
#include "serverhelpers.h"
#include "services/seatingservice.h"
#include "views/seatsdialog.h"

#include "marquee/core/seating/demo_layouts.hpp"

#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;
using core::seating::SeatStatus;
using marquee::testing::TestServer;

namespace {

const QString kOrganizer = QStringLiteral("organizer@example.org");

bool near(const QColor& a, const QColor& b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class TestE2eSeating : public QObject {
    Q_OBJECT

    TestServer m_server;
    QTemporaryDir m_organizerDir;
    QTemporaryDir m_fanDir;
    std::unique_ptr<ClientSession> m_organizer;
    std::unique_ptr<ClientSession> m_fan;
    AdminConnection m_organizerApi;
    QString m_eventId;
    std::unique_ptr<SeatsDialog> m_organizerPage;
    std::unique_ptr<SeatsDialog> m_fanPage;

    QByteArray serverStatus() const
    {
        return serverBlockedStatus(m_server, m_eventId, m_fanPage->seatMap()->geometry().seatCount());
    }

    bool bothLive() const
    {
        return m_organizer->seating()->isLive() && m_fan->seating()->isLive() && m_organizerPage->seatMap()->hasStatus()
            && m_fanPage->seatMap()->hasStatus();
    }

    // Selects `seats` on the organizer's page and presses Block or Unblock; waits for the Ack.
    bool organizerSets(const std::vector<std::uint32_t>& seats, bool blocked)
    {
        QSignalSpy done(m_organizer->seating(), &SeatingService::seatsBlockedDone);
        QSignalSpy failed(m_organizer->seating(), &SeatingService::requestFailed);
        m_organizerPage->seatMap()->setSelectedSeats(seats);
        (blocked ? m_organizerPage->blockButton() : m_organizerPage->unblockButton())->click();
        if (!QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, kTimeoutMs) || done.isEmpty()) {
            qWarning() << "block request:" << (failed.isEmpty() ? QStringLiteral("no answer") : failed.first().at(1).value<ErrorInfo>().message);
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        const QString error = startDemoServer(m_server, {{kOrganizer, QStringLiteral("organizer")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));

        m_organizer = openSession(m_organizerDir.path(), m_server.wsUrl());
        m_fan = openSession(m_fanDir.path(), m_server.wsUrl());
        QVERIFY(m_organizer && m_fan);
        QVERIFY(startAndSync(*m_organizer));
        QVERIFY(logIn(*m_organizer, kOrganizer, kPassword));
        QVERIFY(startAndSync(*m_fan));

        // The organizer's own event at the theatre (demo events belong to nobody).
        const QString template_ =
            m_server.query(QStringLiteral("SELECT id FROM events WHERE venue_id = '%1' LIMIT 1").arg(kTheatreVenue)).value(0);
        const auto details = m_organizer->catalog()->eventDetails(template_);
        QVERIFY(details);
        core::Event own = details->event;
        own.id.clear();
        own.title = "Organizer's own night";
        QVERIFY(m_organizerApi.open(m_server.wsUrl(), kOrganizer, kPassword));
        m_eventId = m_organizerApi.upsertEvent(own).value_or(QString());
        QVERIFY(!m_eventId.isEmpty());

        // Its seat map, saved from the organizer's client, then pinned to the event.
        core::seating::Layout layout = core::seating::demo::theatre();
        layout.id.clear();
        layout.venueId = kTheatreVenue.toStdString();
        layout.name = "Own theatre plan";
        QSignalSpy saved(m_organizer->seating(), &SeatingService::layoutSaved);
        QSignalSpy failed(m_organizer->seating(), &SeatingService::requestFailed);
        m_organizer->seating()->saveLayout(layout, 0);
        QVERIFY(QTest::qWaitFor([&] { return !saved.isEmpty() || !failed.isEmpty(); }, kTimeoutMs));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).value<ErrorInfo>().message));
        const QString layoutId = saved.first().at(1).toString();
        QCOMPARE(saved.first().at(2).toUInt(), 1u);
        const QString assignError = m_organizerApi.assignEventLayout(m_eventId, layoutId, 1);
        QVERIFY2(assignError.isEmpty(), qPrintable(assignError));

        // Both clients get the event, its pin and the layout through the change log.
        QVERIFY(QTest::qWaitFor(
            [&] { return m_organizer->seating()->layoutForEvent(m_eventId) && m_fan->seating()->layoutForEvent(m_eventId); },
            kTimeoutMs));
        m_organizerPage = std::make_unique<SeatsDialog>(m_organizer.get(), m_eventId);
        m_fanPage = std::make_unique<SeatsDialog>(m_fan.get(), m_eventId);
        m_organizerPage->show();
        m_fanPage->show();
        QVERIFY(QTest::qWaitFor([&] { return bothLive(); }, kTimeoutMs));
        QVERIFY(m_organizerPage->blockButton()->isVisible());
        QVERIFY(!m_fanPage->blockButton()->isVisible()); // not an organizer
    }

    void organizerBlocksAndSecondClientSeesIt()
    {
        SeatMapView* fanMap = m_fanPage->seatMap();
        const SeatMapGeometry& geometry = fanMap->geometry();
        // Five seats of one row in the middle of the stalls.
        std::uint32_t first = geometry.seatCount() / 4;
        while (geometry.rowOf(first) != geometry.rowOf(first + 4))
            ++first;
        const std::vector<std::uint32_t> seats{first, first + 1, first + 2, first + 3, first + 4};
        for (std::uint32_t seat : seats)
            QCOMPARE(fanMap->seatStatus(seat), SeatStatus::Available);

        // The fan looks at the first of them, zoomed in far enough for marks and labels.
        fanMap->setZoom(40 / geometry.seatWidth());
        fanMap->centerOn(geometry.centre(first));
        const QPointF centre = fanMap->mapFromPlan(geometry.centre(first));
        const QPointF belowLabel = centre + QPointF(0, geometry.seatDepth() * fanMap->zoom() * 0.3);
        const QColor available = seatstyle::fillColour(SeatStatus::Available, geometry.categoryOf(first));
        const QImage before = fanMap->grab().toImage();
        QVERIFY2(near(before.pixelColor(belowLabel.toPoint()), available, 8), qPrintable(before.pixelColor(belowLabel.toPoint()).name()));

        QVERIFY(organizerSets(seats, true));
        QVERIFY(QTest::qWaitFor(
            [&] { return std::all_of(seats.begin(), seats.end(), [&](auto s) { return fanMap->seatStatus(s) == SeatStatus::Blocked; }); },
            kTimeoutMs));
        QCOMPARE(fanMap->status(), serverStatus());
        QVERIFY(QTest::qWaitFor([&] { return m_organizerPage->seatMap()->status() == serverStatus(); }, kTimeoutMs));
        QVERIFY(m_organizerPage->seatMap()->selectedSeats().empty()); // done: selection cleared

        // What the fan sees: the vermillion cross of a blocked seat through the seat's centre.
        const QImage after = fanMap->grab().toImage();
        const QColor mark = after.pixelColor(centre.toPoint());
        QVERIFY2(near(mark, QColor(0xD5, 0x5E, 0x00), 40), qPrintable(mark.name()));
        QVERIFY(!near(after.pixelColor(belowLabel.toPoint()), available, 30));
        // The seat's description says so too (tooltips and screen readers).
        QVERIFY(fanMap->seatDescription(first).contains(QStringLiteral("Blocked")));
    }

    void lostDeltaResubscribes()
    {
        SeatingService* seating = m_fan->seating();
        SeatMapView* fanMap = m_fanPage->seatMap();
        const int resubscribes = seating->resubscribeCount();
        QSignalSpy snapshots(seating, &SeatingService::snapshotReceived);
        // A delta that skips a status_seq, as if the one before it had been lost: it says a
        // free seat was sold. The service must not apply it but start over.
        std::uint32_t seat = 0;
        while (fanMap->seatStatus(seat) != SeatStatus::Available)
            ++seat;
        SeatDeltaInfo skipped;
        skipped.eventId = m_eventId;
        skipped.statusSeq = seating->statusSeq() + 2;
        skipped.seats = {seat};
        skipped.status = QByteArray(1, char(SeatStatus::Sold));
        Q_EMIT m_fan->syncClient()->seatDeltaReceived(skipped);
        QVERIFY(snapshots.wait(kTimeoutMs));
        QCOMPARE(seating->resubscribeCount(), resubscribes + 1);
        QVERIFY(QTest::qWaitFor([&] { return seating->isLive() && fanMap->hasStatus(); }, kTimeoutMs));
        QCOMPARE(fanMap->seatStatus(seat), SeatStatus::Available);
        QCOMPARE(fanMap->status(), serverStatus());

        // Deltas in sequence apply again after the fresh snapshot.
        QVERIFY(organizerSets({seat}, true));
        QVERIFY(QTest::qWaitFor([&] { return fanMap->seatStatus(seat) == SeatStatus::Blocked; }, kTimeoutMs));
        QCOMPARE(seating->resubscribeCount(), resubscribes + 1);
    }

    void clientAwayGetsFreshSnapshot()
    {
        SeatingService* seating = m_fan->seating();
        SeatMapView* fanMap = m_fanPage->seatMap();
        const int resubscribes = seating->resubscribeCount();
        m_fan->stop();
        QVERIFY(QTest::qWaitFor([&] { return !seating->isLive(); }, kTimeoutMs));
        QVERIFY(!fanMap->hasStatus()); // no stale status while offline
        QVERIFY2(m_fanPage->noticeText().contains(QStringLiteral("Offline")), qPrintable(m_fanPage->noticeText()));

        // Meanwhile the organizer unblocks two seats and blocks three others.
        const QByteArray status = serverStatus();
        std::vector<std::uint32_t> blocked, free;
        for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(status.size()); ++i)
            (status[i] == char(SeatStatus::Blocked) ? blocked : free).push_back(i);
        QVERIFY(blocked.size() >= 2 && free.size() >= 3);
        const std::vector<std::uint32_t> unblock{blocked[0], blocked[1]};
        const std::vector<std::uint32_t> block{free[free.size() / 2], free[free.size() / 2 + 1], free.back()};
        QVERIFY(organizerSets(unblock, false));
        QVERIFY(organizerSets(block, true));

        m_fan->start();
        QVERIFY(QTest::qWaitFor([&] { return seating->isLive() && fanMap->hasStatus(); }, kTimeoutMs));
        QCOMPARE(seating->resubscribeCount(), resubscribes + 1);
        QCOMPARE(fanMap->status(), serverStatus());
        for (std::uint32_t seat : unblock)
            QCOMPARE(fanMap->seatStatus(seat), SeatStatus::Available);
        for (std::uint32_t seat : block)
            QCOMPARE(fanMap->seatStatus(seat), SeatStatus::Blocked);
        QVERIFY(m_fanPage->noticeText().isEmpty());
    }

    void serverRestartResubscribesBoth()
    {
        const int fanResubscribes = m_fan->seating()->resubscribeCount();
        m_server.kill();
        QVERIFY(QTest::qWaitFor([&] { return !m_fan->seating()->isLive() && !m_organizer->seating()->isLive(); }, kTimeoutMs));
        QVERIFY(!m_organizerPage->blockButton()->isEnabled()); // nothing to send to while offline
        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QVERIFY(QTest::qWaitFor([&] { return bothLive(); }, kTimeoutMs));
        QVERIFY(m_fan->seating()->resubscribeCount() > fanResubscribes);
        QCOMPARE(m_fanPage->seatMap()->status(), serverStatus());

        // status_seq continues across the restart: the next change arrives as a delta.
        QSignalSpy deltas(m_fan->seating(), &SeatingService::deltaReceived);
        std::uint32_t seat = m_fanPage->seatMap()->geometry().seatCount() - 1;
        while (m_fanPage->seatMap()->seatStatus(seat) != SeatStatus::Available)
            --seat;
        QVERIFY(organizerSets({seat}, true));
        QVERIFY(QTest::qWaitFor([&] { return m_fanPage->seatMap()->seatStatus(seat) == SeatStatus::Blocked; }, kTimeoutMs));
        QVERIFY(!deltas.isEmpty());
        QCOMPARE(m_fanPage->seatMap()->status(), serverStatus());
    }

    void cleanupTestCase()
    {
        m_fanPage.reset();
        m_organizerPage.reset();
        m_fan.reset();
        m_organizer.reset();
    }
};

QTEST_MAIN(TestE2eSeating)
#include "test_e2e_seating.moc"
