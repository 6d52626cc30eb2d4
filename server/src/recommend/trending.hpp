// Trending events: interaction counts with exponential time decay (half-life a few days), so
// "popular in your area this week" follows what people do now, per city and category.
#pragma once

#include "recommend/interactions.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace marquee::server::recommend {

class TrendingModel {
public:
    // Signals after nowMs are ignored (a temporal split evaluates at a point in the past).
    static TrendingModel build(std::span<const Interaction> interactions, std::size_t items, std::int64_t nowMs,
                               double halfLifeHours = 72.0);
    std::span<const float> scores() const { return m_scores; }
    float score(ItemIndex item) const { return item < m_scores.size() ? m_scores[item] : 0.0F; }

private:
    std::vector<float> m_scores;
};

} // namespace marquee::server::recommend
