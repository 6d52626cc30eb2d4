// IngestScheduler (see ingest_scheduler.hpp).
#include "workers/ingest_scheduler.hpp"

#include "common/log.hpp"
#include "db/lock_keys.hpp"
#include "workers/leader_election.hpp"
#include "workers/wake_receiver.hpp"

#include <pqxx/pqxx>

#include <algorithm>

namespace marquee::server::workers {

namespace {

constexpr const char* kDueSources =
    "SELECT name FROM sources WHERE kind = 'url' AND NOT paused AND next_run_at <= now() "
    "ORDER BY next_run_at, id LIMIT 100";
// Milliseconds until the next unpaused source is due (0 when one is due now), NULL if none
// (greatest() ignores a NULL argument, so without the CASE "none" read as "due now": a busy loop).
constexpr const char* kNextDue =
    "SELECT CASE WHEN min(next_run_at) IS NOT NULL "
    "THEN greatest(0, (extract(epoch FROM min(next_run_at) - now()) * 1000)::bigint) END FROM sources "
    "WHERE kind = 'url' AND NOT paused";

} // namespace

IngestScheduler::IngestScheduler(std::string connectionString, Options options)
    : m_connectionString(std::move(connectionString)), m_options(std::move(options)) {}

IngestScheduler::~IngestScheduler() { stop(); }

void IngestScheduler::start() {
    m_loop.start([this] { run(); });
}

void IngestScheduler::stop() {
    m_loop.stop();
    m_leader = false;
}

void IngestScheduler::runDueSources(pqxx::connection& conn) {
    std::vector<std::string> due;
    {
        pqxx::read_transaction tx(conn);
        for (const auto& row : tx.exec(kDueSources)) due.push_back(row[0].as<std::string>());
    }
    for (const auto& name : due) {
        if (m_loop.stopping()) return;
        log::info("ingest source run started", {{"source", name}});
        try {
            // Skip: a `sources run` from the command line has it; its outcome stands.
            const auto result = ingest::runSource(conn, name, m_options.fetch, {}, ingest::WhenBusy::Skip);
            if (result.skipped) {
                log::info("ingest source run skipped", {{"source", name}, {"reason", result.error}});
                continue;
            }
            nlohmann::json fields{{"source", name},
                                  {"status", result.after.lastStatus},
                                  {"failures", result.after.failures},
                                  {"next_run_at_ms", result.after.nextRunAtMs}};
            if (result.report) fields["counts"] = result.report->toJson();
            if (result.status == ingest::FetchResult::Status::Failed) {
                fields["error"] = result.error;
                log::warn("ingest source run failed", fields);
            } else {
                log::info("ingest source run finished", fields);
            }
        } catch (const pqxx::broken_connection&) {
            throw;
        } catch (const std::exception& e) {
            // The source vanished or lost its URL between the query and the run.
            log::warn("ingest source run not possible", {{"source", name}, {"error", e.what()}});
        }
    }
}

void IngestScheduler::run() {
    using namespace std::chrono_literals;
    m_loop.runConnected(m_connectionString, "ingest scheduler", [&](pqxx::connection& conn) {
        if (!becomeLeader(conn, db::lockkey::kIngestScheduler, m_loop, m_options.leaderRetry)) return;
        m_leader = true;
        log::info("ingest scheduler is leader", {{"backend_pid", conn.backendpid()}});
        WakeReceiver wake(conn, ingest::kSourcesChannel);
        while (!m_loop.stopping()) {
            runDueSources(conn);
            auto sleep = m_options.maxSleep;
            {
                pqxx::read_transaction tx(conn);
                const auto next = tx.exec1(kNextDue)[0];
                if (!next.is_null())
                    sleep = std::min(sleep, std::chrono::milliseconds(next.as<std::int64_t>()));
            }
            // Sleep until then, a NOTIFY (source added / resumed) or stop(), whichever is
            // first; in slices so stop() is noticed within a quarter second.
            const auto until = std::chrono::steady_clock::now() + sleep;
            while (!m_loop.stopping() && std::chrono::steady_clock::now() < until) {
                const auto slice = std::min<std::chrono::milliseconds>(
                    250ms, std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()));
                if (conn.await_notification(0, static_cast<long>(std::max<std::int64_t>(slice.count(), 1)) * 1000) > 0)
                    break;
            }
        }
    }, {1000ms, 30s, [this] { m_leader = false; }});
    m_leader = false;
}

} // namespace marquee::server::workers
