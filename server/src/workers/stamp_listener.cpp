// StampListener: follows "marquee_stamped" on its own connection and reports new heads,
// one callback per wake-up however many notifications arrived, and the newest head again
// on every idle tick.
#include "workers/stamp_listener.hpp"

#include "common/log.hpp"
#include "db/change_log_sql.hpp"
#include "db/session_settings.hpp"

#include <pqxx/pqxx>

#include <charconv>

namespace marquee::server::workers {

namespace {

class HeadReceiver final : public pqxx::notification_receiver {
public:
    HeadReceiver(pqxx::connection& conn, std::uint64_t& newest)
        : pqxx::notification_receiver(conn, "marquee_stamped"), m_newest(newest) {}
    void operator()(const std::string& payload, int) override {
        std::uint64_t head = 0;
        const auto [end, ec] = std::from_chars(payload.data(), payload.data() + payload.size(), head);
        if (ec == std::errc() && end == payload.data() + payload.size()) m_newest = std::max(m_newest, head);
    }

private:
    std::uint64_t& m_newest;
};

} // namespace

StampListener::StampListener(std::string connectionString, HeadCallback onHead, std::chrono::milliseconds tick)
    : m_connectionString(std::move(connectionString)), m_onHead(std::move(onHead)), m_tick(tick) {}

StampListener::~StampListener() { stop(); }

void StampListener::start() {
    m_loop.start([this] { run(); });
}

void StampListener::stop() { m_loop.stop(); }

void StampListener::run() {
    using namespace std::chrono_literals;
    std::uint64_t reported = 0;
    m_loop.runConnected(m_connectionString, "stamp listener", [&](pqxx::connection& conn) {
        db::applySessionLimits(conn);
        std::uint64_t newest = 0;
        HeadReceiver receiver(conn, newest);
        // Catch up on stamps made while we were not listening (start-up, outage).
        {
            pqxx::read_transaction tx(conn);
            newest = std::max(newest, tx.exec1(db::kSelectChangeLogHead)[0].as<std::uint64_t>());
        }
        const auto us = std::chrono::duration_cast<std::chrono::microseconds>(m_tick).count();
        bool idleTick = false;
        while (!m_loop.stopping()) {
            // Report a newer head at once; on an idle tick repeat the newest, so a push
            // that failed downstream is retried without waiting for the next stamp.
            if (newest > reported || (idleTick && newest > 0)) {
                reported = std::max(reported, newest);
                if (m_onHead) m_onHead(newest);
            }
            // Bounded so that stop() is prompt and idle ticks happen.
            idleTick = conn.await_notification(static_cast<long>(us / 1000000), static_cast<long>(us % 1000000)) == 0;
            if (!conn.is_open()) throw pqxx::broken_connection("stamp listener connection closed");
        }
    });
}

} // namespace marquee::server::workers
