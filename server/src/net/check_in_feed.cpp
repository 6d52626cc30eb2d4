// Check-in feed: one read per changed event on a db worker, one frame for all its watchers,
// posted to their strands (each drops what its answer already had).
#include "net/check_in_feed.hpp"

#include "common/log.hpp"
#include "net/websocket_session.hpp"
#include "services/api.hpp"

#include <exception>
#include <memory>

namespace marquee::server::net {

CheckInFeed::CheckInFeed(db::Pool& pool, Api& api) : EventFeed(pool, "check-in feed"), m_api(api) {}

void CheckInFeed::pushChanges(pqxx::connection& conn, const EventPositions& events) {
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
                const auto targets = advance(eventId, done);
                if (!targets) break;
                const std::shared_ptr<const std::string> shared = std::move(frame);
                for (const auto& weak : *targets)
                    if (const auto session = weak.lock()) session->deliverCheckIns(eventId, done, shared);
                if (!more) break;
            }
        } catch (const std::exception& e) {
            // One event's failure does not hold back the others; its cursor stays, so the
            // next tick reads the same range again.
            log::warn("check-in feed: reading check-ins failed", {{"event_id", eventId}, {"error", e.what()}});
        }
    }
}

} // namespace marquee::server::net
