// The seat-status stamper: one leader across all server instances (session advisory lock)
// numbers committed seat-status changes per event, gap-free, after they commit
// (Api::stampSeatChanges), which NOTIFYs "marquee_seats" for the seat feeds. Writers send no
// NOTIFY of their own (a NOTIFY serializes commits database-wide), so it polls: again soon
// after a round that stamped something, every idle interval otherwise.
#pragma once

#include "workers/background_loop.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include <pqxx/connection>

namespace marquee::server::workers {

class SeatStamper {
public:
    // Stamps what is committed on `conn`; returns how many changes (Api::stampSeatChanges).
    using Stamp = std::function<std::size_t(pqxx::connection&)>;
    struct Options {
        // Pause after a round that stamped something: lets a few more commits land, so rounds
        // stay cheap under load, and bounds how late a delta goes out.
        std::chrono::milliseconds busyInterval{2};
        // Pause after an empty round: how late the first change after a quiet spell is seen.
        std::chrono::milliseconds idleInterval{20};
        std::chrono::milliseconds leaderRetry{1000}; // how often a follower tries to lead
    };

    SeatStamper(std::string connectionString, Stamp stamp);
    SeatStamper(std::string connectionString, Stamp stamp, Options options);
    ~SeatStamper();

    void start();
    void stop(); // releases leadership
    bool isLeader() const { return m_leader.load(); }

private:
    void run();

    std::string m_connectionString;
    Stamp m_stamp;
    Options m_options;
    std::atomic<bool> m_leader{false};
    BackgroundLoop m_loop;
};

} // namespace marquee::server::workers
