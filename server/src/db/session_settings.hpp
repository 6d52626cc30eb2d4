// Per-session settings for every server connection: time limits so that no query, lock wait
// or forgotten transaction can hold a worker (and so shutdown) for ever, and the switches the
// sequencer's leader session needs.
#pragma once

#include <pqxx/connection_base>

#include <chrono>

namespace marquee::server::db {

// Defaults for all server connections. Every request-path statement runs in milliseconds;
// the limits are far above that so that the slow but legitimate paths (the demo catalog
// load, ingestion bulk loads, compaction of a large log) fit without per-transaction
// overrides, while a stuck statement still releases its worker well within a minute. A path
// that really needs longer runs `SET LOCAL statement_timeout = ...` in its transaction.
struct SessionLimits {
    std::chrono::milliseconds statementTimeout{30'000};
    // Row and table locks are held for milliseconds, except behind compaction's SHARE lock
    // on change_log (itself bounded by its own 2 s wait plus the compaction).
    std::chrono::milliseconds lockTimeout{10'000};
    // No job leaves a transaction idle between statements for long (Argon2 hashing is the
    // slowest thing done inside one); a transaction left open by a bug is ended.
    std::chrono::milliseconds idleInTransactionTimeout{60'000};
};

// Applies `limits` with set_variable, which libpqxx re-applies if it ever reconnects the
// session.
void applySessionLimits(pqxx::connection_base& conn, const SessionLimits& limits = {});

// Makes libpqxx throw broken_connection instead of silently opening a new session when the
// old one broke. Callers whose session state matters (an advisory lock, LISTEN) or that
// reconnect on their own terms use it.
void inhibitReactivation(pqxx::connection_base& conn);

// Lets the server notice a leader host that vanished (power loss, partition) within about
// half a minute instead of TCP's minutes, so its advisory lock is released and another
// instance takes over. Ignored (and harmless) on unix-socket sessions.
void applyLeaderKeepalives(pqxx::connection_base& conn);

} // namespace marquee::server::db
