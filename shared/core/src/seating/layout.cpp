// Layout helpers and the flat seat index (wire order of seat-status snapshots).
#include "marquee/core/seating/layout.hpp"
#include "marquee/core/seating/seat_index.hpp"

#include <stdexcept>

namespace marquee::core::seating {

const PriceCategory* Layout::priceCategory(const std::string& categoryId) const {
    for (const auto& category : priceCategories) {
        if (category.id == categoryId) return &category;
    }
    return nullptr;
}

std::size_t Layout::seatCount() const {
    std::size_t count = 0;
    for (const auto& area : areas) {
        for (const auto& row : area.rows) count += row.seats.size();
    }
    return count;
}

std::string Layout::allocateId(char prefix) {
    return std::string(1, prefix) + std::to_string(nextId++);
}

SeatIndex::SeatIndex(const Layout& layout) : m_layout(&layout) {
    const std::size_t seatCount = layout.seatCount();
    if (seatCount > UINT32_MAX) throw std::length_error("layout has more seats than a seat index can number");
    m_locations.reserve(seatCount);
    m_byId.reserve(seatCount);
    for (std::uint32_t a = 0; a < layout.areas.size(); ++a) {
        const Area& area = layout.areas[a];
        for (std::uint32_t r = 0; r < area.rows.size(); ++r) {
            const Row& row = area.rows[r];
            m_rowStarts.push_back(static_cast<std::uint32_t>(m_locations.size()));
            for (std::uint32_t s = 0; s < row.seats.size(); ++s) {
                // First occurrence wins for a duplicate id; validate() reports duplicates.
                m_byId.emplace(row.seats[s].id, static_cast<std::uint32_t>(m_locations.size()));
                m_locations.push_back({a, r, s});
            }
        }
    }
}

std::optional<std::uint32_t> SeatIndex::indexOf(std::string_view seatId) const {
    const auto it = m_byId.find(seatId);
    if (it == m_byId.end()) return std::nullopt;
    return it->second;
}

const Seat& SeatIndex::seat(std::uint32_t index) const {
    const SeatLocation& at = m_locations[index];
    return m_layout->areas[at.area].rows[at.row].seats[at.seat];
}

const Row& SeatIndex::row(std::uint32_t index) const {
    const SeatLocation& at = m_locations[index];
    return m_layout->areas[at.area].rows[at.row];
}

const Area& SeatIndex::area(std::uint32_t index) const { return m_layout->areas[m_locations[index].area]; }

} // namespace marquee::core::seating
