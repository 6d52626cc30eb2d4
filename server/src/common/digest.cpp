// Hex and SHA-256 helpers over libsodium (see digest.hpp).
#include "common/digest.hpp"

#include <sodium.h>

#include <array>

namespace marquee::server {

std::string toHex(std::string_view bytes) {
    std::string out(bytes.size() * 2 + 1, '\0'); // sodium_bin2hex writes a terminating NUL
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    out.pop_back();
    return out;
}

std::optional<std::string> fromHex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::string out(hex.size() / 2, '\0');
    std::size_t written = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr,
                       &written, &end) != 0 ||
        written != out.size() || end != hex.data() + hex.size())
        return std::nullopt;
    return out;
}

std::string sha256(std::string_view data) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

std::string sha256Hex(std::string_view data) { return toHex(sha256(data)); }

} // namespace marquee::server
