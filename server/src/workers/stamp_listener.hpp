// Listens for "marquee_stamped" notifications (from whichever instance leads the sequencer)
// and reports the new head to this instance's fan-out. Reconnects after database loss.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

namespace marquee::server::workers {

class StampListener {
public:
    using HeadCallback = std::function<void(std::uint64_t head)>;

    StampListener(std::string connectionString, HeadCallback onHead);
    ~StampListener();

    void start();
    void stop();

private:
    void run();

    std::string m_connectionString;
    HeadCallback m_onHead;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace marquee::server::workers
