// The server's network layer against the real marquee-server binary on a throwaway
// database: HTTP probes, the WebSocket transport rules of docs/protocol.md, bearer tokens at
// the upgrade, and live pushes.
#include "test_server.hpp"
#include "ws_test_client.hpp"

#include <QtTest>

#include <chrono>
#include <set>

using marquee::test::WsClient;
using marquee::test::httpGet;
using marquee::testing::TestServer;
namespace v1 = marquee::v1;

namespace {

const QString kOrganizerEmail = QStringLiteral("organizer@example.org");
const QString kOrganizerPassword = QStringLiteral("correct horse battery staple");

v1::Envelope pullRequest(std::uint64_t cursor) {
    v1::Envelope e;
    e.mutable_pull_changes()->set_cursor(cursor);
    return e;
}

// Pulls until has_more=false, which makes the connection "live" for pushes.
std::optional<std::uint64_t> pullToHead(WsClient& client) {
    std::uint64_t cursor = 0;
    for (int page = 0; page < 100; ++page) {
        const auto answer = client.call(pullRequest(cursor));
        if (!answer || !answer->has_change_batch()) return std::nullopt;
        cursor = answer->change_batch().next_cursor();
        if (!answer->change_batch().has_more()) return cursor;
    }
    return std::nullopt;
}

} // namespace

class TestServerNet : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    unsigned short port() const { return m_server.port(); }

    std::string login(const QString& email, const QString& password) {
        WsClient client;
        if (!client.connect(port()) || !client.hello()) return {};
        v1::Envelope request;
        request.mutable_login()->set_email(email.toStdString());
        request.mutable_login()->set_password(password.toStdString());
        const auto answer = client.call(request);
        if (!answer || !answer->has_session()) return {};
        return answer->session().token();
    }

    std::string registerAttendee(const std::string& email) {
        WsClient client;
        if (!client.connect(port()) || !client.hello()) return {};
        v1::Envelope request;
        request.mutable_register_()->set_email(email);
        request.mutable_register_()->set_password("a long enough password");
        request.mutable_register_()->set_display_name("Test Attendee");
        const auto answer = client.call(request);
        if (!answer || !answer->has_session()) return {};
        return answer->session().token();
    }

    std::string createEvent(const std::string& title) {
        const auto token = login(kOrganizerEmail, kOrganizerPassword);
        WsClient organizer;
        if (token.empty() || !organizer.connect(port(), token) || !organizer.hello()) return {};
        v1::Envelope upsert;
        auto* event = upsert.mutable_upsert_event()->mutable_event();
        event->set_title(title);
        event->set_category_id("test");
        event->set_time_zone("Europe/Berlin");
        event->set_starts_at_ms(4102444800000);
        event->mutable_price()->set_currency("EUR");
        const auto ack = organizer.call(upsert);
        return ack && ack->has_ack() ? ack->ack().id() : std::string();
    }

    // The next push (request_id 0) on a connection.
    static std::optional<v1::ChangeBatch> nextPush(WsClient& client) {
        while (const auto frame = client.read())
            if (frame->request_id() == 0 && frame->has_change_batch()) return frame->change_batch();
        return std::nullopt;
    }

private slots:
    void initTestCase() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server.createUser(kOrganizerEmail, kOrganizerPassword, QStringLiteral("organizer")),
                 qPrintable(m_server.serverLog()));
        m_server.query(QStringLiteral("INSERT INTO categories (id, name) VALUES ('test', 'Test')"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void healthz() {
        const auto res = httpGet(port(), "/healthz");
        QCOMPARE(res.status, 200U);
    }

    void readyz() {
        const auto res = httpGet(port(), "/readyz");
        QCOMPARE(res.status, 200U);
        QCOMPARE(QByteArray::fromStdString(res.body).trimmed(), QByteArray("ready"));
    }

    void metrics() {
        // Make sure at least one request has been counted.
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.hello());
        const auto res = httpGet(port(), "/metrics");
        QCOMPARE(res.status, 200U);
        QVERIFY(QByteArray::fromStdString(res.contentType).startsWith("text/plain"));
        for (const char* name : {"marquee_websocket_connections", "marquee_requests_total{type=\"hello\"}",
                                 "marquee_request_duration_seconds_bucket", "marquee_sync_head"})
            QVERIFY2(res.body.find(name) != std::string::npos, name);
    }

    void headForProbes() {
        const auto head = marquee::test::httpRequest(port(), "/healthz", boost::beast::http::verb::head);
        QCOMPARE(head.status, 200U);
        QVERIFY(head.body.empty());
        QCOMPARE(head.contentLength, std::string("3"));
        QCOMPARE(marquee::test::httpRequest(port(), "/readyz", boost::beast::http::verb::head).status, 200U);
        QCOMPARE(marquee::test::httpRequest(port(), "/metrics", boost::beast::http::verb::head).status, 405U);
    }

    void loadGaugesInMetrics() {
        const auto res = httpGet(port(), "/metrics");
        for (const char* name : {"marquee_db_queue_depth", "marquee_requests_in_flight", "marquee_password_hashes_in_flight"})
            QVERIFY2(res.body.find(name) != std::string::npos, name);
    }

    // Logging out on one connection closes the others that use the same token (review 1.10).
    void logoutClosesOtherConnectionsWithTheToken() {
        const auto token = registerAttendee("twodevices@example.org");
        QVERIFY(!token.empty());
        WsClient phone;
        QVERIFY(phone.connect(port(), token));
        QVERIFY(phone.hello()->has_hello_ok());
        WsClient laptop;
        QVERIFY(laptop.connect(port(), token));
        QVERIFY(laptop.hello()->has_hello_ok());
        QVERIFY(laptop.logOut());
        QCOMPARE(laptop.readUntilClosed(), 1000);
        QCOMPARE(phone.readUntilClosed(), 1008);
    }

    // One Register/Login at a time per connection; the second is refused, not queued.
    void oneLoginAtATime() {
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.hello());
        std::set<std::uint64_t> pending;
        for (int i = 0; i < 2; ++i) {
            v1::Envelope request;
            request.set_request_id(client.nextId());
            request.mutable_login()->set_email(kOrganizerEmail.toStdString());
            request.mutable_login()->set_password(kOrganizerPassword.toStdString());
            pending.insert(request.request_id());
            QVERIFY(client.send(request));
        }
        int sessions = 0;
        int refused = 0;
        while (!pending.empty()) {
            const auto answer = client.read();
            QVERIFY(answer);
            if (answer->request_id() == 0) continue;
            pending.erase(answer->request_id());
            if (answer->has_session()) ++sessions;
            if (answer->has_error() && answer->error().code() == v1::RESOURCE_EXHAUSTED) ++refused;
        }
        QCOMPARE(sessions, 1);
        QCOMPARE(refused, 1);
    }

    void perAddressConnectionCap() {
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error, {QStringLiteral("--max-connections-per-ip"), QStringLiteral("2")}), qPrintable(error));
        WsClient first;
        WsClient second;
        QVERIFY(first.connect(server.port()));
        QVERIFY(second.connect(server.port()));
        WsClient third;
        QVERIFY(!third.connect(server.port()));
        QVERIFY(first.hello()->has_hello_ok()); // the others are unaffected
    }

    void unknownPathIs404() {
        QCOMPARE(httpGet(port(), "/nope").status, 404U);
        QCOMPARE(httpGet(port(), "/v1/ws").status, 404U); // not an upgrade
    }

    void helloAnonymous() {
        WsClient client;
        QVERIFY(client.connect(port()));
        const auto answer = client.hello();
        QVERIFY(answer);
        QVERIFY2(answer->has_hello_ok(), answer->DebugString().c_str());
        QCOMPARE(answer->hello_ok().protocol_major(), 1U);
        QCOMPARE(answer->hello_ok().user_id(), 0);
        QCOMPARE(answer->hello_ok().role(), v1::ROLE_ANONYMOUS);
        QVERIFY(!answer->hello_ok().server_version().empty());
    }

    void helloAuthenticated() {
        const auto token = login(kOrganizerEmail, kOrganizerPassword);
        QVERIFY(!token.empty());
        WsClient client;
        QVERIFY(client.connect(port(), token));
        const auto answer = client.hello();
        QVERIFY(answer && answer->has_hello_ok());
        QVERIFY(answer->hello_ok().user_id() > 0);
        QCOMPARE(answer->hello_ok().role(), v1::ROLE_ORGANIZER);
        QCOMPARE(QString::fromStdString(answer->hello_ok().email()), kOrganizerEmail);
    }

    // A signed-in client's Hello carries its UI language and the account's mails follow it, so
    // a client resumed from its saved session (no Login) or restarted in another language is
    // heard too (review finding; docs/mail.md "Languages").
    void helloSetsTheMailLanguage() {
        const auto token = registerAttendee("polyglot@example.org");
        QVERIFY(!token.empty());
        const auto languageOf = [&] {
            return m_server.query(QStringLiteral("SELECT language FROM users WHERE email = 'polyglot@example.org'")).value(0);
        };
        QCOMPARE(languageOf(), QStringLiteral("en"));
        WsClient german;
        QVERIFY(german.connect(port(), token));
        auto answer = german.hello(1, {}, "de_AT");
        QVERIFY2(answer && answer->has_hello_ok(), answer ? answer->DebugString().c_str() : "no answer");
        QCOMPARE(languageOf(), QStringLiteral("de"));
        WsClient older; // a client from before the field: the account keeps its language
        QVERIFY(older.connect(port(), token));
        QVERIFY(older.hello(1, {})->has_hello_ok());
        QCOMPARE(languageOf(), QStringLiteral("de"));

        // A malformed tag is refused and changes nothing; the Hello may be sent again.
        WsClient french;
        QVERIFY(french.connect(port(), token));
        answer = french.hello(1, {}, "fr'; DROP");
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(answer->error().details().at("field"), std::string("language"));
        QCOMPARE(languageOf(), QStringLiteral("de"));
        answer = french.hello(1, {}, "fr");
        QVERIFY2(answer && answer->has_hello_ok(), answer ? answer->DebugString().c_str() : "no answer");
        QCOMPARE(languageOf(), QStringLiteral("fr"));

        // Anonymous: no account to change.
        WsClient anonymous;
        QVERIFY(anonymous.connect(port()));
        QVERIFY(anonymous.hello(1, {}, "de")->has_hello_ok());
        QCOMPARE(languageOf(), QStringLiteral("fr"));
    }

    void badDeviceIdIsRefusedAndHelloMayBeRetried() {
        WsClient client;
        QVERIFY(client.connect(port()));
        for (const std::string& bad : {std::string(65, 'a'), std::string("till 1"), std::string("x'; DROP")}) {
            const auto answer = client.hello(1, bad);
            QVERIFY(answer && answer->has_error());
            QCOMPARE(answer->error().code(), v1::INVALID_ARGUMENT);
            QCOMPARE(answer->error().details().at("field"), std::string("device_id"));
        }
        const auto ok = client.hello(1, "0b6c1f9e-2d5a-4c1e-9d3f-7a8b9c0d1e2f");
        QVERIFY(ok);
        QVERIFY2(ok->has_hello_ok(), ok->DebugString().c_str());
    }

    void versionMismatch() {
        WsClient client;
        QVERIFY(client.connect(port()));
        const auto answer = client.hello(2);
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::UNSUPPORTED_VERSION);
        QCOMPARE(answer->error().details().at("server_major"), std::string("1"));
        QCOMPARE(client.readUntilClosed(), 1002);
    }

    void requestBeforeHello() {
        WsClient client;
        QVERIFY(client.connect(port()));
        const auto answer = client.call(pullRequest(0));
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::FAILED_PRECONDITION);
        QVERIFY(client.hello()->has_hello_ok()); // still usable
    }

    void secondHelloIsRefused() {
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.hello()->has_hello_ok());
        const auto again = client.hello();
        QVERIFY(again && again->has_error());
        QCOMPARE(again->error().code(), v1::FAILED_PRECONDITION);
    }

    // More requests than the per-connection in-flight cap: reading pauses, nothing is lost.
    void pipelinedRequestsAreAllAnswered() {
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.hello());
        constexpr int kRequests = 150;
        std::set<std::uint64_t> pending;
        for (int i = 0; i < kRequests; ++i) {
            v1::Envelope pull = pullRequest(0);
            pull.set_request_id(client.nextId());
            pending.insert(pull.request_id());
            QVERIFY(client.send(pull));
        }
        while (!pending.empty()) {
            const auto answer = client.read();
            QVERIFY(answer);
            if (answer->request_id() == 0) continue; // a live push
            QVERIFY2(answer->has_change_batch(), answer->DebugString().c_str());
            QCOMPARE(pending.erase(answer->request_id()), std::size_t{1});
        }
    }

    void garbageFrame() {
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.sendRaw(std::string("\xff\xff\xff\xff\xff garbage", 14)));
        const auto answer = client.read();
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->request_id(), 0U);
        QCOMPARE(answer->error().code(), v1::INVALID_ARGUMENT);
        QVERIFY(client.hello()->has_hello_ok()); // the connection stays open
    }

    void unknownMessageType() {
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.hello());
        // request_id = 7 (field 1, varint) and an unknown length-delimited field 99.
        const std::string frame("\x08\x07\x9a\x06\x01x", 6);
        QVERIFY(client.sendRaw(frame));
        const auto answer = client.read();
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->request_id(), 7U);
        QCOMPARE(answer->error().code(), v1::UNIMPLEMENTED);
        QVERIFY(client.call(pullRequest(0))->has_change_batch()); // still usable
    }

    // Anonymous search over a real socket: the connection accepts both search requests.
    void searchOverTheSocket() {
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.hello());
        v1::Envelope search;
        search.set_request_id(client.nextId());
        search.mutable_search_request()->set_query("concert");
        const auto found = client.call(search);
        QVERIFY2(found && found->has_search_response(), found ? found->DebugString().c_str() : "no answer");
        v1::Envelope suggest;
        suggest.set_request_id(client.nextId());
        suggest.mutable_suggest_request()->set_prefix("con");
        const auto suggested = client.call(suggest);
        QVERIFY2(suggested && suggested->has_suggest_response(), suggested ? suggested->DebugString().c_str() : "no answer");
    }

    void responseTypeIsNotARequest() {
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.hello());
        v1::Envelope e;
        e.set_request_id(client.nextId());
        e.mutable_ack();
        const auto answer = client.call(e);
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::INVALID_ARGUMENT);
    }

    void oversizeFrameCloses1009() {
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.hello());
        QVERIFY(client.sendRaw(std::string(1024 * 1024 + 1, '\0')));
        QCOMPARE(client.readUntilClosed(), 1009);
    }

    void frameAtLimitIsAccepted() {
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.hello());
        // 1 MiB of zero bytes is not a valid Envelope, but it is within the size limit.
        QVERIFY(client.sendRaw(std::string(1024 * 1024, '\0')));
        const auto answer = client.read();
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::INVALID_ARGUMENT);
    }

    void textFrameCloses1002() {
        WsClient client;
        QVERIFY(client.connect(port()));
        QVERIFY(client.sendRaw("{\"hello\":1}", true));
        QCOMPARE(client.readUntilClosed(), 1002);
    }

    void invalidTokenIs401_data() {
        QTest::addColumn<QString>("token");
        QTest::newRow("unknown") << QStringLiteral("not-a-real-token");
        QTest::newRow("long") << QString(4000, QLatin1Char('a'));
    }

    void invalidTokenIs401() {
        QFETCH(QString, token);
        WsClient client;
        QVERIFY(!client.connect(port(), token.toStdString()));
        QCOMPARE(client.httpStatus(), 401U);
    }

    void revokedTokenIs401() {
        const auto token = registerAttendee("revoked@example.org");
        QVERIFY(!token.empty());
        {
            WsClient client;
            QVERIFY(client.connect(port(), token));
            QVERIFY(client.hello()->has_hello_ok());
            QVERIFY(client.logOut());
            QCOMPARE(client.readUntilClosed(), 1000);
        }
        WsClient again;
        QVERIFY(!again.connect(port(), token));
        QCOMPARE(again.httpStatus(), 401U);
    }

    void expiredTokenIs401() {
        const auto token = registerAttendee("expired@example.org");
        QVERIFY(!token.empty());
        QString error;
        m_server.query(QStringLiteral("UPDATE sessions SET expires_at = now() - interval '1 hour' "
                                      "WHERE user_id = (SELECT id FROM users WHERE email = 'expired@example.org')"),
                       &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        WsClient client;
        QVERIFY(!client.connect(port(), token));
        QCOMPARE(client.httpStatus(), 401U);
    }

    void rateLimited() {
        // 1 frame/s with a burst of 10: any sender outpaces that, so the test does not depend
        // on the client being faster than the server.
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error, {QStringLiteral("--rate-limit"), QStringLiteral("1"), QStringLiteral("--rate-burst"),
                                       QStringLiteral("10")}),
                 qPrintable(error));
        WsClient client;
        QVERIFY(client.connect(server.port()));
        const std::string garbage("\xff\xff\xff", 3);
        constexpr int kFrames = 30; // fewer than burst + 4 x burst: not closed
        for (int i = 0; i < kFrames; ++i) QVERIFY(client.sendRaw(garbage));
        int invalid = 0;
        int exhausted = 0;
        for (int i = 0; i < kFrames; ++i) {
            const auto answer = client.read();
            QVERIFY(answer && answer->has_error());
            if (answer->error().code() == v1::RESOURCE_EXHAUSTED) {
                ++exhausted;
                const auto& details = answer->error().details();
                QVERIFY(details.count("retry_after_ms"));
                QVERIFY(std::stoll(details.at("retry_after_ms")) > 0);
            } else {
                QCOMPARE(answer->error().code(), v1::INVALID_ARGUMENT);
                ++invalid;
            }
        }
        QVERIFY2(invalid >= 10 && invalid <= 12, qPrintable(QString::number(invalid)));
        QVERIFY2(exhausted >= kFrames - 12, qPrintable(QString::number(exhausted)));
    }

    void floodingIsClosed1008() {
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error, {QStringLiteral("--rate-limit"), QStringLiteral("1"), QStringLiteral("--rate-burst"),
                                       QStringLiteral("10")}),
                 qPrintable(error));
        WsClient client;
        QVERIFY(client.connect(server.port()));
        const std::string garbage("\xff\xff\xff", 3);
        // 10 burst + 4 x 10 refused frames (plus refill) and then some.
        for (int i = 0; i < 200; ++i)
            if (!client.sendRaw(garbage)) break;
        QCOMPARE(client.readUntilClosed(), 1008);
    }

    void livePushReachesAnotherConnection() {
        WsClient watcher;
        QVERIFY(watcher.connect(port()));
        QVERIFY(watcher.hello()->has_hello_ok());
        const auto cursor = pullToHead(watcher);
        QVERIFY(cursor);

        const auto eventId = createEvent("Live push test");
        QVERIFY(!eventId.empty());

        // The push arrives without the watcher asking (request_id 0).
        bool seen = false;
        while (!seen) {
            const auto batch = nextPush(watcher);
            QVERIFY2(batch, "no live push arrived");
            QVERIFY(batch->from_cursor() < batch->next_cursor());
            for (const auto& change : batch->changes()) {
                QVERIFY(change.seq() > batch->from_cursor() && change.seq() <= batch->next_cursor());
                if (change.aggregate_type() == "event" && change.aggregate_id() == eventId) seen = true;
            }
        }
    }

    void pushesSkipConnectionsThatHaveNotPulled() {
        WsClient idle;
        QVERIFY(idle.connect(port()));
        QVERIFY(idle.hello()->has_hello_ok());
        WsClient watcher;
        QVERIFY(watcher.connect(port()));
        QVERIFY(watcher.hello()->has_hello_ok());
        QVERIFY(pullToHead(watcher));

        const auto token = registerAttendee("pusher@example.org");
        QVERIFY(!token.empty());
        // Registering changes nothing public; make a public change as the organizer.
        QVERIFY(!createEvent("Second push test").empty());
        const auto push = nextPush(watcher);
        QVERIFY(push);
        // The idle connection has not pulled to the head: its next frame is the answer to a
        // request sent now, not a push.
        v1::Envelope ping = pullRequest(push->next_cursor());
        ping.set_request_id(idle.nextId());
        QVERIFY(idle.send(ping));
        const auto first = idle.read();
        QVERIFY(first);
        QCOMPARE(first->request_id(), ping.request_id());
    }
    // A user's wishlist change is pushed to that user's connections only; everyone else's
    // push covers the same range without the row, so cursors keep chaining.
    void pushesCarryOnlyVisibleRows() {
        const auto eventId = createEvent("Wishlist scope test");
        QVERIFY(!eventId.empty());
        const auto token = registerAttendee("scope@example.org");
        QVERIFY(!token.empty());

        WsClient mine;
        QVERIFY(mine.connect(port(), token));
        QVERIFY(mine.hello()->has_hello_ok());
        QVERIFY(pullToHead(mine));
        WsClient other;
        QVERIFY(other.connect(port()));
        QVERIFY(other.hello()->has_hello_ok());
        QVERIFY(pullToHead(other));

        WsClient writer;
        QVERIFY(writer.connect(port(), token));
        QVERIFY(writer.hello());
        v1::Envelope mutation;
        mutation.mutable_wishlist_mutation()->set_idempotency_key("5f0c8a52-6d0e-4a55-9a2b-3f1b2d7c9e11");
        mutation.mutable_wishlist_mutation()->set_event_id(eventId);
        mutation.mutable_wishlist_mutation()->set_add(true);
        const auto ack = writer.call(mutation);
        QVERIFY(ack);
        QVERIFY2(ack->has_ack(), ack->DebugString().c_str());

        const auto isWish = [&](const v1::Change& c) { return c.aggregate_type() == "wishlist" && c.aggregate_id() == eventId; };
        std::optional<v1::ChangeBatch> minePush;
        bool found = false;
        while (!found) {
            minePush = nextPush(mine);
            QVERIFY2(minePush, "the owner got no push");
            for (const auto& c : minePush->changes()) found = found || isWish(c);
        }
        // The other connection gets pushes over the same ranges, never the wishlist row.
        std::uint64_t reached = 0;
        while (reached < minePush->next_cursor()) {
            const auto push = nextPush(other);
            QVERIFY2(push, "the other connection got no push");
            for (const auto& c : push->changes()) QVERIFY(!isWish(c));
            reached = push->next_cursor();
        }
        QCOMPARE(reached, minePush->next_cursor());
    }
    // A client that stops reading while answers pile up is cut off when its queue is full
    // (1024 frames or 32 MiB).
    void slowReaderIsClosed1008() {
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        // Live before the rows go in, so the pushes that follow their stamping tell when it is done.
        WsClient watcher;
        QVERIFY(watcher.connect(server.port()));
        QVERIFY(watcher.hello());
        QVERIFY(pullToHead(watcher));
        // 2000 rows of 2 KiB: one page is a 4 MiB answer, so a few fill every socket buffer.
        server.query(QStringLiteral("INSERT INTO change_log (aggregatetype, aggregateid, type, payload) "
                                    "SELECT 'event', g::text, 'upsert', decode(repeat('00', 2048), 'hex') "
                                    "FROM generate_series(1, 2000) g"),
                     &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (std::uint64_t head = 0; head < 2000;) {
            const auto push = nextPush(watcher);
            QVERIFY2(push, "the rows were not stamped");
            head = push->next_cursor();
        }

        WsClient client;
        QVERIFY(client.connect(server.port()));
        QVERIFY(client.hello());
        for (int i = 0; i < 20; ++i) {
            v1::Envelope pull = pullRequest(0);
            pull.set_request_id(client.nextId());
            QVERIFY(client.send(pull));
        }
        // The 20 answers are 80 MiB, far more than the 32 MiB queue cap plus what the socket
        // buffers take, so the queue overflows however the answers and the frames below
        // interleave: nothing needs to wait for the answers first. Cheap frames whose small
        // answers queue up behind the big ones (fewer than the 4 x burst that would close
        // the connection for flooding) also reach the 1024-frame cap when they come last.
        const std::string garbage("\xff\xff\xff", 3);
        for (int i = 0; i < 1100; ++i)
            if (!client.sendRaw(garbage)) break;
        QCOMPARE(client.readUntilClosed(std::chrono::seconds(60)), 1008);
        const auto metrics = httpGet(server.port(), "/metrics");
        QVERIFY(metrics.body.find("marquee_frames_rejected_total{reason=\"queue_full\"}") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestServerNet)
#include "test_server_net.moc"
