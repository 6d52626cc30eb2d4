// db::Pool: one thread and one connection per worker; a broken connection is reopened
// before that worker's next job.
#include "db/pool.hpp"

#include "common/log.hpp"

#include <chrono>
#include <memory>

namespace marquee::server::db {

namespace {

// Reopens a worker's connection. Gives up after a few quick tries so queued jobs still run
// (and fail fast with broken_connection, which the services map to UNAVAILABLE) instead of
// piling up behind a database that is down.
void reopen(std::unique_ptr<pqxx::connection>& conn, const std::string& connectionString, std::size_t worker) {
    using namespace std::chrono_literals;
    auto delay = 50ms;
    for (int attempt = 0; attempt < 3; ++attempt) {
        try {
            conn = std::make_unique<pqxx::connection>(connectionString);
            log::info("database connection reopened", {{"worker", worker}});
            return;
        } catch (const std::exception& e) {
            log::warn("database reconnect failed", {{"worker", worker}, {"error", e.what()}});
            std::this_thread::sleep_for(delay);
            delay *= 4;
        }
    }
}

} // namespace

Pool::Pool(std::string connectionString, std::size_t workers) : m_connectionString(std::move(connectionString)) {
    if (workers == 0) workers = 1;
    // Connect on the calling thread so an unreachable database fails construction.
    std::vector<std::unique_ptr<pqxx::connection>> connections;
    connections.reserve(workers);
    for (std::size_t i = 0; i < workers; ++i)
        connections.push_back(std::make_unique<pqxx::connection>(m_connectionString));
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
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty()) return; // stopping and drained
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        if (!conn || !conn->is_open()) reopen(conn, m_connectionString, index);
        try {
            if (conn) job(*conn);
        } catch (const std::exception& e) {
            log::error("database job failed", {{"worker", index}, {"error", e.what()}});
        } catch (...) {
            log::error("database job failed with a non-standard exception", {{"worker", index}});
        }
        if (conn && !conn->is_open()) reopen(conn, m_connectionString, index);
    }
}

} // namespace marquee::server::db
