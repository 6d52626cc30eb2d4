// The recommenders on a small hand-made catalog, with the exact events asserted: similar
// events by content, collaborative picks with their anchor, trending with time decay, the
// hybrid's exclusions (past, cancelled, sold out, booked, outside the radius), cold start
// from interests, the signal matrix, the model blob, the metrics and the baselines.
#include "recommend/evaluation.hpp"

#include <QtTest>

#include <algorithm>

using namespace marquee::server::recommend;

namespace {

constexpr std::int64_t kNow = 1'790'000'000'000;
constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kDay = 24 * kHour;

EventFeatures event(const char* title, const char* category, const char* venue, const char* city, double lat, double lon,
                    std::int64_t startsAt) {
    EventFeatures e;
    e.id = title;
    e.title = title;
    e.categoryId = category;
    e.venueId = venue;
    e.city = city;
    e.latitude = lat;
    e.longitude = lon;
    e.hasLocation = true;
    e.startsAtMs = startsAt;
    return e;
}

// 0-4 ahead; 5 over; 6 sold out; 7 cancelled.
std::vector<EventFeatures> catalog() {
    std::vector<EventFeatures> events{
        event("Blue Note Jazz Night", "music.jazz", "quasimodo", "Berlin", 52.50, 13.33, kNow + 5 * kDay),
        event("Late Jazz Quartet", "music.jazz", "b-flat", "Berlin", 52.53, 13.40, kNow + 6 * kDay),
        event("Garage Rock Riot", "music.rock", "so36", "Berlin", 52.50, 13.42, kNow + 7 * kDay),
        event("Derby Day Football", "sports.football", "volkspark", "Hamburg", 53.59, 9.90, kNow + 8 * kDay),
        event("Blue Note Saxophone Jazz", "music.jazz", "a-trane", "Berlin", 52.51, 13.32, kNow + 9 * kDay),
        event("Yesterday's Jazz Jam", "music.jazz", "b-flat", "Berlin", 52.53, 13.40, kNow - kDay),
        event("Sold Out Jazz Gala", "music.jazz", "philharmonie", "Berlin", 52.51, 13.37, kNow + 3 * kDay),
        event("Cancelled Jazz Brunch", "music.jazz", "quasimodo", "Berlin", 52.50, 13.33, kNow + 4 * kDay)};
    events[0].tags = {"jazz", "saxophone"};
    events[4].tags = {"jazz", "saxophone"};
    events[6].soldOut = true;
    events[7].cancelled = true;
    return events;
}

// Users 0-2 book 0 and 4; users 3-4 book 2 and 3; user 5 only booked 0.
std::vector<Interaction> bookingHistory() {
    std::vector<Interaction> out;
    for (UserIndex u = 0; u < 3; ++u) {
        out.push_back({u, 0, Signal::Booking, kNow - 3 * kDay});
        out.push_back({u, 4, Signal::Booking, kNow - 3 * kDay});
    }
    for (UserIndex u = 3; u < 5; ++u) {
        out.push_back({u, 2, Signal::Booking, kNow - 2 * kDay});
        out.push_back({u, 3, Signal::Booking, kNow - 2 * kDay});
    }
    out.push_back({5, 0, Signal::Booking, kNow - kDay});
    return out;
}

AlsOptions tinyAls() {
    AlsOptions o;
    o.factors = 4;
    o.iterations = 20;
    o.regularization = 0.1F; // six users: the default's strong regularisation would flatten them
    o.threads = 1;
    return o;
}

UserContext historyOf(std::initializer_list<ItemIndex> items) {
    UserContext u;
    u.nowMs = kNow;
    for (const auto i : items) {
        u.history.push_back(i);
        u.historyWeights.push_back(signalWeight(Signal::Booking));
    }
    return u;
}

} // namespace

class TestRecommenders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void similarEventsByContent() {
        const auto events = catalog();
        const auto content = ContentModel::build(events);
        const auto similar = content.similar(0, 10);
        QVERIFY(similar.size() >= 2);
        QCOMPARE(similar[0].first, ItemIndex{4}); // "Blue Note … Jazz", same tags
        QVERIFY(std::none_of(similar.begin(), similar.end(), [](const auto& s) { return s.first == 0 || s.first == 3; }));
        QVERIFY(content.similarity(0, 4) > content.similarity(0, 2));
        QCOMPARE(content.similarity(0, 3), 0.0F); // football in Hamburg shares nothing
        QVERIFY(content.similar(99, 3).empty());
    }

    void collaborativePickWithAnchor() {
        const auto events = catalog();
        const auto interactions = bookingHistory();
        const auto matrix = ImplicitMatrix::fromInteractions(interactions, 6, static_cast<std::uint32_t>(events.size()));
        const auto als = AlsModel::train(matrix, tinyAls());
        const auto content = ContentModel::build(events);
        const auto trending = TrendingModel::build(interactions, events.size(), kNow);
        HybridRanker ranker(events, content, &als, trending, {0, 1, 0});
        auto user = historyOf({0});
        user.alsUser = 5;
        const auto picks = ranker.recommend(user, 3);
        QVERIFY(!picks.empty());
        QCOMPARE(picks[0].item, ItemIndex{4});
        QCOMPARE(picks[0].reason, ReasonKind::BecauseYouLiked);
        QCOMPARE(picks[0].anchor, std::optional<ItemIndex>(0));
        // A user the model has never seen folds in from their signals alone.
        auto newcomer = historyOf({0});
        QCOMPARE(ranker.recommend(newcomer, 1).at(0).item, ItemIndex{4});
        QVERIFY(als.itemSimilarity(0, 4) > als.itemSimilarity(0, 3));
    }

    void exclusionsAndRadius() {
        const auto events = catalog();
        const auto interactions = bookingHistory();
        const auto matrix = ImplicitMatrix::fromInteractions(interactions, 6, static_cast<std::uint32_t>(events.size()));
        const auto als = AlsModel::train(matrix, tinyAls());
        const auto content = ContentModel::build(events);
        const auto trending = TrendingModel::build(interactions, events.size(), kNow);
        HybridRanker ranker(events, content, &als, trending);
        auto user = historyOf({0});
        user.booked = {1};
        const auto picks = ranker.recommend(user, 10);
        std::vector<ItemIndex> items;
        for (const auto& p : picks) items.push_back(p.item);
        std::sort(items.begin(), items.end());
        // Seen 0, booked 1, past 5, sold out 6 and cancelled 7 never come back.
        QCOMPARE(items, (std::vector<ItemIndex>{2, 3, 4}));
        user.latitude = 53.55; // Hamburg, 20 km
        user.longitude = 9.99;
        user.radiusKm = 20;
        const auto near = ranker.recommend(user, 10);
        QCOMPARE(near.size(), std::size_t{1});
        QCOMPARE(near[0].item, ItemIndex{3});
    }

    void trendingDecaysWithTime() {
        const auto events = catalog();
        std::vector<Interaction> interactions;
        for (UserIndex u = 0; u < 3; ++u) interactions.push_back({u, 2, Signal::View, kNow - kHour});
        for (UserIndex u = 0; u < 10; ++u) interactions.push_back({u, 3, Signal::View, kNow - 10 * kDay});
        interactions.push_back({0, 1, Signal::View, kNow + kDay}); // after "now": ignored
        const auto trending = TrendingModel::build(interactions, events.size(), kNow, 72);
        QVERIFY(trending.score(2) > trending.score(3)); // 3 fresh views beat 10 from ten days ago
        QCOMPARE(trending.score(1), 0.0F);
        QVERIFY(std::abs(trending.score(3) - 10.0F * std::pow(0.5F, 240.0F / 72.0F)) < 0.01F);
        const auto content = ContentModel::build(events);
        HybridRanker ranker(events, content, nullptr, trending);
        UserContext stranger;
        stranger.nowMs = kNow;
        stranger.city = "Berlin";
        const auto picks = ranker.recommend(stranger, 2);
        QCOMPARE(picks.at(0).item, ItemIndex{2});
        QCOMPARE(picks.at(0).reason, ReasonKind::PopularNearYou);
    }

    void coldStartFromInterests() {
        const auto events = catalog();
        const auto content = ContentModel::build(events);
        const auto trending = TrendingModel::build({}, events.size(), kNow);
        HybridRanker ranker(events, content, nullptr, trending, {1, 0, 0});
        UserContext fan;
        fan.nowMs = kNow;
        fan.interestCategories = {"sports"};
        const auto picks = ranker.recommend(fan, 1);
        QCOMPARE(picks.at(0).item, ItemIndex{3});
        QCOMPARE(picks.at(0).reason, ReasonKind::MatchesInterests);
        fan.interestCategories.clear();
        fan.interestWords = {"saxophone"};
        const auto sax = ranker.recommend(fan, 2);
        QCOMPARE(sax.at(0).item, ItemIndex{4}); // in the title and the tags
        QCOMPARE(sax.at(1).item, ItemIndex{0}); // in the tags
    }

    void signalMatrix() {
        const std::vector<Interaction> interactions{{0, 1, Signal::WishlistAdd, 1}, {0, 1, Signal::WishlistRemove, 2},
                                                    {0, 2, Signal::View, 3},        {1, 2, Signal::Booking, 4},
                                                    {1, 0, Signal::View, 10},       {7, 0, Signal::View, 1}};
        const auto m = ImplicitMatrix::fromInteractions(interactions, 2, 3);
        QCOMPARE(m.nonZeros(), std::size_t{3}); // add + remove cancel; user 7 is out of range
        QCOMPARE(std::vector<ItemIndex>(m.indices(0).begin(), m.indices(0).end()), std::vector<ItemIndex>{2});
        QCOMPARE(std::vector<ItemIndex>(m.indices(1).begin(), m.indices(1).end()), (std::vector<ItemIndex>{0, 2}));
        const auto until = ImplicitMatrix::fromInteractions(interactions, 2, 3, 10);
        QCOMPARE(until.nonZeros(), std::size_t{2}); // the view at 10 is not before 10
        const auto t = m.transposed();
        QCOMPARE(t.rows(), 3U);
        QCOMPARE(std::vector<ItemIndex>(t.indices(2).begin(), t.indices(2).end()), (std::vector<ItemIndex>{0, 1}));
        QCOMPARE(t.values(2)[1], signalWeight(Signal::Booking));
    }

    void modelBlob() {
        const auto events = catalog();
        const auto matrix = ImplicitMatrix::fromInteractions(bookingHistory(), 6, static_cast<std::uint32_t>(events.size()));
        const auto als = AlsModel::train(matrix, tinyAls());
        const auto blob = als.serialize();
        const auto back = AlsModel::deserialize(blob);
        QVERIFY(back.has_value());
        QVERIFY(back->itemFactors() == als.itemFactors());
        QVERIFY(back->userFactors() == als.userFactors());
        QVERIFY(!AlsModel::deserialize(blob.substr(0, blob.size() - 1)));
        QVERIFY(!AlsModel::deserialize("MALS"));
        auto damaged = blob;
        damaged[0] = 'X';
        QVERIFY(!AlsModel::deserialize(damaged));
    }

    void metricsAndBaselines() {
        const auto events = catalog();
        const auto interactions = bookingHistory();
        // Everything before kNow is history; user 5 then books 4 and views 2.
        auto all = interactions;
        all.push_back({5, 4, Signal::Booking, kNow + kHour});
        all.push_back({5, 2, Signal::View, kNow + kHour});
        const auto split = temporalSplit(all, events, 6, kNow, kNow + kDay);
        QCOMPARE(split.evaluated, std::vector<UserIndex>{5});
        QCOMPARE(split.relevant[5], (std::vector<ItemIndex>{2, 4}));
        QCOMPARE(split.eligibleEvents, std::size_t{5});
        const auto m = evaluate(split, [](UserIndex, std::size_t) { return std::vector<ItemIndex>{3, 4, 1}; });
        QCOMPARE(m.users, std::size_t{1});
        const double ideal = 1.0 + 1.0 / std::log2(3.0);
        QVERIFY(std::abs(m.ndcg - (1.0 / std::log2(3.0)) / ideal) < 1e-9);
        QVERIFY(std::abs(m.recall - 0.5) < 1e-9);
        QVERIFY(std::abs(m.coverage - 3.0 / 5.0) < 1e-9);

        const auto train = ImplicitMatrix::fromInteractions(all, 6, static_cast<std::uint32_t>(events.size()), kNow);
        const MostPopular popular(train, events);
        // 0 and 4 have three users each ... but 0 is seen by user 5; past/sold-out/cancelled never.
        QCOMPARE(popular.recommend(split.contexts[5], 2), (std::vector<ItemIndex>{4, 2}));
        const ItemKnn knn(train, events);
        QCOMPARE(knn.recommend(split.contexts[5], 1), std::vector<ItemIndex>{4});
    }
};

QTEST_GUILESS_MAIN(TestRecommenders)
#include "test_recommenders.moc"
