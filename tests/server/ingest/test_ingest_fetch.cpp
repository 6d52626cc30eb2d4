// The feed fetcher, `sources` and the scheduler in `serve` against a scripted HTTP server on
// 127.0.0.1 (ephemeral port, one handler per path): 200 then 304 with validators, a server
// that never answers (bounded by the fetch timeout), an oversize body, redirects and a
// redirect loop, a 500 with back-off that a later success resets, per-source run locks, the
// `sources` command line; and HTTPS against a TLS server whose CA is made at test time.
#include "cli_run.hpp"
#include "db/lock_keys.hpp"
#include "ingest/fetcher.hpp"
#include "marquee/v1/envelope.pb.h"
#include "services/api.hpp"
#include "test_db.hpp"
#include "test_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/asio/ssl.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <functional>
#include <future>
#include <tuple>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

using marquee::test::TestDatabase;
namespace ingest = marquee::server::ingest;

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
namespace ssl = boost::asio::ssl;
using Request = http::request<http::string_body>;

struct Reply {
    unsigned status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool hang = false; // read the request, never answer
};
using Handler = std::function<Reply(const Request&)>;

// What both test servers share: an acceptor on 127.0.0.1 (ephemeral port) and one io thread
// that hands every connection to a `Derived::Session`. A derived server calls startServing()
// once its own state is ready and stopServing() first thing in its destructor, so the io
// thread never sees it half built or half gone.
template <class Derived>
class LocalServer {
public:
    LocalServer(const LocalServer&) = delete;
    LocalServer& operator=(const LocalServer&) = delete;

    unsigned short port() const { return m_acceptor.local_endpoint().port(); }

protected:
    LocalServer() : m_acceptor(m_ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {}
    ~LocalServer() = default;

    void startServing() {
        accept();
        m_thread = std::thread([this] { m_ioc.run(); });
    }
    void stopServing() {
        m_ioc.stop();
        m_thread.join();
    }

private:
    void accept() {
        m_acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
            if (ec) return;
            std::make_shared<typename Derived::Session>(std::move(socket), static_cast<Derived&>(*this))->start();
            accept();
        });
    }

    asio::io_context m_ioc;
    tcp::acceptor m_acceptor;
    std::thread m_thread;
};

// Every connection reads one request and gets the reply its path's handler scripts (404 for
// unknown paths), then the socket closes.
class ScriptedServer : public LocalServer<ScriptedServer> {
public:
    ScriptedServer() { startServing(); }
    ~ScriptedServer() { stopServing(); }

    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port()) + path; }
    void route(const std::string& path, Handler handler) {
        std::lock_guard lock(m_mutex);
        m_routes[path] = std::move(handler);
    }
    std::vector<Request> requests(const std::string& path) {
        std::lock_guard lock(m_mutex);
        return m_seen[path];
    }

private:
    friend class LocalServer<ScriptedServer>;
    struct Session : std::enable_shared_from_this<Session> {
        Session(tcp::socket s, ScriptedServer& srv) : socket(std::move(s)), server(srv) {}
        tcp::socket socket;
        ScriptedServer& server;
        beast::flat_buffer buffer;
        Request request;
        http::response<http::string_body> response;

        void start() {
            http::async_read(socket, buffer, request, [self = shared_from_this()](beast::error_code ec, std::size_t) {
                if (!ec) self->answer();
            });
        }
        void answer() {
            Reply reply{404, {}, "not found", false};
            {
                std::lock_guard lock(server.m_mutex);
                const std::string path(request.target());
                server.m_seen[path].push_back(request);
                if (const auto it = server.m_routes.find(path); it != server.m_routes.end()) reply = it->second(request);
            }
            if (reply.hang) {
                server.m_held.push_back(shared_from_this()); // keeps the socket open until the server goes
                return;
            }
            response.result(reply.status);
            response.version(11);
            bool chunked = false;
            for (const auto& [name, value] : reply.headers) {
                if (name == "Transfer-Encoding") chunked = true; // Beast encodes the body
                else response.set(name, value);
            }
            response.body() = reply.body;
            response.keep_alive(false);
            if (chunked) response.chunked(true);
            else response.prepare_payload();
            http::async_write(socket, response, [self = shared_from_this()](beast::error_code, std::size_t) {
                beast::error_code ignored;
                self->socket.shutdown(tcp::socket::shutdown_both, ignored);
            });
        }
    };

    std::mutex m_mutex;
    std::map<std::string, Handler> m_routes;
    std::map<std::string, std::vector<Request>> m_seen;
    std::vector<std::shared_ptr<Session>> m_held; // io thread only
};

// HTTPS on 127.0.0.1 with a certificate issued for this test: every request gets `body`.
class TlsServer : public LocalServer<TlsServer> {
public:
    TlsServer(const std::string& certChainFile, const std::string& keyFile, std::string body)
        : m_tls(ssl::context::tls_server), m_body(std::move(body)) {
        m_tls.use_certificate_chain_file(certChainFile);
        m_tls.use_private_key_file(keyFile, ssl::context::pem);
        startServing();
    }
    ~TlsServer() { stopServing(); }

    std::string url(const std::string& host, const std::string& path) const {
        return "https://" + host + ":" + std::to_string(port()) + path;
    }
    int answered() const { return m_answered.load(); }

private:
    friend class LocalServer<TlsServer>;
    struct Session : std::enable_shared_from_this<Session> {
        Session(tcp::socket socket, TlsServer& srv) : stream(std::move(socket), srv.m_tls), server(srv) {}
        beast::ssl_stream<beast::tcp_stream> stream;
        TlsServer& server;
        beast::flat_buffer buffer;
        Request request;
        http::response<http::string_body> response;

        void start() {
            // A client that refuses the certificate ends the handshake; nothing more to do.
            stream.async_handshake(ssl::stream_base::server, [self = shared_from_this()](beast::error_code ec) {
                if (!ec) self->read();
            });
        }
        void read() {
            http::async_read(stream, buffer, request, [self = shared_from_this()](beast::error_code ec, std::size_t) {
                if (!ec) self->answer();
            });
        }
        void answer() {
            response.result(http::status::ok);
            response.version(11);
            response.set(http::field::content_type, "text/calendar");
            response.body() = server.m_body;
            response.keep_alive(false);
            response.prepare_payload();
            http::async_write(stream, response, [self = shared_from_this()](beast::error_code ec, std::size_t) {
                if (!ec) ++self->server.m_answered;
                beast::error_code ignored;
                beast::get_lowest_layer(self->stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
            });
        }
    };

    ssl::context m_tls;
    std::string m_body;
    std::atomic<int> m_answered{0};
};

// A private CA and a server certificate it signed for IP 127.0.0.1, made with the openssl
// command line in `dir`: ca.pem, server.pem, server.key. Empty on success, else the error.
QString makeCertificates(const QString& dir) {
    const QStringList ecKey{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    const QList<QStringList> steps{
        QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
            QStringList{QStringLiteral("-keyout"), dir + QStringLiteral("/ca.key"), QStringLiteral("-out"),
                        dir + QStringLiteral("/ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=Marquee test CA")},
        QStringList{QStringLiteral("req")} + ecKey +
            QStringList{QStringLiteral("-keyout"), dir + QStringLiteral("/server.key"), QStringLiteral("-out"),
                        dir + QStringLiteral("/server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")},
        QStringList{QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), dir + QStringLiteral("/server.csr"),
                    QStringLiteral("-CA"), dir + QStringLiteral("/ca.pem"), QStringLiteral("-CAkey"),
                    dir + QStringLiteral("/ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-extfile"), dir + QStringLiteral("/san.cnf"),
                    QStringLiteral("-out"), dir + QStringLiteral("/server.pem")}};
    QFile san(dir + QStringLiteral("/san.cnf"));
    if (!san.open(QIODevice::WriteOnly) || san.write("subjectAltName=IP:127.0.0.1\n") < 0)
        return QStringLiteral("cannot write san.cnf");
    san.close();
    for (const auto& args : steps) {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), args);
        if (!openssl.waitForFinished(60'000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
            return QStringLiteral("openssl %1 failed: %2").arg(args.join(QLatin1Char(' ')),
                                                             QString::fromUtf8(openssl.readAllStandardError()));
    }
    return {};
}

const std::string kFeed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                          "BEGIN:VEVENT\r\nUID:fetch-1\r\nSUMMARY:Fetched concert\r\nDTSTART:20250601T180000Z\r\nEND:VEVENT\r\n"
                          "END:VCALENDAR\r\n";

Reply feedReply() {
    return {200, {{"Content-Type", "text/calendar"}}, kFeed, false};
}

std::string header(const Request& r, http::field f) {
    const auto it = r.find(f);
    return it == r.end() ? std::string() : std::string(it->value());
}

ingest::FetchOptions quick() {
    ingest::FetchOptions o;
    o.timeout = std::chrono::milliseconds(5'000);
    return o;
}

std::int64_t scalar(pqxx::connection& conn, const std::string& sql) {
    pqxx::read_transaction tx(conn);
    return tx.exec1(sql)[0].as<std::int64_t>();
}

using Run = marquee::test::CliRun;

Run cli(const TestDatabase& db, QStringList args) {
    args += {QStringLiteral("--database-url"), QString::fromStdString(db.connectionString())};
    return marquee::test::runServerCli(QStringList{QStringLiteral("sources")} + args);
}

} // namespace

class TestIngestFetch : public QObject {
    Q_OBJECT
private slots:
    void okThenNotModified() {
        ScriptedServer server;
        server.route("/feed.ics", [](const Request& r) {
            if (header(r, http::field::if_none_match) == "\"v1\"") return Reply{304, {{"ETag", "\"v1\""}}, "", false};
            auto reply = feedReply();
            reply.headers.emplace_back("ETag", "\"v1\"");
            reply.headers.emplace_back("Last-Modified", "Sat, 01 Feb 2025 10:00:00 GMT");
            return reply;
        });
        const auto first = ingest::fetchUrl(server.url("/feed.ics"), "", "", quick());
        QCOMPARE(first.status, ingest::FetchResult::Status::Ok);
        QCOMPARE(first.body, kFeed);
        QCOMPARE(first.etag, std::string("\"v1\""));
        QCOMPARE(first.lastModified, std::string("Sat, 01 Feb 2025 10:00:00 GMT"));
        const auto second = ingest::fetchUrl(server.url("/feed.ics"), first.etag, first.lastModified, quick());
        QCOMPARE(second.status, ingest::FetchResult::Status::NotModified);
        QVERIFY(second.body.empty());
        const auto seen = server.requests("/feed.ics");
        QCOMPARE(seen.size(), std::size_t(2));
        QVERIFY(header(seen[0], http::field::if_none_match).empty());
        QCOMPARE(header(seen[1], http::field::if_none_match), std::string("\"v1\""));
        QCOMPARE(header(seen[1], http::field::if_modified_since), std::string("Sat, 01 Feb 2025 10:00:00 GMT"));
    }

    void timeoutIsBounded() {
        ScriptedServer server;
        server.route("/hang", [](const Request&) { return Reply{200, {}, "", true}; });
        auto options = quick();
        options.timeout = std::chrono::milliseconds(300);
        const auto started = std::chrono::steady_clock::now();
        const auto result = ingest::fetchUrl(server.url("/hang"), "", "", options);
        const auto took = std::chrono::steady_clock::now() - started;
        QCOMPARE(result.status, ingest::FetchResult::Status::Failed);
        QVERIFY2(result.error.find("timed out after 300 ms") != std::string::npos, result.error.c_str());
        QVERIFY(took < std::chrono::seconds(30)); // bounded: it returned at all, long before ctest's limit
    }

    void oversizeBody() {
        ScriptedServer server;
        server.route("/big", [](const Request&) { return Reply{200, {}, std::string(4096, 'x'), false}; });
        auto options = quick();
        options.maxBodyBytes = 1024;
        const auto result = ingest::fetchUrl(server.url("/big"), "", "", options);
        QCOMPARE(result.status, ingest::FetchResult::Status::Failed);
        QVERIFY2(result.error.find("larger than 1024 bytes") != std::string::npos, result.error.c_str());
        server.route("/chunked", [](const Request&) {
            return Reply{200, {{"Transfer-Encoding", "chunked"}}, std::string(2048, 'y'), false};
        });
        const auto chunked = ingest::fetchUrl(server.url("/chunked"), "", "", options);
        QCOMPARE(chunked.status, ingest::FetchResult::Status::Failed);
        QVERIFY2(chunked.error.find("larger than 1024 bytes") != std::string::npos, chunked.error.c_str());
        options.maxBodyBytes = 4096; // exactly the limit is fine
        QCOMPARE(ingest::fetchUrl(server.url("/big"), "", "", options).status, ingest::FetchResult::Status::Ok);
    }

    void redirects() {
        ScriptedServer server;
        server.route("/feed.ics", [](const Request&) { return feedReply(); });
        server.route("/moved", [](const Request&) { return Reply{301, {{"Location", "/feed.ics"}}, "", false}; });
        server.route("/a", [](const Request&) { return Reply{302, {{"Location", "b"}}, "", false}; });
        server.route("/b", [](const Request&) { return Reply{307, {{"Location", "/a"}}, "", false}; });
        for (int i = 0; i < 7; ++i)
            server.route("/c" + std::to_string(i),
                         [i](const Request&) { return Reply{302, {{"Location", "/c" + std::to_string(i + 1)}}, "", false}; });
        server.route("/c7", [](const Request&) { return feedReply(); });

        const auto moved = ingest::fetchUrl(server.url("/moved"), "", "", quick());
        QCOMPARE(moved.status, ingest::FetchResult::Status::Ok);
        QCOMPARE(moved.finalUrl, server.url("/feed.ics"));

        const auto loop = ingest::fetchUrl(server.url("/a"), "", "", quick());
        QCOMPARE(loop.status, ingest::FetchResult::Status::Failed);
        QVERIFY2(loop.error.find("redirect loop") != std::string::npos, loop.error.c_str());
        QVERIFY2(loop.error.find("/b -> ") != std::string::npos, loop.error.c_str());

        const auto tooMany = ingest::fetchUrl(server.url("/c0"), "", "", quick()); // 7 hops
        QCOMPARE(tooMany.status, ingest::FetchResult::Status::Failed);
        QVERIFY2(tooMany.error.find("more than 5 redirects") != std::string::npos, tooMany.error.c_str());
        QCOMPARE(ingest::fetchUrl(server.url("/c2"), "", "", quick()).status, ingest::FetchResult::Status::Ok); // 5 hops

        QVERIFY(!ingest::fetchUrl("ftp://example.org/x", "", "", quick()).error.empty());
    }

    void backoffDelays() {
        ingest::FetchOptions o;
        o.backoffBase = std::chrono::seconds(60);
        o.backoffCap = std::chrono::seconds(600);
        QCOMPARE(ingest::backoffDelay(1, o).count(), 60);
        QCOMPARE(ingest::backoffDelay(2, o).count(), 120);
        QCOMPARE(ingest::backoffDelay(4, o).count(), 480);
        QCOMPARE(ingest::backoffDelay(5, o).count(), 600);
        QCOMPARE(ingest::backoffDelay(500, o).count(), 600);
    }

    // ---- with a database ----

    void sourceRunStoresAndSkipsUnchanged() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
        ScriptedServer server;
        server.route("/feed.ics", [](const Request& r) {
            if (header(r, http::field::if_none_match) == "\"v1\"") return Reply{304, {}, "", false};
            auto reply = feedReply();
            reply.headers.emplace_back("ETag", "\"v1\"");
            return reply;
        });
        TestDatabase db;
        auto conn = db.connect();
        ingest::addSource(*conn, {"feed", server.url("/feed.ics"), ingest::Format::Ics, 30, "Europe/Berlin"});
        const auto first = ingest::runSource(*conn, "feed", quick(), {});
        QCOMPARE(first.status, ingest::FetchResult::Status::Ok);
        QVERIFY(first.report);
        QCOMPARE(first.report->created, std::size_t(1));
        QCOMPARE(first.after.lastStatus, std::string("ok"));
        QCOMPARE(first.after.failures, 0);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM raw_payloads WHERE content_type = 'text/calendar' "
                               "AND convert_from(content, 'UTF8') LIKE '%fetch-1%'"),
                 std::int64_t(1));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM sources WHERE name = 'feed' AND etag = '\"v1\"' "
                               "AND next_run_at > now() + interval '29 minutes'"),
                 std::int64_t(1));

        const auto second = ingest::runSource(*conn, "feed", quick(), {});
        QCOMPARE(second.status, ingest::FetchResult::Status::NotModified);
        QVERIFY(!second.report);
        QCOMPARE(second.after.lastStatus, std::string("not_modified"));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM raw_payloads"), std::int64_t(1)); // nothing stored for a 304
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM sources WHERE etag = '\"v1\"'"), std::int64_t(1));
    }

    // A run that failed half-way (here: an error after its second chunk committed) leaves part
    // of the feed written and its run record 'failed'. Even when the next fetch finds the feed
    // not modified (304), `sources run` finishes that run from its stored payload: every event,
    // none twice, and the record says who finished it.
    void anUnfinishedRunIsFinishedWhenTheFeedIsNotModified() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
        std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
        for (int i = 0; i < 40; ++i)
            ics += "BEGIN:VEVENT\r\nUID:half-" + std::to_string(i) + "\r\nSUMMARY:Half " + std::to_string(i) +
                   "\r\nDTSTART:20250601T" + std::to_string(10 + i % 10) + "0000Z\r\nEND:VEVENT\r\n";
        ics += "END:VCALENDAR\r\n";
        ScriptedServer server;
        server.route("/feed.ics", [ics](const Request& r) {
            if (header(r, http::field::if_none_match) == "\"v1\"") return Reply{304, {}, "", false};
            return Reply{200, {{"Content-Type", "text/calendar"}, {"ETag", "\"v1\""}}, ics, false};
        });
        TestDatabase db;
        auto conn = db.connect();
        ingest::addSource(*conn, {"halves", server.url("/feed.ics"), ingest::Format::Ics, 30, "Europe/Berlin"});
        ingest::IngestOptions failing;
        failing.nowMs = 1'735'689'600'000; // 2025-01-01
        failing.chunkEvents = 5;
        failing.onChunkCommitted = [](std::size_t committed, std::size_t) {
            if (committed == 2) throw std::runtime_error("the disk is full");
        };
        const auto broken = ingest::runSource(*conn, "halves", quick(), failing);
        QCOMPARE(broken.status, ingest::FetchResult::Status::Failed);
        QVERIFY2(broken.error.find("the disk is full") != std::string::npos, broken.error.c_str());
        const auto written = scalar(*conn, "SELECT count(*) FROM events");
        QVERIFY2(written >= 10 && written < 40, std::to_string(written).c_str());
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM ingest_runs WHERE status = 'failed' AND error LIKE '%disk is full%'"),
                 std::int64_t(1));
        // As if an earlier run had stored the validators: the next fetch is a 304.
        {
            pqxx::work tx(*conn);
            tx.exec0("UPDATE sources SET etag = '\"v1\"' WHERE name = 'halves'");
            tx.commit();
        }
        ingest::IngestOptions options;
        options.nowMs = failing.nowMs;
        const auto next = ingest::runSource(*conn, "halves", quick(), options);
        QCOMPARE(next.status, ingest::FetchResult::Status::NotModified);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM events"), std::int64_t(40));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM event_provenance"), std::int64_t(40));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'event'"), std::int64_t(40));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM raw_payloads"), std::int64_t(1)); // re-run, not stored again
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM ingest_runs a JOIN ingest_runs b ON b.id = a.completed_by_run_id "
                               "WHERE a.status = 'failed' AND b.completes_run_id = a.id AND b.status = 'done'"),
                 std::int64_t(1));
        // Nothing is left to finish: the run after that finishes nothing more.
        QCOMPARE(ingest::runSource(*conn, "halves", quick(), options).status, ingest::FetchResult::Status::NotModified);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM ingest_runs"), std::int64_t(2));
    }

    // Review finding (session 7): a re-run of an interrupted run that itself failed used to
    // record the interrupted run as finished, so its payload was never retried. Now the run
    // stays unfinished until a re-run is done; after kMaxIngestReruns re-runs that were not,
    // it is given up visibly ('quarantined', with the reason, and its payload in the
    // quarantine), no later run re-runs it, and retrying that quarantine entry finishes it.
    void aFailedRerunLeavesTheRunUnfinishedUntilOneFinishesIt() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
        TestDatabase db;
        auto conn = db.connect();
        const auto source = ingest::ensureSource(*conn, "reruns", ingest::Format::Ics);
        const auto feed = [](const std::string& prefix) {
            std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
            for (int i = 0; i < 40; ++i)
                ics += "BEGIN:VEVENT\r\nUID:" + prefix + "-" + std::to_string(i) + "\r\nSUMMARY:" + prefix + " " +
                       std::to_string(i) + "\r\nDTSTART:20250601T" + std::to_string(10 + i % 10) +
                       "0000Z\r\nEND:VEVENT\r\n";
            return ics + "END:VCALENDAR\r\n";
        };
        const auto eventsOf = [&](const std::string& prefix) {
            return scalar(*conn, "SELECT count(*) FROM events WHERE title LIKE '" + prefix + " %'");
        };
        const auto runOf = [&](const std::string& prefix) { // the first run of the payload
            return scalar(*conn, "SELECT min(r.id) FROM ingest_runs r JOIN raw_payloads p ON p.id = r.raw_payload_id "
                                 "WHERE p.origin = '" + prefix + "'");
        };
        ingest::IngestOptions failing;
        failing.nowMs = 1'735'689'600'000; // 2025-01-01
        failing.chunkEvents = 5;
        failing.onChunkCommitted = [](std::size_t committed, std::size_t) {
            if (committed == 2) throw std::runtime_error("the disk is full");
        };
        ingest::IngestOptions good = failing;
        good.onChunkCommitted = nullptr;
        // Fails every time, before writing anything (the chunk failure above leaves fewer
        // chunks to write each time, and a re-run may get through).
        ingest::IngestOptions alwaysFailing = good;
        alwaysFailing.onProgress = [](ingest::Stage stage, std::size_t, std::size_t) {
            if (stage == ingest::Stage::Parsing) throw std::runtime_error("out of memory while parsing");
        };
        const auto ingestFailing = [&](const std::string& prefix, const ingest::IngestOptions& options) {
            QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                     ingest::ingestPayload(*conn, source, feed(prefix), prefix, options));
        };

        // A fails half-way; B's run re-runs A's payload, which fails again: A stays unfinished.
        ingestFailing("alpha", failing);
        const auto alpha = runOf("alpha");
        QVERIFY(eventsOf("alpha") < 40);
        ingestFailing("beta", failing);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM ingest_runs WHERE completes_run_id = " + std::to_string(alpha) +
                               " AND status = 'failed' AND error LIKE '%disk is full%'"),
                 std::int64_t(1));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM ingest_runs WHERE id = " + std::to_string(alpha) +
                               " AND completed_by_run_id IS NULL AND rerun_attempts = 1"),
                 std::int64_t(1));
        auto runs = ingest::listIngestRuns(*conn, "reruns", 10);
        const auto alphaInfo = std::find_if(runs.begin(), runs.end(), [&](const auto& r) { return r.id == alpha; });
        QVERIFY(alphaInfo != runs.end());
        QCOMPARE(alphaInfo->state, std::string("interrupted"));
        QCOMPARE(alphaInfo->rerunAttempts, 1);
        QCOMPARE(runs.front().state, std::string("interrupted")); // beta's own run failed and waits for a re-run
        QVERIFY(std::any_of(runs.begin(), runs.end(),
                            [&](const auto& r) { return r.completesRunId == alpha && r.state == "failed"; }));

        // The next good run finishes both (a re-run each), then writes its own payload.
        const auto report = ingest::ingestPayload(*conn, source, feed("gamma"), "gamma", good);
        QCOMPARE(report.created, std::size_t(40));
        QCOMPARE(eventsOf("alpha"), std::int64_t(40));
        QCOMPARE(eventsOf("beta"), std::int64_t(40));
        QCOMPARE(eventsOf("gamma"), std::int64_t(40));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM ingest_runs a JOIN ingest_runs b ON b.id = a.completed_by_run_id "
                               "WHERE a.id = " + std::to_string(alpha) + " AND b.status = 'done' AND b.completes_run_id = a.id"),
                 std::int64_t(1));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM ingest_runs WHERE status <> 'done' AND completed_by_run_id IS NULL "
                               "AND completes_run_id IS NULL"),
                 std::int64_t(0));
        runs = ingest::listIngestRuns(*conn, "reruns", 1);
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].state, std::string("completed"));
        QVERIFY(runs[0].hasCounts);
        QCOMPARE(runs[0].created, std::size_t(40));
        QCOMPARE(runs[0].seen, std::size_t(40));

        // A payload whose every re-run fails: after kMaxIngestReruns it is given up.
        ingestFailing("delta", alwaysFailing);
        const auto delta = runOf("delta");
        const auto deltaWritten = eventsOf("delta");
        for (int i = 0; i < ingest::kMaxIngestReruns; ++i) ingestFailing("epsilon" + std::to_string(i), alwaysFailing);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM ingest_runs WHERE id = " + std::to_string(delta) +
                               " AND status = 'quarantined' AND completed_by_run_id IS NULL AND error LIKE "
                               "'%given up after 3 re-runs%the last one failed: out of memory while parsing%'"),
                 std::int64_t(1));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM quarantine WHERE ref = 'run " + std::to_string(delta) +
                               "' AND resolved_at IS NULL AND reason LIKE '%given up%' AND raw LIKE 'raw payload delta, %'"),
                 std::int64_t(1));
        runs = ingest::listIngestRuns(*conn, "reruns", 100);
        const auto deltaInfo = std::find_if(runs.begin(), runs.end(), [&](const auto& r) { return r.id == delta; });
        QCOMPARE(deltaInfo->state, std::string("failed"));
        QVERIFY(deltaInfo->error.find("given up") != std::string::npos);
        // Not re-run any more (the other failed payloads are, and now go in).
        const auto rerunsOfDelta = scalar(*conn, "SELECT count(*) FROM ingest_runs WHERE completes_run_id = " +
                                                     std::to_string(delta));
        QCOMPARE(rerunsOfDelta, std::int64_t(ingest::kMaxIngestReruns));
        ingest::ingestPayload(*conn, source, feed("zeta"), "zeta", good);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM ingest_runs WHERE completes_run_id = " + std::to_string(delta)),
                 rerunsOfDelta);
        QCOMPARE(eventsOf("delta"), deltaWritten);
        for (int i = 0; i < ingest::kMaxIngestReruns; ++i) QCOMPARE(eventsOf("epsilon" + std::to_string(i)), std::int64_t(40));

        // The admin retries its quarantine entry once the cause is fixed: the run is finished.
        const auto entry = scalar(*conn, "SELECT id FROM quarantine WHERE ref = 'run " + std::to_string(delta) + "'");
        ingest::retryQuarantine(*conn, entry, good);
        QCOMPARE(eventsOf("delta"), std::int64_t(40));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM quarantine WHERE id = " + std::to_string(entry) +
                               " AND resolved_at IS NOT NULL"),
                 std::int64_t(1));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM ingest_runs WHERE id = " + std::to_string(delta) +
                               " AND completed_by_run_id IS NOT NULL"),
                 std::int64_t(1));
    }

    // HTTPS against a local TLS server whose certificate a private CA signed at test time:
    // trusted through FetchOptions::extraCaFile it works; with only the system store, or for a
    // host name the certificate does not name, the fetch fails and says why.
    void httpsWithAPrivateCa() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto made = makeCertificates(dir.path());
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const auto path = [&](const char* name) { return QString(dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString(); };
        TlsServer server(path("server.pem"), path("server.key"), kFeed);

        auto trusting = quick();
        trusting.extraCaFile = path("ca.pem");
        const auto ok = ingest::fetchUrl(server.url("127.0.0.1", "/feed.ics"), "", "", trusting);
        QVERIFY2(ok.status == ingest::FetchResult::Status::Ok, ok.error.c_str());
        QCOMPARE(ok.body, kFeed);
        QCOMPARE(ok.contentType, std::string("text/calendar"));
        QCOMPARE(server.answered(), 1);

        const auto untrusted = ingest::fetchUrl(server.url("127.0.0.1", "/feed.ics"), "", "", quick());
        QCOMPARE(untrusted.status, ingest::FetchResult::Status::Failed);
        QVERIFY2(untrusted.error.find("TLS handshake with 127.0.0.1") != std::string::npos, untrusted.error.c_str());
        QVERIFY2(untrusted.error.find("server certificate not accepted: unable to get local issuer certificate") !=
                     std::string::npos,
                 untrusted.error.c_str());

        const auto wrongHost = ingest::fetchUrl(server.url("localhost", "/feed.ics"), "", "", trusting);
        QCOMPARE(wrongHost.status, ingest::FetchResult::Status::Failed);
        QVERIFY2(wrongHost.error.find("TLS handshake with localhost") != std::string::npos, wrongHost.error.c_str());
        QCOMPARE(server.answered(), 1); // neither refused fetch got as far as a request

        auto missingCa = quick();
        missingCa.extraCaFile = path("no-such-ca.pem");
        const auto noCa = ingest::fetchUrl(server.url("127.0.0.1", "/feed.ics"), "", "", missingCa);
        QCOMPARE(noCa.status, ingest::FetchResult::Status::Failed);
        QVERIFY2(noCa.error.find("cannot read the CA file") != std::string::npos, noCa.error.c_str());
    }

    // A run holds the source's advisory lock: while another holder has it, a Skip run returns
    // at once without fetching, and a Wait run (the CLI's) starts only after it is released.
    void runsOfOneSourceNeverInterleave() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
        ScriptedServer server;
        server.route("/feed.ics", [](const Request&) { return feedReply(); });
        TestDatabase db;
        auto conn = db.connect();
        const auto info = ingest::addSource(*conn, {"locked", server.url("/feed.ics"), ingest::Format::Ics, 30,
                                                    "Europe/Berlin"});
        auto holder = db.connect();
        {
            pqxx::nontransaction tx(*holder);
            tx.exec_params1("SELECT pg_advisory_lock($1::int4, $2::int4)",
                            marquee::server::db::lockkey::kIngestSourceClass, ingest::sourceLockId(info.id));
        }
        const auto skipped = ingest::runSource(*conn, "locked", quick(), {}, ingest::WhenBusy::Skip);
        QVERIFY(skipped.skipped);
        QVERIFY2(skipped.error.find("in progress") != std::string::npos, skipped.error.c_str());
        QVERIFY(server.requests("/feed.ics").empty());

        std::optional<ingest::SourceRunResult> waited;
        std::thread runner([&] {
            auto own = db.connect();
            waited = ingest::runSource(*own, "locked", quick(), {}, ingest::WhenBusy::Wait);
        });
        // The waiting run shows up in pg_locks as an ungranted advisory lock on the source's key.
        const auto waiting = [&] {
            pqxx::read_transaction tx(*conn);
            return tx.exec_params1("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                                   "AND classid = $1 AND objid = $2 AND objsubid = 2 "
                                   "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                                   marquee::server::db::lockkey::kIngestSourceClass, ingest::sourceLockId(info.id))[0]
                       .as<int>() == 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(waiting(), 30'000);
        QVERIFY(server.requests("/feed.ics").empty());
        {
            pqxx::nontransaction tx(*holder);
            tx.exec_params1("SELECT pg_advisory_unlock($1::int4, $2::int4)",
                            marquee::server::db::lockkey::kIngestSourceClass, ingest::sourceLockId(info.id));
        }
        runner.join();
        QVERIFY(waited && !waited->skipped);
        QCOMPARE(waited->status, ingest::FetchResult::Status::Ok);
        QCOMPARE(waited->report->created, std::size_t(1));
        QCOMPARE(server.requests("/feed.ics").size(), std::size_t(1));
        // The run let go of its lock: a Skip run gets it now.
        QVERIFY(!ingest::runSource(*conn, "locked", quick(), {}, ingest::WhenBusy::Skip).skipped);
    }

    // The scheduler inside a running `serve` (the real server process): a due source is
    // fetched and ingested without anyone running `sources run`, a paused one is not; resuming
    // it wakes the scheduler, and the server still stops cleanly.
    void schedulerInsideServeRunsDueSourcesOnly() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
        ScriptedServer http;
        http.route("/due.ics", [](const Request&) { return feedReply(); });
        http.route("/paused.ics", [](const Request&) { return feedReply(); });
        marquee::testing::TestServer server;
        QString error;
        // Info level: the scheduler's progress lines are checked below.
        QVERIFY2(server.start(&error, {QStringLiteral("--log-level"), QStringLiteral("info")}), qPrintable(error));
        pqxx::connection conn(server.databaseUrl().toStdString());
        {
            // Committed paused before the scheduler can see it.
            pqxx::work tx(conn);
            ingest::ensureTaxonomy(tx);
            tx.exec_params0("INSERT INTO sources (name, kind, url, format, default_category, paused) "
                            "VALUES ('paused', 'url', $1, 'ics', 'other', true)",
                            http.url("/paused.ics"));
            tx.commit();
        }
        ingest::addSource(conn, {"due", http.url("/due.ics"), ingest::Format::Ics, 30, "Europe/Berlin"});
        const auto status = [&](const std::string& name) { return ingest::findSource(conn, name)->lastStatus; };
        QTRY_COMPARE_WITH_TIMEOUT(status("due"), std::string("ok"), 60'000);
        QCOMPARE(http.requests("/due.ics").size(), std::size_t(1));
        QVERIFY(http.requests("/paused.ics").empty());
        QCOMPARE(status("paused"), std::string("never"));
        QCOMPARE(scalar(conn, "SELECT count(*) FROM events WHERE title = 'Fetched concert'"), std::int64_t(1));
        QCOMPARE(scalar(conn, "SELECT count(*) FROM sources WHERE name = 'due' AND next_run_at > now() + interval '29 minutes'"),
                 std::int64_t(1));
        QTRY_VERIFY_WITH_TIMEOUT(server.serverLog().contains(QLatin1String("ingest source run finished")), 10'000);

        QVERIFY(ingest::setSourcePaused(conn, "paused", false)); // NOTIFY: runs now, not at the next tick
        QTRY_COMPARE_WITH_TIMEOUT(status("paused"), std::string("ok"), 60'000);
        QCOMPARE(http.requests("/paused.ics").size(), std::size_t(1));
        QCOMPARE(http.requests("/due.ics").size(), std::size_t(1)); // not due again for 30 minutes
        QVERIFY(server.stop());
    }

    void failureBacksOffAndSuccessResets() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
        ScriptedServer server;
        auto calls = std::make_shared<std::atomic<int>>(0);
        server.route("/flaky", [calls](const Request&) {
            if ((*calls)++ == 0) return Reply{500, {}, "boom", false};
            return feedReply();
        });
        TestDatabase db;
        auto conn = db.connect();
        ingest::addSource(*conn, {"flaky", server.url("/flaky"), ingest::Format::Ics, 60, "Europe/Berlin"});
        auto options = quick();
        options.backoffBase = std::chrono::seconds(120);
        const auto failed = ingest::runSource(*conn, "flaky", options, {});
        QCOMPARE(failed.status, ingest::FetchResult::Status::Failed);
        QVERIFY2(failed.error.find("HTTP 500") != std::string::npos, failed.error.c_str());
        QCOMPARE(failed.after.failures, 1);
        QCOMPARE(failed.after.lastStatus, std::string("failed"));
        QCOMPARE(failed.after.lastError, failed.error);
        // Next attempt: now + base (first failure), well before the hourly schedule.
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM sources WHERE name = 'flaky' "
                               "AND next_run_at > now() + interval '100 seconds' "
                               "AND next_run_at < now() + interval '200 seconds'"),
                 std::int64_t(1));
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM raw_payloads"), std::int64_t(0));

        const auto ok = ingest::runSource(*conn, "flaky", options, {});
        QCOMPARE(ok.status, ingest::FetchResult::Status::Ok);
        QCOMPARE(ok.after.failures, 0);
        QCOMPARE(ok.after.lastError, std::string());
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM sources WHERE name = 'flaky' "
                               "AND next_run_at > now() + interval '59 minutes'"),
                 std::int64_t(1));
    }

    void commandLine() {
        if (!TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
        ScriptedServer server;
        server.route("/feed.ics", [](const Request&) { return feedReply(); });
        server.route("/broken", [](const Request&) { return Reply{503, {}, "", false}; });
        TestDatabase db;
        const auto url = QString::fromStdString(server.url("/feed.ics"));

        QCOMPARE(cli(db, {}).exitCode, 2);
        QCOMPARE(cli(db, {QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--format"), QStringLiteral("ics")}).exitCode, 2);
        QCOMPARE(cli(db, {QStringLiteral("frob")}).exitCode, 2);
        const auto add = cli(db, {QStringLiteral("add"), QStringLiteral("city"), QStringLiteral("--url"), url,
                                  QStringLiteral("--format"), QStringLiteral("ics"), QStringLiteral("--every"), QStringLiteral("15")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QCOMPARE(cli(db, {QStringLiteral("add"), QStringLiteral("city"), QStringLiteral("--url"), url,
                          QStringLiteral("--format"), QStringLiteral("ics")}).exitCode, 1); // name taken
        QCOMPARE(cli(db, {QStringLiteral("add"), QStringLiteral("down"), QStringLiteral("--url"),
                          QString::fromStdString(server.url("/broken")), QStringLiteral("--format"), QStringLiteral("ics"),
                          QStringLiteral("--zone"), QStringLiteral("Europe/Paris")}).exitCode, 0);
        QCOMPARE(cli(db, {QStringLiteral("pause"), QStringLiteral("city")}).exitCode, 0);
        QCOMPARE(cli(db, {QStringLiteral("pause"), QStringLiteral("nope")}).exitCode, 1);

        auto list = cli(db, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        auto rows = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("city"));
        QCOMPARE(rows[0].toObject().value(QStringLiteral("paused")).toBool(), true);
        QCOMPARE(rows[0].toObject().value(QStringLiteral("every_minutes")).toInt(), 15);
        QCOMPARE(rows[1].toObject().value(QStringLiteral("zone")).toString(), QStringLiteral("Europe/Paris"));
        QCOMPARE(cli(db, {QStringLiteral("resume"), QStringLiteral("city")}).exitCode, 0);
        QVERIFY(cli(db, {QStringLiteral("list")}).out.contains("city\tics\t15m\tactive"));

        const auto run = cli(db, {QStringLiteral("run"), QStringLiteral("city"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("new")).toInt(), 1);

        const auto down = cli(db, {QStringLiteral("run"), QStringLiteral("down"), QStringLiteral("--json")});
        QCOMPARE(down.exitCode, 1);
        QVERIFY(QJsonDocument::fromJson(down.out).object().value(QStringLiteral("error")).toString().contains(
            QLatin1String("HTTP 503")));
        QVERIFY2(down.err.contains(QLatin1String("failure 1")), qPrintable(down.err));
        QCOMPARE(cli(db, {QStringLiteral("run"), QStringLiteral("nope")}).exitCode, 1);
    }

    // The admin API (Envelope 80-88) on top of the same functions: list, run now against the
    // scripted server, the quarantined record with its reason and raw text, a mapping fix and
    // a retry that puts it into the catalog; an attendee is refused every request.
    void adminApiRunsSourcesAndRetriesQuarantine() {
        namespace v1 = marquee::v1;
        using marquee::server::Principal;
        TestDatabase db;
        auto conn = db.connect();
        ScriptedServer server;
        server.route("/page", [](const Request&) {
            return Reply{200, {{"Content-Type", "application/ld+json"}},
                         "[{\"@type\":\"MusicEvent\",\"@id\":\"gig-1\",\"name\":\"Harbour Gig\","
                         "\"startDate\":\"2027-03-01T19:00:00Z\"},"
                         "{\"@type\":\"Event\",\"@id\":\"slam-1\",\"name\":\"Poetry Slam\","
                         "\"startDate\":\"2027-03-02T19:00:00Z\",\"keywords\":\"Poetry slam\"}]",
                         false};
        });
        ingest::addSource(*conn, {"harbour", server.url("/page"), ingest::Format::JsonLd, 60, "Europe/Berlin"});
        {
            pqxx::work tx(*conn); // strict: an unmapped category is quarantined
            tx.exec0("UPDATE sources SET default_category = NULL WHERE name = 'harbour'");
            tx.commit();
        }
        marquee::server::Api api;
        Principal admin{api.createUser(*conn, "admin@example.org", "correct horse battery", marquee::core::Role::Admin),
                        marquee::core::Role::Admin, "admin@example.org", {}, 0};
        Principal attendee{api.createUser(*conn, "fan@example.org", "correct horse battery", marquee::core::Role::Attendee),
                           marquee::core::Role::Attendee, "fan@example.org", {}, 0};
        const auto call = [&](const Principal& who, const std::function<void(v1::Envelope&)>& fill) {
            v1::Envelope request;
            request.set_request_id(5);
            fill(request);
            return api.handle(*conn, who, {}, request);
        };

        auto listed = call(admin, [](v1::Envelope& e) { e.mutable_list_sources(); });
        QVERIFY2(listed.has_source_list(), listed.DebugString().c_str());
        QCOMPARE(listed.source_list().sources_size(), 1);
        QCOMPARE(listed.source_list().sources(0).last_status(), std::string("never"));

        const auto ran = call(admin, [](v1::Envelope& e) { e.mutable_run_source()->set_name("harbour"); });
        QVERIFY2(ran.has_source_run_result(), ran.DebugString().c_str());
        QCOMPARE(ran.source_run_result().status(), std::string("ok"));
        QCOMPARE(ran.source_run_result().counts().created(), 1U);
        QCOMPARE(ran.source_run_result().counts().quarantined(), 1U);
        QCOMPARE(ran.source_run_result().source().open_quarantine(), 1U);
        listed = call(admin, [](v1::Envelope& e) { e.mutable_list_sources(); });
        QCOMPARE(listed.source_list().sources(0).last_status(), std::string("ok"));
        QCOMPARE(listed.source_list().sources(0).last_counts().created(), 1U);
        QVERIFY(listed.source_list().sources(0).last_run_at_ms() > 0);

        const auto quarantine = call(admin, [](v1::Envelope& e) { e.mutable_list_quarantine()->set_source("harbour"); });
        QVERIFY2(quarantine.has_quarantine_list(), quarantine.DebugString().c_str());
        QCOMPARE(quarantine.quarantine_list().entries_size(), 1);
        const auto entry = quarantine.quarantine_list().entries(0);
        QVERIFY2(entry.reason().find("no category mapping for 'Poetry slam'") != std::string::npos, entry.reason().c_str());
        QVERIFY(entry.raw_excerpt().find("Poetry Slam") != std::string::npos);
        QVERIFY(entry.fetched_at_ms() > 0);

        const auto badMapping = call(admin, [](v1::Envelope& e) {
            auto* m = e.mutable_set_category_mapping();
            m->set_source("harbour");
            m->set_external_category("Poetry slam");
            m->set_marquee_category("no.such.category");
        });
        QCOMPARE(badMapping.error().code(), v1::INVALID_ARGUMENT);
        const auto mapped = call(admin, [](v1::Envelope& e) {
            auto* m = e.mutable_set_category_mapping();
            m->set_source("harbour");
            m->set_external_category("Poetry slam");
            m->set_marquee_category("talks.readings");
        });
        QVERIFY2(mapped.has_ack(), mapped.DebugString().c_str());

        const auto retried = call(admin, [&](v1::Envelope& e) {
            e.mutable_retry_quarantined()->add_ids(entry.id());
            e.mutable_retry_quarantined()->add_ids(999999);
        });
        QVERIFY2(retried.has_retry_results(), retried.DebugString().c_str());
        QCOMPARE(retried.retry_results().results_size(), 2);
        QVERIFY(retried.retry_results().results(0).resolved());
        QCOMPARE(retried.retry_results().results(0).counts().created(), 1U);
        QVERIFY(!retried.retry_results().results(1).resolved());
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM events WHERE title = 'Poetry Slam' AND category_id = 'talks.readings'"),
                 std::int64_t{1});
        QCOMPARE(call(admin, [](v1::Envelope& e) { e.mutable_list_quarantine(); }).quarantine_list().entries_size(), 0);

        QCOMPARE(call(admin, [](v1::Envelope& e) { e.mutable_run_source()->set_name("nope"); }).error().code(),
                 v1::NOT_FOUND);
        const std::vector<std::function<void(v1::Envelope&)>> requests{
            [](v1::Envelope& e) { e.mutable_list_sources(); },
            [](v1::Envelope& e) { e.mutable_run_source()->set_name("harbour"); },
            [](v1::Envelope& e) { e.mutable_list_quarantine(); },
            [&](v1::Envelope& e) { e.mutable_retry_quarantined()->add_ids(entry.id()); },
            [](v1::Envelope& e) { e.mutable_set_category_mapping()->set_source("harbour"); }};
        for (const auto& fill : requests) QCOMPARE(call(attendee, fill).error().code(), v1::PERMISSION_DENIED);
        QCOMPARE(server.requests("/page").size(), std::size_t{1}); // the refused run fetched nothing
    }

    // The rest of the admin API (Envelope 130-133): add and pause sources, list mappings, and a
    // run's progress in ListSources while it is going (here: held in its fetch), gone after.
    void adminApiAddsPausesMapsAndShowsProgress() {
        namespace v1 = marquee::v1;
        using marquee::server::Principal;
        TestDatabase db;
        auto conn = db.connect();
        auto other = db.connect();
        const std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
                                "BEGIN:VEVENT\r\nUID:p-1\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270301T190000Z\r\n"
                                "SUMMARY:Progress One\r\nCATEGORIES:Concert\r\nEND:VEVENT\r\n"
                                "BEGIN:VEVENT\r\nUID:p-2\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270302T190000Z\r\n"
                                "SUMMARY:Progress Two\r\nCATEGORIES:Concert\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        std::promise<void> arrived;
        std::promise<void> release;
        auto released = release.get_future().share();
        ScriptedServer server;
        server.route("/slow.ics", [&](const Request&) {
            arrived.set_value();
            released.wait();
            return Reply{200, {{"Content-Type", "text/calendar"}}, ics, false};
        });
        marquee::server::Api api;
        Principal admin{api.createUser(*conn, "admin@example.org", "correct horse battery", marquee::core::Role::Admin),
                        marquee::core::Role::Admin, "admin@example.org", {}, 0};
        Principal attendee{api.createUser(*conn, "fan@example.org", "correct horse battery", marquee::core::Role::Attendee),
                           marquee::core::Role::Attendee, "fan@example.org", {}, 0};
        const auto call = [&](pqxx::connection& c, const Principal& who, const std::function<void(v1::Envelope&)>& fill) {
            v1::Envelope request;
            request.set_request_id(9);
            fill(request);
            return api.handle(c, who, {}, request);
        };
        const auto add = [&](const std::string& name, const std::string& url, const std::string& format) {
            return call(*conn, admin, [&](v1::Envelope& e) {
                auto* a = e.mutable_add_source();
                a->set_name(name);
                a->set_url(url);
                a->set_format(format);
                a->set_interval_minutes(30);
                a->set_time_zone("Europe/Paris");
            });
        };

        const auto added = add("slow", server.url("/slow.ics"), "ics");
        QVERIFY2(added.has_source_list(), added.DebugString().c_str());
        QCOMPARE(added.source_list().sources(0).interval_seconds(), 1800U);
        QCOMPARE(added.source_list().sources(0).format(), std::string("ics"));
        QCOMPARE(add("slow", server.url("/other.ics"), "ics").error().code(), v1::ALREADY_EXISTS);
        QCOMPARE(add("bad-format", server.url("/x"), "xml").error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(add("bad-url", "ftp://example.org/feed.ics", "ics").error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(scalar(*conn, "SELECT count(*) FROM sources"), std::int64_t{1});

        const auto pause = [&](const std::string& name, bool paused) {
            return call(*conn, admin, [&](v1::Envelope& e) {
                e.mutable_set_source_paused()->set_name(name);
                e.mutable_set_source_paused()->set_paused(paused);
            });
        };
        QVERIFY(pause("slow", true).has_ack());
        QVERIFY(call(*conn, admin, [](v1::Envelope& e) { e.mutable_list_sources(); }).source_list().sources(0).paused());
        QCOMPARE(pause("nope", true).error().code(), v1::NOT_FOUND);
        QVERIFY(pause("slow", false).has_ack());

        v1::Envelope ran;
        std::thread run([&] { ran = call(*conn, admin, [](v1::Envelope& e) { e.mutable_run_source()->set_name("slow"); }); });
        arrived.get_future().wait();
        auto listed = call(*other, admin, [](v1::Envelope& e) { e.mutable_list_sources(); });
        QVERIFY(listed.source_list().sources(0).has_progress());
        QCOMPARE(listed.source_list().sources(0).progress().stage(), std::string("fetching"));
        QVERIFY(listed.source_list().sources(0).progress().started_at_ms() > 0);
        release.set_value();
        run.join();
        QCOMPARE(ran.source_run_result().counts().created(), 2U);
        listed = call(*other, admin, [](v1::Envelope& e) { e.mutable_list_sources(); });
        QVERIFY(!listed.source_list().sources(0).has_progress());

        // The stages a run reports, in order, with the record counts.
        std::vector<std::tuple<ingest::Stage, std::size_t, std::size_t>> stages;
        std::mutex stagesMutex;
        ingest::IngestOptions options;
        options.onProgress = [&](ingest::Stage stage, std::size_t done, std::size_t total) {
            std::lock_guard lock(stagesMutex);
            stages.emplace_back(stage, done, total);
        };
        auto changed = ics;
        changed.replace(changed.find("Progress One"), 12, "Progress 1st");
        const auto source = ingest::ensureSource(*conn, "upload", ingest::Format::Ics);
        ingest::ingestPayload(*conn, source, changed, "test", options);
        QVERIFY(stages.size() >= 4);
        QCOMPARE(stages.front(), std::make_tuple(ingest::Stage::Parsing, std::size_t{0}, std::size_t{0}));
        QCOMPARE(stages.back(), std::make_tuple(ingest::Stage::Writing, std::size_t{2}, std::size_t{2}));
        QVERIFY(std::find(stages.begin(), stages.end(), std::make_tuple(ingest::Stage::Writing, std::size_t{0},
                                                                        std::size_t{2})) != stages.end());

        QVERIFY(call(*conn, admin, [](v1::Envelope& e) {
                    auto* m = e.mutable_set_category_mapping();
                    m->set_source("slow");
                    m->set_external_category("Théâtre");
                    m->set_marquee_category("talks.readings");
                }).has_ack());
        const auto mappings = call(*conn, admin, [](v1::Envelope& e) { e.mutable_list_category_mappings()->set_source("slow"); });
        QVERIFY2(mappings.has_category_mapping_list(), mappings.DebugString().c_str());
        QCOMPARE(mappings.category_mapping_list().mappings_size(), 1);
        QCOMPARE(mappings.category_mapping_list().mappings(0).external_category(), std::string("theatre"));
        QCOMPARE(mappings.category_mapping_list().mappings(0).marquee_category(), std::string("talks.readings"));

        const std::vector<std::function<void(v1::Envelope&)>> refused{
            [](v1::Envelope& e) { e.mutable_add_source()->set_name("x"); },
            [](v1::Envelope& e) { e.mutable_set_source_paused()->set_name("slow"); },
            [](v1::Envelope& e) { e.mutable_list_category_mappings(); }};
        for (const auto& fill : refused) QCOMPARE(call(*conn, attendee, fill).error().code(), v1::PERMISSION_DENIED);
    }
};

QTEST_GUILESS_MAIN(TestIngestFetch)
#include "test_ingest_fetch.moc"
