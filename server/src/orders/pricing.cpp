// Order pricing (see pricing.hpp).
#include "orders/pricing.hpp"

#include <stdexcept>

namespace marquee::server::orders {

std::int64_t divideHalfUp(std::int64_t numerator, std::int64_t denominator) {
    // floor((2n + d) / 2d) = floor(n/d + 1/2) for n >= 0, d > 0.
    return (2 * numerator + denominator) / (2 * denominator);
}

LinePrice priceLine(std::int64_t priceMinor, const CategoryCharges& charges) {
    if (priceMinor < 0 || charges.feeMinor < 0 || priceMinor > kMaxLineMinor ||
        charges.feeMinor > kMaxLineMinor - priceMinor)
        throw std::invalid_argument("a line's price and fee must be between 0 and 10^12 minor units");
    if (charges.taxBasisPoints > kMaxTaxBasisPoints) throw std::invalid_argument("tax above 100 %");
    LinePrice line;
    line.priceMinor = priceMinor;
    line.feeMinor = charges.feeMinor;
    const std::int64_t base = priceMinor + charges.feeMinor;
    const std::int64_t bp = charges.taxBasisPoints;
    if (charges.taxIncluded) {
        line.taxMinor = divideHalfUp(base * bp, 10'000 + bp);
        line.totalMinor = base;
    } else {
        line.taxMinor = divideHalfUp(base * bp, 10'000);
        line.totalMinor = base + line.taxMinor;
    }
    return line;
}

const CategoryCharges& ChargeTable::forCategory(const std::string& categoryId) const {
    if (const auto it = m_byCategory.find(categoryId); it != m_byCategory.end()) return it->second;
    if (const auto it = m_byCategory.find(kDefaultCategory); it != m_byCategory.end()) return it->second;
    return m_none;
}

} // namespace marquee::server::orders
