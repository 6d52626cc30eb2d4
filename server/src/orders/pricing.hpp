// Order pricing (DESIGN.md §6): a line's price comes from its seat's price category, plus the
// event's booking fee and tax for that category. Integer minor units throughout; the only
// division (tax from basis points) rounds half up, per line, and order totals are the sums of
// the lines, so a receipt always adds up.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace marquee::server::orders {

// The largest price + fee one line may carry (10^12 minor units): keeps every product in
// the tax arithmetic inside int64 without a wider type.
inline constexpr std::int64_t kMaxLineMinor = 1'000'000'000'000;
inline constexpr std::uint32_t kMaxTaxBasisPoints = 10'000;

// event_charges row: fee and tax of one price category ("*": the default).
struct CategoryCharges {
    std::int64_t feeMinor = 0;
    std::uint32_t taxBasisPoints = 0; // 1900 = 19 %
    bool taxIncluded = true;          // tax contained in price + fee, or added on top
};

struct LinePrice {
    std::int64_t priceMinor = 0;
    std::int64_t feeMinor = 0;
    std::int64_t taxMinor = 0;
    std::int64_t totalMinor = 0;
};

// numerator / denominator rounded half up (both non-negative, denominator > 0).
std::int64_t divideHalfUp(std::int64_t numerator, std::int64_t denominator);

// Tax included: tax = round((price + fee) * bp / (10000 + bp)), total = price + fee.
// Tax added:    tax = round((price + fee) * bp / 10000),          total = price + fee + tax.
// Throws std::invalid_argument when price + fee is negative or above kMaxLineMinor, or the
// basis points are above kMaxTaxBasisPoints.
LinePrice priceLine(std::int64_t priceMinor, const CategoryCharges& charges);

// An event's charges by price category id; categories without a row use "*", and without
// that no fee and no tax.
class ChargeTable {
public:
    static constexpr const char* kDefaultCategory = "*";
    void set(const std::string& categoryId, const CategoryCharges& charges) { m_byCategory[categoryId] = charges; }
    const CategoryCharges& forCategory(const std::string& categoryId) const;

private:
    std::map<std::string, CategoryCharges> m_byCategory;
    CategoryCharges m_none;
};

} // namespace marquee::server::orders
