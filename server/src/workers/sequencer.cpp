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

#include "common/log.hpp"
#include "db/lock_keys.hpp"

#include <pqxx/pqxx>

namespace marquee::server::workers {

namespace {

struct StampResult {
    std::size_t rows = 0;
    std::uint64_t head = 0;
    double lagSeconds = 0;
};

// Base = greatest(horizon, max(seq)): compaction may delete the newest rows (old tombstones),
// and a seq must never be handed out twice.
constexpr const char* kStampSql =
    "WITH base AS (SELECT greatest((SELECT horizon FROM sync_meta), coalesce(max(seq), 0)) AS h FROM change_log), "
    "numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM change_log WHERE seq IS NULL), "
    "stamped AS (UPDATE change_log c SET seq = base.h + numbered.rn FROM numbered, base "
    "            WHERE c.id = numbered.id RETURNING c.seq, c.created_at) "
    "SELECT count(*), coalesce(max(seq), (SELECT h FROM base)), "
    "       coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::float8 FROM stamped";

StampResult stampOnce(pqxx::connection& conn) {
    pqxx::work tx(conn);
    const auto row = tx.exec1(kStampSql);
    StampResult result{row[0].as<std::size_t>(), row[1].as<std::uint64_t>(), row[2].as<double>()};
    // Delivered on commit, so listeners never see a head before its rows are readable.
    if (result.rows > 0) tx.exec_params("SELECT pg_notify('marquee_stamped', $1)", std::to_string(result.head));
    tx.commit();
    return result;
}

// LISTEN needs a receiver object in libpqxx 6; the wake-up itself is all we use.
class WakeReceiver final : public pqxx::notification_receiver {
public:
    WakeReceiver(pqxx::connection& conn, const std::string& channel) : pqxx::notification_receiver(conn, channel) {}
    void operator()(const std::string&, int) override {}
};

// Sleeps up to `total`, returning early once `stop` is set.
void sleepUnlessStopped(const std::atomic<bool>& stop, std::chrono::milliseconds total) {
    const auto deadline = std::chrono::steady_clock::now() + total;
    while (!stop.load() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(total, std::chrono::milliseconds(20)));
}

} // namespace

Sequencer::Sequencer(std::string connectionString, StampCallback onStamped)
    : Sequencer(std::move(connectionString), std::move(onStamped), Options{}) {}

Sequencer::Sequencer(std::string connectionString, StampCallback onStamped, Options options)
    : m_connectionString(std::move(connectionString)), m_onStamped(std::move(onStamped)), m_options(options) {}

Sequencer::~Sequencer() { stop(); }

void Sequencer::start() {
    if (m_thread.joinable()) return;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void Sequencer::stop() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
    m_leader = false;
}

std::size_t Sequencer::stampPending(pqxx::connection& conn) { return stampOnce(conn).rows; }

Sequencer::CompactionResult Sequencer::compact(pqxx::connection& conn, std::chrono::seconds tombstoneRetention) {
    CompactionResult result;
    pqxx::work tx(conn);
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
        // 3. Live rows below the new horizon are re-appended (stamped again above the head).
        //    Otherwise a client syncing from 0 would page through cursors below the horizon and
        //    be told to reset forever. Each unchanged row moves about once per retention
        //    period; clients already past it just receive an identical upsert again.
        tx.exec_params("WITH moved AS (DELETE FROM change_log WHERE seq <= $1"
                       "  RETURNING id, aggregatetype, aggregateid, type, scope_user_id, payload) "
                       "INSERT INTO change_log (aggregatetype, aggregateid, type, scope_user_id, payload) "
                       "SELECT aggregatetype, aggregateid, type, scope_user_id, payload FROM moved ORDER BY id",
                       horizon);
        tx.exec_params("UPDATE sync_meta SET horizon = greatest(horizon, $1)", horizon);
    }
    result.horizon = tx.exec1("SELECT horizon FROM sync_meta")[0].as<std::uint64_t>();
    tx.commit();
    return result;
}

void Sequencer::run() {
    using namespace std::chrono_literals;
    auto backoff = 100ms;
    while (!m_stop.load()) {
        try {
            pqxx::connection conn(m_connectionString);
            // Leader election: the session lock is held for the life of this connection and
            // released by PostgreSQL if this process dies.
            while (!m_stop.load()) {
                pqxx::nontransaction tx(conn);
                if (tx.exec_params1("SELECT pg_try_advisory_lock($1)", db::lockkey::kSequencer)[0].as<bool>()) break;
                tx.commit();
                sleepUnlessStopped(m_stop, m_options.leaderRetry);
            }
            if (m_stop.load()) break;
            const int leaderPid = conn.backendpid();
            m_leader = true;
            backoff = 100ms;
            log::info("sequencer is leader", {{"backend_pid", leaderPid}});

            WakeReceiver wake(conn, "marquee_changes");
            auto lastCompaction = std::chrono::steady_clock::now();
            while (!m_stop.load()) {
                // A transparently re-opened connection would have lost the lock.
                if (conn.backendpid() != leaderPid) throw pqxx::broken_connection("sequencer connection was reset");
                const auto stamped = stampOnce(conn);
                if (stamped.rows > 0 && m_onStamped) m_onStamped(stamped.rows, stamped.head, stamped.lagSeconds);
                if (m_options.compactEvery.count() > 0 &&
                    std::chrono::steady_clock::now() - lastCompaction >= m_options.compactEvery) {
                    const auto compacted = compact(conn, m_options.tombstoneRetention);
                    lastCompaction = std::chrono::steady_clock::now();
                    log::info("change log compacted", {{"superseded", compacted.superseded},
                                                       {"tombstones", compacted.tombstones},
                                                       {"horizon", compacted.horizon}});
                }
                // Wakes on a writer's commit (NOTIFY marquee_changes); the timeout bounds both
                // the latency if a notification is lost and how long stop() waits.
                const auto us = std::chrono::duration_cast<std::chrono::microseconds>(m_options.pollInterval).count();
                conn.await_notification(static_cast<long>(us / 1000000), static_cast<long>(us % 1000000));
            }
        } catch (const std::exception& e) {
            m_leader = false;
            log::warn("sequencer lost its database connection", {{"error", e.what()}});
            sleepUnlessStopped(m_stop, backoff);
            backoff = std::min<std::chrono::milliseconds>(backoff * 2, 5s);
        }
    }
    m_leader = false;
}

} // namespace marquee::server::workers
