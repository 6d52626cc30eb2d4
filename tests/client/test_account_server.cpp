// Accounts and the wishlist outbox against the real marquee-server (TestServer on the CTest
// PostgreSQL fixture): login and registration errors, throttling, wishlist acks seen live by
// the user's other client, idempotent replay, offline toggles flushed in order after a server
// restart, a permanent error reverting the local row, and logout keeping the outbox.
#include "serverhelpers.h"
#include "services/wishlistservice.h"
#include "store/localstore.h"

#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;

namespace {
const QString kEmail = QStringLiteral("ann@example.com");
const QString kWrongPasswordMessage = QStringLiteral("Wrong e-mail address or password.");
} // namespace

class TestAccountServer : public QObject {
    Q_OBJECT
private:
    marquee::testing::TestServer m_server;
    QTemporaryDir m_root;
    int m_counter = 0;
    qint64 m_ann = 0;

    std::unique_ptr<ClientSession> session() { return openSession(m_root.filePath(QString::number(++m_counter)), m_server.wsUrl()); }

    // Synced and logged in as ann.
    std::unique_ptr<ClientSession> annSession()
    {
        auto s = session();
        if (!s || !startAndSync(*s) || !logIn(*s, kEmail, kPassword))
            return nullptr;
        return s;
    }

    QString eventAt(ClientSession& s, int index) const
    {
        const auto rows = s.catalog()->events({});
        return rows.size() > index ? rows.at(index).id : QString();
    }

    QStringList annChangesAfter(std::uint64_t seq) const
    {
        return m_server.query(QStringLiteral("SELECT aggregateid, type FROM change_log WHERE scope_user_id = %1 AND seq > %2 "
                                             "ORDER BY seq")
                                  .arg(m_ann)
                                  .arg(seq));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_root.isValid());
        const QString error = startDemoServer(m_server, {{kEmail, QStringLiteral("attendee")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_ann = serverUserId(m_server, kEmail);
        QVERIFY(m_ann > 0);
    }

    // Every test logs in from 127.0.0.1, and failures are also throttled per address.
    void cleanup() { m_server.query(QStringLiteral("DELETE FROM login_throttle")); }

    void loginErrors_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("local");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong password") << kEmail << QStringLiteral("wrong password!") << false << kWrongPasswordMessage;
        QTest::newRow("unknown account, same answer")
            << QStringLiteral("nobody@example.com") << kPassword << false << kWrongPasswordMessage;
        QTest::newRow("bad e-mail, checked locally")
            << QStringLiteral("not-an-email") << kPassword << true << QStringLiteral("Enter a valid e-mail address.");
    }

    void loginErrors()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(bool, local);
        QFETCH(QString, message);
        auto s = session();
        QVERIFY(s);
        QVERIFY(startAndSync(*s));
        QSignalSpy failed(s->account(), &AccountService::loginFailed);
        s->account()->login(email, password);
        if (local)
            QCOMPARE(failed.count(), 1); // before any request
        else
            QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.first().first().toString(), message);
        QVERIFY(!s->account()->isLoggedIn());
        QVERIFY(s->store()->syncState().token.isEmpty());
        QCOMPARE(s->syncClient()->hello().userId, 0);
    }

    void repeatedFailuresAreThrottled()
    {
        auto s = session();
        QVERIFY(s);
        QVERIFY(startAndSync(*s));
        QSignalSpy failed(s->account(), &AccountService::loginFailed);
        static const QRegularExpression throttled(QStringLiteral("^Too many attempts\\. Try again in (\\d+) second\\(s\\)\\.$"));
        QRegularExpressionMatch match;
        // Five failures are free; after that the server answers RESOURCE_EXHAUSTED with
        // retry_after_ms until the lockout (doubling with each further failure) has passed.
        for (int attempt = 0; attempt < 12 && !match.hasMatch(); ++attempt) {
            const auto before = failed.count();
            s->account()->login(kEmail, QStringLiteral("wrong password!"));
            QVERIFY(QTest::qWaitFor([&] { return failed.count() > before; }, kTimeoutMs));
            const QString text = failed.last().first().toString();
            match = throttled.match(text);
            if (attempt < 5)
                QCOMPARE(text, kWrongPasswordMessage);
            else if (!match.hasMatch())
                QCOMPARE(text, kWrongPasswordMessage);
        }
        QVERIFY2(match.hasMatch(), "no throttled answer after 12 failed logins");
        QVERIFY(match.captured(1).toInt() >= 1);
        QVERIFY(failed.count() >= 6);
        const int failures = m_server.query(QStringLiteral("SELECT failures FROM login_throttle WHERE key = 'acct:%1'").arg(kEmail))
                                 .value(0)
                                 .toInt();
        QVERIFY(failures >= 5);
        QVERIFY(!s->account()->isLoggedIn());
    }

    void registerCreatesAccountAndLogsIn()
    {
        auto s = session();
        QVERIFY(s);
        QVERIFY(startAndSync(*s));
        const QString email = QStringLiteral("newcomer@example.com");
        QSignalSpy in(s->account(), &AccountService::loggedIn);
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->account()->registerAccount(email, QStringLiteral("a long enough password"), QStringLiteral("New Comer"));
        QVERIFY(in.wait(kTimeoutMs));
        QVERIFY(synced.wait(kTimeoutMs)); // reconnected with the bearer token
        const qint64 id = serverUserId(m_server, email);
        QVERIFY(id > 0);
        QCOMPARE(s->account()->userId(), id);
        QCOMPARE(s->account()->email(), email);
        QVERIFY(s->account()->role() == core::Role::Attendee);
        QCOMPARE(s->syncClient()->hello().userId, id);
        QVERIFY(!s->store()->syncState().token.isEmpty());
        QCOMPARE(m_server.query(QStringLiteral("SELECT display_name FROM users WHERE id = %1").arg(id)).value(0),
                 QStringLiteral("New Comer"));
    }

    // The account's mail language is the client's UI language, sent with Register, every Login
    // and every Hello, so a client resumed from its saved session is heard too (docs/mail.md
    // "Languages").
    void mailLanguageIsTheUiLanguage()
    {
        const auto restoreLocale = qScopeGuard([before = QLocale()] { QLocale::setDefault(before); });
        QLocale::setDefault(QLocale(QStringLiteral("fr_FR")));
        auto s = session();
        QVERIFY(s);
        QVERIFY(startAndSync(*s));
        const QString email = QStringLiteral("francoise@example.com");
        QSignalSpy in(s->account(), &AccountService::loggedIn);
        s->account()->registerAccount(email, QStringLiteral("a long enough password"), QStringLiteral("Françoise"));
        QVERIFY(in.wait(kTimeoutMs));
        const auto languageOf = [&] {
            return m_server.query(QStringLiteral("SELECT language FROM users WHERE email = '%1'").arg(email)).value(0);
        };
        QCOMPARE(languageOf(), QStringLiteral("fr"));

        QLocale::setDefault(QLocale(QStringLiteral("de_AT")));
        const QString otherDir = m_root.filePath(QString::number(++m_counter));
        auto other = openSession(otherDir, m_server.wsUrl());
        QVERIFY(other);
        QVERIFY(startAndSync(*other));
        QVERIFY(logIn(*other, email, QStringLiteral("a long enough password")));
        QCOMPARE(languageOf(), QStringLiteral("de"));

        // Restarted in French from the saved session: no Login, the Hello says it.
        other.reset();
        QLocale::setDefault(QLocale(QStringLiteral("fr_CH")));
        auto resumed = openSession(otherDir, m_server.wsUrl());
        QVERIFY(resumed);
        QVERIFY(resumed->account()->isLoggedIn());
        QVERIFY(startAndSync(*resumed));
        QCOMPARE(resumed->syncClient()->hello().userId, serverUserId(m_server, email));
        QCOMPARE(languageOf(), QStringLiteral("fr"));
    }

    void registrationErrors()
    {
        auto s = session();
        QVERIFY(s);
        QVERIFY(startAndSync(*s));
        QSignalSpy failed(s->account(), &AccountService::registrationFailed);

        s->account()->registerAccount(kEmail, QStringLiteral("another long password"));
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("An account with this e-mail address already exists."));
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("email"));

        // A weak password is caught before the network, with the server's rules...
        s->account()->registerAccount(QStringLiteral("weak@example.com"), QStringLiteral("short"));
        QCOMPARE(failed.count(), 2);
        QVERIFY(failed.at(1).at(0).toString().startsWith(QStringLiteral("The password is too weak")));
        QCOMPARE(failed.at(1).at(1).toString(), QStringLiteral("password"));

        // ... and the server refuses it too, with an answer the client explains the same way.
        QSignalSpy requestFailed(s->syncClient(), &SyncClient::requestFailed);
        const quint64 id = s->syncClient()->registerAccount(QStringLiteral("weak@example.com"), QStringLiteral("short"), {});
        QVERIFY(requestFailed.wait(kTimeoutMs));
        QCOMPARE(requestFailed.first().at(0).toULongLong(), id);
        const auto error = requestFailed.first().at(1).value<ErrorInfo>();
        QVERIFY(error.code == ErrorCode::InvalidArgument);
        QCOMPARE(error.details.value(QStringLiteral("field")), QStringLiteral("password"));
        QCOMPARE(s->account()->errorMessage(error), failed.at(1).at(0).toString());
        QCOMPARE(serverUserId(m_server, QStringLiteral("weak@example.com")), qint64(0));
        QVERIFY(!s->account()->isLoggedIn());
    }

    void toggleNeedsLogin()
    {
        auto s = session();
        QVERIFY(s);
        QVERIFY(startAndSync(*s));
        QSignalSpy failed(s->wishlist(), &WishlistService::toggleFailed);
        QVERIFY(!s->wishlist()->toggle(eventAt(*s, 0)));
        QCOMPARE(failed.count(), 1);
        QVERIFY(s->store()->outbox().isEmpty());
    }

    void wishlistAckedAndSeenLiveByOtherClient()
    {
        auto a = annSession();
        auto b = annSession();
        QVERIFY(a && b);
        QCOMPARE(a->syncClient()->hello().userId, m_ann);
        const QString eventId = eventAt(*a, 0);
        QVERIFY(!eventId.isEmpty());
        QVERIFY(!a->wishlist()->isWishlisted(eventId));
        QVERIFY(!b->wishlist()->isWishlisted(eventId));

        QSignalSpy acked(a->wishlist(), &WishlistService::mutationAcked);
        QSignalSpy flushed(a->wishlist(), &WishlistService::outboxFlushed);
        QSignalSpy bBatches(b->syncClient(), &SyncClient::batchReceived);
        QVERIFY(a->wishlist()->toggle(eventId));
        QVERIFY(a->wishlist()->isWishlisted(eventId)); // at once, before the server answers
        QVERIFY(flushed.wait(kTimeoutMs));
        QCOMPARE(acked.count(), 1);
        QVERIFY(!acked.first().at(1).toBool()); // first time: not a replay
        QVERIFY(a->store()->outbox().isEmpty());
        QVERIFY(serverHasWish(m_server, m_ann, eventId));

        // The other client of the same user gets the change as a live push, without pulling.
        QVERIFY(QTest::qWaitFor([&] { return b->wishlist()->isWishlisted(eventId); }, kTimeoutMs));
        for (const auto& args : bBatches)
            QVERIFY(args.at(0).value<ChangeBatchData>().live);
        // The writer's own push agrees with its local row.
        QVERIFY(QTest::qWaitFor([&] { return a->appliedCursor() == serverHead(m_server); }, kTimeoutMs));
        QVERIFY(a->wishlist()->isWishlisted(eventId));
    }

    void replayedOutboxEntryAppliesOnce()
    {
        auto s = annSession();
        QVERIFY(s);
        const QString eventId = eventAt(*s, 1);
        QVERIFY(!s->wishlist()->isWishlisted(eventId));
        const QString key = QStringLiteral("6f1d3c2a-0b7e-4c55-9a11-3f7d2b9e8c01");
        QSignalSpy acks(s->syncClient(), &SyncClient::ackReceived);
        // Send the same idempotency key twice, as a client that crashed before deleting it would.
        s->syncClient()->sendWishlistMutation(key, eventId, true);
        QVERIFY(acks.wait(kTimeoutMs));
        s->syncClient()->sendWishlistMutation(key, eventId, true);
        QVERIFY(acks.count() == 2 || acks.wait(kTimeoutMs));
        QVERIFY(!acks.at(0).at(1).value<AckInfo>().replayed);
        QVERIFY(acks.at(1).at(1).value<AckInfo>().replayed);
        QVERIFY(serverHasWish(m_server, m_ann, eventId));
        QVERIFY(waitStamped(m_server));
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM change_log WHERE scope_user_id = %1 AND aggregateid = '%2'")
                                    .arg(m_ann)
                                    .arg(eventId))
                     .value(0)
                     .toInt(),
                 1);
    }

    void offlineTogglesFlushedInOrderAfterServerRestart()
    {
        auto s = annSession();
        QVERIFY(s);
        const QString e2 = eventAt(*s, 2);
        const QString e3 = eventAt(*s, 3);
        QVERIFY(!s->wishlist()->isWishlisted(e2));
        QVERIFY(!s->wishlist()->isWishlisted(e3));
        QVERIFY(waitStamped(m_server));
        const std::uint64_t headBefore = serverHead(m_server);

        m_server.kill(); // a crash
        QVERIFY(QTest::qWaitFor([&] { return s->state() == SyncClient::State::Offline; }, kTimeoutMs));
        QVERIFY(s->wishlist()->toggle(e2));
        QVERIFY(s->wishlist()->toggle(e3));
        QVERIFY(s->wishlist()->toggle(e2)); // and off again
        QCOMPARE(s->wishlist()->pendingCount(), 3);
        QVERIFY(!s->wishlist()->isWishlisted(e2));
        QVERIFY(s->wishlist()->isWishlisted(e3));

        QSignalSpy acked(s->wishlist(), &WishlistService::mutationAcked);
        QSignalSpy flushed(s->wishlist(), &WishlistService::outboxFlushed);
        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QVERIFY(flushed.wait(kTimeoutMs));
        QCOMPARE(acked.count(), 3);
        QCOMPARE(s->wishlist()->pendingCount(), 0);
        QVERIFY(s->store()->outbox().isEmpty());

        // The server saw the toggles in the order they were made.
        QVERIFY(waitStamped(m_server));
        QCOMPARE(annChangesAfter(headBefore),
                 (QStringList{e2 + QStringLiteral("|upsert"), e3 + QStringLiteral("|upsert"), e2 + QStringLiteral("|delete")}));
        QVERIFY(!serverHasWish(m_server, m_ann, e2));
        QVERIFY(serverHasWish(m_server, m_ann, e3));
        QVERIFY(QTest::qWaitFor([&] { return s->state() == SyncClient::State::Online; }, kTimeoutMs));
        QVERIFY(!s->wishlist()->isWishlisted(e2));
        QVERIFY(s->wishlist()->isWishlisted(e3));
    }

    void permanentErrorRevertsLocalRow()
    {
        auto s = annSession();
        QVERIFY(s);
        const QString gone = eventAt(*s, 4);
        QVERIFY(!s->wishlist()->isWishlisted(gone));
        s->stop(); // offline: the toggle stays in the outbox
        QVERIFY(s->wishlist()->toggle(gone));
        QVERIFY(s->wishlist()->isWishlisted(gone));
        QCOMPARE(s->wishlist()->pendingCount(), 1);

        // Meanwhile an admin deletes the event.
        AdminConnection admin;
        QVERIFY(admin.open(m_server.wsUrl(), kAdminEmail, kPassword));
        QVERIFY(admin.deleteEvent(gone));

        QSignalSpy rejected(s->wishlist(), &WishlistService::mutationRejected);
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->start();
        QVERIFY(rejected.wait(kTimeoutMs));
        QCOMPARE(rejected.first().at(0).toString(), gone);
        QCOMPARE(rejected.first().at(1).toString(),
                 QStringLiteral("This event no longer exists, so the wishlist change was undone."));
        QVERIFY(!s->wishlist()->isWishlisted(gone));
        QVERIFY(s->store()->outbox().isEmpty());
        QVERIFY(!serverHasWish(m_server, m_ann, gone));
        QVERIFY(synced.count() > 0 || synced.wait(kTimeoutMs));
        QVERIFY(!s->catalog()->eventDetails(gone).has_value()); // the delete was synced too
    }

    void logoutForgetsUserRowsKeepsOutbox()
    {
        auto s = annSession();
        QVERIFY(s);
        const QString sent = eventAt(*s, 5);
        const QString pending = eventAt(*s, 6);
        QVERIFY(!s->wishlist()->isWishlisted(sent));
        QVERIFY(!s->wishlist()->isWishlisted(pending));
        QSignalSpy flushed(s->wishlist(), &WishlistService::outboxFlushed);
        QVERIFY(s->wishlist()->toggle(sent));
        QVERIFY(flushed.wait(kTimeoutMs));

        s->stop(); // offline, so the next toggle stays in the outbox
        QVERIFY(s->wishlist()->toggle(pending));
        QSignalSpy out(s->account(), &AccountService::loggedOut);
        s->account()->logout();
        QVERIFY(out.count() == 1 || out.wait(kTimeoutMs));
        QVERIFY(!s->account()->isLoggedIn());
        QVERIFY(s->store()->syncState().token.isEmpty());
        QVERIFY(s->store()->wishlist(m_ann).isEmpty()); // the user's cached rows are gone
        QCOMPARE(s->store()->outbox(m_ann).size(), 1);   // the unsent toggle is not

        QVERIFY(startAndSync(*s)); // anonymous
        QCOMPARE(s->syncClient()->hello().userId, 0);
        QCOMPARE(s->store()->outbox(m_ann).size(), 1);
        QVERIFY(!serverHasWish(m_server, m_ann, pending));

        // The next login sends it.
        QVERIFY(logIn(*s, kEmail, kPassword));
        QVERIFY(QTest::qWaitFor([&] { return s->store()->outbox().isEmpty(); }, kTimeoutMs));
        QVERIFY(serverHasWish(m_server, m_ann, pending));
        QVERIFY(s->wishlist()->isWishlisted(sent)); // pulled again for this identity
        QVERIFY(s->wishlist()->isWishlisted(pending));

        // Logging out online also revokes the token on the server.
        const auto revoked = [&] {
            return m_server.query(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id = %1 AND revoked_at IS NOT NULL").arg(m_ann))
                .value(0)
                .toInt();
        };
        const int revokedBefore = revoked();
        QSignalSpy synced(s.get(), &ClientSession::synced);
        s->account()->logout();
        QVERIFY(out.wait(kTimeoutMs));
        QCOMPARE(revoked(), revokedBefore + 1);
        QVERIFY(synced.wait(kTimeoutMs));
        QCOMPARE(s->syncClient()->hello().userId, 0);
        QVERIFY(s->store()->wishlist(m_ann).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAccountServer)
#include "test_account_server.moc"
