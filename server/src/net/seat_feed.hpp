// Live seat-map deltas of this server instance: the fan-out of committed status changes (read
// once per change from the status log on a db worker, pushed as SeatDelta frames; holds show
// as HeldByMe to their holder only). Watching and positions: EventFeed.
#pragma once

#include "net/event_feed.hpp"

#include <cstdint>
#include <string>

namespace marquee::server {
class Api;
} // namespace marquee::server

namespace marquee::server::net {

class SeatFeed final : public EventFeed {
public:
    SeatFeed(db::Pool& pool, Api& api);

private:
    void pushChanges(pqxx::connection& conn, const EventPositions& events) override;
    void fanOut(pqxx::connection& conn, const std::string& eventId, std::uint64_t from, std::uint64_t current);

    Api& m_api;
};

} // namespace marquee::server::net
