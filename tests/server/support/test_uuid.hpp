// Version-4 UUIDs for tests and benchmarks that need ids of their own making (offline sales,
// tickets, unknown leases), from whatever random source the caller uses.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace marquee::test {

// `bytes` (random) as a version-4 UUID in its text form: the version and variant bits set.
inline std::string uuidV4(std::array<std::uint8_t, 16> bytes) {
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x40);
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0f];
    }
    return out;
}

} // namespace marquee::test
