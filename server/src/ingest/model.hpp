// The records that flow through ingestion: what a parser read (RawEventRecord), the parse
// limits it works under, and what a file run reports back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marquee::server::ingest {

enum class Format { Ics, JsonLd, Csv };

const char* formatName(Format format);
std::optional<Format> formatFromName(const std::string& name);
// Guesses from the file name and the first bytes; nullopt when nothing fits.
std::optional<Format> sniffFormat(const std::string& fileName, const std::string& content);

struct RawLocation {
    std::string name;
    std::string address; // street line(s)
    std::string city;
    std::string postalCode;
    std::string country;
    std::optional<double> latitude;
    std::optional<double> longitude;
    std::string url;      // VirtualLocation / online events
    bool virtualOnly = false;
    bool empty() const { return name.empty() && address.empty() && city.empty() && !latitude; }
};

struct RawOffer {
    std::string price;    // as written: "12.50", "12,50 €", "Free"
    std::string highPrice;
    std::string currency; // as written; may be empty
};

// One occurrence as a source described it, with its times already resolved to UTC by the
// parser (only the parser knows the file's time semantics: VTIMEZONE, TZID, offsets).
struct RawEventRecord {
    std::string ref;                  // stable per source: UID (+ "#" + recurrence instance), @id, CSV id
    std::vector<std::string> altRefs; // earlier refs of the same event (a rescheduled JSON-LD event)
    std::string uid;                  // globally meant identifier (ICS UID, JSON-LD @id); may be empty
    std::string title;
    std::string description;          // may contain HTML
    std::vector<std::string> categories;
    std::vector<std::string> performers;
    std::optional<std::int64_t> startUtcMs;
    std::optional<std::int64_t> endUtcMs;
    std::string timeZone;             // IANA zone the times are local to; empty: unknown
    bool allDay = false;
    std::string status = "scheduled"; // scheduled, cancelled, postponed, rescheduled
    std::optional<std::int64_t> previousStartUtcMs;
    RawLocation location;
    std::vector<RawOffer> offers;
    std::string url;
    std::string imageUrl;
    std::string raw;                  // the record's own text, kept for quarantine
    std::string problem;              // set by the parser: the record cannot be used, and why
};

struct ParseOptions {
    std::string defaultZone = "Europe/Berlin"; // floating and all-day times, offsets without a zone
    std::int64_t nowMs = 0;                    // recurrences are expanded from here ...
    int horizonDays = 180;                     // ... to here
    std::size_t maxRecords = 200'000;          // records past this are quarantined as one overflow
    std::size_t maxInstancesPerSeries = 1000;  // occurrences taken from one recurring event
    std::size_t maxRecurrenceSteps = 100'000;  // iterator steps per series (FREQ=SECONDLY from 1970...)
    // An iCalendar file with one VCALENDAR and at least this many VEVENTs is parsed by libical
    // in two halves on two threads (the same records, in the same order, as in one piece).
    std::size_t parseInHalvesFrom = 2000;
};

struct ParseResult {
    std::vector<RawEventRecord> records;
    std::size_t outsideHorizon = 0; // recurring series with no occurrence in the window
    std::string fatal;              // the payload as a whole is unusable (empty: fine)
};

} // namespace marquee::server::ingest
