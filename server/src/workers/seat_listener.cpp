// SeatListener: one LISTEN connection for seat-status notifications; reconnects with back-off.
#include "workers/seat_listener.hpp"

#include "common/log.hpp"
#include "db/session_settings.hpp"

#include <pqxx/pqxx>

namespace marquee::server::workers {

namespace {

class ChangeReceiver final : public pqxx::notification_receiver {
public:
    ChangeReceiver(pqxx::connection& conn, const std::string& channel,
                   const std::function<void(const std::string&)>& onChange)
        : pqxx::notification_receiver(conn, channel), m_onChange(onChange) {}
    void operator()(const std::string& payload, int) override {
        // The seq is informational: the feed reads the current status_seq with the rows.
        const auto colon = payload.find(':');
        if (colon == std::string::npos || colon == 0) return;
        if (m_onChange) m_onChange(payload.substr(0, colon));
    }

private:
    const std::function<void(const std::string&)>& m_onChange;
};

} // namespace

SeatListener::SeatListener(std::string connectionString, Callbacks callbacks)
    : SeatListener(std::move(connectionString), std::move(callbacks), Options{}) {}

SeatListener::SeatListener(std::string connectionString, Callbacks callbacks, Options options)
    : m_connectionString(std::move(connectionString)), m_callbacks(std::move(callbacks)), m_options(options) {}

SeatListener::~SeatListener() { stop(); }

void SeatListener::start() {
    m_loop.start([this] { run(); });
}

void SeatListener::stop() { m_loop.stop(); }

void SeatListener::run() {
    using namespace std::chrono_literals;
    using Clock = std::chrono::steady_clock;
    auto nextMaintenance = Clock::now() + m_options.maintenanceEvery;
    m_loop.runConnected(m_connectionString, "seat listener", [&](pqxx::connection& conn) {
        db::applySessionLimits(conn);
        ChangeReceiver receiver(conn, m_options.channel, m_callbacks.onChange);
        // Changes made while we were not listening.
        if (m_callbacks.onTick) m_callbacks.onTick();
        const auto us = std::chrono::duration_cast<std::chrono::microseconds>(m_options.tick).count();
        while (!m_loop.stopping()) {
            const bool idle =
                conn.await_notification(static_cast<long>(us / 1000000), static_cast<long>(us % 1000000)) == 0;
            if (!conn.is_open()) throw pqxx::broken_connection("seat listener connection closed");
            if (idle && m_callbacks.onTick) m_callbacks.onTick();
            if (Clock::now() >= nextMaintenance) {
                nextMaintenance = Clock::now() + m_options.maintenanceEvery;
                try {
                    if (m_callbacks.maintenance) m_callbacks.maintenance(conn);
                } catch (const pqxx::broken_connection&) {
                    throw;
                } catch (const std::exception& e) {
                    log::warn("seat listener maintenance failed", {{"error", e.what()}});
                }
            }
        }
    });
}

} // namespace marquee::server::workers
