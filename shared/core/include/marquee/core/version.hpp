// Product and wire-protocol versions shared by client and server.
#pragma once

namespace marquee::core {

inline constexpr const char* kProductVersion = MARQUEE_VERSION;
// A peer with another major version cannot talk to us; minors are backward compatible.
inline constexpr unsigned kProtocolMajor = 1;
inline constexpr unsigned kProtocolMinor = 0;

} // namespace marquee::core
