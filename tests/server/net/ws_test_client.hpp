// A small Boost.Beast WebSocket/HTTP client for server tests. Every operation is async with
// a deadline (run_for), so a misbehaving server fails a test instead of hanging it.
#pragma once

#include "marquee/v1/envelope.pb.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace marquee::test {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace asio = boost::asio;
using tcp = boost::asio::ip::tcp;

inline constexpr std::chrono::seconds kIoTimeout{15};

inline void cancelIo(tcp::socket& socket) {
    beast::error_code ignored;
    socket.cancel(ignored);
}
inline void cancelIo(beast::tcp_stream& stream) { stream.cancel(); }

// Runs the io_context until `done` or the deadline; on timeout cancels the socket.
template <typename Socket>
bool runUntil(asio::io_context& ioc, const bool& done, Socket& socket, std::chrono::steady_clock::duration timeout = kIoTimeout) {
    ioc.restart();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done && std::chrono::steady_clock::now() < deadline) {
        if (ioc.run_one_for(std::chrono::milliseconds(100)) == 0 && ioc.stopped()) ioc.restart();
    }
    if (!done) {
        cancelIo(socket);
        ioc.restart();
        ioc.run_for(std::chrono::seconds(2));
        return false;
    }
    return true;
}

struct HttpResult {
    unsigned status = 0;
    std::string body;
    std::string contentType;
    std::string contentLength;
    beast::error_code error;
};

// `body` goes with the request as application/x-www-form-urlencoded (a form's POST).
inline HttpResult httpRequest(unsigned short port, const std::string& target, http::verb method = http::verb::get,
                              const std::string& body = {});

inline HttpResult httpGet(unsigned short port, const std::string& target) { return httpRequest(port, target); }

inline HttpResult httpRequest(unsigned short port, const std::string& target, http::verb method,
                              const std::string& body) {
    asio::io_context ioc;
    tcp::socket socket(ioc);
    HttpResult result;
    bool done = false;
    socket.async_connect({asio::ip::make_address("127.0.0.1"), port}, [&](beast::error_code ec) {
        result.error = ec;
        done = true;
    });
    if (!runUntil(ioc, done, socket) || result.error) return result;
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.keep_alive(false);
    if (!body.empty()) {
        req.set(http::field::content_type, "application/x-www-form-urlencoded");
        req.body() = body;
    }
    req.prepare_payload();
    done = false;
    http::async_write(socket, req, [&](beast::error_code ec, std::size_t) {
        result.error = ec;
        done = true;
    });
    if (!runUntil(ioc, done, socket) || result.error) return result;
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.skip(method == http::verb::head); // a HEAD answer has headers only
    done = false;
    http::async_read(socket, buffer, parser, [&](beast::error_code ec, std::size_t) {
        result.error = ec;
        done = true;
    });
    if (!runUntil(ioc, done, socket)) result.error = asio::error::timed_out;
    const auto& res = parser.get();
    result.status = res.result_int();
    result.body = res.body();
    result.contentType = std::string(res[http::field::content_type]);
    result.contentLength = std::string(res[http::field::content_length]);
    return result;
}

class WsClient {
public:
    WsClient() : m_ws(m_ioc) {}

    // Connects and upgrades; on a refused upgrade, httpStatus() holds the HTTP status.
    // receiveBufferBytes > 0: a small socket receive buffer, so a client that stops reading
    // backs the server up after a few kilobytes instead of megabytes.
    bool connect(unsigned short port, const std::string& token = {}, int receiveBufferBytes = 0) {
        bool done = false;
        auto& socket = beast::get_lowest_layer(m_ws);
        if (receiveBufferBytes > 0) {
            socket.socket().open(tcp::v4(), m_error);
            if (!m_error) socket.socket().set_option(asio::socket_base::receive_buffer_size(receiveBufferBytes), m_error);
            if (m_error) return false;
        }
        socket.async_connect({asio::ip::make_address("127.0.0.1"), port}, [&](beast::error_code ec) {
            m_error = ec;
            done = true;
        });
        if (!runUntil(m_ioc, done, socket) || m_error) return false;
        m_ws.set_option(websocket::stream_base::decorator([token](websocket::request_type& req) {
            if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
        }));
        m_ws.read_message_max(0); // the tests send and receive oversize frames on purpose
        done = false;
        m_ws.async_handshake(m_response, "127.0.0.1", "/v1/ws", [&](beast::error_code ec) {
            m_error = ec;
            done = true;
        });
        if (!runUntil(m_ioc, done, socket)) m_error = asio::error::timed_out;
        m_ws.binary(true);
        return !m_error;
    }

    unsigned httpStatus() const { return m_response.result_int(); }
    beast::error_code error() const { return m_error; }
    std::string closeReason() const { return std::string(m_ws.reason().reason.c_str()); }

    bool sendRaw(const std::string& bytes, bool text = false) {
        m_ws.text(text);
        bool done = false;
        m_ws.async_write(asio::buffer(bytes), [&](beast::error_code ec, std::size_t) {
            m_error = ec;
            done = true;
        });
        if (!runUntil(m_ioc, done, beast::get_lowest_layer(m_ws))) m_error = asio::error::timed_out;
        m_ws.binary(true);
        return !m_error;
    }

    bool send(const v1::Envelope& envelope) { return sendRaw(envelope.SerializeAsString()); }

    // The next frame, or nullopt when the connection closed (closeCode()) or failed.
    std::optional<v1::Envelope> read(std::chrono::steady_clock::duration timeout = kIoTimeout) {
        beast::flat_buffer buffer;
        bool done = false;
        m_ws.async_read(buffer, [&](beast::error_code ec, std::size_t) {
            m_error = ec;
            done = true;
        });
        if (!runUntil(m_ioc, done, beast::get_lowest_layer(m_ws), timeout)) {
            m_error = asio::error::timed_out;
            return std::nullopt;
        }
        if (m_error) return std::nullopt;
        v1::Envelope envelope;
        const auto data = buffer.cdata();
        if (!envelope.ParseFromArray(data.data(), static_cast<int>(data.size()))) return std::nullopt;
        return envelope;
    }

    // Reads (and drops) frames until the server closes; returns the close code, or -1.
    int readUntilClosed(std::chrono::steady_clock::duration timeout = kIoTimeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (read(deadline - std::chrono::steady_clock::now())) continue;
            if (m_error == websocket::error::closed) return static_cast<int>(m_ws.reason().code);
            return -1;
        }
        return -1;
    }

    // Sends a request and reads the answer with the same request_id (pushes are skipped).
    std::optional<v1::Envelope> call(v1::Envelope request) {
        if (request.request_id() == 0) request.set_request_id(++m_nextId);
        if (!send(request)) return std::nullopt;
        while (auto answer = read()) {
            if (answer->request_id() == request.request_id()) return answer;
        }
        return std::nullopt;
    }

    std::optional<v1::Envelope> hello(std::uint32_t major = 1, const std::string& deviceId = {},
                                      const std::string& language = {}) {
        v1::Envelope request;
        request.mutable_hello()->set_protocol_major(major);
        request.mutable_hello()->set_client_name("marquee-test/1");
        request.mutable_hello()->set_device_id(deviceId);
        request.mutable_hello()->set_language(language);
        return call(request);
    }

    // Logout on this connection; true when the server acknowledged it (it then closes with 1000).
    bool logOut() {
        v1::Envelope request;
        request.mutable_logout();
        const auto answer = call(request);
        return answer && answer->has_ack();
    }

    std::uint64_t nextId() { return ++m_nextId; }

private:
    asio::io_context m_ioc;
    websocket::stream<beast::tcp_stream> m_ws;
    websocket::response_type m_response;
    beast::error_code m_error;
    std::uint64_t m_nextId = 100;
};

} // namespace marquee::test
