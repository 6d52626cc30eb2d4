// Listener: the accept loop of the Beast chat-multi example, plus a back-off when the
// process runs out of file descriptors (so the loop cannot spin).
#include "net/listener.hpp"

#include "common/log.hpp"
#include "net/address.hpp"
#include "net/connection_limiter.hpp"
#include "net/http_session.hpp"
#include "net/metrics.hpp"

#include <chrono>

namespace marquee::server::net {

Listener::Listener(asio::io_context& ioc, Context& ctx)
    : m_ioc(ioc), m_ctx(ctx), m_acceptor(asio::make_strand(ioc)), m_retryTimer(m_acceptor.get_executor()) {}

void Listener::open(const tcp::endpoint& endpoint) {
    m_acceptor.open(endpoint.protocol());
    // A restarted server must be able to take its port back at once.
    m_acceptor.set_option(asio::socket_base::reuse_address(true));
    m_acceptor.bind(endpoint);
    m_acceptor.listen(asio::socket_base::max_listen_connections);
}

unsigned short Listener::port() const {
    error_code ec;
    const auto endpoint = m_acceptor.local_endpoint(ec);
    return ec ? 0 : endpoint.port();
}

void Listener::run() {
    asio::dispatch(m_acceptor.get_executor(), beast::bind_front_handler(&Listener::doAccept, shared_from_this()));
}

void Listener::stop() {
    asio::post(m_acceptor.get_executor(), [self = shared_from_this()] {
        error_code ec;
        self->m_acceptor.close(ec);
        self->m_retryTimer.cancel();
    });
}

void Listener::doAccept() {
    if (!m_acceptor.is_open()) return;
    m_acceptor.async_accept(asio::make_strand(m_ioc),
                            beast::bind_front_handler(&Listener::onAccept, shared_from_this()));
}

void Listener::onAccept(error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !m_acceptor.is_open()) return;
    if (ec) {
        log::warn("accept failed", {{"error", ec.message()}});
        if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space ||
            ec == asio::error::no_memory) {
            m_retryTimer.expires_after(std::chrono::milliseconds(100));
            m_retryTimer.async_wait([self = shared_from_this()](error_code waitEc) {
                if (!waitEc) self->doAccept();
            });
            return;
        }
        doAccept();
        return;
    }
    if (m_ctx.stopping.load()) return; // the socket closes as it goes out of scope
    // Connection caps: a refused socket is closed at once (it goes out of scope). Peers
    // that are trusted proxies carry many clients and count only towards the total.
    error_code peerEc;
    const auto peer = socket.remote_endpoint(peerEc);
    if (peerEc) {
        doAccept();
        return;
    }
    const auto key = isTrusted(peer.address(), m_ctx.limits.trustedProxies) ? std::string() : addressKey(peer.address());
    auto slot = m_ctx.connections->tryAcquire(key);
    if (!slot) {
        const bool total = m_ctx.connections->total() >= m_ctx.limits.maxConnections;
        m_ctx.metrics.connectionRefused(total ? "total" : "per_address");
        log::debug("connection refused by a connection cap", {{"peer", peer.address().to_string()}});
        doAccept();
        return;
    }
    std::make_shared<HttpSession>(std::move(socket), m_ctx, std::move(slot))->run();
    doAccept();
}

} // namespace marquee::server::net
