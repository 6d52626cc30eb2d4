// Client addresses: CIDR ranges for --trusted-proxy, X-Forwarded-For behind such a proxy,
// and the key that per-address limits count under (IPv6 by its /64).
#pragma once

#include "net/net.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::server::net {

struct Cidr {
    asio::ip::address network;
    unsigned prefix = 0;

    // "10.0.0.0/8", "2001:db8::/32", or a single address. nullopt when malformed.
    static std::optional<Cidr> parse(std::string_view text);
    bool contains(const asio::ip::address& address) const;
};

// The client's address: the peer itself, or, when the peer is a trusted proxy, the
// right-most X-Forwarded-For entry that is not a trusted proxy (entries left of it are
// whatever the client chose to send).
asio::ip::address clientAddress(const asio::ip::address& peer, std::string_view forwardedFor,
                                const std::vector<Cidr>& trustedProxies);

bool isTrusted(const asio::ip::address& address, const std::vector<Cidr>& trustedProxies);

// What per-address limits count: an IPv4 address as itself, an IPv6 address as its /64
// ("2001:db8:1:2::/64"), since one subscriber usually holds a whole /64.
std::string addressKey(const asio::ip::address& address);

} // namespace marquee::server::net
