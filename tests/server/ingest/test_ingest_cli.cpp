// `marquee-server ingest`: the --json report, exit codes (0 with quarantined records, 1 for an
// unreadable or unparseable file, 2 for usage errors) and a re-run that changes nothing.
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

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const auto path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(content);
    return path;
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
