// Sync benchmarks for the Foundation issue, against the real server and client library:
//  1. cold sync of N events into an empty client cache over loopback (rows/s), and the time
//     until its search index is complete, with a raw SQLite bulk insert of the same rows into
//     the plain events table (no search index) in the same run as the baseline;
//  2. change-to-other-client latency (p50/p99) with C connected clients: an organizer's
//     UpsertEvent goes in on one connection, every other client's live push is timed.
#include "marquee/protocol/conversions.hpp"
#include "marquee/v1/envelope.pb.h"
#include "net/syncclient.h"
#include "marquee/core/version.hpp"
#include "services/catalogservice.h"
#include "services/clientsession.h"
#include "store/localstore.h"
#include "services/demo_catalog.hpp"
#include "test_server.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <random>

using namespace marquee;
using client::ClientSession;
using client::SyncClient;
using testing::TestServer;

namespace {

[[noreturn]] void fail(const QString& why) {
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(why));
    std::exit(1);
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(rank, values.size() - 1)];
}

// A deterministic catalog of `count` events in the demo loader's format.
std::string generateCatalog(int count) {
    const char* venueId = "7a1c3d6e-0000-4000-8000-000000000001";
    nlohmann::json doc;
    doc["categories"] = nlohmann::json::array({{{"id", "music"}, {"name", "Music"}, {"parent_id", ""}},
                                               {{"id", "music.jazz"}, {"name", "Jazz"}, {"parent_id", "music"}}});
    doc["venues"] = nlohmann::json::array({{{"id", venueId}, {"name", "Bench Hall"}, {"address", "Teststr. 1"},
                                            {"city", "Berlin"}, {"country", "DE"}, {"latitude", 52.5},
                                            {"longitude", 13.4}, {"time_zone", "Europe/Berlin"},
                                            {"capacity", 1000}}});
    auto& events = doc["events"] = nlohmann::json::array();
    std::mt19937 rng(42);
    const char* words[] = {"Jazz", "Night", "Quartet", "Festival", "Live", "Session", "Blue", "Moon", "Brass", "Soul"};
    for (int i = 0; i < count; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "9b2e4f10-0000-4000-8000-%012d", i);
        std::string title = std::string(words[rng() % 10]) + " " + words[rng() % 10] + " #" + std::to_string(i);
        events.push_back({{"id", id}, {"title", title},
                          {"description", "A generated benchmark event with a description of typical length, "
                                          "long enough to be realistic for a listing. " + title},
                          {"category_id", "music.jazz"}, {"tags", {"jazz", "live"}}, {"performers", {"Bench Band"}},
                          {"venue_id", venueId}, {"day_offset", i % 180}, {"local_start", "20:00"},
                          {"duration_minutes", 120}, {"price_min_minor", 1500}, {"price_max_minor", 4500},
                          {"currency", "EUR"}, {"status", "scheduled"}, {"image_url", ""}});
    }
    return doc.dump();
}

std::string pgUrl(const TestServer& server) { return server.databaseUrl().toStdString(); }

void waitUntilStamped(const TestServer& server) {
    pqxx::connection conn(pgUrl(server));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 300'000) {
        pqxx::nontransaction tx(conn);
        if (tx.exec1("SELECT count(*) FROM change_log WHERE seq IS NULL")[0].as<long>() == 0) return;
        QTest::qWait(20);
    }
    fail(QStringLiteral("the sequencer did not stamp the loaded catalog"));
}

// The cache schema before the offline search index existed (LocalStore's upgrade step 3): the
// events table with its own indexes and nothing maintained beside it.
constexpr int kPlainCacheSchema = 3;

// An empty cache file with the client's events table as it was before the search index (same
// columns and indexes, no FTS5), so the baselines measure the plain apply into a plain table.
QString plainClientCache(const QString& dir, const QString& name) {
    const QString path = dir + QLatin1Char('/') + name;
    client::LocalStore store(path, kPlainCacheSchema);
    QString error;
    if (!store.open(&error)) fail(error);
    store.close();
    return path;
}

constexpr const char* kInsertEvent =
    "INSERT OR REPLACE INTO events(id,title,description,category_id,tags,performers,starts_at,ends_at,time_zone,"
    "venue_id,price_min,price_max,currency,status,image_url,organizer_id,updated_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

// Context: the same event rows inserted straight into SQLite with Qt's driver, one
// transaction, one prepared statement, the client's durability settings (WAL, FULL).
double rawSqliteRowsPerSecond(const std::vector<core::Event>& events, const QString& dir) {
    double rate = 0;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("baseline"));
        db.setDatabaseName(plainClientCache(dir, QStringLiteral("baseline-qtsql.sqlite")));
        if (!db.open()) fail(db.lastError().text());
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
        QElapsedTimer timer;
        timer.start();
        db.transaction();
        q.prepare(QString::fromLatin1(kInsertEvent));
        for (const auto& e : events) {
            q.addBindValue(QString::fromStdString(e.id));
            q.addBindValue(QString::fromStdString(e.title));
            q.addBindValue(QString::fromStdString(e.description));
            q.addBindValue(QString::fromStdString(e.categoryId));
            q.addBindValue(QStringLiteral("jazz\x1flive"));
            q.addBindValue(QStringLiteral("Bench Band"));
            q.addBindValue(static_cast<qint64>(e.startsAtMs));
            q.addBindValue(static_cast<qint64>(e.endsAtMs));
            q.addBindValue(QString::fromStdString(e.timeZone));
            q.addBindValue(QString::fromStdString(e.venueId));
            q.addBindValue(static_cast<qint64>(e.price.minMinor));
            q.addBindValue(static_cast<qint64>(e.price.maxMinor));
            q.addBindValue(QString::fromStdString(e.price.currency));
            q.addBindValue(static_cast<int>(e.status));
            q.addBindValue(QString::fromStdString(e.imageUrl));
            q.addBindValue(static_cast<qint64>(e.organizerId));
            q.addBindValue(static_cast<qint64>(e.updatedAtMs));
            if (!q.exec()) fail(q.lastError().text());
        }
        db.commit();
        rate = static_cast<double>(events.size()) * 1000.0 / static_cast<double>(std::max<qint64>(1, timer.elapsed()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("baseline"));
    return rate;
}

// The rawest baseline: SQLite's C API on its own connection, the client's table, same pragmas, one
// transaction, one prepared statement, text bound without copies. The client's apply path
// binds through the same C API, so this is the bar it is measured against.
double rawSqliteCApiRowsPerSecond(const std::vector<core::Event>& events, const QString& dir) {
    sqlite3* db = nullptr;
    const QByteArray path = plainClientCache(dir, QStringLiteral("baseline-capi.sqlite")).toUtf8();
    if (sqlite3_open(path.constData(), &db) != SQLITE_OK) fail(QStringLiteral("sqlite3_open failed"));
    const auto run = [db](const char* sql) {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(QString::fromUtf8(sqlite3_errmsg(db)));
    };
    run("PRAGMA journal_mode=WAL");
    run("PRAGMA synchronous=FULL");
    QElapsedTimer timer;
    timer.start();
    run("BEGIN");
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, kInsertEvent, -1, &st, nullptr);
    const auto text = [st](int i, const std::string& v) {
        sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    };
    const std::string tags = "jazz\x1flive", performers = "Bench Band";
    for (const auto& e : events) {
        text(1, e.id);
        text(2, e.title);
        text(3, e.description);
        text(4, e.categoryId);
        text(5, tags);
        text(6, performers);
        sqlite3_bind_int64(st, 7, e.startsAtMs);
        sqlite3_bind_int64(st, 8, e.endsAtMs);
        text(9, e.timeZone);
        text(10, e.venueId);
        sqlite3_bind_int64(st, 11, e.price.minMinor);
        sqlite3_bind_int64(st, 12, e.price.maxMinor);
        text(13, e.price.currency);
        sqlite3_bind_int(st, 14, static_cast<int>(e.status));
        text(15, e.imageUrl);
        sqlite3_bind_int64(st, 16, e.organizerId);
        sqlite3_bind_int64(st, 17, e.updatedAtMs);
        if (sqlite3_step(st) != SQLITE_DONE) fail(QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    run("COMMIT");
    const double rate = static_cast<double>(events.size()) * 1000.0 / static_cast<double>(std::max<qint64>(1, timer.elapsed()));
    sqlite3_close(db);
    return rate;
}

std::vector<core::Event> serverEvents(const TestServer& server) {
    // The rows exactly as the server sends them: decode the stored payloads.
    pqxx::connection conn(pgUrl(server));
    pqxx::work tx(conn);
    std::vector<core::Event> out;
    for (const auto& row : tx.exec("SELECT payload FROM change_log WHERE aggregatetype = 'event' ORDER BY seq")) {
        v1::Event e;
        const pqxx::binarystring bytes(row[0]);
        if (!e.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) fail(QStringLiteral("bad payload"));
        out.push_back(protocol::fromProto(e));
    }
    return out;
}

void benchColdSync(TestServer& server, int eventCount) {
    {
        pqxx::connection conn(pgUrl(server));
        QElapsedTimer load;
        load.start();
        const auto result = marquee::server::loadDemoCatalog(conn, generateCatalog(eventCount), QDateTime::currentMSecsSinceEpoch());
        std::printf("setup: loaded %zu events into PostgreSQL in %lld ms\n", result.events, load.elapsed());
    }
    waitUntilStamped(server);

    QTemporaryDir dir;
    ClientSession::Options options;
    options.dataDir = dir.path();
    options.serverUrl = server.wsUrl();
    ClientSession session(options);
    QString error;
    if (!session.open(&error)) fail(error);
    QSignalSpy synced(&session, &ClientSession::synced);
    QElapsedTimer timer;
    timer.start();
    session.start();
    if (!synced.wait(600'000)) fail(QStringLiteral("cold sync did not finish"));
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const int cached = session.catalog()->eventCount();
    if (cached != eventCount) fail(QStringLiteral("client cached %1 of %2 events").arg(cached).arg(eventCount));
    session.stop();
    const double syncRate = eventCount / seconds;

    // The search index of a large apply is built after it, in chunks on the apply thread; this
    // connection takes chunks too, so the clock stops when the whole catalog is searchable.
    client::LocalStore probe(client::LocalStore::defaultPath(dir.path()));
    if (!probe.open(&error)) fail(error);
    while (probe.hasSearchBacklog())
        if (!probe.indexSearchBacklog()) fail(QStringLiteral("search index: ") + probe.lastError());
    const double searchableSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    client::SearchQuery everyEvent;
    everyEvent.text = QStringLiteral("generated");
    everyEvent.includeFacets = false;
    const auto found = probe.search(everyEvent, 0);
    if (found.hits.isEmpty() || found.partialIndex) fail(QStringLiteral("the search index is incomplete after the build"));
    probe.close();

    const auto events = serverEvents(server);
    const double rawRate = rawSqliteCApiRowsPerSecond(events, dir.path());
    const double qtRate = rawSqliteRowsPerSecond(events, dir.path());
    std::printf("cold sync: %d events in %.2f s = %.0f rows/s over loopback (WebSocket + protobuf + SQLite)\n",
                eventCount, seconds, syncRate);
    std::printf("           all searchable after %.2f s (search index built %.2f s after the sync) = %.0f rows/s\n",
                searchableSeconds, searchableSeconds - seconds, eventCount / searchableSeconds);
    std::printf("baseline:  raw SQLite bulk insert of the same rows into the plain events table (cache schema %d, no "
                "search index), C API = %.0f rows/s\n", kPlainCacheSchema, rawRate);
    std::printf("           (the same through QtSql = %.0f rows/s)\n", qtRate);
    std::printf("ratio:     %.2f of the raw C API rate (target >= 0.50; within 1.5x = >= 0.67); %.2f until searchable\n",
                syncRate / rawRate, eventCount / searchableSeconds / rawRate);
}

// Writer connection: logs in as an admin and sends UpsertEvent envelopes.
class Writer : public QObject {
public:
    bool connectAs(const QUrl& url, const QString& token) {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QObject::connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
                         [this](const QByteArray& data) { m_replies.append(data); });
        m_socket.open(request);
        if (!QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 10'000)) return false;
        v1::Envelope hello;
        hello.set_request_id(1);
        hello.mutable_hello()->set_protocol_major(core::kProtocolMajor);
        send(hello);
        return QTest::qWaitFor([&] { return !m_replies.isEmpty(); }, 10'000);
    }
    void send(const v1::Envelope& env) {
        const auto bytes = env.SerializeAsString();
        m_socket.sendBinaryMessage(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    }

    std::optional<std::string> lastAckId() const {
        for (const auto& reply : m_replies) {
            v1::Envelope env;
            if (env.ParseFromArray(reply.constData(), static_cast<int>(reply.size())) && env.has_ack())
                return env.ack().id();
        }
        return std::nullopt;
    }
    std::string lastReply() const {
        if (m_replies.isEmpty()) return "nothing";
        v1::Envelope env;
        if (!env.ParseFromArray(m_replies.last().constData(), static_cast<int>(m_replies.last().size()))) return "garbage";
        return env.ShortDebugString();
    }

private:
    QWebSocket m_socket;
    QList<QByteArray> m_replies;
};

void benchLatency(TestServer& server, int clientCount, int rounds) {
    const QString adminEmail = QStringLiteral("bench-admin@example.org");
    const QString password = QStringLiteral("benchmark password 1");
    if (!server.createUser(adminEmail, password, QStringLiteral("admin"))) fail(server.serverLog());

    // Log in through the real client to obtain a token.
    SyncClient login;
    login.setServerUrl(server.wsUrl());
    QString token;
    QObject::connect(&login, &SyncClient::sessionReceived, [&](quint64, const client::SessionInfo& s) { token = s.token; });
    QObject::connect(&login, &SyncClient::connected, [&](const client::HelloInfo& hello) {
        login.setCursor(hello.head);
        login.login(adminEmail, password);
    });
    login.start();
    if (!QTest::qWaitFor([&] { return !token.isEmpty(); }, 30'000)) fail(QStringLiteral("admin login failed"));
    login.stop();

    // The listeners: real SyncClients, caught up at the head so they get live pushes.
    std::vector<std::unique_ptr<SyncClient>> clients;
    std::vector<double> samples;
    QString expectedId;
    QElapsedTimer clock;
    clock.start();
    qint64 sentAtNs = 0;
    int receivedThisRound = 0;
    // Event-driven wait: QTest::qWaitFor sleeps in 10 ms steps, which would swamp the figure.
    QEventLoop roundDone;
    QTimer roundTimeout;
    roundTimeout.setSingleShot(true);
    roundTimeout.setInterval(10'000);
    QObject::connect(&roundTimeout, &QTimer::timeout, &roundDone, &QEventLoop::quit);
    int live = 0;
    for (int i = 0; i < clientCount; ++i) {
        auto c = std::make_unique<SyncClient>();
        c->setServerUrl(server.wsUrl());
        auto* raw = c.get();
        QObject::connect(raw, &SyncClient::connected, [raw](const client::HelloInfo& hello) { raw->setCursor(hello.head); });
        QObject::connect(raw, &SyncClient::caughtUp, [&live](quint64) { ++live; });
        QObject::connect(raw, &SyncClient::batchReceived, [&](const client::ChangeBatchData& batch) {
            for (const auto& change : batch.changes) {
                if (QString::fromStdString(change.aggregateId) == expectedId) {
                    samples.push_back(static_cast<double>(clock.nsecsElapsed() - sentAtNs) / 1e6);
                    ++receivedThisRound;
                    if (receivedThisRound >= clientCount) roundDone.quit();
                }
            }
        });
        c->start();
        clients.push_back(std::move(c));
    }
    if (!QTest::qWaitFor([&] { return live >= clientCount; }, 60'000))
        fail(QStringLiteral("only %1 of %2 clients caught up").arg(live).arg(clientCount));

    Writer writer;
    if (!writer.connectAs(server.wsUrl(), token)) fail(QStringLiteral("writer could not connect"));
    core::Event event;
    event.title = "Latency probe";
    event.categoryId = "music.jazz";
    event.venueId = "7a1c3d6e-0000-4000-8000-000000000001";
    event.startsAtMs = QDateTime::currentMSecsSinceEpoch() + 86'400'000;
    event.endsAtMs = event.startsAtMs + 7'200'000;
    event.timeZone = "Europe/Berlin";
    event.price = {1000, 2000, "EUR"};
    // Create the probe event once (with a client-chosen id, so its push is recognised even
    // when it arrives before the writer's Ack); every round then edits it and times the push.
    event.id = "5c0ffee0-0000-4000-8000-000000000001";
    expectedId = QString::fromStdString(event.id);
    v1::Envelope create;
    create.set_request_id(2);
    protocol::toProto(event, create.mutable_upsert_event()->mutable_event());
    writer.send(create);
    if (!QTest::qWaitFor([&] { return writer.lastAckId().has_value(); }, 10'000))
        fail(QStringLiteral("creating the probe event failed: %1").arg(QString::fromStdString(writer.lastReply())));
    if (*writer.lastAckId() != event.id) fail(QStringLiteral("the server changed the probe's id"));
    if (!QTest::qWaitFor([&] { return receivedThisRound >= clientCount; }, 10'000)) // the create's own push
        fail(QStringLiteral("the probe event's creation did not reach every client"));
    int missed = 0;
    for (int round = 0; round < rounds; ++round) {
        event.title = "Latency probe " + std::to_string(round);
        receivedThisRound = 0;
        v1::Envelope env;
        env.set_request_id(static_cast<std::uint64_t>(round) + 3);
        protocol::toProto(event, env.mutable_upsert_event()->mutable_event());
        sentAtNs = clock.nsecsElapsed();
        writer.send(env);
        roundTimeout.start();
        if (receivedThisRound < clientCount) roundDone.exec();
        if (receivedThisRound < clientCount) {
            ++missed;
            std::fprintf(stderr, "round %d: %d of %d clients got the change; writer said: %s\n", round,
                         receivedThisRound, clientCount, writer.lastReply().c_str());
        }
    }
    std::printf("latency:   change -> %d other clients, %d changes, %zu deliveries: p50 %.2f ms, p99 %.2f ms "
                "(target p99 < 50 ms)%s\n",
                clientCount, rounds, samples.size(), percentile(samples, 0.50), percentile(samples, 0.99),
                missed ? qPrintable(QStringLiteral(", %1 rounds incomplete").arg(missed)) : "");
    if (missed) fail(QStringLiteral("%1 changes did not reach every client").arg(missed));
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption eventsOpt(QStringLiteral("events"), QStringLiteral("events for the cold sync"), QStringLiteral("N"), QStringLiteral("100000"));
    QCommandLineOption clientsOpt(QStringLiteral("clients"), QStringLiteral("connected clients"), QStringLiteral("N"), QStringLiteral("100"));
    QCommandLineOption roundsOpt(QStringLiteral("rounds"), QStringLiteral("changes to time"), QStringLiteral("N"), QStringLiteral("200"));
    parser.addOptions({eventsOpt, clientsOpt, roundsOpt});
    parser.process(app);

    TestServer server;
    QString error;
    if (!server.start(&error)) fail(error);
    benchColdSync(server, parser.value(eventsOpt).toInt());
    benchLatency(server, parser.value(clientsOpt).toInt(), parser.value(roundsOpt).toInt());
    return 0;
}
