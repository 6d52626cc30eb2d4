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

bool isOrderCode(std::string_view code) {
    if (code.size() != kOrderCodePrefix.size() + kOrderCodeLength || code.substr(0, 3) != kOrderCodePrefix) return false;
    for (const char c : code.substr(kOrderCodePrefix.size()))
        if (kOrderCodeAlphabet.find(c) == std::string_view::npos) return false;
    return true;
}

} // namespace marquee::server::orders
