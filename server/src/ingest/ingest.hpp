// Ingestion entry points: one payload from one source goes raw -> standardised -> catalog in
// one transaction, with every catalog write appended to the change log. Used by the CLI
// (`ingest --file`, `sources run`) and by the scheduled fetcher.
#pragma once

#include "ingest/model.hpp"
#include "ingest/progress.hpp"
#include "ingest/standardise.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::server::ingest {

struct IngestOptions {
    std::int64_t nowMs = 0;                      // 0: the system clock
    std::int64_t startToleranceMs = 30 * 60'000; // cross-source duplicates start this close ...
    double titleSimilarity = 0.4;                // ... have titles at least this similar (pg_trgm) ...
                                                 // ... and the same venue
    std::size_t maxRecords = 200'000;
    ProgressCallback onProgress;                 // optional; called from the run's threads
    // Optional: CPU seconds used so far by this process (all threads) and by the PostgreSQL
    // backend of the run's connection (the benchmark reads /proc), for the per-stage CPU times
    // in IngestReport::stages.
    std::function<double()> processCpuClock;
    std::function<double()> databaseCpuClock;
    // The catalog rows are written in chunks of this many events, each chunk its own
    // transaction, on two connections at once (the run's and a second one).
    std::size_t chunkEvents = 5000;
    // The second writer connection; null: the run opens one like its own (only when there is
    // more than one chunk) and closes it at the end.
    pqxx::connection* writerConnection = nullptr;
    // Optional: called from a writer thread after each chunk commits (committed so far, total).
    // The CLI's hidden --stop-after-chunks uses it to die between chunks, for the tests.
    std::function<void(std::size_t committed, std::size_t total)> onChunkCommitted;
};

// Time spent in one stage of a run (a stage may be entered once per batch; these are sums).
// A second thread's CPU counts in whatever stage the run's own thread is in meanwhile.
struct StageTime {
    std::string stage;
    double wallSeconds = 0;
    double processCpuSeconds = 0;  // by IngestOptions::processCpuClock; 0 without one
    double databaseCpuSeconds = 0; // by IngestOptions::databaseCpuClock; 0 without one
};

struct QuarantineItem {
    std::string ref;
    std::string reason;
};

struct IngestReport {
    std::size_t created = 0;   // "new"
    std::size_t updated = 0;
    std::size_t merged = 0;    // landed on an event another record (or Marquee) already had
    std::size_t cancelled = 0; // events this run turned cancelled
    std::size_t unchanged = 0;
    std::size_t outsideHorizon = 0;
    std::vector<QuarantineItem> quarantined;
    std::string fatal; // the payload as a whole could not be used (it is quarantined too)
    std::int64_t rawPayloadId = 0;
    std::vector<StageTime> stages; // in the order they first ran
    nlohmann::json toJson() const;
};

// Adds the time since its previous lap (or its start) to a stage's total in
// IngestReport::stages.
class StageClock {
public:
    StageClock(std::vector<StageTime>& totals, const IngestOptions& options);
    void lap(std::string_view stage);
    void skip(); // the time since the previous lap is not counted

private:
    std::vector<StageTime>& m_totals;
    std::function<double()> m_processCpuClock;
    std::function<double()> m_databaseCpuClock;
    std::chrono::steady_clock::time_point m_last;
    double m_lastProcessCpu = 0;
    double m_lastDatabaseCpu = 0;
};

// Creates the source if it does not exist (kind 'file', the given format) and returns its
// configuration with its category mappings. Throws std::invalid_argument for a bad name.
SourceConfig ensureSource(pqxx::connection& conn, const std::string& name, Format format);
SourceConfig loadSource(pqxx::transaction_base& tx, std::int64_t sourceId);

// Stores the payload (committed first), parses, standardises, decides, and writes the catalog
// in chunks that commit on their own (see docs/ingest.md, "Pipeline"). A run that dies half-way
// leaves its ingest_runs row 'running'; the next run of the source finishes it.
IngestReport ingestPayload(pqxx::connection& conn, const SourceConfig& source, const std::string& payload,
                           const std::string& origin, const IngestOptions& options);

// Re-runs the raw payload a quarantine entry came from (after an admin fixed the mapping).
// Returns the report of that run; the entry is resolved when its record now goes through.
IngestReport retryQuarantine(pqxx::connection& conn, std::int64_t quarantineId, const IngestOptions& options);

// Open (unresolved) quarantine entries, newest first; `sourceName` empty: every source.
struct QuarantineEntry {
    std::int64_t id = 0;
    std::string source;
    std::string ref;
    std::string reason;
    std::string raw;            // at most maxRawBytes of the record's raw text
    std::int64_t fetchedAtMs = 0; // when its payload was stored (the entry's creation without one)
    int attempts = 0;
};
std::vector<QuarantineEntry> listQuarantine(pqxx::connection& conn, const std::string& sourceName, std::size_t limit,
                                            std::size_t maxRawBytes);

// Maps `external` (folded as standardise() folds it) to taxonomy id `categoryId` for the
// source, replacing an earlier mapping. Throws std::invalid_argument for an unknown source or
// category, or an external word that folds to nothing.
void setCategoryMapping(pqxx::connection& conn, const std::string& sourceName, const std::string& external,
                        const std::string& categoryId);

// The mappings of one source (`sourceName` empty: every source), by source and external word.
struct CategoryMapping {
    std::string source;
    std::string external;   // folded as standardise() folds it
    std::string categoryId;
};
std::vector<CategoryMapping> listCategoryMappings(pqxx::connection& conn, const std::string& sourceName);

// One ingest run of a source (ingest_runs), as `sources runs` and the admin screen show it.
struct IngestRunInfo {
    std::int64_t id = 0;
    std::string source;
    // running (its source's lock is held), interrupted (died or failed; the next run of the
    // source re-runs its payload), completed (done, or finished by a later run), failed (a
    // re-run that did not finish, or a run given up after its re-runs failed)
    std::string state;
    std::string status;            // as stored: running, done, failed, interrupted, quarantined
    std::int64_t startedAtMs = 0;
    std::int64_t finishedAtMs = 0; // 0: not finished
    std::int64_t durationMs = 0;   // so far, while running; 0 for a run that died (when is unknown)
    int chunksTotal = 0;           // 0 until its decisions are made
    int chunksCommitted = 0;
    bool hasCounts = false;        // the counts below are known (the run is done)
    std::size_t seen = 0;          // new + changed + unchanged + quarantined
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t merged = 0;        // landed on an event another record (or Marquee) already had
    std::size_t unchanged = 0;
    std::size_t quarantined = 0;
    std::size_t cancelled = 0;
    std::string error;
    std::int64_t completesRunId = 0;   // this run re-ran that run's payload
    std::int64_t completedByRunId = 0; // the run that finished this one
    int rerunAttempts = 0;
    std::size_t changed() const { return updated + merged; }
};
inline constexpr int kMaxIngestReruns = 3; // re-runs that may fail before a run is given up

// The runs of a source (`sourceName` empty: every source), newest first.
std::vector<IngestRunInfo> listIngestRuns(pqxx::connection& conn, const std::string& sourceName, std::size_t limit);

// The second int4 of a source's advisory-lock key (class db::lockkey::kIngestSourceClass).
std::int32_t sourceLockId(std::int64_t sourceId);

// What a run does when another run of the same source (CLI, scheduler, another instance)
// holds the source's lock: wait for it to finish, or return at once (`sources run`: skipped).
enum class WhenBusy { Wait, Skip };

// The session-level per-source run lock (re-entrant within one session), released when the
// guard goes (or with the connection).
class SourceRunLock {
public:
    SourceRunLock(pqxx::connection& conn, std::int64_t sourceId);
    ~SourceRunLock();
    bool acquire(WhenBusy whenBusy); // false: busy (Skip)
    SourceRunLock(const SourceRunLock&) = delete;
    SourceRunLock& operator=(const SourceRunLock&) = delete;

private:
    pqxx::connection& m_conn;
    std::int32_t m_key;
    bool m_held = false;
};

// With the source's lock held (so no run of it is going): its runs left 'running' become
// 'interrupted' (a re-run's own row 'failed'), so that nothing shows as running that is not.
void markDeadRuns(pqxx::connection& conn, std::int64_t sourceId);

// Finishes the source's runs that died half-way (ingest_runs rows left 'running' or 'failed')
// by re-running their stored payloads, oldest first; takes the source's lock. Called at the
// start of every run and by `sources run` when the fetch finds nothing new (304). Returns how
// many runs it finished.
std::size_t completeInterruptedRuns(pqxx::connection& conn, const SourceConfig& source, const IngestOptions& options);

// Inserts the taxonomy categories that are missing, with their change-log rows.
void ensureTaxonomy(pqxx::transaction_base& tx);

} // namespace marquee::server::ingest
