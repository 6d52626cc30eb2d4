// The hybrid ranking: content, collaborative (ALS) and trending scores, each scaled to [0, 1]
// over the eligible events, blended with weights tuned on a validation split; past,
// cancelled, sold-out and already-booked events and those outside the user's radius are left
// out; the list is diversified across categories and venues; every pick says why.
#pragma once

#include "recommend/als.hpp"
#include "recommend/content.hpp"
#include "recommend/trending.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace marquee::server::recommend {

struct HybridWeights {
    float content = 0.4F;
    float collaborative = 0.4F;
    float trending = 0.2F;
};

struct UserContext {
    std::optional<UserIndex> alsUser;     // the user's row in the trained model, if any
    std::vector<ItemIndex> history;       // events the user interacted with ...
    std::vector<float> historyWeights;    // ... and how strongly (positive summed signal weights)
    std::vector<ItemIndex> booked;        // never recommended again
    std::vector<std::string> interestCategories; // stated interests (cold start)
    std::vector<std::string> interestWords;
    std::optional<double> latitude;       // with radiusKm: only events this close
    std::optional<double> longitude;
    double radiusKm = 0;
    std::string city;                     // "popular in your area" when no coordinates
    std::int64_t nowMs = 0;
};

enum class ReasonKind : std::uint8_t {
    BecauseYouLiked,   // collaborative: people with your taste; anchor = your event most like it
    SimilarTo,         // content: anchor = your event it resembles most
    PopularNearYou,    // trending in your area this week
    MatchesInterests,  // your stated interests (no history yet)
};

struct Recommendation {
    ItemIndex item = 0;
    float score = 0;
    ReasonKind reason = ReasonKind::PopularNearYou;
    std::optional<ItemIndex> anchor;
};

// Each model's scores of every event for one user, scaled to [0, 1] over the eligible ones.
struct ComponentScores {
    std::vector<char> eligible;
    std::vector<float> content;
    std::vector<float> collaborative;
    std::vector<float> trending;
    bool hasHistory = false;
};

class HybridRanker {
public:
    // The models must describe the same event list (index i = events[i]); `als` may be null
    // (no model trained yet).
    HybridRanker(std::span<const EventFeatures> events, const ContentModel& content, const AlsModel* als,
                 const TrendingModel& trending, HybridWeights weights = {});

    std::vector<Recommendation> recommend(const UserContext& user, std::size_t k) const;
    // The two halves of recommend(): scoring (weights play no part) and blending + picking,
    // so weight tuning scores each user once.
    ComponentScores components(const UserContext& user) const;
    std::vector<Recommendation> rank(const ComponentScores& scores, const UserContext& user, std::size_t k) const;
    void setWeights(HybridWeights weights) { m_weights = weights; }
    HybridWeights weights() const { return m_weights; }

private:
    bool eligible(const EventFeatures& event, const UserContext& user) const;

    std::span<const EventFeatures> m_events;
    const ContentModel& m_content;
    const AlsModel* m_als;
    const TrendingModel& m_trending;
    HybridWeights m_weights;
};

// Great-circle distance in km.
double distanceKm(double lat1, double lon1, double lat2, double lon2);

} // namespace marquee::server::recommend
