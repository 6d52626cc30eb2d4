// Order codes (see order_code.hpp).
#include "orders/order_code.hpp"

#include <sodium.h>

namespace marquee::server::orders {

std::string newOrderCode() {
    std::string code(kOrderCodePrefix);
    for (std::size_t i = 0; i < kOrderCodeLength; ++i)
        code += kOrderCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kOrderCodeAlphabet.size()))];
    return code;
}

namespace {

bool isCodeWith(std::string_view code, std::string_view prefix) {
    if (code.size() != prefix.size() + kOrderCodeLength || code.substr(0, prefix.size()) != prefix) return false;
    for (const char c : code.substr(prefix.size()))
        if (kOrderCodeAlphabet.find(c) == std::string_view::npos) return false;
    return true;
}

} // namespace

bool isOrderCode(std::string_view code) {
    return isCodeWith(code, kOrderCodePrefix) || isOfflineOrderCode(code);
}

bool isOfflineOrderCode(std::string_view code) { return isCodeWith(code, kOfflineOrderCodePrefix); }

} // namespace marquee::server::orders
