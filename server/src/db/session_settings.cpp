// Session settings for server connections (see session_settings.hpp).
#include "db/session_settings.hpp"

#include <string>

namespace marquee::server::db {

void applySessionLimits(pqxx::connection_base& conn, const SessionLimits& limits) {
    // Integer values without a unit are milliseconds for these settings.
    conn.set_variable("statement_timeout", std::to_string(limits.statementTimeout.count()));
    conn.set_variable("lock_timeout", std::to_string(limits.lockTimeout.count()));
    conn.set_variable("idle_in_transaction_session_timeout", std::to_string(limits.idleInTransactionTimeout.count()));
}

void inhibitReactivation(pqxx::connection_base& conn) {
    // Deprecated in libpqxx 6 only because 7 drops reactivation altogether; 6.4 reactivates
    // by default, so it must be switched off here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    conn.inhibit_reactivation(true);
#pragma GCC diagnostic pop
}

void applyLeaderKeepalives(pqxx::connection_base& conn) {
    conn.set_variable("tcp_keepalives_idle", "10");     // seconds idle before the first probe
    conn.set_variable("tcp_keepalives_interval", "5");  // seconds between probes
    conn.set_variable("tcp_keepalives_count", "3");     // unanswered probes before giving up
    conn.set_variable("tcp_user_timeout", "30000");     // ms unacknowledged data may wait
}

} // namespace marquee::server::db
