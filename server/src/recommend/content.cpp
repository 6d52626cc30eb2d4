// TF-IDF event vectors and cosine scoring through an inverted index (see content.hpp).
#include "recommend/content.hpp"

#include "ingest/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

namespace marquee::server::recommend {

namespace {

// Field weights: what an event is called and what it is count most.
constexpr float kTitleWeight = 3.0F;
constexpr float kPerformerWeight = 2.5F;
constexpr float kTagWeight = 2.0F;
constexpr float kCategoryWeight = 2.0F;
constexpr float kParentCategoryWeight = 1.0F;
constexpr float kDescriptionWeight = 1.0F;
constexpr float kVenueWeight = 1.0F;
constexpr float kCityWeight = 1.5F;
constexpr float kTimeWeight = 0.5F;

bool isStopword(std::string_view word) {
    static const std::set<std::string_view> kStopwords{
        "the", "and", "for", "with", "from", "this", "that", "your", "you", "are", "our", "all", "new", "der", "die",
        "das", "und", "mit", "fur", "von", "den", "dem", "des", "ein", "eine", "les", "pour", "avec", "une", "des",
        "dans", "sur", "par", "aux", "del", "los", "las", "con", "por", "una", "gli", "per", "della", "und"};
    return word.size() < 3 || kStopwords.contains(word);
}

void addWords(std::map<std::string, float>& terms, std::string_view text, float weight) {
    const auto folded = ingest::foldForMatch(text);
    std::size_t start = 0;
    while (start < folded.size()) {
        auto end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        const std::string_view word(folded.data() + start, end - start);
        if (!isStopword(word)) terms[std::string(word)] += weight;
        start = end + 1;
    }
}

void addCategory(std::map<std::string, float>& terms, const std::string& categoryId, float weight, float parentWeight) {
    if (categoryId.empty()) return;
    terms["cat:" + categoryId] += weight;
    if (const auto dot = categoryId.find('.'); dot != std::string::npos)
        terms["cat:" + categoryId.substr(0, dot)] += parentWeight;
}

std::map<std::string, float> rawTerms(const EventFeatures& e) {
    std::map<std::string, float> terms;
    addWords(terms, e.title, kTitleWeight);
    addWords(terms, e.description, kDescriptionWeight);
    for (const auto& tag : e.tags) addWords(terms, tag, kTagWeight);
    for (const auto& performer : e.performers) {
        const auto name = ingest::foldForMatch(performer);
        if (!name.empty()) terms["perf:" + name] += kPerformerWeight;
    }
    addCategory(terms, e.categoryId, kCategoryWeight, kParentCategoryWeight);
    if (!e.venueId.empty()) terms["venue:" + e.venueId] += kVenueWeight;
    if (!e.city.empty()) terms["city:" + ingest::foldForMatch(e.city)] += kCityWeight;
    if (e.localWeekday >= 0) terms[e.localWeekday >= 5 ? "time:weekend" : "time:weekday"] += kTimeWeight;
    if (e.localHour >= 0) {
        const char* part = e.localHour < 12 ? "time:morning" : e.localHour < 17 ? "time:afternoon"
                                                             : e.localHour < 22 ? "time:evening"
                                                                                : "time:night";
        terms[part] += kTimeWeight;
    }
    return terms;
}

void normalise(SparseVector& v) {
    double norm = 0;
    for (const auto& [term, w] : v) norm += static_cast<double>(w) * static_cast<double>(w);
    if (norm <= 0) return;
    const auto inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& entry : v) entry.second *= inv;
}

} // namespace

ContentModel ContentModel::build(std::span<const EventFeatures> events) {
    ContentModel m;
    std::vector<std::vector<std::pair<std::uint32_t, float>>> counts(events.size());
    std::vector<std::uint32_t> df;
    for (std::size_t i = 0; i < events.size(); ++i) {
        for (const auto& [term, tf] : rawTerms(events[i])) {
            const auto [it, inserted] = m.m_vocabulary.try_emplace(term, static_cast<std::uint32_t>(df.size()));
            if (inserted) df.push_back(0);
            ++df[it->second];
            counts[i].emplace_back(it->second, tf);
        }
    }
    const auto n = static_cast<double>(std::max<std::size_t>(1, events.size()));
    m.m_idf.resize(df.size());
    for (std::size_t t = 0; t < df.size(); ++t) m.m_idf[t] = static_cast<float>(std::log(n / df[t]) + 1.0);
    std::vector<std::size_t> postingCount(df.size() + 1, 0);
    for (auto& vector : counts) {
        for (auto& [term, tf] : vector) tf = (1.0F + std::log(tf)) * m.m_idf[term];
        std::sort(vector.begin(), vector.end());
        normalise(vector);
        m.m_itemTerms.insert(m.m_itemTerms.end(), vector.begin(), vector.end());
        m.m_itemStart.push_back(m.m_itemTerms.size());
        for (const auto& entry : vector) ++postingCount[entry.first + 1];
    }
    for (std::size_t t = 1; t < postingCount.size(); ++t) postingCount[t] += postingCount[t - 1];
    m.m_postingStart = postingCount;
    m.m_postings.resize(m.m_itemTerms.size());
    std::vector<std::size_t> next(postingCount.begin(), postingCount.end() - 1);
    for (ItemIndex item = 0; item + 1 < m.m_itemStart.size(); ++item)
        for (const auto& [term, w] : m.vectorOf(item)) m.m_postings[next[term]++] = {item, w};
    return m;
}

void ContentModel::score(const SparseVector& profile, std::span<float> out) const {
    std::fill(out.begin(), out.end(), 0.0F);
    for (const auto& [term, weight] : profile) {
        if (term + 1 >= m_postingStart.size()) continue;
        for (std::size_t k = m_postingStart[term]; k < m_postingStart[term + 1]; ++k) {
            const auto [item, w] = m_postings[k];
            if (item < out.size()) out[item] += weight * w;
        }
    }
}

float ContentModel::similarity(ItemIndex a, ItemIndex b) const {
    if (std::max(a, b) >= items()) return 0;
    const auto va = vectorOf(a);
    const auto vb = vectorOf(b);
    float dot = 0;
    for (std::size_t i = 0, j = 0; i < va.size() && j < vb.size();) {
        if (va[i].first < vb[j].first) ++i;
        else if (vb[j].first < va[i].first) ++j;
        else dot += va[i++].second * vb[j++].second;
    }
    return dot;
}

std::vector<std::pair<ItemIndex, float>> ContentModel::similar(ItemIndex item, std::size_t k) const {
    if (item >= items()) return {};
    const auto v = vectorOf(item);
    std::vector<float> scores(items(), 0.0F);
    score(SparseVector(v.begin(), v.end()), scores);
    scores[item] = 0;
    std::vector<std::pair<ItemIndex, float>> out;
    for (ItemIndex i = 0; i < scores.size(); ++i)
        if (scores[i] > 0) out.emplace_back(i, scores[i]);
    const auto keep = std::min(k, out.size());
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(),
                      [](const auto& a, const auto& b) { return a.second > b.second || (a.second == b.second && a.first < b.first); });
    out.resize(keep);
    return out;
}

SparseVector ContentModel::profile(std::span<const ItemIndex> itemList, std::span<const float> weights) const {
    std::map<std::uint32_t, float> sum;
    for (std::size_t n = 0; n < itemList.size() && n < weights.size(); ++n) {
        if (itemList[n] >= items() || weights[n] <= 0) continue;
        for (const auto& [term, w] : vectorOf(itemList[n])) sum[term] += weights[n] * w;
    }
    // The strongest terms carry a profile; the long tail only costs scoring time.
    constexpr std::size_t kMaxTerms = 300;
    SparseVector v(sum.begin(), sum.end());
    if (v.size() > kMaxTerms) {
        std::nth_element(v.begin(), v.begin() + kMaxTerms, v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        v.resize(kMaxTerms);
        std::sort(v.begin(), v.end());
    }
    normalise(v);
    return v;
}

SparseVector ContentModel::interests(std::span<const std::string> categories, std::span<const std::string> words) const {
    std::map<std::string, float> terms;
    for (const auto& category : categories) addCategory(terms, category, kCategoryWeight, kParentCategoryWeight);
    for (const auto& word : words) addWords(terms, word, kTitleWeight);
    SparseVector v;
    for (const auto& [term, tf] : terms)
        if (const auto it = m_vocabulary.find(term); it != m_vocabulary.end())
            v.emplace_back(it->second, tf * m_idf[it->second]);
    std::sort(v.begin(), v.end());
    normalise(v);
    return v;
}

} // namespace marquee::server::recommend
