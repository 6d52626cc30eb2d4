// A flat numbering of a layout's seats: the wire order of seat-status snapshots (one byte per
// seat), and id <-> position lookup. Order: areas, then rows, then seats, as stored.
#pragma once

#include "marquee/core/seating/layout.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace marquee::core::seating {

// Per-event seat status, one byte per seat on the wire. HeldByMe is only ever sent to the
// holder; everyone else sees Held.
enum class SeatStatus : std::uint8_t {
    Available = 0,
    Held = 1,
    HeldByMe = 2,
    Sold = 3,
    Blocked = 4,
    Leased = 5,
};
inline constexpr std::uint8_t kSeatStatusCount = 6;

struct SeatLocation {
    std::uint32_t area = 0;
    std::uint32_t row = 0;
    std::uint32_t seat = 0;
};

class SeatIndex {
public:
    SeatIndex() = default;
    explicit SeatIndex(const Layout& layout); // keeps a pointer: the layout must outlive it

    std::uint32_t size() const { return static_cast<std::uint32_t>(m_locations.size()); }
    std::optional<std::uint32_t> indexOf(std::string_view seatId) const;
    const SeatLocation& location(std::uint32_t index) const { return m_locations[index]; }
    const Seat& seat(std::uint32_t index) const;
    const Row& row(std::uint32_t index) const;
    const Area& area(std::uint32_t index) const;
    // First flat index of each row (rows numbered in layout order), so a row's seats are
    // [rowStart(r), rowStart(r) + seats).
    const std::vector<std::uint32_t>& rowStarts() const { return m_rowStarts; }

private:
    const Layout* m_layout = nullptr;
    std::vector<SeatLocation> m_locations;
    std::vector<std::uint32_t> m_rowStarts;
    std::unordered_map<std::string_view, std::uint32_t> m_byId;
};

} // namespace marquee::core::seating
