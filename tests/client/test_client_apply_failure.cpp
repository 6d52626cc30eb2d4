// A batch that cannot be stored (here: an SQLite trigger in the client cache that aborts
// every event insert, as a constraint would) against the real marquee-server: the client
// backs off instead of re-pulling in a tight loop, reports the error to the UI state, stores
// nothing half-way, and syncs completely once the cause is gone.
#include "serverhelpers.h"
#include "store/localstore.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;

namespace {
const QString kRejection = QStringLiteral("rejected by the test trigger");

std::atomic<int> s_rolledBack{0};
QtMessageHandler s_previousHandler = nullptr;

// Counts the store's "batch rolled back" warnings: one per attempt, not a flood.
void countingHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.contains(QLatin1String("batch rolled back")))
        ++s_rolledBack;
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

// DDL on the cache through a connection of the test's own, as another process could.
bool execOnCache(const QString& path, const QString& sql)
{
    bool ok = false;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-ddl"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                qWarning() << sql << q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-ddl"));
    return ok;
}
} // namespace

class TestClientApplyFailure : public QObject {
    Q_OBJECT
private:
    marquee::testing::TestServer m_server;
    QTemporaryDir m_root;

    std::unique_ptr<ClientSession> newSession(const QString& name, quint32 pullLimit)
    {
        auto options = sessionOptions(m_root.filePath(name), m_server.wsUrl(), pullLimit);
        options.sync.backoffMs = {100, 200, 400}; // the last one repeats
        auto s = std::make_unique<ClientSession>(options);
        QString error;
        if (!s->open(&error)) {
            qWarning() << error;
            return nullptr;
        }
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_root.isValid());
        const QString error = startDemoServer(m_server);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(waitStamped(m_server));
        s_previousHandler = qInstallMessageHandler(countingHandler);
    }

    void cleanupTestCase() { qInstallMessageHandler(s_previousHandler); }

    void failedApplyBacksOffAndRecovers()
    {
        auto s = newSession(QStringLiteral("cold"), 100); // several pages, several in flight
        QVERIFY(s);
        ClientSession& session = *s;
        const QString cachePath = session.store()->path();
        QVERIFY(execOnCache(cachePath, QStringLiteral("CREATE TRIGGER reject_events BEFORE INSERT ON events "
                                                      "BEGIN SELECT RAISE(ABORT, '%1'); END")
                                           .arg(kRejection)));

        QSignalSpy storeErrors(&session, &ClientSession::storeError);
        QSignalSpy synced(&session, &ClientSession::synced);
        s_rolledBack = 0;
        session.start();
        QVERIFY(storeErrors.wait(kTimeoutMs));
        QVERIFY2(storeErrors.first().at(0).toString().contains(kRejection), qPrintable(storeErrors.first().at(0).toString()));
        QVERIFY(session.storeErrorMessage().contains(kRejection));

        // Over 1.5 s the backoff allows about five attempts (100, 200, 400, 400 ms apart);
        // an immediate re-pull would have made hundreds.
        QTest::qWait(1500);
        QVERIFY2(storeErrors.count() >= 2, qPrintable(QString::number(storeErrors.count())));
        QVERIFY2(storeErrors.count() <= 8, qPrintable(QString::number(storeErrors.count())));
        QVERIFY2(s_rolledBack <= 8, qPrintable(QString::number(s_rolledBack)));
        QVERIFY(synced.isEmpty());
        QVERIFY(session.state() != ClientSession::State::Online);
        QVERIFY(!session.storeErrorMessage().isEmpty());
        // Rows and cursor go together: nothing of a failed batch was kept.
        QCOMPARE(session.appliedCursor(), std::uint64_t(0));
        QCOMPARE(session.store()->syncState().cursor, std::uint64_t(0));
        QCOMPARE(session.catalog()->eventCount(), 0);

        // The cause goes away: the next attempt stores everything.
        QVERIFY(execOnCache(cachePath, QStringLiteral("DROP TRIGGER reject_events")));
        QVERIFY(synced.wait(kTimeoutMs));
        QVERIFY(session.storeErrorMessage().isEmpty());
        QCOMPARE(session.state(), ClientSession::State::Online);
        QCOMPARE(session.catalog()->eventCount(), m_server.query(QStringLiteral("SELECT count(*) FROM events")).value(0).toInt());
        QCOMPARE(session.appliedCursor(), serverHead(m_server));
        QCOMPARE(session.store()->syncState().cursor, serverHead(m_server));
        session.stop();
    }

    void failedLivePushIsPulledAgain()
    {
        // Caught up first; then a change arrives as a live push that cannot be stored.
        auto s = newSession(QStringLiteral("push"), 0);
        QVERIFY(s);
        ClientSession& session = *s;
        QSignalSpy synced(&session, &ClientSession::synced);
        session.start();
        QVERIFY(synced.wait(kTimeoutMs));
        const std::uint64_t before = session.appliedCursor();
        QVERIFY(execOnCache(session.store()->path(),
                            QStringLiteral("CREATE TRIGGER reject_renamed BEFORE INSERT ON events "
                                           "WHEN NEW.title LIKE 'Renamed%' BEGIN SELECT RAISE(ABORT, '%1'); END")
                                .arg(kRejection)));

        const auto rows = session.catalog()->events({});
        QVERIFY(!rows.isEmpty());
        const auto details = session.catalog()->eventDetails(rows.first().id);
        QVERIFY(details);
        core::Event event = details->event;
        event.title = "Renamed " + event.title;
        AdminConnection admin;
        QVERIFY(admin.open(m_server.wsUrl(), kAdminEmail, kPassword));
        QSignalSpy storeErrors(&session, &ClientSession::storeError);
        QVERIFY(admin.upsertEvent(event));
        QVERIFY(storeErrors.wait(kTimeoutMs));
        QVERIFY(session.storeErrorMessage().contains(kRejection));
        QCOMPARE(session.appliedCursor(), before);
        QTest::qWait(600);
        QVERIFY2(storeErrors.count() <= 5, qPrintable(QString::number(storeErrors.count())));
        QCOMPARE(session.appliedCursor(), before);

        QVERIFY(execOnCache(session.store()->path(), QStringLiteral("DROP TRIGGER reject_renamed")));
        QVERIFY(QTest::qWaitFor(
            [&] { return session.appliedCursor() == serverHead(m_server) && session.storeErrorMessage().isEmpty(); },
            kTimeoutMs));
        const auto stored = session.catalog()->eventDetails(rows.first().id);
        QVERIFY(stored);
        QCOMPARE(stored->event.title, event.title);
        QCOMPARE(session.state(), ClientSession::State::Online);
        session.stop();
    }
};

QTEST_GUILESS_MAIN(TestClientApplyFailure)
#include "test_client_apply_failure.moc"
