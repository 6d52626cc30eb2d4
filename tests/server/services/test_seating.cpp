// Seating services against a real PostgreSQL database: SaveLayout (validation, optimistic
// concurrency, idempotent replay, roles), GetLayout, AssignEventLayout (lost-seat refusal),
// SetSeatsBlocked (all or nothing), SubscribeSeats snapshots, the status log and hostile input.
#include "seating_test_layouts.hpp"
#include "service_helpers.hpp"

#include "marquee/core/seating/demo_layouts.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/core/seating/validation.hpp"
#include "marquee/protocol/seating_conversions.hpp"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

using namespace marquee;
using marquee::test::call;
using marquee::test::newKey;
using marquee::test::Fixture;
using marquee::test::scalar;
namespace seating = marquee::core::seating;
using seating::SeatStatus;

namespace {

seating::Layout smallHall(int rows = 3) { return test::smallHall(test::kVenueId, rows); }

v1::Envelope saveRequest(const seating::Layout& layout, std::uint32_t baseVersion, const std::string& key) {
    v1::Envelope request;
    request.set_request_id(7);
    auto* save = request.mutable_save_layout();
    save->set_idempotency_key(key);
    *save->mutable_layout() = protocol::toProto(layout, true);
    save->set_base_version(baseVersion);
    return request;
}

const seating::Seat& seatAt(const seating::Layout& layout, std::size_t row, std::size_t seat) {
    return layout.areas.at(0).rows.at(row).seats.at(seat);
}

} // namespace

class TestSeating : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Fixture> f;
    server::Principal organizer;
    server::Principal otherOrganizer;
    server::Principal attendee;
    server::Principal admin;


    // Saves `layout` (new lineage when its id is empty); returns "<id>@<version>".
    std::string save(seating::Layout& layout, std::uint32_t baseVersion, const server::Principal& who) {
        const auto answer = f->handle(who, saveRequest(layout, baseVersion, newKey()));
        if (!answer.has_ack()) {
            qWarning() << "save failed:" << answer.error().message().c_str();
            return {};
        }
        const auto id = answer.ack().id();
        layout.id = id.substr(0, id.find('@'));
        layout.version = static_cast<std::uint32_t>(std::stoul(id.substr(id.find('@') + 1)));
        return id;
    }

    std::string createEvent(const server::Principal& who) {
        const auto answer = test::upsert(f->api, *f->conn, who, test::validEvent());
        return answer.has_ack() ? answer.ack().id() : std::string();
    }

    v1::Envelope assign(const server::Principal& who, const std::string& eventId, const seating::Layout& layout,
                        const std::string& key = newKey()) {
        return call(f->api, *f->conn, who, [&](v1::Envelope& r) {
            auto* a = r.mutable_assign_event_layout();
            a->set_idempotency_key(key);
            a->set_event_id(eventId);
            a->set_layout_id(layout.id);
            a->set_layout_version(layout.version);
        });
    }

    v1::Envelope block(const server::Principal& who, const std::string& eventId, const std::vector<std::string>& seats,
                       bool blocked = true, const std::string& key = newKey()) {
        return call(f->api, *f->conn, who, [&](v1::Envelope& r) {
            auto* b = r.mutable_set_seats_blocked();
            b->set_idempotency_key(key);
            b->set_event_id(eventId);
            for (const auto& s : seats) b->add_seat_ids(s);
            b->set_blocked(blocked);
        });
    }

    v1::Envelope subscribe(const server::Principal& who, const std::string& eventId) {
        return call(f->api, *f->conn, who, [&](v1::Envelope& r) { r.mutable_subscribe_seats()->set_event_id(eventId); });
    }

    // An event of `organizer` selling a freshly saved small hall.
    std::pair<std::string, seating::Layout> seatedEvent() {
        auto layout = smallHall();
        save(layout, 0, organizer);
        const auto eventId = createEvent(organizer);
        const auto ack = assign(organizer, eventId, layout);
        if (!ack.has_ack()) qWarning() << "assign failed:" << ack.error().message().c_str();
        return {eventId, layout};
    }



private slots:
    void init() {
        if (!test::TestDatabase::available()) QSKIP("needs the CTest 'postgres' fixture (run through ctest)");
        f = std::make_unique<Fixture>();
        organizer = f->user("organizer@example.org", core::Role::Organizer);
        otherOrganizer = f->user("other@example.org", core::Role::Organizer);
        attendee = f->user("attendee@example.org", core::Role::Attendee);
        admin = f->user("admin@example.org", core::Role::Admin);
    }
    void cleanup() { f.reset(); }

    void saveCreatesAnImmutableVersionAndAChangeLogRow() {
        auto layout = smallHall();
        const auto id = save(layout, 0, organizer);
        QVERIFY(!id.empty());
        QCOMPARE(layout.version, 1U);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seating_layout_versions"), 1LL);
        QCOMPARE(scalar(*f->conn, "SELECT seat_count FROM seating_layout_versions"), 30LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'layout' AND aggregateid = '" +
                                      id + "' AND scope_user_id IS NULL"),
                 1LL);
        // The change-log payload is the stored layout: it decodes to the same seats.
        pqxx::read_transaction tx(*f->conn);
        const pqxx::binarystring payload(tx.exec1("SELECT payload FROM change_log WHERE aggregatetype = 'layout'")[0]);
        v1::SeatingLayout stored;
        QVERIFY(stored.ParseFromString(payload.str()));
        QCOMPARE(stored.owner_id(), organizer.userId);
        QCOMPARE(stored.version(), 1U);
        const auto decoded = protocol::fromProto(stored);
        QCOMPARE(decoded.seatCount(), std::size_t{30});
        QCOMPARE(decoded.areas.at(0).rows, layout.areas.at(0).rows);
    }

    void invalidLayoutsAreRefusedWithOneDetailPerProblem() {
        auto layout = smallHall();
        // Two seats on top of each other, and an empty row label.
        auto& row = layout.areas[0].rows[0];
        row.seats[1].position = row.seats[0].position;
        layout.areas[0].rows[1].label.clear();
        const auto answer = f->handle(organizer, saveRequest(layout, 0, newKey()));
        QVERIFY(answer.has_error());
        QCOMPARE(answer.error().code(), v1::INVALID_ARGUMENT);
        const auto& details = answer.error().details();
        QVERIFY(details.count("problem.0") == 1);
        QVERIFY(details.count("problem.1") == 1);
        QCOMPARE(details.at("count"), std::to_string(seating::validate(layout).size()));
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seating_layouts"), 0LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM change_log"), 0LL);
    }

    void malformedLayoutsGetClearErrors() {
        auto layout = smallHall();
        layout.venueId = "not-a-uuid";
        auto answer = f->handle(organizer, saveRequest(layout, 0, newKey()));
        QCOMPARE(answer.error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(answer.error().details().at("field"), std::string("layout.venue_id"));

        layout = smallHall();
        layout.venueId = "22222222-2222-4222-8222-222222222222"; // no such venue
        answer = f->handle(organizer, saveRequest(layout, 0, newKey()));
        QCOMPARE(answer.error().code(), v1::INVALID_ARGUMENT);

        // A price category index past the list: the conversion names the field.
        auto request = saveRequest(smallHall(), 0, newKey());
        request.mutable_save_layout()->mutable_layout()->mutable_areas(0)->mutable_rows(0)->mutable_seats(0)->set_price_category(9);
        answer = f->handle(organizer, request);
        QCOMPARE(answer.error().code(), v1::INVALID_ARGUMENT);

        request = saveRequest(smallHall(), 0, "not-a-key");
        QCOMPARE(f->handle(organizer, request).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seating_layouts"), 0LL);
    }

    void baseVersionGuardsAgainstLostUpdates() {
        auto layout = smallHall();
        save(layout, 0, organizer);
        // A second editor still on version 0 of the same lineage.
        auto stale = layout;
        auto answer = f->handle(organizer, saveRequest(stale, 0, newKey()));
        QCOMPARE(answer.error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(answer.error().details().at("newest_version"), std::string("1"));
        layout.name = "Small hall, renumbered";
        QCOMPARE(save(layout, 1, organizer), layout.id + "@2");
        QCOMPARE(scalar(*f->conn, "SELECT newest_version FROM seating_layouts"), 2LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seating_layout_versions"), 2LL);
    }

    void replayedSaveReturnsTheStoredAnswer() {
        const auto key = newKey();
        const auto request = saveRequest(smallHall(), 0, key);
        const auto first = f->handle(organizer, request);
        QVERIFY(first.has_ack());
        QVERIFY(!first.ack().replayed());
        const auto second = f->handle(organizer, request);
        QVERIFY(second.has_ack());
        QVERIFY(second.ack().replayed());
        QCOMPARE(second.ack().id(), first.ack().id());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seating_layout_versions"), 1LL);
        // The same key for another layout is a client bug, not a replay.
        auto other = smallHall(2);
        const auto misuse = f->handle(organizer, saveRequest(other, 0, key));
        QCOMPARE(misuse.error().code(), v1::INVALID_ARGUMENT);
    }

    void rolesAndOwnershipAreChecked() {
        auto layout = smallHall();
        QCOMPARE(f->handle(server::Principal{}, saveRequest(layout, 0, newKey())).error().code(), v1::UNAUTHENTICATED);
        QCOMPARE(f->handle(attendee, saveRequest(layout, 0, newKey())).error().code(), v1::PERMISSION_DENIED);
        save(layout, 0, organizer);
        // Another organizer may neither save over nor open it; an admin may do both.
        QCOMPARE(f->handle(otherOrganizer, saveRequest(layout, 1, newKey())).error().code(), v1::PERMISSION_DENIED);
        const auto get = [&](const server::Principal& who) {
            return call(f->api, *f->conn, who, [&](v1::Envelope& r) { r.mutable_get_layout()->set_layout_id(layout.id); });
        };
        QCOMPARE(get(otherOrganizer).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(get(attendee).error().code(), v1::PERMISSION_DENIED);
        QVERIFY(get(admin).has_seating_layout());
        QVERIFY(get(organizer).has_seating_layout());
        QCOMPARE(save(layout, 1, admin), layout.id + "@2");

        // Events: only their organizer (or an admin) assigns layouts and blocks seats.
        const auto eventId = createEvent(organizer);
        QCOMPARE(assign(otherOrganizer, eventId, layout).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(assign(attendee, eventId, layout).error().code(), v1::PERMISSION_DENIED);
        QVERIFY(assign(organizer, eventId, layout).has_ack());
        const auto seat = seatAt(layout, 0, 0).id;
        QCOMPARE(block(otherOrganizer, eventId, {seat}).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(block(attendee, eventId, {seat}).error().code(), v1::PERMISSION_DENIED);
        QVERIFY(block(admin, eventId, {seat}).has_ack());
        // Another organizer's layout cannot be used for one's own event.
        const auto otherEvent = createEvent(otherOrganizer);
        QCOMPARE(assign(otherOrganizer, otherEvent, layout).error().code(), v1::PERMISSION_DENIED);
    }

    void getLayoutReturnsTheBackgroundThatSyncLeavesOut() {
        auto layout = smallHall();
        layout.background = seating::BackgroundImage{"image/svg+xml", "PHN2Zz48L3N2Zz4=", {0, 0}, 2000, 2000, 0.4};
        save(layout, 0, organizer);
        const auto answer =
            call(f->api, *f->conn, organizer, [&](v1::Envelope& r) { r.mutable_get_layout()->set_layout_id(layout.id); });
        QVERIFY(answer.has_seating_layout());
        QCOMPARE(answer.seating_layout().background().mime_type(), std::string("image/svg+xml"));
        QCOMPARE(answer.seating_layout().background().data(), std::string("<svg></svg>"));
        QCOMPARE(answer.seating_layout().version(), 1U);
        pqxx::read_transaction tx(*f->conn);
        const pqxx::binarystring payload(tx.exec1("SELECT payload FROM change_log WHERE aggregatetype = 'layout'")[0]);
        v1::SeatingLayout synced;
        QVERIFY(synced.ParseFromString(payload.str()));
        QVERIFY(!synced.has_background());
        tx.commit();
        const auto missing = call(f->api, *f->conn, organizer, [&](v1::Envelope& r) {
            r.mutable_get_layout()->set_layout_id(layout.id);
            r.mutable_get_layout()->set_version(5);
        });
        QCOMPARE(missing.error().code(), v1::NOT_FOUND);
    }

    void assignRefusesToLoseClaimedSeats() {
        auto [eventId, layout] = seatedEvent();
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event_layout' AND aggregateid = '" +
                                      eventId + "'"),
                 1LL);
        // Block the first seat of row A and the last seat of row C.
        const auto lostSeat = seatAt(layout, 0, 0).id;
        const auto keptSeat = seatAt(layout, 2, 9).id;
        QVERIFY(block(organizer, eventId, {lostSeat, keptSeat}).has_ack());

        // Version 2 drops row A's first seat (the aisle moved).
        auto next = layout;
        auto& rowA = next.areas[0].rows[0];
        rowA.seats.erase(rowA.seats.begin());
        save(next, 1, organizer);
        auto answer = assign(organizer, eventId, next);
        QCOMPARE(answer.error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(answer.error().details().count("lost." + lostSeat), std::size_t{1});
        QCOMPARE(answer.error().details().count("lost." + keptSeat), std::size_t{0});
        QCOMPARE(scalar(*f->conn, "SELECT layout_version FROM events WHERE id = '" + eventId + "'"), 1LL);

        // Unblocked, the move goes through and the kept claim follows its seat's new index.
        QVERIFY(block(organizer, eventId, {lostSeat}, false).has_ack());
        const auto seqBefore = f->statusSeq();
        QVERIFY(assign(organizer, eventId, next).has_ack());
        QCOMPARE(scalar(*f->conn, "SELECT layout_version FROM events WHERE id = '" + eventId + "'"), 2LL);
        const seating::SeatIndex index(next);
        QCOMPARE(scalar(*f->conn, "SELECT seat_index FROM seat_claims WHERE seat_id = '" + keptSeat + "'"),
                 static_cast<long long>(*index.indexOf(keptSeat)));
        // Subscribers must resubscribe: the seq jumps by two.
        QCOMPARE(f->statusSeq(), seqBefore + 2);
        const auto snapshot = subscribe(attendee, eventId);
        QCOMPARE(snapshot.seat_snapshot().layout_version(), 2U);
        QCOMPARE(static_cast<SeatStatus>(snapshot.seat_snapshot().status()[*index.indexOf(keptSeat)]), SeatStatus::Blocked);
    }

    void assignChecksTheVenue() {
        auto layout = smallHall();
        save(layout, 0, organizer);
        auto event = test::validEvent();
        event.clear_venue_id();
        const auto eventId = test::upsert(f->api, *f->conn, organizer, event).ack().id();
        QCOMPARE(assign(organizer, eventId, layout).error().code(), v1::FAILED_PRECONDITION);
        auto missing = layout;
        missing.version = 9;
        QCOMPARE(assign(organizer, createEvent(organizer), missing).error().code(), v1::NOT_FOUND);
    }

    void blockingIsAllOrNothing() {
        auto [eventId, layout] = seatedEvent();
        const seating::SeatIndex index(layout);
        const auto a = seatAt(layout, 0, 0).id;
        const auto b = seatAt(layout, 0, 1).id;
        const auto held = seatAt(layout, 1, 4).id;
        const auto d = seatAt(layout, 2, 0).id;
        QVERIFY(block(organizer, eventId, {a, b}).has_ack());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims WHERE kind = 'blocked'"), 2LL);
        // A hold by the attendee, as the booking path will write it.
        f->exec("INSERT INTO seat_claims (event_id, seat_id, seat_index, kind, holder_user_id, expires_at) VALUES ('" +
             eventId + "', '" + held + "', " + std::to_string(*index.indexOf(held)) + ", 'held', " +
             std::to_string(attendee.userId) + ", now() + interval '10 minutes')");

        auto answer = block(organizer, eventId, {d, held});
        QCOMPARE(answer.error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(answer.error().details().at("seat." + held), std::string("held"));
        QCOMPARE(answer.error().details().at("count"), std::string("1"));
        answer = block(organizer, eventId, {d, "s999999"});
        QCOMPARE(answer.error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(answer.error().details().at("seat.s999999"), std::string("unknown seat"));
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims WHERE seat_id = '" + d + "'"), 0LL);
        // Unblocking refuses the held seat and keeps the blocked one.
        QCOMPARE(block(organizer, eventId, {a, held}, false).error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims WHERE seat_id = '" + a + "'"), 1LL);
        QVERIFY(block(organizer, eventId, {a}, false).has_ack());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims WHERE kind = 'blocked'"), 1LL);
        // Refusals wrote nothing to the status log: two changes, seqs 1 and 2.
        QCOMPARE(f->statusSeq(), 2LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_status_changes"), 2LL);
        // Blocking an already blocked seat changes nothing and logs nothing.
        QVERIFY(block(organizer, eventId, {b}).has_ack());
        QCOMPARE(f->statusSeq(), 2LL);
    }

    void replayedBlockChangesNothing() {
        auto [eventId, layout] = seatedEvent();
        const auto key = newKey();
        const auto seat = seatAt(layout, 0, 3).id;
        QVERIFY(!block(organizer, eventId, {seat}, true, key).ack().replayed());
        QVERIFY(block(organizer, eventId, {seat}, false).has_ack());
        // The replay of the first request does not block the seat again.
        QVERIFY(block(organizer, eventId, {seat}, true, key).ack().replayed());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims"), 0LL);
    }

    void snapshotShowsEachSubscribersView() {
        auto [eventId, layout] = seatedEvent();
        const seating::SeatIndex index(layout);
        const auto blocked = seatAt(layout, 0, 5).id;
        const auto held = seatAt(layout, 1, 5).id;
        const auto sold = seatAt(layout, 2, 5).id;
        QVERIFY(block(organizer, eventId, {blocked}).has_ack());
        f->exec("INSERT INTO seat_claims (event_id, seat_id, seat_index, kind, holder_user_id, expires_at) VALUES ('" +
             eventId + "', '" + held + "', " + std::to_string(*index.indexOf(held)) + ", 'held', " +
             std::to_string(attendee.userId) + ", now() + interval '10 minutes'), ('" + eventId + "', '" + sold + "', " +
             std::to_string(*index.indexOf(sold)) + ", 'sold', " + std::to_string(attendee.userId) + ", NULL)");

        const auto mine = subscribe(attendee, eventId);
        QVERIFY(mine.has_seat_snapshot());
        const auto& snapshot = mine.seat_snapshot();
        QCOMPARE(snapshot.event_id(), eventId);
        QCOMPARE(snapshot.layout_id(), layout.id);
        QCOMPARE(snapshot.layout_version(), 1U);
        QCOMPARE(snapshot.status_seq(), 1ULL);
        QCOMPARE(snapshot.status().size(), std::size_t{30});
        std::string expected(30, static_cast<char>(SeatStatus::Available));
        expected[*index.indexOf(blocked)] = static_cast<char>(SeatStatus::Blocked);
        expected[*index.indexOf(held)] = static_cast<char>(SeatStatus::HeldByMe);
        expected[*index.indexOf(sold)] = static_cast<char>(SeatStatus::Sold);
        QCOMPARE(snapshot.status(), expected);
        // Everyone else (anonymous included) sees a plain hold.
        for (const auto& other : {server::Principal{}, organizer}) {
            const auto theirs = subscribe(other, eventId);
            QCOMPARE(static_cast<SeatStatus>(theirs.seat_snapshot().status()[*index.indexOf(held)]), SeatStatus::Held);
        }
    }

    void generalAdmissionAreasAreInTheSnapshot() {
        auto layout = seating::demo::club();
        layout.id.clear();
        layout.venueId = test::kVenueId;
        save(layout, 0, organizer);
        const auto eventId = createEvent(organizer);
        QVERIFY(assign(organizer, eventId, layout).has_ack());
        const auto snapshot = subscribe(attendee, eventId).seat_snapshot();
        QCOMPARE(snapshot.status().size(), layout.seatCount());
        QCOMPARE(snapshot.general_admission_size(), 1);
        QCOMPARE(snapshot.general_admission(0).capacity(), 800U);
        QCOMPARE(snapshot.general_admission(0).taken(), 0U);
    }

    void statusLogIsGapFreePerEvent() {
        auto [eventId, layout] = seatedEvent();
        auto [otherEvent, otherLayout] = seatedEvent();
        for (int i = 0; i < 5; ++i) {
            QVERIFY(block(organizer, eventId, {seatAt(layout, 0, static_cast<std::size_t>(i)).id}).has_ack());
            QVERIFY(block(organizer, otherEvent, {seatAt(otherLayout, 1, static_cast<std::size_t>(i)).id}).has_ack());
        }
        QVERIFY(block(organizer, eventId, {seatAt(layout, 0, 0).id, seatAt(layout, 0, 1).id}, false).has_ack());
        // Nothing is numbered before a stamper has run; then both events are, each from 1.
        QCOMPARE(f->api.seatChangesAfter(*f->conn, eventId, 0).changes.size(), std::size_t{0});
        QCOMPARE(f->api.stampSeatChanges(*f->conn), std::size_t{11});
        const auto range = f->api.seatChangesAfter(*f->conn, eventId, 0);
        QCOMPARE(range.current, 6ULL);
        QCOMPARE(range.changes.size(), std::size_t{6});
        for (std::size_t i = 0; i < range.changes.size(); ++i) {
            QCOMPARE(range.changes[i].delta.status_seq(), i + 1);
            QCOMPARE(range.changes[i].delta.event_id(), eventId);
        }
        const auto& last = range.changes.back().delta;
        QCOMPARE(last.seat_index_size(), 2);
        QCOMPARE(last.status(), std::string(2, static_cast<char>(SeatStatus::Available)));
        // Reading after a seq returns only what follows it; a small row budget stops at whole changes.
        QCOMPARE(f->api.seatChangesAfter(*f->conn, eventId, 4).changes.size(), std::size_t{2});
        const auto bounded = f->api.seatChangesAfter(*f->conn, eventId, 4, 2);
        QVERIFY(bounded.truncated);
        QCOMPARE(bounded.changes.size(), std::size_t{1});
        QCOMPARE(bounded.changes[0].delta.status_seq(), 5ULL);
        const auto seqs = f->api.seatStatusSeqs(*f->conn, {eventId, otherEvent, test::kVenueId});
        QCOMPARE(seqs.size(), std::size_t{2});
    }

    // Writers of one event commit while a stamper runs and snapshots are taken, all at once.
    // Every snapshot must be exactly the log folded up to its status_seq (it shows every change
    // numbered up to there and none after), and the seqs are gap-free: a change that commits
    // late is numbered late, and a snapshot that saw it unstamped numbered it itself.
    void snapshotsAreTheLogFoldedUpToTheirSeqUnderConcurrentWriters() {
        auto [eventId, layout] = seatedEvent();
        std::vector<std::string> seats;
        for (const auto& row : layout.areas[0].rows)
            for (const auto& seat : row.seats) seats.push_back(seat.id);
        const auto url = f->db.connectionString();
        constexpr int kWriters = 4;
        constexpr int kChangesPerWriter = 60;
        std::atomic<int> writersLeft{kWriters};
        std::atomic<int> keys{1'000'000};
        std::vector<std::thread> threads;
        for (int w = 0; w < kWriters; ++w)
            threads.emplace_back([&, w] {
                pqxx::connection conn(url);
                server::Api api;
                std::mt19937 random(static_cast<unsigned>(w));
                for (int i = 0; i < kChangesPerWriter; ++i) {
                    // A few seats, so writers meet on the same seats often.
                    const auto& seat = seats[random() % 6];
                    char key[40];
                    std::snprintf(key, sizeof key, "00000000-0000-4000-8000-%012d", keys++);
                    call(api, conn, organizer, [&](v1::Envelope& r) {
                        auto* b = r.mutable_set_seats_blocked();
                        b->set_idempotency_key(key);
                        b->set_event_id(eventId);
                        b->add_seat_ids(seat);
                        b->set_blocked(random() % 2 == 0);
                    });
                }
                --writersLeft;
            });
        threads.emplace_back([&] {
            pqxx::connection conn(url);
            server::Api api;
            while (writersLeft > 0) api.stampSeatChanges(conn);
        });
        std::vector<v1::SeatSnapshot> snapshots;
        threads.emplace_back([&] {
            pqxx::connection conn(url);
            server::Api api;
            while (writersLeft > 0) {
                const auto answer = call(api, conn, server::Principal{},
                                         [&](v1::Envelope& r) { r.mutable_subscribe_seats()->set_event_id(eventId); });
                if (answer.has_seat_snapshot()) snapshots.push_back(answer.seat_snapshot());
            }
        });
        for (auto& thread : threads) thread.join();
        f->api.stampSeatChanges(*f->conn);
        snapshots.push_back(subscribe(server::Principal{}, eventId).seat_snapshot());
        QVERIFY(snapshots.size() > 2);

        const auto log = f->api.seatChangesAfter(*f->conn, eventId, 0);
        QVERIFY(!log.truncated);
        QCOMPARE(log.current, snapshots.back().status_seq());
        QCOMPARE(static_cast<std::uint64_t>(log.changes.size()), log.current); // one change per seq: no gaps
        std::string folded(seats.size(), static_cast<char>(SeatStatus::Available));
        std::uint64_t seq = 0;
        auto change = log.changes.begin();
        for (const auto& snapshot : snapshots) {
            for (; seq < snapshot.status_seq(); ++change) {
                QCOMPARE(change->delta.status_seq(), ++seq);
                for (int i = 0; i < change->delta.seat_index_size(); ++i)
                    folded[change->delta.seat_index(i)] = change->delta.status()[static_cast<std::size_t>(i)];
            }
            QCOMPARE(snapshot.status(), folded);
        }
    }

    void pruningKeepsTheNewestChange() {
        auto [eventId, layout] = seatedEvent();
        for (std::size_t i = 0; i < 3; ++i) QVERIFY(block(organizer, eventId, {seatAt(layout, 0, i).id}).has_ack());
        QCOMPARE(f->statusSeq(), 3LL);
        f->exec("UPDATE seat_status_changes SET created_at = now() - interval '1 hour'");
        QCOMPARE(f->api.pruneSeatStatusLog(*f->conn, std::chrono::seconds(600)), std::size_t{2});
        const auto range = f->api.seatChangesAfter(*f->conn, eventId, 0);
        QCOMPARE(range.changes.size(), std::size_t{1});
        QCOMPARE(range.changes[0].delta.status_seq(), 3ULL);
    }

    void hostileInputGetsClearErrors() {
        auto [eventId, layout] = seatedEvent();
        QCOMPARE(subscribe(attendee, "33333333-3333-4333-8333-333333333333").error().code(), v1::NOT_FOUND);
        QCOMPARE(subscribe(attendee, "'; DROP TABLE events; --").error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(block(organizer, "33333333-3333-4333-8333-333333333333", {"s1"}).error().code(), v1::NOT_FOUND);
        QCOMPARE(block(organizer, eventId, {}).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(block(organizer, eventId, {""}).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(block(organizer, eventId, {std::string(65, 's')}).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(block(organizer, eventId, {"s1'); DELETE FROM seat_claims; --"}).error().code(), v1::FAILED_PRECONDITION);
        std::vector<std::string> many;
        for (int i = 0; i < 100'000; ++i) many.push_back("s" + std::to_string(i));
        const auto tooMany = block(organizer, eventId, many);
        QCOMPARE(tooMany.error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(tooMany.error().details().at("max"), std::string("10000"));
        // An event without a seat map.
        const auto plain = createEvent(organizer);
        QCOMPARE(subscribe(attendee, plain).error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(block(organizer, plain, {"s1"}).error().code(), v1::FAILED_PRECONDITION);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims"), 0LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_status_changes "
                                  "WHERE cardinality(seat_indexes) + cardinality(ga_area_ids) > 0"),
                 0LL);
        QVERIFY(scalar(*f->conn, "SELECT count(*) FROM events") >= 2);
    }

    void deletingAnEventTombstonesItsPin() {
        auto [eventId, layout] = seatedEvent();
        QVERIFY(block(organizer, eventId, {seatAt(layout, 0, 0).id}).has_ack());
        const auto answer = call(f->api, *f->conn, organizer,
                                 [&](v1::Envelope& r) { r.mutable_delete_event()->set_event_id(eventId); });
        QVERIFY(answer.has_ack());
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event_layout' AND type = 'delete'"),
                 1LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM seat_claims"), 0LL);
    }
};

QTEST_GUILESS_MAIN(TestSeating)
#include "test_seating.moc"
