// Offline evaluation of the recommenders on a temporal split (train on what happened before
// a moment, test on what users did after it): nDCG@k, recall@k and catalog coverage, the
// most-popular and item-kNN baselines, and the tuning of the hybrid's weights on a
// validation split. Used by the evaluation harness (tests/bench) and the training worker.
#pragma once

#include "recommend/hybrid.hpp"
#include "recommend/interactions.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace marquee::server::recommend {

struct Metrics {
    double ndcg = 0;
    double recall = 0;
    double coverage = 0;        // distinct events recommended / events eligible at the split
    std::size_t users = 0;      // users evaluated (history before and positives after the split)
};

// What each user did before the split (contexts for the recommenders) and the events they
// went on to engage with after it (the relevant set: positive signals on events still ahead
// at the split and not seen before it).
struct TemporalSplit {
    std::int64_t splitMs = 0;
    std::vector<UserContext> contexts;                 // per user, history strictly before splitMs
    std::vector<std::vector<ItemIndex>> relevant;      // per user
    std::vector<UserIndex> evaluated;                  // users with history and something relevant
    std::size_t eligibleEvents = 0;
};

TemporalSplit temporalSplit(std::span<const Interaction> interactions, std::span<const EventFeatures> events,
                            std::uint32_t users, std::int64_t splitMs, std::int64_t endMs);

using RecommendFn = std::function<std::vector<ItemIndex>(UserIndex user, std::size_t k)>;
// `sample`: evaluate at most this many of the split's users (evenly spaced; 0: all).
Metrics evaluate(const TemporalSplit& split, const RecommendFn& recommend, std::size_t k = 10, std::size_t sample = 0);

// Baseline: the events with the most positive signals before the split, same for everyone.
class MostPopular {
public:
    MostPopular(const ImplicitMatrix& train, std::span<const EventFeatures> events);
    std::vector<ItemIndex> recommend(const UserContext& user, std::size_t k) const;

private:
    std::span<const EventFeatures> m_events;
    std::vector<ItemIndex> m_ranked;
};

// Baseline: item-based kNN (cosine over co-occurrence of positive signals), scoring an event
// by the summed similarity of its `neighbours` nearest events in the user's history.
class ItemKnn {
public:
    ItemKnn(const ImplicitMatrix& train, std::span<const EventFeatures> events, std::size_t neighbours = 50);
    std::vector<ItemIndex> recommend(const UserContext& user, std::size_t k) const;

private:
    std::span<const EventFeatures> m_events;
    std::vector<std::vector<std::pair<ItemIndex, float>>> m_neighbours;
};

// Grid search over the simplex (steps of 0.1) for the weights with the best nDCG@k on `split`.
HybridWeights tuneWeights(HybridRanker& ranker, const TemporalSplit& split, std::size_t k = 10, std::size_t sample = 2000);

} // namespace marquee::server::recommend
