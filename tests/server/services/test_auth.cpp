// Accounts, sessions, login throttling and the role/ownership rules for event writes.
#include "service_helpers.hpp"

#include <QtTest>

#include "marquee/core/validation.hpp"

#include <sodium.h>

#include <latch>
#include <thread>
#include <vector>

using namespace marquee;
using marquee::test::TestDatabase;

namespace {

v1::Envelope registerUser(server::Api& api, pqxx::connection& conn, const std::string& email,
                          const std::string& password) {
    return test::call(api, conn, {}, [&](v1::Envelope& r) {
        r.mutable_register_()->set_email(email);
        r.mutable_register_()->set_password(password);
        r.mutable_register_()->set_display_name("Ann");
    });
}

v1::Envelope login(server::Api& api, pqxx::connection& conn, const std::string& email, const std::string& password,
                   const std::string& peer = "192.0.2.1") {
    return test::call(
        api, conn, {},
        [&](v1::Envelope& r) {
            r.mutable_login()->set_email(email);
            r.mutable_login()->set_password(password);
        },
        peer);
}

std::int64_t accountsWithEmail(pqxx::connection& conn, const std::string& email) {
    pqxx::read_transaction tx(conn);
    return tx.exec_params1("SELECT count(*) FROM users WHERE email = $1", email)[0].as<std::int64_t>();
}

server::Api::Options throttled(int freeFailures) {
    server::Api::Options options;
    options.throttle.freeFailures = freeFailures;
    options.throttle.baseDelayMs = 60'000; // long enough that no test outruns it
    return options;
}

} // namespace

class TestAuth : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
        QVERIFY(sodium_init() >= 0);
    }

    void registerCreatesSessionAndStoresOnlyAHash() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        const auto reply = registerUser(api, *conn, "  Ann@Example.COM ", "a long enough password");
        QVERIFY2(reply.has_session(), reply.DebugString().c_str());
        QCOMPARE(reply.request_id(), std::uint64_t{7});
        const auto& session = reply.session();
        QCOMPARE(session.email(), std::string("ann@example.com"));
        QCOMPARE(session.role(), v1::ROLE_ATTENDEE);
        QCOMPARE(session.token().size(), std::size_t{32});
        QVERIFY(std::all_of(session.token().begin(), session.token().end(),
                            [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }));
        QVERIFY(session.expires_at_ms() > 0);

        // The table holds SHA-256(raw token), never the token itself.
        {
            pqxx::read_transaction tx(*conn);
            const auto row = tx.exec1("SELECT encode(token_hash, 'hex'), u.password_hash FROM sessions s "
                                      "JOIN users u ON u.id = s.user_id");
            const auto storedHash = row[0].as<std::string>();
            QVERIFY(storedHash != session.token());
            QVERIFY(storedHash.find(session.token()) == std::string::npos);
            QCOMPARE(storedHash.size(), std::size_t{64});
            QVERIFY(row[1].as<std::string>().rfind("$argon2id$", 0) == 0);
            const auto leaked = tx.exec_params1(
                "SELECT count(*) FROM sessions WHERE position(decode($1, 'hex') IN token_hash) > 0 "
                "OR position(convert_to($1, 'UTF8') IN token_hash) > 0",
                session.token());
            QCOMPARE(leaked[0].as<int>(), 0);
        }

        const auto who = api.authenticate(*conn, session.token());
        QVERIFY(who.has_value());
        QCOMPARE(who->userId, session.user_id());
        QCOMPARE(who->role, core::Role::Attendee);
        QCOMPARE(who->email, std::string("ann@example.com"));
        QVERIFY(!who->tokenHash.empty());

        // Same e-mail in another spelling is the same account.
        const auto again = registerUser(api, *conn, "ANN@example.com", "another long password");
        QVERIFY(again.has_error());
        QCOMPARE(again.error().code(), v1::ALREADY_EXISTS);
    }

    void registerValidates_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad email") << QStringLiteral("not-an-email") << QStringLiteral("long enough pw") << QStringLiteral("email");
        QTest::newRow("short password") << QStringLiteral("a@b.de") << QStringLiteral("short") << QStringLiteral("password");
    }
    void registerValidates() {
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, field);
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        const auto reply = registerUser(api, *conn, email.toStdString(), password.toStdString());
        QVERIFY(reply.has_error());
        QCOMPARE(reply.error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(reply.error().details().at("field"), field.toStdString());
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM users"), 0LL);
    }

    void loginWrongPasswordAndUnknownUserLookAlike() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        QVERIFY(registerUser(api, *conn, "bob@example.com", "bobs secret pass").has_session());
        const auto ok = login(api, *conn, "Bob@Example.com", "bobs secret pass");
        QVERIFY2(ok.has_session(), ok.DebugString().c_str());
        const auto wrong = login(api, *conn, "bob@example.com", "not his password");
        const auto unknown = login(api, *conn, "nobody@example.com", "not his password");
        QVERIFY(wrong.has_error());
        QVERIFY(unknown.has_error());
        QCOMPARE(wrong.error().code(), v1::UNAUTHENTICATED);
        QCOMPARE(unknown.error().code(), v1::UNAUTHENTICATED);
        QCOMPARE(wrong.error().message(), unknown.error().message());
    }

    void throttlesPerAccount() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api(throttled(2));
        QVERIFY(registerUser(api, *conn, "carol@example.com", "carols real password").has_session());
        // Failures from different addresses still count against the account.
        QCOMPARE(login(api, *conn, "carol@example.com", "guess number one", "198.51.100.1").error().code(), v1::UNAUTHENTICATED);
        QCOMPARE(login(api, *conn, "carol@example.com", "guess number two", "198.51.100.2").error().code(), v1::UNAUTHENTICATED);
        const auto locked = login(api, *conn, "carol@example.com", "carols real password", "198.51.100.3");
        QVERIFY(locked.has_error());
        QCOMPARE(locked.error().code(), v1::RESOURCE_EXHAUSTED);
        const auto retry = std::stoll(locked.error().details().at("retry_after_ms"));
        QVERIFY(retry > 0 && retry <= 60'000);
    }

    void throttlesPerAddress() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api(throttled(3));
        QVERIFY(registerUser(api, *conn, "dave@example.com", "daves real password").has_session());
        // Password spraying: one address, many accounts.
        for (const char* email : {"x1@example.com", "x2@example.com", "x3@example.com"})
            QCOMPARE(login(api, *conn, email, "spray spray spray", "203.0.113.9").error().code(), v1::UNAUTHENTICATED);
        const auto locked = login(api, *conn, "dave@example.com", "daves real password", "203.0.113.9");
        QVERIFY(locked.has_error());
        QCOMPARE(locked.error().code(), v1::RESOURCE_EXHAUSTED);
        QVERIFY(locked.error().details().contains("retry_after_ms"));
        // Another address is not affected.
        QVERIFY(login(api, *conn, "dave@example.com", "daves real password", "203.0.113.10").has_session());
    }

    void successResetsAccountCounter() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api(throttled(3));
        QVERIFY(registerUser(api, *conn, "erin@example.com", "erins real password").has_session());
        for (int round = 0; round < 2; ++round) {
            QCOMPARE(login(api, *conn, "erin@example.com", "wrong password 1", "10.0.0." + std::to_string(round * 2 + 1)).error().code(), v1::UNAUTHENTICATED);
            QCOMPARE(login(api, *conn, "erin@example.com", "wrong password 2", "10.0.0." + std::to_string(round * 2 + 2)).error().code(), v1::UNAUTHENTICATED);
            QVERIFY(login(api, *conn, "erin@example.com", "erins real password", "10.0.1.1").has_session());
        }
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM login_throttle WHERE key = 'acct:erin@example.com'"), 0LL);
    }

    void tokensAreCheckedStrictly() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        const auto session = registerUser(api, *conn, "fay@example.com", "fays long password").session();
        for (const std::string& bad : {std::string(), std::string("zz"), std::string(32, 'g'), std::string(64, 'a'),
                                      session.token() + "00", std::string("'; DROP TABLE users; --   ........"),
                                      std::string(32, '0')})
            QVERIFY(!api.authenticate(*conn, bad).has_value());
        // Upper-case hex is the same token bytes.
        QString upper = QString::fromStdString(session.token()).toUpper();
        QVERIFY(api.authenticate(*conn, upper.toStdString()).has_value());
    }

    void logoutRevokes() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        const auto session = registerUser(api, *conn, "gil@example.com", "gils long password").session();
        const auto who = api.authenticate(*conn, session.token());
        QVERIFY(who.has_value());
        const auto reply = test::call(api, *conn, *who, [](v1::Envelope& r) { r.mutable_logout(); });
        QVERIFY2(reply.has_ack(), reply.DebugString().c_str());
        QVERIFY(!api.authenticate(*conn, session.token()).has_value());
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM sessions WHERE revoked_at IS NOT NULL"), 1LL);
        // Anonymous logout is refused.
        QCOMPARE(test::call(api, *conn, {}, [](v1::Envelope& r) { r.mutable_logout(); }).error().code(),
                 v1::UNAUTHENTICATED);
    }

    void expiredTokenRejected() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        const auto session = registerUser(api, *conn, "hal@example.com", "hals long password").session();
        QVERIFY(api.authenticate(*conn, session.token()).has_value());
        {
            pqxx::work tx(*conn);
            tx.exec0("UPDATE sessions SET expires_at = now() - interval '1 second'");
            tx.commit();
        }
        QVERIFY(!api.authenticate(*conn, session.token()).has_value());
    }

    void requestShapes() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        const auto empty = test::call(api, *conn, {}, [](v1::Envelope&) {});
        QCOMPARE(empty.error().code(), v1::UNIMPLEMENTED);
        QCOMPARE(empty.request_id(), std::uint64_t{7});
        const auto hello = test::call(api, *conn, {}, [](v1::Envelope& r) { r.mutable_hello()->set_protocol_major(1); });
        QCOMPARE(hello.error().code(), v1::FAILED_PRECONDITION);
    }

    void eventWritesCheckRolesAndOwnership() {
        test::Fixture f;
        const auto attendee = f.user("att@example.com", core::Role::Attendee);
        const auto staff = f.user("staff@example.com", core::Role::Staff);
        const auto orgA = f.user("orga@example.com", core::Role::Organizer);
        const auto orgB = f.user("orgb@example.com", core::Role::Organizer);
        const auto admin = f.user("admin@example.com", core::Role::Admin);

        QCOMPARE(test::upsert(f.api, *f.conn, {}, test::validEvent()).error().code(), v1::UNAUTHENTICATED);
        QCOMPARE(test::upsert(f.api, *f.conn, attendee, test::validEvent()).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(test::upsert(f.api, *f.conn, staff, test::validEvent()).error().code(), v1::PERMISSION_DENIED);

        const auto created = test::upsert(f.api, *f.conn, orgA, test::validEvent());
        QVERIFY2(created.has_ack(), created.DebugString().c_str());
        const std::string id = created.ack().id();
        QVERIFY(core::isUuid(id));
        QCOMPARE(test::scalar(*f.conn, "SELECT organizer_id FROM events"), static_cast<long long>(orgA.userId));

        auto changed = test::validEvent("Renamed");
        changed.set_id(id);
        changed.set_organizer_id(orgB.userId); // ignored: ownership does not move through an upsert
        QCOMPARE(test::upsert(f.api, *f.conn, orgB, changed).error().code(), v1::PERMISSION_DENIED);
        QVERIFY(test::upsert(f.api, *f.conn, orgA, changed).has_ack());
        QCOMPARE(test::scalar(*f.conn, "SELECT organizer_id FROM events"), static_cast<long long>(orgA.userId));
        changed.set_title("Admin edit");
        QVERIFY(test::upsert(f.api, *f.conn, admin, changed).has_ack());

        const auto del = [&](const server::Principal& who) {
            return test::call(f.api, *f.conn, who, [&](v1::Envelope& r) { r.mutable_delete_event()->set_event_id(id); });
        };
        QCOMPARE(del(attendee).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(del(orgB).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM events"), 1LL);
        QVERIFY(del(admin).has_ack());
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM events"), 0LL);
        QCOMPARE(del(admin).error().code(), v1::NOT_FOUND);

        // Own event, deleted by its organizer.
        const auto second = test::upsert(f.api, *f.conn, orgB, test::validEvent("B's gig")).ack().id();
        QVERIFY(test::call(f.api, *f.conn, orgB, [&](v1::Envelope& r) { r.mutable_delete_event()->set_event_id(second); }).has_ack());

        // Each successful write appended exactly one change-log row: 3 upserts + 1 delete + 1 upsert + 1 delete.
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event'"), 6LL);
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM change_log WHERE type = 'delete' AND payload = '\\x'"), 2LL);
    }

    void eventValidation_data() {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty title") << 0 << QStringLiteral("title");
        QTest::newRow("bad currency") << 1 << QStringLiteral("price.currency");
        QTest::newRow("unknown category") << 2 << QStringLiteral("category_id");
        QTest::newRow("unknown venue") << 3 << QStringLiteral("venue_id");
        QTest::newRow("unknown time zone") << 4 << QStringLiteral("time_zone");
        QTest::newRow("ends before start") << 5 << QStringLiteral("ends_at");
    }
    void eventValidation() {
        QFETCH(int, mutation);
        QFETCH(QString, field);
        test::Fixture f;
        const auto org = f.user("org@example.com", core::Role::Organizer);
        auto event = test::validEvent();
        switch (mutation) {
        case 0: event.set_title("  "); break;
        case 1: event.mutable_price()->set_currency("euro"); break;
        case 2: event.set_category_id("sports.curling"); break;
        case 3: event.set_venue_id("22222222-2222-4222-8222-222222222222"); break;
        case 4: event.set_time_zone("Mars/Olympus_Mons"); break;
        default: event.set_ends_at_ms(event.starts_at_ms() - 1); break;
        }
        const auto reply = test::upsert(f.api, *f.conn, org, event);
        QVERIFY(reply.has_error());
        QCOMPARE(reply.error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(reply.error().details().at("field"), field.toStdString());
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM events"), 0LL);
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM change_log"), 0LL);
    }

    // Parallel guesses are counted before any password is verified, so no more than the
    // free failures get a verdict, however the threads interleave (review 1.9a).
    void parallelLoginsAreThrottledTogether() {
        TestDatabase db;
        auto setup = db.connect();
        server::Api api(throttled(2));
        QVERIFY(registerUser(api, *setup, "ivy@example.com", "ivys real password").has_session());
        constexpr int kThreads = 6;
        std::latch start(kThreads);
        std::vector<v1::ErrorCode> codes(kThreads, v1::INTERNAL);
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i)
            threads.emplace_back([&, i] {
                auto conn = db.connect();
                start.arrive_and_wait();
                const auto reply = login(api, *conn, "ivy@example.com", "guess " + std::to_string(i),
                                         "198.51.100." + std::to_string(i + 1));
                codes[static_cast<std::size_t>(i)] = reply.error().code();
            });
        for (auto& t : threads) t.join();
        QCOMPARE(std::count(codes.begin(), codes.end(), v1::UNAUTHENTICATED), 2L);
        QCOMPARE(std::count(codes.begin(), codes.end(), v1::RESOURCE_EXHAUSTED), long{kThreads - 2});
    }

    // Every registration counts against its address, successful or not (review 1.4).
    void registrationIsThrottledPerAddress() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api::Options options;
        options.registrationThrottle.freeFailures = 2;
        options.registrationThrottle.baseDelayMs = 60'000;
        server::Api api(options);
        const auto reg = [&](const std::string& email, const std::string& peer) {
            return test::call(api, *conn, {}, [&](v1::Envelope& r) {
                r.mutable_register_()->set_email(email);
                r.mutable_register_()->set_password("a long enough password");
            }, peer);
        };
        QVERIFY(reg("r1@example.com", "203.0.113.5").has_session());
        QCOMPARE(reg("r1@example.com", "203.0.113.5").error().code(), v1::ALREADY_EXISTS);
        const auto refused = reg("r2@example.com", "203.0.113.5");
        QCOMPARE(refused.error().code(), v1::RESOURCE_EXHAUSTED);
        QVERIFY(std::stoll(refused.error().details().at("retry_after_ms")) > 0);
        QVERIFY(reg("r2@example.com", "203.0.113.6").has_session());
    }

    // The account's mail language (docs/mail.md "Languages") follows the language the client
    // sends with Register and Login; an empty one keeps it, one the mails don't speak is
    // English, and something that is no language tag is refused and changes nothing.
    void mailLanguageFollowsTheClient() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        const auto languageOf = [&](const std::string& email) {
            pqxx::read_transaction tx(*conn);
            return tx.exec_params1("SELECT language FROM users WHERE email = $1", email)[0].as<std::string>();
        };
        const auto reg = [&](const std::string& email, const std::string& language) {
            return test::call(api, *conn, {}, [&](v1::Envelope& r) {
                r.mutable_register_()->set_email(email);
                r.mutable_register_()->set_password("a long enough password");
                r.mutable_register_()->set_language(language);
            });
        };
        const auto loginIn = [&](const std::string& email, const std::string& password, const std::string& language) {
            return test::call(api, *conn, {}, [&](v1::Envelope& r) {
                r.mutable_login()->set_email(email);
                r.mutable_login()->set_password(password);
                r.mutable_login()->set_language(language);
            });
        };
        QVERIFY(reg("fr@example.com", "fr").has_session());
        QCOMPARE(languageOf("fr@example.com"), std::string("fr"));
        QVERIFY(reg("old@example.com", "").has_session()); // a client from before the field
        QCOMPARE(languageOf("old@example.com"), std::string("en"));
        QVERIFY(reg("br@example.com", "pt-BR").has_session());
        QCOMPARE(languageOf("br@example.com"), std::string("en"));

        QVERIFY(loginIn("fr@example.com", "a long enough password", "de-AT").has_session());
        QCOMPARE(languageOf("fr@example.com"), std::string("de"));
        QVERIFY(loginIn("fr@example.com", "a long enough password", "").has_session());
        QCOMPARE(languageOf("fr@example.com"), std::string("de"));
        // A failed login changes nothing.
        QCOMPARE(loginIn("fr@example.com", "not the password", "fr").error().code(), v1::UNAUTHENTICATED);
        QCOMPARE(languageOf("fr@example.com"), std::string("de"));
        const auto bad = loginIn("fr@example.com", "a long enough password", "fr'; DROP");
        QCOMPARE(bad.error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(bad.error().details().at("field"), std::string("language"));
        QCOMPARE(languageOf("fr@example.com"), std::string("de"));
        QCOMPARE(reg("bad@example.com", std::string(40, 'x')).error().code(), v1::INVALID_ARGUMENT);
        QVERIFY2(accountsWithEmail(*conn, "bad@example.com") == 0, "a refused registration made an account");
        QVERIFY(loginIn("fr@example.com", "a long enough password", "EN").has_session());
        QCOMPARE(languageOf("fr@example.com"), std::string("en"));
    }

    // A token belongs to one identity for the life of its connection (review 1.13d).
    void registerAndLoginNeedAnAnonymousConnection() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        const auto session = registerUser(api, *conn, "jo@example.com", "jos long password").session();
        const auto who = api.authenticate(*conn, session.token());
        QVERIFY(who);
        QVERIFY(who->expiresAtMs > 0);
        const auto again = test::call(api, *conn, *who, [](v1::Envelope& r) {
            r.mutable_login()->set_email("jo@example.com");
            r.mutable_login()->set_password("jos long password");
        });
        QCOMPARE(again.error().code(), v1::FAILED_PRECONDITION);
        // An expired session is refused per request, not only at the upgrade.
        auto expired = *who;
        expired.expiresAtMs = 1;
        QCOMPARE(test::pull(api, *conn, expired, 0, 10).error().code(), v1::UNAUTHENTICATED);
    }

    // An id chosen by the client makes a create safe to retry (review 1.11b).
    void createWithClientIdIsIdempotent() {
        test::Fixture f;
        const auto org = f.user("org2@example.com", core::Role::Organizer);
        const auto other = f.user("org3@example.com", core::Role::Organizer);
        auto event = test::validEvent();
        event.set_id("6F1D2C3B-4A59-4E68-9C7B-8A9D0E1F2A3B");
        const auto first = test::upsert(f.api, *f.conn, org, event);
        QVERIFY2(first.has_ack(), first.DebugString().c_str());
        QCOMPARE(first.ack().id(), std::string("6f1d2c3b-4a59-4e68-9c7b-8a9d0e1f2a3b"));
        QVERIFY(test::upsert(f.api, *f.conn, org, event).has_ack());
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM events"), 1LL);
        // The id is taken: another organizer cannot claim it by "creating" it.
        QCOMPARE(test::upsert(f.api, *f.conn, other, event).error().code(), v1::PERMISSION_DENIED);
        event.set_id("not-a-uuid");
        QCOMPARE(test::upsert(f.api, *f.conn, org, event).error().code(), v1::INVALID_ARGUMENT);
        event.clear_id();
        QVERIFY(test::upsert(f.api, *f.conn, org, event).has_ack()); // empty id: a new event
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM events"), 2LL);
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "test_auth.moc"
