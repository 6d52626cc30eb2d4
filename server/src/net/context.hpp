// What every network session shares: the database pool, the request API, the fan-out hub,
// metrics, and the transport limits from docs/protocol.md.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>

namespace marquee::server {
class Api;
namespace db {
class Pool;
}
} // namespace marquee::server

namespace marquee::server::net {

class Metrics;
class SessionHub;

struct Limits {
    std::size_t maxFrameBytes = 1024 * 1024;
    double ratePerSecond = 200;
    double burst = 400;
    // A client that keeps sending after being told to slow down is closed (1008) once its
    // refused frames outrun a second bucket this many bursts deep.
    double abuseBurstMultiple = 4;
    std::size_t maxQueuedFrames = 1024;
    std::size_t maxInFlight = 32;
    std::size_t httpBodyLimit = 64 * 1024;
    std::chrono::seconds httpTimeout{30};
    std::chrono::milliseconds readyTimeout{2000};
};

struct Context {
    db::Pool& pool;
    Api& api;
    SessionHub& hub;
    Metrics& metrics;
    Limits limits;
    std::atomic<bool> stopping{false};
};

} // namespace marquee::server::net
