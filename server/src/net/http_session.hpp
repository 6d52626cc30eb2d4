// Plain HTTP on the WebSocket port: health, readiness, metrics, payment webhooks, one-click
// unsubscribe links from mails, and the upgrade to /v1/ws after the bearer token (if any) has
// been checked.
#pragma once

#include "net/connection_limiter.hpp"
#include "net/context.hpp"
#include "net/net.hpp"
#include "services/principal.hpp"

#include <pqxx/connection>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace marquee::server::net {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    // slot: this connection's place under the listener's connection caps.
    HttpSession(tcp::socket&& socket, Context& ctx, std::shared_ptr<ConnectionLimiter::Slot> slot);
    void run();

private:
    using Request = http::request<http::string_body>;
    using Response = http::response<http::string_body>;

    void doRead();
    void onRead(error_code ec, std::size_t bytes);
    void handleRequest(Request request);
    void handleUpgrade(Request request);
    void onAuthenticated(std::uint64_t generation, std::optional<Principal> principal, bool dbFailed);
    void handlePaymentWebhook(Request request);
    void handleUnsubscribe(Request request);
    // Runs blocking database work on the pool and answers with its result on the strand
    // (503 when the pool no longer takes work, 500 when the work throws).
    struct PoolAnswer {
        unsigned status = 200;
        std::string body;
        std::string contentType;
    };
    void answerFromPool(const Request& request, std::string_view route,
                        std::function<PoolAnswer(pqxx::connection&)> work);
    void checkReady(const Request& request);
    void finishReady(std::uint64_t generation, bool ready, std::string detail);
    // The client's address for this request (X-Forwarded-For from a trusted proxy).
    asio::ip::address clientAddressOf(const Request& request) const;
    void send(Response response, std::string_view metricPath);
    void onWrite(bool close, error_code ec, std::size_t bytes);
    void doClose();

    Context& m_ctx;
    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::shared_ptr<Response> m_response;
    std::shared_ptr<ConnectionLimiter::Slot> m_slot;
    asio::ip::address m_peer;
    std::string m_peerAddress;
    std::optional<Request> m_pendingUpgrade; // while the token is checked on the pool

    // /readyz and the token check: the pool answer and a timeout race; the first one on the
    // strand wins, and the generation tells a late answer from the current one.
    asio::steady_timer m_poolTimer;
    std::uint64_t m_generation = 0;
    bool m_readyPending = false;
    unsigned m_readyVersion = 11;
    bool m_readyKeepAlive = false;
    bool m_readyHead = false;
};

} // namespace marquee::server::net
