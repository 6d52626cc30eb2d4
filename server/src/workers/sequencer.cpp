// The change-log sequencer and compactor.
//
// Why a client can never skip a change that commits late: writers insert change_log rows
// with seq NULL; only this one stamper (the advisory-lock leader) assigns seq, in a single
// READ COMMITTED statement that sees exactly the rows committed before it started. A row
// whose transaction is still open is invisible to it and stays NULL; when it commits, the
// next stamping gives it max(seq)+1, above every seq already handed out. So seq order is
// commit-visible order, seqs are gap-free, and a client that has everything up to cursor N
// only ever needs rows with seq > N. (Ordering by id would not work: ids are taken at insert
// time, so a slow writer's id can be below ids that other clients already synced past.)
#include "workers/sequencer.hpp"

#include "workers/leader_election.hpp"
#include "workers/wake_receiver.hpp"

#include "common/log.hpp"
#include "db/change_log_sql.hpp"
#include "db/lock_keys.hpp"
#include "db/session_settings.hpp"

#include <pqxx/pqxx>

namespace marquee::server::workers {

namespace {

struct StampResult {
    std::size_t rows = 0;
    std::uint64_t head = 0;
    double lagSeconds = 0;
};

// Numbers the unstamped rows above the head. `c.seq IS NULL` is checked again on the row
// being updated: a stamper that no longer leads (its session was replaced, or it raced a new
// leader) re-checks rows the other stamper committed while it waited for their row locks, and
// skips them instead of overwriting seqs that clients may already have seen.
constexpr const char* kStampSql =
    "WITH base AS (SELECT " MARQUEE_SQL_CHANGE_LOG_HEAD " AS h), "
    "numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM change_log WHERE seq IS NULL), "
    "stamped AS (UPDATE change_log c SET seq = base.h + numbered.rn FROM numbered, base "
    "            WHERE c.id = numbered.id AND c.seq IS NULL RETURNING c.seq, c.created_at) "
    "SELECT count(*), coalesce(max(seq), (SELECT h FROM base)), "
    "       coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::float8 FROM stamped";

StampResult stampIn(pqxx::transaction_base& tx) {
    const auto row = tx.exec1(kStampSql);
    return {row[0].as<std::size_t>(), row[1].as<std::uint64_t>(), row[2].as<double>()};
}

// Delivered on commit, so listeners never see a head before its rows are readable.
void notifyStamped(pqxx::transaction_base& tx, std::uint64_t head) {
    tx.exec_params("SELECT pg_notify('marquee_stamped', $1)", std::to_string(head));
}

StampResult stampOnce(pqxx::connection& conn) {
    pqxx::work tx(conn);
    const auto result = stampIn(tx);
    if (result.rows > 0) notifyStamped(tx, result.head);
    tx.commit();
    return result;
}

} // namespace

Sequencer::Sequencer(std::string connectionString, StampCallback onStamped)
    : Sequencer(std::move(connectionString), std::move(onStamped), Options{}) {}

Sequencer::Sequencer(std::string connectionString, StampCallback onStamped, Options options)
    : m_connectionString(std::move(connectionString)), m_onStamped(std::move(onStamped)), m_options(options) {}

Sequencer::~Sequencer() { stop(); }

void Sequencer::start() {
    m_loop.start([this] { run(); });
}

void Sequencer::stop() {
    m_loop.stop();
    m_leader = false;
}

std::size_t Sequencer::stampPending(pqxx::connection& conn) { return stampOnce(conn).rows; }

Sequencer::CompactionResult Sequencer::compact(pqxx::connection& conn, std::chrono::seconds tombstoneRetention,
                                               std::chrono::milliseconds lockWait) {
    CompactionResult result;
    pqxx::work tx(conn);
    // SHARE waits for every writer holding ROW EXCLUSIVE and keeps new ones out until we
    // commit. Without it, a writer's change U for a record whose old row L is re-appended
    // below (step 3) could have an id below the copy L', so the next stamping would order the
    // old data after U: clients would roll back to L, and the next compaction would delete U
    // as superseded. The wait is short: writers queue behind this lock request.
    tx.exec_params("SELECT set_config('lock_timeout', $1, true)", std::to_string(lockWait.count()));
    tx.exec0("LOCK TABLE change_log IN SHARE MODE");
    // Every writer has committed or rolled back: stamp what they left, so each of their rows
    // counts in step 1 and gets a seq below the re-appended copies.
    const auto pending = stampIn(tx);
    result.stamped = pending.rows;

    // 1. A row superseded by a newer stamped row for the same aggregate and scope tells no
    //    client anything the newer row does not: any cursor still gets the newer one.
    result.superseded = static_cast<std::size_t>(
        tx.exec("DELETE FROM change_log c WHERE c.seq IS NOT NULL AND EXISTS ("
                " SELECT 1 FROM change_log n WHERE n.aggregatetype = c.aggregatetype"
                " AND n.aggregateid = c.aggregateid"
                " AND n.scope_user_id IS NOT DISTINCT FROM c.scope_user_id AND n.seq > c.seq)")
            .affected_rows());

    // 2. Tombstones past the retention period go; the new horizon is the newest of them, and
    //    every tombstone at or below it goes too. A client whose cursor is below the horizon
    //    may have missed one of them and gets reset=true.
    const auto newHorizon = tx.exec_params1("SELECT max(seq) FROM change_log WHERE type = 'delete' AND seq IS NOT NULL"
                                            " AND created_at < now() - $1::bigint * interval '1 second'",
                                            static_cast<std::int64_t>(tombstoneRetention.count()))[0];
    if (!newHorizon.is_null()) {
        const auto horizon = newHorizon.as<std::int64_t>();
        result.tombstones = static_cast<std::size_t>(
            tx.exec_params("DELETE FROM change_log WHERE type = 'delete' AND seq <= $1", horizon).affected_rows());
        // 3. Live rows below the new horizon are re-appended and stamped again above the head.
        //    Otherwise a client syncing from 0 would page through cursors below the horizon and
        //    be told to reset forever. Each unchanged row moves about once per retention
        //    period; clients already past it just receive an identical upsert again.
        tx.exec_params("WITH moved AS (DELETE FROM change_log WHERE seq <= $1"
                       "  RETURNING id, aggregatetype, aggregateid, type, scope_user_id, payload) "
                       "INSERT INTO change_log (aggregatetype, aggregateid, type, scope_user_id, payload) "
                       "SELECT aggregatetype, aggregateid, type, scope_user_id, payload FROM moved ORDER BY id",
                       horizon);
        tx.exec_params("UPDATE sync_meta SET horizon = greatest(horizon, $1)", horizon);
        result.stamped += stampIn(tx).rows;
    }
    const auto row = tx.exec1("SELECT horizon, " MARQUEE_SQL_CHANGE_LOG_HEAD " FROM sync_meta");
    result.horizon = row[0].as<std::uint64_t>();
    result.head = row[1].as<std::uint64_t>();
    if (result.stamped > 0) notifyStamped(tx, result.head);
    tx.commit();
    return result;
}

std::size_t Sequencer::forgetLoginFailures(pqxx::connection& conn, std::chrono::milliseconds forgetAfter) {
    pqxx::work tx(conn);
    const auto deleted = tx.exec_params("DELETE FROM login_throttle WHERE last_failure_at < now() - $1::bigint * "
                                        "interval '1 millisecond'",
                                        static_cast<std::int64_t>(forgetAfter.count()))
                             .affected_rows();
    tx.commit();
    return static_cast<std::size_t>(deleted);
}

// Compaction and throttle clean-up on the leader. SQL errors (compaction could not get its
// lock in time, a statement timed out) skip this round and return false; a lost connection
// propagates.
bool Sequencer::compactionTick(pqxx::connection& conn) {
    bool compactedOk = false;
    try {
        const auto compacted = compact(conn, m_options.tombstoneRetention, m_options.compactionLockWait);
        log::info("change log compacted", {{"superseded", compacted.superseded},
                                           {"tombstones", compacted.tombstones},
                                           {"horizon", compacted.horizon}});
        if (compacted.stamped > 0 && m_onStamped) m_onStamped(compacted.stamped, compacted.head, 0.0);
        compactedOk = true;
    } catch (const pqxx::sql_error& e) {
        log::warn("change log compaction skipped", {{"error", e.what()}, {"sqlstate", e.sqlstate()}});
    }
    try {
        const auto forgotten = forgetLoginFailures(conn, m_options.throttleForgetAfter);
        if (forgotten > 0) log::info("old login failures forgotten", {{"rows", forgotten}});
    } catch (const pqxx::sql_error& e) {
        log::warn("login throttle clean-up skipped", {{"error", e.what()}, {"sqlstate", e.sqlstate()}});
    }
    return compactedOk;
}

void Sequencer::run() {
    using namespace std::chrono_literals;
    m_loop.runConnected(m_connectionString, "sequencer", [&](pqxx::connection& conn) {
        // Leader election: the session lock is held for the life of this connection and
        // released by PostgreSQL if this process dies.
        if (!becomeLeader(conn, db::lockkey::kSequencer, m_loop, m_options.leaderRetry)) return;
        const int leaderPid = conn.backendpid();
        m_leader = true;
        log::info("sequencer is leader", {{"backend_pid", leaderPid}});

        WakeReceiver wake(conn, "marquee_changes");
        auto nextCompaction = std::chrono::steady_clock::now() + m_options.compactEvery;
        while (!m_loop.stopping()) {
            // Belt and braces next to inhibitReactivation: a re-opened session lost the lock.
            if (conn.backendpid() != leaderPid) throw pqxx::broken_connection("sequencer connection was reset");
            const auto stamped = stampOnce(conn);
            if (stamped.rows > 0 && m_onStamped) m_onStamped(stamped.rows, stamped.head, stamped.lagSeconds);
            if (m_options.compactEvery.count() > 0 && std::chrono::steady_clock::now() >= nextCompaction) {
                // A skipped round (writers kept the table busy) is retried soon, not a
                // whole period later.
                const auto wait = compactionTick(conn) ? m_options.compactEvery
                                                       : std::min<std::chrono::seconds>(m_options.compactEvery, 10s);
                nextCompaction = std::chrono::steady_clock::now() + wait;
            }
            // Wakes on a writer's commit (NOTIFY marquee_changes); the timeout bounds both
            // the latency if a notification is lost and how long stop() waits.
            const auto us = std::chrono::duration_cast<std::chrono::microseconds>(m_options.pollInterval).count();
            conn.await_notification(static_cast<long>(us / 1000000), static_cast<long>(us % 1000000));
        }
    }, {100ms, 5s, [this] { m_leader = false; }});
    m_leader = false;
}

} // namespace marquee::server::workers
