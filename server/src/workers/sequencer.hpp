// The change-log sequencer: one leader across all server instances (session advisory lock)
// stamps committed change-log rows with a gap-free, increasing seq, then NOTIFYs
// "marquee_stamped" with the new head. Instances that are not leader keep trying.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
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

    struct Options {
        std::chrono::milliseconds pollInterval{200};       // fallback wake-up without a NOTIFY
        std::chrono::milliseconds leaderRetry{1000};       // how often a follower tries to lead
        std::chrono::seconds compactEvery{300};            // 0: never compact in the loop
        std::chrono::seconds tombstoneRetention{std::chrono::hours(24 * 30)};
    };

    struct CompactionResult {
        std::size_t superseded = 0; // rows replaced by a newer row for the same aggregate and scope
        std::size_t tombstones = 0; // tombstones older than the retention period
        std::uint64_t horizon = 0;  // sync_meta.horizon afterwards
    };

    explicit Sequencer(std::string connectionString, StampCallback onStamped = {});
    Sequencer(std::string connectionString, StampCallback onStamped, Options options);
    ~Sequencer();

    void start();
    void stop(); // releases leadership
    bool isLeader() const { return m_leader.load(); }

    // Stamps everything committed and unstamped now, on the caller's connection (tests, CLI).
    // Returns the number of rows stamped. Callers must not run it concurrently with a leader.
    static std::size_t stampPending(pqxx::connection& conn);

    // Removes change-log rows a client can do without: rows superseded by a newer stamped row
    // for the same (aggregatetype, aggregateid, scope), and tombstones older than
    // `tombstoneRetention` (raising sync_meta.horizon so older cursors get reset=true; live
    // rows below the new horizon are re-appended so a sync from 0 never crosses it).
    static CompactionResult compact(pqxx::connection& conn, std::chrono::seconds tombstoneRetention);

private:
    void run();

    std::string m_connectionString;
    StampCallback m_onStamped;
    Options m_options;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_leader{false};
    std::thread m_thread;
};

} // namespace marquee::server::workers
