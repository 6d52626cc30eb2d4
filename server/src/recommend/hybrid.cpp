// Blending, filtering, diversification and reasons (see hybrid.hpp).
#include "recommend/hybrid.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>
#include <unordered_set>

namespace marquee::server::recommend {

namespace {

constexpr std::size_t kCandidates = 200;
// Each earlier pick of the same category / venue multiplies a candidate's score by this.
constexpr float kSameCategoryDecay = 0.95F;
constexpr float kSameVenueDecay = 0.95F;
// Trending elsewhere counts for less than trending in the user's own city.
constexpr float kOtherCityTrending = 0.3F;
constexpr std::size_t kMaxAnchors = 50;

// Scales the eligible entries of `scores` to [0, 1] by their maximum (negatives become 0).
void scaleToUnit(std::vector<float>& scores, const std::vector<char>& eligible) {
    float max = 0;
    for (std::size_t i = 0; i < scores.size(); ++i)
        if (eligible[i]) max = std::max(max, scores[i]);
    for (auto& s : scores) s = max > 0 ? std::max(0.0F, s / max) : 0.0F;
}

} // namespace

double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kEarthKm = 6371.0;
    const auto rad = [](double deg) { return deg * std::numbers::pi / 180.0; };
    const double dLat = rad(lat2 - lat1);
    const double dLon = rad(lon2 - lon1);
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(rad(lat1)) * std::cos(rad(lat2)) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

HybridRanker::HybridRanker(std::span<const EventFeatures> events, const ContentModel& content, const AlsModel* als,
                           const TrendingModel& trending, HybridWeights weights)
    : m_events(events), m_content(content), m_als(als), m_trending(trending), m_weights(weights) {}

bool HybridRanker::eligible(const EventFeatures& e, const UserContext& user) const {
    if (e.cancelled || e.soldOut || e.startsAtMs <= user.nowMs) return false;
    if (user.latitude && user.longitude && user.radiusKm > 0)
        return e.hasLocation && distanceKm(*user.latitude, *user.longitude, e.latitude, e.longitude) <= user.radiusKm;
    return true;
}

std::vector<Recommendation> HybridRanker::recommend(const UserContext& user, std::size_t k) const {
    return rank(components(user), user, k);
}

ComponentScores HybridRanker::components(const UserContext& user) const {
    const std::size_t n = m_events.size();
    ComponentScores out;
    auto& ok = out.eligible;
    ok.assign(n, 0);
    const std::unordered_set<ItemIndex> seen(user.history.begin(), user.history.end());
    const std::unordered_set<ItemIndex> booked(user.booked.begin(), user.booked.end());
    for (ItemIndex i = 0; i < n; ++i)
        ok[i] = static_cast<char>(eligible(m_events[i], user) && !seen.contains(i) && !booked.contains(i));

    const bool hasHistory = !user.history.empty();
    out.hasHistory = hasHistory;
    auto& content = out.content;
    content.assign(n, 0.0F);
    const auto profile = hasHistory ? m_content.profile(user.history, user.historyWeights)
                                    : m_content.interests(user.interestCategories, user.interestWords);
    if (!profile.empty()) m_content.score(profile, content);
    scaleToUnit(content, ok);

    auto& collaborative = out.collaborative;
    collaborative.assign(n, 0.0F);
    if (m_als != nullptr && m_als->items() == n && (user.alsUser || hasHistory)) {
        const Eigen::VectorXf vector = user.alsUser && *user.alsUser < m_als->users()
                                           ? Eigen::VectorXf(m_als->userFactors().row(*user.alsUser).transpose())
                                           : m_als->foldIn(user.history, user.historyWeights);
        m_als->scoreItems(vector, collaborative);
    }
    scaleToUnit(collaborative, ok);

    auto& trending = out.trending;
    trending.assign(m_trending.scores().begin(), m_trending.scores().end());
    trending.resize(n, 0.0F);
    if (!user.city.empty() && !(user.latitude && user.longitude && user.radiusKm > 0))
        for (ItemIndex i = 0; i < n; ++i)
            if (m_events[i].city != user.city) trending[i] *= kOtherCityTrending;
    scaleToUnit(trending, ok);
    return out;
}

std::vector<Recommendation> HybridRanker::rank(const ComponentScores& scores, const UserContext& user,
                                               std::size_t k) const {
    const std::size_t n = std::min(m_events.size(), scores.eligible.size());
    const auto& ok = scores.eligible;
    const auto& content = scores.content;
    const auto& collaborative = scores.collaborative;
    const auto& trending = scores.trending;
    const bool hasHistory = scores.hasHistory;
    std::vector<std::pair<float, ItemIndex>> candidates;
    for (ItemIndex i = 0; i < n; ++i) {
        if (!ok[i]) continue;
        const float blended = m_weights.content * content[i] + m_weights.collaborative * collaborative[i] +
                              m_weights.trending * trending[i];
        candidates.emplace_back(blended, i);
    }
    const auto keep = std::min(kCandidates, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep), candidates.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    candidates.resize(keep);

    // Greedy diversification: the best candidate after decaying repeats of category and venue.
    std::vector<Recommendation> out;
    std::unordered_map<std::string, int> categoryCount;
    std::unordered_map<std::string, int> venueCount;
    std::vector<char> taken(candidates.size(), 0);
    while (out.size() < k) {
        std::size_t best = candidates.size();
        float bestScore = -1;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            if (taken[c]) continue;
            const auto& e = m_events[candidates[c].second];
            const auto cat = categoryCount.find(e.categoryId);
            const auto ven = venueCount.find(e.venueId);
            const float adjusted = candidates[c].first *
                                   std::pow(kSameCategoryDecay, cat == categoryCount.end() ? 0.0F : static_cast<float>(cat->second)) *
                                   std::pow(kSameVenueDecay, ven == venueCount.end() ? 0.0F : static_cast<float>(ven->second));
            if (adjusted > bestScore) {
                bestScore = adjusted;
                best = c;
            }
        }
        if (best == candidates.size()) break;
        taken[best] = 1;
        const ItemIndex item = candidates[best].second;
        ++categoryCount[m_events[item].categoryId];
        if (!m_events[item].venueId.empty()) ++venueCount[m_events[item].venueId];

        Recommendation rec;
        rec.item = item;
        rec.score = bestScore;
        const float fromContent = m_weights.content * content[item];
        const float fromCollaborative = m_weights.collaborative * collaborative[item];
        const float fromTrending = m_weights.trending * trending[item];
        if (fromTrending >= fromContent && fromTrending >= fromCollaborative) {
            rec.reason = ReasonKind::PopularNearYou;
        } else if (!hasHistory) {
            rec.reason = fromContent > 0 ? ReasonKind::MatchesInterests : ReasonKind::PopularNearYou;
        } else {
            const bool collaborativeWins = fromCollaborative > fromContent;
            rec.reason = collaborativeWins ? ReasonKind::BecauseYouLiked : ReasonKind::SimilarTo;
            // The anchor: the user's (most recent) event most like this one in the winning model.
            float bestSimilarity = -2;
            const std::size_t from = user.history.size() > kMaxAnchors ? user.history.size() - kMaxAnchors : 0;
            for (std::size_t h = from; h < user.history.size(); ++h) {
                const float s = collaborativeWins ? m_als->itemSimilarity(user.history[h], item)
                                                  : m_content.similarity(user.history[h], item);
                if (s > bestSimilarity) {
                    bestSimilarity = s;
                    rec.anchor = user.history[h];
                }
            }
        }
        out.push_back(rec);
    }
    return out;
}

} // namespace marquee::server::recommend
