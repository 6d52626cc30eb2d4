// Live check-ins of this server instance (WatchCheckIns): which connection watches which
// event, and the fan-out of new check-in records and voided tickets, read once per change
// (NOTIFY "marquee_checkins" from any instance) on a db worker and pushed as CheckInBatch
// frames with request_id 0.
#pragma once

#include <pqxx/connection>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace marquee::server {
class Api;
namespace db {
class Pool;
}
} // namespace marquee::server

namespace marquee::server::net {

class WebSocketSession;

class CheckInFeed {
public:
    CheckInFeed(db::Pool& pool, Api& api);
    CheckInFeed(const CheckInFeed&) = delete;
    CheckInFeed& operator=(const CheckInFeed&) = delete;

    // Thread-safe. A connection starts watching before its answer is read, so no check-in
    // that commits after the answer can pass it by.
    void watch(const std::string& eventId, WebSocketSession& session);
    void unwatch(const std::string& eventId, WebSocketSession& session);
    // Thread-safe. An answer up to `cursor` went out; the first one tells the feed where to
    // start reading the event, and anything since is fanned out at once.
    void answered(const std::string& eventId, std::uint64_t cursor);

    // Thread-safe (the listener thread): a NOTIFY for the event; the idle tick re-reads every
    // watched event, so a lost notification costs a delay, never a missed record.
    void onChange(const std::string& eventId);
    void onTick();

    std::size_t watchedEvents() const;

private:
    struct Watched {
        std::unordered_set<WebSocketSession*> sessions;
        std::optional<std::uint64_t> last; // newest cursor fanned out; unknown until an answer
    };

    void startLocked();
    void run(pqxx::connection& conn, std::vector<std::pair<std::string, std::uint64_t>> events);

    db::Pool& m_pool;
    Api& m_api;

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Watched> m_events;
    std::unordered_set<std::string> m_pending;
    bool m_running = false;
};

} // namespace marquee::server::net
