// Standard base64 (RFC 4648, with padding): layout background images travel as base64 in
// JSON and as raw bytes in protobuf.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace marquee::core {

std::string base64Encode(std::string_view bytes);
// nullopt for anything but canonical padded base64 (no whitespace).
std::optional<std::string> base64Decode(std::string_view text);

} // namespace marquee::core
