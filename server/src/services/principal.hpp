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
    std::string tokenHash; // hex hash of the session token; empty when anonymous

    bool isAuthenticated() const { return userId != 0; }
    bool hasRole(core::Role minimum) const { return static_cast<int>(role) >= static_cast<int>(minimum); }
};

// Facts about the transport that services need (throttling, audit).
struct RequestMeta {
    std::string peerAddress; // IP address without port
    std::string deviceId;    // from Hello; may be empty
};

} // namespace marquee::server
