// Temporal split, ranking metrics, baselines and weight tuning (see evaluation.hpp).
#include "recommend/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace marquee::server::recommend {

namespace {

bool eligibleAt(const EventFeatures& e, std::int64_t nowMs) { return !e.cancelled && !e.soldOut && e.startsAtMs > nowMs; }

std::vector<ItemIndex> topEligible(const std::vector<float>& scores, std::span<const EventFeatures> events,
                                   const UserContext& user, std::size_t k) {
    const std::unordered_set<ItemIndex> seen(user.history.begin(), user.history.end());
    std::vector<std::pair<float, ItemIndex>> ranked;
    for (ItemIndex i = 0; i < scores.size(); ++i)
        if (scores[i] > 0 && eligibleAt(events[i], user.nowMs) && !seen.contains(i)) ranked.emplace_back(scores[i], i);
    const auto keep = std::min(k, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    std::vector<ItemIndex> out;
    for (std::size_t r = 0; r < keep; ++r) out.push_back(ranked[r].second);
    return out;
}

} // namespace

TemporalSplit temporalSplit(std::span<const Interaction> interactions, std::span<const EventFeatures> events,
                            std::uint32_t users, std::int64_t splitMs, std::int64_t endMs) {
    TemporalSplit split;
    split.splitMs = splitMs;
    split.contexts.resize(users);
    split.relevant.resize(users);
    std::vector<std::map<ItemIndex, float>> before(users);
    std::vector<std::map<ItemIndex, float>> after(users);
    for (const auto& i : interactions) {
        if (i.user >= users || i.item >= events.size() || i.atMs >= endMs) continue;
        auto& bucket = i.atMs < splitMs ? before[i.user] : after[i.user];
        bucket[i.item] += signalWeight(i.signal);
        if (i.atMs < splitMs && i.signal == Signal::Booking) split.contexts[i.user].booked.push_back(i.item);
    }
    for (UserIndex u = 0; u < users; ++u) {
        auto& context = split.contexts[u];
        context.nowMs = splitMs;
        context.alsUser = u;
        for (const auto& [item, weight] : before[u]) {
            if (weight <= 0) continue;
            context.history.push_back(item);
            context.historyWeights.push_back(weight);
        }
        for (const auto& [item, weight] : after[u])
            if (weight > 0 && !before[u].contains(item) && eligibleAt(events[item], splitMs)) split.relevant[u].push_back(item);
        if (!context.history.empty() && !split.relevant[u].empty()) split.evaluated.push_back(u);
    }
    for (const auto& e : events) split.eligibleEvents += eligibleAt(e, splitMs) ? 1U : 0U;
    return split;
}

Metrics evaluate(const TemporalSplit& split, const RecommendFn& recommend, std::size_t k, std::size_t sample) {
    Metrics m;
    std::unordered_set<ItemIndex> shown;
    const std::size_t total = split.evaluated.size();
    const std::size_t count = sample == 0 ? total : std::min(sample, total);
    for (std::size_t n = 0; n < count; ++n) {
        const UserIndex u = split.evaluated[count == total ? n : n * total / count];
        const auto& relevant = split.relevant[u];
        const std::unordered_set<ItemIndex> wanted(relevant.begin(), relevant.end());
        const auto list = recommend(u, k);
        double dcg = 0;
        std::size_t hits = 0;
        for (std::size_t r = 0; r < list.size() && r < k; ++r) {
            shown.insert(list[r]);
            if (wanted.contains(list[r])) {
                dcg += 1.0 / std::log2(static_cast<double>(r) + 2.0);
                ++hits;
            }
        }
        double ideal = 0;
        for (std::size_t r = 0; r < std::min(k, relevant.size()); ++r) ideal += 1.0 / std::log2(static_cast<double>(r) + 2.0);
        m.ndcg += ideal > 0 ? dcg / ideal : 0;
        m.recall += static_cast<double>(hits) / static_cast<double>(relevant.size());
        ++m.users;
    }
    if (m.users > 0) {
        m.ndcg /= static_cast<double>(m.users);
        m.recall /= static_cast<double>(m.users);
    }
    m.coverage = split.eligibleEvents > 0 ? static_cast<double>(shown.size()) / static_cast<double>(split.eligibleEvents) : 0;
    return m;
}

MostPopular::MostPopular(const ImplicitMatrix& train, std::span<const EventFeatures> events) : m_events(events) {
    std::vector<float> counts(train.cols(), 0.0F);
    for (std::uint32_t u = 0; u < train.rows(); ++u)
        for (const auto item : train.indices(u)) counts[item] += 1.0F;
    m_ranked.resize(counts.size());
    for (ItemIndex i = 0; i < m_ranked.size(); ++i) m_ranked[i] = i;
    std::stable_sort(m_ranked.begin(), m_ranked.end(), [&](ItemIndex a, ItemIndex b) { return counts[a] > counts[b]; });
}

std::vector<ItemIndex> MostPopular::recommend(const UserContext& user, std::size_t k) const {
    const std::unordered_set<ItemIndex> seen(user.history.begin(), user.history.end());
    std::vector<ItemIndex> out;
    for (const auto item : m_ranked) {
        if (out.size() == k) break;
        if (eligibleAt(m_events[item], user.nowMs) && !seen.contains(item)) out.push_back(item);
    }
    return out;
}

ItemKnn::ItemKnn(const ImplicitMatrix& train, std::span<const EventFeatures> events, std::size_t neighbours)
    : m_events(events), m_neighbours(train.cols()) {
    const auto byItem = train.transposed();
    std::vector<float> norms(train.cols(), 0.0F);
    for (ItemIndex i = 0; i < train.cols(); ++i) norms[i] = std::sqrt(static_cast<float>(byItem.indices(i).size()));
    std::vector<float> overlap(train.cols(), 0.0F);
    std::vector<ItemIndex> touched;
    for (ItemIndex i = 0; i < train.cols(); ++i) {
        touched.clear();
        for (const auto user : byItem.indices(i))
            for (const auto j : train.indices(user)) {
                if (j == i) continue;
                if (overlap[j] == 0) touched.push_back(j);
                overlap[j] += 1.0F;
            }
        auto& list = m_neighbours[i];
        for (const auto j : touched) {
            list.emplace_back(j, overlap[j] / (norms[i] * norms[j]));
            overlap[j] = 0;
        }
        const auto keep = std::min(neighbours, list.size());
        std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(keep), list.end(),
                          [](const auto& a, const auto& b) { return a.second > b.second || (a.second == b.second && a.first < b.first); });
        list.resize(keep);
    }
}

std::vector<ItemIndex> ItemKnn::recommend(const UserContext& user, std::size_t k) const {
    std::vector<float> scores(m_neighbours.size(), 0.0F);
    for (const auto item : user.history)
        if (item < m_neighbours.size())
            for (const auto& [j, s] : m_neighbours[item]) scores[j] += s;
    return topEligible(scores, m_events, user, k);
}

HybridWeights tuneWeights(HybridRanker& ranker, const TemporalSplit& split, std::size_t k, std::size_t sample) {
    // Score the sampled users once; each weight vector only re-blends.
    std::unordered_map<UserIndex, ComponentScores> cache;
    const std::size_t total = split.evaluated.size();
    const std::size_t count = sample == 0 ? total : std::min(sample, total);
    for (std::size_t n = 0; n < count; ++n) {
        const UserIndex u = split.evaluated[count == total ? n : n * total / count];
        cache.emplace(u, ranker.components(split.contexts[u]));
    }
    HybridWeights best = ranker.weights();
    double bestNdcg = -1;
    for (int c = 0; c <= 10; ++c) {
        for (int a = 0; a + c <= 10; ++a) {
            const HybridWeights w{static_cast<float>(c) / 10.0F, static_cast<float>(a) / 10.0F,
                                  static_cast<float>(10 - c - a) / 10.0F};
            ranker.setWeights(w);
            const auto m = evaluate(
                split,
                [&](UserIndex u, std::size_t n) {
                    std::vector<ItemIndex> items;
                    for (const auto& r : ranker.rank(cache.at(u), split.contexts[u], n)) items.push_back(r.item);
                    return items;
                },
                k, sample);
            if (m.ndcg > bestNdcg) {
                bestNdcg = m.ndcg;
                best = w;
            }
        }
    }
    ranker.setWeights(best);
    return best;
}

} // namespace marquee::server::recommend
