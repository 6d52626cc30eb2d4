// `marquee-server ingest`: the --json report, exit codes (0 with quarantined records, 1 for an
// unreadable or unparseable file, 2 for usage errors), a re-run that changes nothing, and a run
// killed between two committed chunks that the next run finishes.
#include "cli_run.hpp"
#include "test_db.hpp"
#include "test_server.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using marquee::test::TestDatabase;

namespace {

using Run = marquee::test::CliRun;

Run ingest(const TestDatabase& db, const QStringList& extra) {
    QStringList args{QStringLiteral("ingest"), QStringLiteral("--database-url"),
                     QString::fromStdString(db.connectionString())};
    return marquee::test::runServerCli(args + extra);
}

// `sources runs ...extra --json`, parsed.
QJsonArray runs(const TestDatabase& db, const QStringList& extra) {
    const auto run = marquee::test::runServerCli(QStringList{QStringLiteral("sources"), QStringLiteral("runs"),
                                                             QStringLiteral("--database-url"),
                                                             QString::fromStdString(db.connectionString())} +
                                                 extra);
    return run.exitCode == 0 ? QJsonDocument::fromJson(run.out).array() : QJsonArray{};
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const auto path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(content);
    return path;
}

// `count` events with UIDs `uid-0` ..., titles "<title> N".
QByteArray feedOf(int count, const std::string& title) {
    std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
    for (int i = 0; i < count; ++i)
        ics += "BEGIN:VEVENT\r\nUID:uid-" + std::to_string(i) + "\r\nSUMMARY:" + title + " " + std::to_string(i) +
               "\r\nDTSTART:20250601T" + (i % 24 < 10 ? "0" : "") + std::to_string(i % 24) + "0000Z\r\nEND:VEVENT\r\n";
    ics += "END:VCALENDAR\r\n";
    return QByteArray::fromStdString(ics);
}

std::int64_t count(pqxx::connection& conn, const std::string& sql) {
    pqxx::read_transaction tx(conn);
    return tx.exec1(sql)[0].as<std::int64_t>();
}

const QByteArray kFeed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                         "BEGIN:VEVENT\r\nUID:ok-1\r\nSUMMARY:Fine\r\nDTSTART:20250601T180000Z\r\nEND:VEVENT\r\n"
                         "BEGIN:VEVENT\r\nUID:bad-1\r\nSUMMARY:No start\r\nEND:VEVENT\r\n"
                         "END:VCALENDAR\r\n";

} // namespace

class TestIngestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
    }

    void jsonReportAndRerun() {
        TestDatabase db;
        QTemporaryDir dir;
        const auto path = writeFile(dir, QStringLiteral("feed.ics"), kFeed);
        const auto first = ingest(db, {QStringLiteral("--file"), path, QStringLiteral("--json")});
        QCOMPARE(first.exitCode, 0);
        const auto report = QJsonDocument::fromJson(first.out).object();
        QCOMPARE(report.value(QStringLiteral("new")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("updated")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("merged")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("cancelled")).toInt(), 0);
        const auto quarantined = report.value(QStringLiteral("quarantined")).toArray();
        QCOMPARE(quarantined.size(), 1);
        QCOMPARE(quarantined[0].toObject().value(QStringLiteral("ref")).toString(), QStringLiteral("bad-1"));
        QVERIFY(quarantined[0].toObject().value(QStringLiteral("reason")).toString().contains(QLatin1String("DTSTART")));

        const auto again = ingest(db, {QStringLiteral("--file"), path, QStringLiteral("--json"), QStringLiteral("--source"),
                                       QStringLiteral("file:feed.ics")});
        QCOMPARE(again.exitCode, 0);
        const auto second = QJsonDocument::fromJson(again.out).object();
        QCOMPARE(second.value(QStringLiteral("new")).toInt(), 0);
        QCOMPARE(second.value(QStringLiteral("unchanged")).toInt(), 1);
    }

    // A run killed (no unwinding, its connections just drop) after some of its chunks committed
    // leaves exactly those chunks' events, provenance and change-log rows and its run record
    // 'running'. The next run of the same file writes the rest, finds the committed ones
    // unchanged (no duplicate row anywhere) and records that it finished the dead run. Killed
    // again with a different payload, the next run first re-runs the dead run's stored payload,
    // then its own.
    void aRunKilledBetweenChunksIsFinishedByTheNext() {
        TestDatabase db;
        auto conn = db.connect();
        QTemporaryDir dir;
        const auto path = writeFile(dir, QStringLiteral("city.ics"), feedOf(300, "Concert"));
        const QStringList source{QStringLiteral("--source"), QStringLiteral("city")};
        const auto killed = ingest(db, QStringList{QStringLiteral("--file"), path, QStringLiteral("--chunk-events"),
                                                   QStringLiteral("20"), QStringLiteral("--stop-after-chunks"),
                                                   QStringLiteral("3")} + source);
        QCOMPARE(killed.exitCode, 75);
        const auto committed = count(*conn, "SELECT chunks_committed FROM ingest_runs WHERE status = 'running'");
        QCOMPARE(count(*conn, "SELECT chunks_total FROM ingest_runs"), std::int64_t{15});
        QVERIFY2(committed >= 3 && committed < 15, std::to_string(committed).c_str());
        QCOMPARE(count(*conn, "SELECT count(*) FROM events"), committed * 20);
        QCOMPARE(count(*conn, "SELECT count(*) FROM event_provenance"), committed * 20);
        QCOMPARE(count(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event'"), committed * 20);
        // `sources runs` shows the dead run as interrupted, with how far it got.
        const auto dead = runs(db, {QStringLiteral("city"), QStringLiteral("--json")});
        QCOMPARE(dead.size(), 1);
        QCOMPARE(dead[0].toObject().value(QStringLiteral("state")).toString(), QStringLiteral("interrupted"));
        QCOMPARE(dead[0].toObject().value(QStringLiteral("chunks_committed")).toInt(), static_cast<int>(committed));
        QCOMPARE(dead[0].toObject().value(QStringLiteral("chunks_total")).toInt(), 15);
        QVERIFY(!dead[0].toObject().contains(QStringLiteral("counts")));
        const auto table = marquee::test::runServerCli({QStringLiteral("sources"), QStringLiteral("runs"),
                                                        QStringLiteral("--database-url"),
                                                        QString::fromStdString(db.connectionString())});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains("\tcity\tinterrupted\t") &&
                     table.out.contains(QByteArray("chunks ").append(QByteArray::number(committed)).append("/15 written before it stopped")),
                 table.out.constData());

        const auto next = ingest(db, QStringList{QStringLiteral("--file"), path, QStringLiteral("--json")} + source);
        QCOMPARE(next.exitCode, 0);
        const auto report = QJsonDocument::fromJson(next.out).object();
        QCOMPARE(report.value(QStringLiteral("new")).toInt(), 300 - static_cast<int>(committed) * 20);
        QCOMPARE(report.value(QStringLiteral("unchanged")).toInt(), static_cast<int>(committed) * 20);
        QCOMPARE(count(*conn, "SELECT count(*) FROM events"), std::int64_t{300});
        QCOMPARE(count(*conn, "SELECT count(*) FROM event_provenance"), std::int64_t{300});
        QCOMPARE(count(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event'"), std::int64_t{300});
        QCOMPARE(count(*conn, "SELECT count(DISTINCT aggregateid) FROM change_log WHERE aggregatetype = 'event'"),
                 std::int64_t{300});
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs"), std::int64_t{2});
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs a JOIN ingest_runs b ON b.id = a.completed_by_run_id "
                              "WHERE a.status = 'interrupted' AND b.status = 'done' AND b.chunks_committed = b.chunks_total"),
                 std::int64_t{1});
        const auto finished = runs(db, {QStringLiteral("city"), QStringLiteral("--json")});
        QCOMPARE(finished.size(), 2);
        const auto newest = finished[0].toObject();
        QCOMPARE(newest.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        const auto counts = newest.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("seen")).toInt(), 300);
        QCOMPARE(counts.value(QStringLiteral("new")).toInt(), 300 - static_cast<int>(committed) * 20);
        QCOMPARE(counts.value(QStringLiteral("unchanged")).toInt(), static_cast<int>(committed) * 20);
        QCOMPARE(counts.value(QStringLiteral("quarantined")).toInt(), 0);
        QCOMPARE(finished[1].toObject().value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QCOMPARE(finished[1].toObject().value(QStringLiteral("completed_by_run")).toInt(),
                 newest.value(QStringLiteral("id")).toInt());

        // Killed while ingesting a changed feed; the next run brings a third version.
        const auto changed = writeFile(dir, QStringLiteral("changed.ics"), feedOf(300, "Recital"));
        QCOMPARE(ingest(db, QStringList{QStringLiteral("--file"), changed, QStringLiteral("--chunk-events"),
                                        QStringLiteral("25"), QStringLiteral("--stop-after-chunks"),
                                        QStringLiteral("2")} + source)
                     .exitCode,
                 75);
        QVERIFY(count(*conn, "SELECT count(*) FROM events WHERE title LIKE 'Recital %'") > 0);
        QVERIFY(count(*conn, "SELECT count(*) FROM events WHERE title LIKE 'Recital %'") < 300);
        const auto third = writeFile(dir, QStringLiteral("third.ics"), feedOf(310, "Recital"));
        const auto last = ingest(db, QStringList{QStringLiteral("--file"), third, QStringLiteral("--json")} + source);
        QCOMPARE(last.exitCode, 0);
        const auto lastReport = QJsonDocument::fromJson(last.out).object();
        QCOMPARE(lastReport.value(QStringLiteral("new")).toInt(), 10);       // the dead run's payload came first
        QCOMPARE(lastReport.value(QStringLiteral("unchanged")).toInt(), 300);
        QCOMPARE(count(*conn, "SELECT count(*) FROM events WHERE title LIKE 'Recital %'"), std::int64_t{310});
        QCOMPARE(count(*conn, "SELECT count(*) FROM event_provenance"), std::int64_t{310});
        // The re-run of the dead run's payload has its own record, and finished it.
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs a JOIN ingest_runs b ON b.id = a.completed_by_run_id "
                              "WHERE a.status = 'interrupted' AND b.completes_run_id = a.id AND b.status = 'done'"),
                 std::int64_t{1});
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs WHERE status = 'done'"), std::int64_t{3});
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs WHERE status <> 'done' AND completed_by_run_id IS NULL"),
                 std::int64_t{0});
    }

    // A re-run that kills its process counts as an attempt all the same (counted before it
    // starts); the next run marks the dead re-run's row failed, re-runs the payload again and
    // finishes the run. `sources runs` shows the dead re-run as failed, with why.
    void aRerunThatDiesCountsAndTheNextRunFinishesIt() {
        TestDatabase db;
        auto conn = db.connect();
        QTemporaryDir dir;
        const auto first = writeFile(dir, QStringLiteral("first.ics"), feedOf(300, "Concert"));
        const auto second = writeFile(dir, QStringLiteral("second.ics"), feedOf(310, "Concert"));
        const QStringList source{QStringLiteral("--source"), QStringLiteral("city")};
        const auto killedAfter = [](const char* chunks) {
            return QStringList{QStringLiteral("--chunk-events"), QStringLiteral("20"), QStringLiteral("--stop-after-chunks"),
                               QLatin1String(chunks)};
        };
        QCOMPARE(ingest(db, QStringList{QStringLiteral("--file"), first} + killedAfter("3") + source).exitCode, 75);
        const auto dead = count(*conn, "SELECT id FROM ingest_runs");
        // The next run re-runs the first payload and dies in that re-run.
        QCOMPARE(ingest(db, QStringList{QStringLiteral("--file"), second} + killedAfter("2") + source).exitCode, 75);
        const auto deadId = std::to_string(dead);
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs WHERE id = " + deadId +
                              " AND rerun_attempts = 1 AND completed_by_run_id IS NULL"),
                 std::int64_t{1});
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs WHERE completes_run_id = " + deadId + " AND status = 'running'"),
                 std::int64_t{1});

        const auto next = ingest(db, QStringList{QStringLiteral("--file"), second, QStringLiteral("--json")} + source);
        QCOMPARE(next.exitCode, 0);
        QCOMPARE(count(*conn, "SELECT count(*) FROM events"), std::int64_t{310});
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs WHERE completes_run_id = " + deadId +
                              " AND status = 'failed' AND error LIKE 'stopped without finishing%'"),
                 std::int64_t{1});
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs a JOIN ingest_runs b ON b.id = a.completed_by_run_id "
                              "WHERE a.id = " + deadId + " AND a.rerun_attempts = 2 AND b.status = 'done' "
                              "AND b.completes_run_id = a.id"),
                 std::int64_t{1});
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs WHERE status <> 'done' AND completed_by_run_id IS NULL "
                              "AND completes_run_id IS NULL"),
                 std::int64_t{0});
        const auto listed = runs(db, {QStringLiteral("city"), QStringLiteral("--json")});
        bool deadRerunShown = false;
        for (const auto& run : listed) {
            const auto o = run.toObject();
            if (o.value(QStringLiteral("reruns_run")).toInt() == static_cast<int>(dead) &&
                o.value(QStringLiteral("state")).toString() == QLatin1String("failed") &&
                o.value(QStringLiteral("error")).toString().startsWith(QLatin1String("stopped without finishing")))
                deadRerunShown = true;
        }
        QVERIFY(deadRerunShown);
    }

    void exitCodes() {
        TestDatabase db;
        QTemporaryDir dir;
        const auto missing = ingest(db, {QStringLiteral("--file"), dir.filePath(QStringLiteral("nope.ics"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QLatin1String("cannot read")));

        const auto notIcs = writeFile(dir, QStringLiteral("x.ics"), "hello");
        const auto garbage = ingest(db, {QStringLiteral("--file"), notIcs, QStringLiteral("--json")});
        QCOMPARE(garbage.exitCode, 1);
        QVERIFY(QJsonDocument::fromJson(garbage.out).object().value(QStringLiteral("error")).toString().contains(
            QLatin1String("not an iCalendar file")));

        QCOMPARE(ingest(db, {}).exitCode, 2); // no --file
        QCOMPARE(ingest(db, {QStringLiteral("--file"), notIcs, QStringLiteral("--format"), QStringLiteral("pdf")}).exitCode, 2);
        const auto unknown = writeFile(dir, QStringLiteral("data.bin"), "\x01\x02");
        QCOMPARE(ingest(db, {QStringLiteral("--file"), unknown}).exitCode, 2); // format cannot be guessed
    }
};

QTEST_GUILESS_MAIN(TestIngestCli)
#include "test_ingest_cli.moc"
