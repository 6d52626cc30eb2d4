// The ingest scheduler inside `serve`: on one leader instance (session advisory lock
// db::lockkey::kIngestScheduler), runs every unpaused URL source whose next_run_at is due,
// through ingest::runSource (fetch, ingest, schedule and back-off), and sleeps until the next
// one is due or `sources add` / `resume` wakes it (NOTIFY marquee_sources).
#pragma once

#include "ingest/fetcher.hpp"
#include "workers/background_loop.hpp"

#include <atomic>
#include <chrono>
#include <string>

namespace marquee::server::workers {

class IngestScheduler {
public:
    struct Options {
        std::chrono::milliseconds maxSleep{60'000};   // re-check at least this often
        std::chrono::milliseconds leaderRetry{5'000}; // how often a follower tries to lead
        ingest::FetchOptions fetch;                   // timeout, limits, back-off
    };

    IngestScheduler(std::string connectionString, Options options);
    ~IngestScheduler();
    IngestScheduler(const IngestScheduler&) = delete;
    IngestScheduler& operator=(const IngestScheduler&) = delete;

    void start();
    // Ends after the source run in progress (bounded by the fetch timeout plus its ingest).
    void stop();
    bool isLeader() const { return m_leader.load(); }

private:
    void run();
    void runDueSources(pqxx::connection& conn);

    std::string m_connectionString;
    Options m_options;
    BackgroundLoop m_loop;
    std::atomic<bool> m_leader{false};
};

} // namespace marquee::server::workers
