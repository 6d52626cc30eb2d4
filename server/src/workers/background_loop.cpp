// BackgroundLoop (see background_loop.hpp).
#include "workers/background_loop.hpp"

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

} // namespace marquee::server::workers
