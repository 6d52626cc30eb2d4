// Seat holds per second on one event: N real WebSocket clients against the real marquee-server,
// each holding one seat at a time (closed loop), p50/p99 latency, and zero double-claimed seats
// checked in SQL after the run, every status change stamped gap-free, and a live seat-map
// watcher whose map matches a fresh snapshot. The same run measures the ceiling: pgbench
// running the server's hold SQL (services/hold_sql.hpp: the one-statement hold) as a custom
// script against the same database, the full path's three statements for comparison, and
// pgbench TPC-B for context.
#include "bench_arena.hpp"
#include "bench_process.hpp"
#include "test_server.hpp"
#include "ws_test_client.hpp"

#include "db/lock_keys.hpp"
#include "services/hold_sql.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <pqxx/pqxx>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include <unistd.h>

using namespace marquee;
using Clock = std::chrono::steady_clock;
using bench::cpuSeconds;
using bench::loadAverage;
using bench::postmasterPid;

namespace {

std::string uuidFor(int n) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "00000000-0000-4000-8000-%012d", n);
    return buffer;
}

double percentile(std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto rank = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(rank, sorted.size() - 1)];
}

struct PgbenchResult {
    double tps = 0;
    double latencyMs = 0;
    bool ok = false;
    std::string output;
};

PgbenchResult runPgbench(const QStringList& args) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("pgbench"), args);
    PgbenchResult result;
    if (!process.waitForStarted(10'000) || !process.waitForFinished(600'000)) {
        result.output = "pgbench did not run (is postgresql-contrib installed?)";
        return result;
    }
    const auto out = QString::fromUtf8(process.readAll());
    result.output = out.toStdString();
    const auto tps = QRegularExpression(QStringLiteral("tps = ([0-9.]+) \\(without")).match(out);
    const auto latency = QRegularExpression(QStringLiteral("latency average = ([0-9.]+) ms")).match(out);
    result.ok = process.exitCode() == 0 && tps.hasMatch();
    if (tps.hasMatch()) result.tps = tps.captured(1).toDouble();
    if (latency.hasMatch()) result.latencyMs = latency.captured(1).toDouble();
    return result;
}

// `sql` with $1, $2, ... replaced by `params` (highest number first, so $1 never eats $10).
std::string substitute(std::string sql, const std::vector<std::string>& params) {
    for (auto i = params.size(); i-- > 0;) {
        const auto placeholder = "$" + std::to_string(i + 1);
        for (auto at = sql.find(placeholder); at != std::string::npos; at = sql.find(placeholder, at))
            sql.replace(at, placeholder.size(), params[i]), at += params[i].size();
    }
    return sql;
}

// One HoldSeats for one seat as pgbench runs it: the server's own SQL (services/hold_sql.hpp)
// with pgbench variables for the parameters. Seats are random among 10^8 ids, so a conflict is
// rare and harmless; the advisory-lock key is hashtext() instead of the server's FNV-1a (same
// SQL, another number). oneStatement: what the server runs (kHoldNamedSeats, its own implicit
// transaction); otherwise the full path's three statements in one transaction.
std::string holdScript(const std::string& eventId, const std::string& layoutId, std::int64_t firstUser,
                       std::int64_t lastUser, bool oneStatement) {
    namespace sql = server::detail::holdsql;
    const auto ev = "'" + eventId + "'";
    const std::string key = "('pgb-' || :seat)";
    const auto lockClass = std::to_string(server::db::lockkey::kSeatHoldClass);
    std::string script;
    script += "\\set seat random(1, 100000000)\n";
    script += "\\set u random(" + std::to_string(firstUser) + ", " + std::to_string(lastUser) + ")\n";
    if (oneStatement) {
        script += substitute(sql::kHoldNamedSeats.sql,
                             {ev, ":u", key, "'" + layoutId + "'", "1", lockClass,
                              "(ARRAY[hashtext(" + ev + " || '/pgb' || :seat)])", "(ARRAY['pgb' || :seat])", "'{0}'",
                              std::to_string(static_cast<int>(core::seating::SeatStatus::Held))}) +
                  ";\n";
        return script;
    }
    script += "BEGIN;\n";
    script += substitute(sql::kHoldStart.sql, {ev, ":u", key, "(ARRAY[hashtext(" + ev + " || '/pgb' || :seat)])",
                                              lockClass}) +
              ";\n";
    script += substitute(sql::kInsertHoldWithClaims.sql,
                         {ev, ":u", key, "900", "2700", "(jsonb_build_array(jsonb_build_object('id', 'pgb' || :seat, 'idx', 0)))"}) +
              ";\n";
    script += substitute(sql::kRecordChange.sql,
                         {ev, "1", "'{0}'", "'{1}'", "('{' || :u || '}')", "'{}'", "'{}'", "'{}'"}) +
              ";\n";
    script += "END;\n";
    return script;
}

// Waits (bounded) until the server's stamper has numbered every committed status change.
bool waitForStamping(pqxx::connection& conn) {
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (test::scalar(conn, "SELECT count(*) FROM seat_status_changes WHERE status_seq IS NULL") > 0) {
        if (Clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("clients"), QStringLiteral("WebSocket clients"), QStringLiteral("n"),
                      QStringLiteral("64")});
    parser.addOption({QStringLiteral("holds"), QStringLiteral("holds in the timed run (= seats)"), QStringLiteral("n"),
                      QStringLiteral("20000")});
    parser.addOption({QStringLiteral("db-workers"), QStringLiteral("server database connections"),
                      QStringLiteral("n"), QStringLiteral("8")});
    parser.addOption({QStringLiteral("pgbench-seconds"), QStringLiteral("seconds per pgbench run"),
                      QStringLiteral("s"), QStringLiteral("10")});
    parser.process(app);
    const int clients = parser.value(QStringLiteral("clients")).toInt();
    const int holds = parser.value(QStringLiteral("holds")).toInt();
    const int dbWorkers = parser.value(QStringLiteral("db-workers")).toInt();
    const auto pgbenchSeconds = parser.value(QStringLiteral("pgbench-seconds"));
    if (clients < 1 || holds < clients || dbWorkers < 1) {
        std::fprintf(stderr, "bench_holds: need clients >= 1, holds >= clients, db-workers >= 1\n");
        return 2;
    }

    testing::TestServer server;
    QString error;
    if (!server.start(&error, {QStringLiteral("--db-workers"), QString::number(dbWorkers), QStringLiteral("--rate-limit"),
                               QStringLiteral("1000000"), QStringLiteral("--rate-burst"), QStringLiteral("1000000")})) {
        std::fprintf(stderr, "bench_holds: server did not start: %s\n", qPrintable(error));
        return 1;
    }
    const auto url = server.databaseUrl().toStdString();
    pqxx::connection conn(url);

    // One event selling a hall of `holds` seats (rows of 100), an organizer and the clients.
    server::Api api;
    const auto arena = bench::arenaEvent(api, conn, holds);
    if (!arena.error.empty()) {
        std::fprintf(stderr, "bench_holds: %s\n", arena.error.c_str());
        return 1;
    }
    const auto& eventId = arena.eventId;
    const auto& layoutId = arena.layoutId;
    auto seatIds = arena.seatIds;
    seatIds.resize(static_cast<std::size_t>(holds));
    // Clients: users and sessions written directly (a login per client would time Argon2id).
    std::vector<std::string> tokens;
    std::int64_t firstUser = 0;
    std::int64_t lastUser = 0;
    {
        pqxx::work tx(conn);
        std::mt19937_64 random(7);
        for (int c = 0; c < clients; ++c) {
            const auto id = tx.exec_params1("INSERT INTO users (email, password_hash, role) VALUES ($1, 'x', 'attendee') "
                                            "RETURNING id",
                                            "client" + std::to_string(c) + "@example.org")[0]
                                .as<std::int64_t>();
            if (c == 0) firstUser = id;
            lastUser = id;
            tokens.push_back(bench::insertSession(tx, id, random));
        }
        tx.commit();
    }

    // Connect everyone first, then start together.
    std::vector<std::unique_ptr<test::WsClient>> sockets;
    for (int c = 0; c < clients; ++c) {
        auto client = std::make_unique<test::WsClient>();
        if (!client->connect(server.port(), tokens[static_cast<std::size_t>(c)]) || !client->hello()) {
            std::fprintf(stderr, "bench_holds: client %d could not connect (HTTP %u, %s)\n", c, client->httpStatus(),
                         client->error().message().c_str());
            return 1;
        }
        sockets.push_back(std::move(client));
    }
    // A live seat map on the event throughout (anonymous, so it sees every hold as Held): each
    // delta must be the previous + 1, and its map after the last one must equal a fresh snapshot.
    auto watcher = std::make_unique<test::WsClient>();
    const auto subscribeSeats = [&](test::WsClient& client) -> std::optional<v1::SeatSnapshot> {
        v1::Envelope request;
        request.mutable_subscribe_seats()->set_event_id(eventId);
        const auto answer = client.call(request);
        if (!answer || !answer->has_seat_snapshot()) return std::nullopt;
        return answer->seat_snapshot();
    };
    const auto watch = [&](test::WsClient& client) {
        return client.connect(server.port()) && client.hello() ? subscribeSeats(client) : std::nullopt;
    };
    const auto firstSnapshot = watch(*watcher);
    if (!firstSnapshot) {
        std::fprintf(stderr, "bench_holds: the seat-map watcher could not subscribe\n");
        return 1;
    }
    struct Watched {
        std::string status;
        std::uint64_t seq = 0;
        long long deltas = 0;
        long long gaps = 0;
        long long resyncs = 0; // the connection was lost; it reconnected and resubscribed
        std::string ended;     // how the stream ended
    } watched{firstSnapshot->status(), firstSnapshot->status_seq(), 0, 0, 0, {}};
    // Reads until the stream has been quiet for a while (the run and its stamping are over). A
    // watcher that falls behind by half the send queue loses deltas (the server skips them and
    // then sends the newest, so the watcher sees a gap); like the client's SeatingService it
    // then resubscribes, and its map must still end equal to a fresh snapshot.
    std::thread watchThread([&] {
        for (;;) {
            while (const auto frame = watcher->read(std::chrono::seconds(10))) {
                if (!frame->has_seat_delta()) continue;
                const auto& delta = frame->seat_delta();
                ++watched.deltas;
                if (delta.status_seq() <= watched.seq) continue;
                if (delta.status_seq() != watched.seq + 1) {
                    ++watched.gaps;
                    const auto snapshot = subscribeSeats(*watcher);
                    if (!snapshot) break;
                    watched.status = snapshot->status();
                    watched.seq = snapshot->status_seq();
                    continue;
                }
                watched.seq = delta.status_seq();
                for (int i = 0; i < delta.seat_index_size(); ++i)
                    watched.status[delta.seat_index(i)] = delta.status()[static_cast<std::size_t>(i)];
            }
            watched.ended = watcher->error().message() +
                            (watcher->closeReason().empty() ? "" : " (" + watcher->closeReason() + ")");
            if (watcher->error() != boost::beast::websocket::error::closed || watched.resyncs >= 100) return;
            watcher = std::make_unique<test::WsClient>();
            const auto snapshot = watch(*watcher);
            if (!snapshot) return;
            ++watched.resyncs;
            watched.status = snapshot->status();
            watched.seq = snapshot->status_seq();
        }
    });

    const auto loadBefore = loadAverage();
    const auto postmaster = postmasterPid();
    const auto cpuBefore = std::array{cpuSeconds(server.processId()), cpuSeconds(postmaster, true),
                                      cpuSeconds(QCoreApplication::applicationPid())};
    std::atomic<int> next{0};
    std::atomic<int> granted{0};
    std::atomic<int> taken{0};
    std::atomic<int> failed{0};
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(clients));
    const auto started = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            auto& client = *sockets[static_cast<std::size_t>(c)];
            auto& mine = latencies[static_cast<std::size_t>(c)];
            for (int seat; (seat = next++) < holds;) {
                v1::Envelope request;
                auto* hold = request.mutable_hold_seats();
                hold->set_idempotency_key(uuidFor(1000 + seat));
                hold->set_event_id(eventId);
                hold->mutable_seats()->add_ids(seatIds[static_cast<std::size_t>(seat)]);
                const auto sent = Clock::now();
                const auto answer = client.call(request);
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
                if (answer && answer->has_hold_result()) ++granted;
                else if (answer && answer->has_error() && answer->error().code() == v1::ALREADY_EXISTS) ++taken;
                else {
                    if (failed++ < 5)
                        std::fprintf(stderr, "bench_holds: unexpected answer: %s\n",
                                     answer ? answer->error().message().c_str() : "(connection failed)");
                }
            }
        });
    for (auto& thread : threads) thread.join();
    const auto seconds = std::chrono::duration<double>(Clock::now() - started).count();
    const auto loadAfter = loadAverage();
    const auto cpuAfter = std::array{cpuSeconds(server.processId()), cpuSeconds(postmaster, true),
                                     cpuSeconds(QCoreApplication::applicationPid())};
    const auto cpuPerHold = [&](std::size_t i) { return 1e6 * (cpuAfter[i] - cpuBefore[i]) / holds; };
    std::vector<double> all;
    for (const auto& mine : latencies) all.insert(all.end(), mine.begin(), mine.end());
    std::sort(all.begin(), all.end());

    const auto doubleClaims = test::scalar(conn, "SELECT count(*) FROM (SELECT event_id, seat_id FROM seat_claims "
                                                 "GROUP BY 1, 2 HAVING count(*) > 1) d");
    const auto heldRows = test::scalar(conn, "SELECT count(*) FROM seat_claims WHERE kind = 'held'");
    const auto stamped = waitForStamping(conn);
    const auto statusSeq = test::scalar(conn, "SELECT status_seq FROM event_seat_state");
    const auto changes = test::scalar(conn, "SELECT count(*) FROM seat_status_changes");
    const auto distinctSeqs = test::scalar(conn, "SELECT count(DISTINCT status_seq) FROM seat_status_changes");
    watchThread.join();
    test::WsClient checker;
    const auto finalSnapshot = checker.connect(server.port()) && checker.hello() ? subscribeSeats(checker) : std::nullopt;
    const bool watcherAgrees = finalSnapshot &&
                               watched.seq == finalSnapshot->status_seq() && watched.status == finalSnapshot->status();

    std::printf("bench_holds: %d WebSocket clients, %d holds of one seat on one event, server --db-workers %d\n",
                clients, holds, dbWorkers);
    std::printf("  load average before: %s, after: %s (shared machine, %u cores)\n", loadBefore.c_str(),
                loadAfter.c_str(), std::thread::hardware_concurrency());
    std::printf("  holds/s: %.0f  (granted %d, taken %d, other errors %d, %.2f s)\n", granted / seconds,
                granted.load(), taken.load(), failed.load(), seconds);
    std::printf("  latency ms: p50 %.2f  p99 %.2f  max %.2f\n", percentile(all, 0.50), percentile(all, 0.99),
                all.empty() ? 0.0 : all.back());
    std::printf("  CPU per hold (user+system): server %.0f us, PostgreSQL backends %.0f us, bench clients %.0f us "
                "(%.0f us of the 2 cores' %.0f us per hold)\n",
                cpuPerHold(0), cpuPerHold(1), cpuPerHold(2), cpuPerHold(0) + cpuPerHold(1) + cpuPerHold(2),
                2e6 * seconds / holds);
    std::printf("  double-claimed seats (SQL): %lld; held claims %lld\n", doubleClaims, heldRows);
    std::printf("  stamping: %s; status_seq %lld, %lld changes, %lld distinct seqs\n",
                stamped ? "every change stamped" : "NOT ALL STAMPED within 60 s", statusSeq, changes, distinctSeqs);
    std::printf("  live watcher: %lld deltas, %lld gaps (skipped deltas; resubscribed), %lld reconnections, ended "
                "at seq %llu (stream: %s); its map %s a fresh snapshot (seq %llu)\n",
                watched.deltas, watched.gaps, watched.resyncs, static_cast<unsigned long long>(watched.seq),
                watched.ended.c_str(),
                watcherAgrees ? "equals" : "DIFFERS FROM",
                finalSnapshot ? static_cast<unsigned long long>(finalSnapshot->status_seq()) : 0ULL);

    // Ceiling: the same SQL through pgbench, same database and event, as many connections as
    // the server has database workers (the concurrency the server can give PostgreSQL) and as
    // many as there are WebSocket clients.
    QTemporaryDir dir;
    const auto writeScript = [&](const QString& name, const std::string& text) {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(text.data(), static_cast<qint64>(text.size()));
        return file.fileName();
    };
    const auto holdSql =
        writeScript(QStringLiteral("hold.sql"), holdScript(eventId, layoutId, firstUser, lastUser, true));
    const auto fullPathSql =
        writeScript(QStringLiteral("hold_full_path.sql"), holdScript(eventId, layoutId, firstUser, lastUser, false));
    const auto conninfo = server.databaseUrl();
    const auto pgbench = [&](const QString& script, int connections) {
        return runPgbench({QStringLiteral("-n"), QStringLiteral("-M"), QStringLiteral("prepared"), QStringLiteral("-c"),
                           QString::number(connections), QStringLiteral("-j"), QStringLiteral("2"), QStringLiteral("-T"),
                           pgbenchSeconds, QStringLiteral("-f"), script, conninfo});
    };
    bool pgbenchOk = true;
    const auto report = [&](const char* what, const PgbenchResult& r) {
        if (!r.ok) {
            pgbenchOk = false;
            std::printf("  %s: FAILED\n%s\n", what, r.output.c_str());
            return;
        }
        std::printf("  %s: %.0f tps, latency avg %.2f ms\n", what, r.tps, r.latencyMs);
    };
    std::printf("ceiling (pgbench, same database, %s s each; load now %s):\n", qPrintable(pgbenchSeconds),
                loadAverage().c_str());
    const auto ceiling = pgbench(holdSql, dbWorkers);
    report(("hold SQL (one statement, as the server runs it), " + std::to_string(dbWorkers) + " connections").c_str(),
           ceiling);
    report(("hold SQL, " + std::to_string(clients) + " connections").c_str(), pgbench(holdSql, clients));
    report(("the full path's three statements in one transaction, " + std::to_string(dbWorkers) + " connections")
               .c_str(),
           pgbench(fullPathSql, dbWorkers));
    const auto init = runPgbench({QStringLiteral("-i"), QStringLiteral("-q"), QStringLiteral("-s"), QStringLiteral("4"), conninfo});
    if (!init.ok && init.output.find("done") == std::string::npos) std::printf("  pgbench -i failed:\n%s\n", init.output.c_str());
    report(("TPC-B (scale 4), " + std::to_string(dbWorkers) + " connections").c_str(),
           runPgbench({QStringLiteral("-n"), QStringLiteral("-M"), QStringLiteral("prepared"), QStringLiteral("-c"),
                       QString::number(dbWorkers), QStringLiteral("-j"), QStringLiteral("2"), QStringLiteral("-T"),
                       pgbenchSeconds, conninfo}));
    if (ceiling.ok)
        std::printf("  holds/s over WebSockets = %.0f%% of the pgbench hold ceiling\n",
                    100.0 * (granted / seconds) / ceiling.tps);
    std::printf("  double-claimed seats after pgbench (SQL): %lld\n",
                test::scalar(conn, "SELECT count(*) FROM (SELECT event_id, seat_id FROM seat_claims "
                                   "GROUP BY 1, 2 HAVING count(*) > 1) d"));

    // Correctness is the bench's pass/fail; speed is reported, not asserted.
    const bool correct = doubleClaims == 0 && failed == 0 && granted + taken == holds && heldRows == granted &&
                         stamped && distinctSeqs == changes && statusSeq == changes && watcherAgrees;
    if (!correct)
        std::fprintf(stderr, "bench_holds: FAILED (double claims, unexpected errors, lost holds, a status_seq gap or "
                             "a live map that went wrong)\n");
    return correct && pgbenchOk ? 0 : 1;
}
