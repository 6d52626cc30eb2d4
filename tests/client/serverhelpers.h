// Helpers for client tests against the real marquee-server (TestServer on the CTest
// PostgreSQL fixture): session setup, waits, and an admin connection that changes the
// catalog through the API (UpsertEvent / DeleteEvent), so every change goes through the
// change log exactly as in production.
#pragma once

#include "marquee/core/seating/seat_index.hpp"
#include "marquee/core/version.hpp"
#include "marquee/protocol/conversions.hpp"
#include "marquee/v1/envelope.pb.h"
#include "net/syncclient.h"
#include "services/accountservice.h"
#include "services/catalogservice.h"
#include "services/clientsession.h"
#include "test_server.hpp"

#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

#include <memory>
#include <optional>

namespace marquee::client::testing {

constexpr int kTimeoutMs = 30'000;
inline const QString kAdminEmail = QStringLiteral("admin@example.org");
inline const QString kPassword = QStringLiteral("correct horse battery");

// Starts the real server with the demo catalog, an admin account and `users` (e-mail, role),
// all with kPassword. Returns what went wrong, or an empty string.
// serverArgs: what `serve` gets (the demo catalog by default; with card terminals, see
// terminalhelpers.h).
inline QString startDemoServer(marquee::testing::TestServer& server, const QList<QPair<QString, QString>>& users = {},
                               const QStringList& serverArgs = {QStringLiteral("--demo")})
{
    QString error;
    if (!server.start(&error, serverArgs))
        return error;
    QList<QPair<QString, QString>> accounts{{kAdminEmail, QStringLiteral("admin")}};
    accounts += users;
    for (const auto& [email, role] : accounts)
        if (!server.createUser(email, kPassword, role))
            return server.serverLog();
    return {};
}

inline ClientSession::Options sessionOptions(const QString& dataDir, const QUrl& url, quint32 pullLimit = 0)
{
    ClientSession::Options o;
    o.dataDir = dataDir;
    o.serverUrl = url;
    o.sync.backoffMs = {50, 100, 200}; // reconnect promptly once the server is back
    o.sync.requestTimeoutMs = 15'000;
    o.sync.pullLimit = pullLimit;
    return o;
}

inline std::unique_ptr<ClientSession> openSession(const QString& dataDir, const QUrl& url, quint32 pullLimit = 0)
{
    auto s = std::make_unique<ClientSession>(sessionOptions(dataDir, url, pullLimit));
    QString error;
    if (!s->open(&error)) {
        qWarning() << "opening the session failed:" << error;
        return nullptr;
    }
    s->catalog()->setCoalesceInterval(0);
    return s;
}

// Starts the session and waits until everything up to the server's head is in SQLite.
inline bool startAndSync(ClientSession& s)
{
    QSignalSpy synced(&s, &ClientSession::synced);
    s.start();
    return synced.wait(kTimeoutMs);
}

// Logs in on a running session and waits for the authenticated connection to be synced.
inline bool logIn(ClientSession& s, const QString& email, const QString& password)
{
    QSignalSpy in(s.account(), &AccountService::loggedIn);
    QSignalSpy failed(s.account(), &AccountService::loginFailed);
    QSignalSpy synced(&s, &ClientSession::synced);
    s.account()->login(email, password);
    if (!QTest::qWaitFor([&] { return !in.isEmpty() || !failed.isEmpty(); }, kTimeoutMs) || in.isEmpty()) {
        qWarning() << "login failed:" << (failed.isEmpty() ? QStringLiteral("timeout") : failed.first().first().toString());
        return false;
    }
    return synced.wait(kTimeoutMs) && s.syncClient()->hello().userId == s.account()->userId();
}

// A session on `dataDir`, started, synced and logged in as `email` (kPassword); null when
// any of that failed (logged).
inline std::unique_ptr<ClientSession> loggedInSession(const QString& dataDir, const QUrl& url, const QString& email)
{
    auto s = openSession(dataDir, url);
    if (!s || !startAndSync(*s) || !logIn(*s, email, kPassword))
        return nullptr;
    return s;
}

inline qint64 serverUserId(const marquee::testing::TestServer& server, const QString& email)
{
    return server.query(QStringLiteral("SELECT id FROM users WHERE email = '%1'").arg(email)).value(0).toLongLong();
}

// Waits until the sequencer has stamped every committed change-log row.
inline bool waitStamped(const marquee::testing::TestServer& server)
{
    return QTest::qWaitFor(
        [&] { return server.query(QStringLiteral("SELECT count(*) FROM change_log WHERE seq IS NULL")).value(0) == QLatin1String("0"); },
        kTimeoutMs);
}

inline std::uint64_t serverHead(const marquee::testing::TestServer& server)
{
    return server
        .query(QStringLiteral("SELECT greatest((SELECT horizon FROM sync_meta), (SELECT coalesce(max(seq), 0) FROM change_log))"))
        .value(0)
        .toULongLong();
}

// The demo seat maps' venues (fixed ids in the server's demo catalog).
inline const QString kTheatreVenue = QStringLiteral("6a1c2cdd-7a95-540c-aab5-1f342635f70e"); // Theater des Westens
inline const QString kStadiumVenue = QStringLiteral("fa5fce28-d727-5041-9a8f-8581a60afd71"); // Olympiastadion

// A counter sale without a buyer address, as the server keeps it: once its saga is done (step
// "mailed"), the order has an empty buyer_email and no mail of the outbox is about it. Empty
// when so, else what differs.
inline QString serverOrderWithoutAddressProblem(const marquee::testing::TestServer& server, const QString& orderId)
{
    const bool done = QTest::qWaitFor([&] {
        return server.query(QStringLiteral("SELECT saga_step FROM orders WHERE id = '%1'").arg(orderId)).value(0)
            == QLatin1String("mailed");
    }, kTimeoutMs);
    if (!done)
        return QStringLiteral("the order's saga did not finish");
    const QString email = server.query(QStringLiteral("SELECT '<' || buyer_email || '>' FROM orders WHERE id = '%1'").arg(orderId)).value(0);
    if (email != QLatin1String("<>"))
        return QStringLiteral("the order has the address %1").arg(email);
    const QString mails =
        server.query(QStringLiteral("SELECT count(*) FROM mail_outbox WHERE dedup_key LIKE '%%1%'").arg(orderId)).value(0);
    return mails == QLatin1String("0") ? QString() : QStringLiteral("%1 mail(s) queued for the order").arg(mails);
}

// The demo catalog's first theatre event with a seat map (the booking tests sell it), or "".
inline QString demoSeatedEvent(const marquee::testing::TestServer& server)
{
    return server
        .query(QStringLiteral("SELECT id FROM events WHERE venue_id = '%1' AND layout_id IS NOT NULL "
                              "ORDER BY starts_at LIMIT 1")
                   .arg(kTheatreVenue))
        .value(0);
}

// One account of a test and where its logged-in session goes (see startDemoSessions).
struct DemoAccount {
    QString email;
    QString role;
    QString dataDir;
    std::unique_ptr<ClientSession>* session;
};

// Starts `server` with the demo catalog and `accounts`, logs each in on a session of its own,
// and sets `event` to the demo theatre event they use; what went wrong, or "".
inline QString startDemoSessions(marquee::testing::TestServer& server, const QList<DemoAccount>& accounts, QString* event,
                                 const QStringList& serverArgs = {QStringLiteral("--demo")})
{
    QList<QPair<QString, QString>> users;
    for (const DemoAccount& account : accounts)
        users.append({account.email, account.role});
    const QString error = startDemoServer(server, users, serverArgs);
    if (!error.isEmpty())
        return error;
    for (const DemoAccount& account : accounts) {
        *account.session = loggedInSession(account.dataDir, server.wsUrl(), account.email);
        if (!*account.session)
            return QStringLiteral("%1 could not log in").arg(account.email);
    }
    *event = demoSeatedEvent(server);
    return event->isEmpty() ? QStringLiteral("the demo catalog has no seated theatre event") : QString();
}

// Two attendees who book against each other on the demo server: each logged in on a session
// of their own, and the demo theatre event they book.
struct BookingRivals {
    static inline const QString kFanEmail = QStringLiteral("fan@example.org");
    static inline const QString kRivalEmail = QStringLiteral("rival@example.org");

    QTemporaryDir fanDir, rivalDir;
    std::unique_ptr<ClientSession> fan, rival;
    QString event;

    // Starts `server` with the demo catalog and both accounts; what went wrong, or "".
    QString start(marquee::testing::TestServer& server)
    {
        const QString attendee = QStringLiteral("attendee");
        return startDemoSessions(server, {{kFanEmail, attendee, fanDir.path(), &fan}, {kRivalEmail, attendee, rivalDir.path(), &rival}},
                                 &event);
    }
};

// An event's seat status as the server's database has it, as far as blocks go (the only
// claims there are until booking exists): one byte per seat.
inline QByteArray serverBlockedStatus(const marquee::testing::TestServer& server, const QString& eventId, std::uint32_t seats)
{
    QByteArray status(static_cast<qsizetype>(seats), char(core::seating::SeatStatus::Available));
    for (const QString& index :
         server.query(QStringLiteral("SELECT seat_index FROM seat_claims WHERE event_id = '%1' AND kind = 'blocked'").arg(eventId)))
        status[index.toInt()] = char(core::seating::SeatStatus::Blocked);
    return status;
}

inline bool serverHasWish(const marquee::testing::TestServer& server, qint64 user, const QString& eventId)
{
    return server
               .query(QStringLiteral("SELECT count(*) FROM wishlist WHERE user_id = %1 AND event_id = '%2'").arg(user).arg(eventId))
               .value(0)
               .toInt()
        == 1;
}

// An organizer's or admin's connection: logs in through the real SyncClient to get a token,
// then speaks the protocol on its own WebSocket (the desktop client has no editing requests).
class AdminConnection {
public:
    bool open(const QUrl& url, const QString& email, const QString& password)
    {
        SyncClient login;
        login.setServerUrl(url);
        QString token;
        QObject::connect(&login, &SyncClient::sessionReceived, &login,
                         [&](quint64, const SessionInfo& s) { token = s.token; });
        QObject::connect(&login, &SyncClient::connected, &login, [&](const HelloInfo& hello) {
            login.setCursor(hello.head); // nothing to pull on this connection
            login.login(email, password);
        });
        login.start();
        const bool gotToken = QTest::qWaitFor([&] { return !token.isEmpty(); }, kTimeoutMs);
        login.stop();
        if (!gotToken)
            return false;

        QObject::connect(&m_socket, &QWebSocket::binaryMessageReceived, &m_socket, [this](const QByteArray& data) {
            v1::Envelope env;
            if (env.ParseFromArray(data.constData(), static_cast<int>(data.size())) && env.request_id() != 0)
                m_replies.push_back(env);
        });
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        m_socket.open(request);
        if (!QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::ConnectedState; }, kTimeoutMs))
            return false;
        v1::Envelope hello;
        hello.mutable_hello()->set_protocol_major(core::kProtocolMajor);
        const auto reply = call(hello);
        return reply && reply->has_hello_ok() && reply->hello_ok().user_id() != 0;
    }

    // Creates (empty id) or changes an event; returns the event id from the Ack.
    std::optional<QString> upsertEvent(const core::Event& event)
    {
        v1::Envelope env;
        protocol::toProto(event, env.mutable_upsert_event()->mutable_event());
        const auto reply = call(env);
        if (!reply || !reply->has_ack()) {
            qWarning() << "UpsertEvent failed:" << (reply ? QString::fromStdString(reply->ShortDebugString()) : QStringLiteral("no answer"));
            return std::nullopt;
        }
        return QString::fromStdString(reply->ack().id());
    }

    // Pins the event to a saved layout version (AssignEventLayout; the desktop client has no
    // such request). Returns the server's error message, or an empty string.
    QString assignEventLayout(const QString& eventId, const QString& layoutId, std::uint32_t version)
    {
        v1::Envelope env;
        auto* assign = env.mutable_assign_event_layout();
        assign->set_idempotency_key(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        assign->set_event_id(eventId.toStdString());
        assign->set_layout_id(layoutId.toStdString());
        assign->set_layout_version(version);
        const auto reply = call(env);
        if (!reply)
            return QStringLiteral("no answer");
        return reply->has_ack() ? QString() : QString::fromStdString(reply->ShortDebugString());
    }

    bool deleteEvent(const QString& eventId)
    {
        v1::Envelope env;
        env.mutable_delete_event()->set_event_id(eventId.toStdString());
        const auto reply = call(env);
        return reply && reply->has_ack();
    }

    // Any request on this connection: the answer with its request_id, or nullopt.
    std::optional<v1::Envelope> call(v1::Envelope& env)
    {
        const std::uint64_t id = ++m_lastId;
        env.set_request_id(id);
        const std::string bytes = env.SerializeAsString();
        m_socket.sendBinaryMessage(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
        std::optional<v1::Envelope> found;
        const bool answered = QTest::qWaitFor(
            [&] {
                for (const auto& r : m_replies)
                    if (r.request_id() == id)
                        found = r;
                return found.has_value();
            },
            kTimeoutMs);
        return answered ? found : std::nullopt;
    }

private:
    QWebSocket m_socket;
    std::vector<v1::Envelope> m_replies;
    std::uint64_t m_lastId = 0;
};

} // namespace marquee::client::testing
