// Live check-ins of this server instance (WatchCheckIns): the fan-out of new check-in records
// and voided tickets, read once per change (NOTIFY "marquee_checkins" from any instance) on a
// db worker and pushed as CheckInBatch frames with request_id 0. Watching and cursors: EventFeed.
#pragma once

#include "net/event_feed.hpp"

namespace marquee::server {
class Api;
} // namespace marquee::server

namespace marquee::server::net {

class CheckInFeed final : public EventFeed {
public:
    CheckInFeed(db::Pool& pool, Api& api);

private:
    void pushChanges(pqxx::connection& conn, const EventPositions& events) override;

    Api& m_api;
};

} // namespace marquee::server::net
