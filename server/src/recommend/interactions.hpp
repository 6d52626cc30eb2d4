// Implicit-feedback signals for the recommenders (issue 8): what a user did with an event, and
// the user × event matrix of confidences the collaborative model trains on. Qt-free, no
// database: the server fills these from its signal table, the evaluation harness from a
// generated data set.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace marquee::server::recommend {

using UserIndex = std::uint32_t;
using ItemIndex = std::uint32_t;

enum class Signal : std::uint8_t { View, SearchClick, WishlistAdd, WishlistRemove, Booking, CheckIn };

std::string_view signalName(Signal signal);
// How much one signal says about taste (confidence units; a removal takes an add back).
float signalWeight(Signal signal);

struct Interaction {
    UserIndex user = 0;
    ItemIndex item = 0;
    Signal signal = Signal::View;
    std::int64_t atMs = 0;
};

// Users × items, compressed rows: the summed signal weights of each (user, item) pair that
// ended positive. Rows are sorted by item.
class ImplicitMatrix {
public:
    ImplicitMatrix() = default;
    // Interactions at or after `untilMs` are left out (0: all), so a temporal split trains on
    // the past only.
    static ImplicitMatrix fromInteractions(std::span<const Interaction> interactions, std::uint32_t users,
                                           std::uint32_t items, std::int64_t untilMs = 0);

    std::uint32_t rows() const { return m_rows; }
    std::uint32_t cols() const { return m_cols; }
    std::size_t nonZeros() const { return m_indices.size(); }
    std::span<const ItemIndex> indices(std::uint32_t row) const {
        return {m_indices.data() + m_rowStart[row], m_indices.data() + m_rowStart[row + 1]};
    }
    std::span<const float> values(std::uint32_t row) const {
        return {m_values.data() + m_rowStart[row], m_values.data() + m_rowStart[row + 1]};
    }
    ImplicitMatrix transposed() const;

private:
    std::uint32_t m_rows = 0;
    std::uint32_t m_cols = 0;
    std::vector<std::size_t> m_rowStart{0};
    std::vector<ItemIndex> m_indices;
    std::vector<float> m_values;
};

} // namespace marquee::server::recommend
