// Check-in feed: one read per changed event on a db worker, one frame for all its watchers,
// posted to their strands (each drops what its answer already had).
#include "net/check_in_feed.hpp"

#include "common/log.hpp"
#include "db/pool.hpp"
#include "net/websocket_session.hpp"
#include "services/api.hpp"

#include <algorithm>
#include <exception>
#include <memory>

namespace marquee::server::net {

CheckInFeed::CheckInFeed(db::Pool& pool, Api& api) : m_pool(pool), m_api(api) {}

void CheckInFeed::watch(const std::string& eventId, WebSocketSession& session) {
    const std::lock_guard lock(m_mutex);
    m_events[eventId].sessions.insert(&session);
}

void CheckInFeed::unwatch(const std::string& eventId, WebSocketSession& session) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_events.find(eventId);
    if (it == m_events.end()) return;
    it->second.sessions.erase(&session);
    if (it->second.sessions.empty()) {
        m_events.erase(it);
        m_pending.erase(eventId);
    }
}

void CheckInFeed::answered(const std::string& eventId, std::uint64_t cursor) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_events.find(eventId);
    if (it == m_events.end()) return;
    if (!it->second.last) it->second.last = cursor;
    m_pending.insert(eventId);
    startLocked();
}

void CheckInFeed::onChange(const std::string& eventId) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_events.find(eventId);
    if (it == m_events.end() || !it->second.last) return;
    m_pending.insert(eventId);
    startLocked();
}

void CheckInFeed::onTick() {
    const std::lock_guard lock(m_mutex);
    for (const auto& [eventId, watched] : m_events)
        if (watched.last) m_pending.insert(eventId);
    startLocked();
}

std::size_t CheckInFeed::watchedEvents() const {
    const std::lock_guard lock(m_mutex);
    return m_events.size();
}

void CheckInFeed::startLocked() {
    if (m_running || m_pending.empty()) return;
    std::vector<std::pair<std::string, std::uint64_t>> events;
    for (const auto& eventId : m_pending) {
        const auto it = m_events.find(eventId);
        if (it != m_events.end() && it->second.last) events.emplace_back(eventId, *it->second.last);
    }
    m_pending.clear();
    if (events.empty()) return;
    m_running = true;
    // One run at a time keeps each event's batches in cursor order. Refused only while stopping.
    if (!m_pool.post([this, events = std::move(events)](pqxx::connection& conn) mutable { run(conn, std::move(events)); }))
        m_running = false;
}

void CheckInFeed::run(pqxx::connection& conn, std::vector<std::pair<std::string, std::uint64_t>> events) {
    for (const auto& [eventId, from] : events) {
        try {
            auto done = from;
            for (;;) {
                auto batch = m_api.checkInsAfter(conn, eventId, done);
                if (batch.cursor() <= done) break;
                done = batch.cursor();
                v1::Envelope push;
                push.set_request_id(0);
                const bool more = batch.has_more();
                batch.set_has_more(false); // a push is always whole; the next one follows
                *push.mutable_check_in_batch() = std::move(batch);
                auto frame = std::make_shared<std::string>();
                push.SerializeToString(frame.get());
                std::vector<std::weak_ptr<WebSocketSession>> targets;
                {
                    const std::lock_guard lock(m_mutex);
                    const auto it = m_events.find(eventId);
                    if (it == m_events.end()) break;
                    for (auto* session : it->second.sessions) targets.push_back(session->weak_from_this());
                    if (it->second.last) it->second.last = std::max(*it->second.last, done);
                }
                const std::shared_ptr<const std::string> shared = std::move(frame);
                for (const auto& weak : targets)
                    if (const auto session = weak.lock()) session->deliverCheckIns(eventId, done, shared);
                if (!more) break;
            }
        } catch (const std::exception& e) {
            // `last` stays: the next tick reads the same range again.
            log::warn("check-in feed: reading check-ins failed", {{"event_id", eventId}, {"error", e.what()}});
        }
    }
    const std::lock_guard lock(m_mutex);
    m_running = false;
    startLocked();
}

} // namespace marquee::server::net
