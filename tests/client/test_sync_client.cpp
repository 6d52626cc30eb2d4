// ClientSession against the real marquee-server (TestServer on the CTest PostgreSQL fixture):
// sync, live push, wishlist ack and replay, two clients of one user, login errors.
#include "net/syncclient.h"
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

using namespace marquee;
using namespace marquee::client;

namespace {
constexpr int kTimeoutMs = 20000;
const QString kEmail = QStringLiteral("ann@example.com");
const QString kPassword = QStringLiteral("correct horse battery");
} // namespace

class TestSyncClient : public QObject {
    Q_OBJECT
private:
    marquee::testing::TestServer m_server;
    QTemporaryDir m_root;
    int m_counter = 0;

    std::unique_ptr<ClientSession> session()
    {
        ClientSession::Options o;
        o.dataDir = m_root.filePath(QString::number(++m_counter));
        o.serverUrl = m_server.wsUrl();
        o.sync.backoffMs = {100, 200, 500};
        auto s = std::make_unique<ClientSession>(o);
        if (!s->open())
            return nullptr;
        s->catalog()->setCoalesceInterval(0);
        return s;
    }

    bool syncAndLogin(ClientSession& s)
    {
        QSignalSpy synced(&s, &ClientSession::synced);
        s.start();
        if (!synced.wait(kTimeoutMs))
            return false;
        QSignalSpy in(s.account(), &AccountService::loggedIn);
        s.account()->login(kEmail, kPassword);
        if (!in.wait(kTimeoutMs))
            return false;
        return synced.wait(kTimeoutMs) && s.syncClient()->hello().userId != 0;
    }

    QString anyEventId(ClientSession& s)
    {
        const auto rows = s.catalog()->events({});
        return rows.isEmpty() ? QString() : rows.first().id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_server.start(&error, {QStringLiteral("--demo")}), qPrintable(error));
        QVERIFY(m_server.createUser(kEmail, kPassword, QStringLiteral("attendee")));
    }

    void coldSyncGetsTheCatalog()
    {
        auto s = session();
        QVERIFY(s);
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait(kTimeoutMs));
        const int serverEvents = m_server.query(QStringLiteral("SELECT count(*) FROM events")).value(0).toInt();
        QVERIFY(serverEvents > 0);
        QCOMPARE(s->catalog()->eventCount(), serverEvents);
        QCOMPARE(s->state(), SyncClient::State::Online);
    }

    void loginErrors()
    {
        auto s = session();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(synced.wait(kTimeoutMs));
        QSignalSpy failed(s->account(), &AccountService::loginFailed);
        s->account()->login(kEmail, QStringLiteral("wrong password!"));
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.first().first().toString(), QStringLiteral("Wrong e-mail address or password."));
        QSignalSpy regFailed(s->account(), &AccountService::registrationFailed);
        s->account()->registerAccount(kEmail, QStringLiteral("another long password"));
        QVERIFY(regFailed.wait(kTimeoutMs));
        QCOMPARE(regFailed.first().first().toString(), QStringLiteral("An account with this e-mail address already exists."));
    }

    void wishlistAckedAndSeenLiveByOtherClient()
    {
        auto a = session();
        auto b = session();
        QVERIFY(syncAndLogin(*a));
        QVERIFY(syncAndLogin(*b));
        const QString eventId = anyEventId(*a);
        QVERIFY(!eventId.isEmpty());
        const bool before = a->wishlist()->isWishlisted(eventId);

        QSignalSpy acked(a->wishlist(), &WishlistService::mutationAcked);
        QSignalSpy flushed(a->wishlist(), &WishlistService::outboxFlushed);
        QVERIFY(a->wishlist()->toggle(eventId));
        QVERIFY(flushed.wait(kTimeoutMs));
        QCOMPARE(acked.count(), 1);
        QVERIFY(!acked.first().at(1).toBool()); // first time: not a replay
        // The other client of the same user gets the change as a live push.
        QTRY_COMPARE_WITH_TIMEOUT(b->wishlist()->isWishlisted(eventId), !before, kTimeoutMs);
        const QStringList rows = m_server.query(
            QStringLiteral("SELECT count(*) FROM wishlist w JOIN users u ON u.id = w.user_id WHERE u.email = '%1' AND w.event_id = '%2'")
                .arg(kEmail, eventId));
        QCOMPARE(rows.value(0).toInt(), before ? 0 : 1);
    }

    void replayedOutboxEntryAppliesOnce()
    {
        auto s = session();
        QVERIFY(syncAndLogin(*s));
        const QString eventId = anyEventId(*s);
        const QString key = QStringLiteral("6f1d3c2a-0b7e-4c55-9a11-3f7d2b9e8c01");
        const bool add = !s->wishlist()->isWishlisted(eventId);
        QSignalSpy acks(s->syncClient(), &SyncClient::ackReceived);
        // Send the same idempotency key twice, as a client that crashed before deleting it would.
        s->syncClient()->sendWishlistMutation(key, eventId, add);
        QVERIFY(acks.wait(kTimeoutMs));
        s->syncClient()->sendWishlistMutation(key, eventId, add);
        QVERIFY(acks.count() == 2 || acks.wait(kTimeoutMs));
        QVERIFY(!acks.at(0).at(1).value<AckInfo>().replayed);
        QVERIFY(acks.at(1).at(1).value<AckInfo>().replayed);
        const QStringList rows = m_server.query(
            QStringLiteral("SELECT count(*) FROM wishlist w JOIN users u ON u.id = w.user_id WHERE u.email = '%1' AND w.event_id = '%2'")
                .arg(kEmail, eventId));
        QCOMPARE(rows.value(0).toInt(), add ? 1 : 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "test_sync_client.moc"
