// The recommendation worker: on every instance it rebuilds the engine's snapshot (catalog,
// trending, newest stored model) every refresh interval; the one instance holding the trainer
// lock retrains the collaborative model every training interval and stores it, so the others
// pick it up at their next refresh.
#pragma once

#include "recommend/als.hpp"
#include "workers/background_loop.hpp"

#include <chrono>
#include <string>

namespace marquee::server::workers {

class RecommendTrainer {
public:
    struct Options {
        std::chrono::milliseconds refreshInterval{std::chrono::minutes(2)};
        std::chrono::milliseconds trainInterval{std::chrono::hours(1)};
        recommend::AlsOptions als;
    };

    RecommendTrainer(std::string connectionString, Options options);
    ~RecommendTrainer();

    void start();
    void stop();

private:
    void run();

    std::string m_connectionString;
    Options m_options;
    BackgroundLoop m_loop;
};

} // namespace marquee::server::workers
