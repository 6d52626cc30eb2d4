// Demo catalog loader: local times to UTC across a DST change, change-log rows, skip on
// reload, clear errors that leave the database untouched.
#include "service_helpers.hpp"

#include "app/embedded_resources.hpp"
#include "services/demo_catalog.hpp"
#include "workers/sequencer.hpp"

#include <QtTest>

#include <algorithm>

using namespace marquee;
using marquee::test::TestDatabase;

namespace {

// Friday 2026-03-27 12:00 UTC; Europe/Berlin switches to summer time on Sunday 2026-03-29.
constexpr std::int64_t kToday = 1'774'612'800'000;

const char* kCatalog = R"json({
  "categories": [{"id": "music.jazz", "name": "Jazz", "parent_id": "music"},
                 {"id": "music", "name": "Music"}],
  "venues": [{"id": "aaaaaaaa-0000-4000-8000-000000000001", "name": "Quasimodo", "address": "Kantstr. 12a",
              "city": "Berlin", "country": "DE", "latitude": 52.5, "longitude": 13.3,
              "time_zone": "Europe/Berlin", "capacity": 350},
             {"id": "aaaaaaaa-0000-4000-8000-000000000002", "name": "Village Vanguard", "city": "New York",
              "country": "US", "latitude": 40.7, "longitude": -74.0, "time_zone": "America/New_York", "capacity": 123}],
  "events": [
    {"id": "bbbbbbbb-0000-4000-8000-000000000001", "title": "Winter set", "category_id": "music.jazz",
     "tags": ["jazz", "trio"], "performers": ["A Trio"], "venue_id": "aaaaaaaa-0000-4000-8000-000000000001",
     "day_offset": 0, "local_start": "19:30", "duration_minutes": 150, "price_min_minor": 1500,
     "price_max_minor": 4500, "currency": "EUR", "status": "scheduled", "image_url": ""},
    {"id": "bbbbbbbb-0000-4000-8000-000000000002", "title": "Summer-time set", "category_id": "music.jazz",
     "venue_id": "aaaaaaaa-0000-4000-8000-000000000001", "day_offset": 3, "local_start": "19:30",
     "duration_minutes": 60, "price_min_minor": 0, "price_max_minor": 0, "currency": "EUR", "status": "sold_out"},
    {"id": "bbbbbbbb-0000-4000-8000-000000000003", "title": "In the gap", "category_id": "music",
     "venue_id": "aaaaaaaa-0000-4000-8000-000000000001", "day_offset": 2, "local_start": "02:30",
     "duration_minutes": 60, "price_min_minor": 0, "price_max_minor": 0, "currency": "EUR", "status": "cancelled"},
    {"id": "bbbbbbbb-0000-4000-8000-000000000004", "title": "Late show", "category_id": "music.jazz",
     "venue_id": "aaaaaaaa-0000-4000-8000-000000000002", "day_offset": 1, "local_start": "22:00",
     "duration_minutes": 90, "price_min_minor": 3500, "price_max_minor": 3500, "currency": "USD", "status": "scheduled"}
  ]})json";

std::int64_t startsAt(pqxx::connection& conn, const std::string& id) {
    pqxx::read_transaction tx(conn);
    return tx.exec_params1("SELECT (extract(epoch FROM starts_at) * 1000)::bigint FROM events WHERE id = $1::uuid", id)[0]
        .as<std::int64_t>();
}

} // namespace

class TestDemoCatalog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
    }

    void loadsConvertsAndLogs() {
        TestDatabase db;
        auto conn = db.connect();
        const auto result = server::loadDemoCatalog(*conn, kCatalog, kToday);
        QVERIFY(!result.skipped);
        QCOMPARE(result.categories, std::size_t{2});
        QCOMPARE(result.venues, std::size_t{2});
        QCOMPARE(result.events, std::size_t{4});

        // 19:30 CET = 18:30 UTC on 03-27; 19:30 CEST = 17:30 UTC on 03-30; 02:30 on 03-29 does
        // not exist in Berlin and becomes 03:30 CEST = 01:30 UTC; 22:00 EDT = 02:00 UTC next day.
        QCOMPARE(startsAt(*conn, "bbbbbbbb-0000-4000-8000-000000000001"), std::int64_t{1'774'636'200'000});
        QCOMPARE(startsAt(*conn, "bbbbbbbb-0000-4000-8000-000000000002"), std::int64_t{1'774'891'800'000});
        QCOMPARE(startsAt(*conn, "bbbbbbbb-0000-4000-8000-000000000003"), std::int64_t{1'774'747'800'000});
        QCOMPARE(startsAt(*conn, "bbbbbbbb-0000-4000-8000-000000000004"), std::int64_t{1'774'749'600'000});
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM events WHERE source = 'demo' AND organizer_id IS NULL"), 4LL);
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM events WHERE status = 'sold_out'"), 1LL);
        QCOMPARE(test::scalar(*conn, "SELECT cardinality(tags) FROM events WHERE title = 'Winter set'"), 2LL);

        // One public change per record, categories first, then venues, then events.
        QCOMPARE(server::workers::Sequencer::stampPending(*conn), std::size_t{8});
        server::Api api;
        const auto batch = test::pull(api, *conn, {}, 0, 100).change_batch();
        QCOMPARE(batch.changes_size(), 8);
        QCOMPARE(batch.changes(0).aggregate_type(), std::string("category"));
        QCOMPARE(batch.changes(2).aggregate_type(), std::string("venue"));
        QCOMPARE(batch.changes(7).aggregate_type(), std::string("event"));
        v1::Event event;
        QVERIFY(event.ParseFromString(batch.changes(4).payload()));
        QCOMPARE(event.id(), std::string("bbbbbbbb-0000-4000-8000-000000000001"));
        QCOMPARE(event.starts_at_ms(), std::int64_t{1'774'636'200'000});
        QCOMPARE(event.ends_at_ms(), std::int64_t{1'774'636'200'000 + 150 * 60'000});
        QCOMPARE(event.time_zone(), std::string("Europe/Berlin"));
        QCOMPARE(event.price().max_minor(), std::int64_t{4500});
        v1::Venue venue;
        QVERIFY(venue.ParseFromString(batch.changes(3).payload()));
        QCOMPARE(venue.capacity(), 123);

        // Loading again changes nothing.
        QVERIFY(server::loadDemoCatalog(*conn, kCatalog, kToday).skipped);
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM change_log"), 8LL);
    }

    // The shipped catalog: demo venues get seat maps, their events sell them with a few seats
    // blocked, and a snapshot comes out of the box.
    void shippedCatalogHasSeatMaps() {
        TestDatabase db;
        auto conn = db.connect();
        const auto result = server::loadDemoCatalog(*conn, server::embedded::demoCatalogJson(), kToday);
        QCOMPARE(result.layouts, std::size_t{4});
        QVERIFY(result.seatedEvents > 100);
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM events WHERE layout_id IS NOT NULL"),
                 static_cast<long long>(result.seatedEvents));
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM event_seat_state"), static_cast<long long>(result.seatedEvents));
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'layout'"), 4LL);
        QCOMPARE(test::scalar(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event_layout'"),
                 static_cast<long long>(result.seatedEvents));
        QVERIFY(test::scalar(*conn, "SELECT max(seat_count) FROM seating_layout_versions") >= 60'000);
        // The club's general-admission floor has a counter per event.
        QVERIFY(test::scalar(*conn, "SELECT count(*) FROM seat_ga_counters WHERE capacity = 800") > 0);

        // An Olympiastadion event: every blocked seat shows in the snapshot, nothing else.
        pqxx::read_transaction tx(*conn);
        const auto eventId = tx.exec1("SELECT id::text FROM events WHERE venue_id = "
                                      "'fa5fce28-d727-5041-9a8f-8581a60afd71' ORDER BY id LIMIT 1")[0]
                                 .as<std::string>();
        tx.commit();
        server::Api api;
        const auto answer = test::call(api, *conn, {}, [&](v1::Envelope& r) { r.mutable_subscribe_seats()->set_event_id(eventId); });
        QVERIFY(answer.has_seat_snapshot());
        const auto& status = answer.seat_snapshot().status();
        QVERIFY(status.size() >= 60'000);
        const auto blocked = std::count(status.begin(), status.end(), static_cast<char>(4));
        QCOMPARE(static_cast<long long>(blocked),
                 test::scalar(*conn, "SELECT count(*) FROM seat_claims WHERE event_id = '" + eventId + "'"));
        QVERIFY(blocked >= 6);
    }

    void malformedFilesChangeNothing_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QStringLiteral("{\"categories\": [") << QStringLiteral("not valid JSON");
        QTest::newRow("no events") << QStringLiteral("{\"categories\": [], \"venues\": []}") << QStringLiteral("'events'");
        QTest::newRow("unknown venue")
            << QStringLiteral("{\"categories\":[{\"id\":\"c\",\"name\":\"C\"}],\"venues\":[],\"events\":[{\"id\":"
                              "\"bbbbbbbb-0000-4000-8000-000000000001\",\"title\":\"T\",\"category_id\":\"c\","
                              "\"venue_id\":\"aaaaaaaa-0000-4000-8000-000000000009\",\"day_offset\":1,"
                              "\"local_start\":\"19:00\",\"currency\":\"EUR\"}]}")
            << QStringLiteral("event 0");
        QTest::newRow("bad zone")
            << QStringLiteral("{\"categories\":[],\"events\":[],\"venues\":[{\"id\":\"aaaaaaaa-0000-4000-8000-"
                              "000000000001\",\"name\":\"V\",\"time_zone\":\"Nowhere/Land\"}]}")
            << QStringLiteral("Nowhere/Land");
    }
    void malformedFilesChangeNothing() {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        TestDatabase db;
        auto conn = db.connect();
        try {
            server::loadDemoCatalog(*conn, json.toStdString(), kToday);
            QFAIL("a malformed catalog was accepted");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
        }
        QCOMPARE(test::scalar(*conn, "SELECT (SELECT count(*) FROM categories) + (SELECT count(*) FROM venues) + "
                                     "(SELECT count(*) FROM change_log)"),
                 0LL);
    }

    void builtinCatalogLoads() {
        TestDatabase db;
        auto conn = db.connect();
        const auto result = server::loadDemoCatalog(*conn, server::embedded::demoCatalogJson(), kToday);
        QVERIFY(!result.skipped);
        QCOMPARE(static_cast<long long>(result.events), test::scalar(*conn, "SELECT count(*) FROM events"));
    }
};

QTEST_GUILESS_MAIN(TestDemoCatalog)
#include "test_demo_catalog.moc"
