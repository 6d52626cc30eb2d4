// SeatMapGeometry: a layout flattened for drawing and hit testing (seat centres, shapes,
// area outlines and a uniform-grid spatial index), rebuilt whenever the layout changes.
#pragma once

#include "marquee/core/seating/seat_index.hpp"

#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace marquee::client {

class SeatMapGeometry {
public:
    static constexpr std::uint32_t kNoArea = 0xffffffffU;

    struct AreaShape {
        QString id;
        QString label;
        bool generalAdmission = false;
        QPolygonF outline;      // plan coordinates; a box around the seats when none is given
        QRectF bounds;
        // Where labels go: the block label centred on labelAnchor (the outline's centroid,
        // so a curved section's label stays on it), the name when seats are drawn above
        // labelTop (where the vertical through labelAnchor enters the outline).
        QPointF labelAnchor;
        double labelTop = 0;
        std::uint32_t firstSeat = 0;
        std::uint32_t seatCount = 0;
        std::uint8_t category = 0; // general admission: its price category (index + 1), 0 none
        std::uint32_t capacity = 0;
    };
    struct RowShape {
        QString label;
        std::uint32_t firstSeat = 0;
        std::uint32_t seatCount = 0;
        bool circular = false;
        std::optional<QPointF> tableCentre;
        double tableRadius = 0;
    };

    SeatMapGeometry() = default;
    explicit SeatMapGeometry(std::shared_ptr<const core::seating::Layout> layout);

    const core::seating::Layout* layout() const { return m_layout.get(); }
    const core::seating::SeatIndex& index() const { return m_index; }
    std::uint32_t seatCount() const { return static_cast<std::uint32_t>(m_centres.size()); }

    QPointF centre(std::uint32_t seat) const { return m_centres[seat]; }
    float rotation(std::uint32_t seat) const { return m_rotations[seat]; }
    std::uint32_t areaOf(std::uint32_t seat) const { return m_seatArea[seat]; }
    std::uint32_t rowOf(std::uint32_t seat) const { return m_seatRow[seat]; }
    std::uint8_t categoryOf(std::uint32_t seat) const { return m_seatCategory[seat]; } // index + 1; 0 none
    std::uint8_t flagsOf(std::uint32_t seat) const { return m_seatFlags[seat]; }
    const std::vector<AreaShape>& areas() const { return m_areas; }
    const std::vector<RowShape>& rows() const { return m_rows; }
    const std::vector<std::uint32_t>& tables() const { return m_tables; } // rows drawn round a table

    // Seat footprint: a rectangle seatWidth() x seatDepth() around the centre, rotated.
    double seatWidth() const { return m_seatWidth; }
    double seatDepth() const { return m_seatDepth; }
    // Radius of the circle that holds any seat footprint (for culling and dirty rects).
    double seatRadius() const { return m_seatRadius; }
    QRectF seatBounds(std::uint32_t seat) const;
    // The stage drawn at the focal point (12 x 3 seat pitches), plan coordinates.
    QRectF stageRect() const { return m_stageRect; }
    // Everything drawn (areas, seats, the stage), plan coordinates.
    QRectF planBounds() const { return m_planBounds; }

    // Seats whose footprint may intersect `plan` (grid cells overlapping it), unordered.
    template <typename Fn> void forEachSeatNear(const QRectF& plan, Fn&& fn) const;
    // The seat whose rotated footprint contains the point, nearest centre first.
    std::optional<std::uint32_t> seatAt(QPointF plan) const;
    // The nearest seat in a direction (unit vector, plan coordinates) from `from`: only seats
    // within 60 degrees of the direction count, off-axis distance weighs double.
    std::optional<std::uint32_t> nearestInDirection(std::uint32_t from, QPointF direction) const;
    std::optional<std::uint32_t> nearestTo(QPointF plan) const;

private:
    struct CellRange {
        int x0, y0, x1, y1;
    };
    CellRange cellsFor(const QRectF& plan) const;
    void buildGrid();

    std::shared_ptr<const core::seating::Layout> m_layout;
    core::seating::SeatIndex m_index;
    std::vector<QPointF> m_centres;
    std::vector<float> m_rotations;
    std::vector<std::uint32_t> m_seatArea;
    std::vector<std::uint32_t> m_seatRow;
    std::vector<std::uint8_t> m_seatCategory;
    std::vector<std::uint8_t> m_seatFlags;
    std::vector<AreaShape> m_areas;
    std::vector<RowShape> m_rows;
    std::vector<std::uint32_t> m_tables;
    double m_seatWidth = 43;
    double m_seatDepth = 38;
    double m_seatRadius = 29;
    QRectF m_planBounds;
    QRectF m_stageRect;

    // Uniform grid over the seat bounds, compressed rows: the seats of cell c are
    // m_cellSeats[m_cellStart[c] .. m_cellStart[c + 1]).
    QRectF m_gridBounds;
    double m_cellSize = 100;
    int m_columns = 0;
    int m_gridRows = 0;
    std::vector<std::uint32_t> m_cellStart;
    std::vector<std::uint32_t> m_cellSeats;
};

template <typename Fn> void SeatMapGeometry::forEachSeatNear(const QRectF& plan, Fn&& fn) const
{
    if (m_cellStart.empty())
        return;
    const CellRange r = cellsFor(plan.adjusted(-m_seatRadius, -m_seatRadius, m_seatRadius, m_seatRadius));
    for (int y = r.y0; y <= r.y1; ++y) {
        const std::size_t rowBase = static_cast<std::size_t>(y) * static_cast<std::size_t>(m_columns);
        const std::uint32_t begin = m_cellStart[rowBase + static_cast<std::size_t>(r.x0)];
        const std::uint32_t end = m_cellStart[rowBase + static_cast<std::size_t>(r.x1) + 1];
        for (std::uint32_t i = begin; i < end; ++i)
            fn(m_cellSeats[i]);
    }
}

} // namespace marquee::client
