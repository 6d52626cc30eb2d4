// becomeLeader (see leader_election.hpp).
#include "workers/leader_election.hpp"

#include "db/session_settings.hpp"

#include <pqxx/pqxx>

namespace marquee::server::workers {

bool becomeLeader(pqxx::connection& conn, std::int64_t lockKey, BackgroundLoop& loop, std::chrono::milliseconds retry) {
    // A new session would not hold the leader lock: fail instead of reconnecting.
    db::inhibitReactivation(conn);
    db::applySessionLimits(conn);
    db::applyLeaderKeepalives(conn);
    while (!loop.stopping()) {
        pqxx::nontransaction tx(conn);
        if (tx.exec_params1("SELECT pg_try_advisory_lock($1)", lockKey)[0].as<bool>()) return true;
        tx.commit();
        loop.sleepFor(retry);
    }
    return false;
}

} // namespace marquee::server::workers
