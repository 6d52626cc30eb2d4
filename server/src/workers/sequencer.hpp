// The change-log sequencer: one leader across all server instances (session advisory lock)
// stamps committed change-log rows with a gap-free, increasing seq, then NOTIFYs
// "marquee_stamped" with the new head. Instances that are not leader keep trying.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include <pqxx/connection>

namespace marquee::server::workers {

class Sequencer {
public:
    // onStamped(rows, head, oldestUnstampedAgeSeconds) is called on the sequencer thread
    // after each stamping transaction commits (for metrics).
    using StampCallback = std::function<void(std::size_t rows, std::uint64_t head, double lagSeconds)>;

    explicit Sequencer(std::string connectionString, StampCallback onStamped = {});
    ~Sequencer();

    void start();
    void stop(); // releases leadership
    bool isLeader() const { return m_leader.load(); }

    // Stamps everything committed and unstamped now, on the caller's connection (tests, CLI).
    // Returns the number of rows stamped. Callers must not run it concurrently with a leader.
    static std::size_t stampPending(pqxx::connection& conn);

private:
    void run();

    std::string m_connectionString;
    StampCallback m_onStamped;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_leader{false};
    std::thread m_thread;
};

} // namespace marquee::server::workers
