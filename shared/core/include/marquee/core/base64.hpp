// Base64 (RFC 4648): standard with padding for layout background images in JSON; URL-safe
// without padding for ticket codes (they go into QR codes and URLs).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace marquee::core {

std::string base64Encode(std::string_view bytes);
// nullopt for anything but canonical padded base64 (no whitespace).
std::optional<std::string> base64Decode(std::string_view text);

// RFC 4648 §5 alphabet ('-', '_'), no padding.
std::string base64UrlEncode(std::string_view bytes);
// nullopt for anything but canonical unpadded base64url (no whitespace, zero trailing bits).
std::optional<std::string> base64UrlDecode(std::string_view text);

} // namespace marquee::core
