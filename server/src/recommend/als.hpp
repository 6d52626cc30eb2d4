// Collaborative filtering: implicit-feedback ALS (Hu, Koren and Volinsky 2008) with Eigen.
// Confidence c = 1 + alpha * weight for every observed (user, event); each half-step solves
// the regularised least squares for all users (then all events) with a few conjugate-gradient
// steps warm-started from the previous solution (Takács et al. 2011), on every core.
#pragma once

#include "recommend/interactions.hpp"

#include <Eigen/Dense>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::server::recommend {

struct AlsOptions {
    unsigned factors = 64;
    unsigned iterations = 15;
    // Tuned on the generated evaluation set (tests/bench/bench_recommend): strong
    // regularisation keeps 64 factors from overfitting sparse users.
    float regularization = 30.0F;
    float alpha = 1.0F;        // confidence per unit of signal weight
    unsigned cgSteps = 3;
    unsigned threads = 0;      // 0: every hardware thread
    std::uint64_t seed = 42;
};

class AlsModel {
public:
    using Factors = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    // onIteration(i) after each full iteration (progress for the training worker).
    static AlsModel train(const ImplicitMatrix& userItems, const AlsOptions& options,
                          const std::function<void(unsigned iteration)>& onIteration = {});

    std::uint32_t users() const { return static_cast<std::uint32_t>(m_users.rows()); }
    std::uint32_t items() const { return static_cast<std::uint32_t>(m_items.rows()); }
    unsigned factors() const { return static_cast<unsigned>(m_items.cols()); }
    const Factors& userFactors() const { return m_users; }
    const Factors& itemFactors() const { return m_items; }

    // Every event's score for a user vector (out.size() == items()).
    void scoreItems(const Eigen::VectorXf& user, std::span<float> out) const;
    // A user's vector computed from their signals against the trained event factors: users
    // who arrived after training get recommendations without a retrain.
    Eigen::VectorXf foldIn(std::span<const ItemIndex> items, std::span<const float> weights) const;
    // Cosine of two events' factors (explains a recommendation: "because you saved X").
    float itemSimilarity(ItemIndex a, ItemIndex b) const;

    // The same model with its event rows reordered: row r of the result is row from[r] of this
    // model, or zeros where from[r] is empty (events the model never saw).
    AlsModel withItemRows(const std::vector<std::optional<ItemIndex>>& from) const;

    // Little-endian float blob for the model table; nullopt for a damaged blob.
    std::string serialize() const;
    static std::optional<AlsModel> deserialize(std::string_view blob);

private:
    Factors m_users;
    Factors m_items;
    float m_regularization = 0.1F;
    float m_alpha = 2.0F;
};

} // namespace marquee::server::recommend
