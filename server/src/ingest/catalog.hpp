// Stage 3 of ingestion, set-based: a payload's standardised records are matched against the
// catalog (own provenance, UID, similar event at the same venue) with a few bulk lookups and
// decided in record order in memory, for the whole payload at once; the decided rows are then
// written with COPY + set-based SQL in chunks of events, each chunk its own transaction, on
// two connections at once.
#pragma once

#include "ingest/ingest.hpp"
#include "ingest/search_index.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace marquee::server::ingest {

class CatalogWriter {
public:
    CatalogWriter(const SourceConfig& source, std::int64_t rawPayloadId, const IngestOptions& options,
                  IngestReport& report);
    ~CatalogWriter();

    // Lookups, venues (created here), the decisions for every record, the search vectors and the
    // vocabulary, in `tx`; the caller commits it before writeChunks (the writers' rows refer to
    // the venues). `dataText` and `hashes`: each record's provenance data as stored, and its hash.
    // `learner` (optional): a second connection on which the words of the changed records are
    // stemmed for the search vectors while this one looks up and decides.
    void decide(pqxx::work& tx, const std::vector<StandardEvent>& records, const std::vector<std::string>& dataText,
                const std::vector<std::string>& hashes, pqxx::connection* learner);
    // How many chunks writeChunks will commit (an event travels with all its provenance and
    // change-log rows, so chunks are independent of each other and commit in any order).
    std::size_t chunkCount() const;
    // Writes the decided rows, one transaction per chunk, one thread per connection. A chunk the
    // database refuses (a constraint, say) is split in halves until the refused event is alone;
    // then each of its records is tried alone with the event, and only the records refused
    // there are left out (quarantined by finish() with the database's message); every other
    // event and record goes in. `runId`: the ingest_runs row whose committed-chunk count each chunk bumps.
    void writeChunks(const std::vector<pqxx::connection*>& connections, std::int64_t runId);
    // In `tx`, after the chunks: resolves the open quarantine entries of the records that went in,
    // quarantines the refused ones, deletes the venues this run created only for refused events,
    // and adds up the report's counts.
    void finish(pqxx::work& tx);
    // Frees the decisions (100,000 events' worth takes a while): callable on another thread
    // once finish() has returned.
    void release();
    void quarantine(pqxx::transaction_base& tx, const std::string& ref, const std::string& reason,
                    const std::string& raw);

private:
    struct Decisions;
    // `changedFound(indices)`: called once the records that are new or changed are known.
    void lookUpAndDecide(pqxx::transaction_base& tx, Decisions& d,
                         const std::function<void(std::vector<std::size_t>)>& changedFound);
    // What the database refused: a whole event (ref empty: all its records), or one record.
    struct Refusal {
        std::string eventId;
        std::string ref;
        std::string message;
    };
    // `leaveOut`: refs whose provenance rows are not written; `commit` false: a trial, rolled back.
    void writeChunk(pqxx::connection& conn, const std::vector<std::string>& eventIds, std::int64_t runId,
                    const std::unordered_set<std::string>& leaveOut = {}, bool commit = true);
    void writeRange(pqxx::connection& conn, const std::vector<std::string>& eventIds, std::int64_t runId,
                    std::vector<Refusal>& refused);
    void writeRefusedEvent(pqxx::connection& conn, const std::string& eventId, const std::string& message,
                           std::vector<Refusal>& refused);
    void dropVenuesOfRefusedEvents(pqxx::work& tx);

    const SourceConfig& m_source;
    std::int64_t m_rawPayloadId;
    const IngestOptions& m_options;
    IngestReport& m_report;
    std::int64_t m_wallMs;
    std::unordered_map<std::string, bool> m_othersAtVenue; // venue id -> other sources have events there
    SearchIndexer m_search;
    std::unique_ptr<Decisions> m_decisions;
    std::vector<Refusal> m_refused;
    StageClock m_clock;
};

} // namespace marquee::server::ingest
