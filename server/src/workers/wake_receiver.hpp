// LISTEN for a worker's own connection: libpqxx 6 needs a receiver object for LISTEN; the
// workers only use the wake-up (await_notification returns), not the payload.
#pragma once

#include <pqxx/connection>
#include <pqxx/notification>

#include <string>

namespace marquee::server::workers {

class WakeReceiver final : public pqxx::notification_receiver {
public:
    WakeReceiver(pqxx::connection& conn, const std::string& channel) : pqxx::notification_receiver(conn, channel) {}
    void operator()(const std::string&, int) override {}
};

} // namespace marquee::server::workers
