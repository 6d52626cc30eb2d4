// Beast sessions of the payment sandbox. Answers that come from another thread (webhook
// deliveries asked for by a control call) are posted back to the session's executor.
#include "sandbox_http.hpp"

#include "payments/form_encoding.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <iostream>
#include <optional>

namespace marquee::sandbox {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t kBodyLimit = 1024 * 1024;
// A hanging answer (terminal timeout) keeps the connection at most this long.
constexpr std::chrono::minutes kHangLimit{10};

std::atomic<std::uint64_t> requestCounter{0};

ApiAnswer requestError(unsigned status, const std::string& message) {
    ApiAnswer answer;
    answer.status = status;
    answer.body = Json{{"error", {{"type", "invalid_request_error"}, {"message", message}}}};
    return answer;
}

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, Sandbox& sandbox) : m_stream(std::move(socket)), m_sandbox(sandbox), m_timer(m_stream.get_executor()) {}

    void run() { read(); }

private:
    using Request = http::request<http::string_body>;
    using Response = http::response<http::string_body>;

    void read() {
        m_parser.emplace();
        m_parser->body_limit(kBodyLimit);
        m_stream.expires_after(std::chrono::seconds(120));
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec) {
        if (ec == http::error::end_of_stream || ec) {
            if (ec == http::error::body_limit) {
                m_request = Request{};
                respond(requestError(413, "Request body too large."));
                return;
            }
            close();
            return;
        }
        m_request = m_parser->release();
        handle();
    }

    void handle() {
        const std::string target(m_request.target());
        const auto query = target.find('?');
        const auto path = target.substr(0, query);
        const auto queryString = query == std::string::npos ? std::string() : target.substr(query + 1);
        const std::string method(m_request.method_string());
        auto params = payments::parseForm(queryString);
        std::optional<std::map<std::string, std::string>> form = std::map<std::string, std::string>{};
        if (m_request.method() == http::verb::post) form = payments::parseForm(m_request.body());
        if (!params || !form) {
            respond(requestError(400, "Invalid request: the body or query string is not "
                                     "application/x-www-form-urlencoded."));
            return;
        }
        if (path.rfind("/_sandbox/", 0) == 0) {
            for (auto& [k, v] : *form) (*params)[k] = v;
            auto self = shared_from_this();
            m_sandbox.control(method, path, *params, [self](ApiAnswer answer) {
                asio::post(self->m_stream.get_executor(), [self, answer = std::move(answer)]() mutable {
                    self->respond(std::move(answer));
                });
            });
            return;
        }
        m_call = ApiCall{method, path, m_request.method() == http::verb::post ? std::move(*form) : std::move(*params),
                         std::string(m_request[http::field::authorization]), std::string(m_request["Idempotency-Key"])};
        auto answer = m_sandbox.begin(m_call);
        if (answer.delay.count() > 0) {
            m_timer.expires_after(answer.delay);
            m_stream.expires_never();
            m_timer.async_wait([self = shared_from_this()](beast::error_code waitEc) {
                if (waitEc) return;
                self->carryOut(self->m_sandbox.finishDelayed(self->m_call));
            });
            return;
        }
        carryOut(std::move(answer));
    }

    void carryOut(ApiAnswer answer) {
        switch (answer.wire) {
        case ApiAnswer::Wire::Respond:
            respond(std::move(answer));
            return;
        case ApiAnswer::Wire::DropBefore:
        case ApiAnswer::Wire::DropAfter:
            close();
            return;
        case ApiAnswer::Wire::Hang:
            // Hold the connection without answering until the client gives up (or the limit).
            m_stream.expires_after(kHangLimit);
            m_stream.async_read_some(asio::buffer(m_hangBuffer), [self = shared_from_this()](beast::error_code, std::size_t) {
                self->close();
            });
            return;
        }
    }

    void respond(ApiAnswer answer) {
        auto response = std::make_shared<Response>(static_cast<http::status>(answer.status), m_request.version() ? m_request.version() : 11);
        response->set(http::field::server, "marquee-payment-sandbox");
        response->set(http::field::content_type, "application/json");
        response->set(http::field::cache_control, "no-cache, no-store");
        response->set("Request-Id", "req_sandbox_" + std::to_string(++requestCounter));
        for (const auto& [name, value] : answer.headers) response->set(name, value);
        response->keep_alive(m_request.keep_alive());
        response->body() = answer.body.dump(2) + "\n";
        response->prepare_payload();
        m_response = response;
        m_stream.expires_after(std::chrono::seconds(30));
        http::async_write(m_stream, *response, [self = shared_from_this(), response](beast::error_code ec, std::size_t) {
            self->m_response.reset();
            if (ec || !response->keep_alive()) {
                self->close();
                return;
            }
            self->read();
        });
    }

    void close() {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        m_stream.socket().close(ec);
    }

    beast::tcp_stream m_stream;
    Sandbox& m_sandbox;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    Request m_request;
    ApiCall m_call;
    std::shared_ptr<Response> m_response;
    asio::steady_timer m_timer;
    char m_hangBuffer[64] = {};
};

} // namespace

HttpServer::HttpServer(asio::io_context& ioc, Sandbox& sandbox)
    : m_ioc(ioc), m_sandbox(sandbox), m_acceptor(ioc), m_retry(ioc) {}

unsigned short HttpServer::listen(const std::string& host, unsigned short port) {
    const tcp::endpoint endpoint(asio::ip::make_address(host), port);
    m_acceptor.open(endpoint.protocol());
    m_acceptor.set_option(asio::socket_base::reuse_address(true));
    m_acceptor.bind(endpoint);
    m_acceptor.listen(asio::socket_base::max_listen_connections);
    accept();
    return m_acceptor.local_endpoint().port();
}

void HttpServer::close() {
    beast::error_code ec;
    m_acceptor.close(ec);
    m_retry.cancel();
}

void HttpServer::accept() {
    m_acceptor.async_accept(m_ioc, [this](beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !m_acceptor.is_open()) return;
        if (!ec) {
            std::make_shared<Session>(std::move(socket), m_sandbox)->run();
            accept();
            return;
        }
        // Out of descriptors or similar: wait a little instead of spinning on the error.
        m_retry.expires_after(std::chrono::milliseconds(100));
        m_retry.async_wait([this](beast::error_code waitEc) {
            if (!waitEc) accept();
        });
    });
}

} // namespace marquee::sandbox
