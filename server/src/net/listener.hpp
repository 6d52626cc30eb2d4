// Accepts TCP connections and gives each its own strand and HttpSession.
#pragma once

#include "net/context.hpp"
#include "net/net.hpp"

#include <memory>

namespace marquee::server::net {

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(asio::io_context& ioc, Context& ctx);

    // Binds and listens; throws boost::system::system_error when the address is unusable.
    void open(const tcp::endpoint& endpoint);
    unsigned short port() const;
    void run();
    // Thread-safe: stops accepting; connections already accepted are unaffected.
    void stop();

private:
    void doAccept();
    void onAccept(error_code ec, tcp::socket socket);

    asio::io_context& m_ioc;
    Context& m_ctx;
    tcp::acceptor m_acceptor;
    asio::steady_timer m_retryTimer;
};

} // namespace marquee::server::net
