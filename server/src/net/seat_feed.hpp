// Live seat-map deltas of this server instance: which connection watches which event, and
// the fan-out of committed status changes (read once per change from the status log on a db
// worker, pushed as SeatDelta frames; holds show as HeldByMe to their holder only).
#pragma once

#include <pqxx/connection>

#include <cstdint>
#include <optional>
#include <mutex>
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

class SeatFeed {
public:
    SeatFeed(db::Pool& pool, Api& api);
    SeatFeed(const SeatFeed&) = delete;
    SeatFeed& operator=(const SeatFeed&) = delete;

    // Thread-safe. A connection starts watching an event before its snapshot is read, so no
    // change that commits after the snapshot can pass it by.
    void subscribe(const std::string& eventId, WebSocketSession& session);
    void unsubscribe(const std::string& eventId, WebSocketSession& session);
    // Thread-safe. A snapshot at `statusSeq` went out; the first one tells the feed where to
    // start reading this event's status log, and any change since is fanned out at once.
    void snapshotSent(const std::string& eventId, std::uint64_t statusSeq);

    // Thread-safe (the SeatListener). A NOTIFY "marquee_seats" for the event.
    void onChange(const std::string& eventId);
    // Thread-safe (the SeatListener's idle tick and reconnects): checks every watched event
    // against its current status_seq, so a lost notification or a failed read costs a delay,
    // never a missed delta.
    void onTick();

    std::size_t watchedEvents() const;

private:
    struct Watched {
        std::unordered_set<WebSocketSession*> sessions;
        std::optional<std::uint64_t> last; // newest status_seq fanned out; unknown until a snapshot
    };

    void startLocked();
    void run(pqxx::connection& conn, std::vector<std::pair<std::string, std::uint64_t>> events);
    void fanOut(pqxx::connection& conn, const std::string& eventId, std::uint64_t from, std::uint64_t current);

    db::Pool& m_pool;
    Api& m_api;

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Watched> m_events;
    std::unordered_set<std::string> m_pending;
    bool m_running = false;
};

} // namespace marquee::server::net
