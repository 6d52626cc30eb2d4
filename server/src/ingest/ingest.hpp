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

// Stores the payload, parses, standardises and writes the catalog, all in one transaction.
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

// The second int4 of a source's advisory-lock key (class db::lockkey::kIngestSourceClass).
std::int32_t sourceLockId(std::int64_t sourceId);

// Inserts the taxonomy categories that are missing, with their change-log rows.
void ensureTaxonomy(pqxx::transaction_base& tx);

} // namespace marquee::server::ingest
