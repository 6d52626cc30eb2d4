// SagaRunner (see saga_runner.hpp): one connection, a pass per interval or NOTIFY, full
// batches repeated at once; reconnects with back-off.
#include "workers/saga_runner.hpp"

#include "common/log.hpp"
#include "db/session_settings.hpp"
#include "workers/wake_receiver.hpp"

#include <pqxx/pqxx>

#include <algorithm>

namespace marquee::server::workers {

SagaRunner::SagaRunner(std::string connectionString, Pass pass)
    : SagaRunner(std::move(connectionString), std::move(pass), Options{}) {}

SagaRunner::SagaRunner(std::string connectionString, Pass pass, Options options)
    : m_connectionString(std::move(connectionString)), m_pass(std::move(pass)), m_options(options) {}

SagaRunner::~SagaRunner() { stop(); }

void SagaRunner::start() {
    m_loop.start([this] { run(); });
}

void SagaRunner::stop() { m_loop.stop(); }

void SagaRunner::run() {
    using namespace std::chrono_literals;
    auto backoff = 100ms;
    while (!m_loop.stopping()) {
        try {
            pqxx::connection conn(m_connectionString);
            db::applySessionLimits(conn);
            WakeReceiver wake(conn, "marquee_saga");
            backoff = 100ms;
            while (!m_loop.stopping()) {
                std::size_t advanced = 0;
                try {
                    advanced = m_pass(conn, m_options.batch);
                } catch (const pqxx::broken_connection&) {
                    throw;
                } catch (const std::exception& e) {
                    log::warn("saga runner pass failed", {{"error", e.what()}});
                }
                if (advanced >= m_options.batch) continue; // more may be due
                // Until the interval is over, a NOTIFY or stop(); in slices so stop() is quick.
                const auto until = std::chrono::steady_clock::now() + m_options.interval;
                while (!m_loop.stopping() && std::chrono::steady_clock::now() < until) {
                    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        until - std::chrono::steady_clock::now());
                    const auto slice = std::clamp<std::chrono::milliseconds>(left, 1ms, 250ms);
                    if (conn.await_notification(0, static_cast<long>(slice.count()) * 1000) > 0) break;
                }
            }
        } catch (const std::exception& e) {
            log::warn("saga runner lost its database connection", {{"error", e.what()}});
            m_loop.sleepFor(backoff);
            backoff = std::min<std::chrono::milliseconds>(backoff * 2, 5s);
        }
    }
}

} // namespace marquee::server::workers
