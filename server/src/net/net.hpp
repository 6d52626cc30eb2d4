// Short names for Beast and Asio, so the network layer reads like the Beast examples.
#pragma once

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "marquee/core/version.hpp"

#include <string>

namespace marquee::server::net {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace asio = boost::asio;
using tcp = boost::asio::ip::tcp;
using error_code = boost::beast::error_code;

// The Server header of every HTTP answer and of the WebSocket upgrade.
inline const std::string& serverHeader() {
    static const std::string header = std::string("marquee-server/") + core::kProductVersion;
    return header;
}

} // namespace marquee::server::net
