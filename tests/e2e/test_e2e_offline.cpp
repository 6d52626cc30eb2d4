// The walking skeleton end to end: sync the demo catalog from the real server, kill the
// server, browse the cache and change the wishlist offline, restart the server, reconnect,
// and check what the server stored.
#include "services/accountservice.h"
#include "services/catalogservice.h"
#include "services/clientsession.h"
#include "services/wishlistservice.h"
#include "store/localstore.h"
#include "test_server.hpp"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace marquee::client;
using marquee::testing::TestServer;

namespace {
constexpr int kTimeoutMs = 60'000;
const QString kEmail = QStringLiteral("e2e@example.org");
const QString kPassword = QStringLiteral("offline and back again");

ClientSession::Options sessionOptions(const QString& dataDir, const QUrl& url) {
    ClientSession::Options options;
    options.dataDir = dataDir;
    options.serverUrl = url;
    options.sync.backoffMs = {50, 100, 200}; // reconnect promptly once the server is back
    options.sync.requestTimeoutMs = 10'000;
    return options;
}

bool waitForState(ClientSession& session, SyncClient::State state) {
    return QTest::qWaitFor([&] { return session.state() == state; }, kTimeoutMs);
}
} // namespace

class TestE2eOffline : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void syncKillBrowseOfflineRestartReconcile() {
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error, {QStringLiteral("--demo")}), qPrintable(error));
        QVERIFY2(server.createUser(kEmail, kPassword, QStringLiteral("attendee")), qPrintable(server.serverLog()));
        const int serverEvents = server.query(QStringLiteral("SELECT count(*) FROM events")).value(0).toInt();
        QVERIFY(serverEvents >= 500);

        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        QStringList wishedIds;
        {
            ClientSession session(sessionOptions(dataDir.path(), server.wsUrl()));
            QVERIFY(session.open(&error));
            QSignalSpy synced(&session, &ClientSession::synced);
            session.start();

            // 1. Sync the catalog.
            QVERIFY(synced.wait(kTimeoutMs));
            QCOMPARE(session.catalog()->eventCount(), serverEvents);

            QSignalSpy loggedIn(session.account(), &AccountService::loggedIn);
            session.account()->login(kEmail, kPassword);
            QVERIFY(loggedIn.wait(kTimeoutMs));
            QVERIFY(waitForState(session, SyncClient::State::Online));

            // 2. Kill the server (a crash, not a clean stop).
            server.kill();
            QVERIFY(waitForState(session, SyncClient::State::Offline));

            // 3. Browse the cache and change the wishlist offline.
            const auto events = session.catalog()->events({});
            QCOMPARE(events.size(), serverEvents);
            const auto details = session.catalog()->eventDetails(events.at(0).id);
            QVERIFY(details.has_value());
            QVERIFY(details->venue.has_value());
            QVERIFY(!details->event.title.empty());

            auto* wishlist = session.wishlist();
            for (int i = 0; i < 3; ++i) QVERIFY(wishlist->toggle(events.at(i).id));
            QVERIFY(wishlist->toggle(events.at(3).id)); // added ...
            QVERIFY(wishlist->toggle(events.at(3).id)); // ... and removed again, offline
            QCOMPARE(wishlist->pendingCount(), 5);
            for (int i = 0; i < 3; ++i) {
                QVERIFY(wishlist->isWishlisted(events.at(i).id));
                wishedIds << events.at(i).id;
            }
            QVERIFY(!wishlist->isWishlisted(events.at(3).id));
            EventFilter onlyWished;
            onlyWished.wishlistOnly = true;
            QCOMPARE(session.catalog()->events(onlyWished).size(), 3);
        }

        // The client starts and browses with the server still gone.
        {
            ClientSession session(sessionOptions(dataDir.path(), server.wsUrl()));
            QVERIFY(session.open(&error));
            QCOMPARE(session.catalog()->eventCount(), serverEvents);
            QVERIFY(session.account()->isLoggedIn());
            QCOMPARE(session.wishlist()->pendingCount(), 5); // the outbox survived the restart
            session.start();

            // 4. Restart the server and reconnect; the outbox is replayed.
            QSignalSpy flushed(session.wishlist(), &WishlistService::outboxFlushed);
            QVERIFY2(server.restart(&error), qPrintable(error));
            QVERIFY(flushed.wait(kTimeoutMs) || session.wishlist()->pendingCount() == 0);
            QCOMPARE(session.wishlist()->pendingCount(), 0);
            QVERIFY(waitForState(session, SyncClient::State::Online));
        }

        // 5. The server's state: exactly the three wished events, each once.
        const QStringList rows = server.query(
            QStringLiteral("SELECT w.event_id FROM wishlist w JOIN users u ON u.id = w.user_id "
                           "WHERE u.email = '%1' ORDER BY w.event_id").arg(kEmail));
        wishedIds.sort();
        QCOMPARE(rows, wishedIds);
        const QStringList keys = server.query(QStringLiteral("SELECT count(*) FROM idempotency_keys"));
        QCOMPARE(keys.value(0).toInt(), 5);
    }
};

QTEST_GUILESS_MAIN(TestE2eOffline)
#include "test_e2e_offline.moc"
