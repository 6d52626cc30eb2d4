// The client's ingest admin screen against the real server: list sources, run a feed served
// over HTTP from this test, the source's runs, the quarantined record with its reason and raw
// data, a mapping fix and retry that moves it into the catalog, an attendee refused, and runs
// that died half-way or are in progress. The window is rendered offscreen to ingest-admin*.png
// (in the test's working directory) for a look.
#include "serverhelpers.h"
#include "services/ingestadminservice.h"
#include "views/ingestadminwindow.h"

#include <QApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <utility>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;

namespace {

const QString kAttendee = QStringLiteral("fan@example.org");

// A JSON-LD page with one mappable event and one whose category no mapping covers.
const QByteArray kPage = "[{\"@type\":\"MusicEvent\",\"@id\":\"gig-1\",\"name\":\"Harbour Gig\","
                         "\"startDate\":\"2027-03-01T19:00:00Z\"},"
                         "{\"@type\":\"Event\",\"@id\":\"slam-1\",\"name\":\"Poetry Slam\","
                         "\"startDate\":\"2027-03-02T19:00:00Z\",\"keywords\":\"Poetry slam\"}]";

// Answers every HTTP request with kPage (one request per connection, then closes).
class FeedServer : public QTcpServer {
public:
    FeedServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (auto* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    if (!m_buffers[socket].contains("\r\n\r\n"))
                        return;
                    ++requests;
                    if (holdAnswers) {
                        m_held.push_back(socket);
                        return;
                    }
                    answer(socket);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    // Answers the requests held back while holdAnswers was set.
    void releaseHeld()
    {
        holdAnswers = false;
        for (auto* socket : std::exchange(m_held, {}))
            answer(socket);
    }
    int requests = 0;
    bool holdAnswers = false;

private:
    static void answer(QTcpSocket* socket)
    {
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/ld+json\r\nConnection: close\r\nContent-Length: "
                                  + QByteArray::number(kPage.size()) + "\r\n\r\n" + kPage);
                    socket->disconnectFromHost();
    }
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QVector<QTcpSocket*> m_held;
};

} // namespace

class TestIngestAdminServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void adminRunsFixesAndRetries()
    {
        marquee::testing::TestServer server;
        const QString error = startDemoServer(server, {{kAttendee, QStringLiteral("attendee")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        FeedServer feed;
        QVERIFY(feed.listen(QHostAddress::LocalHost));
        // Paused, so only "Run now" fetches it; strict, so the unmapped category is quarantined.
        QString sqlError;
        server.query(QStringLiteral("INSERT INTO sources (name, kind, url, format, default_category, paused) VALUES "
                                    "('harbour', 'url', 'http://127.0.0.1:%1/page', 'jsonld', NULL, true)")
                         .arg(feed.serverPort()),
                     &sqlError);
        QVERIFY2(sqlError.isEmpty(), qPrintable(sqlError));

        QTemporaryDir dir;
        auto session = loggedInSession(dir.path(), server.wsUrl(), kAdminEmail);
        QVERIFY(session);

        IngestAdminService service(session->syncClient());
        QSignalSpy sources(&service, &IngestAdminService::sourcesReceived);
        QSignalSpy quarantine(&service, &IngestAdminService::quarantineReceived);
        QSignalSpy failed(&service, &IngestAdminService::requestFailed);
        IngestAdminWindow window(&service);
        window.show();
        QVERIFY(sources.wait(kTimeoutMs));
        auto listed = sources.takeFirst().first().value<QVector<IngestSourceInfo>>();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0].name, QStringLiteral("harbour"));
        QVERIFY(listed[0].paused);
        QCOMPARE(listed[0].lastStatus, QStringLiteral("never"));

        QSignalSpy finished(&service, &IngestAdminService::runFinished);
        service.runSource(QStringLiteral("harbour"));
        QVERIFY(service.isRunning(QStringLiteral("harbour")));
        QVERIFY(window.statusText().contains(QStringLiteral("Running harbour")));
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(!service.isRunning(QStringLiteral("harbour")));
        const auto run = finished.first().at(1).value<SourceRunInfo>();
        QCOMPARE(run.status, QStringLiteral("ok"));
        QCOMPARE(run.counts.created, 1U);
        QCOMPARE(run.counts.quarantined, 1U);
        QCOMPARE(feed.requests, 1);
        QVERIFY2(window.statusText().contains(QStringLiteral("1 new")), qPrintable(window.statusText()));

        // The window refreshes after the run; the quarantine shows the record and its reason.
        quarantine.clear();
        QVERIFY(quarantine.wait(kTimeoutMs));
        const auto entries = quarantine.last().first().value<QVector<QuarantineInfo>>();
        QCOMPARE(entries.size(), 1);
        QVERIFY2(entries[0].reason.contains(QStringLiteral("no category mapping for 'Poetry slam'")),
                 qPrintable(entries[0].reason));
        QVERIFY(entries[0].raw.contains(QStringLiteral("Poetry Slam")));
        QVERIFY(entries[0].fetchedAt.isValid());
        QVERIFY(QTest::qWaitFor([&] { return !sources.isEmpty(); }, kTimeoutMs));
        listed = sources.last().first().value<QVector<IngestSourceInfo>>();
        QCOMPARE(listed[0].lastStatus, QStringLiteral("ok"));
        QCOMPARE(listed[0].openQuarantine, 1U);
        // The selected source's runs: this one, completed, with its counts.
        QSignalSpy runs(&service, &IngestAdminService::runsReceived);
        QVERIFY(QTest::qWaitFor([&] {
            if (!runs.isEmpty() && !runs.last().at(1).value<QVector<IngestRunInfo>>().isEmpty())
                return true;
            service.refreshRuns(QStringLiteral("harbour"));
            return runs.wait(kTimeoutMs) && !runs.last().at(1).value<QVector<IngestRunInfo>>().isEmpty();
        }, kTimeoutMs));
        const auto ranRuns = runs.last().at(1).value<QVector<IngestRunInfo>>();
        QCOMPARE(ranRuns.size(), 1);
        QCOMPARE(ranRuns[0].source, QStringLiteral("harbour"));
        QCOMPARE(ranRuns[0].state, QStringLiteral("completed"));
        QVERIFY(ranRuns[0].hasCounts);
        QCOMPARE(ranRuns[0].seen, 2U);
        QCOMPARE(ranRuns[0].counts.created, 1U);
        QCOMPARE(ranRuns[0].counts.quarantined, 1U);
        QVERIFY(ranRuns[0].finishedAt >= ranRuns[0].startedAt);
        QVERIFY(QTest::qWaitFor([&] { return window.runsTitle().contains(QStringLiteral("harbour")); }, kTimeoutMs));
        QVERIFY(window.grab().save(QStringLiteral("ingest-admin.png")));

        QSignalSpy mapped(&service, &IngestAdminService::mappingSaved);
        service.setCategoryMapping(QStringLiteral("harbour"), QStringLiteral("Poetry slam"), QStringLiteral("no.such"));
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.first().at(1).value<ErrorInfo>().code, ErrorCode::InvalidArgument);
        service.setCategoryMapping(QStringLiteral("harbour"), QStringLiteral("Poetry slam"), QStringLiteral("talks.readings"));
        QVERIFY(mapped.wait(kTimeoutMs));

        QSignalSpy retried(&service, &IngestAdminService::retryFinished);
        service.retry({entries[0].id});
        QVERIFY(retried.wait(kTimeoutMs));
        const auto outcomes = retried.first().first().value<QVector<RetryOutcomeInfo>>();
        QCOMPARE(outcomes.size(), 1);
        QVERIFY2(outcomes[0].resolved, qPrintable(outcomes[0].reason));
        QCOMPARE(server.query(QStringLiteral("SELECT count(*) FROM events WHERE title = 'Poetry Slam' "
                                             "AND category_id = 'talks.readings'")),
                 QStringList{QStringLiteral("1")});
        quarantine.clear();
        QVERIFY(quarantine.wait(kTimeoutMs)); // the window's refresh after the retry
        QVERIFY(quarantine.last().first().value<QVector<QuarantineInfo>>().isEmpty());

        // An attendee's connection is refused every admin request.
        QTemporaryDir attendeeDir;
        auto attendee = loggedInSession(attendeeDir.path(), server.wsUrl(), kAttendee);
        QVERIFY(attendee);
        IngestAdminService refused(attendee->syncClient());
        QSignalSpy refusals(&refused, &IngestAdminService::requestFailed);
        refused.refreshSources();
        refused.runSource(QStringLiteral("harbour"));
        refused.refreshQuarantine();
        QVERIFY(QTest::qWaitFor([&] { return refusals.size() == 3; }, kTimeoutMs));
        for (const auto& args : refusals)
            QCOMPARE(args.at(1).value<ErrorInfo>().code, ErrorCode::PermissionDenied);
        QCOMPARE(feed.requests, 1); // the refused run fetched nothing
        QSignalSpy refusedRuns(&refused, &IngestAdminService::requestFailed);
        refused.refreshRuns(QStringLiteral("harbour"));
        QVERIFY(refusedRuns.wait(kTimeoutMs));
        QCOMPARE(refusedRuns.first().at(1).value<ErrorInfo>().code, ErrorCode::PermissionDenied);
    }

    // A run of `marquee-server ingest` killed between chunks shows as interrupted with how far
    // it got; while another session holds the source's lock (as a run on another server
    // instance does) it shows as running with its chunk progress, and the window polls until
    // that changes. An unknown source is refused.
    void adminSeesInterruptedAndRunningRuns()
    {
        marquee::testing::TestServer server;
        const QString error = startDemoServer(server, {});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("city.ics"));
        {
            QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
            for (int i = 0; i < 300; ++i)
                ics += "BEGIN:VEVENT\r\nUID:uid-" + QByteArray::number(i) + "\r\nSUMMARY:Concert " + QByteArray::number(i)
                       + "\r\nDTSTART:20270601T" + QByteArray::number(10 + i % 10) + "0000Z\r\nEND:VEVENT\r\n";
            ics += "END:VCALENDAR\r\n";
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(ics);
        }
        QProcess ingest;
        ingest.start(marquee::testing::TestServer::serverBinary(),
                     {QStringLiteral("ingest"), QStringLiteral("--database-url"), server.databaseUrl(), QStringLiteral("--file"),
                      path, QStringLiteral("--source"), QStringLiteral("city"), QStringLiteral("--chunk-events"),
                      QStringLiteral("20"), QStringLiteral("--stop-after-chunks"), QStringLiteral("3")});
        QVERIFY(ingest.waitForFinished(120'000));
        QCOMPARE(ingest.exitCode(), 75); // killed after its third chunk

        QTemporaryDir dataDir;
        auto session = loggedInSession(dataDir.path(), server.wsUrl(), kAdminEmail);
        QVERIFY(session);
        IngestAdminService service(session->syncClient());
        QSignalSpy runs(&service, &IngestAdminService::runsReceived);
        QSignalSpy failed(&service, &IngestAdminService::requestFailed);
        IngestAdminWindow window(&service);
        window.show();
        const auto lastRun = [&] { return runs.last().at(1).value<QVector<IngestRunInfo>>().value(0); };
        QVERIFY(QTest::qWaitFor([&] { return !runs.isEmpty() && lastRun().id != 0; }, kTimeoutMs)); // city is selected
        QCOMPARE(runs.last().at(0).toString(), QStringLiteral("city"));
        auto run = lastRun();
        QCOMPARE(run.state, QStringLiteral("interrupted"));
        QCOMPARE(run.chunksTotal, 15U);
        QVERIFY(run.chunksCommitted >= 3 && run.chunksCommitted < 15);
        QVERIFY(!run.hasCounts);
        QVERIFY(!run.finishedAt.isValid());
        QCOMPARE(run.rerunAttempts, 0U);
        QCOMPARE(run.rerunLimit, 3U);
        QVERIFY(window.grab().save(QStringLiteral("ingest-admin-interrupted.png")));

        // Another session takes the source's lock: the run is going on elsewhere.
        const QString sourceId = server.query(QStringLiteral("SELECT id FROM sources WHERE name = 'city'")).value(0);
        QVERIFY(!sourceId.isEmpty());
        QProcess holder;
        holder.start(QStringLiteral("psql"), {QStringLiteral("-d"), server.databaseUrl(), QStringLiteral("-qAt")});
        QVERIFY(holder.waitForStarted());
        holder.write(QStringLiteral("SELECT 'locked' FROM (SELECT pg_advisory_lock(%1, (%2 & 2147483647)::int4)) AS l;\n")
                         .arg(0x4D53)
                         .arg(sourceId)
                         .toUtf8());
        QByteArray held;
        QVERIFY(QTest::qWaitFor([&] {
            held += holder.readAllStandardOutput();
            return held.contains("locked");
        }, kTimeoutMs));
        runs.clear();
        service.refreshRuns(QStringLiteral("city"));
        QVERIFY(QTest::qWaitFor([&] { return !runs.isEmpty() && lastRun().state == QLatin1String("running"); }, kTimeoutMs));
        run = lastRun();
        QVERIFY(run.chunksCommitted >= 3);
        QCOMPARE(run.chunksTotal, 15U);
        QVERIFY(window.grab().save(QStringLiteral("ingest-admin-running.png")));
        // The window keeps asking while the run is going, and sees it stop.
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(kTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return !runs.isEmpty() && lastRun().state == QLatin1String("interrupted"); }, kTimeoutMs));

        service.refreshRuns(QStringLiteral("nope"));
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.first().at(1).value<ErrorInfo>().code, ErrorCode::NotFound);
    }

    // Adding and pausing a source from the client, the mapping list, and the progress of a
    // run (held in its fetch by the feed server) in the window while it is going.
    void adminAddsPausesAndWatchesProgress()
    {
        marquee::testing::TestServer server;
        const QString error = startDemoServer(server, {});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        FeedServer feed;
        QVERIFY(feed.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        auto session = loggedInSession(dir.path(), server.wsUrl(), kAdminEmail);
        QVERIFY(session);

        IngestAdminService service(session->syncClient());
        QSignalSpy sources(&service, &IngestAdminService::sourcesReceived);
        QSignalSpy failed(&service, &IngestAdminService::requestFailed);
        QSignalSpy added(&service, &IngestAdminService::sourceAdded);
        QSignalSpy paused(&service, &IngestAdminService::pausedChanged);
        QSignalSpy mappings(&service, &IngestAdminService::mappingsReceived);
        IngestAdminWindow window(&service);
        window.show();
        QVERIFY(sources.wait(kTimeoutMs));

        const QString url = QStringLiteral("http://127.0.0.1:%1/page").arg(feed.serverPort());
        service.addSource(NewSourceInfo{QStringLiteral("harbour"), url, QStringLiteral("jsonld"), 30, QStringLiteral("Europe/Paris")});
        QVERIFY(added.wait(kTimeoutMs));
        QCOMPARE(added.first().first().value<IngestSourceInfo>().intervalSeconds, 1800U);
        service.addSource(NewSourceInfo{QStringLiteral("harbour"), url, QStringLiteral("jsonld"), 30, {}});
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.first().at(1).value<ErrorInfo>().code, ErrorCode::AlreadyExists);
        // A new source is due at once: the server's scheduler (woken by the add) runs it.
        const auto lastListed = [&] { return sources.last().first().value<QVector<IngestSourceInfo>>().value(0); };
        QVERIFY(QTest::qWaitFor([&] {
            if (!sources.isEmpty() && lastListed().lastStatus == QLatin1String("ok"))
                return true;
            service.refreshSources();
            return false;
        }, kTimeoutMs));
        QCOMPARE(feed.requests, 1);
        service.setPaused(QStringLiteral("harbour"), true);
        QVERIFY(paused.wait(kTimeoutMs));
        sources.clear();
        QVERIFY(QTest::qWaitFor([&] { return !sources.isEmpty() && lastListed().paused; }, kTimeoutMs));

        feed.holdAnswers = true;
        QSignalSpy finished(&service, &IngestAdminService::runFinished);
        service.runSource(QStringLiteral("harbour"));
        QVERIFY(QTest::qWaitFor([&] { return feed.requests == 2; }, kTimeoutMs));
        // The window polls ListSources while the run is going; the run waits in its fetch.
        QVERIFY2(QTest::qWaitFor([&] { return window.statusText().contains(QStringLiteral("fetching the feed")); }, kTimeoutMs),
                 qPrintable(window.statusText()));
        QVERIFY(window.grab().save(QStringLiteral("ingest-admin-progress.png")));
        feed.releaseHeld();
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.first().at(1).value<SourceRunInfo>().status, QStringLiteral("ok"));

        service.setCategoryMapping(QStringLiteral("harbour"), QStringLiteral("Poetry slam"), QStringLiteral("talks.readings"));
        QVERIFY(QTest::qWaitFor([&] {
            return !mappings.isEmpty() && mappings.last().first().value<QVector<CategoryMappingInfo>>().size() == 1;
        }, kTimeoutMs));
        const auto mapping = mappings.last().first().value<QVector<CategoryMappingInfo>>().first();
        QCOMPARE(mapping.externalCategory, QStringLiteral("poetry slam"));
        QCOMPARE(mapping.marqueeCategory, QStringLiteral("talks.readings"));
        QVERIFY(window.grab().save(QStringLiteral("ingest-admin-mappings.png")));
    }
};

QTEST_MAIN(TestIngestAdminServer)
#include "test_ingest_admin_server.moc"
