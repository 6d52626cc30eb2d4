// A database worker thread that runs a pass every interval on a connection of its own: at once
// again when the pass says more is due (a full batch), early when a NOTIFY arrives on its wake
// channel, and after a reconnect with back-off when the connection breaks. The hold sweeper
// and the saga runner are two of them (app/server.cpp).
#pragma once

#include "workers/background_loop.hpp"

#include <chrono>
#include <functional>
#include <string>

#include <pqxx/connection>

namespace marquee::server::workers {

class PeriodicWorker {
public:
    // One pass on `conn`; true when more work may be due right now. A pass that throws is
    // logged and retried next interval (a broken connection reconnects first).
    using Pass = std::function<bool(pqxx::connection&)>;
    struct Options {
        std::string name;                          // in log lines: "hold sweeper", "saga runner"
        std::chrono::milliseconds interval{1000};
        std::string wakeChannel;                   // LISTEN channel that starts a pass early; "" none
    };

    PeriodicWorker(std::string connectionString, Pass pass, Options options);
    ~PeriodicWorker(); // stop()
    PeriodicWorker(const PeriodicWorker&) = delete;
    PeriodicWorker& operator=(const PeriodicWorker&) = delete;

    void start();
    void stop();

private:
    void run();
    // Until the interval is over, a notification on the wake channel, or stop().
    void waitForNextPass(pqxx::connection& conn, bool listening);

    std::string m_connectionString;
    Pass m_pass;
    Options m_options;
    BackgroundLoop m_loop;
};

} // namespace marquee::server::workers
