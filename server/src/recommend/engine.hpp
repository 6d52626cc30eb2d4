// The recommendation engine inside the server: a snapshot of the upcoming catalog with its
// content and trending models and the newest trained collaborative model, rebuilt by the
// trainer worker (and on first use), read by requests without locks; plus training, which
// stores the model in PostgreSQL so every instance serves the same one.
#pragma once

#include "recommend/hybrid.hpp"

#include <pqxx/pqxx>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace marquee::server::recommend {

struct Snapshot {
    std::int64_t builtAtMs = 0;
    std::vector<EventFeatures> events;              // upcoming catalog events (index = ItemIndex)
    std::unordered_map<std::string, ItemIndex> indexOf;
    ContentModel content;
    TrendingModel trending;
    std::optional<AlsModel> als;                    // event rows in snapshot order (zeros: new events)
    std::unordered_map<std::int64_t, UserIndex> alsUserOf; // users.id -> model row
    std::int64_t modelTrainedAtMs = 0;
    HybridWeights weights;
};

struct TrainingReport {
    std::size_t users = 0;
    std::size_t events = 0;
    std::size_t signals = 0;
    double seconds = 0;
    HybridWeights weights;
    double validationNdcg = 0;
};

class Engine {
public:
    static Engine& instance();

    // The current snapshot; builds one first when there is none (or it is older than maxAge).
    std::shared_ptr<const Snapshot> current(pqxx::connection& conn, std::chrono::seconds maxAge = std::chrono::minutes(10));
    // Rebuilds the snapshot from the database now (catalog, signals, newest stored model).
    std::shared_ptr<const Snapshot> refresh(pqxx::connection& conn, std::int64_t nowMs = 0);
    // Trains ALS on the stored signals, tunes the blend on the last two weeks as a validation
    // split, stores the model (keeping the newest three) and refreshes the snapshot.
    TrainingReport train(pqxx::connection& conn, const AlsOptions& options = {}, std::int64_t nowMs = 0);

private:
    std::mutex m_mutex;
    std::shared_ptr<const Snapshot> m_snapshot;
};

// A user's context for the hybrid ranker: signal history (summed weights, last 180 days),
// booked events, settings (interests, area). nowMs: the clock for "upcoming".
UserContext loadUserContext(pqxx::transaction_base& tx, const Snapshot& snapshot, std::int64_t userId,
                            std::int64_t nowMs);

} // namespace marquee::server::recommend
