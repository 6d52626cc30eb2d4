// Stage 1 (raw payload), the driver of stage 2 (standardise) and stage 3 (catalog: venue
// matching, de-duplication across sources, provenance, cancellation, change log), and the run
// record (ingest_runs) that lets the next run finish one that died half-way.
#include "ingest/ingest.hpp"

#include "ingest/catalog.hpp"
#include "ingest/halves.hpp"
#include "ingest/parsers.hpp"
#include "db/lock_keys.hpp"
#include "ingest/text.hpp"
#include "marquee/protocol/conversions.hpp"
#include "services/api_internal.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <iterator>
#include <memory>
#include <stdexcept>

namespace marquee::server::ingest {

namespace {

using detail::exec;
using detail::Statement;


constexpr Statement kInsertCategories{
    "ingest_insert_categories",
    "INSERT INTO categories (id, name, parent_id) "
    "SELECT r.id, r.name, NULLIF(r.parent_id, '') FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, parent_id text) "
    "ON CONFLICT (id) DO NOTHING RETURNING id, name, coalesce(parent_id, '')"};
constexpr Statement kCreateSource{
    "ingest_create_source",
    "INSERT INTO sources (name, format, default_category) VALUES ($1, $2, 'other') ON CONFLICT (name) DO NOTHING"};
constexpr Statement kSourceByName{"ingest_source_by_name", "SELECT id FROM sources WHERE name = $1"};
constexpr Statement kLoadSource{
    "ingest_load_source",
    "SELECT id, name, format, default_zone, default_currency, coalesce(default_category, ''), horizon_days "
    "FROM sources WHERE id = $1"};
constexpr Statement kLoadMap{"ingest_load_map", "SELECT external, category_id FROM source_category_map WHERE source_id = $1"};
constexpr Statement kListMappings{
    "ingest_list_mappings",
    "SELECT s.name, m.external, m.category_id FROM source_category_map m JOIN sources s ON s.id = m.source_id "
    "WHERE $1 = '' OR s.name = $1 ORDER BY s.name, m.external"};
constexpr Statement kInsertRaw{
    "ingest_insert_raw",
    "INSERT INTO raw_payloads (source_id, origin, content, sha256) VALUES ($1, $2, $3, $4) RETURNING id"};
constexpr Statement kTryLockRun{"ingest_try_lock_run", "SELECT pg_try_advisory_lock($1::int4, $2::int4)"};
constexpr Statement kLockRun{"ingest_lock_run", "SELECT pg_advisory_lock($1::int4, $2::int4)"};
constexpr Statement kUnlockRun{"ingest_unlock_run", "SELECT pg_advisory_unlock($1::int4, $2::int4)"};
// Runs of the source that did not finish and that nobody finished yet (with the source's lock
// held, none of them is still going); a re-run's own row is not re-run, nor a run given up.
// The payload's sha is NULL when its raw payload was deleted.
constexpr Statement kUnfinishedRuns{
    "ingest_unfinished_runs",
    "SELECT r.id, coalesce(r.raw_payload_id, 0), p.sha256, r.rerun_attempts, "
    "coalesce((SELECT b.error FROM ingest_runs b WHERE b.completes_run_id = r.id ORDER BY b.id DESC LIMIT 1), r.error) "
    "FROM ingest_runs r LEFT JOIN raw_payloads p ON p.id = r.raw_payload_id "
    "WHERE r.source_id = $1 AND r.status NOT IN ('done', 'quarantined') AND r.completed_by_run_id IS NULL "
    "AND r.completes_run_id IS NULL ORDER BY r.id"};
// With the source's lock held, no run of it is going: rows left 'running' are dead.
constexpr Statement kMarkInterrupted{
    "ingest_mark_interrupted",
    "UPDATE ingest_runs SET status = 'interrupted' WHERE source_id = $1 AND status = 'running' "
    "AND completes_run_id IS NULL"};
constexpr Statement kMarkDeadReruns{
    "ingest_mark_dead_reruns",
    "UPDATE ingest_runs SET status = 'failed', finished_at = now(), "
    "error = 'stopped without finishing (its process or connection died)' "
    "WHERE source_id = $1 AND status = 'running' AND completes_run_id IS NOT NULL"};
constexpr Statement kCountRerun{"ingest_count_rerun",
                                "UPDATE ingest_runs SET rerun_attempts = rerun_attempts + 1 WHERE id = ANY($1::bigint[])"};
constexpr Statement kGiveUpRun{
    "ingest_give_up_run",
    "UPDATE ingest_runs SET status = 'quarantined', finished_at = now(), error = $2 WHERE id = $1 "
    "RETURNING (SELECT origin || ', ' || octet_length(content) || ' bytes' FROM raw_payloads p WHERE p.id = ingest_runs.raw_payload_id)"};
constexpr Statement kQuarantineRun{
    "ingest_quarantine_run",
    "INSERT INTO quarantine (source_id, raw_payload_id, ref, reason, raw) VALUES ($1, NULLIF($2, 0), $3, $4, $5) "
    "ON CONFLICT (source_id, ref) WHERE resolved_at IS NULL DO UPDATE SET reason = excluded.reason, "
    "attempts = quarantine.attempts + 1, last_seen_at = now()"};
// Given-up runs of a payload, finished by a retry of their quarantine entry.
constexpr Statement kGivenUpRunsOf{
    "ingest_given_up_runs_of",
    "SELECT id FROM ingest_runs WHERE source_id = $1 AND raw_payload_id = $2 AND status = 'quarantined' "
    "AND completed_by_run_id IS NULL"};
constexpr Statement kRawPayload{"ingest_raw_payload", "SELECT origin, content FROM raw_payloads WHERE id = $1"};
constexpr Statement kStartRun{
    "ingest_start_run",
    "INSERT INTO ingest_runs (source_id, raw_payload_id, completes_run_id) VALUES ($1, $2, NULLIF($3, 0)) RETURNING id"};
// Recorded when the finishing run is done (never before: a re-run that fails finishes nothing),
// with the quarantine entries of given-up runs resolved.
constexpr Statement kCompletedBy{
    "ingest_completed_by",
    "WITH f AS (UPDATE ingest_runs SET completed_by_run_id = $2 WHERE id = ANY($1::bigint[]) "
    "AND completed_by_run_id IS NULL RETURNING source_id, 'run ' || id AS ref) "
    "UPDATE quarantine q SET resolved_at = now() FROM f WHERE q.source_id = f.source_id AND q.ref = f.ref "
    "AND q.resolved_at IS NULL"};
constexpr Statement kRunChunks{"ingest_run_chunks", "UPDATE ingest_runs SET chunks_total = $2 WHERE id = $1"};
constexpr Statement kRunDone{
    "ingest_run_done", "UPDATE ingest_runs SET status = 'done', finished_at = now(), counts = $2::jsonb WHERE id = $1"};
constexpr Statement kRunFailed{
    "ingest_run_failed", "UPDATE ingest_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1"};
// A run is running when it is the source's newest 'running' row and someone holds the source's
// lock (two-int4 advisory key: classid, objid, objsubid 2), on any server instance.
constexpr Statement kListRuns{
    "ingest_list_runs",
    "SELECT r.id, s.name, r.status, "
    "(extract(epoch FROM r.started_at) * 1000)::bigint, "
    "coalesce((extract(epoch FROM r.finished_at) * 1000)::bigint, 0), "
    "(extract(epoch FROM coalesce(r.finished_at, now())) * 1000)::bigint - "
    "(extract(epoch FROM r.started_at) * 1000)::bigint, "
    "r.chunks_total, r.chunks_committed, r.counts IS NOT NULL, "
    "coalesce((r.counts->>'new')::bigint, 0), "
    "coalesce((r.counts->>'updated')::bigint, 0), coalesce((r.counts->>'merged')::bigint, 0), "
    "coalesce((r.counts->>'unchanged')::bigint, 0), "
    "coalesce(jsonb_array_length(r.counts->'quarantined'), 0), "
    "coalesce((r.counts->>'cancelled')::bigint, 0), "
    "r.error, coalesce(r.completes_run_id, 0), coalesce(r.completed_by_run_id, 0), r.rerun_attempts, "
    "r.status = 'running' AND r.id = (SELECT max(o.id) FROM ingest_runs o WHERE o.source_id = r.source_id "
    "  AND o.status = 'running') "
    "  AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
    "  AND l.classid = $3::int4::oid AND l.objid = (r.source_id & 2147483647)::int4::oid "
    // pg_locks is cluster-wide and source ids restart at 1 in every database.
    "  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())) "
    "FROM ingest_runs r JOIN sources s ON s.id = r.source_id "
    "WHERE $1 = '' OR s.name = $1 ORDER BY r.id DESC LIMIT $2"};
constexpr Statement kQuarantineById{
    "ingest_quarantine_by_id",
    "SELECT q.source_id, coalesce(q.raw_payload_id, 0), q.ref, r.origin, r.content FROM quarantine q "
    "LEFT JOIN raw_payloads r ON r.id = q.raw_payload_id WHERE q.id = $1"};

constexpr Statement kListQuarantine{
    "ingest_list_quarantine",
    "SELECT q.id, s.name, q.ref, q.reason, left(q.raw, $3::int), "
    "(extract(epoch FROM coalesce(r.fetched_at, q.created_at)) * 1000)::bigint, q.attempts "
    "FROM quarantine q JOIN sources s ON s.id = q.source_id LEFT JOIN raw_payloads r ON r.id = q.raw_payload_id "
    "WHERE q.resolved_at IS NULL AND ($1 = '' OR s.name = $1) ORDER BY q.last_seen_at DESC, q.id DESC LIMIT $2"};
constexpr Statement kCategoryExists{"ingest_category_exists", "SELECT 1 FROM categories WHERE id = $1"};
constexpr Statement kSetMapping{
    "ingest_set_mapping",
    "INSERT INTO source_category_map (source_id, external, category_id) VALUES ($1, $2, $3) "
    "ON CONFLICT (source_id, external) DO UPDATE SET category_id = EXCLUDED.category_id"};

std::int64_t wallClockMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// What the payload turns into before the catalog stage: the parsed records, the standardised
// events with their provenance data and its hash (what tells an unchanged record), and the
// records standardising rejected (index into parsed.records, reason).
struct Prepared {
    ParseResult parsed;
    std::vector<StandardEvent> events;
    std::vector<std::string> dataText;
    std::vector<std::string> hashes;
    std::vector<std::pair<std::size_t, std::string>> rejected;
    double seconds = 0; // how long preparing took (on its own thread)
};

Prepared prepare(const SourceConfig& source, const std::string& payload, const ParseOptions& options,
                 const ProgressCallback& onProgress) {
    constexpr std::size_t kProgressEvery = 1000;
    const auto start = std::chrono::steady_clock::now();
    Prepared out;
    if (onProgress) onProgress(Stage::Parsing, 0, 0);
    out.parsed = parse(source.format, payload, options);
    // Standardising (and the provenance JSON and hash) looks at one record at a time: the two
    // halves on two threads, joined in record order.
    const auto count = out.parsed.records.size();
    if (onProgress) onProgress(Stage::Parsing, 0, count);
    std::atomic<std::size_t> done{0};
    std::array<Prepared, 2> halves;
    inTwoHalves(count, [&](std::size_t half, std::size_t begin, std::size_t end) {
        auto& part = halves[half];
        part.events.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) {
            if (onProgress && (i - begin) % kProgressEvery == kProgressEvery - 1)
                onProgress(Stage::Parsing, done += kProgressEvery, count);
            auto result = standardise(out.parsed.records[i], source);
            if (!result.event) {
                part.rejected.emplace_back(i, std::move(result.reason));
                continue;
            }
            part.dataText.push_back(result.event->data().dump());
            part.hashes.push_back(sha256Hex(part.dataText.back()));
            part.events.push_back(std::move(*result.event));
        }
    });
    const auto join = [](auto& first, auto& second) {
        std::move(second.begin(), second.end(), std::back_inserter(first));
        return std::move(first);
    };
    out.events = join(halves[0].events, halves[1].events);
    out.dataText = join(halves[0].dataText, halves[1].dataText);
    out.hashes = join(halves[0].hashes, halves[1].hashes);
    out.rejected = join(halves[0].rejected, halves[1].rejected);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

IngestReport run(pqxx::connection& conn, const SourceConfig& source, const std::string& payload,
                 const std::string& origin, const IngestOptions& options, std::int64_t existingRawId,
                 std::vector<std::int64_t> finishes);

// Gives the run up: 'quarantined' with the reason, and its payload in the quarantine (ref
// "run N"), where an admin sees it and can retry it after fixing the cause.
void giveUpRun(pqxx::connection& conn, const SourceConfig& source, std::int64_t runId, std::int64_t rawId,
               const std::string& reason) {
    pqxx::work tx(conn);
    const auto rows = exec(tx, kGiveUpRun, runId, reason);
    const auto described = rows.empty() || rows[0][0].is_null() ? std::string("its raw payload was deleted")
                                                                 : "raw payload " + rows[0][0].as<std::string>();
    exec(tx, kQuarantineRun, source.id, rawId, "run " + std::to_string(runId), reason, described);
    tx.commit();
}

std::string gaveUpReason(int attempts, const std::string& lastError) {
    return "ingest run given up after " + std::to_string(attempts) + " re-runs of its payload did not finish it; " +
           (lastError.empty() ? std::string("the last one stopped without an error (its process or connection died)")
                              : "the last one failed: " + lastError);
}

// Finishes the source's unfinished runs (oldest payload first) by re-running their stored
// payloads, once per distinct payload; runs whose payload is `currentSha` are left to the run
// about to start. A run counts every re-run of its payload (also the one about to start) and
// is finished only by one that is done; after kMaxIngestReruns that were not, it is given up
// (giveUpRun). Returns the runs the run about to start may finish; `finished` counts the
// runs re-runs finished.
std::vector<std::int64_t> finishUnfinishedRuns(pqxx::connection& conn, const SourceConfig& source,
                                               const IngestOptions& options, const std::string& currentSha,
                                               std::size_t& finished) {
    struct Payload {
        std::int64_t rawId = 0; // the newest copy of the payload
        std::vector<std::int64_t> runs;
        int attempts = 0; // the most any of its runs had
    };
    std::vector<std::pair<std::string, Payload>> payloads; // by sha, in order of their first run
    std::vector<std::pair<std::int64_t, std::string>> givenUp; // run id, reason
    std::vector<std::int64_t> rawOfGivenUp;
    {
        markDeadRuns(conn, source.id);
        pqxx::work tx(conn);
        for (const auto& row : exec(tx, kUnfinishedRuns, source.id)) {
            const auto id = row[0].as<std::int64_t>();
            const auto rawId = row[1].as<std::int64_t>();
            const auto attempts = row[3].as<int>();
            if (row[2].is_null()) {
                givenUp.emplace_back(id, "ingest run cannot be re-run: its raw payload was deleted");
                rawOfGivenUp.push_back(0);
                continue;
            }
            if (attempts >= kMaxIngestReruns) {
                givenUp.emplace_back(id, gaveUpReason(attempts, row[4].as<std::string>()));
                rawOfGivenUp.push_back(rawId);
                continue;
            }
            const auto sha = row[2].as<std::string>();
            auto it = std::find_if(payloads.begin(), payloads.end(), [&](const auto& p) { return p.first == sha; });
            if (it == payloads.end()) it = payloads.insert(payloads.end(), {sha, Payload{}});
            it->second.rawId = rawId;
            it->second.runs.push_back(id);
            it->second.attempts = std::max(it->second.attempts, attempts);
        }
        tx.commit();
    }
    for (std::size_t i = 0; i < givenUp.size(); ++i) giveUpRun(conn, source, givenUp[i].first, rawOfGivenUp[i], givenUp[i].second);
    std::vector<std::int64_t> sameAsCurrent;
    for (auto& [sha, payload] : payloads) {
        {
            // Counted before the re-run starts: a payload that kills its process counts too.
            pqxx::work tx(conn);
            exec(tx, kCountRerun, detail::integerArray(payload.runs));
            tx.commit();
        }
        if (sha == currentSha) {
            sameAsCurrent = payload.runs;
            continue;
        }
        std::string content;
        std::string origin;
        {
            pqxx::read_transaction tx(conn);
            const auto rows = exec(tx, kRawPayload, payload.rawId);
            if (rows.empty()) continue; // deleted meanwhile: given up by the next run
            origin = rows[0][0].as<std::string>();
            detail::appendBytea(rows[0][1], content);
        }
        try {
            run(conn, source, content, origin, options, payload.rawId, payload.runs);
            finished += payload.runs.size();
        } catch (const pqxx::broken_connection&) {
            throw;
        } catch (const std::exception& e) {
            // Recorded on the re-run's own row ('failed', with the error); the runs stay
            // unfinished until a re-run finishes them or they are given up, and this run goes
            // on with its own payload.
            if (payload.attempts + 1 >= kMaxIngestReruns)
                for (const auto id : payload.runs) giveUpRun(conn, source, id, payload.rawId, gaveUpReason(payload.attempts + 1, e.what()));
        }
    }
    return sameAsCurrent;
}

IngestReport run(pqxx::connection& conn, const SourceConfig& source, const std::string& payload,
                 const std::string& origin, const IngestOptions& options, std::int64_t existingRawId,
                 std::vector<std::int64_t> finishes) {
    IngestReport report;
    StageClock clock(report.stages, options);
    ParseOptions parseOptions;
    parseOptions.defaultZone = source.defaultZone;
    parseOptions.nowMs = options.nowMs != 0 ? options.nowMs : wallClockMs();
    parseOptions.horizonDays = source.horizonDays;
    parseOptions.maxRecords = options.maxRecords;
    // Parsing and standardising need no database: they run on a second thread while this one
    // waits for the source's lock and stores the raw payload (38 MB for a 100,000-event feed),
    // so the two overlap on two cores.
    auto prepared = std::async(std::launch::async, prepare, std::cref(source), std::cref(payload),
                               std::cref(parseOptions), std::cref(options.onProgress));

    // Two runs of one source (CLI, scheduler, another instance) write one after the other:
    // the second sees the first's provenance instead of racing it for the same rows. Held for
    // the whole run, across its transactions.
    SourceRunLock lock(conn, source.id);
    lock.acquire(WhenBusy::Wait);
    const auto sha = sha256Hex(payload);
    // A re-run of unfinished runs (`finishes`) has its own row that names the first of them;
    // any other run first re-runs the source's unfinished runs, and finishes those that had
    // its payload (or, retrying a quarantine entry, the given-up runs of that payload).
    const std::int64_t completesRunId = finishes.empty() ? 0 : finishes.front();
    if (finishes.empty()) {
        std::size_t finishedEarlier = 0;
        finishes = finishUnfinishedRuns(conn, source, options, sha, finishedEarlier);
        if (existingRawId != 0) {
            pqxx::read_transaction tx(conn);
            for (const auto& row : exec(tx, kGivenUpRunsOf, source.id, existingRawId))
                finishes.push_back(row[0].as<std::int64_t>());
        }
    }
    clock.skip();
    std::int64_t runId = 0;
    {
        // The payload and the run's record commit first: whatever happens later, the next run
        // can finish this one from here.
        pqxx::work tx(conn);
        ensureTaxonomy(tx);
        report.rawPayloadId = existingRawId;
        if (report.rawPayloadId == 0)
            report.rawPayloadId =
                exec(tx, kInsertRaw, source.id, origin, detail::toBinary(payload), sha)[0][0].as<std::int64_t>();
        runId = exec(tx, kStartRun, source.id, report.rawPayloadId, completesRunId)[0][0].as<std::int64_t>();
        tx.commit();
    }
    clock.lap("raw payload stored");
    const auto [parsed, events, dataText, hashes, rejected, prepareSeconds] = prepared.get();
    clock.lap("waiting for parse + standardise");
    report.stages.push_back({"(parse + standardise on its own thread, overlapping the above)", prepareSeconds, 0, 0});
    report.outsideHorizon = parsed.outsideHorizon;
    CatalogWriter writer(source, report.rawPayloadId, options, report);
    // The chunks on two connections: the database's share of a run is most of it, and one
    // backend runs on one core.
    std::vector<pqxx::connection*> writers{&conn};
    std::unique_ptr<pqxx::connection> ownSecond;
    try {
        if (events.size() > options.chunkEvents) { // more than one chunk, unless most are unchanged
            if (options.writerConnection == nullptr) try {
                    ownSecond = std::make_unique<pqxx::connection>(conn.options());
                } catch (const pqxx::broken_connection&) {
                    // No second connection to be had (max_connections, say): one writer does it all.
                }
            if (options.writerConnection != nullptr || ownSecond)
                writers.push_back(options.writerConnection != nullptr ? options.writerConnection : ownSecond.get());
        }
        {
            pqxx::work tx(conn);
            // The catalog statements read and write thousands of rows by index; their cost
            // estimates still pass the JIT thresholds, and compiling them (inlined, optimised)
            // took longer than running them.
            tx.exec0("SET LOCAL jit = off");
            if (!parsed.fatal.empty()) {
                report.fatal = parsed.fatal;
                writer.quarantine(tx, "payload", parsed.fatal, toUtf8(payload));
            }
            for (const auto& [index, reason] : rejected)
                writer.quarantine(tx, parsed.records[index].ref, reason, parsed.records[index].raw);
            // the writer times its own stages; the second connection learns words meanwhile
            writer.decide(tx, events, dataText, hashes, writers.size() > 1 ? writers[1] : nullptr);
            exec(tx, kRunChunks, runId, static_cast<std::int64_t>(writer.chunkCount()));
            tx.commit();
        }
        clock.skip();
        if (writer.chunkCount() <= 1) writers.resize(1);
        writer.writeChunks(writers, runId);
        clock.skip();
        {
            pqxx::work tx(conn);
            writer.finish(tx);
            exec(tx, kRunDone, runId, report.toJson().dump());
            if (!finishes.empty()) exec(tx, kCompletedBy, detail::integerArray(finishes), runId);
            tx.commit();
        }
        clock.lap("quarantine resolved, run recorded");
    } catch (const std::exception& e) {
        try {
            pqxx::work tx(conn);
            exec(tx, kRunFailed, runId, std::string(e.what()));
            tx.commit();
        } catch (const std::exception&) {
            // The connection is gone: the row stays 'running', and the next run finishes it.
        }
        throw;
    }
    auto released = std::async(std::launch::async, [&writer] { writer.release(); }); // meanwhile
    if (report.created + report.merged > 1000) {
        // Fresh statistics for the next run, for the sync queries over the grown catalog and
        // for search (the vector's lexeme frequencies). Of the provenance, only the columns
        // that lookups filter on: no query filters on `data`, and its jsonb statistics cost
        // as much as the rest of that table's. On both connections when the run had two.
        const auto analyze = [](pqxx::connection& on, const char* tables) {
            pqxx::nontransaction tx(on);
            tx.exec0(std::string("ANALYZE ") + tables);
        };
        constexpr const char* kCatalogTables = "venues, event_provenance (source_id, ref, event_id, match_uid, status)";
        if (writers.size() > 1) {
            auto eventsAnalyzed = std::async(std::launch::async, analyze, std::ref(*writers[1]), "events");
            analyze(conn, kCatalogTables);
            eventsAnalyzed.get();
        } else {
            analyze(conn, (std::string("events, ") + kCatalogTables).c_str());
        }
        clock.lap("analyze");
    }
    released.get();
    return report;
}

} // namespace

std::int32_t sourceLockId(std::int64_t sourceId) {
    // sources.id is a bigserial; the two-int4 key space takes its low 32 bits (distinct for
    // the first 2^31 sources, and a collision would only serialise two runs).
    return static_cast<std::int32_t>(sourceId & 0x7FFF'FFFF);
}

SourceRunLock::SourceRunLock(pqxx::connection& conn, std::int64_t sourceId)
    : m_conn(conn), m_key(sourceLockId(sourceId)) {}

bool SourceRunLock::acquire(WhenBusy whenBusy) {
    pqxx::nontransaction tx(m_conn);
    if (whenBusy == WhenBusy::Wait) {
        exec(tx, kLockRun, db::lockkey::kIngestSourceClass, m_key);
        m_held = true;
    } else {
        m_held = exec(tx, kTryLockRun, db::lockkey::kIngestSourceClass, m_key)[0][0].as<bool>();
    }
    return m_held;
}

SourceRunLock::~SourceRunLock() {
    if (!m_held) return;
    try {
        pqxx::nontransaction tx(m_conn);
        exec(tx, kUnlockRun, db::lockkey::kIngestSourceClass, m_key);
    } catch (const std::exception&) {
        // A broken connection has released the lock already.
    }
}

void markDeadRuns(pqxx::connection& conn, std::int64_t sourceId) {
    pqxx::work tx(conn);
    exec(tx, kMarkDeadReruns, sourceId);
    exec(tx, kMarkInterrupted, sourceId);
    tx.commit();
}

std::size_t completeInterruptedRuns(pqxx::connection& conn, const SourceConfig& source, const IngestOptions& options) {
    SourceRunLock lock(conn, source.id);
    lock.acquire(WhenBusy::Wait);
    std::size_t finished = 0;
    finishUnfinishedRuns(conn, source, options, std::string(), finished);
    return finished;
}

StageClock::StageClock(std::vector<StageTime>& totals, const IngestOptions& options)
    : m_totals(totals), m_processCpuClock(options.processCpuClock), m_databaseCpuClock(options.databaseCpuClock) {
    skip();
}

void StageClock::lap(std::string_view stage) {
    const auto now = std::chrono::steady_clock::now();
    const double wall = std::chrono::duration<double>(now - m_last).count();
    const double processCpu = m_processCpuClock ? m_processCpuClock() : 0;
    const double databaseCpu = m_databaseCpuClock ? m_databaseCpuClock() : 0;
    const double processUsed = processCpu - m_lastProcessCpu;
    const double databaseUsed = databaseCpu - m_lastDatabaseCpu;
    m_last = now;
    m_lastProcessCpu = processCpu;
    m_lastDatabaseCpu = databaseCpu;
    for (auto& total : m_totals)
        if (total.stage == stage) {
            total.wallSeconds += wall;
            total.processCpuSeconds += processUsed;
            total.databaseCpuSeconds += databaseUsed;
            return;
        }
    m_totals.push_back({std::string(stage), wall, processUsed, databaseUsed});
}

void StageClock::skip() {
    m_last = std::chrono::steady_clock::now();
    m_lastProcessCpu = m_processCpuClock ? m_processCpuClock() : 0;
    m_lastDatabaseCpu = m_databaseCpuClock ? m_databaseCpuClock() : 0;
}

nlohmann::json IngestReport::toJson() const {
    auto q = nlohmann::json::array();
    for (const auto& item : quarantined) q.push_back({{"ref", item.ref}, {"reason", item.reason}});
    nlohmann::json out{{"new", created},         {"updated", updated},
                       {"merged", merged},       {"cancelled", cancelled},
                       {"quarantined", q},       {"unchanged", unchanged},
                       {"outside_horizon", outsideHorizon}};
    if (!fatal.empty()) out["error"] = fatal;
    return out;
}

void ensureTaxonomy(pqxx::transaction_base& tx) {
    auto rows = nlohmann::json::array();
    for (const auto& c : taxonomy()) rows.push_back({{"id", c.id}, {"name", c.name}, {"parent_id", c.parentId}});
    std::vector<detail::ChangeRow> changes;
    for (const auto& row : exec(tx, kInsertCategories, rows.dump())) {
        core::Category c{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()};
        v1::Category proto;
        protocol::toProto(c, &proto);
        changes.push_back({std::string(core::aggregate::kCategory), c.id, detail::ChangeOp::Upsert, 0,
                           proto.SerializeAsString()});
    }
    detail::appendChanges(tx, changes);
}

SourceConfig loadSource(pqxx::transaction_base& tx, std::int64_t sourceId) {
    const auto rows = exec(tx, kLoadSource, sourceId);
    if (rows.empty()) throw std::invalid_argument("no source with id " + std::to_string(sourceId));
    const auto& row = rows[0];
    SourceConfig s;
    s.id = row[0].as<std::int64_t>();
    s.name = row[1].as<std::string>();
    s.format = formatFromName(row[2].as<std::string>()).value_or(Format::Ics);
    s.defaultZone = row[3].as<std::string>();
    s.defaultCurrency = row[4].as<std::string>();
    s.defaultCategory = row[5].as<std::string>();
    s.horizonDays = row[6].as<int>();
    for (const auto& m : exec(tx, kLoadMap, sourceId)) s.categoryMap[foldForMatch(m[0].as<std::string>())] = m[1].as<std::string>();
    return s;
}

SourceConfig ensureSource(pqxx::connection& conn, const std::string& name, Format format) {
    if (name.empty() || name == "marquee" || name.size() > 200)
        throw std::invalid_argument("a source name must be 1-200 characters and not 'marquee'");
    pqxx::work tx(conn);
    ensureTaxonomy(tx);
    exec(tx, kCreateSource, name, std::string(formatName(format)));
    const auto id = exec(tx, kSourceByName, name)[0][0].as<std::int64_t>();
    auto source = loadSource(tx, id);
    tx.commit();
    return source;
}

IngestReport ingestPayload(pqxx::connection& conn, const SourceConfig& source, const std::string& payload,
                           const std::string& origin, const IngestOptions& options) {
    return run(conn, source, payload, origin, options, 0, {});
}

IngestReport retryQuarantine(pqxx::connection& conn, std::int64_t quarantineId, const IngestOptions& options) {
    SourceConfig source;
    std::string content;
    std::string origin;
    std::int64_t rawId = 0;
    {
        pqxx::read_transaction tx(conn);
        const auto rows = exec(tx, kQuarantineById, quarantineId);
        if (rows.empty()) throw std::invalid_argument("no quarantine entry " + std::to_string(quarantineId));
        rawId = rows[0][1].as<std::int64_t>();
        if (rawId == 0 || rows[0][4].is_null())
            throw std::invalid_argument("quarantine entry " + std::to_string(quarantineId) + " has no raw payload any more");
        origin = rows[0][3].as<std::string>();
        content.clear();
        detail::appendBytea(rows[0][4], content);
        source = loadSource(tx, rows[0][0].as<std::int64_t>());
    }
    return run(conn, source, content, origin, options, rawId, {});
}

std::vector<QuarantineEntry> listQuarantine(pqxx::connection& conn, const std::string& sourceName, std::size_t limit,
                                            std::size_t maxRawBytes) {
    pqxx::read_transaction tx(conn);
    std::vector<QuarantineEntry> entries;
    for (const auto& row : exec(tx, kListQuarantine, sourceName, static_cast<std::int64_t>(limit),
                                static_cast<std::int64_t>(maxRawBytes))) {
        QuarantineEntry e;
        e.id = row[0].as<std::int64_t>();
        e.source = row[1].as<std::string>();
        e.ref = row[2].as<std::string>();
        e.reason = row[3].as<std::string>();
        e.raw = row[4].as<std::string>();
        e.fetchedAtMs = row[5].as<std::int64_t>();
        e.attempts = row[6].as<int>();
        entries.push_back(std::move(e));
    }
    return entries;
}

std::vector<IngestRunInfo> listIngestRuns(pqxx::connection& conn, const std::string& sourceName, std::size_t limit) {
    pqxx::read_transaction tx(conn);
    std::vector<IngestRunInfo> runs;
    for (const auto& row : exec(tx, kListRuns, sourceName, static_cast<std::int64_t>(limit),
                                db::lockkey::kIngestSourceClass)) {
        IngestRunInfo r;
        r.id = row[0].as<std::int64_t>();
        r.source = row[1].as<std::string>();
        r.status = row[2].as<std::string>();
        r.startedAtMs = row[3].as<std::int64_t>();
        r.finishedAtMs = row[4].as<std::int64_t>();
        r.durationMs = row[5].as<std::int64_t>();
        r.chunksTotal = row[6].as<int>();
        r.chunksCommitted = row[7].as<int>();
        r.hasCounts = row[8].as<bool>();
        r.created = row[9].as<std::size_t>();
        r.updated = row[10].as<std::size_t>();
        r.merged = row[11].as<std::size_t>();
        r.unchanged = row[12].as<std::size_t>();
        r.quarantined = row[13].as<std::size_t>();
        r.cancelled = row[14].as<std::size_t>();
        r.seen = r.created + r.changed() + r.unchanged + r.quarantined;
        r.error = row[15].as<std::string>();
        r.completesRunId = row[16].as<std::int64_t>();
        r.completedByRunId = row[17].as<std::int64_t>();
        r.rerunAttempts = row[18].as<int>();
        const bool lockHeld = row[19].as<bool>();
        if (r.status == "done" || r.completedByRunId != 0) r.state = "completed";
        else if (lockHeld) r.state = "running";
        else if (r.completesRunId != 0 || r.status == "quarantined") r.state = "failed";
        else r.state = "interrupted";
        if (r.finishedAtMs == 0 && r.state != "running") r.durationMs = 0; // died at an unknown time
        runs.push_back(std::move(r));
    }
    return runs;
}

void setCategoryMapping(pqxx::connection& conn, const std::string& sourceName, const std::string& external,
                        const std::string& categoryId) {
    const auto folded = foldForMatch(external);
    if (folded.empty()) throw std::invalid_argument("the source category must contain letters or digits");
    pqxx::work tx(conn);
    const auto source = exec(tx, kSourceByName, sourceName);
    if (source.empty()) throw std::invalid_argument("no source named '" + sourceName + "'");
    if (exec(tx, kCategoryExists, categoryId).empty())
        throw std::invalid_argument("no Marquee category '" + categoryId + "'");
    exec(tx, kSetMapping, source[0][0].as<std::int64_t>(), folded, categoryId);
    tx.commit();
}

std::vector<CategoryMapping> listCategoryMappings(pqxx::connection& conn, const std::string& sourceName) {
    pqxx::read_transaction tx(conn);
    std::vector<CategoryMapping> out;
    for (const auto& row : exec(tx, kListMappings, sourceName))
        out.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()});
    return out;
}

} // namespace marquee::server::ingest
