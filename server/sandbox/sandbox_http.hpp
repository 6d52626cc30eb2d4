// The payment sandbox's HTTP server (Boost.Beast): /v1/… is the Stripe-style API, answered
// as JSON or, under an injected fault, delayed, dropped or left hanging; /_sandbox/… are the
// control endpoints for tests. Keep-alive, one request at a time per connection.
#pragma once

#include "sandbox.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>
#include <string>

namespace marquee::sandbox {

class HttpServer {
public:
    HttpServer(boost::asio::io_context& ioc, Sandbox& sandbox);
    // Binds and starts accepting; returns the bound port (port 0 picks a free one).
    unsigned short listen(const std::string& host, unsigned short port);
    void close();

private:
    void accept();

    boost::asio::io_context& m_ioc;
    Sandbox& m_sandbox;
    boost::asio::ip::tcp::acceptor m_acceptor;
    boost::asio::steady_timer m_retry;
};

} // namespace marquee::sandbox
