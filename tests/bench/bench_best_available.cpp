// Best-available benchmark: an arena of about 100,000 seats at several random occupancy
// levels; p50/p99 time per query for bestAvailable(), and in the same run for the brute-force
// reference on the same inputs (the baseline). Every answer is checked against the reference.
#include "best_available_reference.hpp"

#include "marquee/core/seating/demo_layouts.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

using namespace marquee::core::seating;

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[at];
}

template <typename F>
double timedMs(F&& f) {
    const auto started = Clock::now();
    f();
    return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

} // namespace

int main(int argc, char** argv) {
    std::size_t seats = 100'000;
    int queries = 100;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--seats") seats = std::strtoull(argv[i + 1], nullptr, 10);
        else if (flag == "--queries") queries = std::atoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "usage: %s [--seats N] [--queries N]\n", argv[0]);
            return 2;
        }
    }
    if (queries < 1 || seats < 1) {
        std::fprintf(stderr, "--seats and --queries must be positive\n");
        return 2;
    }
    const Layout layout = demo::arena(seats);
    const SeatIndex index(layout);
    std::printf("best available on %s: %u seats in %zu sections, %d queries per occupancy level\n", layout.name.c_str(),
                index.size(), layout.areas.size(), queries);
    std::printf("%-10s %-8s %12s %12s %14s %14s %8s\n", "occupancy", "found", "p50 ms", "p99 ms", "brute p50 ms",
                "brute p99 ms", "p50 x");
    std::mt19937_64 random(20261121);
    int mismatches = 0;
    for (const int occupancy : {50, 80, 95, 99}) {
        std::vector<SeatStatus> status(index.size());
        std::uniform_int_distribution<int> percent(0, 99);
        std::uniform_int_distribution<int> takenKind(1, kSeatStatusCount - 1);
        for (auto& s : status) s = percent(random) < occupancy ? static_cast<SeatStatus>(takenKind(random)) : SeatStatus::Available;
        std::vector<double> fast, brute;
        int found = 0;
        for (int q = 0; q < queries; ++q) {
            BestAvailableRequest request;
            request.count = std::uniform_int_distribution<int>(1, 8)(random);
            if (random() % 2 == 0) request.priceCategoryId = layout.priceCategories[random() % layout.priceCategories.size()].id;
            std::optional<std::vector<std::uint32_t>> answer;
            std::optional<marquee::test::ReferenceBlock> reference;
            fast.push_back(timedMs([&] { answer = bestAvailable(layout, index, status, request); }));
            brute.push_back(timedMs([&] { reference = marquee::test::referenceBestAvailable(layout, index, status, request); }));
            found += answer ? 1 : 0;
            if (answer.has_value() != reference.has_value() || (answer && *answer != reference->seats)) ++mismatches;
        }
        const double p50 = percentile(fast, 0.5);
        const double bruteP50 = percentile(brute, 0.5);
        std::printf("%8d %% %5d/%-3d %12.3f %12.3f %14.3f %14.3f %8.1f\n", occupancy, found, queries, p50, percentile(fast, 0.99),
                    bruteP50, percentile(brute, 0.99), bruteP50 / p50);
    }
    if (mismatches > 0) {
        std::printf("FAILED: %d answers differ from the brute-force reference\n", mismatches);
        return 1;
    }
    std::printf("all answers equal the brute-force reference\n");
    return 0;
}
