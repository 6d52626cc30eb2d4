// One instance's live per-event push feed: which connection watches which event, from which
// position (status_seq, check-in cursor) on, and one db-worker run at a time that reads what
// changed and pushes it. SeatFeed and CheckInFeed say what is read and how it is pushed.
#pragma once

#include <pqxx/connection>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace marquee::server::db {
class Pool;
} // namespace marquee::server::db

namespace marquee::server::net {

class WebSocketSession;

class EventFeed {
public:
    virtual ~EventFeed() = default;
    EventFeed(const EventFeed&) = delete;
    EventFeed& operator=(const EventFeed&) = delete;

    // Thread-safe. A connection starts watching an event before its answer (snapshot, first
    // batch) is read, so no change that commits after the answer can pass it by.
    void watch(const std::string& eventId, WebSocketSession& session);
    void unwatch(const std::string& eventId, WebSocketSession& session);
    // Thread-safe. An answer up to `position` went out; the first one tells the feed where to
    // start reading the event, and any change since is pushed at once. A later answer never
    // moves the start: sessions drop what they already have.
    void answerSent(const std::string& eventId, std::uint64_t position);

    // Thread-safe (the listener thread): a NOTIFY for the event.
    void onChange(const std::string& eventId);
    // Thread-safe (the listener's idle tick and reconnects): re-reads every watched event, so
    // a lost notification or a failed read costs a delay, never a missed push.
    void onTick();

    std::size_t watchedEvents() const;

protected:
    using Watchers = std::vector<std::weak_ptr<WebSocketSession>>;
    // Each event to read with the newest position already pushed to its watchers.
    using EventPositions = std::vector<std::pair<std::string, std::uint64_t>>;

    // `name` prefixes the feed's log lines ("seat feed").
    EventFeed(db::Pool& pool, std::string name);

    // On a db worker, one run at a time (so each event's pushes stay in order): read what
    // each event has after its position, push it, and advance(). An exception leaves the
    // positions where they were: the next tick reads the same range again.
    virtual void pushChanges(pqxx::connection& conn, const EventPositions& events) = 0;

    // The sessions watching `eventId` now; nullopt when nobody watches it any more.
    std::optional<Watchers> watchers(const std::string& eventId) const;
    // `eventId` has been pushed up to `done`; returns its watchers in the same step
    // (nullopt when nobody watches it any more).
    std::optional<Watchers> advance(const std::string& eventId, std::uint64_t done);

private:
    struct Watched {
        std::unordered_set<WebSocketSession*> sessions;
        std::optional<std::uint64_t> last; // newest position pushed; unknown until an answer
    };

    static Watchers watchersOf(const Watched& watched);
    void startLocked();
    void run(pqxx::connection& conn, const EventPositions& events);

    db::Pool& m_pool;
    const std::string m_name;

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Watched> m_events;
    std::unordered_set<std::string> m_pending;
    bool m_running = false;
};

} // namespace marquee::server::net
