// Time-decayed interaction counts (see trending.hpp).
#include "recommend/trending.hpp"

#include <algorithm>
#include <cmath>

namespace marquee::server::recommend {

TrendingModel TrendingModel::build(std::span<const Interaction> interactions, std::size_t items, std::int64_t nowMs,
                                   double halfLifeHours) {
    TrendingModel m;
    m.m_scores.assign(items, 0.0F);
    const double lambda = std::log(2.0) / (halfLifeHours * 3'600'000.0);
    for (const auto& i : interactions) {
        if (i.item >= items || i.atMs > nowMs) continue;
        // Any attention counts as a sign of interest here, a removal included but weakly.
        const double weight = static_cast<double>(std::abs(signalWeight(i.signal))) * (i.signal == Signal::WishlistRemove ? 0.25 : 1.0);
        m.m_scores[i.item] += static_cast<float>(weight * std::exp(-lambda * static_cast<double>(nowMs - i.atMs)));
    }
    return m;
}

} // namespace marquee::server::recommend
