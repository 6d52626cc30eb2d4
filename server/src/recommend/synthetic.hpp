// A generated interaction data set with a known latent structure, for the offline evaluation
// (tests/bench) and demo data: users in taste clusters (each cluster prefers a few categories
// and mostly its home city), events with categories, venues, performers, multilingual titles
// and descriptions, Zipf-skewed popularity, and signals spread over time, each before the
// event it is about.
#pragma once

#include "recommend/content.hpp"
#include "recommend/interactions.hpp"

#include <cstdint>
#include <vector>

namespace marquee::server::recommend {

struct SyntheticOptions {
    std::uint32_t users = 20'000;
    std::uint32_t events = 8'000;
    std::uint32_t clusters = 12;
    std::uint32_t cities = 4;
    double interactionsPerUser = 25; // mean; the counts are log-normal
    std::int64_t startMs = 1'767'225'600'000; // 2026-01-01
    int days = 120;                  // span of the signals; events run to days + 60
    std::uint64_t seed = 7;
};

struct SyntheticData {
    std::vector<EventFeatures> events;
    std::vector<Interaction> interactions; // in time order
    std::vector<std::uint32_t> userCluster;
    std::vector<std::string> userCity;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
};

SyntheticData generateSynthetic(const SyntheticOptions& options);

} // namespace marquee::server::recommend
