// Registry of live WebSocket sessions and the live-push fan-out: one change-log read per
// new head, then one ChangeBatch per session with the rows its principal may see.
#pragma once

#include <pqxx/connection>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

namespace marquee::server {
class Api;
namespace db {
class Pool;
}
} // namespace marquee::server

namespace marquee::server::net {

class Metrics;
class WebSocketSession;

class SessionHub {
public:
    SessionHub(db::Pool& pool, Api& api, Metrics& metrics);
    SessionHub(const SessionHub&) = delete;
    SessionHub& operator=(const SessionHub&) = delete;

    void join(WebSocketSession& session);
    void leave(WebSocketSession& session);
    std::size_t size() const;

    // Where pushes start from: the head at start-up.
    void setInitialHead(std::uint64_t head);

    // Thread-safe (called from the StampListener). Pushes (lastBroadcast, head] unless a
    // fan-out is running, in which case the newest head is pushed when it finishes, so
    // consecutive pushes chain: each from_cursor is the previous next_cursor.
    void onHead(std::uint64_t head);

    // Asks every session to finish its in-flight requests and close with 1001.
    void shutdownAll();

    // Thread-safe (the revocation listener): closes (1008) every open connection that
    // authenticated with this token hash (hex).
    void closeByTokenHash(const std::string& tokenHash);
    // Thread-safe (the revocation listener): ends every open connection whose Hello named this
    // revoked box-office device (WebSocketSession::closeIfDevice).
    void closeByDevice(const std::string& deviceId);

private:
    void startFanOutLocked();
    void fanOut(pqxx::connection& conn, std::uint64_t from, std::uint64_t to,
                std::chrono::steady_clock::time_point notifiedAt);

    db::Pool& m_pool;
    Api& m_api;
    Metrics& m_metrics;

    mutable std::mutex m_mutex;
    std::unordered_set<WebSocketSession*> m_sessions;
    std::uint64_t m_lastBroadcast = 0;
    std::uint64_t m_pendingHead = 0;
    std::chrono::steady_clock::time_point m_notifiedAt;
    bool m_fanOutRunning = false;
};

} // namespace marquee::server::net
