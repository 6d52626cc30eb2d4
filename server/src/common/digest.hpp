// Hex encoding and SHA-256 through libsodium, shared by the migrations (file checksums) and
// the auth service (session-token hashes), so there is one implementation of each.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace marquee::server {

// Lower-case hex of `bytes` (sodium_bin2hex).
std::string toHex(std::string_view bytes);
// Decodes hex (either case); nullopt on odd length or any non-hex character (sodium_hex2bin,
// which would otherwise stop quietly at the first bad character).
std::optional<std::string> fromHex(std::string_view hex);
// The 32-byte SHA-256 digest of `data`.
std::string sha256(std::string_view data);
// toHex(sha256(data)).
std::string sha256Hex(std::string_view data);

} // namespace marquee::server
