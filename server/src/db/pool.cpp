// db::Pool: one thread and one connection per worker. A broken connection is reopened
// before that worker's next job, at most once per back-off step: while the database is down,
// jobs fail at once with pqxx::broken_connection (which the services map to UNAVAILABLE)
// instead of each waiting out reconnect attempts.
#include "db/pool.hpp"

#include "common/log.hpp"
#include "db/session_settings.hpp"

#include <algorithm>
#include <chrono>
#include <memory>

namespace marquee::server::db {

namespace {

// Connections are reopened only here, on the pool's terms (back-off, limits applied), never
// transparently by libpqxx inside a job.
std::unique_ptr<pqxx::connection> openConnection(const std::string& connectionString, const Pool::SessionSetup& setup) {
    auto conn = std::make_unique<pqxx::connection>(connectionString);
    inhibitReactivation(*conn);
    applySessionLimits(*conn);
    if (setup) setup(*conn);
    return conn;
}

} // namespace

Pool::Pool(std::string connectionString, std::size_t workers, SessionSetup setup)
    : m_connectionString(std::move(connectionString)), m_setup(std::move(setup)) {
    if (workers == 0) workers = 1;
    // Connect on the calling thread so an unreachable database fails construction.
    std::vector<std::unique_ptr<pqxx::connection>> connections;
    connections.reserve(workers);
    for (std::size_t i = 0; i < workers; ++i) connections.push_back(openConnection(m_connectionString, m_setup));
    m_threads.reserve(workers);
    for (std::size_t i = 0; i < workers; ++i) {
        // Each connection is handed to exactly one thread and never touched here again.
        auto* raw = connections[i].release();
        m_threads.emplace_back([this, i, raw] {
            std::unique_ptr<pqxx::connection> conn(raw);
            workerLoop(i, conn);
        });
    }
}

Pool::~Pool() { stop(); }

bool Pool::post(Job job) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) return false;
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

std::size_t Pool::queued() const {
    std::lock_guard lock(m_mutex);
    return m_jobs.size();
}

void Pool::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_threads)
        if (thread.joinable() && thread.get_id() != std::this_thread::get_id()) thread.join();
}

void Pool::workerLoop(std::size_t index, std::unique_ptr<pqxx::connection>& conn) {
    using namespace std::chrono_literals;
    // While the database is down: one connection attempt per back-off step (100 ms doubling
    // to 2 s); jobs in between run against the broken connection, which with reactivation
    // inhibited throws broken_connection at its first use, without touching the network.
    auto backoff = 100ms;
    auto nextAttempt = std::chrono::steady_clock::time_point{};
    const auto ensureOpen = [&] {
        if (conn->is_open()) return;
        const auto now = std::chrono::steady_clock::now();
        if (now < nextAttempt) return;
        try {
            conn = openConnection(m_connectionString, m_setup);
            backoff = 100ms;
            log::info("database connection reopened", {{"worker", index}});
        } catch (const std::exception& e) {
            nextAttempt = now + backoff;
            backoff = std::min<std::chrono::milliseconds>(backoff * 2, 2s);
            log::warn("database reconnect failed", {{"worker", index}, {"error", e.what()}});
        }
    };
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty()) return; // stopping and drained
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        ensureOpen();
        try {
            job(*conn);
        } catch (const std::exception& e) {
            log::error("database job failed", {{"worker", index}, {"error", e.what()}});
        } catch (...) {
            log::error("database job failed with a non-standard exception", {{"worker", index}});
        }
    }
}

} // namespace marquee::server::db
