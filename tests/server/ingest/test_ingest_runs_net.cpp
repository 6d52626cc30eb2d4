// ListIngestRuns (Envelope 183/184) over real WebSockets against the real marquee-server: the
// runs of a source written by the real `marquee-server ingest` (one killed between chunks, one
// that finished it, one killed again), their states, counts and chunk progress; a run shown as
// running while its source's lock is held (as by a run on another instance); and the refusals
// (organizer, anonymous, unknown source).
#include "../net/ws_test_client.hpp"
#include "cli_run.hpp"
#include "db/lock_keys.hpp"
#include "ingest/ingest.hpp"
#include "test_server.hpp"

#include <pqxx/pqxx>

#include <QTemporaryDir>
#include <QtTest>

using marquee::test::WsClient;
using marquee::testing::TestServer;
namespace v1 = marquee::v1;

namespace {

const QString kAdminEmail = QStringLiteral("admin@example.org");
const QString kOrganizerEmail = QStringLiteral("organizer@example.org");
const QString kPassword = QStringLiteral("correct horse battery staple");

// `count` events with UIDs `uid-0` ..., titles "<title> N".
QByteArray feedOf(int count, const std::string& title) {
    std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
    for (int i = 0; i < count; ++i)
        ics += "BEGIN:VEVENT\r\nUID:uid-" + std::to_string(i) + "\r\nSUMMARY:" + title + " " + std::to_string(i) +
               "\r\nDTSTART:20250601T" + (i % 24 < 10 ? "0" : "") + std::to_string(i % 24) + "0000Z\r\nEND:VEVENT\r\n";
    return QByteArray::fromStdString(ics + "END:VCALENDAR\r\n");
}

} // namespace

class TestIngestRunsNet : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;

    std::string login(const QString& email) {
        WsClient client;
        if (!client.connect(m_server.port()) || !client.hello()) return {};
        v1::Envelope request;
        request.mutable_login()->set_email(email.toStdString());
        request.mutable_login()->set_password(kPassword.toStdString());
        const auto answer = client.call(request);
        return answer && answer->has_session() ? answer->session().token() : std::string();
    }

    std::optional<v1::Envelope> listRuns(const std::string& token, const std::string& source) {
        WsClient client;
        if (!client.connect(m_server.port(), token) || !client.hello()) return std::nullopt;
        v1::Envelope request;
        request.mutable_list_ingest_runs()->set_source(source);
        return client.call(request);
    }

    int ingest(const QByteArray& feed, const QString& name, const QStringList& extra = {}) {
        const auto path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(feed) != feed.size()) return -1;
        file.close();
        return marquee::test::runServerCli(QStringList{QStringLiteral("ingest"), QStringLiteral("--database-url"),
                                                       m_server.databaseUrl(), QStringLiteral("--file"), path,
                                                       QStringLiteral("--source"), QStringLiteral("city")} +
                                           extra)
            .exitCode;
    }

private Q_SLOTS:
    void initTestCase() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY(m_server.createUser(kAdminEmail, kPassword, QStringLiteral("admin")));
        QVERIFY(m_server.createUser(kOrganizerEmail, kPassword, QStringLiteral("organizer")));
    }

    void runsOfASourceWithStatesCountsAndProgress() {
        const QStringList killed{QStringLiteral("--chunk-events"), QStringLiteral("20"), QStringLiteral("--stop-after-chunks"),
                                 QStringLiteral("3")};
        QCOMPARE(ingest(feedOf(300, "Concert"), QStringLiteral("city.ics"), killed), 75);
        QCOMPARE(ingest(feedOf(300, "Concert"), QStringLiteral("city.ics")), 0);
        QCOMPARE(ingest(feedOf(300, "Recital"), QStringLiteral("changed.ics"), killed), 75);

        const auto token = login(kAdminEmail);
        QVERIFY(!token.empty());
        auto answer = listRuns(token, "city");
        QVERIFY(answer);
        QVERIFY2(answer->has_ingest_run_list(), answer->DebugString().c_str());
        const auto& runs = answer->ingest_run_list().runs();
        QCOMPARE(runs.size(), 3);
        // Newest first: the run killed again, the run that finished the first, the first.
        const auto& dead = runs[0];
        QCOMPARE(dead.source(), std::string("city"));
        QCOMPARE(dead.state(), std::string("interrupted"));
        QCOMPARE(dead.chunks_total(), 15U);
        QVERIFY2(dead.chunks_committed() >= 3 && dead.chunks_committed() < 15, dead.DebugString().c_str());
        QVERIFY(!dead.has_counts());
        QCOMPARE(dead.finished_at_ms(), std::int64_t{0});
        QVERIFY(!dead.has_progress());
        QCOMPARE(dead.duration_ms(), std::int64_t{0}); // when it died is unknown
        const auto& done = runs[1];
        QCOMPARE(done.state(), std::string("completed"));
        QVERIFY(done.has_counts());
        QCOMPARE(done.seen(), 300U);
        QCOMPARE(done.counts().created() + done.counts().unchanged(), 300U);
        QVERIFY(done.counts().unchanged() >= 60); // the first run's committed chunks
        QCOMPARE(done.counts().quarantined(), 0U);
        QVERIFY(done.finished_at_ms() >= done.started_at_ms());
        QCOMPARE(done.duration_ms(), done.finished_at_ms() - done.started_at_ms());
        QVERIFY(done.error().empty());
        QCOMPARE(runs[2].state(), std::string("completed"));
        QCOMPARE(runs[2].completed_by_run_id(), done.id());

        // While someone holds the source's lock (a run on another instance), the newest
        // unfinished run is running, with how far it got and its time so far.
        pqxx::connection other(m_server.databaseUrl().toStdString());
        std::int64_t sourceId = 0;
        {
            pqxx::work tx(other);
            sourceId = tx.exec1("SELECT id FROM sources WHERE name = 'city'")[0].as<std::int64_t>();
            tx.commit();
        }
        {
            pqxx::nontransaction tx(other);
            tx.exec_params("SELECT pg_advisory_lock($1::int4, $2::int4)", marquee::server::db::lockkey::kIngestSourceClass,
                           marquee::server::ingest::sourceLockId(sourceId));
        }
        answer = listRuns(token, "city");
        QVERIFY(answer && answer->has_ingest_run_list());
        const auto running = answer->ingest_run_list().runs(0);
        QCOMPARE(running.state(), std::string("running"));
        QCOMPARE(running.chunks_committed(), dead.chunks_committed());
        QVERIFY(running.duration_ms() > 0); // so far
        QCOMPARE(answer->ingest_run_list().runs(1).state(), std::string("completed"));
        {
            pqxx::nontransaction tx(other);
            tx.exec_params("SELECT pg_advisory_unlock($1::int4, $2::int4)", marquee::server::db::lockkey::kIngestSourceClass,
                           marquee::server::ingest::sourceLockId(sourceId));
        }
        answer = listRuns(token, "city");
        QCOMPARE(answer->ingest_run_list().runs(0).state(), std::string("interrupted"));

        // Every source: the same three; an unknown one: NOT_FOUND.
        answer = listRuns(token, "");
        QCOMPARE(answer->ingest_run_list().runs_size(), 3);
        answer = listRuns(token, "nope");
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::NOT_FOUND);
    }

    void onlyAdminsSeeRuns() {
        const auto organizer = login(kOrganizerEmail);
        QVERIFY(!organizer.empty());
        auto answer = listRuns(organizer, "city");
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::PERMISSION_DENIED);
        answer = listRuns({}, "city");
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::UNAUTHENTICATED);
    }
};

QTEST_GUILESS_MAIN(TestIngestRunsNet)
#include "test_ingest_runs_net.moc"
