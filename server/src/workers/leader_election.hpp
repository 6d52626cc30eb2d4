// Leader election for background workers (sequencer, ingest scheduler): the leader is the
// session holding a session-level advisory lock, released by PostgreSQL when it ends.
#pragma once

#include "workers/background_loop.hpp"

#include <pqxx/connection>

#include <chrono>
#include <cstdint>

namespace marquee::server::workers {

// Prepares `conn` to hold a leader lock (never silently reconnects, session limits, leader
// keepalives), then tries `lockKey` every `retry` until it holds it (true) or the loop is
// stopping (false).
bool becomeLeader(pqxx::connection& conn, std::int64_t lockKey, BackgroundLoop& loop, std::chrono::milliseconds retry);

} // namespace marquee::server::workers
