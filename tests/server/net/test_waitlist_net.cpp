// The waitlist over real WebSockets against the real marquee-server and its offer worker:
// a release wakes the worker (LISTEN marquee_seats), the offer reaches the user's connection
// as a live change-log push and the seat map shows HeldByMe to them alone; a lapsed offer is
// swept, expires, and the seats go to the next in line — all inside the server process.
#include "seating_test_layouts.hpp"
#include "test_server.hpp"
#include "ws_test_client.hpp"

#include "marquee/core/seating/seat_index.hpp"
#include "marquee/protocol/seating_conversions.hpp"

#include <QtTest>

#include <functional>

using marquee::test::WsClient;
using marquee::testing::TestServer;
namespace v1 = marquee::v1;
namespace seating = marquee::core::seating;

namespace {

const QString kOrganizerEmail = QStringLiteral("wl-organizer@example.org");
const QString kPassword = QStringLiteral("correct horse battery staple");
constexpr const char* kVenueId = "55555555-5555-4555-8555-555555555555";

int keyCounter = 0;
std::string newKey() {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "00000000-0000-4000-a000-%012d", ++keyCounter);
    return buffer;
}

// A connection that follows its user's change log: pulled to the head, then live pushes.
struct Follower {
    std::unique_ptr<WsClient> client;
    std::uint64_t cursor = 0;

    bool pullToHead() {
        for (int page = 0; page < 100; ++page) {
            v1::Envelope pull;
            pull.mutable_pull_changes()->set_cursor(cursor);
            const auto answer = client->call(pull);
            if (!answer || !answer->has_change_batch()) return false;
            cursor = answer->change_batch().next_cursor();
            if (!answer->change_batch().has_more()) return true;
        }
        return false;
    }

    // Reads pushes (pulling when a push says so) until a waitlist_entry change matches.
    std::optional<v1::WaitlistEntry> waitFor(const std::function<bool(const v1::WaitlistEntry&)>& match) {
        while (const auto frame = client->read()) {
            if (frame->request_id() != 0 || !frame->has_change_batch()) continue;
            std::vector<v1::Change> changes(frame->change_batch().changes().begin(),
                                            frame->change_batch().changes().end());
            if (frame->change_batch().from_cursor() > cursor) {
                // Behind: the rows come by pulling.
                changes.clear();
                v1::Envelope pull;
                pull.mutable_pull_changes()->set_cursor(cursor);
                const auto answer = client->call(pull);
                if (!answer || !answer->has_change_batch()) return std::nullopt;
                changes.assign(answer->change_batch().changes().begin(), answer->change_batch().changes().end());
                cursor = answer->change_batch().next_cursor();
            } else {
                cursor = frame->change_batch().next_cursor();
            }
            for (const auto& change : changes) {
                v1::WaitlistEntry entry;
                if (change.aggregate_type() == "waitlist_entry" && entry.ParseFromString(change.payload()) &&
                    match(entry))
                    return entry;
            }
        }
        return std::nullopt;
    }
};

} // namespace

class TestWaitlistNet : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    seating::Layout m_layout;
    std::string m_eventId;
    std::string m_bobToken;

    unsigned short port() const { return m_server.port(); }

    std::optional<v1::Envelope> anonymousCall(v1::Envelope request) {
        WsClient client;
        if (!client.connect(port()) || !client.hello()) return std::nullopt;
        return client.call(std::move(request));
    }
    std::string login(const QString& email) {
        v1::Envelope request;
        request.mutable_login()->set_email(email.toStdString());
        request.mutable_login()->set_password(kPassword.toStdString());
        const auto answer = anonymousCall(request);
        return answer && answer->has_session() ? answer->session().token() : std::string();
    }
    std::string registerAttendee(const std::string& email) {
        v1::Envelope request;
        request.mutable_register_()->set_email(email);
        request.mutable_register_()->set_password(kPassword.toStdString());
        const auto answer = anonymousCall(request);
        return answer && answer->has_session() ? answer->session().token() : std::string();
    }
    std::unique_ptr<WsClient> open(const std::string& token) {
        auto client = std::make_unique<WsClient>();
        if (!client->connect(port(), token) || !client->hello()) return nullptr;
        return client;
    }
    std::optional<v1::Envelope> hold(WsClient& client, const std::vector<std::string>& seats) {
        v1::Envelope request;
        request.mutable_hold_seats()->set_idempotency_key(newKey());
        request.mutable_hold_seats()->set_event_id(m_eventId);
        for (const auto& seat : seats) request.mutable_hold_seats()->mutable_seats()->add_ids(seat);
        return client.call(request);
    }
    std::optional<v1::Envelope> join(WsClient& client, std::uint32_t seats) {
        v1::Envelope request;
        request.mutable_join_waitlist()->set_idempotency_key(newKey());
        request.mutable_join_waitlist()->set_event_id(m_eventId);
        request.mutable_join_waitlist()->set_price_category_id("pc1");
        request.mutable_join_waitlist()->set_seats(seats);
        return client.call(request);
    }
    std::vector<std::string> seatIds() const {
        std::vector<std::string> out;
        for (const auto& row : m_layout.areas.at(0).rows)
            for (const auto& seat : row.seats) out.push_back(seat.id);
        return out;
    }

private slots:
    void initTestCase() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server.createUser(kOrganizerEmail, kPassword, QStringLiteral("organizer")),
                 qPrintable(m_server.serverLog()));
        m_server.query(QStringLiteral("INSERT INTO categories (id, name) VALUES ('test', 'Test'); "
                                      "INSERT INTO venues (id, name, time_zone) VALUES ('%1', 'Hall', 'Europe/Berlin')")
                           .arg(QString::fromLatin1(kVenueId)),
                       &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto organizer = open(login(kOrganizerEmail));
        QVERIFY(organizer);
        m_layout = marquee::test::smallHall(kVenueId, 2); // 20 seats
        v1::Envelope save;
        save.mutable_save_layout()->set_idempotency_key(newKey());
        *save.mutable_save_layout()->mutable_layout() = marquee::protocol::toProto(m_layout, true);
        const auto saved = organizer->call(save);
        QVERIFY(saved && saved->has_ack());
        m_layout.id = saved->ack().id().substr(0, saved->ack().id().find('@'));
        v1::Envelope upsert;
        auto* event = upsert.mutable_upsert_event()->mutable_event();
        event->set_title("Sold-out concert");
        event->set_category_id("test");
        event->set_time_zone("Europe/Berlin");
        event->set_starts_at_ms(4102444800000);
        event->set_venue_id(kVenueId);
        event->mutable_price()->set_currency("EUR");
        const auto created = organizer->call(upsert);
        QVERIFY(created && created->has_ack());
        m_eventId = created->ack().id();
        v1::Envelope assign;
        assign.mutable_assign_event_layout()->set_idempotency_key(newKey());
        assign.mutable_assign_event_layout()->set_event_id(m_eventId);
        assign.mutable_assign_event_layout()->set_layout_id(m_layout.id);
        assign.mutable_assign_event_layout()->set_layout_version(1);
        const auto assigned = organizer->call(assign);
        QVERIFY2(assigned && assigned->has_ack(), assigned ? assigned->error().message().c_str() : "no answer");
        m_bobToken = registerAttendee("wl-bob@example.org");
        QVERIFY(!m_bobToken.empty());
    }

    void aReleaseIsOfferedLiveAndALapsedOfferGoesToTheNextInLine() {
        const auto aliceToken = registerAttendee("wl-alice@example.org");
        Follower alice{open(aliceToken)};
        Follower carol{open(registerAttendee("wl-carol@example.org"))};
        const auto bob = open(m_bobToken);
        QVERIFY(alice.client && carol.client && bob);
        QVERIFY(alice.pullToHead() && carol.pullToHead());

        // Bob holds every seat, the last two in a hold of their own.
        const auto seats = seatIds();
        const auto most = hold(*bob, std::vector<std::string>(seats.begin(), seats.end() - 2));
        const auto lastTwo = hold(*bob, std::vector<std::string>(seats.end() - 2, seats.end()));
        QVERIFY(most && most->has_hold_result() && lastTwo && lastTwo->has_hold_result());

        const auto aliceJoined = join(*alice.client, 2);
        QVERIFY2(aliceJoined && aliceJoined->has_waitlist_entry(),
                 aliceJoined ? aliceJoined->error().message().c_str() : "no answer");
        QCOMPARE(aliceJoined->waitlist_entry().position(), 1U);
        const auto carolJoined = join(*carol.client, 2);
        QVERIFY(carolJoined && carolJoined->has_waitlist_entry());
        QCOMPARE(carolJoined->waitlist_entry().position(), 2U);

        // Alice watches the seat map while Bob lets two seats go.
        const auto aliceMap = open(aliceToken);
        QVERIFY(aliceMap);
        v1::Envelope subscribe;
        subscribe.mutable_subscribe_seats()->set_event_id(m_eventId);
        const auto snapshot = aliceMap->call(subscribe);
        QVERIFY(snapshot && snapshot->has_seat_snapshot());
        v1::Envelope release;
        release.mutable_release_hold()->set_hold_id(lastTwo->hold_result().hold_id());
        const auto released = bob->call(release);
        QVERIFY(released && released->has_ack());

        const auto offered = alice.waitFor([](const v1::WaitlistEntry& e) { return e.status() == v1::WAITLIST_OFFERED; });
        QVERIFY2(offered, qPrintable(m_server.serverLog().right(2000)));
        QCOMPARE(offered->id(), aliceJoined->waitlist_entry().id());
        QCOMPARE(offered->offered_seat_labels_size(), 2);
        QVERIFY(!offered->seats_apart());
        QVERIFY(offered->offer_expires_at_ms() > QDateTime::currentMSecsSinceEpoch() + 3500 * 1000);
        QCOMPARE(m_server.query(QStringLiteral("SELECT seat_id FROM seat_claims WHERE hold_id = '%1' ORDER BY seat_index")
                                    .arg(QString::fromStdString(offered->hold_id()))),
                 (QStringList{QString::fromStdString(seats[18]), QString::fromStdString(seats[19])}));
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM mail_outbox WHERE kind = 'waitlist_offer'")),
                 QStringList{QStringLiteral("1")});
        // Her seat map shows the offered seats as hers.
        const auto index = seating::SeatIndex(m_layout);
        bool heldByMe = false;
        while (!heldByMe) {
            const auto frame = aliceMap->read();
            QVERIFY2(frame, "no seat delta with the offered seats arrived");
            if (frame->request_id() != 0 || !frame->has_seat_delta()) continue;
            const auto& delta = frame->seat_delta();
            for (int i = 0; i < delta.seat_index_size(); ++i)
                if (delta.seat_index(i) == *index.indexOf(seats[19]) &&
                    delta.status()[static_cast<std::size_t>(i)] == static_cast<char>(seating::SeatStatus::HeldByMe))
                    heldByMe = true;
        }

        // The offer lapses (time moves on, as far as the database knows): the server's sweeper
        // releases the hold, the worker expires the entry and offers the seats to Carol.
        QString error;
        m_server.query(QStringLiteral("UPDATE seat_holds SET expires_at = clock_timestamp() - interval '1 second', "
                                      "max_expires_at = clock_timestamp() - interval '1 second' WHERE id = '%1'")
                           .arg(QString::fromStdString(offered->hold_id())),
                       &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto expired = alice.waitFor([](const v1::WaitlistEntry& e) { return e.status() == v1::WAITLIST_EXPIRED; });
        QVERIFY(expired);
        const auto next = carol.waitFor([](const v1::WaitlistEntry& e) { return e.status() == v1::WAITLIST_OFFERED; });
        QVERIFY2(next, qPrintable(m_server.serverLog().right(2000)));
        QCOMPARE(next->id(), carolJoined->waitlist_entry().id());
        QCOMPARE(m_server.query(QStringLiteral("SELECT seat_id FROM seat_claims WHERE hold_id = '%1' ORDER BY seat_index")
                                    .arg(QString::fromStdString(next->hold_id()))),
                 (QStringList{QString::fromStdString(seats[18]), QString::fromStdString(seats[19])}));

        // Carol sees her offer in her list; Bob may not leave her entry.
        v1::Envelope list;
        list.mutable_list_waitlist();
        const auto listed = carol.client->call(list);
        QVERIFY(listed && listed->has_waitlist_list());
        QCOMPARE(listed->waitlist_list().entries_size(), 1);
        QCOMPARE(listed->waitlist_list().entries(0).status(), v1::WAITLIST_OFFERED);
        v1::Envelope leave;
        leave.mutable_leave_waitlist()->set_entry_id(next->id());
        const auto refused = bob->call(leave);
        QVERIFY(refused && refused->has_error());
        QCOMPARE(refused->error().code(), v1::PERMISSION_DENIED);
    }
};

QTEST_GUILESS_MAIN(TestWaitlistNet)
#include "test_waitlist_net.moc"
