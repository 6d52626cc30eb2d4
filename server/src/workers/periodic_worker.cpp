// PeriodicWorker (see periodic_worker.hpp).
#include "workers/periodic_worker.hpp"

#include "common/log.hpp"
#include "db/session_settings.hpp"
#include "workers/wake_receiver.hpp"

#include <pqxx/pqxx>

#include <algorithm>
#include <memory>

namespace marquee::server::workers {

PeriodicWorker::PeriodicWorker(std::string connectionString, Pass pass, Options options)
    : m_connectionString(std::move(connectionString)), m_pass(std::move(pass)), m_options(std::move(options)) {}

PeriodicWorker::~PeriodicWorker() { stop(); }

void PeriodicWorker::start() {
    m_loop.start([this] { run(); });
}

void PeriodicWorker::stop() { m_loop.stop(); }

void PeriodicWorker::run() {
    using namespace std::chrono_literals;
    m_loop.runConnected(m_connectionString, m_options.name, [&](pqxx::connection& conn) {
        db::applySessionLimits(conn);
        std::unique_ptr<WakeReceiver> wake;
        if (!m_options.wakeChannel.empty()) wake = std::make_unique<WakeReceiver>(conn, m_options.wakeChannel);
        while (!m_loop.stopping()) {
            bool more = false;
            try {
                more = m_pass(conn);
            } catch (const pqxx::broken_connection&) {
                throw;
            } catch (const std::exception& e) {
                // A rolled-back pass (deadlock, serialization, a bad row) is tried again later.
                log::warn(m_options.name + " pass failed", {{"error", e.what()}});
            }
            if (!more) waitForNextPass(conn, wake != nullptr);
        }
    });
}

void PeriodicWorker::waitForNextPass(pqxx::connection& conn, bool listening) {
    using namespace std::chrono_literals;
    if (!listening) {
        m_loop.sleepFor(m_options.interval);
        return;
    }
    // In slices, so stop() is noticed quickly while waiting on the socket.
    const auto until = std::chrono::steady_clock::now() + m_options.interval;
    while (!m_loop.stopping() && std::chrono::steady_clock::now() < until) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        const auto slice = std::clamp<std::chrono::milliseconds>(left, 1ms, 250ms);
        if (conn.await_notification(0, static_cast<long>(slice.count()) * 1000) > 0) return;
    }
}

} // namespace marquee::server::workers
