// Implicit ALS with conjugate-gradient half-steps (see als.hpp).
#include "recommend/als.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

namespace marquee::server::recommend {

namespace {

using Factors = AlsModel::Factors;

// Solves every row of `x` against the fixed factors `y` for the rows of `matrix`:
//   (YᵀY + Yᵀ(C − I)Y + λI) x_u = Yᵀ C p_u
// with `cgSteps` conjugate-gradient steps from the current x_u.
void solveHalf(const ImplicitMatrix& matrix, const Factors& y, Factors& x, float lambda, float alpha, unsigned cgSteps,
               unsigned threads) {
    const Eigen::MatrixXf yty = (y.transpose() * y).eval();
    const auto k = static_cast<Eigen::Index>(y.cols());
    const auto solveRange = [&](std::uint32_t begin, std::uint32_t end) {
        Eigen::VectorXf r(k), p(k), ap(k);
        for (std::uint32_t u = begin; u < end; ++u) {
            const auto items = matrix.indices(u);
            auto xu = x.row(u).transpose();
            if (items.empty()) {
                xu.setZero();
                continue;
            }
            const auto weights = matrix.values(u);
            // r = b − A x, with b = Σ c_i y_i and A x = YᵀY x + Σ (c_i − 1)(y_i · x) y_i + λx
            r.noalias() = -(yty * xu);
            r -= lambda * xu;
            for (std::size_t n = 0; n < items.size(); ++n) {
                const auto yi = y.row(items[n]).transpose();
                const float c = 1.0F + alpha * weights[n];
                r += (c - (c - 1.0F) * yi.dot(xu)) * yi;
            }
            p = r;
            float rsOld = r.squaredNorm();
            for (unsigned step = 0; step < cgSteps && rsOld > 1e-10F; ++step) {
                ap.noalias() = yty * p;
                ap += lambda * p;
                for (std::size_t n = 0; n < items.size(); ++n) {
                    const auto yi = y.row(items[n]).transpose();
                    ap += (alpha * weights[n] * yi.dot(p)) * yi;
                }
                const float stepSize = rsOld / p.dot(ap);
                xu += stepSize * p;
                r -= stepSize * ap;
                const float rsNew = r.squaredNorm();
                p = r + (rsNew / rsOld) * p;
                rsOld = rsNew;
            }
        }
    };
    const std::uint32_t rows = matrix.rows();
    threads = std::max(1U, std::min(threads, rows));
    if (threads == 1) {
        solveRange(0, rows);
        return;
    }
    // Interleaved blocks balance users with many signals across threads.
    constexpr std::uint32_t kBlock = 256;
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (std::uint32_t begin = t * kBlock; begin < rows; begin += threads * kBlock)
                solveRange(begin, std::min(rows, begin + kBlock));
        });
    }
    for (auto& thread : pool) thread.join();
}

Factors randomFactors(std::uint32_t rows, unsigned factors, std::mt19937_64& rng) {
    std::normal_distribution<float> normal(0.0F, 0.01F);
    Factors f(rows, factors);
    for (Eigen::Index i = 0; i < f.size(); ++i) f.data()[i] = normal(rng);
    return f;
}

} // namespace

AlsModel AlsModel::train(const ImplicitMatrix& userItems, const AlsOptions& options,
                         const std::function<void(unsigned)>& onIteration) {
    const unsigned threads = options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
    std::mt19937_64 rng(options.seed);
    AlsModel model;
    model.m_regularization = options.regularization;
    model.m_alpha = options.alpha;
    model.m_users = Factors::Zero(userItems.rows(), options.factors);
    model.m_items = randomFactors(userItems.cols(), options.factors, rng);
    const auto itemUsers = userItems.transposed();
    for (unsigned iteration = 0; iteration < options.iterations; ++iteration) {
        solveHalf(userItems, model.m_items, model.m_users, options.regularization, options.alpha, options.cgSteps, threads);
        solveHalf(itemUsers, model.m_users, model.m_items, options.regularization, options.alpha, options.cgSteps, threads);
        if (onIteration) onIteration(iteration + 1);
    }
    return model;
}

void AlsModel::scoreItems(const Eigen::VectorXf& user, std::span<float> out) const {
    Eigen::Map<Eigen::VectorXf> scores(out.data(), static_cast<Eigen::Index>(out.size()));
    scores.noalias() = m_items * user;
}

Eigen::VectorXf AlsModel::foldIn(std::span<const ItemIndex> items, std::span<const float> weights) const {
    // One exact solve of the user's half-step: (YᵀY + Yᵀ(C − I)Y + λI) x = Yᵀ C p.
    const auto k = m_items.cols();
    Eigen::MatrixXf a = m_items.transpose() * m_items;
    a.diagonal().array() += m_regularization;
    Eigen::VectorXf b = Eigen::VectorXf::Zero(k);
    for (std::size_t n = 0; n < items.size() && n < weights.size(); ++n) {
        if (static_cast<Eigen::Index>(items[n]) >= m_items.rows() || weights[n] <= 0) continue;
        const auto yi = m_items.row(items[n]).transpose();
        const float c = 1.0F + m_alpha * weights[n];
        a.noalias() += (c - 1.0F) * yi * yi.transpose();
        b += c * yi;
    }
    return a.ldlt().solve(b);
}

float AlsModel::itemSimilarity(ItemIndex a, ItemIndex b) const {
    if (static_cast<Eigen::Index>(std::max(a, b)) >= m_items.rows()) return 0;
    const auto ya = m_items.row(a);
    const auto yb = m_items.row(b);
    const float norms = ya.norm() * yb.norm();
    return norms > 0 ? ya.dot(yb) / norms : 0.0F;
}

AlsModel AlsModel::withItemRows(const std::vector<std::optional<ItemIndex>>& from) const {
    AlsModel out;
    out.m_regularization = m_regularization;
    out.m_alpha = m_alpha;
    out.m_users = m_users;
    out.m_items = Factors::Zero(static_cast<Eigen::Index>(from.size()), m_items.cols());
    for (std::size_t r = 0; r < from.size(); ++r)
        if (from[r] && static_cast<Eigen::Index>(*from[r]) < m_items.rows())
            out.m_items.row(static_cast<Eigen::Index>(r)) = m_items.row(*from[r]);
    return out;
}

std::string AlsModel::serialize() const {
    // Header: magic, users, items, factors (uint32 each), regularization, alpha; then the factors.
    const std::uint32_t header[4] = {0x534C414DU /* "MALS" */, users(), items(), factors()};
    std::string blob(sizeof header + 2 * sizeof(float), '\0');
    std::memcpy(blob.data(), header, sizeof header);
    std::memcpy(blob.data() + sizeof header, &m_regularization, sizeof(float));
    std::memcpy(blob.data() + sizeof header + sizeof(float), &m_alpha, sizeof(float));
    blob.append(reinterpret_cast<const char*>(m_users.data()), static_cast<std::size_t>(m_users.size()) * sizeof(float));
    blob.append(reinterpret_cast<const char*>(m_items.data()), static_cast<std::size_t>(m_items.size()) * sizeof(float));
    return blob;
}

std::optional<AlsModel> AlsModel::deserialize(std::string_view blob) {
    std::uint32_t header[4];
    constexpr std::size_t kHead = sizeof header + 2 * sizeof(float);
    if (blob.size() < kHead) return std::nullopt;
    std::memcpy(header, blob.data(), sizeof header);
    if (header[0] != 0x534C414DU || header[3] == 0 || header[3] > 1024) return std::nullopt;
    const std::size_t userFloats = std::size_t{header[1]} * header[3];
    const std::size_t itemFloats = std::size_t{header[2]} * header[3];
    if (blob.size() != kHead + (userFloats + itemFloats) * sizeof(float)) return std::nullopt;
    AlsModel model;
    std::memcpy(&model.m_regularization, blob.data() + sizeof header, sizeof(float));
    std::memcpy(&model.m_alpha, blob.data() + sizeof header + sizeof(float), sizeof(float));
    model.m_users.resize(header[1], header[3]);
    model.m_items.resize(header[2], header[3]);
    std::memcpy(model.m_users.data(), blob.data() + kHead, userFloats * sizeof(float));
    std::memcpy(model.m_items.data(), blob.data() + kHead + userFloats * sizeof(float), itemFloats * sizeof(float));
    return model;
}

} // namespace marquee::server::recommend
