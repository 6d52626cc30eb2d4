// The waitlist over real WebSockets against the real marquee-server and its offer worker:
// a release wakes the worker (LISTEN marquee_seats), the offer reaches the user's connection
// as a live change-log push and the seat map shows HeldByMe to them alone; a lapsed offer is
// swept, expires, and the seats go to the next in line — all inside the server process.
#include "seated_event_server.hpp"

#include "marquee/core/seating/seat_index.hpp"

#include <QtTest>

#include <functional>

using marquee::test::SeatedEventServer;
using marquee::test::WsClient;
using marquee::testing::TestServer;
namespace v1 = marquee::v1;
namespace seating = marquee::core::seating;

namespace {

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
    SeatedEventServer m_event;
    TestServer& m_server = m_event.server();
    std::string m_bobToken;

    std::string registerAttendee(const std::string& email) { return m_event.registerAttendee(email); }
    std::unique_ptr<WsClient> open(const std::string& token) { return m_event.open(token); }
    std::optional<v1::Envelope> hold(WsClient& client, const std::vector<std::string>& seats) {
        return m_event.hold(client, seats);
    }
    std::optional<v1::Envelope> join(WsClient& client, std::uint32_t seats) {
        v1::Envelope request;
        request.mutable_join_waitlist()->set_idempotency_key(m_event.newKey());
        request.mutable_join_waitlist()->set_event_id(m_event.eventId());
        request.mutable_join_waitlist()->set_price_category_id("pc1");
        request.mutable_join_waitlist()->set_seats(seats);
        return client.call(request);
    }

private slots:
    void initTestCase() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        QString error;
        SeatedEventServer::Options options;
        options.title = "Sold-out concert";
        options.rows = 2; // 20 seats
        options.organizerEmail = "wl-organizer@example.org";
        QVERIFY2(m_event.start(options, &error), qPrintable(error));
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
        const auto seats = m_event.seatIds();
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
        subscribe.mutable_subscribe_seats()->set_event_id(m_event.eventId());
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
        const auto index = seating::SeatIndex(m_event.layout());
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
