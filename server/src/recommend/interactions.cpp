// Signal weights and the compressed user × item confidence matrix.
#include "recommend/interactions.hpp"

#include <algorithm>
#include <numeric>

namespace marquee::server::recommend {

std::string_view signalName(Signal signal) {
    switch (signal) {
    case Signal::View: return "view";
    case Signal::SearchClick: return "search_click";
    case Signal::WishlistAdd: return "wishlist_add";
    case Signal::WishlistRemove: return "wishlist_remove";
    case Signal::Booking: return "booking";
    case Signal::CheckIn: return "check_in";
    }
    return "view";
}

float signalWeight(Signal signal) {
    switch (signal) {
    case Signal::View: return 1.0F;
    case Signal::SearchClick: return 1.5F;
    case Signal::WishlistAdd: return 4.0F;
    case Signal::WishlistRemove: return -4.0F;
    case Signal::Booking: return 10.0F;
    case Signal::CheckIn: return 4.0F; // on top of the booking it follows
    }
    return 0.0F;
}

ImplicitMatrix ImplicitMatrix::fromInteractions(std::span<const Interaction> interactions, std::uint32_t users,
                                                std::uint32_t items, std::int64_t untilMs) {
    struct Cell {
        std::uint64_t key;
        float weight;
    };
    std::vector<Cell> cells;
    cells.reserve(interactions.size());
    for (const auto& i : interactions) {
        if (i.user >= users || i.item >= items || (untilMs != 0 && i.atMs >= untilMs)) continue;
        cells.push_back({(std::uint64_t{i.user} << 32) | i.item, signalWeight(i.signal)});
    }
    std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.key < b.key; });
    ImplicitMatrix m;
    m.m_rows = users;
    m.m_cols = items;
    m.m_rowStart.assign(std::size_t{users} + 1, 0);
    for (std::size_t i = 0; i < cells.size();) {
        std::size_t j = i;
        float sum = 0;
        while (j < cells.size() && cells[j].key == cells[i].key) sum += cells[j++].weight;
        if (sum > 0) {
            const auto user = static_cast<std::uint32_t>(cells[i].key >> 32);
            m.m_indices.push_back(static_cast<ItemIndex>(cells[i].key & 0xFFFF'FFFFU));
            m.m_values.push_back(sum);
            ++m.m_rowStart[std::size_t{user} + 1];
        }
        i = j;
    }
    std::partial_sum(m.m_rowStart.begin(), m.m_rowStart.end(), m.m_rowStart.begin());
    return m;
}

ImplicitMatrix ImplicitMatrix::transposed() const {
    ImplicitMatrix t;
    t.m_rows = m_cols;
    t.m_cols = m_rows;
    t.m_rowStart.assign(std::size_t{m_cols} + 1, 0);
    for (const auto col : m_indices) ++t.m_rowStart[std::size_t{col} + 1];
    std::partial_sum(t.m_rowStart.begin(), t.m_rowStart.end(), t.m_rowStart.begin());
    t.m_indices.resize(m_indices.size());
    t.m_values.resize(m_values.size());
    std::vector<std::size_t> next(t.m_rowStart.begin(), t.m_rowStart.end() - 1);
    for (std::uint32_t row = 0; row < m_rows; ++row) {
        for (std::size_t k = m_rowStart[row]; k < m_rowStart[row + 1]; ++k) {
            const auto slot = next[m_indices[k]]++;
            t.m_indices[slot] = row;
            t.m_values[slot] = m_values[k];
        }
    }
    return t;
}

} // namespace marquee::server::recommend
