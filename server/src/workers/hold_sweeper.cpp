// HoldSweeper (see hold_sweeper.hpp): one connection, a sweep per interval, full batches
// repeated at once; reconnects with back-off.
#include "workers/hold_sweeper.hpp"

#include "common/log.hpp"
#include "db/session_settings.hpp"

#include <pqxx/pqxx>

namespace marquee::server::workers {

HoldSweeper::HoldSweeper(std::string connectionString, Sweep sweep)
    : HoldSweeper(std::move(connectionString), std::move(sweep), Options{}) {}

HoldSweeper::HoldSweeper(std::string connectionString, Sweep sweep, Options options)
    : m_connectionString(std::move(connectionString)), m_sweep(std::move(sweep)), m_options(options) {}

HoldSweeper::~HoldSweeper() { stop(); }

void HoldSweeper::start() {
    m_loop.start([this] { run(); });
}

void HoldSweeper::stop() { m_loop.stop(); }

void HoldSweeper::run() {
    using namespace std::chrono_literals;
    auto backoff = 100ms;
    while (!m_loop.stopping()) {
        try {
            pqxx::connection conn(m_connectionString);
            db::applySessionLimits(conn);
            backoff = 100ms;
            while (!m_loop.stopping()) {
                std::size_t released = 0;
                try {
                    released = m_sweep(conn);
                } catch (const pqxx::broken_connection&) {
                    throw;
                } catch (const std::exception& e) {
                    // A rolled-back sweep (deadlock, serialization) is simply tried again next time.
                    log::warn("hold sweep failed", {{"error", e.what()}});
                }
                if (released > 0) log::debug("released lapsed holds", {{"holds", released}});
                // A full batch may mean more are waiting: sweep again without sleeping.
                if (released == 0) m_loop.sleepFor(m_options.interval);
            }
        } catch (const std::exception& e) {
            log::warn("hold sweeper lost its database connection", {{"error", e.what()}});
            m_loop.sleepFor(backoff);
            backoff = std::min<std::chrono::milliseconds>(backoff * 2, 5s);
        }
    }
}

} // namespace marquee::server::workers
