// A fixed set of worker threads, each owning one PostgreSQL connection (with the limits of
// session_settings.hpp). All blocking libpqxx work runs here; results are posted back to the
// caller's strand by the caller.
#pragma once

#include <pqxx/pqxx>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace marquee::server::db {

class Pool {
public:
    using Job = std::function<void(pqxx::connection&)>;
    // Runs on every connection the pool opens or reopens, after the session limits (e.g. the
    // search settings of the search pool, services/search_session.hpp).
    using SessionSetup = std::function<void(pqxx::connection&)>;

    // Opens `workers` connections up front; throws pqxx::broken_connection when the
    // database cannot be reached.
    Pool(std::string connectionString, std::size_t workers, SessionSetup setup = {});
    ~Pool();
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    // Queues a job. A job must catch its own exceptions (the pool logs and drops escaped
    // ones). A broken connection is reopened before a later job on that worker, at most once
    // per back-off step; while the database stays unreachable, jobs run at once on a
    // connection that throws pqxx::broken_connection at first use.
    // Returns false (and drops the job) once stop() has begun, so the caller can answer
    // UNAVAILABLE itself: nothing else will ever run the job.
    bool post(Job job);

    // Runs a job and waits for its result (CLI, tests, start-up). Exceptions propagate.
    template <typename F>
    auto run(F&& fn) -> std::invoke_result_t<F, pqxx::connection&> {
        using R = std::invoke_result_t<F, pqxx::connection&>;
        auto task = std::make_shared<std::packaged_task<R(pqxx::connection&)>>(std::forward<F>(fn));
        auto result = task->get_future();
        if (!post([task](pqxx::connection& c) { (*task)(c); }))
            throw std::runtime_error("the database pool is stopped");
        return result.get();
    }

    // Finishes queued jobs, then joins the workers. Idempotent.
    void stop();

    std::size_t size() const { return m_threads.size(); }
    std::size_t queued() const;
    const std::string& connectionString() const { return m_connectionString; }

private:
    void workerLoop(std::size_t index, std::unique_ptr<pqxx::connection>& conn);

    std::string m_connectionString;
    SessionSetup m_setup;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace marquee::server::db
