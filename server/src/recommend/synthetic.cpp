// The generated evaluation data set (see synthetic.hpp).
#include "recommend/synthetic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <string>

namespace marquee::server::recommend {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

struct CategoryWords {
    const char* id;
    std::array<const char*, 8> words;
};

// Per category: words that titles, tags and descriptions draw from (several languages).
const std::array<CategoryWords, 16> kCategories{{
    {"music.jazz", {"jazz", "swing", "quartet", "saxophone", "bebop", "trio", "blue", "improvisation"}},
    {"music.rock", {"rock", "guitar", "band", "riff", "garage", "indie", "amplified", "tour"}},
    {"music.classical", {"symphony", "orchestra", "sonata", "quartett", "konzert", "violin", "opera", "chamber"}},
    {"music.electronic", {"techno", "house", "dj", "rave", "synth", "club", "beats", "elektronisch"}},
    {"theatre.drama", {"drama", "stage", "tragedy", "theater", "schauspiel", "premiere", "ensemble", "monologue"}},
    {"theatre.comedy", {"comedy", "standup", "kabarett", "humour", "improv", "sketch", "satire", "laughs"}},
    {"talks.readings", {"lesung", "reading", "author", "poetry", "novel", "litterature", "book", "slam"}},
    {"talks.science", {"science", "lecture", "physics", "climate", "vortrag", "research", "space", "brain"}},
    {"sports.football", {"football", "match", "league", "derby", "fussball", "stadium", "cup", "kickoff"}},
    {"sports.running", {"marathon", "run", "race", "lauf", "trail", "sprint", "relay", "course"}},
    {"family.kids", {"kids", "puppet", "family", "kinder", "fairytale", "magic", "circus", "enfants"}},
    {"film.screening", {"film", "cinema", "screening", "kino", "documentary", "premiere", "director", "cine"}},
    {"food.tasting", {"wine", "tasting", "food", "street", "brunch", "degustation", "cheese", "market"}},
    {"art.exhibition", {"exhibition", "gallery", "painting", "ausstellung", "sculpture", "vernissage", "photo", "art"}},
    {"dance.ballet", {"ballet", "dance", "tanz", "choreography", "contemporary", "tango", "salsa", "danse"}},
    {"festival.street", {"festival", "open", "air", "street", "parade", "fest", "summer", "fete"}},
}};

const std::array<const char*, 12> kAdjectives{"grand",  "late",   "little", "great", "night",  "morning",
                                              "nuit",   "grosse", "spring", "winter", "autumn", "midnight"};
const std::array<const char*, 12> kFiller{"evening", "special", "guests", "tickets",  "doors", "open",
                                          "city",    "live",    "season", "together", "people", "famous"};
const std::array<const char*, 8> kCityNames{"Berlin", "Hamburg", "Paris", "Lyon", "Munich", "Vienna", "Zurich", "Milan"};
const std::array<std::array<double, 2>, 8> kCityCoordinates{{{52.52, 13.40},
                                                             {53.55, 9.99},
                                                             {48.86, 2.35},
                                                             {45.76, 4.84},
                                                             {48.14, 11.58},
                                                             {48.21, 16.37},
                                                             {47.37, 8.54},
                                                             {45.46, 9.19}}};
const std::array<const char*, 10> kFirstNames{"Ana", "Ben", "Chloe", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas"};
const std::array<const char*, 10> kLastNames{"Meyer", "Dubois", "Rossi", "Novak", "Schmidt", "Martin", "Lopez", "Weber", "Bernard", "Costa"};

template <typename Rng, std::size_t N>
const char* pick(const std::array<const char*, N>& list, Rng& rng) {
    return list[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

// Cumulative weights for sampling by index.
struct Sampler {
    std::vector<double> cumulative;
    void add(double weight) { cumulative.push_back((cumulative.empty() ? 0.0 : cumulative.back()) + weight); }
    template <typename Rng>
    std::size_t sample(Rng& rng) const {
        const double x = std::uniform_real_distribution<double>(0.0, cumulative.back())(rng);
        return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
    }
    bool empty() const { return cumulative.empty() || cumulative.back() <= 0; }
};

} // namespace

SyntheticData generateSynthetic(const SyntheticOptions& o) {
    std::mt19937_64 rng(o.seed);
    SyntheticData data;
    data.startMs = o.startMs;
    data.endMs = o.startMs + o.days * kDayMs;
    const std::uint32_t cities = std::clamp<std::uint32_t>(o.cities, 1, static_cast<std::uint32_t>(kCityNames.size()));
    const std::uint32_t categories = static_cast<std::uint32_t>(kCategories.size());

    // Events: category, city, venue, a Zipf-like popularity, a start within the window + 60 days.
    std::vector<double> popularity(o.events);
    std::vector<std::vector<ItemIndex>> byCategoryCity(std::size_t{categories} * cities);
    std::uniform_int_distribution<std::uint32_t> anyCategory(0, categories - 1);
    std::uniform_int_distribution<std::uint32_t> anyCity(0, cities - 1);
    std::uniform_int_distribution<int> venueOf(0, 24);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<std::uint32_t> rank(o.events);
    for (std::uint32_t i = 0; i < o.events; ++i) rank[i] = i;
    std::shuffle(rank.begin(), rank.end(), rng);
    for (ItemIndex i = 0; i < o.events; ++i) {
        const auto category = anyCategory(rng);
        const auto city = anyCity(rng);
        const auto& words = kCategories[category].words;
        EventFeatures e;
        e.id = "e" + std::to_string(i);
        const char* word = words[std::uniform_int_distribution<std::size_t>(0, 7)(rng)];
        const char* second = words[std::uniform_int_distribution<std::size_t>(0, 7)(rng)];
        e.title = std::string(pick(kAdjectives, rng)) + " " + word + " " + second;
        e.performers.push_back(std::string(pick(kFirstNames, rng)) + " " + pick(kLastNames, rng));
        e.tags = {words[std::uniform_int_distribution<std::size_t>(0, 7)(rng)], words[std::uniform_int_distribution<std::size_t>(0, 7)(rng)]};
        e.description = std::string("A ") + pick(kFiller, rng) + " " + word + " " + pick(kFiller, rng) + " with " +
                        e.performers.front() + ", " + pick(kFiller, rng) + " " + second + " " + pick(kFiller, rng) + ".";
        e.categoryId = kCategories[category].id;
        e.city = kCityNames[city];
        e.venueId = e.city + "-v" + std::to_string(venueOf(rng));
        e.latitude = kCityCoordinates[city][0] + (unit(rng) - 0.5) * 0.1;
        e.longitude = kCityCoordinates[city][1] + (unit(rng) - 0.5) * 0.1;
        e.hasLocation = true;
        e.startsAtMs = o.startMs + static_cast<std::int64_t>(unit(rng) * static_cast<double>((o.days + 60) * kDayMs));
        e.localWeekday = static_cast<int>((e.startsAtMs / kDayMs + 3) % 7); // 1970-01-01 was a Thursday
        e.localHour = 17 + static_cast<int>(unit(rng) * 6);
        e.cancelled = unit(rng) < 0.01;
        popularity[i] = 1.0 / std::pow(1.0 + rank[i], 0.8);
        byCategoryCity[std::size_t{category} * cities + city].push_back(i);
        data.events.push_back(std::move(e));
    }

    // Clusters: a few favourite categories each, a home city.
    std::vector<std::vector<double>> clusterTaste(o.clusters, std::vector<double>(categories, 0.02));
    std::vector<std::uint32_t> clusterCity(o.clusters);
    for (std::uint32_t c = 0; c < o.clusters; ++c) {
        for (int fav = 0; fav < 3; ++fav) clusterTaste[c][anyCategory(rng)] += fav == 0 ? 1.0 : 0.5;
        clusterCity[c] = c % cities;
    }
    Sampler global;
    for (const double p : popularity) global.add(p);

    std::lognormal_distribution<double> countOf(std::log(o.interactionsPerUser) - 0.5, 1.0);
    data.userCluster.resize(o.users);
    data.userCity.resize(o.users);
    for (UserIndex u = 0; u < o.users; ++u) {
        const auto cluster = std::uniform_int_distribution<std::uint32_t>(0, o.clusters - 1)(rng);
        data.userCluster[u] = cluster;
        const auto city = unit(rng) < 0.85 ? clusterCity[cluster] : anyCity(rng);
        data.userCity[u] = kCityNames[city];
        Sampler tastes;
        for (const double t : clusterTaste[cluster]) tastes.add(t);
        const auto count = std::max<std::size_t>(1, static_cast<std::size_t>(countOf(rng)));
        for (std::size_t n = 0; n < count; ++n) {
            const auto at = o.startMs + static_cast<std::int64_t>(unit(rng) * static_cast<double>(o.days * kDayMs));
            // Mostly the cluster's taste in the home city; sometimes whatever is popular.
            ItemIndex item = 0;
            bool found = false;
            for (int attempt = 0; attempt < 20 && !found; ++attempt) {
                if (unit(rng) < 0.8) {
                    const auto category = tastes.sample(rng);
                    const auto& pool = byCategoryCity[category * cities + (unit(rng) < 0.9 ? city : anyCity(rng))];
                    if (pool.empty()) continue;
                    // Popular events in the pool are likelier: the better of two draws.
                    const auto a = pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(rng)];
                    const auto b = pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(rng)];
                    item = popularity[a] >= popularity[b] ? a : b;
                } else {
                    item = static_cast<ItemIndex>(global.sample(rng));
                }
                const auto starts = data.events[item].startsAtMs;
                found = !data.events[item].cancelled && starts > at && starts - at < 60 * kDayMs;
            }
            if (!found) continue;
            data.interactions.push_back({u, item, Signal::View, at});
            const bool favourite = clusterTaste[cluster][static_cast<std::size_t>(
                                       std::find_if(kCategories.begin(), kCategories.end(),
                                                    [&](const CategoryWords& c) { return data.events[item].categoryId == c.id; }) -
                                       kCategories.begin())] > 0.5;
            if (unit(rng) < (favourite ? 0.35 : 0.1))
                data.interactions.push_back({u, item, Signal::WishlistAdd, at + 60'000});
            if (unit(rng) < (favourite ? 0.2 : 0.04)) {
                data.interactions.push_back({u, item, Signal::Booking, at + 120'000});
                if (unit(rng) < 0.8) data.interactions.push_back({u, item, Signal::CheckIn, data.events[item].startsAtMs});
            }
        }
    }
    std::sort(data.interactions.begin(), data.interactions.end(),
              [](const Interaction& a, const Interaction& b) { return a.atMs < b.atMs; });
    return data;
}

} // namespace marquee::server::recommend
