// HTTP(S) fetching of a source's feed (conditional requests, time and size limits,
// redirects), and the per-source run that fetches, ingests and keeps the schedule / back-off
// state on the `sources` row. Used by `marquee-server sources run`.
#pragma once

#include "ingest/ingest.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// NOTIFY channel that `sources add` and `resume` signal, so the scheduler looks at once.
#define MARQUEE_SOURCES_CHANNEL "marquee_sources"

namespace marquee::server::ingest {

inline constexpr const char* kSourcesChannel = MARQUEE_SOURCES_CHANNEL;

struct FetchOptions {
    std::chrono::milliseconds timeout{30'000};     // whole request: resolve, connect, TLS, write, read (all hops)
    std::size_t maxBodyBytes = 16 * 1024 * 1024;
    int maxRedirects = 5;
    std::chrono::seconds backoffBase{60};          // first failure waits this long, each further one twice as long ...
    std::chrono::seconds backoffCap{6 * 3600};     // ... up to this
    std::string userAgent = "marquee-server";
    std::string extraCaFile;                       // PEM certificates trusted besides the system store
                                                   // (a private CA); empty: the system store only
};

struct FetchResult {
    enum class Status { Ok, NotModified, Failed };
    Status status = Status::Failed;
    int httpStatus = 0;       // of the last response; 0 when none came
    std::string body;
    std::string contentType;
    std::string etag;         // validators of the response (empty when it sent none)
    std::string lastModified;
    std::string finalUrl;     // after redirects
    std::string error;        // why it failed
};

// Fetches `url` (http:// or https://). Non-empty `etag` / `lastModified` are sent as
// If-None-Match / If-Modified-Since. Never throws for network or HTTP problems.
FetchResult fetchUrl(const std::string& url, const std::string& etag, const std::string& lastModified,
                     const FetchOptions& options);

// ---- Sources with a URL ---------------------------------------------------------------

struct SourceSpec {
    std::string name;
    std::string url;
    Format format = Format::Ics;
    int everyMinutes = 60;
    std::string zone = "Europe/Berlin";
};

struct SourceInfo {
    std::int64_t id = 0;
    std::string name;
    std::string kind;
    std::string url;
    std::string format;
    std::string zone;
    int intervalSeconds = 0;
    bool paused = false;
    int failures = 0;
    std::int64_t nextRunAtMs = 0;
    std::optional<std::int64_t> lastRunAtMs;
    std::string lastStatus;
    std::string lastError;
    nlohmann::json lastCounts;
    nlohmann::json toJson() const;
};

// Throws std::invalid_argument for a bad name, URL, interval or zone, or a taken name.
SourceInfo addSource(pqxx::connection& conn, const SourceSpec& spec);
std::vector<SourceInfo> listSources(pqxx::connection& conn);
std::optional<SourceInfo> findSource(pqxx::connection& conn, const std::string& name);
// False when there is no such source.
bool setSourcePaused(pqxx::connection& conn, const std::string& name, bool paused);

struct SourceRunResult {
    bool skipped = false;        // WhenBusy::Skip and another run of the source held its lock
    FetchResult::Status status = FetchResult::Status::Failed;
    std::string error;           // fetch failure, or the payload-level parse failure
    std::optional<IngestReport> report; // when a payload was ingested
    SourceInfo after;            // the row after the run (failures, next_run_at, ...)
};

// Fetches the source now (whatever its schedule or pause), ingests a new payload, and
// records the outcome: success or 304 resets `failures` and schedules the next run one
// interval ahead; a failure (fetch, HTTP status, or a payload that cannot be parsed at all)
// increments `failures` and sets next_run_at = now + min(base * 2^(failures-1), cap).
// Throws std::invalid_argument for an unknown source or one without a URL.
// Holds the source's advisory lock for the whole run (see db/lock_keys.hpp).
SourceRunResult runSource(pqxx::connection& conn, const std::string& name, const FetchOptions& fetchOptions,
                          const IngestOptions& ingestOptions, WhenBusy whenBusy = WhenBusy::Wait);

// The back-off delay after the n-th consecutive failure (n >= 1).
std::chrono::seconds backoffDelay(int failures, const FetchOptions& options);

} // namespace marquee::server::ingest
