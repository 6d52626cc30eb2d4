// The catalog stage against a fresh database: de-duplication across an ICS feed and a
// JSON-LD page, stable re-runs, 999 + 1 quarantined, cancellations, Marquee's own events,
// quarantine retry after a mapping fix, rescheduling, and the real-world sweep end to end.
#include "db/lock_keys.hpp"
#include "ingest/ingest.hpp"
#include "ingest/parsers.hpp"
#include "test_db.hpp"
#include "utc_time.hpp"

#include <QtTest>

#include <date/date.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace marquee::server::ingest;
using marquee::test::TestDatabase;
using marquee::test::utc;

namespace {

// Small chunks, so that every test's catalog writes run as several chunks committed by the
// run's two writer connections at once (the production default is 5,000 events a chunk).
IngestOptions opts() {
    IngestOptions o;
    o.nowMs = utc("2025-01-01T00:00:00Z");
    o.chunkEvents = 7;
    return o;
}

std::int64_t count(pqxx::connection& conn, const std::string& sql) {
    pqxx::read_transaction tx(conn);
    return tx.exec1(sql)[0].as<std::int64_t>();
}

std::string one(pqxx::connection& conn, const std::string& sql) {
    pqxx::read_transaction tx(conn);
    return tx.exec1(sql)[0].as<std::string>();
}

// Whether every event's search vector, title and the vocabulary are exactly what the per-row
// trigger computes: it records them, re-indexes every row through the trigger, and compares.
bool indexedLikeTheTrigger(pqxx::connection& conn) {
    const auto indexed = [&] {
        pqxx::read_transaction tx(conn);
        std::string out;
        for (const auto& row : tx.exec("SELECT id::text, search_title, search_vector::text FROM events ORDER BY id"))
            out += row[0].as<std::string>() + "|" + row[1].as<std::string>() + "|" + row[2].as<std::string>() + "\n";
        return out;
    };
    const auto ingested = indexed();
    const auto words = count(conn, "SELECT count(*) FROM search_vocabulary");
    {
        pqxx::work tx(conn);
        tx.exec0("UPDATE events SET title = title");
        tx.commit();
    }
    const auto recomputed = indexed();
    if (ingested != recomputed) qWarning("ingested:\n%s\ntrigger:\n%s", ingested.c_str(), recomputed.c_str());
    return ingested == recomputed && words == count(conn, "SELECT count(*) FROM search_vocabulary");
}

// An event created in Marquee (source 'marquee') at Quasimodo, the same night as kIcsFeed's.
void insertMarqueeEvent(pqxx::connection& conn) {
    pqxx::work tx(conn);
    ensureTaxonomy(tx);
    tx.exec0("INSERT INTO venues (id, name, city, country, latitude, longitude, time_zone) VALUES "
             "('11111111-1111-4111-8111-111111111111', 'Quasimodo', 'Berlin', 'DE', 52.5069, 13.3218, 'Europe/Berlin')");
    tx.exec0("INSERT INTO events (id, title, category_id, starts_at, time_zone, venue_id, currency, source) VALUES "
             "('22222222-2222-4222-8222-222222222222', 'Winter Jazz Night', 'music.jazz', "
             "'2025-02-14 19:00:00+00', 'Europe/Berlin', '11111111-1111-4111-8111-111111111111', 'EUR', 'marquee')");
    tx.commit();
}

const char* kIcsFeed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//City//Feed//EN\r\n"
                       "BEGIN:VEVENT\r\nUID:winter-jazz-2025@city.example\r\n"
                       "SUMMARY:Winter Jazz Night\r\n"
                       "DESCRIPTION:Three sets\\, one night.\r\n"
                       "LOCATION:Quasimodo Jazz Club\\, Kantstr. 12a\\, 10623 Berlin\r\n"
                       "GEO:52.50690;13.32180\r\nCATEGORIES:Jazz\r\n"
                       "DTSTART;TZID=Europe/Berlin:20250214T200000\r\nDTEND;TZID=Europe/Berlin:20250214T230000\r\n"
                       "END:VEVENT\r\nEND:VCALENDAR\r\n";

const char* kJsonLdPage = "<html><head><script type=\"application/ld+json\">\n"
    "{\"@context\":\"https://schema.org\",\"@type\":\"MusicEvent\",\"@id\":\"https://quasimodo.example/events/4711\",\n"
    " \"name\":\"Winter Jazz Night (live)\",\"startDate\":\"2025-02-14T20:00:00+01:00\",\n"
    " \"location\":{\"@type\":\"Place\",\"name\":\"Quasimodo\",\"address\":{\"@type\":\"PostalAddress\",\"streetAddress\":\"Kantstraße 12a\",\n"
    "   \"addressLocality\":\"Berlin\",\"addressCountry\":\"DE\"},\"geo\":{\"@type\":\"GeoCoordinates\",\"latitude\":52.5068,\"longitude\":13.3219}},\n"
    " \"offers\":{\"@type\":\"Offer\",\"price\":\"18\",\"priceCurrency\":\"EUR\"}}\n"
    "</script></head></html>";

} // namespace


// Test data as plain literals: moc 6.4 mis-reads multi-line raw strings and then finds no
// Q_OBJECT class.
namespace {
const std::string kPage = "{\"@type\":\"Event\",\"@id\":\"slam-1\",\"name\":\"Poetry Slam\",\"startDate\":\"2025-03-01T19:00:00Z\",\n"
    "                                     \"keywords\":\"Poetry slam\"}";
const std::string kBefore = "{\"@type\":\"ComedyEvent\",\"name\":\"Moved show\",\"url\":\"https://ex.org/moved\",\n"
    "                                       \"startDate\":\"2025-06-20T20:00\",\"location\":\"Bar jeder Vernunft\"}";
const std::string kAfter = "{\"@type\":\"ComedyEvent\",\"name\":\"Moved show\",\"url\":\"https://ex.org/moved\",\n"
    "                                      \"startDate\":\"2025-07-01T20:00\",\"previousStartDate\":\"2025-06-20T20:00\",\n"
    "                                      \"eventStatus\":\"https://schema.org/EventRescheduled\",\"location\":\"Bar jeder Vernunft\"}";
} // namespace

class TestIngestCatalog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
    }

    void icsAndJsonLdBecomeOneEvent() {
        TestDatabase db;
        auto conn = db.connect();
        const auto ics = ensureSource(*conn, "city-ics", Format::Ics);
        const auto page = ensureSource(*conn, "quasimodo-web", Format::JsonLd);

        const auto first = ingestPayload(*conn, ics, kIcsFeed, "city.ics", opts());
        QCOMPARE(first.created, std::size_t{1});
        QVERIFY(first.quarantined.empty());
        const auto second = ingestPayload(*conn, page, kJsonLdPage, "https://quasimodo.example/", opts());
        QCOMPARE(second.created, std::size_t{0});
        QCOMPARE(second.merged, std::size_t{1});

        QCOMPARE(count(*conn, "SELECT count(*) FROM events"), std::int64_t{1});
        QCOMPARE(count(*conn, "SELECT count(*) FROM venues"), std::int64_t{1});
        QCOMPARE(count(*conn, "SELECT count(DISTINCT source_id) FROM event_provenance"), std::int64_t{2});
        QCOMPARE(count(*conn, "SELECT count(DISTINCT event_id) FROM event_provenance"), std::int64_t{1});
        QCOMPARE(one(*conn, "SELECT title FROM events"), std::string("Winter Jazz Night"));
        QCOMPARE(one(*conn, "SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM events"),
                 std::string("2025-02-14 19:00"));
        QCOMPARE(one(*conn, "SELECT category_id FROM events"), std::string("music.jazz"));
        // The page's offer is kept in its provenance.
        QCOMPARE(count(*conn, "SELECT (data->>'price_min_minor')::bigint FROM event_provenance p JOIN sources s "
                              "ON s.id = p.source_id WHERE s.name = 'quasimodo-web'"),
                 std::int64_t{1800});
        // The feed had no price; the merged page's offer fills it (the feed still owns the event).
        QCOMPARE(one(*conn, "SELECT price_min_minor || ' ' || price_max_minor || ' ' || currency || ' ' || source "
                            "FROM events"),
                 std::string("1800 1800 EUR city-ics"));
        // Catalog rows went through the change log (categories, the venue, the event as created
        // and again with the filled price).
        QCOMPARE(count(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event'"), std::int64_t{2});
        QCOMPARE(count(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'venue'"), std::int64_t{1});
        QVERIFY(count(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'category'") >= 30);

        // Re-running both changes nothing in the catalog.
        const auto eventId = one(*conn, "SELECT id::text FROM events");
        const auto updatedAt = one(*conn, "SELECT updated_at::text FROM events");
        const auto logRows = count(*conn, "SELECT count(*) FROM change_log");
        const auto again1 = ingestPayload(*conn, ics, kIcsFeed, "city.ics", opts());
        const auto again2 = ingestPayload(*conn, page, kJsonLdPage, "https://quasimodo.example/", opts());
        for (const auto* r : {&again1, &again2}) {
            QCOMPARE(r->created + r->updated + r->merged + r->cancelled, std::size_t{0});
            QCOMPARE(r->unchanged, std::size_t{1});
        }
        QCOMPARE(count(*conn, "SELECT count(*) FROM change_log"), logRows);
        QCOMPARE(one(*conn, "SELECT id::text FROM events"), eventId);
        QCOMPARE(one(*conn, "SELECT updated_at::text FROM events"), updatedAt);
        // Every payload is stored as it came, with its source and time.
        QCOMPARE(count(*conn, "SELECT count(*) FROM raw_payloads"), std::int64_t{4});
    }

    void oneBadRecordInAThousand() {
        TestDatabase db;
        auto conn = db.connect();
        std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
        for (int i = 0; i < 1000; ++i) {
            ics += "BEGIN:VEVENT\r\nUID:bulk-" + std::to_string(i) + "\r\nSUMMARY:Event " + std::to_string(i) + "\r\n";
            if (i != 517) ics += "DTSTART:202503" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) +
                                 "T" + std::string(i % 24 < 10 ? "0" : "") + std::to_string(i % 24) + "0000Z\r\n";
            ics += "END:VEVENT\r\n";
        }
        ics += "END:VCALENDAR\r\n";
        const auto source = ensureSource(*conn, "bulk", Format::Ics);
        const auto report = ingestPayload(*conn, source, ics, "bulk.ics", opts());
        QCOMPARE(report.created, std::size_t{999});
        QCOMPARE(report.quarantined.size(), std::size_t{1});
        QCOMPARE(report.quarantined[0].ref, std::string("bulk-517"));
        QVERIFY(QString::fromStdString(report.quarantined[0].reason).contains(QLatin1String("DTSTART")));
        QCOMPARE(count(*conn, "SELECT count(*) FROM events"), std::int64_t{999});
        QCOMPARE(count(*conn, "SELECT count(*) FROM quarantine WHERE resolved_at IS NULL AND raw LIKE '%bulk-517%'"),
                 std::int64_t{1});
        const auto json = report.toJson();
        QCOMPARE(json["new"].get<int>(), 999);
        QCOMPARE(json["quarantined"].size(), std::size_t{1});
        // A second run quarantines the same record again without a second open entry.
        ingestPayload(*conn, source, ics, "bulk.ics", opts());
        QCOMPARE(count(*conn, "SELECT count(*) FROM quarantine"), std::int64_t{1});
        QCOMPARE(count(*conn, "SELECT attempts FROM quarantine"), std::int64_t{2});
    }

    // The catalog stage indexes its events for search set-based, with the per-row trigger
    // stepping aside: the result must be exactly the trigger's, for new rows and for updated
    // ones (which keep their own tags), and every vocabulary word must be learned.
    void ingestedEventsAreIndexedLikeTheTrigger() {
        TestDatabase db;
        auto conn = db.connect();
        const auto source = ensureSource(*conn, "city-ics", Format::Ics);
        const auto triggerAgrees = [&] { return indexedLikeTheTrigger(*conn); };

        QCOMPARE(ingestPayload(*conn, source, kIcsFeed, "city.ics", opts()).created, std::size_t{1});
        QVERIFY(count(*conn, "SELECT count(*) FROM events WHERE search_vector @@ to_tsquery('simple', 'quasimodo') "
                             "AND search_title = 'winter jazz night'") == 1);
        QVERIFY(count(*conn, "SELECT count(*) FROM search_vocabulary WHERE word IN ('winter', 'quasimodo', 'three')") == 3);
        QVERIFY(triggerAgrees());

        // An update of the same record, on an event that carries tags of its own.
        {
            pqxx::work tx(*conn);
            tx.exec0("UPDATE events SET tags = '{Saxophon}'");
            tx.commit();
        }
        std::string changed = kIcsFeed;
        changed.replace(changed.find("Three sets"), 10, "Four long sets with Kontrabass");
        QCOMPARE(ingestPayload(*conn, source, changed, "city.ics", opts()).updated, std::size_t{1});
        QVERIFY(count(*conn, "SELECT count(*) FROM events WHERE search_vector @@ to_tsquery('simple', 'kontrabass') "
                             "AND search_vector @@ to_tsquery('simple', 'saxophon')") == 1);
        QVERIFY(triggerAgrees());

        // A feed large enough that its words are learned ahead on the second connection while
        // the run decides (new rows, then every row changed): still exactly the trigger's.
        const auto big = [](const std::string& extra) {
            static const char* kWords[] = {"Konzerte", "running", "Théâtre", "Ελληνικά", "Straße", "Mädchen", "½ price",
                                           "jazz", "the", "Æsop's", "naïve", "runners"};
            std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
            for (int i = 0; i < 1200; ++i)
                ics += "BEGIN:VEVENT\r\nUID:big-" + std::to_string(i) + "\r\nSUMMARY:" + kWords[i % 12] + " " +
                       kWords[(i / 12) % 12] + " " + std::to_string(i) + "\r\nDESCRIPTION:" + kWords[(i + 5) % 12] +
                       " und " + kWords[(i / 7) % 12] + extra + "\r\nLOCATION:" + (i % 2 ? "Volksbühne" : "SO36") +
                       "\\, Berlin\r\nDTSTART:20250301T" + std::to_string(10 + i % 10) + "0000Z\r\nEND:VEVENT\r\n";
            return ics + "END:VCALENDAR\r\n";
        };
        const auto feed = ensureSource(*conn, "big-feed", Format::Ics);
        QCOMPARE(ingestPayload(*conn, feed, big(""), "big.ics", opts()).created, std::size_t{1200});
        QVERIFY(triggerAgrees());
        QCOMPARE(ingestPayload(*conn, feed, big(" Kammermusik"), "big.ics", opts()).updated, std::size_t{1200});
        QVERIFY(count(*conn, "SELECT count(*) FROM events WHERE search_vector @@ to_tsquery('simple', 'kammermusik')") ==
                1200);
        QVERIFY(triggerAgrees());
    }

    // The vectors are built in C++ from a lexicon of words (SearchIndexer): text that is not
    // plain ASCII words (accents, ligatures, other scripts, symbols unaccent expands, quotes,
    // backslashes, scientific numbers), stop words only, a lexeme repeated past the
    // 250-position guard and a word too long for the lexicon (both left to SQL), performers
    // and venues with accents: every row must still be exactly what the trigger computes.
    void awkwardTextIsIndexedLikeTheTrigger() {
        TestDatabase db;
        auto conn = db.connect();
        const auto source = ensureSource(*conn, "awkward-csv", Format::Csv);
        std::string jazz;
        for (int i = 0; i < 300; ++i) jazz += "Jazz, ";
        const std::string longWord(1500, 'w');
        const std::string csv =
            "id,title,start,description,category,venue,city,performers\n"
            "u1,\"\u00dcn\u00efc\u00f6d\u00e9 Stra\u00dfe \u2014 Caf\u00e9 \u0152uvre \u00bd Price\",2025-03-01T20:00,"
            "\"Die B\u00fchne, the show's \\\\ back-slash 'quote' \u0391\u0398\u0397\u039d\u0391 \u6771\u4eac "
            "\ufb01ne 2e5 1e10 ab12cd x\u00b2 it's l'\u00e9t\u00e9 running runners\",Jazz,Volksb\u00fchne,Berlin,"
            "Bj\u00f6rk; Sigur R\u00f3s\n"
            "u2,The,2025-03-02T20:00,\"" + jazz + "\",Concert,SO36,Berlin,\n"
            "u3,Long word,2025-03-03T20:00,\"before " + longWord + " after\",Theatre,,,\n"
            "u4,The and of,2025-03-04T20:00,a an the,Comedy,Lido,Berlin,\n"
            "u5,Running Runners Ran,2025-03-05T20:00,,Classical,Schaub\u00fchne,Berlin,The Who\n";
        const auto report = ingestPayload(*conn, source, csv, "awkward.csv", opts());
        QCOMPARE(report.created, std::size_t{5});
        QVERIFY(report.quarantined.empty());
        QCOMPARE(count(*conn, "SELECT count(*) FROM events WHERE search_vector = ''"), std::int64_t{0});
        QCOMPARE(one(*conn, "SELECT search_title FROM events WHERE title LIKE 'Running%'"),
                 std::string("running runners ran"));
        QVERIFY(indexedLikeTheTrigger(*conn));

        // Updates of the same rows, on events that carry tags of their own.
        {
            pqxx::work tx(*conn);
            tx.exec0("UPDATE events SET tags = '{\"Fr\u00fchling\", \"open air\"}'");
            tx.commit();
        }
        std::string changed = csv;
        changed.replace(changed.find("running runners"), 15, "walking walkers");
        changed.replace(changed.find("a an the"), 8, "a the an");
        QCOMPARE(ingestPayload(*conn, source, changed, "awkward.csv", opts()).updated, std::size_t{2});
        QVERIFY(count(*conn, "SELECT count(*) FROM events WHERE search_vector @@ to_tsquery('simple', 'fruhling')") == 5);
        QVERIFY(indexedLikeTheTrigger(*conn));
    }

    // A record the database refuses (here a CHECK added for the test; in life a value
    // PostgreSQL will not take) costs only itself: the batch is split until it is alone, it is
    // quarantined with the database's message, and every other record, the ones after it
    // included, goes in with its change-log row.
    void databaseRefusalQuarantinesOnlyThatRecord() {
        TestDatabase db;
        auto conn = db.connect();
        {
            pqxx::work tx(*conn);
            tx.exec0("ALTER TABLE events ADD CONSTRAINT test_no_refuse CHECK (title NOT LIKE 'Refuse%')");
            tx.commit();
        }
        std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
        for (int i = 0; i < 37; ++i)
            ics += "BEGIN:VEVENT\r\nUID:db-" + std::to_string(i) + "\r\nSUMMARY:" +
                   (i == 23 ? std::string("Refuse me") : "Event " + std::to_string(i)) +
                   "\r\nDTSTART:20250301T1" + std::to_string(i % 10) + "0000Z\r\nEND:VEVENT\r\n";
        ics += "END:VCALENDAR\r\n";
        const auto source = ensureSource(*conn, "refusing", Format::Ics);
        const auto report = ingestPayload(*conn, source, ics, "db.ics", opts());
        QCOMPARE(report.created, std::size_t{36});
        QCOMPARE(report.quarantined.size(), std::size_t{1});
        QCOMPARE(report.quarantined[0].ref, std::string("db-23"));
        QVERIFY2(report.quarantined[0].reason.find("database refused the record") != std::string::npos &&
                     report.quarantined[0].reason.find("test_no_refuse") != std::string::npos,
                 report.quarantined[0].reason.c_str());
        QCOMPARE(count(*conn, "SELECT count(*) FROM events"), std::int64_t{36});
        QCOMPARE(count(*conn, "SELECT count(*) FROM event_provenance"), std::int64_t{36});
        QCOMPARE(count(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event'"), std::int64_t{36});
        QCOMPARE(count(*conn, "SELECT count(*) FROM quarantine WHERE ref = 'db-23' AND raw LIKE '%Refuse me%'"),
                 std::int64_t{1});
        // The run's record: done, every chunk (the split one once) committed.
        QCOMPARE(count(*conn, "SELECT count(*) FROM ingest_runs WHERE status = 'done' AND chunks_total = 6 "
                              "AND chunks_committed = 6"),
                 std::int64_t{1});
    }

    // What PostgreSQL itself refuses (no test constraint): a JSON string with \u0000, which
    // jsonb (the provenance data) and text columns do not take. A second record of an event
    // (the same @id, merged) whose own data is refused costs only itself: the event goes in
    // with its first record. An event whose only record is refused is quarantined whole, and
    // the venue the run created just for it is gone again (with a tombstone in the change log);
    // the venue the good events use stays.
    void aRefusedRecordCostsOnlyItselfAndLeavesNoVenue() {
        TestDatabase db;
        auto conn = db.connect();
        std::string page = "[";
        for (int i = 0; i < 9; ++i)
            page += "{\"@type\":\"MusicEvent\",\"@id\":\"fine-" + std::to_string(i) + "\",\"name\":\"Fine Night " +
                    std::to_string(i) + "\",\"startDate\":\"2027-03-1" + std::to_string(i) +
                    "T19:00:00Z\",\"location\":{\"@type\":\"Place\",\"name\":\"Harbour Hall\",\"address\":\"Kai 1\"}},";
        page += "{\"@type\":\"MusicEvent\",\"@id\":\"gig-1\",\"name\":\"Harbour Gig\",\"startDate\":\"2027-03-01T19:00:00Z\","
                "\"location\":{\"@type\":\"Place\",\"name\":\"Harbour Hall\",\"address\":\"Kai 1\"}},"
                "{\"@type\":\"MusicEvent\",\"@id\":\"gig-1\",\"name\":\"Harbour Gig\",\"startDate\":\"2027-03-01T19:00:00Z\","
                "\"url\":\"https://example.org/gig\\u0000\","
                "\"location\":{\"@type\":\"Place\",\"name\":\"Harbour Hall\",\"address\":\"Kai 1\"}},"
                "{\"@type\":\"MusicEvent\",\"@id\":\"lonely\",\"name\":\"Lonely Night\",\"startDate\":\"2027-03-05T19:00:00Z\","
                "\"url\":\"https://example.org/lonely\\u0000\","
                "\"location\":{\"@type\":\"Place\",\"name\":\"Refused Room\",\"address\":\"Gasse 2\"}}]";
        const auto source = ensureSource(*conn, "refusing-web", Format::JsonLd);
        const auto report = ingestPayload(*conn, source, page, "page", opts());
        std::string refs;
        for (const auto& q : report.quarantined) refs += q.ref + ": " + q.reason + "\n";
        QCOMPARE(report.created, std::size_t{10});
        QCOMPARE(report.quarantined.size(), std::size_t{2});
        QVERIFY2(refs.find("gig-1~2: database refused the record") != std::string::npos, refs.c_str());
        QVERIFY2(refs.find("lonely: database refused the record") != std::string::npos, refs.c_str());
        QVERIFY2(refs.find("\\u0000") != std::string::npos, refs.c_str()); // the database's own message
        QCOMPARE(count(*conn, "SELECT count(*) FROM events"), std::int64_t{10});
        QCOMPARE(count(*conn, "SELECT count(*) FROM event_provenance WHERE ref = 'gig-1'"), std::int64_t{1});
        QCOMPARE(count(*conn, "SELECT count(*) FROM event_provenance WHERE ref IN ('gig-1~2', 'lonely')"), std::int64_t{0});
        QCOMPARE(count(*conn, "SELECT count(*) FROM quarantine WHERE resolved_at IS NULL AND ref IN ('gig-1~2', 'lonely')"),
                 std::int64_t{2});
        QCOMPARE(count(*conn, "SELECT count(*) FROM venues WHERE name = 'Harbour Hall'"), std::int64_t{1});
        QCOMPARE(count(*conn, "SELECT count(*) FROM venues WHERE name = 'Refused Room'"), std::int64_t{0});
        QCOMPARE(count(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'venue' AND type = 'delete'"),
                 std::int64_t{1});
        QCOMPARE(count(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event'"), std::int64_t{10});
    }

    void cancellationFromAnySource() {
        TestDatabase db;
        auto conn = db.connect();
        const auto ics = ensureSource(*conn, "city-ics", Format::Ics);
        const auto page = ensureSource(*conn, "quasimodo-web", Format::JsonLd);
        ingestPayload(*conn, ics, kIcsFeed, "city.ics", opts());
        ingestPayload(*conn, page, kJsonLdPage, "page", opts());
        std::string cancelled = kJsonLdPage;
        cancelled.replace(cancelled.find("\"offers\""), 0, "\"eventStatus\":\"https://schema.org/EventCancelled\",");
        const auto logRows = count(*conn, "SELECT count(*) FROM change_log");
        const auto report = ingestPayload(*conn, page, cancelled, "page", opts());
        QCOMPARE(report.cancelled, std::size_t{1});
        QCOMPARE(one(*conn, "SELECT status FROM events"), std::string("cancelled"));
        QCOMPARE(count(*conn, "SELECT count(*) FROM change_log"), logRows + 1);
        // The owning feed re-sending its (scheduled) record does not undo the cancellation.
        std::string edited = kIcsFeed;
        edited.replace(edited.find("Three sets"), 10, "Four sets!");
        const auto again = ingestPayload(*conn, ics, edited, "city.ics", opts());
        QCOMPARE(again.updated, std::size_t{1});
        QCOMPARE(one(*conn, "SELECT status FROM events"), std::string("cancelled"));
        QCOMPARE(one(*conn, "SELECT description FROM events"), std::string("Four sets!, one night."));
    }

    void marqueeEventsAreNeverOverwritten() {
        TestDatabase db;
        auto conn = db.connect();
        const auto ics = ensureSource(*conn, "city-ics", Format::Ics);
        insertMarqueeEvent(*conn);
        std::string feed = kIcsFeed;
        feed.replace(feed.find("SUMMARY:"), 0, "STATUS:CANCELLED\r\n");
        const auto report = ingestPayload(*conn, ics, feed, "city.ics", opts());
        QCOMPARE(report.merged, std::size_t{1});
        QCOMPARE(report.created, std::size_t{0});
        QCOMPARE(report.cancelled, std::size_t{0});
        QCOMPARE(count(*conn, "SELECT count(*) FROM events"), std::int64_t{1});
        QCOMPARE(one(*conn, "SELECT status || '|' || description || '|' || source FROM events"),
                 std::string("scheduled||marquee"));
        QCOMPARE(one(*conn, "SELECT event_id::text FROM event_provenance"), std::string("22222222-2222-4222-8222-222222222222"));
    }

    void quarantineRetryAfterMappingFix() {
        TestDatabase db;
        auto conn = db.connect();
        auto source = ensureSource(*conn, "strict", Format::JsonLd);
        {
            pqxx::work tx(*conn);
            tx.exec0("UPDATE sources SET default_category = NULL WHERE name = 'strict'");
            tx.commit();
        }
        source.defaultCategory.clear();
        const std::string& page = kPage;
        const auto report = ingestPayload(*conn, source, page, "page", opts());
        QCOMPARE(report.quarantined.size(), std::size_t{1});
        QVERIFY2(QString::fromStdString(report.quarantined[0].reason).contains(QLatin1String("no category mapping for 'Poetry slam'")),
                 report.quarantined[0].reason.c_str());
        {
            pqxx::work tx(*conn);
            tx.exec_params0("INSERT INTO source_category_map (source_id, external, category_id) VALUES ($1, 'poetry slam', "
                            "'talks.readings')",
                            source.id);
            tx.commit();
        }
        const auto id = count(*conn, "SELECT id FROM quarantine");
        const auto retried = retryQuarantine(*conn, id, opts());
        QCOMPARE(retried.created, std::size_t{1});
        QVERIFY(retried.quarantined.empty());
        QCOMPARE(count(*conn, "SELECT count(*) FROM quarantine WHERE resolved_at IS NOT NULL"), std::int64_t{1});
        QCOMPARE(one(*conn, "SELECT category_id FROM events"), std::string("talks.readings"));
        QCOMPARE(count(*conn, "SELECT count(*) FROM raw_payloads"), std::int64_t{1}); // the retry reused the payload
    }

    void rescheduledEventKeepsItsId() {
        TestDatabase db;
        auto conn = db.connect();
        const auto source = ensureSource(*conn, "web", Format::JsonLd);
        const std::string& before = kBefore;
        const std::string& after = kAfter;
        QCOMPARE(ingestPayload(*conn, source, before, "p", opts()).created, std::size_t{1});
        const auto id = one(*conn, "SELECT id::text FROM events");
        const auto report = ingestPayload(*conn, source, after, "p", opts());
        QCOMPARE(report.updated, std::size_t{1});
        QCOMPARE(report.created, std::size_t{0});
        QCOMPARE(one(*conn, "SELECT id::text FROM events"), id);
        QCOMPARE(one(*conn, "SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM events"),
                 std::string("2025-07-01 18:00"));
        QCOMPARE(count(*conn, "SELECT count(*) FROM event_provenance"), std::int64_t{1});
    }

    // Two runs of one source at once (CLI + scheduler, two instances) take turns on the
    // source's lock: one creates every event, the other then finds them all unchanged; and a
    // run waits while another holder has the lock (checked through pg_locks).
    void concurrentRunsOfOneSourceTakeTurns() {
        TestDatabase db;
        auto conn = db.connect();
        std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
        for (int i = 0; i < 2000; ++i)
            ics += "BEGIN:VEVENT\r\nUID:turn-" + std::to_string(i) + "\r\nSUMMARY:Event " + std::to_string(i) +
                   "\r\nDTSTART:20250301T" + std::string(i % 24 < 10 ? "0" : "") + std::to_string(i % 24) +
                   "0000Z\r\nEND:VEVENT\r\n";
        ics += "END:VCALENDAR\r\n";
        const auto source = ensureSource(*conn, "twice", Format::Ics);
        IngestReport reports[2];
        {
            std::vector<std::thread> runs;
            for (auto& report : reports)
                runs.emplace_back([&] {
                    auto own = db.connect();
                    report = ingestPayload(*own, source, ics, "twice.ics", opts());
                });
            for (auto& run : runs) run.join();
        }
        QCOMPARE(reports[0].created + reports[1].created, std::size_t{2000});
        QCOMPARE(reports[0].unchanged + reports[1].unchanged, std::size_t{2000});
        QVERIFY(reports[0].quarantined.empty() && reports[1].quarantined.empty());
        QCOMPARE(count(*conn, "SELECT count(*) FROM events"), std::int64_t{2000});

        // A holder of the source's lock keeps a run waiting until it lets go.
        auto holder = db.connect();
        {
            pqxx::nontransaction tx(*holder);
            tx.exec_params1("SELECT pg_advisory_lock($1::int4, $2::int4)",
                            marquee::server::db::lockkey::kIngestSourceClass, sourceLockId(source.id));
        }
        std::string edited = ics;
        edited.replace(edited.find("SUMMARY:Event 7\r"), 16, "SUMMARY:Event 7!\r");
        IngestReport late;
        std::thread run([&] {
            auto own = db.connect();
            late = ingestPayload(*own, source, edited, "twice.ics", opts());
        });
        QTRY_VERIFY_WITH_TIMEOUT(count(*conn, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                                              "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                                              "AND classid = " + std::to_string(marquee::server::db::lockkey::kIngestSourceClass) +
                                              " AND objid = " + std::to_string(sourceLockId(source.id))) == 1,
                                 30'000);
        QCOMPARE(count(*conn, "SELECT count(*) FROM events WHERE title = 'Event 7!'"), std::int64_t{0});
        {
            pqxx::nontransaction tx(*holder);
            tx.exec_params1("SELECT pg_advisory_unlock($1::int4, $2::int4)",
                            marquee::server::db::lockkey::kIngestSourceClass, sourceLockId(source.id));
        }
        run.join();
        QCOMPARE(late.updated, std::size_t{1});
        QCOMPARE(count(*conn, "SELECT count(*) FROM events WHERE title = 'Event 7!'"), std::int64_t{1});
    }

    // Missing fields of a feed's event come from another source of the same merged event (the
    // owner's own values win); a Marquee event is never filled.
    void mergedSourcesFillMissingFields() {
        TestDatabase db;
        auto conn = db.connect();
        const auto ics = ensureSource(*conn, "city-ics", Format::Ics);
        const auto page = ensureSource(*conn, "quasimodo-web", Format::JsonLd);
        ingestPayload(*conn, ics, kIcsFeed, "city.ics", opts());
        std::string richPage = kJsonLdPage;
        richPage.replace(richPage.find("\"offers\""), 0,
                         "\"description\":\"A page description\",\"image\":\"https://quasimodo.example/w.jpg\","
                         "\"performer\":{\"@type\":\"Person\",\"name\":\"Anna Trio\"},");
        const auto report = ingestPayload(*conn, page, richPage, "page", opts());
        QCOMPARE(report.merged, std::size_t{1});
        // Owner (the feed) keeps its description; image, performers and price come from the page.
        QCOMPARE(one(*conn, "SELECT description || '|' || image_url || '|' || array_to_string(performers, ',') || '|' || "
                            "price_min_minor || '|' || source FROM events"),
                 std::string("Three sets, one night.|https://quasimodo.example/w.jpg|Anna Trio|1800|city-ics"));
        const auto logRows = count(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event'");
        // Re-running the page changes nothing; the feed re-sending its own (empty) fields does
        // not lose the filled ones.
        QCOMPARE(ingestPayload(*conn, page, richPage, "page", opts()).unchanged, std::size_t{1});
        std::string edited = kIcsFeed;
        edited.replace(edited.find("Three sets"), 10, "Four sets!");
        QCOMPARE(ingestPayload(*conn, ics, edited, "city.ics", opts()).updated, std::size_t{1});
        QCOMPARE(one(*conn, "SELECT description || '|' || image_url || '|' || price_min_minor FROM events"),
                 std::string("Four sets!, one night.|https://quasimodo.example/w.jpg|1800"));
        QCOMPARE(count(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event'"), logRows + 1);

        // A Marquee event takes nothing from a feed that merges into it.
        TestDatabase other;
        auto conn2 = other.connect();
        insertMarqueeEvent(*conn2);
        const auto page2 = ensureSource(*conn2, "quasimodo-web", Format::JsonLd);
        QCOMPARE(ingestPayload(*conn2, page2, richPage, "page", opts()).merged, std::size_t{1});
        QCOMPARE(one(*conn2, "SELECT description || '|' || image_url || '|' || price_min_minor FROM events"),
                 std::string("||0"));
    }

    // Every shared file through the whole pipeline: nothing throws, and every parsed record is
    // accounted for (catalog or quarantine); a payload-level failure is quarantined too.
    void realWorldFilesThroughTheCatalog() {
        const auto dir = std::filesystem::path(MARQUEE_SOURCE_DIR) / ".." / "shared" / "data" / "ical-real-world";
        if (!std::filesystem::is_directory(dir)) QSKIP("shared test data not found (../shared/data/ical-real-world)");
        TestDatabase db;
        auto conn = db.connect();
        std::size_t quarantined = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() != ".ics") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream content;
            content << in.rdbuf();
            const auto name = entry.path().filename().string();
            const auto source = ensureSource(*conn, name, Format::Ics);
            ParseOptions po;
            po.nowMs = opts().nowMs;
            const auto parsed = parseIcs(content.str(), po);
            const auto report = ingestPayload(*conn, source, content.str(), name, opts());
            const auto accounted = report.created + report.updated + report.merged + report.unchanged +
                                   report.quarantined.size();
            QVERIFY2(accounted == parsed.records.size() + (parsed.fatal.empty() ? 0 : 1), name.c_str());
            for (const auto& q : report.quarantined) QVERIFY2(!q.reason.empty(), name.c_str());
            quarantined += report.quarantined.size();
        }
        QCOMPARE(count(*conn, "SELECT count(*) FROM quarantine"), static_cast<std::int64_t>(quarantined));
        QCOMPARE(count(*conn, "SELECT count(*) FROM quarantine WHERE reason = '' OR raw = ''"), std::int64_t{0});
        // Spot check through the database: Vienna 10:00 CET, as that source said it (its UID 123456
        // also appears in events__event_with_unicode_fields.ics, so the two share one event).
        QCOMPARE(one(*conn, "SELECT to_char(to_timestamp((p.data->>'starts_at_ms')::bigint / 1000) AT TIME ZONE 'UTC', "
                            "'YYYY-MM-DD HH24:MI') || ' ' || (p.data->>'time_zone') "
                            "FROM event_provenance p JOIN sources s ON s.id = p.source_id "
                            "WHERE s.name = 'calendars__timezoned.ics'"),
                 std::string("2012-02-13 09:00 Europe/Vienna"));
    }
};

QTEST_GUILESS_MAIN(TestIngestCatalog)
#include "test_ingest_catalog.moc"
