// Seat maps over real WebSockets against the real marquee-server: the role-dependent frame
// limit (a stadium layout upload), live SeatDelta pushes to other connections after a block,
// HeldByMe for the holder only, gap-free status_seq (also across two instances and a writer
// that commits late), and Unsubscribe stopping the deltas.
#include "seated_event_server.hpp"

#include "marquee/core/seating/demo_layouts.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/protocol/seating_conversions.hpp"

#include <QtTest>

#include <pqxx/pqxx>

#include <set>

using marquee::test::SeatedEventServer;
using marquee::test::WsClient;
using marquee::testing::TestServer;
namespace v1 = marquee::v1;
namespace seating = marquee::core::seating;
using seating::SeatStatus;

namespace {

constexpr const char* kVenueId = "44444444-4444-4444-8444-444444444444";

} // namespace

class TestSeatingNet : public QObject {
    Q_OBJECT

private:
    SeatedEventServer m_event;
    TestServer& m_server = m_event.server();
    std::string m_organizerToken;
    std::string m_attendeeToken;
    std::string m_attendee2Token;
    std::int64_t m_attendeeId = 0;
    seating::Layout m_layout; // the event's (m_event.layout())
    std::string m_eventId;

    std::string newKey() { return m_event.newKey(); }
    // A connection that said Hello (as the token's user; anonymous without one).
    std::unique_ptr<WsClient> open(const std::string& token) { return m_event.open(token); }

    std::optional<v1::Envelope> block(WsClient& organizer, const std::vector<std::string>& seats, bool blocked = true) {
        v1::Envelope request;
        auto* b = request.mutable_set_seats_blocked();
        b->set_idempotency_key(newKey());
        b->set_event_id(m_eventId);
        for (const auto& seat : seats) b->add_seat_ids(seat);
        b->set_blocked(blocked);
        return organizer.call(request);
    }

    static std::optional<v1::SeatSnapshot> subscribe(WsClient& client, const std::string& eventId) {
        v1::Envelope request;
        request.mutable_subscribe_seats()->set_event_id(eventId);
        const auto answer = client.call(request);
        if (!answer || !answer->has_seat_snapshot()) return std::nullopt;
        return answer->seat_snapshot();
    }

    // The next SeatDelta push on a connection (other frames are skipped).
    static std::optional<v1::SeatDelta> nextDelta(WsClient& client) {
        while (const auto frame = client.read())
            if (frame->request_id() == 0 && frame->has_seat_delta()) return frame->seat_delta();
        return std::nullopt;
    }

    std::uint32_t indexOf(const std::string& seatId) const { return *seating::SeatIndex(m_layout).indexOf(seatId); }
    const std::string& seatId(std::size_t row, std::size_t seat) const {
        return m_layout.areas.at(0).rows.at(row).seats.at(seat).id;
    }

private slots:
    void initTestCase() {
        if (TestServer::clusterUrl().isEmpty()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        QString error;
        // The organizer's event selling a small hall.
        SeatedEventServer::Options options;
        options.venueId = kVenueId;
        options.organizerEmail = "seat-organizer@example.org";
        QVERIFY2(m_event.start(options, &error), qPrintable(error));
        m_organizerToken = m_event.organizerToken();
        m_attendeeToken = m_event.registerAttendee("seat-attendee@example.org", &m_attendeeId);
        m_attendee2Token = m_event.registerAttendee("seat-attendee2@example.org");
        QVERIFY(!m_organizerToken.empty() && !m_attendeeToken.empty() && !m_attendee2Token.empty());
        m_layout = m_event.layout();
        m_eventId = m_event.eventId();
    }

    void organizersMayUploadAStadiumAttendeesMayNot() {
        auto stadium = seating::demo::stadium();
        stadium.id.clear();
        stadium.venueId = kVenueId;
        v1::Envelope save;
        save.set_request_id(1);
        save.mutable_save_layout()->set_idempotency_key(newKey());
        *save.mutable_save_layout()->mutable_layout() = marquee::protocol::toProto(stadium, false);
        const auto frame = save.SerializeAsString();
        QVERIFY2(frame.size() > 1024 * 1024, "the stadium must be above the 1 MiB default limit");
        QVERIFY(frame.size() < 16 * 1024 * 1024);

        const auto organizer = open(m_organizerToken);
        QVERIFY(organizer);
        const auto answer = organizer->call(save);
        QVERIFY2(answer && answer->has_ack(), answer ? answer->error().message().c_str() : "no answer");

        // The same frame from an attendee is over that connection's limit: the server closes
        // the connection (1009, or a TCP reset when the frame is larger than the socket
        // buffers and the peer is still sending) without storing anything.
        const auto layoutsBefore = m_server.query(QStringLiteral("SELECT count(*) FROM seating_layout_versions"));
        const auto attendee = open(m_attendeeToken);
        QVERIFY(attendee);
        attendee->sendRaw(frame);
        const int code = attendee->readUntilClosed();
        QVERIFY2(code == 1009 || code == -1, qPrintable(QString::number(code)));
        QVERIFY(attendee->error());
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seating_layout_versions")), layoutsBefore);
        // Just over the attendee limit, small enough to be read whole: a clean 1009.
        const auto small = open(m_attendeeToken);
        QVERIFY(small);
        QVERIFY(small->sendRaw(std::string(1024 * 1024 + 1, '\0')));
        QCOMPARE(small->readUntilClosed(), 1009);

        // And organizers have a limit too.
        const auto greedy = open(m_organizerToken);
        QVERIFY(greedy);
        QVERIFY(greedy->sendRaw(std::string(16 * 1024 * 1024 + 1, '\0')));
        QCOMPARE(greedy->readUntilClosed(), 1009);
    }

    void blockReachesAnotherConnectionLive() {
        const auto watcher = open(m_attendeeToken);
        QVERIFY(watcher);
        const auto snapshot = subscribe(*watcher, m_eventId);
        QVERIFY(snapshot);
        QCOMPARE(snapshot->status().size(), m_layout.seatCount());

        const auto organizer = open(m_organizerToken);
        QVERIFY(organizer);
        const auto a = seatId(0, 2);
        const auto b = seatId(0, 3);
        const auto ack = block(*organizer, {a, b});
        QVERIFY(ack && ack->has_ack());

        const auto delta = nextDelta(*watcher);
        QVERIFY(delta);
        QCOMPARE(delta->event_id(), m_eventId);
        QCOMPARE(delta->status_seq(), snapshot->status_seq() + 1);
        QCOMPARE(delta->seat_index_size(), 2);
        QCOMPARE(delta->seat_index(0), indexOf(a));
        QCOMPARE(delta->seat_index(1), indexOf(b));
        QCOMPARE(delta->status(), std::string(2, static_cast<char>(SeatStatus::Blocked)));

        QVERIFY(block(*organizer, {a, b}, false));
        const auto undo = nextDelta(*watcher);
        QVERIFY(undo);
        QCOMPARE(undo->status_seq(), snapshot->status_seq() + 2);
        QCOMPARE(undo->status(), std::string(2, static_cast<char>(SeatStatus::Available)));
    }

    // A seat watcher that stops reading loses deltas, not its connection (a kiosk's requests
    // share it): past half of the send queue the server skips deltas, and once the queue has
    // drained it sends the newest, so the watcher sees a gap in status_seq and resubscribes.
    void slowSeatWatcherSeesAGapAndKeepsItsConnection() {
        WsClient watcher;
        QVERIFY(watcher.connect(m_server.port(), m_attendeeToken, 4096));
        QVERIFY(watcher.hello());
        const auto snapshot = subscribe(watcher, m_eventId);
        QVERIFY(snapshot);
        const auto first = snapshot->status_seq();

        // 3,000 changes of seat 0 (staying available) written straight into the change table
        // while the watcher reads nothing; the server's stamper numbers them and the feed pushes.
        constexpr std::uint64_t kChanges = 3000;
        QString error;
        m_server.query(QStringLiteral("INSERT INTO seat_status_changes (event_id, seat_indexes, statuses, holders) "
                                      "SELECT '%1'::uuid, ARRAY[0], ARRAY[0::smallint], ARRAY[0::bigint] "
                                      "FROM generate_series(1, %2)")
                           .arg(QString::fromStdString(m_eventId))
                           .arg(kChanges),
                       &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto head = QStringLiteral("SELECT status_seq FROM event_seat_state WHERE event_id = '%1'")
                              .arg(QString::fromStdString(m_eventId));
        QTRY_VERIFY_WITH_TIMEOUT(m_server.query(head).value(0).toULongLong() >= first + kChanges, 60000);

        // A request on the same connection is still answered, behind the deltas queued before it.
        v1::Envelope request;
        request.set_request_id(watcher.nextId());
        request.mutable_list_waitlist();
        QVERIFY(watcher.send(request));
        bool answered = false;
        std::uint64_t seq = first;
        std::uint64_t gaps = 0;
        std::uint64_t deltas = 0;
        while (!answered || seq < first + kChanges) {
            const auto frame = watcher.read();
            QVERIFY2(frame, qPrintable(QStringLiteral("stream ended at seq %1 (%2)")
                                           .arg(seq)
                                           .arg(QString::fromStdString(watcher.closeReason()))));
            if (frame->request_id() == request.request_id()) {
                QVERIFY2(frame->has_waitlist_list(), frame->error().message().c_str());
                answered = true;
                continue;
            }
            QVERIFY(frame->has_seat_delta());
            QVERIFY(frame->seat_delta().status_seq() > seq);
            if (frame->seat_delta().status_seq() != seq + 1) ++gaps;
            seq = frame->seat_delta().status_seq();
            ++deltas;
        }
        QCOMPARE(seq, first + kChanges);
        QVERIFY2(gaps > 0 && deltas < kChanges, qPrintable(QStringLiteral("%1 deltas, %2 gaps").arg(deltas).arg(gaps)));
        const auto metrics = marquee::test::httpGet(m_server.port(), "/metrics");
        QVERIFY(metrics.body.find("marquee_frames_rejected_total{reason=\"seat_delta_skipped\"}") != std::string::npos);

        // Resubscribing gives a snapshot at the head, and live deltas follow it again.
        const auto again = subscribe(watcher, m_eventId);
        QVERIFY(again);
        QCOMPARE(again->status_seq(), first + kChanges);
    }

    void holdsShowAsHeldByMeOnlyToTheHolder() {
        const auto holder = open(m_attendeeToken);
        const auto other = open(m_attendee2Token);
        const auto anonymous = open({});
        QVERIFY(holder && other && anonymous);
        const auto before = subscribe(*holder, m_eventId);
        QVERIFY(before && subscribe(*other, m_eventId) && subscribe(*anonymous, m_eventId));

        // A hold written the way a seat-status writer writes it: the claim, then an unstamped
        // change carrying the seat; the server's stamper numbers it and the feed pushes it.
        const auto seat = seatId(1, 4);
        const auto index = QString::number(indexOf(seat));
        QString error;
        m_server.query(QStringLiteral(
                           "INSERT INTO seat_claims (event_id, seat_id, seat_index, kind, holder_user_id, expires_at) "
                           "VALUES ('%1', '%2', %3, 'held', %4, now() + interval '10 minutes'); "
                           "INSERT INTO seat_status_changes (event_id, seat_indexes, statuses, holders) "
                           "VALUES ('%1', ARRAY[%3], ARRAY[1], ARRAY[%4]::bigint[])")
                           .arg(QString::fromStdString(m_eventId), QString::fromStdString(seat), index)
                           .arg(m_attendeeId),
                       &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const auto mine = nextDelta(*holder);
        QVERIFY(mine);
        QCOMPARE(mine->status_seq(), before->status_seq() + 1);
        QCOMPARE(mine->seat_index(0), indexOf(seat));
        QCOMPARE(static_cast<SeatStatus>(mine->status()[0]), SeatStatus::HeldByMe);
        for (auto* client : {other.get(), anonymous.get()}) {
            const auto theirs = nextDelta(*client);
            QVERIFY(theirs);
            QCOMPARE(static_cast<SeatStatus>(theirs->status()[0]), SeatStatus::Held);
        }
        // A fresh snapshot agrees; nobody but the holder learns who holds it.
        QCOMPARE(static_cast<SeatStatus>(subscribe(*holder, m_eventId)->status()[indexOf(seat)]), SeatStatus::HeldByMe);
        QCOMPARE(static_cast<SeatStatus>(subscribe(*other, m_eventId)->status()[indexOf(seat)]), SeatStatus::Held);
        m_server.query(QStringLiteral("DELETE FROM seat_claims WHERE seat_id = '%1'").arg(QString::fromStdString(seat)),
                       &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // HoldSeats over the socket: the holder's other connection sees HeldByMe, everyone else
    // Held; a ReleaseHold and then the server's hold sweeper (a lapsed hold) give them back.
    void realHoldsReachSubscribersLiveAndTheSweeperReleasesLapsedOnes() {
        const auto holder = open(m_attendeeToken);
        const auto holderWatch = open(m_attendeeToken);
        const auto other = open(m_attendee2Token);
        QVERIFY(holder && holderWatch && other);
        const auto before = subscribe(*holderWatch, m_eventId);
        QVERIFY(before && subscribe(*other, m_eventId));
        const auto hold = [&](const std::vector<std::string>& seats) {
            v1::Envelope request;
            request.mutable_hold_seats()->set_idempotency_key(newKey());
            request.mutable_hold_seats()->set_event_id(m_eventId);
            for (const auto& seat : seats) request.mutable_hold_seats()->mutable_seats()->add_ids(seat);
            return holder->call(request);
        };
        const auto seats = std::vector<std::string>{seatId(1, 6), seatId(1, 7)};
        const auto held = hold(seats);
        QVERIFY(held);
        QVERIFY2(held->has_hold_result(), held->error().message().c_str());
        const auto expectDelta = [&](WsClient& client, std::uint64_t seq, SeatStatus status) {
            const auto delta = nextDelta(client);
            QVERIFY(delta);
            QCOMPARE(delta->status_seq(), seq);
            QCOMPARE(delta->seat_index_size(), 2);
            QCOMPARE(delta->seat_index(0), indexOf(seats[0]));
            QCOMPARE(delta->status(), std::string(2, static_cast<char>(status)));
        };
        expectDelta(*holderWatch, before->status_seq() + 1, SeatStatus::HeldByMe);
        expectDelta(*other, before->status_seq() + 1, SeatStatus::Held);

        v1::Envelope release;
        release.mutable_release_hold()->set_hold_id(held->hold_result().hold_id());
        const auto released = holder->call(release);
        QVERIFY(released && released->has_ack());
        expectDelta(*holderWatch, before->status_seq() + 2, SeatStatus::Available);
        expectDelta(*other, before->status_seq() + 2, SeatStatus::Available);

        // Hold again and let it lapse: the sweeper inside the server releases and announces it.
        QVERIFY(hold(seats)->has_hold_result());
        expectDelta(*other, before->status_seq() + 3, SeatStatus::Held);
        QString error;
        m_server.query(QStringLiteral("UPDATE seat_holds SET expires_at = clock_timestamp() - interval '1 second'"),
                       &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        expectDelta(*other, before->status_seq() + 4, SeatStatus::Available);
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_holds")), QStringList{QStringLiteral("0")});
    }

    void statusSeqIsGapFree() {
        const auto watcher = open(m_attendee2Token);
        QVERIFY(watcher);
        const auto snapshot = subscribe(*watcher, m_eventId);
        QVERIFY(snapshot);
        const auto organizer = open(m_organizerToken);
        QVERIFY(organizer);
        constexpr int kChanges = 8;
        for (int i = 0; i < kChanges; ++i) QVERIFY(block(*organizer, {seatId(2, static_cast<std::size_t>(i))}));
        auto expected = snapshot->status_seq();
        for (int i = 0; i < kChanges; ++i) {
            const auto delta = nextDelta(*watcher);
            QVERIFY(delta);
            QCOMPARE(delta->status_seq(), ++expected);
            QCOMPARE(delta->seat_index(0), indexOf(seatId(2, static_cast<std::size_t>(i))));
        }
    }

    void unsubscribeStopsDeltas() {
        const auto leaving = open(m_attendeeToken);
        const auto staying = open(m_attendee2Token);
        QVERIFY(leaving && staying);
        QVERIFY(subscribe(*leaving, m_eventId) && subscribe(*staying, m_eventId));
        v1::Envelope unsubscribe;
        unsubscribe.mutable_unsubscribe_seats()->set_event_id(m_eventId);
        const auto ack = leaving->call(unsubscribe);
        QVERIFY(ack && ack->has_ack());

        const auto organizer = open(m_organizerToken);
        QVERIFY(organizer);
        QVERIFY(block(*organizer, {seatId(0, 9)}));
        QVERIFY(nextDelta(*staying)); // the feed has fanned the change out
        // The next answer on the unsubscribed connection comes with no delta before it.
        v1::Envelope pull;
        pull.set_request_id(leaving->nextId());
        pull.mutable_pull_changes()->set_cursor(0);
        pull.mutable_pull_changes()->set_limit(1);
        QVERIFY(leaving->send(pull));
        const auto next = leaving->read();
        QVERIFY(next);
        QVERIFY(!next->has_seat_delta());
        QCOMPARE(next->request_id(), pull.request_id());
    }

    void aNewSubscriptionReplacesTheOld() {
        const auto watcher = open(m_attendeeToken);
        QVERIFY(watcher);
        QVERIFY(subscribe(*watcher, m_eventId));
        // Another event of the same venue, without changes of its own.
        const auto organizer = open(m_organizerToken);
        QVERIFY(organizer);
        v1::Envelope upsert;
        auto* event = upsert.mutable_upsert_event()->mutable_event();
        event->set_title("Second night");
        event->set_category_id("test");
        event->set_time_zone("Europe/Berlin");
        event->set_starts_at_ms(4102531200000);
        event->set_venue_id(kVenueId);
        event->mutable_price()->set_currency("EUR");
        const auto created = organizer->call(upsert);
        QVERIFY(created && created->has_ack());
        const auto second = created->ack().id();
        v1::Envelope assign;
        assign.mutable_assign_event_layout()->set_idempotency_key(newKey());
        assign.mutable_assign_event_layout()->set_event_id(second);
        assign.mutable_assign_event_layout()->set_layout_id(m_layout.id);
        assign.mutable_assign_event_layout()->set_layout_version(1);
        QVERIFY(organizer->call(assign)->has_ack());
        QVERIFY(subscribe(*watcher, second));

        // A change of the first event is no longer pushed; one of the second is.
        const auto staying = open(m_attendee2Token);
        QVERIFY(staying && subscribe(*staying, m_eventId));
        QVERIFY(block(*organizer, {seatId(1, 9)}));
        QVERIFY(nextDelta(*staying));
        v1::Envelope request;
        request.set_request_id(watcher->nextId());
        request.mutable_subscribe_seats()->set_event_id(second);
        QVERIFY(watcher->send(request));
        const auto next = watcher->read();
        QVERIFY(next && next->has_seat_snapshot());
        QCOMPARE(next->seat_snapshot().event_id(), second);
    }

    // Two server instances on one database: every change reaches the watchers on both exactly
    // once, numbered +1, including a writer's that commits after later writers' (it is numbered
    // when it commits, after theirs); when the stamper leader dies, the other instance stamps.
    void twoInstancesNumberEveryChangeOnceEvenWhenAWriterCommitsLate() {
        TestServer second;
        QString error;
        QVERIFY2(second.startSharing(m_server, &error), qPrintable(error));
        const auto openOn = [](const TestServer& server, const std::string& token) {
            auto client = std::make_unique<WsClient>();
            if (!client->connect(server.port(), token) || !client->hello()) client.reset();
            return client;
        };
        auto watchA = openOn(m_server, m_attendee2Token);
        auto watchB = openOn(second, {});
        auto organizerA = openOn(m_server, m_organizerToken);
        auto organizerB = openOn(second, m_organizerToken);
        QVERIFY(watchA && watchB && organizerA && organizerB);
        auto snapshotA = subscribe(*watchA, m_eventId);
        auto snapshotB = subscribe(*watchB, m_eventId);
        QVERIFY(snapshotA && snapshotB);
        // Both snapshots are stamped up to what they show: with no writer busy, the same seq.
        QCOMPARE(snapshotA->status_seq(), snapshotB->status_seq());
        const auto start = snapshotA->status_seq();
        const auto blockOn = [&](WsClient& organizer, const std::string& seat) {
            v1::Envelope request;
            auto* b = request.mutable_set_seats_blocked();
            b->set_idempotency_key(newKey());
            b->set_event_id(m_eventId);
            b->add_seat_ids(seat);
            b->set_blocked(true);
            const auto answer = organizer.call(request);
            return answer && answer->has_ack();
        };
        // Applies the next delta to the watcher's map; returns its seat (or -1) after checking its seq.
        const auto expectNext = [&](WsClient& watcher, v1::SeatSnapshot& map, std::uint64_t seq) -> long {
            const auto delta = nextDelta(watcher);
            if (!delta || delta->status_seq() != seq) {
                qWarning() << "expected seq" << seq << "got" << (delta ? static_cast<qint64>(delta->status_seq()) : -1);
                return -2;
            }
            map.set_status_seq(seq);
            for (int i = 0; i < delta->seat_index_size(); ++i)
                (*map.mutable_status())[delta->seat_index(i)] = delta->status()[static_cast<std::size_t>(i)];
            return delta->seat_index_size() == 1 ? static_cast<long>(delta->seat_index(0)) : -1;
        };

        // The slow writer claims its seat and records the change first, then waits.
        const auto slowSeat = seatId(0, 5);
        pqxx::connection slowConn(m_server.databaseUrl().toStdString());
        pqxx::work slow(slowConn);
        slow.exec_params0("INSERT INTO seat_claims (event_id, seat_id, seat_index, kind) VALUES ($1, $2, $3, 'blocked')",
                          m_eventId, slowSeat, indexOf(slowSeat));
        slow.exec_params0("INSERT INTO seat_status_changes (event_id, seat_indexes, statuses, holders) "
                          "VALUES ($1, ARRAY[$2::integer], ARRAY[$3::smallint], ARRAY[0::bigint])",
                          m_eventId, indexOf(slowSeat), static_cast<int>(SeatStatus::Blocked));
        // Two fast writers, one per instance, commit meanwhile and are numbered at once.
        QVERIFY(blockOn(*organizerA, seatId(0, 6)));
        QVERIFY(blockOn(*organizerB, seatId(0, 7)));
        const auto firstA = expectNext(*watchA, *snapshotA, start + 1);
        const auto secondA = expectNext(*watchA, *snapshotA, start + 2);
        QCOMPARE(expectNext(*watchB, *snapshotB, start + 1), firstA);
        QCOMPARE(expectNext(*watchB, *snapshotB, start + 2), secondA);
        QCOMPARE(std::set<long>({firstA, secondA}),
                 std::set<long>({static_cast<long>(indexOf(seatId(0, 6))), static_cast<long>(indexOf(seatId(0, 7)))}));
        // A snapshot now shows neither the slow seat nor a seq for it.
        const auto probe = openOn(second, {});
        QVERIFY(probe);
        const auto meanwhile = subscribe(*probe, m_eventId);
        QVERIFY(meanwhile);
        QCOMPARE(meanwhile->status_seq(), start + 2);
        QCOMPARE(static_cast<SeatStatus>(meanwhile->status()[indexOf(slowSeat)]), SeatStatus::Available);

        // The slow writer commits: its change is the next one, on both instances; nothing skipped.
        slow.commit();
        QCOMPARE(expectNext(*watchA, *snapshotA, start + 3), static_cast<long>(indexOf(slowSeat)));
        QCOMPARE(expectNext(*watchB, *snapshotB, start + 3), static_cast<long>(indexOf(slowSeat)));
        for (auto* server : {&m_server, &second}) {
            const auto client = openOn(*server, m_attendee2Token);
            QVERIFY(client);
            const auto fresh = subscribe(*client, m_eventId);
            QVERIFY(fresh);
            QCOMPARE(fresh->status_seq(), start + 3);
            QCOMPARE(fresh->status(), snapshotA->status());
            QCOMPARE(fresh->status(), snapshotB->status());
        }

        // The first instance dies (it led the stamping, having started first); the second takes over.
        m_server.kill();
        QVERIFY(blockOn(*organizerB, seatId(0, 8)));
        QCOMPARE(expectNext(*watchB, *snapshotB, start + 4), static_cast<long>(indexOf(seatId(0, 8))));
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        // Leave the seats as the later tests expect them.
        for (const auto& seat : {slowSeat, seatId(0, 6), seatId(0, 7), seatId(0, 8)}) {
            v1::Envelope request;
            auto* b = request.mutable_set_seats_blocked();
            b->set_idempotency_key(newKey());
            b->set_event_id(m_eventId);
            b->add_seat_ids(seat);
            b->set_blocked(false);
            const auto answer = organizerB->call(request);
            QVERIFY(answer && answer->has_ack());
        }
    }

    // Last: moves the event to version 2 of its layout.
    void aLayoutMoveMakesSubscribersResubscribe() {
        const auto watcher = open(m_attendeeToken);
        QVERIFY(watcher);
        const auto before = subscribe(*watcher, m_eventId);
        QVERIFY(before);
        const auto organizer = open(m_organizerToken);
        QVERIFY(organizer);
        auto next = m_layout;
        next.name = "Small hall, new stage";
        v1::Envelope save;
        save.mutable_save_layout()->set_idempotency_key(newKey());
        *save.mutable_save_layout()->mutable_layout() = marquee::protocol::toProto(next, false);
        save.mutable_save_layout()->set_base_version(1);
        const auto saved = organizer->call(save);
        QVERIFY2(saved && saved->has_ack(), saved ? saved->error().message().c_str() : "no answer");
        v1::Envelope assign;
        assign.mutable_assign_event_layout()->set_idempotency_key(newKey());
        assign.mutable_assign_event_layout()->set_event_id(m_eventId);
        assign.mutable_assign_event_layout()->set_layout_id(m_layout.id);
        assign.mutable_assign_event_layout()->set_layout_version(2);
        QVERIFY(organizer->call(assign)->has_ack());

        // The push skips a seq: the client's cue to resubscribe.
        const auto gap = nextDelta(*watcher);
        QVERIFY(gap);
        QCOMPARE(gap->status_seq(), before->status_seq() + 2);
        QCOMPARE(gap->seat_index_size(), 0);
        const auto after = subscribe(*watcher, m_eventId);
        QVERIFY(after);
        QCOMPARE(after->layout_version(), 2U);
        QCOMPARE(after->status_seq(), gap->status_seq());
        QCOMPARE(after->status(), before->status()); // same seats, same order: same statuses
    }

    void subscribeErrorsAreAnswered() {
        const auto client = open({});
        QVERIFY(client);
        v1::Envelope request;
        request.mutable_subscribe_seats()->set_event_id("not-an-event");
        auto answer = client->call(request);
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::INVALID_ARGUMENT);
        request.mutable_subscribe_seats()->set_event_id("55555555-5555-4555-8555-555555555555");
        answer = client->call(request);
        QVERIFY(answer && answer->has_error());
        QCOMPARE(answer->error().code(), v1::NOT_FOUND);
        // The connection is still usable.
        QVERIFY(subscribe(*client, m_eventId));
    }
};

QTEST_GUILESS_MAIN(TestSeatingNet)
#include "test_seating_net.moc"
