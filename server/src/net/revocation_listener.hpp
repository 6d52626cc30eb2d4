// Follows "marquee_revoked" (sent by a logout on any instance, payload: the token hash in
// hex) and closes this instance's open connections that use that token, and
// "marquee_device_revoked" (sent by RevokeDevice, payload: the device id) and ends the
// connections whose Hello named that device.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace marquee::server::net {

class SessionHub;

class RevocationListener {
public:
    RevocationListener(std::string connectionString, SessionHub& hub);
    ~RevocationListener();
    RevocationListener(const RevocationListener&) = delete;
    RevocationListener& operator=(const RevocationListener&) = delete;

    void start();
    void stop();

private:
    void run();
    void waitBeforeRetry(std::chrono::milliseconds delay);

    std::string m_connectionString;
    SessionHub& m_hub;
    std::atomic<bool> m_stopping{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
};

} // namespace marquee::server::net
