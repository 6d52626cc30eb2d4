// HTTP session: one request at a time (no pipelining needed for probes and upgrades), with
// header/body limits and a read timeout; token checks and /readyz run on the db pool.
#include "net/http_session.hpp"

#include "common/log.hpp"
#include "db/pool.hpp"
#include "mail/unsubscribe.hpp"
#include "marquee/core/version.hpp"
#include "net/metrics.hpp"
#include "net/websocket_session.hpp"
#include "payments/webhook_handler.hpp"
#include "services/api.hpp"
#include "services/password_hasher.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <exception>
#include <utility>

namespace marquee::server::net {
namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kMaxTokenLength = 1024;

std::string_view pathOf(std::string_view target) {
    const auto query = target.find('?');
    return query == std::string_view::npos ? target : target.substr(0, query);
}

// Metric label for a path: a closed set, whatever the client asked for.
std::string_view metricPath(std::string_view path) {
    for (std::string_view known : {"/healthz", "/readyz", "/metrics", "/v1/ws", "/webhooks/payments", "/unsubscribe"})
        if (path == known) return known;
    return "other";
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// "Bearer <token>" (scheme case-insensitive, RFC 6750); empty when malformed.
std::string bearerToken(std::string_view header) {
    const auto space = header.find(' ');
    if (space == std::string_view::npos || !iequals(header.substr(0, space), "bearer")) return {};
    auto token = header.substr(space + 1);
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    if (token.empty() || token.size() > kMaxTokenLength || token.find(' ') != std::string_view::npos) return {};
    return std::string(token);
}

// HEAD gets the headers of the GET answer (Content-Length included) and no body.
http::response<http::string_body> makeResponse(unsigned version, bool keepAlive, bool head, http::status status,
                                               std::string body,
                                               std::string_view contentType = "text/plain; charset=utf-8") {
    http::response<http::string_body> res{status, version};
    res.set(http::field::server, serverHeader());
    res.set(http::field::content_type, contentType);
    res.set(http::field::cache_control, "no-store");
    res.keep_alive(keepAlive);
    res.body() = std::move(body);
    res.prepare_payload();
    if (head) res.body().clear();
    return res;
}

template <typename Request>
http::response<http::string_body> makeResponse(const Request& request, http::status status, std::string body,
                                               std::string_view contentType = "text/plain; charset=utf-8") {
    return makeResponse(request.version(), request.keep_alive(), request.method() == http::verb::head, status,
                        std::move(body), contentType);
}

} // namespace

HttpSession::HttpSession(tcp::socket&& socket, Context& ctx, std::shared_ptr<ConnectionLimiter::Slot> slot)
    : m_ctx(ctx), m_stream(std::move(socket)), m_slot(std::move(slot)), m_poolTimer(m_stream.get_executor()) {
    error_code ec;
    const auto peer = m_stream.socket().remote_endpoint(ec);
    if (!ec) {
        m_peer = peer.address();
        m_peerAddress = m_peer.to_string();
    }
}

asio::ip::address HttpSession::clientAddressOf(const Request& request) const {
    return clientAddress(m_peer, request["X-Forwarded-For"], m_ctx.limits.trustedProxies);
}

void HttpSession::run() {
    asio::dispatch(m_stream.get_executor(), beast::bind_front_handler(&HttpSession::doRead, shared_from_this()));
}

void HttpSession::doRead() {
    m_parser.emplace();
    m_parser->header_limit(kHeaderLimit);
    m_parser->body_limit(m_ctx.limits.httpBodyLimit);
    m_stream.expires_after(m_ctx.limits.httpTimeout);
    http::async_read(m_stream, m_buffer, *m_parser, beast::bind_front_handler(&HttpSession::onRead, shared_from_this()));
}

void HttpSession::onRead(error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream) {
        doClose();
        return;
    }
    if (ec == http::error::body_limit || ec == http::error::header_limit) {
        Request dummy;
        auto res = makeResponse(dummy, http::status::payload_too_large, "request too large\n");
        res.keep_alive(false);
        send(std::move(res), "other");
        return;
    }
    if (ec) {
        if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
            Request dummy;
            auto res = makeResponse(dummy, http::status::bad_request, "bad request\n");
            res.keep_alive(false);
            send(std::move(res), "other");
        } else if (ec != beast::error::timeout && ec != asio::error::operation_aborted) {
            log::debug("http read failed", {{"peer", m_peerAddress}, {"error", ec.message()}});
        }
        return;
    }
    auto request = m_parser->release();
    if (websocket::is_upgrade(request)) {
        handleUpgrade(std::move(request));
        return;
    }
    handleRequest(std::move(request));
}

void HttpSession::handleRequest(Request request) {
    const auto path = pathOf(request.target());
    if (path == "/webhooks/payments") {
        handlePaymentWebhook(std::move(request));
        return;
    }
    if (path == "/unsubscribe") {
        handleUnsubscribe(std::move(request));
        return;
    }
    // HEAD for the probes: load balancers often check with HEAD.
    const bool probe = path == "/healthz" || path == "/readyz";
    if (request.method() != http::verb::get && !(probe && request.method() == http::verb::head)) {
        auto res = makeResponse(request, http::status::method_not_allowed, "method not allowed\n");
        res.set(http::field::allow, probe ? "GET, HEAD" : "GET");
        send(std::move(res), metricPath(path));
        return;
    }
    if (path == "/healthz") {
        send(makeResponse(request, http::status::ok, "ok\n"), "/healthz");
    } else if (path == "/readyz") {
        checkReady(request);
    } else if (path == "/metrics") {
        m_ctx.metrics.setLoad(m_ctx.pool.queued(), m_ctx.hasher.inFlight());
        send(makeResponse(request, http::status::ok, m_ctx.metrics.serialize(), "text/plain; version=0.0.4; charset=utf-8"),
             "/metrics");
    } else {
        send(makeResponse(request, http::status::not_found, "not found\n"), "other");
    }
}

// The provider's POST runs on the pool (payments/webhook_handler.hpp); it is answered only
// after the event is committed, so a 2xx always means "recorded".
void HttpSession::handlePaymentWebhook(Request request) {
    constexpr std::string_view route = "/webhooks/payments";
    if (request.method() != http::verb::post) {
        auto res = makeResponse(request, http::status::method_not_allowed, "method not allowed\n");
        res.set(http::field::allow, "POST");
        send(std::move(res), route);
        return;
    }
    if (m_ctx.paymentWebhookSecret.empty()) {
        send(makeResponse(request, http::status::not_found, "no payment webhooks configured\n"), route);
        return;
    }
    answerFromPool(request, route,
                   [this, signature = std::string(request["Stripe-Signature"]),
                    body = std::move(request.body())](pqxx::connection& conn) -> PoolAnswer {
                       payments::WebhookReply reply;
                       try {
                           const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                                                std::chrono::system_clock::now().time_since_epoch()).count();
                           reply = payments::handleWebhook(conn, signature, body, m_ctx.paymentWebhookSecret, now);
                       } catch (const std::exception& e) {
                           log::error("payment webhook failed", {{"error", e.what()}});
                           reply = {500, R"({"error":"not recorded; deliver again"})"};
                       }
                       return {static_cast<unsigned>(reply.status), std::move(reply.body), "application/json"};
                   });
}

// A link from a mail (mail/unsubscribe.hpp): GET/HEAD show the confirmation page, POST (the
// page's button, or a mail client's RFC 8058 one-click) switches the setting off.
void HttpSession::handleUnsubscribe(Request request) {
    constexpr std::string_view route = "/unsubscribe";
    const auto method = request.method();
    if (method != http::verb::get && method != http::verb::head && method != http::verb::post) {
        auto res = makeResponse(request, http::status::method_not_allowed, "method not allowed\n");
        res.set(http::field::allow, "GET, HEAD, POST");
        send(std::move(res), route);
        return;
    }
    answerFromPool(request, route,
                   [token = mail::unsubscribeToken(request.target()), apply = method == http::verb::post,
                    language = std::string(request[http::field::accept_language])](pqxx::connection& conn) -> PoolAnswer {
                       auto answer = mail::answerUnsubscribe(conn, token, apply, language);
                       return {answer.status, std::move(answer.html), "text/html; charset=utf-8"};
                   });
}

void HttpSession::answerFromPool(const Request& request, std::string_view route,
                                 std::function<PoolAnswer(pqxx::connection&)> work) {
    const auto version = request.version();
    const auto keepAlive = request.keep_alive();
    const bool head = request.method() == http::verb::head;
    if (m_ctx.stopping.load()) {
        auto res = makeResponse(request, http::status::service_unavailable, "shutting down\n");
        res.keep_alive(false);
        send(std::move(res), route);
        return;
    }
    auto self = shared_from_this();
    const bool posted = m_ctx.pool.post([self, version, keepAlive, head, route,
                                         work = std::move(work)](pqxx::connection& conn) {
        PoolAnswer answer;
        try {
            answer = work(conn);
        } catch (const std::exception& e) {
            log::error("http request failed", {{"route", std::string(route)}, {"error", e.what()}});
            answer = {500, "not done; try again\n", "text/plain; charset=utf-8"};
        }
        asio::post(self->m_stream.get_executor(), [self, version, keepAlive, head, route, answer = std::move(answer)]() mutable {
            self->send(makeResponse(version, keepAlive, head, static_cast<http::status>(answer.status),
                                    std::move(answer.body), answer.contentType),
                       route);
        });
    });
    if (!posted) {
        auto res = makeResponse(version, keepAlive, false, http::status::service_unavailable, "shutting down\n");
        res.keep_alive(false);
        send(std::move(res), route);
    }
}

void HttpSession::checkReady(const Request& request) {
    m_readyVersion = request.version();
    m_readyKeepAlive = request.keep_alive();
    m_readyHead = request.method() == http::verb::head;
    const auto generation = ++m_generation;
    m_readyPending = true;
    if (m_ctx.stopping.load()) {
        finishReady(generation, false, "shutting down");
        return;
    }
    m_poolTimer.expires_after(m_ctx.limits.readyTimeout);
    m_poolTimer.async_wait([self = shared_from_this(), generation](error_code ec) {
        if (!ec) self->finishReady(generation, false, "database did not answer in time");
    });
    auto self = shared_from_this();
    const bool posted = m_ctx.pool.post([self, generation](pqxx::connection& conn) {
            bool ok = false;
            std::string detail;
            try {
                pqxx::nontransaction tx(conn);
                tx.exec("SELECT 1");
                ok = true;
            } catch (const std::exception& e) {
                log::warn("readiness check failed", {{"error", e.what()}});
                detail = "database unavailable";
            }
            asio::post(self->m_stream.get_executor(),
                       [self, generation, ok, detail]() { self->finishReady(generation, ok, detail); });
        });
    if (!posted) finishReady(generation, false, "shutting down");
}

void HttpSession::finishReady(std::uint64_t generation, bool ready, std::string detail) {
    if (!m_readyPending || generation != m_generation) return;
    m_readyPending = false;
    m_poolTimer.cancel();
    send(makeResponse(m_readyVersion, m_readyKeepAlive, m_readyHead,
                      ready ? http::status::ok : http::status::service_unavailable,
                      ready ? std::string("ready\n") : detail + "\n"),
         "/readyz");
}

void HttpSession::handleUpgrade(Request request) {
    const auto path = pathOf(request.target());
    if (path != "/v1/ws") {
        auto res = makeResponse(request, http::status::not_found, "not found\n");
        res.keep_alive(false);
        send(std::move(res), "other");
        return;
    }
    if (m_ctx.stopping.load()) {
        auto res = makeResponse(request, http::status::service_unavailable, "shutting down\n");
        res.keep_alive(false);
        send(std::move(res), "/v1/ws");
        return;
    }
    const std::string header(request[http::field::authorization]);
    m_pendingUpgrade = std::move(request);
    const auto generation = ++m_generation;
    if (header.empty()) {
        onAuthenticated(generation, Principal{}, false);
        return;
    }
    auto token = bearerToken(header);
    if (token.empty()) {
        onAuthenticated(generation, std::nullopt, false);
        return;
    }
    // The token check is blocking libpqxx work: run it on the pool, come back to the strand.
    // A pool that does not answer in time gets the client a 503, like /readyz.
    m_poolTimer.expires_after(m_ctx.limits.readyTimeout);
    m_poolTimer.async_wait([self = shared_from_this(), generation](error_code ec) {
        if (!ec) self->onAuthenticated(generation, std::nullopt, true);
    });
    auto self = shared_from_this();
    const bool posted = m_ctx.pool.post([self, generation, token = std::move(token)](pqxx::connection& conn) {
            std::optional<Principal> principal;
            bool failed = false;
            try {
                principal = self->m_ctx.api.authenticate(conn, token);
            } catch (const std::exception& e) {
                log::warn("token check failed", {{"error", e.what()}});
                failed = true;
            }
            asio::post(self->m_stream.get_executor(),
                       [self, generation, principal = std::move(principal), failed]() mutable {
                           self->onAuthenticated(generation, std::move(principal), failed);
                       });
        });
    if (!posted) onAuthenticated(generation, std::nullopt, true);
}

void HttpSession::onAuthenticated(std::uint64_t generation, std::optional<Principal> principal, bool dbFailed) {
    if (!m_pendingUpgrade || generation != m_generation) return;
    m_poolTimer.cancel();
    auto request = std::move(*m_pendingUpgrade);
    m_pendingUpgrade.reset();
    if (dbFailed) {
        auto res = makeResponse(request, http::status::service_unavailable, "database unavailable; retry later\n");
        res.set(http::field::retry_after, "1");
        res.keep_alive(false);
        send(std::move(res), "/v1/ws");
        return;
    }
    if (!principal) {
        auto res = makeResponse(request, http::status::unauthorized, "invalid, expired or revoked token\n");
        res.set(http::field::www_authenticate, "Bearer error=\"invalid_token\"");
        res.keep_alive(false);
        send(std::move(res), "/v1/ws");
        return;
    }
    m_ctx.metrics.httpRequest("/v1/ws", 101);
    const auto client = clientAddressOf(request);
    RequestMeta meta;
    meta.peerAddress = client.to_string();
    meta.addressKey = addressKey(client);
    std::make_shared<WebSocketSession>(m_stream.release_socket(), m_ctx, std::move(*principal), std::move(meta),
                                       std::move(m_slot))
        ->run(std::move(request));
}

void HttpSession::send(Response response, std::string_view path) {
    m_ctx.metrics.httpRequest(path, static_cast<unsigned>(response.result_int()));
    if (m_ctx.stopping.load()) response.keep_alive(false);
    m_response = std::make_shared<Response>(std::move(response));
    const bool close = m_response->need_eof();
    http::async_write(m_stream, *m_response,
                      beast::bind_front_handler(&HttpSession::onWrite, shared_from_this(), close));
}

void HttpSession::onWrite(bool close, error_code ec, std::size_t) {
    m_response.reset();
    if (ec) {
        log::debug("http write failed", {{"peer", m_peerAddress}, {"error", ec.message()}});
        return;
    }
    if (close) {
        doClose();
        return;
    }
    doRead();
}

void HttpSession::doClose() {
    error_code ec;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

} // namespace marquee::server::net
