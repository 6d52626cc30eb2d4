// The thread, stop flag and interruptible sleep shared by the Sequencer and the
// StampListener: start() runs a body on its own thread, stop() asks it to end and joins.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace marquee::server::workers {

class BackgroundLoop {
public:
    BackgroundLoop() = default;
    ~BackgroundLoop(); // stop()
    BackgroundLoop(const BackgroundLoop&) = delete;
    BackgroundLoop& operator=(const BackgroundLoop&) = delete;

    // Runs `body` on a new thread unless one is running. The body should return soon after
    // stopping() turns true.
    void start(std::function<void()> body);
    // Sets stopping(), wakes sleepFor(), joins. Idempotent; not from the loop's own thread.
    void stop();
    bool stopping() const;
    // Waits up to `duration`; returns early (false) once stop() was called.
    bool sleepFor(std::chrono::milliseconds duration);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace marquee::server::workers
