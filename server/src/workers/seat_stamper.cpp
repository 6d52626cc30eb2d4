// SeatStamper (see seat_stamper.hpp). Leadership only saves work: stamping locks each event's
// event_seat_state row, so a second stamper (a replaced leader, a SubscribeSeats snapshot)
// waits or skips, and never hands out a seq twice.
#include "workers/seat_stamper.hpp"

#include "workers/leader_election.hpp"

#include "common/log.hpp"
#include "db/lock_keys.hpp"

#include <pqxx/pqxx>

namespace marquee::server::workers {

SeatStamper::SeatStamper(std::string connectionString, Stamp stamp)
    : SeatStamper(std::move(connectionString), std::move(stamp), Options{}) {}

SeatStamper::SeatStamper(std::string connectionString, Stamp stamp, Options options)
    : m_connectionString(std::move(connectionString)), m_stamp(std::move(stamp)), m_options(options) {}

SeatStamper::~SeatStamper() { stop(); }

void SeatStamper::start() {
    m_loop.start([this] { run(); });
}

void SeatStamper::stop() {
    m_loop.stop();
    m_leader = false;
}

void SeatStamper::run() {
    using namespace std::chrono_literals;
    m_loop.runConnected(m_connectionString, "seat stamper", [&](pqxx::connection& conn) {
        if (!becomeLeader(conn, db::lockkey::kSeatStamper, m_loop, m_options.leaderRetry)) return;
        const int leaderPid = conn.backendpid();
        m_leader = true;
        log::info("seat stamper is leader", {{"backend_pid", leaderPid}});
        while (!m_loop.stopping()) {
            if (conn.backendpid() != leaderPid) throw pqxx::broken_connection("seat stamper connection was reset");
            std::size_t stamped = 0;
            try {
                stamped = m_stamp(conn);
            } catch (const pqxx::broken_connection&) {
                throw;
            } catch (const std::exception& e) {
                // A failed round (a statement timeout, a deadlock) changed nothing: try again.
                log::warn("seat stamping failed", {{"error", e.what()}});
            }
            m_loop.sleepFor(stamped > 0 ? m_options.busyInterval : m_options.idleInterval);
        }
    }, {100ms, 5s, [this] { m_leader = false; }});
    m_leader = false;
}

} // namespace marquee::server::workers
