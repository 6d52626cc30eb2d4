// The wishlist alert worker (issue 8): every interval, on the one instance that gets the
// db::lockkey::kWishlistAlerts lock for the pass, runs a wishlist alert pass
// (recommend::runWishlistAlerts) and, less often, a weekly digest pass
// (recommend::runWeeklyDigests). The lock only saves work: both passes are safe to run on
// several instances at once (row locks and dedup keys keep every mail single).
#pragma once

#include "recommend/weekly_digest.hpp"
#include "recommend/wishlist_alerts.hpp"
#include "workers/background_loop.hpp"

#include <pqxx/connection>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace marquee::server::workers {

class WishlistAlertWorker {
public:
    struct Options {
        std::chrono::milliseconds alertInterval{std::chrono::minutes(1)};
        std::chrono::milliseconds digestInterval{std::chrono::minutes(10)};
        recommend::AlertOptions alerts;
        recommend::DigestOptions digest;
        std::function<std::int64_t()> clockMs; // "now" in ms since the epoch; empty: the system clock
    };

    struct PassResult {
        bool led = false;                     // this instance held the lock for the pass
        recommend::AlertPassReport alerts;
        recommend::DigestPassReport digest;
    };

    WishlistAlertWorker(std::string connectionString, Options options);
    ~WishlistAlertWorker();
    WishlistAlertWorker(const WishlistAlertWorker&) = delete;
    WishlistAlertWorker& operator=(const WishlistAlertWorker&) = delete;

    void start();
    void stop();

    // One pass on `conn` if this call gets the lock: alerts, and the digest when `withDigest`.
    PassResult runOnce(pqxx::connection& conn, bool withDigest);

private:
    void run();
    std::int64_t nowMs() const;

    std::string m_connectionString;
    Options m_options;
    BackgroundLoop m_loop;
};

} // namespace marquee::server::workers
