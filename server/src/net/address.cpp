// CIDR matching and X-Forwarded-For parsing (RFC 7239 section 5.2 semantics for the
// de-facto header: comma-separated, nearest proxy last).
#include "net/address.hpp"

#include <charconv>

namespace marquee::server::net {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<asio::ip::address> parseAddress(std::string_view text) {
    text = trim(text);
    // "[v6]" or "[v6]:port" and "v4:port" as some proxies send them.
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        text = text.substr(1, close - 1);
    } else if (text.find(':') != std::string_view::npos && text.find(':') == text.rfind(':')) {
        text = text.substr(0, text.find(':'));
    }
    error_code ec;
    auto address = asio::ip::make_address(std::string(text), ec);
    if (ec) return std::nullopt;
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
    return address;
}

bool prefixMatches(const unsigned char* a, const unsigned char* b, unsigned prefix) {
    const unsigned whole = prefix / 8;
    for (unsigned i = 0; i < whole; ++i)
        if (a[i] != b[i]) return false;
    const unsigned rest = prefix % 8;
    if (rest == 0) return true;
    const auto mask = static_cast<unsigned char>(0xFFU << (8 - rest));
    return (a[whole] & mask) == (b[whole] & mask);
}

} // namespace

std::optional<Cidr> Cidr::parse(std::string_view text) {
    const auto slash = text.find('/');
    const auto address = parseAddress(text.substr(0, slash));
    if (!address) return std::nullopt;
    const unsigned maxPrefix = address->is_v4() ? 32 : 128;
    unsigned prefix = maxPrefix;
    if (slash != std::string_view::npos) {
        const auto digits = text.substr(slash + 1);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
        if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || prefix > maxPrefix)
            return std::nullopt;
    }
    return Cidr{*address, prefix};
}

bool Cidr::contains(const asio::ip::address& candidate) const {
    auto address = candidate;
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
    if (address.is_v4() != network.is_v4()) return false;
    if (address.is_v4()) {
        const auto a = address.to_v4().to_bytes();
        const auto b = network.to_v4().to_bytes();
        return prefixMatches(a.data(), b.data(), prefix);
    }
    const auto a = address.to_v6().to_bytes();
    const auto b = network.to_v6().to_bytes();
    return prefixMatches(a.data(), b.data(), prefix);
}

bool isTrusted(const asio::ip::address& address, const std::vector<Cidr>& trustedProxies) {
    for (const auto& cidr : trustedProxies)
        if (cidr.contains(address)) return true;
    return false;
}

asio::ip::address clientAddress(const asio::ip::address& peer, std::string_view forwardedFor,
                                const std::vector<Cidr>& trustedProxies) {
    if (forwardedFor.empty() || !isTrusted(peer, trustedProxies)) return peer;
    auto client = peer;
    // Walk from the nearest hop outwards while the hops are our own proxies.
    while (!forwardedFor.empty()) {
        const auto comma = forwardedFor.rfind(',');
        const auto entry = comma == std::string_view::npos ? forwardedFor : forwardedFor.substr(comma + 1);
        forwardedFor = comma == std::string_view::npos ? std::string_view() : forwardedFor.substr(0, comma);
        const auto address = parseAddress(entry);
        if (!address) break; // garbage from further out: trust what we have
        client = *address;
        if (!isTrusted(client, trustedProxies)) break;
    }
    return client;
}

std::string addressKey(const asio::ip::address& candidate) {
    auto address = candidate;
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
    if (address.is_v4()) return address.to_string();
    auto bytes = address.to_v6().to_bytes();
    for (std::size_t i = 8; i < bytes.size(); ++i) bytes[i] = 0;
    return asio::ip::address_v6(bytes).to_string() + "/64";
}

} // namespace marquee::server::net
