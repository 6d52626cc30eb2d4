// BackgroundLoop (see background_loop.hpp).
#include "workers/background_loop.hpp"

#include "common/log.hpp"
#include "db/session_settings.hpp"

#include <algorithm>
#include <exception>

namespace marquee::server::workers {

BackgroundLoop::~BackgroundLoop() { stop(); }

void BackgroundLoop::start(std::function<void()> body) {
    if (m_thread.joinable()) return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_thread = std::thread(std::move(body));
}

void BackgroundLoop::stop() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

bool BackgroundLoop::stopping() const {
    const std::lock_guard lock(m_mutex);
    return m_stopping;
}

bool BackgroundLoop::sleepFor(std::chrono::milliseconds duration) {
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, duration, [this] { return m_stopping; });
}

void BackgroundLoop::runConnected(const std::string& connectionString, const std::string& name,
                                  const std::function<void(pqxx::connection&)>& session, const Reconnect& reconnect) {
    auto backoff = reconnect.firstBackoff;
    while (!stopping()) {
        try {
            pqxx::connection conn(connectionString);
            db::inhibitReactivation(conn);
            backoff = reconnect.firstBackoff;
            session(conn);
        } catch (const std::exception& e) {
            log::warn(name + " lost its database connection", {{"error", e.what()}});
            if (reconnect.onLost) reconnect.onLost();
            sleepFor(backoff);
            backoff = std::min(backoff * 2, reconnect.maxBackoff);
        }
    }
}

} // namespace marquee::server::workers
