// SeatMapGeometry implementation: flattening, the grid index and the spatial queries.
#include "seatmap/seatmapgeometry.h"

#include <QTransform>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marquee::client {

namespace {

// Seat footprint relative to the layout's seat pitch: a little gap to the neighbours, and
// shallower than wide so the drawn rotation reads as "facing".
constexpr double kSeatWidthOfPitch = 0.86;
constexpr double kSeatDepthOfPitch = 0.76;
// Grid cells hold a few seats each; past this many cells per seat the cell grows.
constexpr double kMaxCellsPerSeat = 2.0;

QPointF toQt(core::seating::Point p) { return {p.x, p.y}; }

// The area centroid of a polygon; the bounds' centre when that falls outside it (a thin
// crescent) or the polygon has no area.
QPointF labelAnchorOf(const QPolygonF& outline, const QRectF& bounds)
{
    double twiceArea = 0, cx = 0, cy = 0;
    for (qsizetype i = 0; i < outline.size(); ++i) {
        const QPointF a = outline[i];
        const QPointF b = outline[(i + 1) % outline.size()];
        const double cross = a.x() * b.y() - b.x() * a.y();
        twiceArea += cross;
        cx += (a.x() + b.x()) * cross;
        cy += (a.y() + b.y()) * cross;
    }
    if (std::abs(twiceArea) < 1e-9)
        return bounds.center();
    const QPointF centroid(cx / (3 * twiceArea), cy / (3 * twiceArea));
    return outline.containsPoint(centroid, Qt::OddEvenFill) ? centroid : bounds.center();
}

// The smallest y at which the vertical line x crosses the outline (its top there).
double topAt(const QPolygonF& outline, double x, double fallback)
{
    double top = std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i < outline.size(); ++i) {
        const QPointF a = outline[i];
        const QPointF b = outline[(i + 1) % outline.size()];
        if ((a.x() - x) * (b.x() - x) > 0 || a.x() == b.x())
            continue;
        top = std::min(top, a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x()));
    }
    return std::isfinite(top) ? top : fallback;
}

} // namespace

SeatMapGeometry::SeatMapGeometry(std::shared_ptr<const core::seating::Layout> layout)
    : m_layout(std::move(layout)), m_index(*m_layout)
{
    const core::seating::Layout& l = *m_layout;
    const double pitch = l.seatPitch > 1 ? l.seatPitch : 50.0;
    m_seatWidth = pitch * kSeatWidthOfPitch;
    m_seatDepth = pitch * kSeatDepthOfPitch;
    m_seatRadius = std::hypot(m_seatWidth, m_seatDepth) / 2;

    const std::uint32_t n = m_index.size();
    m_centres.reserve(n);
    m_rotations.reserve(n);
    m_seatArea.reserve(n);
    m_seatRow.reserve(n);
    m_seatCategory.reserve(n);
    m_seatFlags.reserve(n);

    auto categoryIndex = [&l](const std::string& id) -> std::uint8_t {
        for (std::size_t i = 0; i < l.priceCategories.size() && i < 254; ++i)
            if (l.priceCategories[i].id == id)
                return static_cast<std::uint8_t>(i + 1);
        return 0;
    };
    // Categories are looked up once per distinct id (rows share one almost always).
    std::string lastCategoryId;
    std::uint8_t lastCategory = 0;

    QRectF bounds;
    for (std::uint32_t a = 0; a < l.areas.size(); ++a) {
        const core::seating::Area& area = l.areas[a];
        AreaShape shape;
        shape.id = QString::fromStdString(area.id);
        shape.label = QString::fromStdString(area.label);
        shape.generalAdmission = area.kind == core::seating::AreaKind::GeneralAdmission;
        shape.capacity = area.capacity;
        shape.category = categoryIndex(area.priceCategoryId);
        shape.firstSeat = static_cast<std::uint32_t>(m_centres.size());
        for (const core::seating::Point& p : area.outline)
            shape.outline << toQt(p);
        QRectF seatBox;
        for (const core::seating::Row& row : area.rows) {
            RowShape rs;
            rs.label = QString::fromStdString(row.label);
            rs.firstSeat = static_cast<std::uint32_t>(m_centres.size());
            rs.seatCount = static_cast<std::uint32_t>(row.seats.size());
            rs.circular = row.circular;
            if (row.tableCentre)
                rs.tableCentre = toQt(*row.tableCentre);
            rs.tableRadius = row.tableRadius;
            const auto rowNumber = static_cast<std::uint32_t>(m_rows.size());
            for (const core::seating::Seat& seat : row.seats) {
                const QPointF c = toQt(seat.position);
                m_centres.push_back(c);
                m_rotations.push_back(static_cast<float>(seat.rotationDeg));
                m_seatArea.push_back(a);
                m_seatRow.push_back(rowNumber);
                if (seat.priceCategoryId != lastCategoryId) {
                    lastCategoryId = seat.priceCategoryId;
                    lastCategory = categoryIndex(lastCategoryId);
                }
                m_seatCategory.push_back(lastCategory);
                m_seatFlags.push_back(seat.flags);
                seatBox |= QRectF(c.x() - m_seatRadius, c.y() - m_seatRadius, 2 * m_seatRadius, 2 * m_seatRadius);
            }
            if (rs.tableCentre && rs.tableRadius > 0)
                m_tables.push_back(rowNumber);
            if (rs.tableCentre && rs.tableRadius > 0)
                seatBox |= QRectF(*rs.tableCentre - QPointF(rs.tableRadius, rs.tableRadius),
                                  QSizeF(2 * rs.tableRadius, 2 * rs.tableRadius));
            m_rows.push_back(std::move(rs));
        }
        shape.seatCount = static_cast<std::uint32_t>(m_centres.size()) - shape.firstSeat;
        if (shape.outline.size() < 3 && seatBox.isValid())
            shape.outline = QPolygonF(seatBox.adjusted(-pitch / 2, -pitch / 2, pitch / 2, pitch / 2));
        shape.bounds = shape.outline.boundingRect() | seatBox;
        shape.labelAnchor = labelAnchorOf(shape.outline, shape.bounds);
        shape.labelTop = topAt(shape.outline, shape.labelAnchor.x(), shape.bounds.top());
        bounds |= shape.bounds;
        m_areas.push_back(std::move(shape));
    }
    const QSizeF stage(l.stageWidth > 0 ? l.stageWidth : 12 * pitch, l.stageHeight > 0 ? l.stageHeight : 3 * pitch);
    m_stageRect = QRectF(toQt(l.focalPoint) - QPointF(stage.width() / 2, stage.height() / 2), stage);
    bounds |= m_stageRect;
    if (l.areas.empty() && l.width > 0 && l.height > 0)
        bounds |= QRectF(0, 0, l.width, l.height); // an empty plan still has a size
    m_planBounds = bounds;
    buildGrid();
}

void SeatMapGeometry::buildGrid()
{
    const std::uint32_t n = seatCount();
    m_cellStart.clear();
    m_cellSeats.clear();
    if (n == 0)
        return;
    QRectF box;
    {
        double x0 = m_centres[0].x(), x1 = x0, y0 = m_centres[0].y(), y1 = y0;
        for (const QPointF& c : m_centres) {
            x0 = std::min(x0, c.x());
            x1 = std::max(x1, c.x());
            y0 = std::min(y0, c.y());
            y1 = std::max(y1, c.y());
        }
        box = QRectF(QPointF(x0, y0), QPointF(x1, y1)).adjusted(-1, -1, 1, 1);
    }
    m_gridBounds = box;
    // About two seat pitches per cell; coarser when that would mean far more cells than seats.
    double cell = std::max(m_seatWidth * 2.4, 1.0);
    while ((box.width() / cell) * (box.height() / cell) > kMaxCellsPerSeat * n + 16)
        cell *= 1.5;
    m_cellSize = cell;
    m_columns = std::max(1, static_cast<int>(std::ceil(box.width() / cell)));
    m_gridRows = std::max(1, static_cast<int>(std::ceil(box.height() / cell)));
    const std::size_t cells = static_cast<std::size_t>(m_columns) * static_cast<std::size_t>(m_gridRows);

    // Counting sort by cell: two passes, no per-cell allocations.
    std::vector<std::uint32_t> cellOf(n);
    m_cellStart.assign(cells + 1, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        const int cx = std::clamp(static_cast<int>((m_centres[i].x() - box.left()) / cell), 0, m_columns - 1);
        const int cy = std::clamp(static_cast<int>((m_centres[i].y() - box.top()) / cell), 0, m_gridRows - 1);
        cellOf[i] = static_cast<std::uint32_t>(cy * m_columns + cx);
        ++m_cellStart[cellOf[i] + 1];
    }
    for (std::size_t c = 0; c < cells; ++c)
        m_cellStart[c + 1] += m_cellStart[c];
    m_cellSeats.resize(n);
    std::vector<std::uint32_t> fill(m_cellStart.begin(), m_cellStart.end() - 1);
    for (std::uint32_t i = 0; i < n; ++i)
        m_cellSeats[fill[cellOf[i]]++] = i;
}

SeatMapGeometry::CellRange SeatMapGeometry::cellsFor(const QRectF& plan) const
{
    auto clampX = [this](double x) {
        return std::clamp(static_cast<int>(std::floor((x - m_gridBounds.left()) / m_cellSize)), 0, m_columns - 1);
    };
    auto clampY = [this](double y) {
        return std::clamp(static_cast<int>(std::floor((y - m_gridBounds.top()) / m_cellSize)), 0, m_gridRows - 1);
    };
    if (!plan.intersects(m_gridBounds))
        return {0, 0, -1, -1};
    return {clampX(plan.left()), clampY(plan.top()), clampX(plan.right()), clampY(plan.bottom())};
}

QRectF SeatMapGeometry::seatBounds(std::uint32_t seat) const
{
    const QPointF c = m_centres[seat];
    return {c.x() - m_seatRadius, c.y() - m_seatRadius, 2 * m_seatRadius, 2 * m_seatRadius};
}

std::optional<std::uint32_t> SeatMapGeometry::seatAt(QPointF plan) const
{
    std::optional<std::uint32_t> best;
    double bestDistance = 0;
    const QRectF probe(plan, QSizeF(0, 0));
    forEachSeatNear(probe, [&](std::uint32_t i) {
        const QPointF d = plan - m_centres[i];
        // Into the seat's own frame: undo its rotation.
        const double a = -static_cast<double>(m_rotations[i]) * M_PI / 180.0;
        const double lx = d.x() * std::cos(a) - d.y() * std::sin(a);
        const double ly = d.x() * std::sin(a) + d.y() * std::cos(a);
        if (std::abs(lx) > m_seatWidth / 2 || std::abs(ly) > m_seatDepth / 2)
            return;
        const double distance = lx * lx + ly * ly;
        if (!best || distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    });
    return best;
}

std::optional<std::uint32_t> SeatMapGeometry::nearestTo(QPointF plan) const
{
    std::optional<std::uint32_t> best;
    double bestDistance = 0;
    for (double reach = m_cellSize; !best && reach < 4 * std::max(m_planBounds.width(), m_planBounds.height()) + m_cellSize;
         reach *= 2) {
        forEachSeatNear(QRectF(plan - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach)), [&](std::uint32_t i) {
            const QPointF d = m_centres[i] - plan;
            const double distance = QPointF::dotProduct(d, d);
            if (distance <= reach * reach && (!best || distance < bestDistance)) {
                best = i;
                bestDistance = distance;
            }
        });
    }
    return best;
}

std::optional<std::uint32_t> SeatMapGeometry::nearestInDirection(std::uint32_t from, QPointF direction) const
{
    const QPointF origin = m_centres[from];
    const double cos60 = 0.5;
    std::optional<std::uint32_t> best;
    double bestScore = 0;
    const double limit = 2 * std::max(m_planBounds.width(), m_planBounds.height()) + m_cellSize;
    // Widen the search square until it holds a candidate: a seat's score is at least its
    // distance, so once the best score fits inside the square nothing outside can beat it.
    for (double reach = 2 * m_cellSize; reach < 2 * limit; reach *= 2) {
        forEachSeatNear(QRectF(origin - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach)), [&](std::uint32_t i) {
            if (i == from)
                return;
            const QPointF d = m_centres[i] - origin;
            const double along = QPointF::dotProduct(d, direction);
            const double distance = std::hypot(d.x(), d.y());
            if (distance < 1e-6 || along < cos60 * distance)
                return;
            const double across = std::sqrt(std::max(0.0, distance * distance - along * along));
            const double score = along + 2 * across;
            if (!best || score < bestScore || (score == bestScore && i < *best)) {
                best = i;
                bestScore = score;
            }
        });
        if (best && bestScore <= reach)
            break;
    }
    return best;
}

} // namespace marquee::client
