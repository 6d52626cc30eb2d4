// Ingest administration for the client's admin screen: sources and their state, run now, the
// quarantine, category mappings and retries, all through the ingest module's own functions.
#include "ingest/fetcher.hpp"
#include "ingest/ingest.hpp"
#include "ingest/progress.hpp"
#include "services/api_internal.hpp"

#include "marquee/v1/envelope.pb.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace marquee::server::detail {

namespace {

constexpr std::size_t kDefaultQuarantineLimit = 100;
constexpr std::size_t kMaxQuarantineLimit = 500;
constexpr std::size_t kRawExcerptChars = 4096;
constexpr int kMaxRetryIds = 100;
constexpr std::size_t kDefaultRunsLimit = 20;
constexpr std::size_t kMaxRunsLimit = 200;

constexpr Statement kOpenQuarantineCounts{
    "ingest_admin_open_quarantine",
    "SELECT s.name, count(*) FROM quarantine q JOIN sources s ON s.id = q.source_id "
    "WHERE q.resolved_at IS NULL GROUP BY s.name"};

constexpr Statement kQuarantineState{
    "ingest_admin_quarantine_state", "SELECT resolved_at IS NOT NULL, reason FROM quarantine WHERE id = $1"};

struct EntryState {
    bool resolved = false;
    std::string reason;
};

// nullopt: no such entry. Before a retry, a resolved entry counts as missing too.
std::optional<EntryState> entryState(pqxx::connection& conn, std::int64_t id) {
    pqxx::read_transaction tx(conn);
    const auto rows = exec(tx, kQuarantineState, id);
    if (rows.empty()) return std::nullopt;
    return EntryState{rows[0][0].as<bool>(), rows[0][1].as<std::string>()};
}

std::uint32_t count32(std::size_t n) { return static_cast<std::uint32_t>(std::min<std::size_t>(n, UINT32_MAX)); }

void fillCounts(v1::IngestCounts& out, const ingest::IngestReport& report) {
    out.set_created(count32(report.created));
    out.set_updated(count32(report.updated));
    out.set_merged(count32(report.merged));
    out.set_cancelled(count32(report.cancelled));
    out.set_unchanged(count32(report.unchanged));
    out.set_quarantined(count32(report.quarantined.size()));
}

// last_counts is IngestReport::toJson() of the last run ("quarantined" is the list of refs).
void fillCounts(v1::IngestCounts& out, const nlohmann::json& counts) {
    if (!counts.is_object()) return;
    const auto number = [&](const char* key) {
        const auto it = counts.find(key);
        return it != counts.end() && it->is_number_unsigned() ? it->get<std::uint32_t>() : 0U;
    };
    out.set_created(number("new"));
    out.set_updated(number("updated"));
    out.set_merged(number("merged"));
    out.set_cancelled(number("cancelled"));
    out.set_unchanged(number("unchanged"));
    if (const auto q = counts.find("quarantined"); q != counts.end() && q->is_array()) out.set_quarantined(count32(q->size()));
}

void fillProgress(v1::RunProgress& out, const ingest::Progress& progress) {
    out.set_stage(std::string(ingest::stageName(progress.stage)));
    out.set_done(progress.done);
    out.set_total(progress.total);
    out.set_started_at_ms(progress.startedAtMs);
}

void fillSource(v1::SourceState& out, const ingest::SourceInfo& info, std::uint32_t openQuarantine) {
    out.set_name(info.name);
    out.set_kind(info.kind);
    out.set_url(info.url);
    out.set_format(info.format);
    out.set_interval_seconds(static_cast<std::uint32_t>(std::max(0, info.intervalSeconds)));
    out.set_paused(info.paused);
    out.set_last_run_at_ms(info.lastRunAtMs.value_or(0));
    out.set_last_status(info.lastStatus);
    out.set_last_error(info.lastError);
    fillCounts(*out.mutable_last_counts(), info.lastCounts);
    out.set_next_run_at_ms(info.nextRunAtMs);
    out.set_failures(static_cast<std::uint32_t>(std::max(0, info.failures)));
    out.set_open_quarantine(openQuarantine);
    if (const auto progress = ingest::ProgressBoard::instance().find(info.name))
        fillProgress(*out.mutable_progress(), *progress);
}

std::map<std::string, std::uint32_t> openQuarantineCounts(pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    std::map<std::string, std::uint32_t> counts;
    for (const auto& row : exec(tx, kOpenQuarantineCounts))
        counts[row[0].as<std::string>()] = row[1].as<std::uint32_t>();
    return counts;
}

const char* statusName(ingest::FetchResult::Status status) {
    switch (status) {
    case ingest::FetchResult::Status::Ok: return "ok";
    case ingest::FetchResult::Status::NotModified: return "not_modified";
    case ingest::FetchResult::Status::Failed: break;
    }
    return "failed";
}

} // namespace

void requireAdmin(const Principal& who) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "log in as an administrator");
    if (who.role != core::Role::Admin) fail(v1::PERMISSION_DENIED, "ingest administration is for administrators only");
}

v1::SourceList listIngestSources(pqxx::connection& conn, const Principal& who) {
    requireAdmin(who);
    const auto open = openQuarantineCounts(conn);
    v1::SourceList list;
    for (const auto& info : ingest::listSources(conn)) {
        const auto it = open.find(info.name);
        fillSource(*list.add_sources(), info, it == open.end() ? 0 : it->second);
    }
    return list;
}

v1::IngestRunList listIngestRuns(pqxx::connection& conn, const Principal& who, const v1::ListIngestRuns& request) {
    requireAdmin(who);
    if (!request.source().empty() && !ingest::findSource(conn, request.source()))
        fail(v1::NOT_FOUND, "no source named '" + request.source() + "'");
    const std::size_t limit =
        request.limit() == 0 ? kDefaultRunsLimit : std::min<std::size_t>(request.limit(), kMaxRunsLimit);
    v1::IngestRunList list;
    for (const auto& run : ingest::listIngestRuns(conn, request.source(), limit)) {
        auto& out = *list.add_runs();
        out.set_id(run.id);
        out.set_source(run.source);
        out.set_state(run.state);
        out.set_started_at_ms(run.startedAtMs);
        out.set_finished_at_ms(run.finishedAtMs);
        out.set_duration_ms(run.durationMs);
        out.set_chunks_total(static_cast<std::uint32_t>(std::max(0, run.chunksTotal)));
        out.set_chunks_committed(static_cast<std::uint32_t>(std::max(0, run.chunksCommitted)));
        if (run.hasCounts) {
            out.set_seen(count32(run.seen));
            auto& counts = *out.mutable_counts();
            counts.set_created(count32(run.created));
            counts.set_updated(count32(run.updated));
            counts.set_merged(count32(run.merged));
            counts.set_cancelled(count32(run.cancelled));
            counts.set_unchanged(count32(run.unchanged));
            counts.set_quarantined(count32(run.quarantined));
        }
        out.set_error(run.error);
        out.set_reruns_run_id(run.completesRunId);
        out.set_completed_by_run_id(run.completedByRunId);
        out.set_rerun_attempts(static_cast<std::uint32_t>(std::max(0, run.rerunAttempts)));
        out.set_rerun_limit(static_cast<std::uint32_t>(ingest::kMaxIngestReruns));
        // Finer progress (records, stage) when the run goes on in this process.
        if (run.state == "running")
            if (const auto progress = ingest::ProgressBoard::instance().find(run.source))
                fillProgress(*out.mutable_progress(), *progress);
    }
    return list;
}

v1::SourceRunResult runIngestSource(pqxx::connection& conn, const Principal& who, const v1::RunSource& request) {
    requireAdmin(who);
    ingest::SourceRunResult run;
    try {
        run = ingest::runSource(conn, request.name(), ingest::FetchOptions{}, ingest::IngestOptions{});
    } catch (const std::invalid_argument& e) {
        // Unknown source, or one without a URL (uploads are ingested with `ingest --file`).
        fail(ingest::findSource(conn, request.name()) ? v1::FAILED_PRECONDITION : v1::NOT_FOUND, e.what());
    }
    v1::SourceRunResult result;
    result.set_status(statusName(run.status));
    result.set_error(run.error);
    if (run.report) fillCounts(*result.mutable_counts(), *run.report);
    const auto open = openQuarantineCounts(conn);
    const auto it = open.find(run.after.name);
    fillSource(*result.mutable_source(), run.after, it == open.end() ? 0 : it->second);
    return result;
}

v1::QuarantineList listQuarantine(pqxx::connection& conn, const Principal& who, const v1::ListQuarantine& request) {
    requireAdmin(who);
    const std::size_t limit =
        request.limit() == 0 ? kDefaultQuarantineLimit : std::min<std::size_t>(request.limit(), kMaxQuarantineLimit);
    v1::QuarantineList list;
    for (const auto& entry : ingest::listQuarantine(conn, request.source(), limit, kRawExcerptChars)) {
        auto& out = *list.add_entries();
        out.set_id(entry.id);
        out.set_source(entry.source);
        out.set_ref(entry.ref);
        out.set_reason(entry.reason);
        out.set_raw_excerpt(entry.raw);
        out.set_fetched_at_ms(entry.fetchedAtMs);
        out.set_attempts(static_cast<std::uint32_t>(std::max(0, entry.attempts)));
    }
    return list;
}

v1::RetryResults retryQuarantined(pqxx::connection& conn, const Principal& who, const v1::RetryQuarantined& request) {
    requireAdmin(who);
    if (request.ids_size() == 0) fail(v1::INVALID_ARGUMENT, "no quarantine entries to retry");
    if (request.ids_size() > kMaxRetryIds)
        fail(v1::INVALID_ARGUMENT, "at most " + std::to_string(kMaxRetryIds) + " entries per retry");
    v1::RetryResults results;
    for (const auto id : request.ids()) {
        auto& outcome = *results.add_results();
        outcome.set_id(id);
        if (const auto before = entryState(conn, id); !before || before->resolved) {
            outcome.set_reason("no open quarantine entry " + std::to_string(id));
            continue;
        }
        try {
            fillCounts(*outcome.mutable_counts(), ingest::retryQuarantine(conn, id, ingest::IngestOptions{}));
        } catch (const std::invalid_argument& e) {
            outcome.set_reason(e.what());
            continue;
        }
        // The retry resolves the entry when its record went through; otherwise it keeps the
        // (possibly new) reason.
        const auto after = entryState(conn, id);
        outcome.set_resolved(after && after->resolved);
        if (after && !after->resolved) outcome.set_reason(after->reason);
    }
    return results;
}

v1::SourceList addIngestSource(pqxx::connection& conn, const Principal& who, const v1::AddSource& request) {
    requireAdmin(who);
    ingest::SourceSpec spec;
    spec.name = request.name();
    spec.url = request.url();
    const auto format = ingest::formatFromName(request.format());
    if (!format) fail(v1::INVALID_ARGUMENT, "the format must be ics, jsonld or csv");
    spec.format = *format;
    if (request.interval_minutes() != 0) {
        if (request.interval_minutes() > 7 * 24 * 60) fail(v1::INVALID_ARGUMENT, "the interval must be at most a week");
        spec.everyMinutes = static_cast<int>(request.interval_minutes());
    }
    if (!request.time_zone().empty()) spec.zone = request.time_zone();
    if (ingest::findSource(conn, spec.name)) fail(v1::ALREADY_EXISTS, "a source named '" + spec.name + "' exists");
    ingest::SourceInfo added;
    try {
        added = ingest::addSource(conn, spec);
    } catch (const std::invalid_argument& e) {
        fail(v1::INVALID_ARGUMENT, e.what());
    }
    v1::SourceList list;
    fillSource(*list.add_sources(), added, 0);
    return list;
}

v1::Ack setIngestSourcePaused(pqxx::connection& conn, const Principal& who, const v1::SetSourcePaused& request) {
    requireAdmin(who);
    if (!ingest::setSourcePaused(conn, request.name(), request.paused()))
        fail(v1::NOT_FOUND, "no source named '" + request.name() + "'");
    v1::Ack ack;
    ack.set_id(request.name());
    return ack;
}

v1::CategoryMappingList listCategoryMappings(pqxx::connection& conn, const Principal& who,
                                             const v1::ListCategoryMappings& request) {
    requireAdmin(who);
    v1::CategoryMappingList list;
    for (const auto& mapping : ingest::listCategoryMappings(conn, request.source())) {
        auto& out = *list.add_mappings();
        out.set_source(mapping.source);
        out.set_external_category(mapping.external);
        out.set_marquee_category(mapping.categoryId);
    }
    return list;
}

v1::Ack setCategoryMapping(pqxx::connection& conn, const Principal& who, const v1::SetCategoryMapping& request) {
    requireAdmin(who);
    try {
        ingest::setCategoryMapping(conn, request.source(), request.external_category(), request.marquee_category());
    } catch (const std::invalid_argument& e) {
        fail(v1::INVALID_ARGUMENT, e.what());
    }
    v1::Ack ack;
    ack.set_id(request.source());
    return ack;
}

} // namespace marquee::server::detail
