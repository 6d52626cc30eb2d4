// Order codes people read out at the box office: "MQ-" and six characters from an alphabet
// without look-alikes (no 0/O, 1/I/L, U/V), from libsodium's CSPRNG: 29^6 ≈ 5.9·10^8 codes;
// uniqueness is the orders.code UNIQUE constraint (CreateOrder draws again on a clash).
// Offline sales (docs/boxoffice.md) carry codes their device drew: "MQ-O" and six characters
// of the same alphabet, which has no 'O', so they never meet an online code.
#pragma once

#include <string>
#include <string_view>

namespace marquee::server::orders {

inline constexpr std::string_view kOrderCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
inline constexpr std::string_view kOrderCodePrefix = "MQ-";
inline constexpr std::size_t kOrderCodeLength = 6;
inline constexpr std::string_view kOfflineOrderCodePrefix = "MQ-O";

std::string newOrderCode();
// True for "MQ-" + six alphabet characters, or an offline code (case-insensitive input is
// upper-cased first).
bool isOrderCode(std::string_view code);
// True for "MQ-O" + six alphabet characters.
bool isOfflineOrderCode(std::string_view code);

} // namespace marquee::server::orders
