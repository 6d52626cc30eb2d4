// Content-based recommendations: TF-IDF over an event's title, description, tags, category
// and performers, plus venue and time-of-week features, compared by cosine. Powers "similar
// events" and cold-start recommendations from a user's stated interests.
#pragma once

#include "recommend/interactions.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace marquee::server::recommend {

// What the recommenders know about an event (filled from the catalog or a generated set).
struct EventFeatures {
    std::string id;
    std::string title;
    std::string description;
    std::vector<std::string> tags;
    std::string categoryId;        // "music.jazz"
    std::vector<std::string> performers;
    std::string venueId;
    std::string city;
    double latitude = 0;
    double longitude = 0;
    bool hasLocation = false;
    std::int64_t startsAtMs = 0;
    int localWeekday = -1;         // 0 = Monday, in the event's own time zone; -1 unknown
    int localHour = -1;
    bool cancelled = false;
    bool soldOut = false;
};

// A sparse, L2-normalised term vector (term id, weight), sorted by term id.
using SparseVector = std::vector<std::pair<std::uint32_t, float>>;

class ContentModel {
public:
    static ContentModel build(std::span<const EventFeatures> events);

    std::size_t items() const { return m_itemStart.size() - 1; }
    // The k events most like `item` (cosine), best first, without the item itself.
    std::vector<std::pair<ItemIndex, float>> similar(ItemIndex item, std::size_t k) const;
    float similarity(ItemIndex a, ItemIndex b) const;
    // A taste profile: the weighted sum of the events' vectors, normalised.
    SparseVector profile(std::span<const ItemIndex> items, std::span<const float> weights) const;
    // Cold start: a profile from stated interests (taxonomy ids like "music.jazz" or
    // "music", and free words like "saxophone").
    SparseVector interests(std::span<const std::string> categories, std::span<const std::string> words) const;
    // Cosine of the profile with every event (out.size() == items()).
    void score(const SparseVector& profile, std::span<float> out) const;

private:
    std::span<const std::pair<std::uint32_t, float>> vectorOf(ItemIndex item) const {
        return {m_itemTerms.data() + m_itemStart[item], m_itemTerms.data() + m_itemStart[item + 1]};
    }
    std::unordered_map<std::string, std::uint32_t> m_vocabulary;
    std::vector<float> m_idf;
    std::vector<std::size_t> m_itemStart{0};
    std::vector<std::pair<std::uint32_t, float>> m_itemTerms; // per item, sorted by term
    std::vector<std::size_t> m_postingStart{0};
    std::vector<std::pair<ItemIndex, float>> m_postings;       // per term: (item, weight)
};

} // namespace marquee::server::recommend
