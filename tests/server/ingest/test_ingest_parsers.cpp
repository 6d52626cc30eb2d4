// Ingest parsers and standardisation without a database: the real-world iCalendar sweep
// (every file ingests with correct UTC times or gets a clear reason), hand-checked times,
// recurrences, JSON-LD shapes, CSV errors, text helpers.
#include "ingest/parsers.hpp"
#include "utc_time.hpp"
#include "ingest/standardise.hpp"
#include "ingest/text.hpp"

#include <date/date.h>

#include <QtTest>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

using namespace marquee::server::ingest;
using marquee::test::utc;

namespace {

std::filesystem::path sharedData() {
    return std::filesystem::path(MARQUEE_SOURCE_DIR) / ".." / "shared" / "data" / "ical-real-world";
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string iso(std::int64_t ms) {
    return date::format("%FT%TZ", date::floor<std::chrono::seconds>(
                                      date::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms}}));
}

ParseOptions options(const char* now = "2025-01-01T00:00:00Z", const char* zone = "Europe/Berlin") {
    ParseOptions o;
    o.nowMs = utc(now);
    o.defaultZone = zone;
    return o;
}

const RawEventRecord* byRef(const ParseResult& r, const std::string& ref) {
    for (const auto& rec : r.records)
        if (rec.ref == ref) return &rec;
    return nullptr;
}

} // namespace


// Test data as plain literals: moc 6.4 mis-reads multi-line raw strings and then finds no
// Q_OBJECT class.
namespace {
const std::string kHtml = "<html><head>\n"
    "<script type=\"application/ld+json\">\n"
    "{\"@context\":\"https://schema.org\",\"@graph\":[\n"
    "  {\"@type\":\"Place\",\"@id\":\"#hall\",\"name\":\"Quasimodo\",\"address\":{\"@type\":\"PostalAddress\",\"streetAddress\":\"Kantstr. 12a\",\n"
    "   \"addressLocality\":\"Berlin\",\"postalCode\":\"10623\",\"addressCountry\":\"DE\"},\"geo\":{\"latitude\":52.5069,\"longitude\":13.3218}},\n"
    "  {\"@type\":\"MusicEvent\",\"@id\":\"https://ex.org/e/1\",\"name\":\"Late &amp; Live\",\"startDate\":\"2025-06-01T20:00:00+02:00\",\n"
    "   \"endDate\":\"2025-06-01T22:30:00+02:00\",\"location\":{\"@id\":\"#hall\"},\n"
    "   \"offers\":[{\"@type\":\"Offer\",\"price\":\"15.50\",\"priceCurrency\":\"EUR\"},{\"@type\":\"Offer\",\"price\":\"25\",\"priceCurrency\":\"EUR\"}],\n"
    "   \"description\":\"<p>Two sets.</p><p>Doors 19:30</p>\",\"performer\":[{\"@type\":\"MusicGroup\",\"name\":\"The Trio\"}]},\n"
    "  {\"@type\":\"TheaterEvent\",\"name\":\"No start\",\"location\":\"Somewhere\"}\n"
    "]}\n"
    "</script>\n"
    "<SCRIPT TYPE='application/ld+json'>[\n"
    " {\"@type\":[\"Event\"],\"name\":\"Online talk\",\"startDate\":\"2025-06-02T18:00:00Z\",\n"
    "  \"location\":{\"@type\":\"VirtualLocation\",\"url\":\"https://stream.example\"},\"eventStatus\":\"https://schema.org/EventCancelled\"},\n"
    " {\"@type\":\"ComedyEvent\",\"name\":\"Moved show\",\"startDate\":\"2025-07-01T20:00\",\"previousStartDate\":\"2025-06-20T20:00\",\n"
    "  \"eventStatus\":\"EventRescheduled\",\"url\":\"https://ex.org/moved\"}\n"
    "]</SCRIPT></head><body></body></html>";
} // namespace

class TestIngestParsers : public QObject {
    Q_OBJECT
private slots:
    // Every shared file: parses without crashing or hanging; every record either standardises
    // to an event with a UTC start or carries a non-empty reason. A payload-level failure has
    // a reason too.
    void sweepRealWorldFiles() {
        const auto dir = sharedData();
        if (!std::filesystem::is_directory(dir))
            QSKIP(qPrintable(QStringLiteral("shared test data not found at %1 (the ../shared folder beside the checkout)")
                                 .arg(QString::fromStdString(dir.string()))));
        SourceConfig source;
        source.name = "sweep";
        std::size_t files = 0;
        std::size_t events = 0;
        std::size_t quarantined = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() != ".ics") continue;
            ++files;
            const auto result = parseIcs(readFile(entry.path()), options());
            const auto name = entry.path().filename().string();
            if (!result.fatal.empty()) {
                ++quarantined;
                continue;
            }
            for (const auto& rec : result.records) {
                const auto s = standardise(rec, source);
                if (s.event) {
                    ++events;
                    QVERIFY2(s.event->event.startsAtMs > 0, name.c_str());
                    QVERIFY2(!s.event->event.timeZone.empty(), name.c_str());
                    QVERIFY2(!rec.ref.empty(), name.c_str());
                } else {
                    ++quarantined;
                    QVERIFY2(!s.reason.empty(), (name + ": empty quarantine reason").c_str());
                }
            }
        }
        QVERIFY(files >= 150);
        QVERIFY(events > 100);
        QVERIFY(quarantined > 30);
    }

    // Exact UTC start (and end where given), each checked by hand against the file's DTSTART/DTEND
    // and TZID (offsets from the IANA rules for that date).
    void handCheckedTimes_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("ref");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<QString>("zone");
        const auto row = [](const char* tag, const char* file, const char* ref, const char* start, const char* end,
                            const char* zone) {
            QTest::newRow(tag) << QString::fromUtf8(file) << QString::fromUtf8(ref) << QString::fromUtf8(start)
                               << QString::fromUtf8(end) << QString::fromUtf8(zone);
        };
        // DTSTART:20241004T181500Z (UTC)
        row("google utc", "calendars__alarm_google_acknowledged.ics", "79fs7pkqvht9m5igs0vjv1sfra@google.com",
            "2024-10-04T18:15:00Z", "2024-10-04T19:00:00Z", "");
        // 08:00 in the file's VTIMEZONE custom_America/New_York, EDT (-4) in August
        row("custom vtimezone", "calendars__america_new_york.ics", "noend123", "2014-08-29T12:00:00Z",
            "2014-08-29T14:00:00Z", "America/New_York");
        // 10:00 America/New_York without VTIMEZONE, EST (-5) in January
        row("iana tzid no vtimezone", "calendars__issue_1050_all_components.ics", "event-1", "2025-01-15T15:00:00Z",
            "2025-01-15T16:00:00Z", "America/New_York");
        row("tzid param", "calendars__issue_1081_tzid_param.ics", "test-123", "2025-01-01T15:00:00Z", "",
            "America/New_York");
        // /freeassociation.sourceforge.net/Europe/Berlin 14:00, CEST (+2)
        row("libical prefix", "calendars__issue_313_globally_unique_tzid.ics", "libical-evolution@issue-313",
            "2020-04-26T12:00:00Z", "2020-04-26T13:00:00Z", "Europe/Berlin");
        // /mozilla.org/20070129_1/America/New_York 14:00, EDT (-4)
        row("mozilla prefix", "calendars__issue_313_globally_unique_tzid.ics", "mozilla-lightning@issue-313",
            "2020-04-26T18:00:00Z", "2020-04-26T19:00:00Z", "America/New_York");
        // .../Tzfile/America/Argentina/Buenos_Aires 14:00, ART (-3)
        row("three-part olson", "calendars__issue_313_globally_unique_tzid.ics", "multipart-olson@issue-313",
            "2020-04-26T17:00:00Z", "2020-04-26T18:00:00Z", "America/Argentina/Buenos_Aires");
        // Europe/Berlin 10:20 on 2020-04-03, CEST (+2)
        row("berlin summer", "calendars__issue_321_assert_dst_offset_is_not_false.ics",
            "TCK6EMQBQHQ8KB4PDQPT04Q7HBYNS2MEPZMO", "2020-04-03T08:20:00Z", "2020-04-03T09:30:00Z", "Europe/Berlin");
        row("utc with odd values", "calendars__issue_348_exception_parsing_value.ics", "SIXT_9879691160",
            "2019-06-24T06:30:00Z", "2019-06-24T16:30:00Z", "");
        // Windows name "Eastern Standard Time" 17:00 on 2024-10-28, still EDT (-4) until 3 Nov
        row("windows zone", "calendars__issue_836_do_not_quote_tzid.ics", "minimal-demo-event-est-20241028@example.com",
            "2024-10-28T21:00:00Z", "2024-10-28T22:00:00Z", "America/New_York");
        row("named zone", "calendars__multiple_timezones.ics", "test-vtime-named-timezone", "2021-03-02T05:00:00Z", "",
            "America/New_York");
        row("utc", "calendars__multiple_timezones.ics", "test-vtime-utc", "2021-03-02T00:00:00Z", "", "");
        // Floating 00:00 = the source's zone (Europe/Berlin, CET +1)
        row("floating", "calendars__multiple_timezones.ics", "test-vtime-floating", "2021-03-01T23:00:00Z", "",
            "Europe/Berlin");
        // custom_Pacific/Fiji 08:00, +12 (no DST in August 2014)
        row("fiji", "calendars__pacific_fiji.ics", "noend123", "2014-08-28T20:00:00Z", "", "Pacific/Fiji");
        // "Pacific Standard Time" 12:00, PST (-8)
        row("quoted windows tzid", "calendars__timezone_same_start.ics",
            "040000008200E00074C5B7101A82E0080000000090E19664858ED20100000000000000", "2017-02-24T20:00:00Z",
            "2017-02-24T20:30:00Z", "America/Los_Angeles");
        // "Tokyo Standard Time" 12:00, JST (+9)
        row("tokyo", "calendars__timezone_same_start_and_offset.ics", "blafoobar", "2017-02-24T03:00:00Z",
            "2017-02-24T03:30:00Z", "Asia/Tokyo");
        // Europe/Vienna 10:00-18:00 (four days later), CET (+1)
        row("vienna", "calendars__timezoned.ics", "123456", "2012-02-13T09:00:00Z", "2012-02-17T17:00:00Z",
            "Europe/Vienna");
        // America/New_York 18:30-21:30 in July, EDT (-4): the end crosses midnight UTC
        row("meetup", "events__issue_53_description_parsed_properly.ics", "event_qtkfrcyqkbnb@meetup.com",
            "2012-07-12T22:30:00Z", "2012-07-13T01:30:00Z", "America/New_York");
        row("rfc 9074", "events__rfc_9074_example_1.ics", "AC67C078-CED3-4BF5-9726-832C3749F627",
            "2021-03-02T15:30:00Z", "2021-03-02T16:30:00Z", "America/New_York");
        // All-day 2022-01-01 with DTEND equal to DTSTART: midnight Berlin, one day long
        row("all day", "calendars__example.ics", "636a0cc1dbd5a1667894465@icalendar", "2021-12-31T23:00:00Z",
            "2022-01-01T23:00:00Z", "Europe/Berlin");
        // VTIMEZONE "UTC+11" (no IANA name): 23:00 local = 12:00Z, kept as the fixed-offset zone
        row("offset-only vtimezone", "calendars__issue_218_bad_tzid.ics", "1961094_636238800000000000",
            "2017-02-28T12:00:00Z", "2017-02-28T12:30:00Z", "Etc/GMT-11");
        // Custom zone switching +10 -> +12 -> +10; 08:00 in March is +12
        row("custom transitions", "calendars__issue_722_timezone_transition_ambiguity.ics", "0",
            "2024-03-02T20:00:00Z", "", "Etc/GMT-12");
    }

    // A big single-calendar file is parsed by libical in two halves on two threads: every
    // shared real-world file (forced down to two events) and a generated feed with a VTIMEZONE,
    // series, overrides (RECURRENCE-ID) in the other half than their master, repeated UIDs
    // (~2 refs) and broken events give exactly the records of the one-piece parse, in order.
    void parsingInHalvesGivesTheSameRecords() {
        const auto describe = [](const ParseResult& result) {
            std::ostringstream out;
            const auto ms = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "-"; };
            out << result.fatal << '|' << result.outsideHorizon << '\n';
            for (const auto& r : result.records) {
                out << r.ref << '|' << r.uid << '|' << r.title << '|' << r.description << '|' << ms(r.startUtcMs) << '|'
                    << ms(r.endUtcMs) << '|' << r.timeZone << '|' << r.allDay << '|' << r.status << '|'
                    << ms(r.previousStartUtcMs) << '|' << r.location.name << '|' << r.location.city << '|' << r.url
                    << '|' << r.problem << '|' << r.raw << '|';
                for (const auto& c : r.categories) out << c << ',';
                out << '\n';
            }
            return out.str();
        };
        auto whole = options();
        whole.parseInHalvesFrom = std::numeric_limits<std::size_t>::max();
        auto halves = options();
        halves.parseInHalvesFrom = 2;
        std::string feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Halves\r\n";
        for (int i = 0; i < 3000; ++i) {
            if (i == 1500) // the zone in the middle of the calendar: both halves must see it
                feed += "BEGIN:VTIMEZONE\r\nTZID:Custom/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n"
                        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
            const auto n = std::to_string(i % 2900); // the last 100 repeat earlier UIDs
            feed += "BEGIN:VEVENT\r\nUID:h-" + n + "\r\nSUMMARY:Event " + std::to_string(i) + "\r\n";
            if (i % 1000 != 7) feed += "DTSTART;TZID=Custom/Berlin:20250301T" + std::to_string(10 + i % 10) + "0000\r\n";
            if (i % 500 == 3) feed += "RRULE:FREQ=WEEKLY;COUNT=4\r\n";
            feed += "END:VEVENT\r\n";
        }
        // Overrides of series from the first half, at the end of the file.
        for (int i = 3; i < 1500; i += 500)
            feed += "BEGIN:VEVENT\r\nUID:h-" + std::to_string(i) + "\r\nRECURRENCE-ID;TZID=Custom/Berlin:20250308T" +
                    std::to_string(10 + i % 10) + "0000\r\nSUMMARY:Moved\r\nDTSTART:20250309T120000Z\r\nEND:VEVENT\r\n";
        feed += "END:VCALENDAR\r\n";
        const auto one = parseIcs(feed, whole);
        QVERIFY(one.records.size() > 3000); // the series' occurrences
        QCOMPARE(describe(parseIcs(feed, halves)), describe(one));
        QVERIFY(describe(one).find("h-0~2|") != std::string::npos);
        QVERIFY(describe(one).find("|Moved|") != std::string::npos);
        // A VEVENT outside the calendar, or a second calendar: parsed in one piece, as before.
        for (const auto& odd : {feed + "BEGIN:VEVENT\r\nUID:stray\r\nSUMMARY:Stray\r\nDTSTART;TZID=Custom/Berlin:"
                                       "20250301T100000\r\nEND:VEVENT\r\n",
                                feed + "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:second\r\n"
                                       "SUMMARY:Second\r\nDTSTART:20250301T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"})
            QCOMPARE(describe(parseIcs(odd, halves)), describe(parseIcs(odd, whole)));

        const auto dir = sharedData();
        if (!std::filesystem::is_directory(dir)) return;
        std::size_t files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() != ".ics") continue;
            const auto text = readFile(entry.path());
            const auto expected = describe(parseIcs(text, whole));
            QVERIFY2(describe(parseIcs(text, halves)) == expected, entry.path().filename().c_str());
            ++files;
        }
        QVERIFY(files > 10);
    }

    void handCheckedTimes() {
        QFETCH(QString, file);
        QFETCH(QString, ref);
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(QString, zone);
        const auto path = sharedData() / file.toStdString();
        if (!std::filesystem::exists(path)) QSKIP("shared test data not found (../shared/data/ical-real-world)");
        const auto result = parseIcs(readFile(path), options());
        QVERIFY(result.fatal.empty());
        const auto* rec = byRef(result, ref.toStdString());
        QVERIFY2(rec, qPrintable(ref));
        QVERIFY2(rec->problem.empty(), rec->problem.c_str());
        QVERIFY(rec->startUtcMs);
        QCOMPARE(QString::fromStdString(iso(*rec->startUtcMs)), start);
        if (!end.isEmpty()) {
            QVERIFY(rec->endUtcMs);
            QCOMPARE(QString::fromStdString(iso(*rec->endUtcMs)), end);
        }
        if (!zone.isEmpty()) QCOMPARE(QString::fromStdString(rec->timeZone), zone);
    }

    void clearReasons_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("invalid dtstart") << "calendars__broken_dtstart.ics" << "DTSTART";
        QTest::newRow("absurd duration") << "calendars__invalid_duration.ics" << "DURATION is longer than a year";
        QTest::newRow("unknown tzid") << "calendars__issue_722_missing_VTIMEZONE_custom.ics" << "unknown time zone TZID 'CUSTOM_tzid'";
        QTest::newRow("no dtstart") << "calendars__issue_1050_multiple_calendars.ics" << "missing or unreadable DTSTART";
    }

    void clearReasons() {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const auto path = sharedData() / file.toStdString();
        if (!std::filesystem::exists(path)) QSKIP("shared test data not found (../shared/data/ical-real-world)");
        const auto result = parseIcs(readFile(path), options());
        QVERIFY(!result.records.empty());
        for (const auto& rec : result.records) {
            SourceConfig source;
            const auto s = standardise(rec, source);
            QVERIFY(!s.event);
            QVERIFY2(QString::fromStdString(s.reason).contains(reason), s.reason.c_str());
        }
    }

    // RFC 5545 example semantics: DTSTART 1996-04-01 01:00 floating, daily, EXDATE 2-4 April.
    void rruleWithExdates() {
        const auto path = sharedData() / "events__event_with_recurrence.ics";
        if (!std::filesystem::exists(path)) QSKIP("shared test data not found (../shared/data/ical-real-world)");
        auto o = options("1996-04-01T00:00:00Z", "Etc/UTC");
        o.horizonDays = 7;
        const auto result = parseIcs(readFile(path), o);
        std::vector<std::string> starts;
        for (const auto& rec : result.records) starts.push_back(iso(*rec.startUtcMs));
        // The window ends 1996-04-08 00:00Z, so the 8 April occurrence is outside it.
        QCOMPARE(starts, (std::vector<std::string>{"1996-04-01T01:00:00Z", "1996-04-05T01:00:00Z", "1996-04-06T01:00:00Z",
                                                   "1996-04-07T01:00:00Z"}));
        QCOMPARE(result.records[1].ref.substr(result.records[1].ref.find('#') + 1), std::string("19960405T010000Z"));
    }

    // A weekly 19:00 Berlin series keeps 19:00 local across the DST change (18:00Z -> 17:00Z),
    // an override moves one instance, RDATE adds one, EXDATE removes one, the horizon bounds it.
    // (13 and 27 March are CET, +1; the 20th is an EXDATE; 3 April is CEST, +2, and its
    // occurrence was moved by the override to 4 April 20:00 CEST.)
    void recurrenceAcrossDst() {
        const std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                "BEGIN:VEVENT\r\nUID:series@x\r\nSUMMARY:Weekly jazz\r\n"
                                "DTSTART;TZID=Europe/Berlin:20250313T190000\r\nDURATION:PT2H\r\n"
                                "RRULE:FREQ=WEEKLY\r\nRDATE;TZID=Europe/Berlin:20250316T110000\r\n"
                                "EXDATE;TZID=Europe/Berlin:20250320T190000\r\nEND:VEVENT\r\n"
                                "BEGIN:VEVENT\r\nUID:series@x\r\nSUMMARY:Weekly jazz (moved)\r\n"
                                "RECURRENCE-ID;TZID=Europe/Berlin:20250403T190000\r\n"
                                "DTSTART;TZID=Europe/Berlin:20250404T200000\r\nDURATION:PT2H\r\nEND:VEVENT\r\n"
                                "END:VCALENDAR\r\n";
        auto o = options("2025-03-10T00:00:00Z");
        o.horizonDays = 28;
        const auto result = parseIcs(ics, o);
        std::vector<std::string> got;
        for (const auto& rec : result.records) got.push_back(rec.ref + " " + iso(*rec.startUtcMs));
        QCOMPARE(got, (std::vector<std::string>{"series@x#20250313T180000Z 2025-03-13T18:00:00Z",
                                                "series@x#20250316T100000Z 2025-03-16T10:00:00Z",
                                                "series@x#20250327T180000Z 2025-03-27T18:00:00Z",
                                                "series@x#20250403T170000Z 2025-04-04T18:00:00Z"}));
        QCOMPARE(*result.records[1].endUtcMs - *result.records[1].startUtcMs, std::int64_t{2 * 3'600'000});
    }

    void unboundedRuleIsBounded() {
        const std::string ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:fast\nSUMMARY:x\nDTSTART:19700101T000000Z\n"
                                "RRULE:FREQ=SECONDLY\nEND:VEVENT\nEND:VCALENDAR\n";
        const auto result = parseIcs(ics, options());
        QCOMPARE(result.records.size(), std::size_t{1});
        QVERIFY(QString::fromStdString(result.records[0].problem).contains(QLatin1String("steps")));
    }

    void latin1AndFoldedLines() {
        // "Caf\xE9" in Latin-1, a folded SUMMARY, LF-only line ends.
        const std::string ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:l1\nSUMMARY:Caf\xE9 con\n cert\n"
                                "DTSTART;VALUE=DATE:20250601\nEND:VEVENT\nEND:VCALENDAR\n";
        const auto result = parseIcs(ics, options());
        QCOMPARE(result.records.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(result.records[0].title), QStringLiteral("Caf\u00e9 concert"));
        QVERIFY(result.records[0].allDay);
        QCOMPARE(QString::fromStdString(iso(*result.records[0].startUtcMs)), QStringLiteral("2025-05-31T22:00:00Z"));
    }

    void cancelledStatus() {
        const std::string ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:c1\nSUMMARY:Gone\nSTATUS:CANCELLED\n"
                                "DTSTART:20250601T180000Z\nEND:VEVENT\nEND:VCALENDAR\n";
        const auto result = parseIcs(ics, options());
        QCOMPARE(result.records.at(0).status, std::string("cancelled"));
    }

    void jsonLdShapes() {
        const std::string& html = kHtml;
        const auto result = parseJsonLd(html, options());
        QVERIFY(result.fatal.empty());
        QCOMPARE(result.records.size(), std::size_t{4});
        const auto* music = byRef(result, "https://ex.org/e/1");
        QVERIFY(music);
        QCOMPARE(QString::fromStdString(iso(*music->startUtcMs)), QStringLiteral("2025-06-01T18:00:00Z"));
        QCOMPARE(QString::fromStdString(music->timeZone), QStringLiteral("Europe/Berlin"));
        QCOMPARE(QString::fromStdString(music->location.name), QStringLiteral("Quasimodo"));
        QCOMPARE(QString::fromStdString(music->location.city), QStringLiteral("Berlin"));
        QVERIFY(music->location.latitude);
        SourceConfig source;
        const auto s = standardise(*music, source);
        QVERIFY2(s.event, s.reason.c_str());
        QCOMPARE(QString::fromStdString(s.event->event.title), QStringLiteral("Late & Live"));
        QCOMPARE(QString::fromStdString(s.event->event.description), QStringLiteral("Two sets.\n\nDoors 19:30"));
        QCOMPARE(QString::fromStdString(s.event->event.categoryId), QStringLiteral("music"));
        QCOMPARE(s.event->event.price.minMinor, std::int64_t{1550});
        QCOMPARE(s.event->event.price.maxMinor, std::int64_t{2500});
        QCOMPARE(s.event->event.performers, std::vector<std::string>{"The Trio"});

        const auto noStart = std::find_if(result.records.begin(), result.records.end(),
                                           [](const RawEventRecord& r) { return r.title == "No start"; });
        QCOMPARE(QString::fromStdString(noStart->problem), QStringLiteral("missing startDate"));

        const auto online = std::find_if(result.records.begin(), result.records.end(),
                                          [](const RawEventRecord& r) { return r.title == "Online talk"; });
        QCOMPARE(online->status, std::string("cancelled"));
        QVERIFY(online->location.virtualOnly);

        const auto moved = std::find_if(result.records.begin(), result.records.end(),
                                         [](const RawEventRecord& r) { return r.title == "Moved show"; });
        QCOMPARE(moved->status, std::string("rescheduled"));
        QCOMPARE(QString::fromStdString(iso(*moved->startUtcMs)), QStringLiteral("2025-07-01T18:00:00Z"));
        QCOMPARE(QString::fromStdString(iso(*moved->previousStartUtcMs)), QStringLiteral("2025-06-20T18:00:00Z"));
        QCOMPARE(moved->altRefs, std::vector<std::string>{"https://ex.org/moved#2025-06-20T20:00"});
        QCOMPARE(QString::fromStdString(standardise(*moved, source).event->event.categoryId), QStringLiteral("comedy"));
    }

    void jsonLdBadInput() {
        QVERIFY(!parseJsonLd("<html>no data</html>", options()).fatal.empty());
        const auto broken = parseJsonLd("<script type=\"application/ld+json\">{\"@type\": \"Event\",</script>", options());
        QCOMPARE(broken.records.size(), std::size_t{1});
        QVERIFY(QString::fromStdString(broken.records[0].problem).contains(QLatin1String("not valid JSON")));
        const auto deep = parseJsonLd(std::string(100'000, '[') + std::string(100'000, ']'), options());
        QCOMPARE(deep.records.size(), std::size_t{1});
        QVERIFY(QString::fromStdString(deep.records[0].problem).contains(QLatin1String("nests deeper")));
    }

    void csvRowsAndErrors() {
        const std::string csv =
            "id,title,start,end,time_zone,venue,city,price_min,price_max,currency,category,status,performers\r\n"
            "a1,Jazz brunch,2025-06-01T11:00,2025-06-01T13:00,,Quasimodo,Berlin,10,\"12,50\",EUR,jazz,,A;B\r\n"
            "a2,\"Quoted, with \"\"quotes\"\"\nand a line break\",2025-06-02 20:00,,America/New_York,,,,,,,,\r\n"
            "a3,,2025-06-03T20:00,,,,,,,,,,\r\n"
            "a4,Bad time,tomorrow,,Mars/Base,,,abc,,EURO,,maybe,\r\n"
            "a5,Too few,2025-06-03T20:00\r\n";
        const auto result = parseCsv(csv, options());
        QVERIFY(result.fatal.empty());
        QCOMPARE(result.records.size(), std::size_t{5});
        const auto& brunch = result.records[0];
        QVERIFY(brunch.problem.empty());
        QCOMPARE(QString::fromStdString(iso(*brunch.startUtcMs)), QStringLiteral("2025-06-01T09:00:00Z"));
        SourceConfig source;
        const auto s = standardise(brunch, source);
        QVERIFY2(s.event, s.reason.c_str());
        QCOMPARE(s.event->event.price.minMinor, std::int64_t{1000});
        QCOMPARE(s.event->event.price.maxMinor, std::int64_t{1250});
        QCOMPARE(QString::fromStdString(s.event->event.categoryId), QStringLiteral("music.jazz"));
        QCOMPARE(s.event->event.performers, (std::vector<std::string>{"A", "B"}));
        const auto& quoted = result.records[1];
        QVERIFY2(quoted.problem.empty(), quoted.problem.c_str());
        QCOMPARE(QString::fromStdString(quoted.title), QStringLiteral("Quoted, with \"quotes\" and a line break"));
        QCOMPARE(QString::fromStdString(iso(*quoted.startUtcMs)), QStringLiteral("2025-06-03T00:00:00Z"));
        QCOMPARE(QString::fromStdString(result.records[2].problem), QStringLiteral("line 5: title: is empty"));
        const auto bad = QString::fromStdString(result.records[3].problem);
        QVERIFY2(bad.startsWith(QLatin1String("line 6: ")), qPrintable(bad));
        for (const char* part : {"time_zone: 'Mars/Base'", "start: 'tomorrow'", "price_min: 'abc'", "currency: 'EURO'",
                                 "status: 'maybe'"})
            QVERIFY2(bad.contains(QString::fromUtf8(part)), qPrintable(bad));
        QVERIFY(QString::fromStdString(result.records[4].problem).contains(QLatin1String("has 3 fields, the header has 13")));
        QCOMPARE(result.records[4].ref, std::string("a5"));
    }

    void csvHeaderErrors() {
        QVERIFY(QString::fromStdString(parseCsv("title,when\nx,y\n", options()).fatal).contains(QLatin1String("unknown column 'when'")));
        QVERIFY(QString::fromStdString(parseCsv("title\nx\n", options()).fatal).contains(QLatin1String("'start' is missing")));
        QVERIFY(!parseCsv("", options()).fatal.empty());
        // Semicolon-separated (German spreadsheet export)
        const auto semi = parseCsv("title;start\nKonzert;2025-06-01T20:00\n", options());
        QCOMPARE(semi.records.size(), std::size_t{1});
        QVERIFY(semi.records[0].problem.empty());
    }

    void textHelpers() {
        std::string c;
        QCOMPARE(parsePriceMinor("1.234,50 \xE2\x82\xAC", c).value_or(-1), std::int64_t{123450});
        QCOMPARE(QString::fromStdString(c), QStringLiteral("EUR"));
        c.clear();
        QCOMPARE(parsePriceMinor("Free", c).value_or(-1), std::int64_t{0});
        c = "JPY";
        QCOMPARE(parsePriceMinor("3000", c).value_or(-1), std::int64_t{3000});
        c.clear();
        QCOMPARE(parsePriceMinor("USD 1,500", c).value_or(-1), std::int64_t{150000});
        QCOMPARE(QString::fromStdString(htmlToText("<b>A</b>&nbsp;&amp;<br>B<script>x()</script>")), QStringLiteral("A &\nB"));
        QCOMPARE(QString::fromStdString(foldForMatch("Caf\xC3\xA9 M\xC3\xBCller-Stra\xC3\x9F" "e!")), QStringLiteral("cafe muller strase"));
        QCOMPARE(QString::fromStdString(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org")),
                 QStringLiteral("886313e1-3b8a-5372-9b90-0c9aee199e5d")); // RFC 4122 / Python uuid5 reference
        QCOMPARE(QString::fromStdString(toUtf8(std::string("\xFF\xFE" "A\0\xE9\0", 6))), QStringLiteral("A\u00e9"));
        const auto gap = parseIsoDateTime("2025-03-30T02:30", "Europe/Berlin");
        QCOMPARE(QString::fromStdString(iso(gap->utcMs)), QStringLiteral("2025-03-30T01:30:00Z")); // moved past the gap
    }
};

QTEST_GUILESS_MAIN(TestIngestParsers)
#include "test_ingest_parsers.moc"
