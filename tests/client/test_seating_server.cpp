// SeatingService against the real server: seat-status snapshots and deltas in sequence,
// block refusals (with the Seats page's message), and saving and fetching layouts (versions,
// conflicts, validation problems, roles).
#include "serverhelpers.h"
#include "seatmap/seatmaplegend.h"
#include "seatmap/seatmapview.h"
#include "services/seatingservice.h"
#include "views/seatsdialog.h"

#include "marquee/core/seating/demo_layouts.hpp"
#include "marquee/core/seating/seat_index.hpp"

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
const QString kFan = QStringLiteral("fan@example.org");

// Waits for the answer to `requestId`: one of the success spies or requestFailed.
std::optional<ErrorInfo> waitFailure(QSignalSpy& success, QSignalSpy& failed, quint64 requestId)
{
    const auto matches = [&](const QSignalSpy& spy) {
        return std::any_of(spy.begin(), spy.end(), [&](const QList<QVariant>& args) { return args.at(0).toULongLong() == requestId; });
    };
    if (!QTest::qWaitFor([&] { return matches(success) || matches(failed); }, kTimeoutMs))
        return ErrorInfo{ErrorCode::Timeout, QStringLiteral("no answer in the test"), {}};
    for (const auto& args : failed)
        if (args.at(0).toULongLong() == requestId)
            return args.at(1).value<ErrorInfo>();
    return std::nullopt;
}

core::seating::Layout ownTheatre()
{
    core::seating::Layout layout = core::seating::demo::theatre();
    layout.id.clear();
    layout.venueId = kTheatreVenue.toStdString();
    layout.name = "Organizer's theatre";
    return layout;
}

} // namespace

class TestSeatingServer : public QObject {
    Q_OBJECT

    TestServer m_server;
    QTemporaryDir m_adminDir, m_organizerDir, m_fanDir;
    std::unique_ptr<ClientSession> m_admin, m_organizer, m_fan;
    QString m_demoEvent; // a demo theatre event (owned by nobody: admins may block)

    QByteArray serverStatus(const QString& eventId, std::uint32_t seats) const
    {
        return serverBlockedStatus(m_server, eventId, seats);
    }

    // Subscribes `session` to the event and returns the snapshot.
    std::optional<SeatSnapshotInfo> subscribe(ClientSession& session, const QString& eventId)
    {
        QSignalSpy snapshots(session.seating(), &SeatingService::snapshotReceived);
        session.seating()->subscribe(eventId);
        if (!snapshots.wait(kTimeoutMs))
            return std::nullopt;
        return snapshots.first().first().value<SeatSnapshotInfo>();
    }

    std::optional<ErrorInfo> block(ClientSession& session, const QString& eventId, const QStringList& seatIds, bool blocked)
    {
        QSignalSpy done(session.seating(), &SeatingService::seatsBlockedDone);
        QSignalSpy failed(session.seating(), &SeatingService::requestFailed);
        return waitFailure(done, failed, session.seating()->setSeatsBlocked(eventId, seatIds, blocked));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        const QString error =
            startDemoServer(m_server, {{kOrganizer, QStringLiteral("organizer")}, {kFan, QStringLiteral("attendee")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_admin = openSession(m_adminDir.path(), m_server.wsUrl());
        m_organizer = openSession(m_organizerDir.path(), m_server.wsUrl());
        m_fan = openSession(m_fanDir.path(), m_server.wsUrl());
        QVERIFY(m_admin && m_organizer && m_fan);
        for (auto* s : {m_admin.get(), m_organizer.get(), m_fan.get()})
            QVERIFY(startAndSync(*s));
        QVERIFY(logIn(*m_admin, kAdminEmail, kPassword));
        QVERIFY(logIn(*m_organizer, kOrganizer, kPassword));
        QVERIFY(logIn(*m_fan, kFan, kPassword));
        m_demoEvent = m_server
                          .query(QStringLiteral("SELECT id FROM events WHERE venue_id = '%1' AND layout_id IS NOT NULL "
                                                "ORDER BY starts_at LIMIT 1")
                                     .arg(kTheatreVenue))
                          .value(0);
        QVERIFY(!m_demoEvent.isEmpty());
    }

    void snapshotIsTheServersState()
    {
        const auto layout = m_fan->seating()->layoutForEvent(m_demoEvent);
        QVERIFY(layout); // synced through the change log
        const std::uint32_t seats = core::seating::SeatIndex(*layout).size();
        QSignalSpy live(m_fan->seating(), &SeatingService::liveChanged);
        const auto snapshot = subscribe(*m_fan, m_demoEvent);
        QVERIFY(snapshot);
        QCOMPARE(snapshot->eventId.toLower(), m_demoEvent.toLower());
        QCOMPARE(snapshot->layoutId.toStdString(), layout->id);
        QCOMPARE(snapshot->layoutVersion, layout->version);
        QCOMPARE(snapshot->status, serverStatus(m_demoEvent, seats));
        QVERIFY(snapshot->status.count(char(SeatStatus::Blocked)) >= 6); // the demo's mixing-desk run
        QVERIFY(m_fan->seating()->isLive());
        QCOMPARE(live.count(), 1);
        QCOMPARE(m_fan->seating()->statusSeq(), snapshot->statusSeq);
    }

    void deltasFollowInSequence()
    {
        // The fan is subscribed (previous test); an admin blocks two seats and unblocks one.
        const auto layout = m_fan->seating()->layoutForEvent(m_demoEvent);
        QVERIFY(layout);
        const core::seating::SeatIndex index(*layout);
        const auto snapshotStatus = serverStatus(m_demoEvent, index.size());
        std::vector<std::uint32_t> free;
        for (std::uint32_t i = 0; i < index.size() && free.size() < 2; ++i)
            if (snapshotStatus[i] == char(SeatStatus::Available))
                free.push_back(i);
        const QStringList ids{QString::fromStdString(index.seat(free[0]).id), QString::fromStdString(index.seat(free[1]).id)};
        const std::uint64_t seq = m_fan->seating()->statusSeq();
        QSignalSpy deltas(m_fan->seating(), &SeatingService::deltaReceived);

        QVERIFY(!block(*m_admin, m_demoEvent, ids, true));
        QVERIFY(QTest::qWaitFor([&] { return deltas.count() >= 1; }, kTimeoutMs));
        auto delta = deltas.at(0).first().value<SeatDeltaInfo>();
        QCOMPARE(delta.statusSeq, seq + 1);
        QCOMPARE(delta.seats, free);
        QCOMPARE(delta.status, QByteArray(2, char(SeatStatus::Blocked)));

        QVERIFY(!block(*m_admin, m_demoEvent, {ids[1]}, false));
        QVERIFY(QTest::qWaitFor([&] { return deltas.count() >= 2; }, kTimeoutMs));
        delta = deltas.at(1).first().value<SeatDeltaInfo>();
        QCOMPARE(delta.statusSeq, seq + 2);
        QCOMPARE(delta.seats, std::vector<std::uint32_t>{free[1]});
        QCOMPARE(delta.status, QByteArray(1, char(SeatStatus::Available)));
        QCOMPARE(m_fan->seating()->statusSeq(), seq + 2);
        QCOMPARE(m_fan->seating()->resubscribeCount(), 0); // no gap
    }

    void blockRefusals_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("seat"); // "known": a free seat of the event
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("detailKey");
        QTest::newRow("unknown seat id") << kAdminEmail << QStringLiteral("no-such-seat") << int(ErrorCode::FailedPrecondition)
                                         << QStringLiteral("seat.no-such-seat");
        QTest::newRow("attendee") << kFan << QStringLiteral("known") << int(ErrorCode::PermissionDenied) << QString();
        QTest::newRow("organizer, someone else's event")
            << kOrganizer << QStringLiteral("known") << int(ErrorCode::PermissionDenied) << QStringLiteral("id");
    }

    void blockRefusals()
    {
        QFETCH(QString, who);
        QFETCH(QString, seat);
        QFETCH(int, code);
        QFETCH(QString, detailKey);
        ClientSession& session = who == kAdminEmail ? *m_admin : who == kFan ? *m_fan : *m_organizer;
        const auto layout = session.seating()->layoutForEvent(m_demoEvent);
        QVERIFY(layout);
        const core::seating::SeatIndex index(*layout);
        const QByteArray before = serverStatus(m_demoEvent, index.size());
        const std::uint32_t known = static_cast<std::uint32_t>(before.indexOf(char(SeatStatus::Available)));
        const QStringList ids{seat == QLatin1String("known") ? QString::fromStdString(index.seat(known).id) : seat};
        // A known free seat next to the refused one: all or nothing, it must stay free too.
        const QStringList withFree = ids + QStringList{QString::fromStdString(index.seat(known + 1).id)};
        QSignalSpy deltas(m_fan->seating(), &SeatingService::deltaReceived);

        const auto error = block(session, m_demoEvent, withFree, true);
        QVERIFY(error);
        QCOMPARE(int(error->code), code);
        QVERIFY(!error->message.isEmpty());
        if (!detailKey.isEmpty())
            QVERIFY2(error->details.contains(detailKey), qPrintable(QStringList(error->details.keys()).join(QLatin1Char(' '))));
        QCOMPARE(serverStatus(m_demoEvent, index.size()), before); // nothing changed
        QCOMPARE(deltas.count(), 0);
    }

    void seatsPageShowsRefusal()
    {
        // The organizer opens a demo event (not theirs), picks seats and presses Block.
        SeatsDialog page(m_organizer.get(), m_demoEvent);
        page.show();
        QVERIFY(QTest::qWaitFor([&] { return page.seatMap()->hasStatus() && page.blockButton()->isEnabled(); }, kTimeoutMs));
        const QByteArray status = page.seatMap()->status();
        const auto free = static_cast<std::uint32_t>(status.indexOf(char(SeatStatus::Available)));
        page.seatMap()->setSelectedSeats({free});
        QSignalSpy failed(m_organizer->seating(), &SeatingService::requestFailed);
        page.blockButton()->click();
        QVERIFY(failed.wait(kTimeoutMs));
        QVERIFY2(page.resultText().contains(QStringLiteral("own events")), qPrintable(page.resultText()));
        QVERIFY(page.blockButton()->isEnabled()); // ready for another try
        QCOMPARE(page.seatMap()->status(), status);
    }

    void seatsPageNamesRefusedSeats()
    {
        SeatsDialog page(m_admin.get(), m_demoEvent);
        page.show();
        QVERIFY(QTest::qWaitFor([&] { return page.seatMap()->hasStatus() && page.blockButton()->isEnabled(); }, kTimeoutMs));
        const QByteArray status = page.seatMap()->status();
        const auto first = static_cast<std::uint32_t>(status.indexOf(QByteArray(2, char(SeatStatus::Available))));
        const core::seating::SeatIndex& index = page.seatMap()->geometry().index();
        // The seat is sold after the page drew its map (there is no sales API yet: the claim
        // is written the way the booking service will write it, without a status push).
        m_server.query(QStringLiteral("INSERT INTO seat_claims (event_id, seat_id, seat_index, kind) VALUES ('%1', '%2', %3, 'sold')")
                           .arg(m_demoEvent, QString::fromStdString(index.seat(first).id))
                           .arg(first));
        page.seatMap()->setSelectedSeats({first, first + 1});
        QSignalSpy failed(m_admin->seating(), &SeatingService::requestFailed);
        page.blockButton()->click();
        QVERIFY(failed.wait(kTimeoutMs));
        const QString expected = QStringLiteral("%1, row %2, seat %3: sold")
                                     .arg(QString::fromStdString(index.area(first).label),
                                          QString::fromStdString(index.row(first).label),
                                          QString::fromStdString(index.seat(first).label));
        QVERIFY2(page.resultText().contains(QStringLiteral("Nothing was changed")), qPrintable(page.resultText()));
        QVERIFY2(page.resultText().contains(expected), qPrintable(page.resultText()));
        // All or nothing: the other seat stays free.
        QCOMPARE(serverStatus(m_demoEvent, index.size())[first + 1], char(SeatStatus::Available));
        m_server.query(QStringLiteral("DELETE FROM seat_claims WHERE event_id = '%1' AND kind = 'sold'").arg(m_demoEvent));
    }

    void saveAndFetchLayouts()
    {
        SeatingService* seating = m_organizer->seating();
        QSignalSpy saved(seating, &SeatingService::layoutSaved);
        QSignalSpy fetched(seating, &SeatingService::layoutFetched);
        QSignalSpy failed(seating, &SeatingService::requestFailed);

        core::seating::Layout layout = ownTheatre();
        auto request = seating->saveLayout(layout, 0);
        QVERIFY(!waitFailure(saved, failed, request));
        const QString layoutId = saved.last().at(1).toString();
        QVERIFY(!layoutId.isEmpty());
        QCOMPARE(saved.last().at(2).toUInt(), 1u);
        layout.id = layoutId.toStdString();
        layout.version = 1;

        request = seating->getLayout(layoutId, 1);
        QVERIFY(!waitFailure(fetched, failed, request));
        auto copy = fetched.last().at(1).value<std::shared_ptr<const core::seating::Layout>>();
        QVERIFY(copy);
        QVERIFY(*copy == layout);

        // A second version on top of the first; the newest is what version 0 fetches.
        layout.name = "Organizer's theatre, second version";
        request = seating->saveLayout(layout, 1);
        QVERIFY(!waitFailure(saved, failed, request));
        QCOMPARE(saved.last().at(2).toUInt(), 2u);
        request = seating->getLayout(layoutId);
        QVERIFY(!waitFailure(fetched, failed, request));
        copy = fetched.last().at(1).value<std::shared_ptr<const core::seating::Layout>>();
        QCOMPARE(copy->version, 2u);
        QCOMPARE(copy->name, layout.name);

        // Saving on a stale version is a conflict that names the newest version.
        auto error = waitFailure(saved, failed, seating->saveLayout(layout, 1));
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::FailedPrecondition);
        QCOMPARE(error->details.value(QStringLiteral("newest_version")), QStringLiteral("2"));

        // Validation problems come back as a list; nothing is stored.
        core::seating::Layout broken = ownTheatre();
        auto& seats = broken.areas.at(0).rows.at(0).seats;
        seats.at(1).position = seats.at(0).position; // two seats on one spot
        seats.at(1).label = seats.at(0).label;       // with one label
        const int versionsBefore = m_server.query(QStringLiteral("SELECT count(*) FROM seating_layout_versions")).value(0).toInt();
        error = waitFailure(saved, failed, seating->saveLayout(broken, 0));
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::InvalidArgument);
        QVERIFY(error->details.contains(QStringLiteral("problem.0")));
        QVERIFY(error->details.value(QStringLiteral("count")).toInt() >= 2);
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seating_layout_versions")).value(0).toInt(), versionsBefore);

        // Attendees may not save; a layout that does not exist is not found.
        QSignalSpy fanSaved(m_fan->seating(), &SeatingService::layoutSaved);
        QSignalSpy fanFailed(m_fan->seating(), &SeatingService::requestFailed);
        error = waitFailure(fanSaved, fanFailed, m_fan->seating()->saveLayout(ownTheatre(), 0));
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::PermissionDenied);
        error = waitFailure(fetched, failed, seating->getLayout(QStringLiteral("5ea70000-0000-4000-8000-0000000000ff"), 1));
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::NotFound);
    }

    void seatsPageOnlineAndOffline_data()
    {
        QTest::addColumn<QString>("venue");
        QTest::newRow("theatre") << kTheatreVenue;
        QTest::newRow("stadium") << kStadiumVenue;
    }

    void seatsPageOnlineAndOffline()
    {
        // What an attendee sees: live status with the legend, then the saved map offline.
        // MARQUEE_SCREENSHOT_DIR=dir saves both as PNG to look at.
        QFETCH(QString, venue);
        const QString eventId =
            m_server
                .query(QStringLiteral("SELECT id FROM events WHERE venue_id = '%1' AND layout_id IS NOT NULL ORDER BY starts_at LIMIT 1")
                           .arg(venue))
                .value(0);
        QVERIFY(!eventId.isEmpty());
        const QString shots = qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR");
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        {
            SeatsDialog page(m_fan.get(), eventId);
            page.show();
            QVERIFY(QTest::qWaitFor([&] { return page.seatMap()->hasStatus(); }, kTimeoutMs));
            QVERIFY2(page.noticeText().isEmpty(), qPrintable(page.noticeText()));
            QVERIFY(!page.blockButton()->isVisible()); // attendees do not block
            QCOMPARE(page.seatMap()->status(), serverStatus(eventId, page.seatMap()->geometry().seatCount()));
            // The legend counts free seats per price once the status is in.
            const auto* legend = page.findChild<SeatMapLegend*>();
            QVERIFY(legend);
            QVERIFY(QTest::qWaitFor([&] { return legend->categoryTexts().value(0).endsWith(QStringLiteral("free")); }, kTimeoutMs));
            if (!shots.isEmpty())
                page.grab().save(shots + QStringLiteral("/seats-%1-online.png").arg(tag));
        }
        m_fan->stop();
        {
            SeatsDialog page(m_fan.get(), eventId);
            page.show();
            QVERIFY(page.seatMap()->seatingLayout()); // from the cache
            QVERIFY(!page.seatMap()->hasStatus());
            QVERIFY2(page.noticeText().startsWith(QStringLiteral("Offline")), qPrintable(page.noticeText()));
            if (!shots.isEmpty())
                page.grab().save(shots + QStringLiteral("/seats-%1-offline.png").arg(tag));
        }
        m_fan->start();
        QVERIFY(QTest::qWaitFor([&] { return m_fan->syncClient()->isConnected(); }, kTimeoutMs));
    }

    void subscribingToAnUnknownEventFails()
    {
        SeatingService* seating = m_organizer->seating();
        QSignalSpy failed(seating, &SeatingService::subscriptionFailed);
        seating->subscribe(QStringLiteral("00000000-0000-4000-8000-00000000abcd"));
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.first().at(1).value<ErrorInfo>().code, ErrorCode::NotFound);
        QVERIFY(!seating->isLive());
        seating->unsubscribe();
    }
};

QTEST_MAIN(TestSeatingServer)
#include "test_seating_server.moc"
