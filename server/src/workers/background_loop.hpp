// The thread, stop flag and interruptible sleep shared by the server's background workers:
// start() runs a body on its own thread, stop() asks it to end and joins; runConnected() is the
// reconnect-with-back-off life of a worker that owns a database connection.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include <pqxx/connection>

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

    struct Reconnect {
        std::chrono::milliseconds firstBackoff{100};
        std::chrono::milliseconds maxBackoff{5000};
        std::function<void()> onLost; // e.g. "no longer leader"
    };
    // From the loop's body: runs `session` on a fresh connection until stop(). When the
    // connection breaks or `session` throws, logs "<name> lost its database connection", calls
    // onLost, waits a back-off that doubles up to maxBackoff (cut short by stop()) and connects
    // again. Reactivation is inhibited: a silently re-opened session would have lost its
    // LISTENs and session locks. `session` returns only once stopping() is true.
    void runConnected(const std::string& connectionString, const std::string& name,
                      const std::function<void(pqxx::connection&)>& session, const Reconnect& reconnect);
    void runConnected(const std::string& connectionString, const std::string& name,
                      const std::function<void(pqxx::connection&)>& session) {
        runConnected(connectionString, name, session, Reconnect{});
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace marquee::server::workers
