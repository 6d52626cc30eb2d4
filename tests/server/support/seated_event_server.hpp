// The booking tests' common setup over real WebSockets: the real marquee-server (TestServer) on
// its own database, a venue and category, an organizer whose small hall (seating_test_layouts)
// is assigned to one event, users by role with their session tokens, and the calls every
// booking test makes (hello, login, register, hold seats, restarts with failpoints, SQL).
#pragma once

#include "../net/ws_test_client.hpp"
#include "seating_test_layouts.hpp"
#include "test_server.hpp"

#include "marquee/protocol/seating_conversions.hpp"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace marquee::test {

class SeatedEventServer {
public:
    static constexpr const char* kPassword = "correct horse battery staple";

    struct Options {
        std::string venueId = "55555555-5555-4555-8555-555555555555";
        std::string title = "Seated concert";
        int rows = 3;                  // of 10 seats, category "pc1" at 25.00 EUR
        QStringList serveArgs;         // extra `serve` options (payment provider, SMTP, ...)
        std::string organizerEmail = "organizer@example.org";
    };

    // Starts the server and sets the event up; false with `error` set when anything failed.
    bool start(const Options& options, QString* error) {
        if (!m_server.start(error, options.serveArgs)) return false;
        if (!m_server.createUser(QString::fromStdString(options.organizerEmail), QString::fromLatin1(kPassword),
                                 QStringLiteral("organizer")))
            return fail(error, QStringLiteral("create-user failed: ") + m_server.serverLog().right(2000));
        m_server.query(QStringLiteral("INSERT INTO categories (id, name) VALUES ('test', 'Test'); "
                                      "INSERT INTO venues (id, name, time_zone) VALUES ('%1', 'Hall', 'Europe/Berlin')")
                           .arg(QString::fromStdString(options.venueId)),
                       error);
        if (!error->isEmpty()) return false;
        m_organizerToken = login(options.organizerEmail);
        const auto organizer = open(m_organizerToken);
        if (!organizer) return fail(error, QStringLiteral("the organizer could not log in"));
        m_layout = smallHall(options.venueId, options.rows);
        v1::Envelope save;
        save.mutable_save_layout()->set_idempotency_key(newKey());
        *save.mutable_save_layout()->mutable_layout() = protocol::toProto(m_layout, true);
        const auto saved = organizer->call(save);
        if (!saved || !saved->has_ack()) return fail(error, QStringLiteral("SaveLayout failed"));
        m_layout.id = saved->ack().id().substr(0, saved->ack().id().find('@'));
        v1::Envelope upsert;
        auto* event = upsert.mutable_upsert_event()->mutable_event();
        event->set_title(options.title);
        event->set_category_id("test");
        event->set_time_zone("Europe/Berlin");
        event->set_starts_at_ms(4102444800000); // 2100: always on sale
        event->set_venue_id(options.venueId);
        event->mutable_price()->set_currency("EUR");
        const auto created = organizer->call(upsert);
        if (!created || !created->has_ack()) return fail(error, QStringLiteral("UpsertEvent failed"));
        m_eventId = created->ack().id();
        v1::Envelope assign;
        assign.mutable_assign_event_layout()->set_idempotency_key(newKey());
        assign.mutable_assign_event_layout()->set_event_id(m_eventId);
        assign.mutable_assign_event_layout()->set_layout_id(m_layout.id);
        assign.mutable_assign_event_layout()->set_layout_version(1);
        const auto assigned = organizer->call(assign);
        if (!assigned || !assigned->has_ack())
            return fail(error, QStringLiteral("AssignEventLayout failed: ") +
                                   QString::fromStdString(assigned ? assigned->error().message() : "no answer"));
        return true;
    }

    testing::TestServer& server() { return m_server; }
    const testing::TestServer& server() const { return m_server; }
    unsigned short port() const { return m_server.port(); }
    const std::string& eventId() const { return m_eventId; }
    const core::seating::Layout& layout() const { return m_layout; }
    const std::string& organizerToken() const { return m_organizerToken; }
    // The hall's seat ids, row by row.
    std::vector<std::string> seatIds() const {
        std::vector<std::string> out;
        for (const auto& row : m_layout.areas.at(0).rows)
            for (const auto& seat : row.seats) out.push_back(seat.id);
        return out;
    }

    // A fresh idempotency key (UUID-shaped, unique within the test process).
    std::string newKey() {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "00000000-0000-4000-a000-%012d", ++m_keys);
        return buffer;
    }

    // A connection that said Hello (as the token's user; anonymous without one).
    std::unique_ptr<WsClient> open(const std::string& token = {}, const std::string& deviceId = {}) const {
        auto client = std::make_unique<WsClient>();
        if (!client->connect(port(), token) || !client->hello(1, deviceId)) return nullptr;
        return client;
    }
    // One request on a fresh anonymous connection (Login, Register).
    std::optional<v1::Envelope> anonymousCall(v1::Envelope request) const {
        const auto client = open();
        if (!client) return std::nullopt;
        return client->call(std::move(request));
    }
    // The session token of a user made with create-user, or "".
    std::string login(const std::string& email) const {
        v1::Envelope request;
        request.mutable_login()->set_email(email);
        request.mutable_login()->set_password(kPassword);
        const auto answer = anonymousCall(request);
        return answer && answer->has_session() ? answer->session().token() : std::string();
    }
    // create-user with `role` (staff, organizer, admin, attendee), then login; "" on failure.
    std::string createUser(const std::string& email, const char* role) {
        if (!m_server.createUser(QString::fromStdString(email), QString::fromLatin1(kPassword),
                                 QString::fromLatin1(role)))
            return {};
        return login(email);
    }
    // An attendee who registers over the API; the token, or "".
    std::string registerAttendee(const std::string& email, std::int64_t* userId = nullptr) const {
        v1::Envelope request;
        request.mutable_register_()->set_email(email);
        request.mutable_register_()->set_password(kPassword);
        const auto answer = anonymousCall(request);
        if (!answer || !answer->has_session()) return {};
        if (userId) *userId = answer->session().user_id();
        return answer->session().token();
    }

    // HoldSeats for these seats of the event.
    std::optional<v1::Envelope> hold(WsClient& client, const std::vector<std::string>& seats) {
        v1::Envelope request;
        request.mutable_hold_seats()->set_idempotency_key(newKey());
        request.mutable_hold_seats()->set_event_id(m_eventId);
        for (const auto& seat : seats) request.mutable_hold_seats()->mutable_seats()->add_ids(seat);
        return client.call(request);
    }

    // Restarts the server (same port and database) with `failpoints` armed: the process
    // SIGKILLs itself at those named points (MARQUEE_FAILPOINTS, orders/failpoints.hpp).
    bool restartWith(const QByteArray& failpoints) {
        if (failpoints.isEmpty()) qunsetenv("MARQUEE_FAILPOINTS");
        else qputenv("MARQUEE_FAILPOINTS", failpoints);
        QString error;
        const bool ok = m_server.restart(&error);
        qunsetenv("MARQUEE_FAILPOINTS");
        if (!ok) qWarning("restart failed: %s", qPrintable(error));
        return ok;
    }
    // After a failpoint fired: reaps the dead process; true if its log names the point.
    bool diedAt(const QByteArray& point) {
        m_server.kill();
        return m_server.serverLog().contains(QStringLiteral("failpoint ") + QString::fromLatin1(point));
    }

    // The first column of the first row of `sql` on the server's database ("" when none; a
    // failing statement is logged).
    QString one(const QString& sql) const {
        QString error;
        const auto rows = m_server.query(sql, &error);
        if (!error.isEmpty()) qWarning("%s: %s", qPrintable(sql), qPrintable(error));
        return rows.isEmpty() ? QString() : rows.first();
    }

private:
    static bool fail(QString* error, const QString& why) {
        *error = why;
        return false;
    }

    testing::TestServer m_server;
    core::seating::Layout m_layout;
    std::string m_eventId;
    std::string m_organizerToken;
    int m_keys = 0;
};

} // namespace marquee::test
