// Offline evaluation of the recommenders (issue 8) on a generated data set with a known
// latent structure, on a temporal split, in one run:
//   - nDCG@10, recall@10 and catalog coverage for content, collaborative (ALS), trending and
//     the hybrid (weights tuned on a validation split before the test split), beside the
//     most-popular and item-kNN baselines;
//   - ALS training time (64 factors, 15 iterations) on --als-interactions signals;
//   - serving time of the hybrid top 20 per user, p50/p99, beside item-kNN's.
// Usage: bench_recommend [--users N] [--events N] [--als-interactions N] [--threads N] [--tune-users N] [--alpha A]
//                        [--regularization L]
#include "recommend/evaluation.hpp"
#include "recommend/synthetic.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using namespace marquee::server::recommend;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void printRow(const char* name, const Metrics& m) {
    std::printf("  %-22s nDCG@10 %.4f   recall@10 %.4f   coverage %5.1f %%   (%zu users)\n", name, m.ndcg, m.recall,
                100.0 * m.coverage, m.users);
}

std::vector<ItemIndex> itemsOf(const std::vector<Recommendation>& list) {
    std::vector<ItemIndex> out;
    for (const auto& r : list) out.push_back(r.item);
    return out;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

} // namespace

int main(int argc, char** argv) {
    SyntheticOptions data;
    std::size_t alsInteractions = 5'000'000;
    unsigned threads = 0;
    std::size_t tuneUsers = 1500;
    AlsOptions als;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const auto value = std::strtoull(argv[i + 1], nullptr, 10);
        if (flag == "--alpha") {
            als.alpha = std::strtof(argv[i + 1], nullptr);
            continue;
        }
        if (flag == "--regularization") {
            als.regularization = std::strtof(argv[i + 1], nullptr);
            continue;
        }
        if (flag == "--users") data.users = static_cast<std::uint32_t>(value);
        else if (flag == "--events") data.events = static_cast<std::uint32_t>(value);
        else if (flag == "--als-interactions") alsInteractions = value;
        else if (flag == "--threads") threads = static_cast<unsigned>(value);
        else if (flag == "--tune-users") tuneUsers = value;
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        }
    }
    const unsigned cores = threads != 0 ? threads : std::max(1U, std::thread::hardware_concurrency());

    // ---- Quality on a temporal split ---------------------------------------------------
    auto start = Clock::now();
    const auto set = generateSynthetic(data);
    std::printf("data set: %u users in %u taste clusters, %u events, %zu signals over %d days (%.1f s)\n", data.users,
                data.clusters, data.events, set.interactions.size(), data.days, secondsSince(start));
    const auto n = static_cast<std::uint32_t>(set.events.size());
    const std::int64_t testSplit = set.endMs - 21 * kDayMs;
    const std::int64_t validationSplit = testSplit - 21 * kDayMs;

    const auto content = ContentModel::build(set.events);
    als.threads = cores;

    // Tune the blend on a validation split that ends where the test period begins.
    start = Clock::now();
    auto validation = temporalSplit(set.interactions, set.events, data.users, validationSplit, testSplit);
    for (UserIndex u = 0; u < data.users; ++u) validation.contexts[u].city = set.userCity[u];
    const auto validationModel =
        AlsModel::train(ImplicitMatrix::fromInteractions(set.interactions, data.users, n, validationSplit), als);
    const auto validationTrending = TrendingModel::build(set.interactions, n, validationSplit);
    HybridRanker tuner(set.events, content, &validationModel, validationTrending);
    const auto weights = tuneWeights(tuner, validation, 10, tuneUsers);
    std::printf("hybrid weights tuned on the validation split (%zu users): content %.1f, collaborative %.1f, "
                "trending %.1f (%.1f s)\n",
                std::min(tuneUsers, validation.evaluated.size()), static_cast<double>(weights.content),
                static_cast<double>(weights.collaborative), static_cast<double>(weights.trending), secondsSince(start));

    auto split = temporalSplit(set.interactions, set.events, data.users, testSplit, set.endMs);
    for (UserIndex u = 0; u < data.users; ++u) split.contexts[u].city = set.userCity[u];
    const auto train = ImplicitMatrix::fromInteractions(set.interactions, data.users, n, testSplit);
    start = Clock::now();
    const auto model = AlsModel::train(train, als);
    const double alsSmall = secondsSince(start);
    const auto trending = TrendingModel::build(set.interactions, n, testSplit);
    HybridRanker hybrid(set.events, content, &model, trending, weights);
    HybridRanker contentOnly(set.events, content, &model, trending, {1, 0, 0});
    HybridRanker alsOnly(set.events, content, &model, trending, {0, 1, 0});
    HybridRanker trendingOnly(set.events, content, &model, trending, {0, 0, 1});
    const MostPopular popular(train, set.events);
    const ItemKnn knn(train, set.events);
    std::printf("\ntest split: train before day %d, test the last 21 days; %zu users with history and later "
                "positives; %zu events still ahead at the split (ALS on %zu signals: %.1f s)\n",
                data.days - 21, split.evaluated.size(), split.eligibleEvents, train.nonZeros(), alsSmall);
    const auto ranked = [&](const HybridRanker& r) {
        return [&](UserIndex u, std::size_t k) { return itemsOf(r.recommend(split.contexts[u], k)); };
    };
    printRow("baseline most-popular", evaluate(split, [&](UserIndex u, std::size_t k) { return popular.recommend(split.contexts[u], k); }));
    const auto knnMetrics = evaluate(split, [&](UserIndex u, std::size_t k) { return knn.recommend(split.contexts[u], k); });
    printRow("baseline item-kNN", knnMetrics);
    printRow("content (TF-IDF)", evaluate(split, ranked(contentOnly)));
    printRow("collaborative (ALS)", evaluate(split, ranked(alsOnly)));
    printRow("trending", evaluate(split, ranked(trendingOnly)));
    const auto hybridMetrics = evaluate(split, ranked(hybrid));
    printRow("hybrid", hybridMetrics);
    const auto popularMetrics =
        evaluate(split, [&](UserIndex u, std::size_t k) { return popular.recommend(split.contexts[u], k); });
    std::printf("  hybrid vs most-popular: %+.1f %% nDCG@10; vs item-kNN: %+.1f %% (target: beats both)\n",
                100.0 * (hybridMetrics.ndcg / std::max(1e-9, popularMetrics.ndcg) - 1.0),
                100.0 * (hybridMetrics.ndcg / std::max(1e-9, knnMetrics.ndcg) - 1.0));

    // ---- ALS training time at scale -------------------------------------------------------
    SyntheticOptions big = data;
    big.users = static_cast<std::uint32_t>(std::max<std::size_t>(1000, alsInteractions / 25));
    big.events = static_cast<std::uint32_t>(std::max<std::size_t>(2000, alsInteractions / 125));
    big.interactionsPerUser = 25.0 * 0.8; // about 1.25 signals per pick
    big.seed = 11;
    start = Clock::now();
    const auto bigSet = generateSynthetic(big);
    const auto bigMatrix = ImplicitMatrix::fromInteractions(bigSet.interactions, big.users, big.events);
    std::printf("\nALS at scale: %zu signals (%zu user-event pairs), %u users x %u events, 64 factors, 15 iterations, "
                "%u threads (data %.1f s)\n",
                bigSet.interactions.size(), bigMatrix.nonZeros(), big.users, big.events, cores, secondsSince(start));
    start = Clock::now();
    const auto bigModel = AlsModel::train(bigMatrix, als, [&](unsigned iteration) {
        if (iteration % 5 == 0) std::printf("  iteration %u: %.1f s\n", iteration, secondsSince(start));
    });
    const double trainSeconds = secondsSince(start);
    std::printf("  training: %.1f s (target <= 120 s)\n", trainSeconds);

    // ---- Serving -------------------------------------------------------------------------
    const auto bigContent = ContentModel::build(bigSet.events);
    const auto bigTrending = TrendingModel::build(bigSet.interactions, big.events, bigSet.endMs - 21 * kDayMs);
    const auto bigSplit = temporalSplit(bigSet.interactions, bigSet.events, big.users, bigSet.endMs - 21 * kDayMs, bigSet.endMs);
    const auto bigTrain = ImplicitMatrix::fromInteractions(bigSet.interactions, big.users, big.events, bigSet.endMs - 21 * kDayMs);
    HybridRanker served(bigSet.events, bigContent, &bigModel, bigTrending, weights);
    const ItemKnn bigKnn(bigTrain, bigSet.events);
    std::vector<double> hybridMs, knnMs;
    const std::size_t probes = std::min<std::size_t>(1000, bigSplit.evaluated.size());
    for (std::size_t p = 0; p < probes; ++p) {
        const auto& context = bigSplit.contexts[bigSplit.evaluated[p * bigSplit.evaluated.size() / probes]];
        auto t = Clock::now();
        const auto list = served.recommend(context, 20);
        hybridMs.push_back(secondsSince(t) * 1000);
        t = Clock::now();
        const auto baseline = bigKnn.recommend(context, 20);
        knnMs.push_back(secondsSince(t) * 1000);
        if (list.empty() && baseline.empty()) std::printf("  (user without recommendations)\n");
    }
    std::printf("serving top 20 (%zu users, %u events): hybrid p50 %.2f ms, p99 %.2f ms (target p99 <= 20 ms); "
                "item-kNN baseline p50 %.2f ms, p99 %.2f ms\n",
                probes, big.events, percentile(hybridMs, 0.5), percentile(hybridMs, 0.99), percentile(knnMs, 0.5),
                percentile(knnMs, 0.99));
    return 0;
}
