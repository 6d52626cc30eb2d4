// What every network session shares: the database pool, the request API, the fan-out hub,
// the seat feed, metrics, and the transport limits from docs/protocol.md.
#pragma once

#include "net/address.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace marquee::server {
class Api;
class PasswordHasher;
namespace db {
class Pool;
}
} // namespace marquee::server

namespace marquee::server::net {

class CheckInFeed;
class ConnectionLimiter;
class Metrics;
class SeatFeed;
class SessionHub;

struct Limits {
    std::size_t maxFrameBytes = 1024 * 1024;
    // Organizer and admin connections upload whole layouts (a 60,000-seat stadium encodes to
    // a few MB); the role is known from the token at the upgrade.
    std::size_t maxEditorFrameBytes = 16 * 1024 * 1024;
    double ratePerSecond = 200;
    double burst = 400;
    // A client that keeps sending after being told to slow down is closed (1008) once its
    // refused frames outrun a second bucket this many bursts deep.
    double abuseBurstMultiple = 4;
    std::size_t maxQueuedFrames = 1024;
    // Bytes of answers and pushes waiting to be written: above the first the connection stops
    // reading requests until the queue drains; above the second it is closed (1008).
    std::size_t pauseReadingQueuedBytes = 8 * 1024 * 1024;
    std::size_t maxQueuedBytes = 32 * 1024 * 1024;
    std::size_t maxInFlight = 32;
    std::size_t httpBodyLimit = 64 * 1024;
    std::chrono::seconds httpTimeout{30};
    // /readyz and the bearer-token check at the upgrade: 503 when the pool has not answered.
    std::chrono::milliseconds readyTimeout{2000};
    // A write the peer does not take within this is the end of the connection; a close
    // handshake gets closeTimeout before the socket is closed under it.
    std::chrono::seconds writeTimeout{30};
    std::chrono::seconds closeTimeout{5};
    // Open connections (HTTP and WebSocket). The per-address cap counts IPv6 by /64 and does
    // not apply to --trusted-proxy peers. A benchmark opens ~100 connections from
    // 127.0.0.1, so keep the per-address default well above that.
    std::size_t maxConnections = 10000;
    std::size_t maxConnectionsPerAddress = 256;
    // Peers whose X-Forwarded-For is believed (--trusted-proxy).
    std::vector<Cidr> trustedProxies;
};

struct Context {
    db::Pool& pool;
    Api& api;
    SessionHub& hub;
    SeatFeed& seats;
    Metrics& metrics;
    PasswordHasher& hasher;
    Limits limits;
    std::shared_ptr<ConnectionLimiter> connections;
    std::atomic<bool> stopping{false};
    // whsec_… secret that signs POST /webhooks/payments; empty: the route answers 404.
    std::string paymentWebhookSecret{};
    // The live check-in feed (WatchCheckIns); null: watching answers but pushes nothing.
    CheckInFeed* checkIns = nullptr;
    // Searches and suggestions run here (connections that are search sessions, possibly on a
    // read replica: --search-database-url); null: on `pool`.
    db::Pool* searchPool = nullptr;
};

} // namespace marquee::server::net
