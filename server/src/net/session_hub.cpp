// Live-push fan-out. The change-log read happens once per head on a db worker; sessions get
// pre-serialized frames (one per distinct user), posted to their strands.
#include "net/session_hub.hpp"

#include "common/log.hpp"
#include "db/pool.hpp"
#include "net/metrics.hpp"
#include "net/websocket_session.hpp"
#include "services/api.hpp"

#include <exception>
#include <unordered_map>
#include <vector>

namespace marquee::server::net {

SessionHub::SessionHub(db::Pool& pool, Api& api, Metrics& metrics) : m_pool(pool), m_api(api), m_metrics(metrics) {}

void SessionHub::join(WebSocketSession& session) {
    const std::lock_guard lock(m_mutex);
    m_sessions.insert(&session);
}

void SessionHub::leave(WebSocketSession& session) {
    const std::lock_guard lock(m_mutex);
    m_sessions.erase(&session);
}

std::size_t SessionHub::size() const {
    const std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

void SessionHub::setInitialHead(std::uint64_t head) {
    const std::lock_guard lock(m_mutex);
    m_lastBroadcast = head;
    m_pendingHead = head;
    m_metrics.setSyncHead(static_cast<double>(head));
}

void SessionHub::onHead(std::uint64_t head) {
    const std::lock_guard lock(m_mutex);
    if (head <= m_pendingHead) return;
    m_pendingHead = head;
    m_notifiedAt = std::chrono::steady_clock::now();
    if (!m_fanOutRunning) startFanOutLocked();
}

void SessionHub::startFanOutLocked() {
    m_fanOutRunning = true;
    const auto from = m_lastBroadcast;
    const auto to = m_pendingHead;
    const auto notifiedAt = m_notifiedAt;
    // Refused only while stopping: the sessions are closing, nothing to push to.
    if (!m_pool.post([this, from, to, notifiedAt](pqxx::connection& conn) { fanOut(conn, from, to, notifiedAt); }))
        m_fanOutRunning = false;
}

void SessionHub::fanOut(pqxx::connection& conn, std::uint64_t from, std::uint64_t to,
                        std::chrono::steady_clock::time_point notifiedAt) {
    FeedRange range;
    try {
        range = m_api.changesInRange(conn, from, to);
    } catch (const std::exception& e) {
        // Leave lastBroadcast where it was: the next head covers this range too.
        log::error("fan-out: reading changes failed", {{"from", from}, {"to", to}, {"error", e.what()}});
        const std::lock_guard lock(m_mutex);
        m_pendingHead = m_lastBroadcast;
        m_fanOutRunning = false;
        return;
    }

    // Copy weak pointers under the lock, deliver after releasing it (chat-multi).
    std::vector<std::weak_ptr<WebSocketSession>> targets;
    {
        const std::lock_guard lock(m_mutex);
        targets.reserve(m_sessions.size());
        for (auto* session : m_sessions) targets.push_back(session->weak_from_this());
    }

    std::unordered_map<std::int64_t, std::shared_ptr<const std::string>> frames;
    const auto frameFor = [&](std::int64_t userId) {
        auto& frame = frames[userId];
        if (!frame) {
            v1::Envelope push;
            push.set_request_id(0);
            auto* batch = push.mutable_change_batch();
            // Too large to push: an empty batch starting at `to` makes every client that is
            // behind pull the range in bounded pages.
            batch->set_from_cursor(range.tooLarge ? to : from);
            batch->set_next_cursor(to);
            batch->set_head(to);
            for (const auto& fc : range.changes)
                if (fc.scopeUserId == 0 || (userId != 0 && fc.scopeUserId == userId))
                    *batch->add_changes() = fc.change;
            auto bytes = std::make_shared<std::string>();
            push.SerializeToString(bytes.get());
            frame = std::move(bytes);
        }
        return frame;
    };
    std::size_t delivered = 0;
    for (const auto& weak : targets) {
        if (auto session = weak.lock()) {
            session->deliverPush(frameFor(session->userId()));
            ++delivered;
        }
    }
    m_metrics.pushDelay(std::chrono::duration<double>(std::chrono::steady_clock::now() - notifiedAt).count());
    m_metrics.setSyncHead(static_cast<double>(to));
    log::debug("fan-out", {{"from", from}, {"to", to}, {"changes", range.changes.size()}, {"too_large", range.tooLarge}, {"sessions", delivered}});

    const std::lock_guard lock(m_mutex);
    m_lastBroadcast = to;
    if (m_pendingHead > to)
        startFanOutLocked();
    else
        m_fanOutRunning = false;
}

void SessionHub::shutdownAll() {
    std::vector<std::weak_ptr<WebSocketSession>> targets;
    {
        const std::lock_guard lock(m_mutex);
        for (auto* session : m_sessions) targets.push_back(session->weak_from_this());
    }
    for (const auto& weak : targets)
        if (auto session = weak.lock()) session->shutdown();
}

void SessionHub::closeByTokenHash(const std::string& tokenHash) {
    if (tokenHash.empty()) return;
    std::vector<std::weak_ptr<WebSocketSession>> targets;
    {
        const std::lock_guard lock(m_mutex);
        for (auto* session : m_sessions)
            if (session->tokenHash() == tokenHash) targets.push_back(session->weak_from_this());
    }
    for (const auto& weak : targets)
        if (auto session = weak.lock()) session->closeRevoked();
}

void SessionHub::closeByDevice(const std::string& deviceId) {
    if (deviceId.empty()) return;
    std::vector<std::weak_ptr<WebSocketSession>> sessions;
    {
        const std::lock_guard lock(m_mutex);
        for (auto* session : m_sessions) sessions.push_back(session->weak_from_this());
    }
    // The device id is set by Hello on each session's strand: each session compares there.
    for (const auto& weak : sessions)
        if (auto session = weak.lock()) session->closeIfDevice(deviceId);
}

} // namespace marquee::server::net
