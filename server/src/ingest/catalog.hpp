// Stage 3 of ingestion, set-based: a payload's standardised records are matched against the
// catalog (own provenance, UID, similar event at the same venue) with a few bulk lookups,
// decided in record order in memory, and written with COPY + set-based SQL.
#pragma once

#include "ingest/ingest.hpp"
#include "ingest/search_index.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace marquee::server::ingest {

class CatalogWriter {
public:
    CatalogWriter(pqxx::work& tx, const SourceConfig& source, std::int64_t rawPayloadId, const IngestOptions& options,
                  IngestReport& report);

    // Writes the records in their order. A batch the database refuses (a constraint, say) is
    // rolled back to its savepoint and split in halves until the refused record is alone;
    // that record is quarantined with the database's message and every other one goes in.
    void write(const std::vector<StandardEvent>& records);
    void quarantine(const std::string& ref, const std::string& reason, const std::string& raw);

private:
    struct Batch;
    void writeRange(const std::vector<StandardEvent>& records, std::size_t begin, std::size_t end);
    void writeBatch(pqxx::transaction_base& tx, Batch& batch);

    pqxx::work& m_tx;
    const SourceConfig& m_source;
    std::int64_t m_rawPayloadId;
    const IngestOptions& m_options;
    IngestReport& m_report;
    std::int64_t m_wallMs;
    std::map<std::string, std::string> m_venues; // venue key -> id, for this run (committed batches only)
    std::unordered_map<std::string, bool> m_othersAtVenue; // venue id -> other sources have events there
    SearchIndexer m_search;                      // its caches last the run
    std::vector<std::string> m_dataText;         // per record of write(): provenance data as stored
    std::vector<std::string> m_hashes;           // ... and its hash
    StageClock m_clock;
};

} // namespace marquee::server::ingest
