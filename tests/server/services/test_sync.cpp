// PullChanges paging and visibility, tombstones, wishlist idempotency, compaction and reset.
#include "service_helpers.hpp"

#include "services/api_internal.hpp"
#include "workers/sequencer.hpp"

#include <QtTest>

#include <map>

using namespace marquee;
using marquee::test::TestDatabase;
using marquee::server::workers::Sequencer;

namespace {

// Appends a change through the production helper, committed on its own.
void append(pqxx::connection& conn, const std::string& type, const std::string& id, bool upsert,
            std::int64_t scope, const std::string& payload) {
    pqxx::work tx(conn);
    server::detail::appendChange(tx, type, id, upsert ? server::detail::ChangeOp::Upsert : server::detail::ChangeOp::Delete,
                                 scope, payload);
    tx.commit();
}

struct Replayed {
    std::map<std::string, std::string> state; // aggregate key -> payload
    std::uint64_t cursor = 0;
    int pulls = 0;
    bool sawReset = false;
};

// Pulls to the end the way a client does, applying upserts and tombstones.
Replayed replay(server::Api& api, pqxx::connection& conn, const server::Principal& who, std::uint64_t from,
                std::uint32_t limit) {
    Replayed r;
    r.cursor = from;
    for (;;) {
        const auto reply = test::pull(api, conn, who, r.cursor, limit);
        if (!reply.has_change_batch()) throw std::runtime_error(reply.DebugString());
        const auto& batch = reply.change_batch();
        if (++r.pulls > 1000) throw std::runtime_error("sync does not converge");
        if (batch.reset()) {
            r.sawReset = true;
            r.state.clear();
            r.cursor = 0;
            continue;
        }
        if (batch.from_cursor() != r.cursor) throw std::runtime_error("from_cursor mismatch");
        std::uint64_t last = r.cursor;
        for (const auto& c : batch.changes()) {
            if (c.seq() <= last) throw std::runtime_error("seq not increasing");
            last = c.seq();
            const auto key = c.aggregate_type() + "/" + c.aggregate_id();
            if (c.op() == v1::CHANGE_OP_DELETE) r.state.erase(key);
            else r.state[key] = c.payload();
        }
        if (batch.next_cursor() < last) throw std::runtime_error("next_cursor behind the rows");
        r.cursor = batch.next_cursor();
        if (!batch.has_more()) return r;
    }
}

} // namespace

class TestSync : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
    }

    void pagesInSeqOrder() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        for (int i = 0; i < 12; ++i) append(*conn, "venue", "v" + std::to_string(i), true, 0, "payload" + std::to_string(i));
        // Not stamped yet: invisible, head 0.
        auto reply = test::pull(api, *conn, {}, 0, 5);
        QCOMPARE(reply.change_batch().changes_size(), 0);
        QCOMPARE(reply.change_batch().head(), std::uint64_t{0});
        QCOMPARE(Sequencer::stampPending(*conn), std::size_t{12});
        QCOMPARE(api.head(*conn), std::uint64_t{12});

        std::uint64_t cursor = 0;
        std::vector<int> sizes;
        std::vector<std::string> payloads;
        for (;;) {
            reply = test::pull(api, *conn, {}, cursor, 5);
            QVERIFY(reply.has_change_batch());
            const auto& b = reply.change_batch();
            QCOMPARE(b.from_cursor(), cursor);
            QCOMPARE(b.head(), std::uint64_t{12});
            QVERIFY(!b.reset());
            sizes.push_back(b.changes_size());
            for (const auto& c : b.changes()) {
                QCOMPARE(c.seq(), cursor + 1 + static_cast<std::uint64_t>(payloads.size() % 5));
                QCOMPARE(c.aggregate_type(), std::string("venue"));
                QCOMPARE(c.op(), v1::CHANGE_OP_UPSERT);
                payloads.push_back(c.payload());
            }
            cursor = b.next_cursor();
            if (!b.has_more()) break;
        }
        QCOMPARE(sizes, (std::vector<int>{5, 5, 2}));
        QCOMPARE(cursor, std::uint64_t{12});
        QCOMPARE(payloads.front(), std::string("payload0"));
        QCOMPARE(payloads.back(), std::string("payload11"));

        // limit 0 means the default; an over-large limit is capped.
        server::Api::Options small;
        small.pullLimitCap = 4;
        server::Api capped(small);
        QCOMPARE(test::pull(capped, *conn, {}, 0, 0).change_batch().changes_size(), 4);
        QCOMPARE(test::pull(capped, *conn, {}, 0, 1000).change_batch().changes_size(), 4);
        // At the head: empty, no more.
        const auto atHead = test::pull(api, *conn, {}, 12, 5).change_batch();
        QCOMPARE(atHead.changes_size(), 0);
        QVERIFY(!atHead.has_more());
        QCOMPARE(atHead.next_cursor(), std::uint64_t{12});
    }

    void otherUsersRowsAreInvisibleButSkipped() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        const auto ann = test::makeUser(api, *conn, "ann@example.com", core::Role::Attendee);
        const auto bob = test::makeUser(api, *conn, "bob@example.com", core::Role::Attendee);
        append(*conn, "venue", "v1", true, 0, "public1");          // 1
        append(*conn, "wishlist", "e1", true, ann.userId, "ann1"); // 2
        append(*conn, "wishlist", "e2", true, bob.userId, "bob1"); // 3
        append(*conn, "venue", "v2", true, 0, "public2");          // 4
        append(*conn, "wishlist", "e3", true, bob.userId, "bob2"); // 5
        append(*conn, "wishlist", "e4", true, bob.userId, "bob3"); // 6
        QCOMPARE(Sequencer::stampPending(*conn), std::size_t{6});

        const auto seqsOf = [](const v1::ChangeBatch& b) {
            std::vector<std::uint64_t> out;
            for (const auto& c : b.changes()) out.push_back(c.seq());
            return out;
        };
        const auto anon = test::pull(api, *conn, {}, 0, 100).change_batch();
        QCOMPARE(seqsOf(anon), (std::vector<std::uint64_t>{1, 4}));
        // Not a full page: next_cursor jumps to head over rows this principal cannot see.
        QCOMPARE(anon.next_cursor(), std::uint64_t{6});
        QVERIFY(!anon.has_more());
        QCOMPARE(seqsOf(test::pull(api, *conn, ann, 0, 100).change_batch()), (std::vector<std::uint64_t>{1, 2, 4}));
        QCOMPARE(seqsOf(test::pull(api, *conn, bob, 0, 100).change_batch()), (std::vector<std::uint64_t>{1, 3, 4, 5, 6}));

        // A full page ends at its last row, even when invisible rows follow.
        const auto annPage = test::pull(api, *conn, ann, 0, 2).change_batch();
        QCOMPARE(seqsOf(annPage), (std::vector<std::uint64_t>{1, 2}));
        QVERIFY(annPage.has_more());
        QCOMPARE(annPage.next_cursor(), std::uint64_t{2});
        const auto annRest = test::pull(api, *conn, ann, 2, 2).change_batch();
        QCOMPARE(seqsOf(annRest), (std::vector<std::uint64_t>{4}));
        QVERIFY(!annRest.has_more());
        QCOMPARE(annRest.next_cursor(), std::uint64_t{6});

        // Live fan-out gets every scope with its audience.
        const auto range = api.changesInRange(*conn, 1, 5);
        QVERIFY(!range.tooLarge);
        const auto& feed = range.changes;
        QCOMPARE(feed.size(), std::size_t{4});
        QCOMPARE(feed[0].change.seq(), std::uint64_t{2});
        QCOMPARE(feed[0].scopeUserId, ann.userId);
        QCOMPARE(feed[2].scopeUserId, std::int64_t{0});
        QCOMPARE(feed[2].change.payload(), std::string("public2"));
        QVERIFY(api.changesInRange(*conn, 6, 6).changes.empty());
    }

    void eventUpsertAndTombstoneRoundTrip() {
        test::Fixture f;
        const auto org = f.user("org@example.com", core::Role::Organizer);
        const auto id = test::upsert(f.api, *f.conn, org, test::validEvent()).ack().id();
        Sequencer::stampPending(*f.conn);
        auto batch = test::pull(f.api, *f.conn, {}, 0, 10).change_batch();
        QCOMPARE(batch.changes_size(), 1);
        v1::Event decoded;
        QVERIFY(decoded.ParseFromString(batch.changes(0).payload()));
        QCOMPARE(decoded.id(), id);
        QCOMPARE(decoded.title(), std::string("Late Night Jazz"));
        QCOMPARE(decoded.starts_at_ms(), std::int64_t{1'900'000'000'000});
        QCOMPARE(decoded.organizer_id(), org.userId);
        QCOMPARE(decoded.tags_size(), 1);
        QCOMPARE(decoded.performers(0), std::string("The Trio"));
        QCOMPARE(decoded.price().currency(), std::string("EUR"));
        QCOMPARE(batch.changes(0).aggregate_id(), id);

        QVERIFY(test::call(f.api, *f.conn, org, [&](v1::Envelope& r) { r.mutable_delete_event()->set_event_id(id); }).has_ack());
        Sequencer::stampPending(*f.conn);
        batch = test::pull(f.api, *f.conn, {}, batch.next_cursor(), 10).change_batch();
        QCOMPARE(batch.changes_size(), 1);
        QCOMPARE(batch.changes(0).op(), v1::CHANGE_OP_DELETE);
        QCOMPARE(batch.changes(0).aggregate_id(), id);
        QVERIFY(batch.changes(0).payload().empty());
    }

    void wishlistIdempotency() {
        test::Fixture f;
        const auto org = f.user("org@example.com", core::Role::Organizer);
        const auto ann = f.user("ann@example.com", core::Role::Attendee);
        const auto bob = f.user("bob@example.com", core::Role::Attendee);
        const auto eventId = test::upsert(f.api, *f.conn, org, test::validEvent()).ack().id();
        const auto mutate = [&](const server::Principal& who, const std::string& key, const std::string& event, bool add) {
            return test::call(f.api, *f.conn, who, [&](v1::Envelope& r) {
                r.mutable_wishlist_mutation()->set_idempotency_key(key);
                r.mutable_wishlist_mutation()->set_event_id(event);
                r.mutable_wishlist_mutation()->set_add(add);
            });
        };
        const std::string key = "8d3e4c2a-1b7f-4e5d-9c0a-2f6b8e1d3c4a";

        // The same outbox entry delivered twice: applied once, the replay says so.
        const auto first = mutate(ann, key, eventId, true);
        QVERIFY2(first.has_ack(), first.DebugString().c_str());
        QVERIFY(!first.ack().replayed());
        QCOMPARE(first.ack().id(), eventId);
        const auto second = mutate(ann, key, eventId, true);
        QVERIFY(second.has_ack());
        QVERIFY(second.ack().replayed());
        QCOMPARE(second.ack().id(), eventId);
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM wishlist"), 1LL);
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'wishlist'"), 1LL);
        // The same key for a different request is a client bug: refused, and nothing changes.
        const auto reused = mutate(ann, key, eventId, false);
        QVERIFY2(reused.has_error(), reused.DebugString().c_str());
        QCOMPARE(reused.error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(reused.error().details().at("field"), std::string("idempotency_key"));
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM wishlist"), 1LL);
        // The same request with the event id in upper case is the same request.
        QVERIFY(mutate(ann, key, QString::fromStdString(eventId).toUpper().toStdString(), true).ack().replayed());

        // Keys are per user.
        QVERIFY(!mutate(bob, key, eventId, true).ack().replayed());
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM wishlist"), 2LL);

        // The wishlist row syncs only to its owner, as a WishlistEntry.
        Sequencer::stampPending(*f.conn);
        const auto annBatch = test::pull(f.api, *f.conn, ann, 0, 100).change_batch();
        int wishlistRows = 0;
        for (const auto& c : annBatch.changes()) {
            if (c.aggregate_type() != "wishlist") continue;
            ++wishlistRows;
            v1::WishlistEntry entry;
            QVERIFY(entry.ParseFromString(c.payload()));
            QCOMPARE(entry.event_id(), eventId);
            QVERIFY(entry.added_at_ms() > 0);
        }
        QCOMPARE(wishlistRows, 1);

        // Errors change nothing and do not burn the key.
        const std::string unknownEvent = "99999999-9999-4999-8999-999999999999";
        const std::string key2 = "0b9e4c2a-1b7f-4e5d-9c0a-2f6b8e1d3c4a";
        QCOMPARE(mutate(ann, key2, unknownEvent, true).error().code(), v1::NOT_FOUND);
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM idempotency_keys WHERE key = '" + key2 + "'"), 0LL);
        QCOMPARE(mutate(ann, "not-a-uuid", eventId, true).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(mutate(ann, key2, "nope", true).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(mutate({}, key2, eventId, true).error().code(), v1::UNAUTHENTICATED);
        // Removing an absent entry is fine and writes no change.
        const auto before = test::scalar(*f.conn, "SELECT count(*) FROM change_log");
        QVERIFY(mutate(ann, "1c9e4c2a-1b7f-4e5d-9c0a-2f6b8e1d3c4a", unknownEvent, false).has_ack());
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM change_log"), before);

        // Deleting the event removes it from both wishlists with a tombstone per user.
        QVERIFY(test::call(f.api, *f.conn, org, [&](v1::Envelope& r) { r.mutable_delete_event()->set_event_id(eventId); }).has_ack());
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM wishlist"), 0LL);
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'wishlist' AND type = 'delete'"), 2LL);
        Sequencer::stampPending(*f.conn);
        const auto after = replay(f.api, *f.conn, ann, 0, 3);
        QVERIFY(after.state.empty());
    }

    void concurrentReplaysApplyOnce() {
        test::Fixture f;
        const auto org = f.user("org@example.com", core::Role::Organizer);
        const auto ann = f.user("ann@example.com", core::Role::Attendee);
        const auto eventId = test::upsert(f.api, *f.conn, org, test::validEvent()).ack().id();
        constexpr int kThreads = 4;
        std::vector<std::thread> threads;
        std::atomic<int> fresh{0};
        std::atomic<int> replayed{0};
        for (int i = 0; i < kThreads; ++i)
            threads.emplace_back([&] {
                auto conn = f.db.connect();
                const auto reply = test::call(f.api, *conn, ann, [&](v1::Envelope& r) {
                    r.mutable_wishlist_mutation()->set_idempotency_key("5f0e4c2a-1b7f-4e5d-9c0a-2f6b8e1d3c4a");
                    r.mutable_wishlist_mutation()->set_event_id(eventId);
                    r.mutable_wishlist_mutation()->set_add(true);
                });
                if (reply.has_ack()) (reply.ack().replayed() ? replayed : fresh)++;
            });
        for (auto& t : threads) t.join();
        QCOMPARE(fresh.load(), 1);
        QCOMPARE(replayed.load(), kThreads - 1);
        QCOMPARE(test::scalar(*f.conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'wishlist'"), 1LL);
    }

    void compactionKeepsFinalStateAndResetsOldCursors() {
        TestDatabase db;
        auto conn = db.connect();
        server::Api api;
        const auto ann = test::makeUser(api, *conn, "ann@example.com", core::Role::Attendee);
        append(*conn, "venue", "a", true, 0, "a1");       // 1
        append(*conn, "venue", "b", true, 0, "b1");       // 2
        append(*conn, "venue", "a", true, 0, "a2");       // 3  supersedes 1
        append(*conn, "venue", "c", true, 0, "c1");       // 4
        append(*conn, "wishlist", "a", true, ann.userId, "w1"); // 5  other scope: not superseded by venue a
        Sequencer::stampPending(*conn);
        const auto midCursor = std::uint64_t{5};
        append(*conn, "venue", "c", false, 0, "");        // 6  tombstone, supersedes 4
        append(*conn, "venue", "b", true, 0, "b2");       // 7  supersedes 2
        append(*conn, "venue", "d", false, 0, "");        // 8  tombstone of something never sent
        append(*conn, "venue", "d", true, 0, "d1");       // 9  supersedes the tombstone 8
        Sequencer::stampPending(*conn);

        const auto before = replay(api, *conn, ann, 0, 2);
        const auto beforeMid = replay(api, *conn, ann, midCursor, 2);

        // Superseded rows only (tombstones are kept for a long retention).
        auto result = Sequencer::compact(*conn, std::chrono::hours(24));
        QCOMPARE(result.superseded, std::size_t{4}); // seqs 1, 2, 4, 8
        QCOMPARE(result.tombstones, std::size_t{0});
        QCOMPARE(result.horizon, std::uint64_t{0});
        QCOMPARE(api.head(*conn), std::uint64_t{9});
        QCOMPARE(replay(api, *conn, ann, 0, 2).state, before.state);
        const auto mid = replay(api, *conn, ann, midCursor, 2);
        QVERIFY(!mid.sawReset);
        QCOMPARE(mid.state, beforeMid.state); // the tombstone for c is still there

        // Now drop old tombstones: the horizon moves to the newest deleted tombstone (6), and
        // the live rows below it (3: venue a, 5: wishlist a) are re-appended above the head,
        // stamped in the same transaction.
        result = Sequencer::compact(*conn, std::chrono::seconds(0));
        QCOMPARE(result.tombstones, std::size_t{1});
        QCOMPARE(result.horizon, std::uint64_t{6});
        QCOMPARE(result.stamped, std::size_t{2});
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM change_log WHERE seq <= 6"), 0LL);
        QCOMPARE(Sequencer::stampPending(*conn), std::size_t{0});
        QCOMPARE(api.head(*conn), std::uint64_t{11});
        const auto fresh = replay(api, *conn, ann, 0, 1); // one row per page: every cursor is checked
        QVERIFY(!fresh.sawReset);
        QCOMPARE(fresh.state, before.state);
        // A client at cursor 5 never saw the tombstone for c: it must reset and rebuild.
        const auto reset = test::pull(api, *conn, ann, midCursor, 2).change_batch();
        QVERIFY(reset.reset());
        QCOMPARE(reset.from_cursor(), midCursor);
        const auto rebuilt = replay(api, *conn, ann, midCursor, 1);
        QVERIFY(rebuilt.sawReset);
        QCOMPARE(rebuilt.state, before.state);
        // A client that was up to date just gets the moved rows again: same final state.
        const auto upToDate = replay(api, *conn, ann, 9, 1);
        QVERIFY(!upToDate.sawReset);
        QCOMPARE(upToDate.state.size(), std::size_t{2});
        // Cursors at or after the horizon continue normally; one from the future resets.
        QVERIFY(!test::pull(api, *conn, ann, 6, 2).change_batch().reset());
        QVERIFY(test::pull(api, *conn, ann, 1000, 2).change_batch().reset());

        // When compaction empties the log up to its newest row, seqs still continue upwards.
        append(*conn, "venue", "e", false, 0, ""); // 12
        Sequencer::stampPending(*conn);
        result = Sequencer::compact(*conn, std::chrono::seconds(0));
        QCOMPARE(result.horizon, std::uint64_t{12});
        QVERIFY(api.head(*conn) > 12);
        QCOMPARE(test::scalar(*conn, "SELECT min(seq) FROM change_log"), 13LL);
        const auto afterAll = replay(api, *conn, ann, 0, 1);
        QVERIFY(!afterAll.sawReset);
        QCOMPARE(afterAll.state, before.state);
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "test_sync.moc"
