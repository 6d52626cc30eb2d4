// The marquee-server command line: help, version, usage errors, database failures, the
// `migrate` command on a fresh and on a tampered database, and the graceful SIGTERM path.
#include "test_db.hpp"
#include "test_server.hpp"
#include "ws_test_client.hpp"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <future>
#include <thread>

using marquee::test::TestDatabase;
using marquee::test::WsClient;
using marquee::testing::TestServer;
namespace v1 = marquee::v1;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runServer(const QStringList& args, const QByteArray& stdinData = {}) {
    QProcess proc;
    proc.start(TestServer::serverBinary(), args);
    Run run;
    if (!proc.waitForStarted(10'000)) return run;
    if (!stdinData.isEmpty()) proc.write(stdinData);
    proc.closeWriteChannel();
    if (!proc.waitForFinished(60'000)) {
        proc.kill();
        proc.waitForFinished();
        return run;
    }
    run.exitCode = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -1;
    run.out = QString::fromUtf8(proc.readAllStandardOutput());
    run.err = QString::fromUtf8(proc.readAllStandardError());
    return run;
}

QString url(const TestDatabase& db) { return QString::fromStdString(db.connectionString()); }

} // namespace

class TestServerCli : public QObject {
    Q_OBJECT

private slots:
    void help() {
        const auto run = runServer({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char* word : {"serve", "migrate", "create-user", "--listen", "--port-file", "--database-url",
                                 "--data-dir", "--demo", "--threads", "--db-workers", "--search-workers",
                                 "--search-database-url", "--log-level", "--payment-timeout-ms",
                                 "--terminal-timeout-ms", "--payment-connect-timeout-ms"})
            QVERIFY2(run.out.contains(QLatin1String(word)), word);
    }

    void version() {
        const auto run = runServer({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("marquee-server ")));
    }

    void badArguments_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("serve"), QStringLiteral("--bogus")}
                                        << QStringLiteral("unknown option");
        QTest::newRow("missing value") << QStringList{QStringLiteral("serve"), QStringLiteral("--listen")}
                                       << QStringLiteral("needs a value");
        QTest::newRow("bad listen") << QStringList{QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("nope")}
                                    << QStringLiteral("HOST:PORT");
        QTest::newRow("bad port") << QStringList{QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:99999")}
                                  << QStringLiteral("bad port");
        QTest::newRow("zero threads") << QStringList{QStringLiteral("serve"), QStringLiteral("--threads"), QStringLiteral("0")}
                                      << QStringLiteral("--threads");
        QTest::newRow("bad search workers")
            << QStringList{QStringLiteral("serve"), QStringLiteral("--search-workers"), QStringLiteral("-1")}
            << QStringLiteral("--search-workers");
        QTest::newRow("empty search database")
            << QStringList{QStringLiteral("serve"), QStringLiteral("--search-database-url"), QString()}
            << QStringLiteral("--search-database-url is empty");
        QTest::newRow("both databases")
            << QStringList{QStringLiteral("migrate"), QStringLiteral("--database-url"), QStringLiteral("host=x"),
                           QStringLiteral("--data-dir"), QStringLiteral("/tmp/x")}
            << QStringLiteral("not both");
        QTest::newRow("option of another command") << QStringList{QStringLiteral("migrate"), QStringLiteral("--demo")}
                                                   << QStringLiteral("does not apply");
        QTest::newRow("bad log level") << QStringList{QStringLiteral("--log-level"), QStringLiteral("loud"), QStringLiteral("migrate")}
                                       << QStringLiteral("log level");
        QTest::newRow("bad role") << QStringList{QStringLiteral("create-user"), QStringLiteral("--email"),
                                                 QStringLiteral("a@example.org"), QStringLiteral("--role"), QStringLiteral("king"),
                                                 QStringLiteral("--database-url"), QStringLiteral("host=/nonexistent")}
                                  << QStringLiteral("--role");
        const QStringList payment{QStringLiteral("serve"), QStringLiteral("--payment-url"),
                                  QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--payment-secret-key"),
                                  QStringLiteral("sk_test_x"), QStringLiteral("--terminal-ids"), QStringLiteral("tmr_1")};
        QTest::newRow("payment timeout not a number")
            << payment + QStringList{QStringLiteral("--payment-timeout-ms"), QStringLiteral("soon")}
            << QStringLiteral("--payment-timeout-ms must be a number");
        QTest::newRow("payment timeout too short")
            << payment + QStringList{QStringLiteral("--payment-timeout-ms"), QStringLiteral("10")}
            << QStringLiteral("--payment-timeout-ms must be from 1000 to 600000");
        QTest::newRow("terminal timeout too long")
            << payment + QStringList{QStringLiteral("--terminal-timeout-ms"), QStringLiteral("900000")}
            << QStringLiteral("--terminal-timeout-ms must be from 1000 to 600000");
        QTest::newRow("connect timeout too short")
            << payment + QStringList{QStringLiteral("--payment-connect-timeout-ms"), QStringLiteral("50")}
            << QStringLiteral("--payment-connect-timeout-ms must be from 100 to 600000");
        QTest::newRow("payment timeout without a provider")
            << QStringList{QStringLiteral("serve"), QStringLiteral("--terminal-timeout-ms"), QStringLiteral("5000")}
            << QStringLiteral("need --payment-url");
    }

    void badArguments() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto run = runServer(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void unreachableDatabase() {
        const QString bad = QStringLiteral("host=/nonexistent-marquee-socket-dir port=1 dbname=x connect_timeout=2");
        auto run = runServer({QStringLiteral("migrate"), QStringLiteral("--database-url"), bad});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot connect to the database")), qPrintable(run.err));

        run = runServer({QStringLiteral("serve"), QStringLiteral("--database-url"), bad, QStringLiteral("--listen"),
                         QStringLiteral("127.0.0.1:0")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot connect to the database")), qPrintable(run.err));
    }

    void migrateFreshDatabase() {
        if (!TestDatabase::available()) QSKIP("needs the CTest 'postgres' fixture");
        TestDatabase db(TestDatabase::Schema::Empty);
        auto run = runServer({QStringLiteral("migrate"), QStringLiteral("--database-url"), url(db)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("applied 0001_")), qPrintable(run.out));
        run = runServer({QStringLiteral("migrate"), QStringLiteral("--database-url"), url(db)});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("(0 migration(s) applied)")), qPrintable(run.out));
    }

    void migrateEditedMigrationFails() {
        if (!TestDatabase::available()) QSKIP("needs the CTest 'postgres' fixture");
        TestDatabase db;
        {
            auto conn = db.connect();
            pqxx::work tx(*conn);
            tx.exec0("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1");
            tx.commit();
        }
        const auto run = runServer({QStringLiteral("migrate"), QStringLiteral("--database-url"), url(db)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("migration failed")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("0001_")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("edited")), qPrintable(run.err));

        // serve refuses to start on the same database.
        const auto serve = runServer({QStringLiteral("serve"), QStringLiteral("--database-url"), url(db),
                                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QCOMPARE(serve.exitCode, 1);
        QVERIFY2(serve.err.contains(QStringLiteral("migration failed")), qPrintable(serve.err));
    }

    void createUser() {
        if (!TestDatabase::available()) QSKIP("needs the CTest 'postgres' fixture");
        TestDatabase db(TestDatabase::Schema::Empty); // create-user migrates first
        const QStringList args{QStringLiteral("create-user"), QStringLiteral("--database-url"), url(db),
                               QStringLiteral("--email"), QStringLiteral("admin@example.org"),
                               QStringLiteral("--role"), QStringLiteral("admin")};
        auto run = runServer(args, "a sufficiently long password\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("admin@example.org")));
        run = runServer(args, "a sufficiently long password\n");
        QCOMPARE(run.exitCode, 1); // the e-mail exists
        run = runServer(args, "");
        QCOMPARE(run.exitCode, 1); // no password
        QVERIFY2(run.err.contains(QStringLiteral("password")), qPrintable(run.err));
    }

    // The e2e harness and operators rely on this line and on --port-file.
    void listeningLogAndPortFile() {
        if (!TestDatabase::available()) QSKIP("needs the CTest 'postgres' fixture");
        TestDatabase db;
        QTemporaryDir dir;
        const QString portFile = dir.filePath(QStringLiteral("port"));
        QProcess proc;
        proc.start(TestServer::serverBinary(),
                   {QStringLiteral("serve"), QStringLiteral("--database-url"), url(db), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--port-file"), portFile});
        QVERIFY(proc.waitForStarted(10'000));
        int loggedPort = 0;
        QByteArray pending;
        QDeadlineTimer deadline(60'000);
        while (loggedPort == 0 && !deadline.hasExpired() && proc.state() == QProcess::Running) {
            proc.waitForReadyRead(1000);
            pending += proc.readAllStandardError();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const auto line = QJsonDocument::fromJson(pending.left(newline)).object();
                pending.remove(0, newline + 1);
                if (line.value(QStringLiteral("msg")).toString() == QStringLiteral("listening")) {
                    QCOMPARE(line.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));
                    loggedPort = line.value(QStringLiteral("port")).toInt();
                }
            }
        }
        QVERIFY(loggedPort > 0);
        QFile file(portFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().trimmed().toInt(), loggedPort);
        proc.terminate();
        QVERIFY(proc.waitForFinished(30'000));
        QCOMPARE(proc.exitStatus(), QProcess::NormalExit);
        QCOMPARE(proc.exitCode(), 0);
    }

    // Readiness follows the database; liveness does not.
    void readyzFailsWhenTheDatabaseIsGone() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture");
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(marquee::test::httpGet(server.port(), "/readyz").status, 200U);
        const auto dbName = server.databaseUrl().section(QStringLiteral("dbname="), 1).section(QLatin1Char(' '), 0, 0);
        QProcess psql;
        psql.start(QStringLiteral("psql"), {QStringLiteral("-d"), TestServer::clusterUrl(), QStringLiteral("-c"),
                                            QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(dbName)});
        QVERIFY(psql.waitForFinished(30'000));
        QCOMPARE(psql.exitCode(), 0);
        QCOMPARE(marquee::test::httpGet(server.port(), "/readyz").status, 503U);
        QCOMPARE(marquee::test::httpGet(server.port(), "/healthz").status, 200U);
        QVERIFY2(server.stop(), qPrintable(server.serverLog()));
    }

    // --demo fills an empty catalog once; a restart on the same database adds nothing.
    void demoCatalogLoadsOnce() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture");
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error, {QStringLiteral("--demo")}), qPrintable(error));
        const auto events = server.query(QStringLiteral("SELECT count(*) FROM events"));
        QVERIFY(!events.isEmpty());
        QVERIFY(events.first().toInt() > 0);
        QVERIFY2(server.restart(&error), qPrintable(error));
        QCOMPARE(server.query(QStringLiteral("SELECT count(*) FROM events")), events);
    }

    void sigtermClosesWebSocketsWith1001() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture");
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        WsClient client;
        QVERIFY(client.connect(server.port()));
        QVERIFY(client.hello());
        // The client must answer the server's close frame while stop() waits for the exit.
        auto closeCode = std::async(std::launch::async, [&client] { return client.readUntilClosed(); });
        QVERIFY2(server.stop(), qPrintable(server.serverLog()));
        QCOMPARE(closeCode.get(), 1001);
    }

    // A request already running when SIGTERM arrives is answered; one that arrives after the
    // shutdown began gets UNAVAILABLE. The running request is an upsert that waits for a
    // lock on `events` this test holds, so it stays in flight until the test lets it go.
    void sigtermAnswersInFlightAndRefusesNew() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture");
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString email = QStringLiteral("stopper@example.org");
        const QString password = QStringLiteral("correct horse battery staple");
        QVERIFY2(server.createUser(email, password, QStringLiteral("organizer")), qPrintable(server.serverLog()));
        server.query(QStringLiteral("INSERT INTO categories (id, name) VALUES ('test', 'Test')"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        std::string token;
        {
            WsClient anonymous;
            QVERIFY(anonymous.connect(server.port()));
            QVERIFY(anonymous.hello());
            v1::Envelope login;
            login.mutable_login()->set_email(email.toStdString());
            login.mutable_login()->set_password(password.toStdString());
            const auto session = anonymous.call(login);
            QVERIFY(session && session->has_session());
            token = session->session().token();
        }
        WsClient writer;
        QVERIFY(writer.connect(server.port(), token));
        QVERIFY(writer.hello());
        WsClient idle;
        QVERIFY(idle.connect(server.port()));
        QVERIFY(idle.hello());

        const auto url = server.databaseUrl().toStdString();
        pqxx::connection lockConn(url);
        pqxx::work lock(lockConn);
        lock.exec0("LOCK TABLE events IN EXCLUSIVE MODE");

        v1::Envelope upsert;
        upsert.set_request_id(writer.nextId());
        auto* event = upsert.mutable_upsert_event()->mutable_event();
        event->set_title("Answered while stopping");
        event->set_category_id("test");
        event->set_time_zone("Europe/Berlin");
        event->set_starts_at_ms(4102444800000);
        event->mutable_price()->set_currency("EUR");
        QVERIFY(writer.send(upsert));
        // In flight: the server's session waits for the lock.
        pqxx::connection watchConn(url);
        bool waiting = false;
        for (QDeadlineTimer deadline(30'000); !waiting && !deadline.hasExpired();) {
            pqxx::read_transaction watch(watchConn);
            waiting = watch.exec1("SELECT count(*) FROM pg_locks WHERE relation = 'events'::regclass AND NOT granted")[0]
                          .as<int>() > 0;
        }
        QVERIFY2(waiting, "the upsert never waited for the lock");

        struct Seen {
            int idleClose = 0;
            std::optional<v1::Envelope> refused;
            std::optional<v1::Envelope> answered;
            int writerClose = 0;
        };
        // The clients run while stop() waits for the process to exit.
        auto seen = std::async(std::launch::async, [&] {
            Seen s;
            // The idle connection is closed at once: from here on the server is stopping.
            s.idleClose = idle.readUntilClosed(std::chrono::seconds(60));
            v1::Envelope late;
            late.set_request_id(writer.nextId());
            late.mutable_pull_changes()->set_cursor(0);
            if (writer.send(late)) s.refused = writer.read();
            lock.commit(); // lets the upsert finish
            s.answered = writer.read();
            s.writerClose = writer.readUntilClosed(std::chrono::seconds(60));
            return s;
        });
        const bool stopped = server.stop();
        const auto s = seen.get();
        QVERIFY2(stopped, qPrintable(server.serverLog()));
        QCOMPARE(s.idleClose, 1001);
        QVERIFY(s.refused);
        QCOMPARE(s.refused->request_id(), upsert.request_id() + 1);
        QVERIFY2(s.refused->has_error(), s.refused->DebugString().c_str());
        QCOMPARE(s.refused->error().code(), v1::UNAVAILABLE);
        QVERIFY(s.answered);
        QCOMPARE(s.answered->request_id(), upsert.request_id());
        QVERIFY2(s.answered->has_ack(), s.answered->DebugString().c_str());
        QCOMPARE(s.writerClose, 1001);
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "test_server_cli.moc"
