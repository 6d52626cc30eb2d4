// The change-log sequencer: one leader across all server instances (session advisory lock)
// stamps committed change-log rows with a gap-free, increasing seq, then NOTIFYs
// "marquee_stamped" with the new head. Instances that are not leader keep trying. The leader
// also compacts the log and forgets old login failures on a slower tick.
#pragma once

#include "workers/background_loop.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

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
        // How long compaction waits for writers to finish before it gives up until the next
        // try; writers queue behind its lock request meanwhile, so this is short.
        std::chrono::milliseconds compactionLockWait{2000};
        // login_throttle rows whose last failure is older than this are deleted on the
        // compaction tick: the longest forgetAfterMs of the throttle policies in use.
        std::chrono::milliseconds throttleForgetAfter{std::chrono::hours(1)};
    };

    struct CompactionResult {
        std::size_t superseded = 0; // rows replaced by a newer row for the same aggregate and scope
        std::size_t tombstones = 0; // tombstones older than the retention period
        std::size_t stamped = 0;    // rows stamped inside the compaction (pending + re-appended)
        std::uint64_t horizon = 0;  // sync_meta.horizon afterwards
        std::uint64_t head = 0;     // change-log head afterwards
    };

    explicit Sequencer(std::string connectionString, StampCallback onStamped = {});
    Sequencer(std::string connectionString, StampCallback onStamped, Options options);
    ~Sequencer();

    void start();
    void stop(); // releases leadership
    bool isLeader() const { return m_leader.load(); }

    // Stamps everything committed and unstamped now, on the caller's connection (tests, CLI).
    // Returns the number of rows stamped. Callers must not run it concurrently with a leader
    // (a row already stamped is never stamped again, but two stampers can compute the same
    // next seq, and one of them then fails on the unique seq).
    static std::size_t stampPending(pqxx::connection& conn);

    // Removes change-log rows a client can do without: rows superseded by a newer stamped row
    // for the same (aggregatetype, aggregateid, scope), and tombstones older than
    // `tombstoneRetention` (raising sync_meta.horizon so older cursors get reset=true; live
    // rows below the new horizon are re-appended so a sync from 0 never crosses it).
    // Holds change_log in SHARE mode throughout (writers wait; it waits at most `lockWait`
    // for writers already in flight, else throws pqxx::sql_error with SQLSTATE 55P03) and
    // stamps before and after, so no writer's row can end up ordered before a re-appended
    // copy of older data. NOTIFYs the new head when it stamped anything.
    static CompactionResult compact(pqxx::connection& conn, std::chrono::seconds tombstoneRetention,
                                    std::chrono::milliseconds lockWait = std::chrono::seconds(2));

    // Deletes login_throttle rows whose last failure is older than `forgetAfter` (they
    // count as no failures anyway). Returns the number deleted.
    static std::size_t forgetLoginFailures(pqxx::connection& conn, std::chrono::milliseconds forgetAfter);

private:
    void run();
    bool compactionTick(pqxx::connection& conn);

    std::string m_connectionString;
    StampCallback m_onStamped;
    Options m_options;
    std::atomic<bool> m_leader{false};
    BackgroundLoop m_loop;
};

} // namespace marquee::server::workers
