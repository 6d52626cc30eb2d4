// A small, bounded CPU executor for Argon2id work (register, login), so password hashing
// never holds a database connection and anonymous clients cannot occupy every db worker.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace marquee::server {

class PasswordHasher {
public:
    // threads 0: half the hardware threads, at least one. At most maxQueued jobs wait; each
    // costs 64 MiB while it runs, so the thread count also bounds the memory used.
    explicit PasswordHasher(std::size_t threads = 0, std::size_t maxQueued = 256);
    ~PasswordHasher();
    PasswordHasher(const PasswordHasher&) = delete;
    PasswordHasher& operator=(const PasswordHasher&) = delete;

    // Queues a job; false when stopped or the queue is full (the caller answers "busy").
    // A job must not throw.
    bool post(std::function<void()> job);
    // Runs the queued jobs, then joins. Idempotent.
    void stop();

    // Jobs queued or running (the marquee_password_hashes_in_flight gauge).
    std::size_t inFlight() const;

private:
    void workerLoop();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    std::size_t m_running = 0;
    std::size_t m_maxQueued;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace marquee::server
