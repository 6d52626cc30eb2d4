// Listens for "marquee_stamped" notifications (from whichever instance leads the sequencer)
// and reports the new head to this instance's fan-out. Reconnects after database loss.
#pragma once

#include "workers/background_loop.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace marquee::server::workers {

class StampListener {
public:
    // Called on the listener thread: once per wake-up that brought a newer head (however
    // many notifications arrived), and again with the same newest head on every idle tick,
    // so a receiver whose push failed gets another chance (it ignores heads it has pushed).
    using HeadCallback = std::function<void(std::uint64_t head)>;

    StampListener(std::string connectionString, HeadCallback onHead,
                  std::chrono::milliseconds tick = std::chrono::milliseconds(200));
    ~StampListener();

    void start();
    void stop();

private:
    void run();

    std::string m_connectionString;
    HeadCallback m_onHead;
    std::chrono::milliseconds m_tick;
    BackgroundLoop m_loop;
};

} // namespace marquee::server::workers
