// The wishlist alert and weekly digest loop (see wishlist_alert_worker.hpp).
#include "workers/wishlist_alert_worker.hpp"

#include "common/log.hpp"
#include "db/lock_keys.hpp"

#include <pqxx/pqxx>

namespace marquee::server::workers {

WishlistAlertWorker::WishlistAlertWorker(std::string connectionString, Options options)
    : m_connectionString(std::move(connectionString)), m_options(std::move(options)) {}

WishlistAlertWorker::~WishlistAlertWorker() { stop(); }

void WishlistAlertWorker::start() {
    m_loop.start([this] { run(); });
}

void WishlistAlertWorker::stop() { m_loop.stop(); }

std::int64_t WishlistAlertWorker::nowMs() const {
    if (m_options.clockMs) return m_options.clockMs();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

WishlistAlertWorker::PassResult WishlistAlertWorker::runOnce(pqxx::connection& conn, bool withDigest) {
    PassResult result;
    {
        pqxx::nontransaction lock(conn);
        result.led = lock.exec_params1("SELECT pg_try_advisory_lock($1)", db::lockkey::kWishlistAlerts)[0].as<bool>();
    }
    if (!result.led) return result;
    const auto unlock = [&conn] {
        pqxx::nontransaction tx(conn);
        tx.exec_params("SELECT pg_advisory_unlock($1)", db::lockkey::kWishlistAlerts);
    };
    try {
        result.alerts = recommend::runWishlistAlerts(conn, nowMs(), m_options.alerts);
        if (withDigest) result.digest = recommend::runWeeklyDigests(conn, nowMs(), m_options.digest);
    } catch (...) {
        if (conn.is_open()) unlock();
        throw;
    }
    unlock();
    return result;
}

void WishlistAlertWorker::run() {
    auto nextDigest = std::chrono::steady_clock::now(); // a digest pass soon after start
    while (!m_loop.stopping()) {
        try {
            pqxx::connection conn(m_connectionString);
            while (!m_loop.stopping()) {
                const auto now = std::chrono::steady_clock::now();
                const bool withDigest = now >= nextDigest;
                runOnce(conn, withDigest);
                if (withDigest) nextDigest = now + m_options.digestInterval;
                if (!m_loop.sleepFor(m_options.alertInterval)) return;
            }
        } catch (const std::exception& e) {
            log::warn("wishlist alert worker failed; retrying", {{"error", e.what()}});
            if (!m_loop.sleepFor(std::chrono::seconds(10))) return;
        }
    }
}

} // namespace marquee::server::workers
