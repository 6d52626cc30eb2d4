// Who a connection or request acts as, established at the WebSocket upgrade.
#pragma once

#include "marquee/core/domain.hpp"

#include <cstdint>
#include <string>

namespace marquee::server {

struct Principal {
    std::int64_t userId = 0; // 0: anonymous
    core::Role role = core::Role::Anonymous;
    std::string email;
    std::string tokenHash;      // hex hash of the session token; empty when anonymous
    std::int64_t expiresAtMs = 0; // session expiry (ms since the epoch); checked per request

    bool isAuthenticated() const { return userId != 0; }
    // The session ran out while the connection stayed open.
    bool isExpired(std::int64_t nowMs) const { return isAuthenticated() && expiresAtMs != 0 && nowMs >= expiresAtMs; }
};

// Facts about the transport that services need (throttling, audit).
struct RequestMeta {
    std::string peerAddress; // client IP address without port (X-Forwarded-For from a trusted proxy)
    // What throttles count per address: the IPv4 address, or the IPv6 /64 (one subscriber
    // usually owns a whole /64). Empty: peerAddress.
    std::string addressKey;
    // The installation the connection comes from (Hello.device_id, validated); empty when the
    // client did not say. Orders record it (the box-office till a sale was made at).
    std::string deviceId;

    const std::string& throttleAddress() const { return addressKey.empty() ? peerAddress : addressKey; }
};

} // namespace marquee::server
