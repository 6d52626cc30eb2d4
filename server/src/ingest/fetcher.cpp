// The feed fetcher: Beast's HTTP client driven one operation at a time on a private
// io_context (so every step — resolve included — shares one deadline and can be cancelled),
// and the per-source run that records validators, schedule and back-off on the source row.
#include "ingest/fetcher.hpp"

#include "db/lock_keys.hpp"

#include "ingest/text.hpp"
#include "services/api_internal.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <stdexcept>

namespace marquee::server::ingest {

namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;

using detail::exec;
using detail::Statement;

struct Url {
    bool tls = false;
    std::string host;   // without brackets
    std::string port;
    std::string target; // path and query, never empty
    std::string text() const {
        const bool v6 = host.find(':') != std::string::npos;
        const bool defaultPort = port == (tls ? "443" : "80");
        return std::string(tls ? "https://" : "http://") + (v6 ? "[" + host + "]" : host) +
               (defaultPort ? "" : ":" + port) + target;
    }
    std::string hostHeader() const {
        const bool v6 = host.find(':') != std::string::npos;
        const bool defaultPort = port == (tls ? "443" : "80");
        return (v6 ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port);
    }
};

bool startsWithNoCase(const std::string& s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

std::optional<Url> parseUrl(const std::string& s) {
    Url url;
    std::string rest;
    if (startsWithNoCase(s, "http://")) {
        rest = s.substr(7);
    } else if (startsWithNoCase(s, "https://")) {
        url.tls = true;
        rest = s.substr(8);
    } else {
        return std::nullopt;
    }
    const auto end = rest.find_first_of("/?#");
    std::string authority = rest.substr(0, end);
    std::string target = end == std::string::npos ? "/" : rest.substr(end);
    if (const auto hash = target.find('#'); hash != std::string::npos) target.resize(hash);
    if (target.empty() || target[0] != '/') target.insert(0, "/");
    if (authority.empty() || authority.find('@') != std::string::npos) return std::nullopt;
    std::string port;
    if (authority[0] == '[') {
        const auto close = authority.find(']');
        if (close == std::string::npos) return std::nullopt;
        url.host = authority.substr(1, close - 1);
        const auto after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after[0] != ':') return std::nullopt;
            port = after.substr(1);
        }
    } else {
        const auto colon = authority.find(':');
        url.host = authority.substr(0, colon);
        if (colon != std::string::npos) port = authority.substr(colon + 1);
    }
    if (url.host.empty()) return std::nullopt;
    if (port.empty()) port = url.tls ? "443" : "80";
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoi(port) == 0 || std::stoi(port) > 65535)
        return std::nullopt;
    url.port = port;
    for (const char c : target)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return std::nullopt;
    url.target = target;
    return url;
}

// A Location header against the URL it came from (absolute, scheme-relative, absolute-path
// or relative-path references; RFC 3986 dot segments are left to the server).
std::optional<Url> resolveLocation(const Url& base, const std::string& location) {
    if (startsWithNoCase(location, "http://") || startsWithNoCase(location, "https://")) return parseUrl(location);
    if (location.rfind("//", 0) == 0) return parseUrl((base.tls ? "https:" : "http:") + location);
    Url origin = base;
    origin.target = "/";
    const auto root = origin.text();
    const std::string prefix = root.substr(0, root.size() - 1);
    if (!location.empty() && location[0] == '/') return parseUrl(prefix + location);
    std::string dir = base.target.substr(0, base.target.find('?'));
    dir.resize(dir.rfind('/') + 1);
    return parseUrl(prefix + dir + location);
}

// Runs one asynchronous operation at a time on a private io_context until it completes or
// the shared deadline passes; then the operation is cancelled and its handler drained.
class Runner {
public:
    explicit Runner(Clock::time_point deadline) : m_deadline(deadline) {}
    asio::io_context& ioc() { return m_ioc; }
    bool timedOut() const { return m_timedOut; }

    using Finish = std::function<void(error_code)>;
    error_code wait(const std::function<void(Finish)>& start, const std::function<void()>& cancel) {
        bool done = false;
        error_code result;
        start([&](error_code ec) {
            result = ec;
            done = true;
        });
        m_ioc.restart();
        const auto now = Clock::now();
        if (now < m_deadline) m_ioc.run_for(m_deadline - now);
        if (!done) {
            cancel();
            m_ioc.restart();
            m_ioc.run();
            m_timedOut = true;
            return asio::error::timed_out;
        }
        return result;
    }

private:
    asio::io_context m_ioc;
    Clock::time_point m_deadline;
    bool m_timedOut = false;
};

struct HopResult {
    std::string error; // empty: a response came
    http::response<http::string_body> response;
};

std::string describe(const error_code& ec, const char* stage, const Url& url, const FetchOptions& options,
                     const Runner& runner) {
    if (runner.timedOut() || ec == asio::error::timed_out)
        return std::string("timed out after ") + std::to_string(options.timeout.count()) + " ms (" + stage + " " +
               url.hostHeader() + ")";
    if (ec == http::error::body_limit)
        return "response body larger than " + std::to_string(options.maxBodyBytes) + " bytes";
    return std::string(stage) + " " + url.hostHeader() + ": " + ec.message();
}

template <typename Stream>
HopResult exchange(Runner& runner, Stream& stream, const Url& url, const http::request<http::empty_body>& request,
                   const FetchOptions& options) {
    HopResult hop;
    auto ec = runner.wait(
        [&](Runner::Finish finish) {
            http::async_write(stream, request, [finish](error_code e, std::size_t) { finish(e); });
        },
        [&] { beast::get_lowest_layer(stream).close(); });
    if (ec) {
        hop.error = describe(ec, "sending to", url, options, runner);
        return hop;
    }
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(static_cast<std::uint64_t>(options.maxBodyBytes));
    // The header first: Beast 1.74's eager async_read loses the parser's Content-Length
    // versus body_limit error and reads the whole announced body.
    ec = runner.wait(
        [&](Runner::Finish finish) {
            http::async_read_header(stream, buffer, parser, [finish](error_code e, std::size_t) { finish(e); });
        },
        [&] { beast::get_lowest_layer(stream).close(); });
    if (!ec && parser.content_length() && *parser.content_length() > options.maxBodyBytes) ec = http::error::body_limit;
    if (!ec && !parser.is_done()) {
        ec = runner.wait(
            [&](Runner::Finish finish) {
                http::async_read(stream, buffer, parser, [finish](error_code e, std::size_t) { finish(e); });
            },
            [&] { beast::get_lowest_layer(stream).close(); });
    }
    if (!ec && parser.get().body().size() > options.maxBodyBytes) ec = http::error::body_limit;
    if (ec) {
        hop.error = describe(ec, "reading from", url, options, runner);
        return hop;
    }
    hop.response = parser.release();
    return hop;
}

HopResult fetchOnce(Runner& runner, const Url& url, const http::request<http::empty_body>& request,
                    const FetchOptions& options) {
    HopResult hop;
    tcp::resolver resolver(runner.ioc());
    tcp::resolver::results_type endpoints;
    auto ec = runner.wait(
        [&](Runner::Finish finish) {
            resolver.async_resolve(url.host, url.port, [&endpoints, finish](error_code e, tcp::resolver::results_type r) {
                endpoints = std::move(r);
                finish(e);
            });
        },
        [&] { resolver.cancel(); });
    if (ec) {
        hop.error = describe(ec, "resolving", url, options, runner);
        return hop;
    }
    const auto connect = [&](beast::tcp_stream& tcpStream) {
        return runner.wait(
            [&](Runner::Finish finish) {
                tcpStream.async_connect(endpoints, [finish](error_code e, const tcp::endpoint&) { finish(e); });
            },
            [&] { tcpStream.close(); });
    };
    if (!url.tls) {
        beast::tcp_stream stream(runner.ioc());
        if ((ec = connect(stream))) {
            hop.error = describe(ec, "connecting to", url, options, runner);
            return hop;
        }
        hop = exchange(runner, stream, url, request, options);
        stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        return hop;
    }
    ssl::context context(ssl::context::tls_client);
    context.set_default_verify_paths();
    if (!options.extraCaFile.empty()) {
        context.load_verify_file(options.extraCaFile, ec);
        if (ec) {
            hop.error = "cannot read the CA file " + options.extraCaFile + ": " + ec.message();
            return hop;
        }
    }
    context.set_verify_mode(ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(runner.ioc(), context);
    // SNI; SSL_set_tlsext_host_name is a macro with C casts, hence the call it stands for.
    SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
             const_cast<char*>(url.host.c_str()));
    stream.set_verify_callback(ssl::host_name_verification(url.host));
    if ((ec = connect(beast::get_lowest_layer(stream)))) {
        hop.error = describe(ec, "connecting to", url, options, runner);
        return hop;
    }
    ec = runner.wait(
        [&](Runner::Finish finish) {
            stream.async_handshake(ssl::stream_base::client, [finish](error_code e) { finish(e); });
        },
        [&] { beast::get_lowest_layer(stream).close(); });
    if (ec) {
        hop.error = describe(ec, "TLS handshake with", url, options, runner);
        // Say why the peer's certificate was refused: untrusted issuer, expired, wrong host, ...
        if (const auto verify = SSL_get_verify_result(stream.native_handle()); verify != X509_V_OK)
            hop.error += std::string(" (server certificate not accepted: ") +
                         X509_verify_cert_error_string(verify) + ")";
        return hop;
    }
    // No TLS close_notify exchange: the whole body is read, and a peer that does not answer
    // it would only cost time.
    return exchange(runner, stream, url, request, options);
}

bool isRedirect(unsigned status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

std::string header(const http::response<http::string_body>& response, http::field field) {
    const auto it = response.find(field);
    return it == response.end() ? std::string() : std::string(it->value());
}

} // namespace

FetchResult fetchUrl(const std::string& urlText, const std::string& etag, const std::string& lastModified,
                     const FetchOptions& options) {
    FetchResult result;
    result.finalUrl = urlText;
    auto url = parseUrl(urlText);
    if (!url) {
        result.error = "not an http:// or https:// URL: '" + urlText + "'";
        return result;
    }
    Runner runner(Clock::now() + options.timeout);
    std::vector<std::string> chain{url->text()};
    for (int hopCount = 0;; ++hopCount) {
        http::request<http::empty_body> request{http::verb::get, url->target, 11};
        request.set(http::field::host, url->hostHeader());
        request.set(http::field::user_agent, options.userAgent);
        request.set(http::field::accept, "*/*");
        request.set(http::field::connection, "close");
        if (!etag.empty()) request.set(http::field::if_none_match, etag);
        if (!lastModified.empty()) request.set(http::field::if_modified_since, lastModified);
        result.finalUrl = url->text();
        auto hop = fetchOnce(runner, *url, request, options);
        if (!hop.error.empty()) {
            result.error = hop.error;
            return result;
        }
        const auto status = hop.response.result_int();
        result.httpStatus = static_cast<int>(status);
        if (isRedirect(status)) {
            const auto location = header(hop.response, http::field::location);
            if (location.empty()) {
                result.error = "HTTP " + std::to_string(status) + " without a Location header";
                return result;
            }
            const auto next = resolveLocation(*url, location);
            if (!next) {
                result.error = "redirect to an unsupported URL '" + location + "'";
                return result;
            }
            const auto nextText = next->text();
            if (std::find(chain.begin(), chain.end(), nextText) != chain.end()) {
                std::string path;
                for (const auto& u : chain) path += u + " -> ";
                result.error = "redirect loop: " + path + nextText;
                return result;
            }
            if (hopCount >= options.maxRedirects) {
                result.error = "more than " + std::to_string(options.maxRedirects) + " redirects (last to " + nextText + ")";
                return result;
            }
            chain.push_back(nextText);
            url = next;
            continue;
        }
        result.etag = header(hop.response, http::field::etag);
        result.lastModified = header(hop.response, http::field::last_modified);
        if (status == 304) {
            result.status = FetchResult::Status::NotModified;
            return result;
        }
        if (status != 200) {
            result.error = "HTTP " + std::to_string(status) + " " + std::string(hop.response.reason());
            return result;
        }
        result.status = FetchResult::Status::Ok;
        result.contentType = header(hop.response, http::field::content_type);
        result.body = std::move(hop.response.body());
        return result;
    }
}

// ---- Sources ----------------------------------------------------------------------------

namespace {

#define MQ_MS(c) "(extract(epoch FROM " c ") * 1000)::bigint"

constexpr Statement kAddSource{
    "fetch_add_source",
    "INSERT INTO sources (name, kind, url, format, default_zone, interval_seconds, default_category) "
    "VALUES ($1, 'url', $2, $3, $4, $5, 'other') ON CONFLICT (name) DO NOTHING RETURNING id"};
constexpr Statement kListSources{
    "fetch_list_sources",
    "SELECT id, name, kind, url, format, default_zone, interval_seconds, paused, failures, " MQ_MS("next_run_at") ", "
    MQ_MS("last_run_at") ", last_status, last_error, last_counts::text FROM sources ORDER BY name"};
constexpr Statement kFindSource{
    "fetch_find_source",
    "SELECT id, name, kind, url, format, default_zone, interval_seconds, paused, failures, " MQ_MS("next_run_at") ", "
    MQ_MS("last_run_at") ", last_status, last_error, last_counts::text FROM sources WHERE name = $1"};
// Wakes the ingest scheduler (delivered at commit) so a new or resumed source runs now.
constexpr Statement kNotifySources{"fetch_notify_sources", "SELECT pg_notify('" MARQUEE_SOURCES_CHANNEL "', '')"};
constexpr Statement kSetPaused{"fetch_set_paused", "UPDATE sources SET paused = $2 WHERE name = $1 RETURNING id"};
constexpr Statement kValidators{"fetch_validators", "SELECT etag, last_modified FROM sources WHERE id = $1"};
constexpr Statement kRecordSuccess{
    "fetch_record_success",
    "UPDATE sources SET failures = 0, next_run_at = now() + interval_seconds * interval '1 second', "
    "last_run_at = now(), last_status = $2, last_error = '', etag = $3, last_modified = $4, "
    "last_counts = CASE WHEN $5 = '' THEN last_counts ELSE $5::jsonb END WHERE id = $1"};
// SET sees the row before the update: `failures` here is the count before this failure.
constexpr Statement kRecordFailure{
    "fetch_record_failure",
    "UPDATE sources SET failures = failures + 1, "
    "next_run_at = now() + least($3::float8 * power(2::float8, least(failures, 40)), $4::float8) * interval '1 second', "
    "last_run_at = now(), last_status = 'failed', last_error = $2, "
    "last_counts = CASE WHEN $5 = '' THEN last_counts ELSE $5::jsonb END WHERE id = $1"};
constexpr Statement kSetContentType{"fetch_set_content_type",
                                    "UPDATE raw_payloads SET content_type = $2 WHERE id = $1"};

#undef MQ_MS

SourceInfo fromRow(const pqxx::row& row) {
    SourceInfo s;
    s.id = row[0].as<std::int64_t>();
    s.name = row[1].as<std::string>();
    s.kind = row[2].as<std::string>();
    s.url = row[3].as<std::string>();
    s.format = row[4].as<std::string>();
    s.zone = row[5].as<std::string>();
    s.intervalSeconds = row[6].as<int>();
    s.paused = row[7].as<bool>();
    s.failures = row[8].as<int>();
    s.nextRunAtMs = row[9].as<std::int64_t>();
    if (!row[10].is_null()) s.lastRunAtMs = row[10].as<std::int64_t>();
    s.lastStatus = row[11].as<std::string>();
    s.lastError = row[12].as<std::string>();
    s.lastCounts = nlohmann::json::parse(row[13].as<std::string>(), nullptr, false);
    return s;
}

} // namespace

nlohmann::json SourceInfo::toJson() const {
    nlohmann::json out{{"name", name},
                       {"kind", kind},
                       {"url", url},
                       {"format", format},
                       {"zone", zone},
                       {"every_minutes", intervalSeconds / 60},
                       {"paused", paused},
                       {"failures", failures},
                       {"next_run_at_ms", nextRunAtMs},
                       {"last_run_at_ms", lastRunAtMs ? nlohmann::json(*lastRunAtMs) : nlohmann::json(nullptr)},
                       {"last_status", lastStatus},
                       {"last_error", lastError},
                       {"last_counts", lastCounts}};
    return out;
}

std::chrono::seconds backoffDelay(int failures, const FetchOptions& options) {
    auto delay = options.backoffBase;
    for (int i = 1; i < failures && delay < options.backoffCap; ++i) delay *= 2;
    return std::min(delay, options.backoffCap);
}

SourceInfo addSource(pqxx::connection& conn, const SourceSpec& spec) {
    if (spec.name.empty() || spec.name == "marquee" || spec.name.size() > 200)
        throw std::invalid_argument("a source name must be 1-200 characters and not 'marquee'");
    if (!parseUrl(spec.url)) throw std::invalid_argument("--url must be an http:// or https:// URL, not '" + spec.url + "'");
    if (spec.everyMinutes < 1 || spec.everyMinutes > 525'600)
        throw std::invalid_argument("--every must be 1 to 525600 minutes");
    if (!isIanaZone(spec.zone)) throw std::invalid_argument("--zone: '" + spec.zone + "' is not an IANA time zone");
    pqxx::work tx(conn);
    ensureTaxonomy(tx);
    // At least a minute (the table's CHECK); --every counts minutes.
    const auto rows = exec(tx, kAddSource, spec.name, spec.url, std::string(formatName(spec.format)), spec.zone,
                           spec.everyMinutes * 60);
    if (rows.empty()) throw std::invalid_argument("a source named '" + spec.name + "' already exists");
    auto info = fromRow(exec(tx, kFindSource, spec.name)[0]);
    exec(tx, kNotifySources);
    tx.commit();
    return info;
}

std::vector<SourceInfo> listSources(pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    std::vector<SourceInfo> out;
    for (const auto& row : exec(tx, kListSources)) out.push_back(fromRow(row));
    return out;
}

std::optional<SourceInfo> findSource(pqxx::connection& conn, const std::string& name) {
    pqxx::read_transaction tx(conn);
    const auto rows = exec(tx, kFindSource, name);
    if (rows.empty()) return std::nullopt;
    return fromRow(rows[0]);
}

bool setSourcePaused(pqxx::connection& conn, const std::string& name, bool paused) {
    pqxx::work tx(conn);
    const bool found = !exec(tx, kSetPaused, name, paused).empty();
    if (found && !paused) exec(tx, kNotifySources);
    tx.commit();
    return found;
}


SourceRunResult runSource(pqxx::connection& conn, const std::string& name, const FetchOptions& fetchOptions,
                          const IngestOptions& ingestOptions, WhenBusy whenBusy) {
    const auto info = findSource(conn, name);
    if (!info) throw std::invalid_argument("no source named '" + name + "'");
    if (info->url.empty()) throw std::invalid_argument("source '" + name + "' has no URL (add it with sources add)");
    SourceRunLock lock(conn, info->id);
    if (!lock.acquire(whenBusy)) {
        SourceRunResult busy;
        busy.skipped = true;
        busy.error = "another run of source '" + name + "' is in progress";
        busy.after = *info;
        return busy;
    }
    markDeadRuns(conn, info->id); // before the fetch, which may take a while
    std::string etag;
    std::string lastModified;
    SourceConfig config;
    {
        pqxx::read_transaction tx(conn);
        const auto v = exec(tx, kValidators, info->id)[0];
        etag = v[0].as<std::string>();
        lastModified = v[1].as<std::string>();
        config = loadSource(tx, info->id);
    }

    ProgressBoard::RunEntry progress(ProgressBoard::instance(), name);
    auto runOptions = ingestOptions;
    runOptions.onProgress = [&progress, outer = ingestOptions.onProgress](Stage stage, std::size_t done,
                                                                          std::size_t total) {
        progress.update(stage, done, total);
        if (outer) outer(stage, done, total);
    };
    SourceRunResult result;
    auto fetched = fetchUrl(info->url, etag, lastModified, fetchOptions);
    result.status = fetched.status;
    result.error = fetched.error;
    std::string counts;
    if (fetched.status == FetchResult::Status::NotModified) {
        // Nothing new, but a run that died half-way is finished from its stored payload.
        try {
            completeInterruptedRuns(conn, config, runOptions);
        } catch (const std::exception& e) {
            result.status = FetchResult::Status::Failed;
            result.error = std::string("finishing an interrupted run failed: ") + e.what();
        }
    }
    if (fetched.status == FetchResult::Status::Ok) {
        try {
            auto report = ingestPayload(conn, config, fetched.body, fetched.finalUrl, runOptions);
            counts = report.toJson().dump();
            if (!report.fatal.empty()) {
                result.status = FetchResult::Status::Failed;
                result.error = report.fatal;
            }
            if (report.rawPayloadId != 0 && !fetched.contentType.empty()) {
                pqxx::work tx(conn);
                exec(tx, kSetContentType, report.rawPayloadId, fetched.contentType);
                tx.commit();
            }
            result.report = std::move(report);
        } catch (const std::exception& e) {
            result.status = FetchResult::Status::Failed;
            result.error = std::string("ingest failed: ") + e.what();
        }
    }

    pqxx::work tx(conn);
    if (result.status == FetchResult::Status::Failed) {
        exec(tx, kRecordFailure, info->id, result.error, static_cast<double>(fetchOptions.backoffBase.count()),
             static_cast<double>(fetchOptions.backoffCap.count()), counts);
    } else {
        // A 304 may omit the validators; the stored ones still describe what we have.
        const bool notModified = result.status == FetchResult::Status::NotModified;
        const auto newEtag = notModified && fetched.etag.empty() ? etag : fetched.etag;
        const auto newLastModified = notModified && fetched.lastModified.empty() ? lastModified : fetched.lastModified;
        exec(tx, kRecordSuccess, info->id, std::string(notModified ? "not_modified" : "ok"), newEtag, newLastModified,
             counts);
    }
    result.after = fromRow(exec(tx, kFindSource, name)[0]);
    tx.commit();
    return result;
}

} // namespace marquee::server::ingest
