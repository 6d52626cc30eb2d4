// Event feed bookkeeping shared by the seat and check-in feeds: watchers, positions, and the
// single db-worker run that the notifications and ticks start.
#include "net/event_feed.hpp"

#include "common/log.hpp"
#include "db/pool.hpp"
#include "net/websocket_session.hpp"

#include <algorithm>
#include <exception>

namespace marquee::server::net {

EventFeed::EventFeed(db::Pool& pool, std::string name) : m_pool(pool), m_name(std::move(name)) {}

void EventFeed::watch(const std::string& eventId, WebSocketSession& session) {
    const std::lock_guard lock(m_mutex);
    m_events[eventId].sessions.insert(&session);
}

void EventFeed::unwatch(const std::string& eventId, WebSocketSession& session) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_events.find(eventId);
    if (it == m_events.end()) return;
    it->second.sessions.erase(&session);
    if (it->second.sessions.empty()) {
        m_events.erase(it);
        m_pending.erase(eventId);
    }
}

void EventFeed::answerSent(const std::string& eventId, std::uint64_t position) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_events.find(eventId);
    if (it == m_events.end()) return;
    if (!it->second.last) it->second.last = position;
    m_pending.insert(eventId);
    startLocked();
}

void EventFeed::onChange(const std::string& eventId) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_events.find(eventId);
    if (it == m_events.end() || !it->second.last) return; // nobody here watches it yet
    m_pending.insert(eventId);
    startLocked();
}

void EventFeed::onTick() {
    const std::lock_guard lock(m_mutex);
    for (const auto& [eventId, watched] : m_events)
        if (watched.last) m_pending.insert(eventId);
    startLocked();
}

std::size_t EventFeed::watchedEvents() const {
    const std::lock_guard lock(m_mutex);
    return m_events.size();
}

EventFeed::Watchers EventFeed::watchersOf(const Watched& watched) {
    Watchers targets;
    targets.reserve(watched.sessions.size());
    for (auto* session : watched.sessions) targets.push_back(session->weak_from_this());
    return targets;
}

std::optional<EventFeed::Watchers> EventFeed::watchers(const std::string& eventId) const {
    const std::lock_guard lock(m_mutex);
    const auto it = m_events.find(eventId);
    if (it == m_events.end()) return std::nullopt;
    return watchersOf(it->second);
}

std::optional<EventFeed::Watchers> EventFeed::advance(const std::string& eventId, std::uint64_t done) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_events.find(eventId);
    if (it == m_events.end()) return std::nullopt;
    if (it->second.last) it->second.last = std::max(*it->second.last, done);
    return watchersOf(it->second);
}

void EventFeed::startLocked() {
    if (m_running || m_pending.empty()) return;
    EventPositions events;
    for (const auto& eventId : m_pending) {
        const auto it = m_events.find(eventId);
        if (it != m_events.end() && it->second.last) events.emplace_back(eventId, *it->second.last);
    }
    m_pending.clear();
    if (events.empty()) return;
    m_running = true;
    // One run at a time keeps each event's pushes in order. Refused only while stopping.
    if (!m_pool.post([this, events = std::move(events)](pqxx::connection& conn) { run(conn, events); }))
        m_running = false;
}

void EventFeed::run(pqxx::connection& conn, const EventPositions& events) {
    try {
        pushChanges(conn, events);
    } catch (const std::exception& e) {
        log::warn(m_name + ": reading changes failed", {{"error", e.what()}});
    }
    const std::lock_guard lock(m_mutex);
    m_running = false;
    startLocked();
}

} // namespace marquee::server::net
