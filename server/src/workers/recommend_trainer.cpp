// Snapshot refreshes and scheduled training (see recommend_trainer.hpp).
#include "workers/recommend_trainer.hpp"

#include "common/log.hpp"
#include "db/lock_keys.hpp"
#include "recommend/engine.hpp"

#include <pqxx/pqxx>

namespace marquee::server::workers {

RecommendTrainer::RecommendTrainer(std::string connectionString, Options options)
    : m_connectionString(std::move(connectionString)), m_options(options) {}

RecommendTrainer::~RecommendTrainer() { stop(); }

void RecommendTrainer::start() {
    m_loop.start([this] { run(); });
}

void RecommendTrainer::stop() { m_loop.stop(); }

void RecommendTrainer::run() {
    auto nextTraining = std::chrono::steady_clock::now(); // train soon after start
    while (!m_loop.stopping()) {
        try {
            pqxx::connection conn(m_connectionString);
            while (!m_loop.stopping()) {
                const auto now = std::chrono::steady_clock::now();
                bool trained = false;
                if (now >= nextTraining) {
                    // One trainer across instances; the others only refresh.
                    pqxx::nontransaction lock(conn);
                    if (lock.exec_params1("SELECT pg_try_advisory_lock($1)", db::lockkey::kRecommendTrainer)[0].as<bool>()) {
                        lock.commit();
                        // A failed training throws out of this loop, which closes the
                        // connection: the session lock goes with it.
                        recommend::Engine::instance().train(conn, m_options.als);
                        trained = true;
                        pqxx::nontransaction unlock(conn);
                        unlock.exec_params("SELECT pg_advisory_unlock($1)", db::lockkey::kRecommendTrainer);
                    }
                    nextTraining = now + m_options.trainInterval;
                }
                if (!trained) recommend::Engine::instance().refresh(conn);
                if (!m_loop.sleepFor(m_options.refreshInterval)) return;
            }
        } catch (const std::exception& e) {
            log::warn("recommendation worker failed; retrying", {{"error", e.what()}});
            if (!m_loop.sleepFor(std::chrono::seconds(10))) return;
        }
    }
}

} // namespace marquee::server::workers
