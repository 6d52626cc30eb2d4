// Ingestion benchmark (issue 5): a generated iCalendar feed of N events (zones, recurring
// series, venues from a list, duplicates, a few broken records) is parsed, standardised,
// de-duplicated and upserted into a fresh PostgreSQL database by ingestPayload, and again
// (all unchanged). Baselines in the same run: a raw libical parse of the same file, and a raw
// COPY of the same catalog rows into a table shaped like `events`. Prints wall and CPU time
// (this process, and the PostgreSQL backends of both writer connections), the stages of the ingest, and when the new
// events were searchable through the real search service.
#include "ingest/ingest.hpp"
#include "ingest/libical.hpp"
#include "ingest/parsers.hpp"
#include "marquee/v1/search.pb.h"
#include "services/api_internal.hpp"
#include "test_db.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <pqxx/pqxx>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using namespace marquee::server::ingest;
using marquee::test::TestDatabase;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds (user + system) used so far by this process, all threads.
double ownCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// CPU seconds of another local process (/proc/<pid>/stat fields 14 and 15): the PostgreSQL
// backend serving a connection.
double processCpuSeconds(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')'); // the command name may contain spaces
    if (close == std::string::npos) return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i)
        if (i >= 14) ticks += std::stod(field);
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

// CPU seconds of the PostgreSQL backends serving these connections, together.
double backendsCpuSeconds(const std::vector<int>& pids) {
    double total = 0;
    for (const auto pid : pids) total += processCpuSeconds(pid);
    return total;
}

// Wall time and CPU time of this process and of PostgreSQL backends over a phase.
struct Phase {
    explicit Phase(std::vector<int> backendPids) : m_backends(std::move(backendPids)) { start(); }
    void start() {
        m_start = Clock::now();
        m_cpu = ownCpuSeconds();
        m_backendCpu = backendsCpuSeconds(m_backends);
    }
    void stop() {
        wall = secondsSince(m_start);
        cpu = ownCpuSeconds() - m_cpu;
        backendCpu = backendsCpuSeconds(m_backends) - m_backendCpu;
    }
    std::string cpuText() const {
        char text[96];
        std::snprintf(text, sizeof text, "CPU %.2f s here + %.2f s PostgreSQL", cpu, backendCpu);
        return text;
    }
    double wall = 0, cpu = 0, backendCpu = 0;

private:
    std::vector<int> m_backends;
    Clock::time_point m_start;
    double m_cpu;
    double m_backendCpu;
};

[[noreturn]] void fail(const std::string& why) {
    std::fprintf(stderr, "bench_ingest: %s\n", why.c_str());
    std::exit(1);
}

constexpr std::int64_t kNowMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z

struct VenueSpec {
    const char* name;
    const char* street;
    double lat;
    double lon;
};
// Real Berlin venues (names and rough coordinates), as a city feed would list them.
constexpr VenueSpec kVenues[] = {
    {"Quasimodo", "Kantstr. 12a", 52.5069, 13.3218},        {"Berghain", "Am Wriezener Bahnhof", 52.5111, 13.4430},
    {"SO36", "Oranienstr. 190", 52.5003, 13.4222},          {"Lido", "Cuvrystr. 7", 52.4986, 13.4452},
    {"Columbiahalle", "Columbiadamm 13", 52.4850, 13.3910}, {"Astra Kulturhaus", "Revaler Str. 99", 52.5074, 13.4530},
    {"Volksbühne", "Linienstr. 227", 52.5270, 13.4117},     {"Schaubühne", "Kurfürstendamm 153", 52.4990, 13.3030},
    {"Philharmonie", "Herbert-von-Karajan-Str. 1", 52.5100, 13.3698},
    {"Konzerthaus", "Gendarmenmarkt", 52.5136, 13.3919},    {"A-Trane", "Pestalozzistr. 105", 52.5071, 13.3127},
    {"B-Flat", "Dircksenstr. 40", 52.5236, 13.4094},        {"Festsaal Kreuzberg", "Am Flutgraben 2", 52.4960, 13.4530},
    {"Heimathafen Neukölln", "Karl-Marx-Str. 141", 52.4769, 13.4387},
    {"Admiralspalast", "Friedrichstr. 101", 52.5210, 13.3880},
    {"Tempodrom", "Möckernstr. 10", 52.5010, 13.3810},      {"Uber Eats Music Hall", "Uber-Platz 2", 52.5050, 13.4440},
    {"Wintergarten Varieté", "Potsdamer Str. 96", 52.5030, 13.3640},
    {"Gorki Theater", "Am Festungsgraben 2", 52.5180, 13.3960},
    {"Hebbel am Ufer", "Hallesches Ufer 32", 52.4990, 13.3850},
};
constexpr const char* kCategories[] = {"Jazz", "Concert", "Theatre", "Comedy", "Classical", "Club", "Dance", "Readings"};
constexpr const char* kWords[] = {"Night", "Quartet", "Festival", "Live", "Session", "Blue", "Moon", "Brass", "Soul",
                                  "Summer", "Spring", "Opening", "Gala", "Premiere", "Matinee", "Trio"};

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// Local wall-clock "YYYYMMDDTHHMMSS" for day `d` (0 = 2026-01-01, within the first half year).
std::string localStamp(int d, int hour, int minute) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30};
    int month = 0;
    while (d >= kDays[month]) d -= kDays[month++];
    return "2026" + two(month + 1) + two(d + 1) + "T" + two(hour) + two(minute) + "00";
}

struct Feed {
    std::string ics;
    std::size_t occurrences = 0; // records the parser will produce
    std::size_t duplicates = 0;  // VEVENTs repeating an earlier UID
    std::size_t broken = 0;      // VEVENTs without DTSTART
};

// Every 40th VEVENT is a weekly series of 8, every 100th repeats the previous UID (a feed
// listing the same event twice), one in 2000 has no DTSTART; zones: Berlin TZID, UTC,
// New York TZID, floating.
Feed generateFeed(std::size_t wanted) {
    Feed feed;
    feed.ics.reserve(wanted * 420);
    feed.ics += "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Marquee bench//City feed//EN\r\nCALSCALE:GREGORIAN\r\n"
                "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nX-LIC-LOCATION:Europe/Berlin\r\n"
                "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n"
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
                "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n"
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
    std::size_t i = 0;
    while (feed.occurrences < wanted) {
        const bool duplicate = i % 100 == 99;
        const bool series = !duplicate && i % 40 == 39 && wanted - feed.occurrences >= 8;
        const bool broken = i % 2000 == 1000;
        const std::size_t uidIndex = duplicate ? i - 1 : i;
        const auto& venue = kVenues[uidIndex % std::size(kVenues)];
        const int day = static_cast<int>((uidIndex * 7) % (series ? 120 : 170)); // series stay in the horizon
        const int hour = 17 + static_cast<int>(uidIndex % 5);
        const int minute = static_cast<int>((uidIndex % 4) * 15);
        const std::string title = std::string(kWords[uidIndex % 16]) + " " + kWords[(uidIndex / 16) % 16] + " #" +
                                  std::to_string(uidIndex);
        std::string e = "BEGIN:VEVENT\r\nUID:bench-" + std::to_string(uidIndex) + "@city.example\r\n";
        e += "DTSTAMP:20251201T120000Z\r\nSUMMARY:" + title + "\r\n";
        e += "DESCRIPTION:<p>An evening at " + std::string(venue.name) +
             " with <b>live music</b> and guests. Doors open an hour before\\, tickets at the door.</p>\r\n";
        e += "LOCATION:" + std::string(venue.name) + "\\, " + venue.street + "\\, Berlin\r\n";
        char geo[64];
        std::snprintf(geo, sizeof geo, "GEO:%.4f;%.4f\r\n", venue.lat, venue.lon);
        e += geo;
        e += "CATEGORIES:" + std::string(kCategories[uidIndex % std::size(kCategories)]) + "\r\n";
        if (!broken) {
            switch (uidIndex % 4) {
            case 0:
            case 1:
                e += "DTSTART;TZID=Europe/Berlin:" + localStamp(day, hour, minute) + "\r\n";
                e += "DTEND;TZID=Europe/Berlin:" + localStamp(day, hour + 2, minute) + "\r\n";
                break;
            case 2:
                e += "DTSTART:" + localStamp(day, hour - 2, minute) + "Z\r\nDURATION:PT2H30M\r\n";
                break;
            default:
                e += "DTSTART:" + localStamp(day, hour, minute) + "\r\n"; // floating: the source's zone
                break;
            }
        }
        if (series) e += "RRULE:FREQ=WEEKLY;COUNT=8\r\n";
        e += "URL:https://city.example/events/" + std::to_string(uidIndex) + "\r\nEND:VEVENT\r\n";
        feed.ics += e;
        feed.occurrences += series ? 8 : 1;
        feed.duplicates += duplicate ? 1 : 0;
        feed.broken += broken ? 1 : 0;
        ++i;
    }
    feed.ics += "END:VCALENDAR\r\n";
    return feed;
}

// Baseline 1: libical alone, parsing the same text and touching every VEVENT's DTSTART.
double rawLibicalParse(const std::string& ics, std::size_t& components) {
    const auto start = Clock::now();
    icalcomponent* root = icalparser_parse_string(ics.c_str());
    if (root == nullptr) fail("libical could not parse the feed");
    components = 0;
    for (icalcomponent* c = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); c != nullptr;
         c = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
        const auto dt = icalcomponent_get_dtstart(c);
        if (!icaltime_is_null_time(dt)) ++components;
    }
    const double seconds = secondsSince(start);
    icalcomponent_free(root);
    return seconds;
}

std::int64_t scalar(pqxx::connection& conn, const std::string& sql) {
    pqxx::read_transaction tx(conn);
    return tx.exec1(sql)[0].as<std::int64_t>();
}

// Baseline 2: COPY of the same catalog rows (as the ingest wrote them) into a fresh table
// shaped like `events`, with its indexes: what writing the rows alone costs.
Phase rawCopy(pqxx::connection& conn, std::size_t& rows) {
    pqxx::result data;
    {
        pqxx::read_transaction tx(conn);
        data = tx.exec("SELECT id::text, title, description, category_id, starts_at::text, ends_at::text, time_zone, "
                       "venue_id::text, price_min_minor::text, price_max_minor::text, currency, status, image_url, "
                       "source FROM events");
    }
    {
        pqxx::work tx(conn);
        tx.exec0("CREATE TABLE bench_events (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
        tx.commit();
    }
    Phase phase({conn.backendpid()});
    pqxx::work tx(conn);
    pqxx::stream_to copy(tx, "bench_events",
                         std::vector<std::string>{"id", "title", "description", "category_id", "starts_at", "ends_at",
                                                  "time_zone", "venue_id", "price_min_minor", "price_max_minor",
                                                  "currency", "status", "image_url", "source"});
    std::array<const char*, 14> values{}; // libpqxx 6 streams tuple-like rows; nullptr is NULL
    for (const auto& row : data) {
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = row[static_cast<pqxx::row::size_type>(i)].is_null() ? nullptr : row[static_cast<pqxx::row::size_type>(i)].c_str();
        copy << values;
    }
    copy.complete();
    tx.commit();
    rows = data.size();
    phase.stop();
    return phase;
}

// The events whose stored vector differs from search_document() over their final row, in a
// sample of `rows` events (search_document costs about a millisecond per event).
std::int64_t vectorsDifferingFromSql(pqxx::connection& conn, int rows) {
    pqxx::read_transaction tx(conn);
    return tx.exec1("SELECT count(*) FROM (SELECT * FROM events ORDER BY md5(id::text) LIMIT " + std::to_string(rows) +
                    ") e WHERE search_vector IS DISTINCT FROM search_document(title, search_event_people(performers, "
                    "venue_id), search_event_labels(tags, category_id), description) "
                    "OR search_title IS DISTINCT FROM coalesce(search_fold(title), '')")[0]
        .as<std::int64_t>();
}

// Whether the real search service finds an event with exactly this title.
bool searchFinds(pqxx::connection& conn, const std::string& title) {
    marquee::v1::SearchRequest request;
    request.set_query(title);
    request.set_limit(20);
    const auto response = marquee::server::detail::search(conn, request, kNowMs);
    for (const auto& hit : response.hits())
        if (hit.event().title() == title) return true;
    return false;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t events = 100'000;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--events") == 0) events = std::strtoul(argv[i + 1], nullptr, 10);
    IngestOptions options;
    for (int i = 1; i + 1 < argc; ++i) // a chunk larger than the feed: one writer, for comparison
        if (std::strcmp(argv[i], "--chunk-events") == 0) options.chunkEvents = std::strtoul(argv[i + 1], nullptr, 10);
    if (!TestDatabase::available()) fail("needs the ctest 'postgres' fixture (MARQUEE_TEST_PG_DIR)");
    const auto loadBefore = loadAverage();

    const auto feed = generateFeed(events);
    std::printf("feed: %zu occurrences, %zu duplicate VEVENTs, %zu broken, %.1f MB\n", feed.occurrences,
                feed.duplicates, feed.broken, static_cast<double>(feed.ics.size()) / 1e6);

    std::size_t components = 0;
    Phase libical({});
    rawLibicalParse(feed.ics, components);
    libical.stop();

    options.nowMs = kNowMs;
    ParseOptions parseOptions;
    parseOptions.nowMs = kNowMs;
    Phase parse({});
    const auto parsed = parseIcs(feed.ics, parseOptions);
    parse.stop();

    TestDatabase db;
    auto conn = db.connect();
    auto searchConn = db.connect();
    // The run writes its chunks on its own connection and a second one; the bench hands it the
    // second so that both backends' CPU is measured.
    auto writerConn = db.connect();
    options.writerConnection = writerConn.get();
    const std::vector<int> backends{conn->backendpid(), writerConn->backendpid()};
    options.processCpuClock = ownCpuSeconds;
    options.databaseCpuClock = [&backends] { return backendsCpuSeconds(backends); };
    const auto source = ensureSource(*conn, "bench-city", Format::Ics);
    // The last record of the feed that is an event of its own (not a duplicate, not broken).
    std::string probeTitle;
    for (auto it = parsed.records.rbegin(); it != parsed.records.rend() && probeTitle.empty(); ++it)
        if (it->problem.empty()) probeTitle = it->title;

    Phase first(backends);
    const auto ingestStart = Clock::now();
    const auto report = ingestPayload(*conn, source, feed.ics, "bench.ics", options);
    first.stop();
    // Vectors are written in the ingest transaction: the first search after the commit must find it.
    const bool found = searchFinds(*searchConn, probeTitle);
    const double searchableSeconds = secondsSince(ingestStart);
    if (!found) fail("the search service does not find '" + probeTitle + "' after the ingest committed");

    Phase second(backends);
    const auto rerun = ingestPayload(*conn, source, feed.ics, "bench.ics", options);
    second.stop();

    // The run must have done the whole job, or its time means nothing.
    const auto eventRows = scalar(*conn, "SELECT count(*) FROM events");
    const auto logRows = scalar(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event'");
    const auto venueRows = scalar(*conn, "SELECT count(*) FROM venues");
    const auto emptyVectors = scalar(*conn, "SELECT count(*) FROM events WHERE search_vector = ''");
    const std::size_t expectedEvents = parsed.records.size() - feed.duplicates - feed.broken;
    if (report.created != expectedEvents || report.merged != feed.duplicates ||
        report.quarantined.size() != feed.broken || static_cast<std::size_t>(eventRows) != expectedEvents ||
        static_cast<std::size_t>(logRows) != expectedEvents || venueRows != static_cast<std::int64_t>(std::size(kVenues)))
        fail("unexpected result: " + report.toJson().dump().substr(0, 300) + " events=" + std::to_string(eventRows) +
             " log=" + std::to_string(logRows) + " venues=" + std::to_string(venueRows));
    if (rerun.unchanged != report.created + report.merged || rerun.created + rerun.updated + rerun.merged != 0)
        fail("the re-run changed something: " + rerun.toJson().dump().substr(0, 300));
    constexpr int kVectorSample = 1000;
    const auto differing = vectorsDifferingFromSql(*conn, kVectorSample);
    if (emptyVectors != 0 || differing != 0)
        fail(std::to_string(emptyVectors) + " events without a search vector, " + std::to_string(differing) + " of " +
             std::to_string(kVectorSample) + " sampled vectors differ from search_document()");

    std::size_t copiedRows = 0;
    const auto copy = rawCopy(*conn, copiedRows);
    const double copySeconds = copy.wall;

    const double baselines = libical.wall + copySeconds;
    std::printf("load average before / after: %s / %s (2 cores)\n", loadBefore.c_str(), loadAverage().c_str());
    std::printf("raw libical parse (baseline):       %7.3f s  (%zu VEVENTs; %s)\n", libical.wall, components,
                libical.cpuText().c_str());
    std::printf("parse (libical + expansion + zones): %7.3f s  (%zu records; %s)\n", parse.wall,
                parsed.records.size(), parse.cpuText().c_str());
    std::printf("raw PostgreSQL COPY (baseline):      %7.3f s  (%zu rows into a copy of events; %s)\n", copySeconds,
                copiedRows, copy.cpuText().c_str());
    std::printf("ingest, new feed:                    %7.3f s  (%zu new, %zu merged, %zu quarantined; %.0f records/s; %s)\n",
                first.wall, report.created, report.merged, report.quarantined.size(),
                static_cast<double>(parsed.records.size()) / first.wall, first.cpuText().c_str());
    for (const auto& stage : report.stages)
        std::printf("    %-66s %7.3f s  (CPU %.3f s here + %.3f s PostgreSQL)\n", stage.stage.c_str(),
                    stage.wallSeconds, stage.processCpuSeconds, stage.databaseCpuSeconds);
    std::printf("searchable (search service finds the last event):  %7.3f s after the ingest started\n",
                searchableSeconds);
    std::printf("ingest, same feed again:             %7.3f s  (%zu unchanged; %s)\n", second.wall, rerun.unchanged,
                second.cpuText().c_str());
    std::printf("ingest / (libical parse + COPY):     %7.2f\n", first.wall / baselines);
    std::printf("search vectors: none empty, %d sampled equal to search_document()\n", kVectorSample);
    return 0;
}
