// Seat feed: one status-log read per change on a db worker, one frame per audience (everyone,
// plus one per holder of a seat in the change), posted to the watching sessions' strands.
#include "net/seat_feed.hpp"

#include "marquee/core/seating/seat_index.hpp"
#include "net/websocket_session.hpp"
#include "services/api.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <vector>

namespace marquee::server::net {

namespace {

using core::seating::SeatStatus;

std::shared_ptr<const std::string> frameOf(const v1::SeatDelta& delta) {
    v1::Envelope push;
    push.set_request_id(0);
    *push.mutable_seat_delta() = delta;
    auto bytes = std::make_shared<std::string>();
    push.SerializeToString(bytes.get());
    return bytes;
}

// The change as `userId` sees it: their own holds are HeldByMe.
v1::SeatDelta personalized(const SeatChange& change, std::int64_t userId) {
    auto delta = change.delta;
    auto& status = *delta.mutable_status();
    for (std::size_t i = 0; i < change.holders.size() && i < status.size(); ++i)
        if (change.holders[i] == userId && status[i] == static_cast<char>(SeatStatus::Held))
            status[i] = static_cast<char>(SeatStatus::HeldByMe);
    return delta;
}

} // namespace

SeatFeed::SeatFeed(db::Pool& pool, Api& api) : EventFeed(pool, "seat feed"), m_api(api) {}

void SeatFeed::pushChanges(pqxx::connection& conn, const EventPositions& events) {
    std::vector<std::string> ids;
    ids.reserve(events.size());
    for (const auto& event : events) ids.push_back(event.first);
    const auto current = m_api.seatStatusSeqs(conn, ids);
    for (const auto& [eventId, seq] : current) {
        const auto watched = std::find_if(events.begin(), events.end(), [&](const auto& e) { return e.first == eventId; });
        if (watched == events.end() || seq <= watched->second) continue;
        fanOut(conn, eventId, watched->second, seq);
    }
}

void SeatFeed::fanOut(pqxx::connection& conn, const std::string& eventId, std::uint64_t from, std::uint64_t current) {
    const auto targets = watchers(eventId);
    if (!targets) return;
    const auto deliver = [&](const SeatChange& change) {
        const auto everyone = frameOf(change.delta);
        std::unordered_map<std::int64_t, std::shared_ptr<const std::string>> personal;
        for (const auto& weak : *targets) {
            const auto session = weak.lock();
            if (!session) continue;
            auto frame = everyone;
            const auto userId = session->userId();
            if (userId != 0 && std::find(change.holders.begin(), change.holders.end(), userId) != change.holders.end()) {
                auto& mine = personal[userId];
                if (!mine) mine = frameOf(personalized(change, userId));
                frame = mine;
            }
            session->deliverSeatDelta(eventId, change.delta.status_seq(), std::move(frame));
        }
    };

    auto done = from;
    for (;;) {
        const auto range = m_api.seatChangesAfter(conn, eventId, done);
        current = std::max(current, range.current);
        for (const auto& change : range.changes) {
            deliver(change);
            done = change.delta.status_seq();
        }
        if (!range.truncated || range.changes.empty()) break;
    }
    if (done < current) {
        // No rows for the newest seqs (pruned, or a layout move that renumbered the seats):
        // an empty delta at the current seq is a gap, and the clients resubscribe.
        SeatChange gap;
        gap.delta.set_event_id(eventId);
        gap.delta.set_status_seq(current);
        deliver(gap);
        done = current;
    }
    advance(eventId, done);
}

} // namespace marquee::server::net
