// ClientSession against an in-process fake server: paged cold sync with progress, live
// pushes, gap detection, login errors, offline wishlist toggles flushed on reconnect.
#include "clienttestdata.h"
#include "fakeserver.h"
#include "services/accountservice.h"
#include "services/catalogservice.h"
#include "services/clientsession.h"
#include "services/wishlistservice.h"
#include "store/localstore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace marquee;
using namespace marquee::client;
using marquee::client::testing::FakeServer;

class TestSessionFake : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeServer> m_server;

    std::unique_ptr<ClientSession> makeSession()
    {
        ClientSession::Options o;
        o.dataDir = m_dir->path();
        o.serverUrl = m_server->url();
        o.sync.backoffMs = {50, 100, 200};
        o.sync.requestTimeoutMs = 5000;
        o.sync.pullLimit = 300;
        auto s = std::make_unique<ClientSession>(o);
        QString error;
        if (!s->open(&error))
            qWarning() << error;
        s->catalog()->setCoalesceInterval(0);
        return s;
    }

    void fillServer(int events)
    {
        v1::Venue v;
        v.set_id("ven-1");
        v.set_name("Philharmonie");
        m_server->append("venue", "ven-1", v.SerializeAsString());
        for (int i = 0; i < events; ++i)
            m_server->appendEvent(testdata::event("ev-" + std::to_string(i), "Event " + std::to_string(i), "music",
                                                  testdata::berlinMs(2030, 1, 1) + i * 60000LL));
    }

    bool login(ClientSession& s)
    {
        QSignalSpy in(s.account(), &AccountService::loggedIn);
        QSignalSpy synced(&s, &ClientSession::synced);
        s.account()->login(QStringLiteral("ann@example.com"), QStringLiteral("correct horse"));
        return in.wait() && synced.wait() && s.syncClient()->hello().userId == 42;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<FakeServer>();
        QVERIFY(m_server->listen());
    }

    void coldSyncPagesWithProgress()
    {
        fillServer(2000);
        auto s = makeSession();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        QSignalSpy progress(s.get(), &ClientSession::syncProgress);
        QSignalSpy states(s.get(), &ClientSession::stateChanged);
        s->start();
        QVERIFY(synced.wait(10000));
        QCOMPARE(s->store()->eventCount(), 2000);
        QCOMPARE(s->appliedCursor(), m_server->head());
        QCOMPARE(s->store()->syncState().cursor, m_server->head());
        QCOMPARE(m_server->pulls, 7); // 2001 rows in pages of 300
        QVERIFY(progress.count() >= 7); // one per batch, never per row
        QCOMPARE(progress.last().at(0).toInt(), 100);
        QCOMPARE(s->state(), SyncClient::State::Online);
        QVERIFY(states.contains(QVariantList{QVariant::fromValue(SyncClient::State::Syncing)}));
        QVERIFY(s->lastSyncAt().isValid());
    }

    void resumesFromPersistedCursor()
    {
        fillServer(10);
        {
            auto s = makeSession();
            QSignalSpy synced(s.get(), &ClientSession::synced);
            s->start();
            QVERIFY(synced.wait());
        }
        m_server->appendEvent(testdata::event("late", "Late", "music", testdata::berlinMs(2030, 6, 1)));
        m_server->pulls = 0;
        auto s = makeSession();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait());
        QCOMPARE(m_server->pulls, 1);
        QCOMPARE(s->store()->eventCount(), 11);
    }

    void livePushIsApplied()
    {
        fillServer(3);
        auto s = makeSession();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait());
        const int pullsBefore = m_server->pulls;
        const quint64 before = m_server->head();
        m_server->appendEvent(testdata::event("pushed", "Pushed", "music", testdata::berlinMs(2030, 6, 1)));
        m_server->pushFrom(before);
        QTRY_VERIFY(s->catalog()->eventDetails(QStringLiteral("pushed")).has_value());
        QTRY_COMPARE(s->appliedCursor(), m_server->head());
        QCOMPARE(m_server->pulls, pullsBefore); // applied from the push, no pull needed
    }

    void pushWithGapTriggersPull()
    {
        fillServer(3);
        auto s = makeSession();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait());
        const int pullsBefore = m_server->pulls;
        m_server->appendEvent(testdata::event("missed", "Missed", "music", testdata::berlinMs(2030, 6, 1)));
        const quint64 gapFrom = m_server->head();
        m_server->appendEvent(testdata::event("seen", "Seen", "music", testdata::berlinMs(2030, 6, 2)));
        m_server->pushFrom(gapFrom); // starts after the client's cursor
        QVERIFY(synced.wait());
        QCOMPARE(m_server->pulls, pullsBefore + 1);
        QVERIFY(s->catalog()->eventDetails(QStringLiteral("missed")).has_value());
        QVERIFY(s->catalog()->eventDetails(QStringLiteral("seen")).has_value());
    }

    void loginErrors_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("throttle");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong password") << QStringLiteral("ann@example.com") << QStringLiteral("nope") << 0
                                        << QStringLiteral("Wrong e-mail address or password.");
        QTest::newRow("throttled") << QStringLiteral("ann@example.com") << QStringLiteral("nope") << 3
                                   << QStringLiteral("Too many attempts. Try again in 3 second(s).");
        QTest::newRow("bad e-mail, checked locally") << QStringLiteral("not-an-email") << QStringLiteral("x") << 0
                                                     << QStringLiteral("Enter a valid e-mail address.");
    }

    void loginErrors()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(int, throttle);
        QFETCH(QString, message);
        m_server->throttleSeconds = throttle;
        auto s = makeSession();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait());
        QSignalSpy failed(s->account(), &AccountService::loginFailed);
        s->account()->login(email, password);
        QVERIFY(failed.count() == 1 || failed.wait());
        QCOMPARE(failed.first().first().toString(), message);
        QVERIFY(!s->account()->isLoggedIn());
    }

    void registerEmailTaken()
    {
        auto s = makeSession();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait());
        QSignalSpy failed(s->account(), &AccountService::registrationFailed);
        s->account()->registerAccount(QStringLiteral("ann@example.com"), QStringLiteral("long enough password"));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().first().toString(), QStringLiteral("An account with this e-mail address already exists."));
        s->account()->registerAccount(QStringLiteral("ann@example.com"), QStringLiteral("short"));
        QCOMPARE(failed.count(), 2); // weak password is caught before the network
        QCOMPARE(failed.last().at(1).toString(), QStringLiteral("password"));
    }

    void loginReconnectsWithBearerAndFlushesWishlist()
    {
        fillServer(5);
        auto s = makeSession();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait());
        QVERIFY(login(*s));
        QVERIFY(m_server->bearerTokens.contains(QStringLiteral("tok-42")));
        QCOMPARE(s->store()->syncState().token, QStringLiteral("tok-42"));

        QSignalSpy flushed(s->wishlist(), &WishlistService::outboxFlushed);
        QVERIFY(s->wishlist()->toggle(QStringLiteral("ev-1")));
        QVERIFY(s->wishlist()->isWishlisted(QStringLiteral("ev-1")));
        QVERIFY(flushed.wait());
        QCOMPARE(m_server->mutations.size(), 1);
        QVERIFY(m_server->mutations.first().add());
        QVERIFY(s->store()->outbox().isEmpty());
        QVERIFY(s->wishlist()->isWishlisted(QStringLiteral("ev-1"))); // our own push agrees
    }

    void offlineToggleIsFlushedAfterReconnect()
    {
        fillServer(5);
        auto s = makeSession();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait());
        QVERIFY(login(*s));

        const quint16 port = m_server->port();
        m_server->close(); // server gone
        QTRY_COMPARE(s->state(), SyncClient::State::Offline);
        QVERIFY(s->wishlist()->toggle(QStringLiteral("ev-2")));
        QVERIFY(s->wishlist()->toggle(QStringLiteral("ev-3")));
        QVERIFY(s->wishlist()->toggle(QStringLiteral("ev-2"))); // and off again
        QCOMPARE(s->store()->outbox(42).size(), 3);
        QVERIFY(!s->wishlist()->isWishlisted(QStringLiteral("ev-2")));
        QVERIFY(s->wishlist()->isWishlisted(QStringLiteral("ev-3")));

        QSignalSpy flushed(s->wishlist(), &WishlistService::outboxFlushed);
        QVERIFY(m_server->listen(port));
        QVERIFY(flushed.wait(5000));
        QCOMPARE(m_server->mutations.size(), 3);
        QCOMPARE(m_server->mutations.at(0).event_id(), std::string("ev-2")); // in order
        QVERIFY(m_server->mutations.at(0).add());
        QCOMPARE(m_server->mutations.at(1).event_id(), std::string("ev-3"));
        QVERIFY(!m_server->mutations.at(2).add());
        QVERIFY(s->store()->outbox().isEmpty());
    }

    void permanentErrorRevertsAndTells()
    {
        auto s = makeSession();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait());
        QVERIFY(login(*s));
        QSignalSpy rejected(s->wishlist(), &WishlistService::mutationRejected);
        QVERIFY(s->wishlist()->toggle(QStringLiteral("missing")));
        QVERIFY(rejected.wait());
        QCOMPARE(rejected.first().first().toString(), QStringLiteral("missing"));
        QVERIFY(!s->wishlist()->isWishlisted(QStringLiteral("missing")));
        QVERIFY(s->store()->outbox().isEmpty());
    }

    void toggleNeedsLogin()
    {
        auto s = makeSession();
        QSignalSpy failed(s->wishlist(), &WishlistService::toggleFailed);
        QVERIFY(!s->wishlist()->toggle(QStringLiteral("ev-1")));
        QCOMPARE(failed.count(), 1);
        QVERIFY(s->store()->outbox().isEmpty());
    }

    void logoutForgetsUserRowsKeepsOutbox()
    {
        fillServer(3);
        auto s = makeSession();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait());
        QVERIFY(login(*s));
        QSignalSpy flushed(s->wishlist(), &WishlistService::outboxFlushed);
        QVERIFY(s->wishlist()->toggle(QStringLiteral("ev-0")));
        QVERIFY(flushed.wait());
        // An entry of another user that is still pending must survive the logout.
        QVERIFY(s->store()->toggleWishlist(7, QStringLiteral("ev-1")));
        QSignalSpy out(s->account(), &AccountService::loggedOut);
        s->account()->logout();
        QVERIFY(out.wait());
        QVERIFY(!s->account()->isLoggedIn());
        QVERIFY(s->store()->syncState().token.isEmpty());
        QVERIFY(s->store()->wishlist(42).isEmpty());
        QCOMPARE(s->store()->outbox().size(), 1);
        QVERIFY(synced.wait()); // anonymous again, synced
        QCOMPARE(s->syncClient()->hello().userId, 0);
    }

    void startsOfflineFromCache()
    {
        fillServer(4);
        {
            auto s = makeSession();
            QSignalSpy synced(s.get(), &ClientSession::synced);
            s->start();
            QVERIFY(synced.wait());
        }
        m_server->close();
        auto s = makeSession();
        s->start();
        QCOMPARE(s->catalog()->eventCount(), 4);
        QTest::qWait(200);
        QVERIFY(s->state() == SyncClient::State::Offline || s->state() == SyncClient::State::Connecting);
        QVERIFY(s->lastSyncAt().isValid()); // remembered from the last run
    }
};

QTEST_GUILESS_MAIN(TestSessionFake)
#include "test_session_fake.moc"
