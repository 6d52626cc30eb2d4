// PasswordHasher: a fixed set of threads behind one bounded queue.
#include "services/password_hasher.hpp"

#include <algorithm>

namespace marquee::server {

PasswordHasher::PasswordHasher(std::size_t threads, std::size_t maxQueued) : m_maxQueued(std::max<std::size_t>(1, maxQueued)) {
    if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency() / 2);
    m_threads.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) m_threads.emplace_back([this] { workerLoop(); });
}

PasswordHasher::~PasswordHasher() { stop(); }

bool PasswordHasher::post(std::function<void()> job) {
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping || m_jobs.size() >= m_maxQueued) return false;
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

void PasswordHasher::stop() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_threads)
        if (thread.joinable() && thread.get_id() != std::this_thread::get_id()) thread.join();
}

std::size_t PasswordHasher::inFlight() const {
    const std::lock_guard lock(m_mutex);
    return m_jobs.size() + m_running;
}

void PasswordHasher::workerLoop() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty()) return; // stopping and drained
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            ++m_running;
        }
        job();
        const std::lock_guard lock(m_mutex);
        --m_running;
    }
}

} // namespace marquee::server
