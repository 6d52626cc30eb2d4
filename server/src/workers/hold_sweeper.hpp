// The hold sweeper: releases lapsed seat holds (and announces the seats) every interval. It
// locks holds FOR UPDATE SKIP LOCKED, so every instance runs one without a leader election:
// two sweepers never release the same hold, and a hold being extended or confirmed is left alone.
#pragma once

#include "workers/background_loop.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include <pqxx/connection>

namespace marquee::server::workers {

class HoldSweeper {
public:
    // Releases up to a batch of lapsed holds on `conn`; returns how many (Api::sweepExpiredHolds).
    using Sweep = std::function<std::size_t(pqxx::connection&)>;
    struct Options {
        std::chrono::milliseconds interval{1000};
    };

    HoldSweeper(std::string connectionString, Sweep sweep);
    HoldSweeper(std::string connectionString, Sweep sweep, Options options);
    ~HoldSweeper();

    void start();
    void stop();

private:
    void run();

    std::string m_connectionString;
    Sweep m_sweep;
    Options m_options;
    BackgroundLoop m_loop;
};

} // namespace marquee::server::workers
