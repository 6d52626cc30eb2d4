// The waitlist offer worker: LISTENs on "marquee_seats" (every seat-status change, releases
// included) and offers the freed seats of events with a waiting queue (waitlist::offerSeats);
// a tick settles offers (bought → accepted, lapsed → expired, their seats to the next in line)
// and now and then re-offers every queued event, in case a notification was missed. Safe on
// every instance: one worker at a time per event (advisory lock), entries locked SKIP LOCKED.
#pragma once

#include "workers/background_loop.hpp"

#include <chrono>
#include <string>

namespace marquee::server::workers {

class WaitlistWorker {
public:
    struct Options {
        std::chrono::milliseconds tick{1000};
        // Every queued event is looked at this often even without a notification.
        std::chrono::milliseconds rescanEvery{15'000};
        // A busy event (many holds a second) is looked at no more often than this.
        std::chrono::milliseconds minEventInterval{250};
    };

    explicit WaitlistWorker(std::string connectionString);
    WaitlistWorker(std::string connectionString, Options options);
    ~WaitlistWorker();

    void start();
    void stop();

private:
    void run();

    std::string m_connectionString;
    Options m_options;
    BackgroundLoop m_loop;
};

} // namespace marquee::server::workers
