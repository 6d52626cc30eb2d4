// Follows "marquee_seats" notifications (payload "<event id>:<status_seq>", sent at commit by
// every seat-status writer on any instance) and hands them to this instance's seat feed; an
// idle tick lets the feed catch up on anything missed, and a slower tick prunes the status log.
// The check-in feed runs a second one on "marquee_checkins" (payload "<event id>:c").
#pragma once

#include "workers/background_loop.hpp"

#include <chrono>
#include <functional>
#include <string>

#include <pqxx/connection>

namespace marquee::server::workers {

class SeatListener {
public:
    struct Callbacks {
        std::function<void(const std::string& eventId)> onChange; // listener thread
        std::function<void()> onTick;                             // idle ticks and after (re)connecting
        // Runs every `maintenanceEvery` on the listener's own connection (status-log pruning).
        std::function<void(pqxx::connection&)> maintenance;
    };
    struct Options {
        std::chrono::milliseconds tick{1000};
        std::chrono::seconds maintenanceEvery{60};
        std::string channel = "marquee_seats"; // payloads "<event id>:<anything>"
    };

    SeatListener(std::string connectionString, Callbacks callbacks);
    SeatListener(std::string connectionString, Callbacks callbacks, Options options);
    ~SeatListener();

    void start();
    void stop();

private:
    void run();

    std::string m_connectionString;
    Callbacks m_callbacks;
    Options m_options;
    BackgroundLoop m_loop;
};

} // namespace marquee::server::workers
