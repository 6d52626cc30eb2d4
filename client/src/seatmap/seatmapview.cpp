// SeatMapView implementation: view transform, tile cache with dirty regions, input, selection
// and keyboard navigation.
#include "seatmap/seatmapview.h"

#include "models/eventformat.h"
#include "seatmap/seatmapaccessible.h"
#include "seatmap/seatmapstyle.h"

#include <QAccessible>
#include <QElapsedTimer>
#include <QGestureEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <utility>

namespace marquee::client {

using core::seating::SeatStatus;

namespace {

// Tiles kept beyond the visible ones (panning back is free); 256x256x4 bytes each.
constexpr int kMaxCachedTiles = 160;
// Past this many changed seats in one tile, one re-render of the tile beats many small ones
// (measured with bench_seatmap: a region costs about a fifth of a 256 px tile).
constexpr std::size_t kMaxDirtyRectsPerTile = 5;
constexpr int kMinimapMaxSide = 160;
constexpr int kMinimapMargin = 10;
constexpr double kWheelStep = 1.0015; // zoom factor per 1/8 degree of wheel turn

quint64 tileKey(int tx, int ty)
{
    return (static_cast<quint64>(static_cast<quint32>(tx)) << 32) | static_cast<quint32>(ty);
}

} // namespace

bool SeatMapInteraction::mousePress(SeatMapView&, QPointF, QMouseEvent*) { return false; }
bool SeatMapInteraction::mouseMove(SeatMapView&, QPointF, QMouseEvent*) { return false; }
bool SeatMapInteraction::mouseRelease(SeatMapView&, QPointF, QMouseEvent*) { return false; }
bool SeatMapInteraction::keyPress(SeatMapView&, QKeyEvent*) { return false; }
bool SeatMapOverlay::paintBelow(QPainter&, const QTransform&) { return false; }

SeatMapView::SeatMapView(QWidget* parent) : QWidget(parent)
{
    installSeatMapAccessibility();
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
    grabGesture(Qt::PinchGesture);
    setAccessibleName(tr("Seat map"));
}

SeatMapView::~SeatMapView() = default;

// ---------------------------------------------------------------------------------------
// Layout and status

void SeatMapView::setSeatingLayout(std::shared_ptr<const core::seating::Layout> layout)
{
    const std::uint32_t previousSeats = m_geometry.seatCount();
    const bool firstLayout = !m_layout;
    m_layout = std::move(layout);
    m_geometry = m_layout ? SeatMapGeometry(m_layout) : SeatMapGeometry();
    const std::uint32_t seats = m_geometry.seatCount();
    if (seats != previousSeats) {
        // Flat indexes now mean other seats: status and selection cannot carry over.
        m_state.status.clear();
        m_selected.assign(seats, 0);
        m_selectedCount = 0;
        m_current.reset();
        m_hovered.reset();
    }
    rebuildDerivedState();
    if (firstLayout || seats != previousSeats)
        m_fitPending = true;
    if (m_fitPending && width() > 0 && height() > 0 && isVisible())
        fitToView();
    invalidateTiles();
    Q_EMIT selectionChanged();
    Q_EMIT statusChanged();
}

void SeatMapView::rebuildDerivedState()
{
    if (m_state.hasStatus() && static_cast<std::uint32_t>(m_state.status.size()) != m_geometry.seatCount())
        m_state.status.clear();
    recountAvailability();
    m_minimapDirty = true;
}

void SeatMapView::recountAvailability()
{
    const auto& areas = m_geometry.areas();
    m_state.areaAvailable.assign(areas.size(), 0);
    for (std::uint32_t a = 0; a < areas.size(); ++a) {
        std::uint32_t free = 0;
        for (std::uint32_t i = areas[a].firstSeat; i < areas[a].firstSeat + areas[a].seatCount; ++i)
            free += m_state.statusOf(i) == SeatStatus::Available ? 1U : 0U;
        m_state.areaAvailable[a] = free;
    }
}

std::uint32_t SeatMapView::availableInArea(std::uint32_t area) const
{
    return area < m_state.areaAvailable.size() ? m_state.areaAvailable[area] : 0;
}

void SeatMapView::setStatus(const QByteArray& oneBytePerSeat)
{
    if (!oneBytePerSeat.isEmpty() && static_cast<std::uint32_t>(oneBytePerSeat.size()) != m_geometry.seatCount()) {
        qWarning("SeatMapView: status for %lld seats, layout has %u; ignored",
                 static_cast<long long>(oneBytePerSeat.size()), m_geometry.seatCount());
        return;
    }
    const QByteArray previous = m_state.status;
    m_state.status = oneBytePerSeat;
    // Unknown status bytes (a newer server) read as Blocked: never offered for sale.
    for (char& byte : m_state.status)
        if (static_cast<std::uint8_t>(byte) >= core::seating::kSeatStatusCount)
            byte = static_cast<char>(SeatStatus::Blocked);
    recountAvailability();
    m_minimapDirty = true;
    if (previous.size() == m_state.status.size()) {
        // A resubscribe brings a snapshot that mostly matches: repaint only the differences.
        std::vector<std::uint32_t> changed;
        for (qsizetype i = 0; i < previous.size(); ++i)
            if (previous[i] != m_state.status[i])
                changed.push_back(static_cast<std::uint32_t>(i));
        for (std::uint32_t seat : changed)
            markSeatDirty(seat);
    } else {
        invalidateTiles();
    }
    // A selected seat that someone else took is no longer selectable: drop it.
    bool dropped = false;
    for (std::uint32_t i = 0; i < m_selected.size(); ++i) {
        if (m_selected[i] && !isSelectable(i)) {
            m_selected[i] = 0;
            --m_selectedCount;
            dropped = true;
        }
    }
    if (dropped)
        Q_EMIT selectionChanged();
    Q_EMIT statusChanged();
}

void SeatMapView::applyStatusDelta(const std::vector<std::uint32_t>& seats, const QByteArray& statuses)
{
    if (!m_state.hasStatus() || static_cast<qsizetype>(seats.size()) != statuses.size())
        return;
    bool selectionDropped = false;
    for (std::size_t k = 0; k < seats.size(); ++k) {
        const std::uint32_t seat = seats[k];
        if (seat >= m_geometry.seatCount())
            continue;
        auto value = static_cast<std::uint8_t>(statuses[static_cast<qsizetype>(k)]);
        if (value >= core::seating::kSeatStatusCount)
            value = static_cast<std::uint8_t>(SeatStatus::Blocked);
        char& byte = m_state.status[static_cast<qsizetype>(seat)];
        const auto before = static_cast<SeatStatus>(byte);
        const auto after = static_cast<SeatStatus>(value);
        if (before == after)
            continue;
        byte = static_cast<char>(value);
        const std::uint32_t area = m_geometry.areaOf(seat);
        if (before == SeatStatus::Available)
            --m_state.areaAvailable[area];
        if (after == SeatStatus::Available)
            ++m_state.areaAvailable[area];
        markSeatDirty(seat);
        if (m_selected[seat] && !isSelectable(seat)) {
            m_selected[seat] = 0;
            --m_selectedCount;
            selectionDropped = true;
        }
    }
    m_minimapDirty = true;
    if (selectionDropped)
        Q_EMIT selectionChanged();
    if (m_current && hasFocus()) {
        // The focused seat's description includes its status.
        QAccessibleEvent changed(this, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&changed);
    }
    Q_EMIT statusChanged();
}

void SeatMapView::setGeneralAdmission(const QHash<QString, GeneralAdmission>& byAreaId)
{
    const auto& areas = m_geometry.areas();
    for (const auto& area : areas) {
        if (!area.generalAdmission)
            continue;
        if (byAreaId.value(area.id) != m_state.generalAdmission.value(area.id))
            invalidatePlanRect(area.bounds);
    }
    m_state.generalAdmission = byAreaId;
    m_minimapDirty = true;
    Q_EMIT statusChanged();
}

// ---------------------------------------------------------------------------------------
// Transform

QPointF SeatMapView::mapToPlan(QPointF widgetPos) const { return (widgetPos - m_offset) / m_scale; }
QPointF SeatMapView::mapFromPlan(QPointF planPos) const { return planPos * m_scale + m_offset; }

QTransform SeatMapView::planToWidget() const
{
    return QTransform(m_scale, 0, 0, m_scale, m_offset.x(), m_offset.y());
}

QRectF SeatMapView::visiblePlanRect() const { return QRectF(mapToPlan(QPointF(0, 0)), mapToPlan(QPointF(width(), height()))); }

QRectF SeatMapView::seatRectInWidget(std::uint32_t seat) const
{
    const QRectF plan = m_geometry.seatBounds(seat);
    return QRectF(mapFromPlan(plan.topLeft()), mapFromPlan(plan.bottomRight()));
}

std::optional<std::uint32_t> SeatMapView::seatAt(QPoint widgetPos) const
{
    if (!m_layout || detail() == SeatMapRenderer::Detail::Blocks)
        return std::nullopt; // blocks are not seats: zoom in to pick one
    return m_geometry.seatAt(mapToPlan(widgetPos));
}

QRectF SeatMapView::contentBounds() const
{
    QRectF bounds = m_geometry.planBounds();
    if (m_overlay)
        bounds |= m_overlay->planBoundsBelow();
    return bounds;
}

double SeatMapView::fitZoom() const
{
    const QRectF plan = contentBounds();
    if (!m_layout || plan.isEmpty() || width() <= 0 || height() <= 0)
        return 1.0;
    const double margin = 16;
    return std::min((width() - 2 * margin) / plan.width(), (height() - 2 * margin) / plan.height());
}

double SeatMapView::minScale() const { return fitZoom() * m_minFitFactor; }

double SeatMapView::maxScale() const
{
    return std::max(fitZoom(), m_maxSeatPixels / std::max(1.0, m_geometry.seatWidth()));
}

void SeatMapView::setZoomRange(double minFactorOfFit, double maxSeatPixels)
{
    m_minFitFactor = minFactorOfFit;
    m_maxSeatPixels = maxSeatPixels;
}

void SeatMapView::fitToView()
{
    m_fitPending = false;
    const double scale = fitZoom();
    const QPointF centre = contentBounds().center();
    if (scale != m_scale) {
        m_scale = scale;
        invalidateTiles();
    }
    m_offset = QPointF(width() / 2.0, height() / 2.0) - centre * m_scale;
    m_offset = QPointF(std::round(m_offset.x()), std::round(m_offset.y()));
    update();
    Q_EMIT viewChanged();
}

void SeatMapView::setZoom(double zoom) { setScale(zoom, QPointF(width() / 2.0, height() / 2.0)); }

void SeatMapView::zoomAt(double factor, QPointF widgetPos) { setScale(m_scale * factor, widgetPos); }

void SeatMapView::zoomStep(double factor, QPointF widgetPos) { setScale(m_scale * factor, widgetPos, true); }

void SeatMapView::setScale(double scale, QPointF anchorWidget, bool progressive)
{
    m_fitPending = false;
    scale = std::clamp(scale, minScale(), maxScale());
    if (!(scale > 0) || scale == m_scale)
        return;
    const QPointF anchorPlan = mapToPlan(anchorWidget);
    if (progressive && m_tilesComplete) {
        // The sharp tiles of this scale become the preview of the next; an unfinished set
        // (zoom steps faster than tiles) is dropped and the older, complete preview stays.
        m_previewTiles = std::exchange(m_tiles, {});
        m_previewScale = m_scale;
    }
    m_scale = scale;
    m_offset = anchorWidget - anchorPlan * m_scale;
    clampOffset();
    m_tiles.clear();
    m_tilesComplete = false;
    if (!progressive)
        m_previewTiles.clear();
    update();
    Q_EMIT viewChanged();
}

void SeatMapView::centerOn(QPointF plan)
{
    m_fitPending = false;
    m_offset = QPointF(width() / 2.0, height() / 2.0) - plan * m_scale;
    clampOffset();
    update();
    Q_EMIT viewChanged();
}

void SeatMapView::panBy(QPointF widgetDelta)
{
    m_fitPending = false;
    m_offset += widgetDelta;
    clampOffset();
    update();
    Q_EMIT viewChanged();
}

void SeatMapView::clampOffset()
{
    // Keep some of the plan on screen: never lose the venue by panning away.
    const QRectF plan = contentBounds();
    if (!plan.isEmpty()) {
        const double keep = 60;
        const QPointF topLeft = plan.topLeft() * m_scale;
        const QPointF bottomRight = plan.bottomRight() * m_scale;
        m_offset.setX(std::clamp(m_offset.x(), keep - bottomRight.x(), width() - keep - topLeft.x()));
        m_offset.setY(std::clamp(m_offset.y(), keep - bottomRight.y(), height() - keep - topLeft.y()));
    }
    m_offset = QPointF(std::round(m_offset.x()), std::round(m_offset.y()));
}

void SeatMapView::ensureSeatVisible(std::uint32_t seat)
{
    const QRectF r = seatRectInWidget(seat);
    const QRectF inside = QRectF(rect()).adjusted(24, 24, -24, -24);
    if (inside.contains(r))
        return;
    centerOn(m_geometry.centre(seat));
}

// ---------------------------------------------------------------------------------------
// Tiles

void SeatMapView::invalidateTiles()
{
    m_tiles.clear();
    m_previewTiles.clear(); // what it shows is out of date too
    m_tilesComplete = false;
    update();
}

void SeatMapView::dropTileCache()
{
    m_tiles.clear();
    m_previewTiles.clear();
    m_tilesComplete = false;
}

void SeatMapView::setTileBudget(std::chrono::nanoseconds perFrame) { m_tileBudgetNs = perFrame.count(); }

void SeatMapView::resetCacheStats() { m_stats = CacheStats{static_cast<int>(m_tiles.size()), 0, 0, 0}; }

void SeatMapView::invalidatePlanRect(const QRectF& plan)
{
    const QRectF scaled(plan.topLeft() * m_scale, plan.bottomRight() * m_scale);
    const QRect px = scaled.toAlignedRect().adjusted(-1, -1, 1, 1);
    const int tx0 = static_cast<int>(std::floor(px.left() / static_cast<double>(kTileSize)));
    const int ty0 = static_cast<int>(std::floor(px.top() / static_cast<double>(kTileSize)));
    const int tx1 = static_cast<int>(std::floor(px.right() / static_cast<double>(kTileSize)));
    const int ty1 = static_cast<int>(std::floor(px.bottom() / static_cast<double>(kTileSize)));
    for (int ty = ty0; ty <= ty1; ++ty) {
        for (int tx = tx0; tx <= tx1; ++tx) {
            auto it = m_tiles.find(tileKey(tx, ty));
            if (it == m_tiles.end() || it->wholeDirty)
                continue;
            const QRect local = px.translated(-tx * kTileSize, -ty * kTileSize) & QRect(0, 0, kTileSize, kTileSize);
            if (local.isEmpty())
                continue;
            if (it->dirty.size() >= kMaxDirtyRectsPerTile) {
                it->dirty.clear();
                it->wholeDirty = true;
            } else {
                it->dirty.push_back(local);
            }
        }
    }
    update(QRectF(scaled.translated(m_offset)).toAlignedRect().adjusted(-2, -2, 2, 2));
}

void SeatMapView::markSeatDirty(std::uint32_t seat)
{
    // Zoomed out a seat is part of its block, whose count changed: the block repaints.
    if (detail() == SeatMapRenderer::Detail::Blocks) {
        const auto& area = m_geometry.areas()[m_geometry.areaOf(seat)];
        invalidatePlanRect(area.bounds);
    } else {
        invalidatePlanRect(m_geometry.seatBounds(seat));
    }
}

SeatMapView::Tile& SeatMapView::tileAt(int tx, int ty)
{
    Tile& tile = m_tiles[tileKey(tx, ty)];
    if (tile.image.isNull()) {
        renderTile(tile, tx, ty);
    } else if (tile.wholeDirty) {
        renderTile(tile, tx, ty);
    } else if (!tile.dirty.empty()) {
        renderDirty(tile, tx, ty);
    }
    tile.lastUsed = m_frame;
    return tile;
}

void SeatMapView::renderTile(Tile& tile, int tx, int ty)
{
    const qreal dpr = devicePixelRatioF();
    if (tile.image.isNull()) {
        tile.image = QImage(QSize(kTileSize, kTileSize) * dpr, QImage::Format_RGB32);
        tile.image.setDevicePixelRatio(dpr);
    }
    tile.dirty.clear();
    tile.wholeDirty = false;
    QPainter painter(&tile.image);
    painter.translate(-tx * kTileSize, -ty * kTileSize);
    const QRectF plan(QPointF(tx * kTileSize, ty * kTileSize) / m_scale, QSizeF(kTileSize, kTileSize) / m_scale);
    SeatMapRenderer::render(painter, m_geometry, m_state, m_scale, plan, underlay());
    ++m_stats.tilesRendered;
}

void SeatMapView::renderDirty(Tile& tile, int tx, int ty)
{
    QPainter painter(&tile.image);
    painter.translate(-tx * kTileSize, -ty * kTileSize);
    for (const QRect& local : tile.dirty) {
        const QRect px = local.translated(tx * kTileSize, ty * kTileSize);
        painter.save();
        painter.setClipRect(px);
        SeatMapRenderer::render(painter, m_geometry, m_state, m_scale,
                                QRectF(QPointF(px.topLeft()) / m_scale, QSizeF(px.size()) / m_scale), underlay());
        painter.restore();
        ++m_stats.regionsRepainted;
    }
    tile.dirty.clear();
}

// ---------------------------------------------------------------------------------------
// Painting

void SeatMapView::paintEvent(QPaintEvent* event)
{
    if (m_fitPending && m_layout)
        fitToView();
    ++m_frame;
    QPainter painter(this);
    const QRect exposed = event->rect();
    if (!m_layout) {
        painter.fillRect(exposed, palette().window());
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No seat map for this event."));
        return;
    }
    paintTiles(painter, exposed);
    m_stats.tiles = static_cast<int>(m_tiles.size());
    // Evict the least recently used tiles beyond the budget.
    if (m_tiles.size() > kMaxCachedTiles) {
        std::vector<std::pair<quint64, quint64>> byAge;
        byAge.reserve(static_cast<std::size_t>(m_tiles.size()));
        for (auto it = m_tiles.cbegin(); it != m_tiles.cend(); ++it)
            byAge.emplace_back(it->lastUsed, it.key());
        std::sort(byAge.begin(), byAge.end());
        for (std::size_t i = 0; i + kMaxCachedTiles < byAge.size(); ++i)
            m_tiles.remove(byAge[i].second);
    }

    painter.setRenderHint(QPainter::Antialiasing, true);
    paintSeatOverlays(painter, exposed);
    if (m_overlay) {
        painter.save();
        m_overlay->paint(painter, planToWidget());
        painter.restore();
    }
    if (m_offlineBadgeVisible && !m_state.hasStatus() && !m_layout->areas.empty()
        && m_selectionMode != SelectionMode::Editor) {
        // Offline or not yet subscribed: say so on the map itself.
        const QString text = tr("Live seat status unavailable");
        QFont font = painter.font();
        const QFontMetrics fm(font);
        const QRect box(8, 8, fm.horizontalAdvance(text) + 16, fm.height() + 8);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.setBrush(QColor(255, 255, 255, 230));
        painter.drawRoundedRect(box, 4, 4);
        painter.setPen(Qt::black);
        painter.drawText(box, Qt::AlignCenter, text);
    }
    if (m_minimapVisible)
        paintMinimap(painter);
}

void SeatMapView::paintTiles(QPainter& painter, const QRect& exposed)
{
    // Tiles covering the exposed rect, in scaled plan pixels (widget - offset).
    const QRectF scaled = QRectF(exposed).translated(-m_offset);
    const int tx0 = static_cast<int>(std::floor(scaled.left() / kTileSize));
    const int ty0 = static_cast<int>(std::floor(scaled.top() / kTileSize));
    const int tx1 = static_cast<int>(std::floor((scaled.right() - 0.001) / kTileSize));
    const int ty1 = static_cast<int>(std::floor((scaled.bottom() - 0.001) / kTileSize));
    // Nearest the middle of the view first: while a zoom settles, that is where the eye is.
    std::vector<std::pair<double, QPoint>> order;
    const QPointF middle = QPointF(width() / 2.0, height() / 2.0) - m_offset;
    for (int ty = ty0; ty <= ty1; ++ty) {
        for (int tx = tx0; tx <= tx1; ++tx) {
            const QPointF tileCentre((tx + 0.5) * kTileSize, (ty + 0.5) * kTileSize);
            const QPointF d = tileCentre - middle;
            order.emplace_back(d.x() * d.x() + d.y() * d.y(), QPoint(tx, ty));
        }
    }
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const bool preview = !m_previewTiles.isEmpty();
    QElapsedTimer budget;
    budget.start();
    int previewed = 0;
    int rendered = 0;
    for (const auto& [distance, t] : order) {
        const auto it = m_tiles.constFind(tileKey(t.x(), t.y()));
        const bool sharp = it != m_tiles.cend() && !it->wholeDirty;
        // Start a tile only if it should end within the budget (estimate: recent tiles);
        // at least one per frame, so a slow machine still gets there.
        if (preview && !sharp && rendered > 0 && budget.nsecsElapsed() + m_tileCostNs > m_tileBudgetNs) {
            paintPreview(painter, t.x(), t.y());
            ++previewed;
            continue;
        }
        const qint64 before = budget.nsecsElapsed();
        const Tile& tile = tileAt(t.x(), t.y());
        if (!sharp) {
            m_tileCostNs = (3 * m_tileCostNs + (budget.nsecsElapsed() - before)) / 4;
            ++rendered;
        }
        painter.drawImage(QPointF(t.x() * kTileSize + m_offset.x(), t.y() * kTileSize + m_offset.y()), tile.image);
    }
    m_stats.tilesPreviewed = previewed;
    if (previewed > 0) {
        // More sharp tiles next frame, after pending input (another zoom step) is handled.
        QTimer::singleShot(0, this, [this] { update(); });
    } else if (exposed.contains(rect())) {
        m_tilesComplete = true;
        m_previewTiles.clear();
    }
}

void SeatMapView::paintPreview(QPainter& painter, int tx, int ty)
{
    // The tile's area in widget pixels, filled from the previous scale's tiles, stretched.
    const QRectF target(tx * kTileSize + m_offset.x(), ty * kTileSize + m_offset.y(), kTileSize, kTileSize);
    painter.fillRect(target, seatstyle::background());
    const double factor = m_scale / m_previewScale; // new pixels per old pixel
    const QRectF old(QPointF(tx, ty) * kTileSize / factor, QSizeF(kTileSize, kTileSize) / factor);
    const int ox0 = static_cast<int>(std::floor(old.left() / kTileSize));
    const int oy0 = static_cast<int>(std::floor(old.top() / kTileSize));
    const int ox1 = static_cast<int>(std::floor((old.right() - 0.001) / kTileSize));
    const int oy1 = static_cast<int>(std::floor((old.bottom() - 0.001) / kTileSize));
    painter.save();
    painter.setClipRect(target);
    for (int oy = oy0; oy <= oy1; ++oy) {
        for (int ox = ox0; ox <= ox1; ++ox) {
            const auto it = m_previewTiles.constFind(tileKey(ox, oy));
            if (it == m_previewTiles.cend())
                continue;
            const QRectF at(QPointF(ox, oy) * kTileSize * factor + m_offset, QSizeF(kTileSize, kTileSize) * factor);
            painter.drawImage(at, it->image);
        }
    }
    painter.restore();
}

void SeatMapView::paintSeatOverlays(QPainter& painter, const QRect& exposed)
{
    if (detail() == SeatMapRenderer::Detail::Blocks)
        return;
    const QRectF planExposed(mapToPlan(exposed.topLeft()), mapToPlan(exposed.bottomRight() + QPoint(1, 1)));
    const double w = m_geometry.seatWidth() * m_scale;
    const double h = m_geometry.seatDepth() * m_scale;
    const QRectF footprint(-w / 2, -h / 2, w, h);
    auto atSeat = [&](std::uint32_t seat, auto&& draw) {
        painter.save();
        painter.translate(mapFromPlan(m_geometry.centre(seat)));
        painter.rotate(static_cast<double>(m_geometry.rotation(seat)));
        draw(painter, footprint);
        painter.restore();
    };
    if (m_selectedCount > 0) {
        m_geometry.forEachSeatNear(planExposed, [&](std::uint32_t i) {
            if (m_selected[i])
                atSeat(i, seatstyle::drawSelected);
        });
    }
    if (m_hovered)
        atSeat(*m_hovered, seatstyle::drawHover);
    if (m_current && hasFocus())
        atSeat(*m_current, seatstyle::drawFocus);
}

QRect SeatMapView::minimapRect() const
{
    const QRectF plan = m_geometry.planBounds();
    if (!m_minimapVisible || !m_layout || plan.isEmpty())
        return {};
    // Only worth it when the venue does not fit: zoomed in past the whole-venue view.
    if (m_scale <= fitZoom() * 1.05)
        return {};
    const int side = std::min(kMinimapMaxSide, std::min(width(), height()) / 4);
    if (side < 48)
        return {};
    const double s = side / std::max(plan.width(), plan.height());
    const QSize size(std::max(16, static_cast<int>(plan.width() * s)), std::max(16, static_cast<int>(plan.height() * s)));
    return {QPoint(width() - size.width() - kMinimapMargin, height() - size.height() - kMinimapMargin), size};
}

QImage SeatMapView::minimapImage(QSize size)
{
    if (!m_minimapDirty && m_minimap.size() == size)
        return m_minimap;
    const QRectF plan = m_geometry.planBounds();
    const double s = std::min(size.width() / plan.width(), size.height() / plan.height());
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.translate(-plan.topLeft() * s);
    // The thumbnail is always blocks: one colour per section and its availability.
    SeatMapRenderer::renderThumbnail(painter, m_geometry, m_state, s, plan);
    m_minimap = image;
    m_minimapDirty = false;
    return m_minimap;
}

void SeatMapView::paintMinimap(QPainter& painter)
{
    const QRect box = minimapRect();
    if (box.isEmpty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.drawImage(box.topLeft(), minimapImage(box.size()));
    painter.setPen(QPen(QColor(0x33, 0x33, 0x33), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box.adjusted(0, 0, -1, -1));
    // The part of the venue the view shows.
    const QRectF plan = m_geometry.planBounds();
    const double s = std::min(box.width() / plan.width(), box.height() / plan.height());
    const QRectF visible = visiblePlanRect();
    QRectF marker((visible.topLeft() - plan.topLeft()) * s, visible.size() * s);
    marker.translate(box.topLeft());
    painter.setClipRect(box);
    painter.setPen(QPen(QColor(0xD5, 0x5E, 0x00), 2));
    painter.setBrush(QColor(0xD5, 0x5E, 0x00, 40));
    painter.drawRect(marker);
    painter.restore();
}

void SeatMapView::centreMinimapOn(QPoint widgetPos)
{
    const QRect box = minimapRect();
    const QRectF plan = m_geometry.planBounds();
    const double s = std::min(box.width() / plan.width(), box.height() / plan.height());
    centerOn(plan.topLeft() + QPointF(widgetPos - box.topLeft()) / s);
}

void SeatMapView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_fitPending && m_layout)
        fitToView();
    else
        clampOffset();
}

// ---------------------------------------------------------------------------------------
// Selection

void SeatMapView::setSelectionMode(SelectionMode mode)
{
    m_selectionMode = mode;
    if (mode == SelectionMode::None)
        clearSelection();
    update();
}

void SeatMapView::setSelectableFilter(SelectableFilter filter) { m_filter = std::move(filter); }

bool SeatMapView::isSelectable(std::uint32_t seat) const
{
    if (seat >= m_geometry.seatCount() || m_selectionMode == SelectionMode::None)
        return false;
    const SeatStatus status = m_state.statusOf(seat);
    if (m_filter)
        return m_filter(seat, status);
    if (m_selectionMode == SelectionMode::Editor)
        return true;
    return status == SeatStatus::Available || status == SeatStatus::HeldByMe;
}

std::vector<std::uint32_t> SeatMapView::selectedSeats() const
{
    std::vector<std::uint32_t> out;
    out.reserve(m_selectedCount);
    for (std::uint32_t i = 0; i < m_selected.size(); ++i)
        if (m_selected[i])
            out.push_back(i);
    return out;
}

bool SeatMapView::isSelected(std::uint32_t seat) const { return seat < m_selected.size() && m_selected[seat]; }

void SeatMapView::setSelectedSeats(const std::vector<std::uint32_t>& seats)
{
    std::vector<std::uint8_t> next(m_geometry.seatCount(), 0);
    std::size_t count = 0;
    for (std::uint32_t seat : seats) {
        if (seat < next.size() && !next[seat]) {
            next[seat] = 1;
            ++count;
        }
    }
    if (next == m_selected)
        return;
    m_selected = std::move(next);
    m_selectedCount = count;
    update();
    Q_EMIT selectionChanged();
}

void SeatMapView::clearSelection() { setSelectedSeats({}); }

void SeatMapView::toggleSeat(std::uint32_t seat)
{
    if (m_selected[seat]) {
        m_selected[seat] = 0;
        --m_selectedCount;
    } else {
        m_selected[seat] = 1;
        ++m_selectedCount;
    }
    updateSeat(seat);
    Q_EMIT selectionChanged();
}

void SeatMapView::clickSeat(std::uint32_t seat, Qt::KeyboardModifiers modifiers)
{
    Q_EMIT seatActivated(seat);
    if (!isSelectable(seat))
        return;
    switch (m_selectionMode) {
    case SelectionMode::None:
        return;
    case SelectionMode::Single:
        if (!(m_selectedCount == 1 && m_selected[seat]))
            setSelectedSeats({seat});
        return;
    case SelectionMode::Multiple:
        toggleSeat(seat);
        return;
    case SelectionMode::Editor:
        if (modifiers & (Qt::ControlModifier | Qt::ShiftModifier))
            toggleSeat(seat);
        else
            setSelectedSeats({seat});
        return;
    }
}

void SeatMapView::updateSeat(std::uint32_t seat)
{
    update(seatRectInWidget(seat).toAlignedRect().adjusted(-6, -6, 6, 6));
}

// ---------------------------------------------------------------------------------------
// Hover, focus, descriptions

void SeatMapView::setHovered(std::optional<std::uint32_t> seat)
{
    if (seat == m_hovered)
        return;
    if (m_hovered)
        updateSeat(*m_hovered);
    m_hovered = seat;
    if (m_hovered)
        updateSeat(*m_hovered);
    Q_EMIT hoveredSeatChanged(m_hovered);
}

void SeatMapView::setCurrentSeat(std::optional<std::uint32_t> seat, bool ensureVisible)
{
    if (seat && *seat >= m_geometry.seatCount())
        seat.reset();
    if (seat == m_current)
        return;
    if (m_current)
        updateSeat(*m_current);
    m_current = seat;
    if (m_current) {
        if (ensureVisible) {
            if (detail() == SeatMapRenderer::Detail::Blocks) {
                // A seat cannot be shown as a block: zoom to where seats are drawn.
                setScale(SeatMapRenderer::kLabelPx * 1.5 / m_geometry.seatWidth(), mapFromPlan(m_geometry.centre(*m_current)));
            }
            ensureSeatVisible(*m_current);
        }
        updateSeat(*m_current);
    }
    Q_EMIT currentSeatChanged(m_current);
    notifySeatMapFocusChanged(this);
}

QString SeatMapView::priceText(std::uint8_t category) const
{
    if (!m_layout || category == 0 || category > m_layout->priceCategories.size())
        return {};
    const core::seating::PriceCategory& pc = m_layout->priceCategories[category - 1U];
    return format::money(pc.priceMinor, QString::fromStdString(pc.currency));
}

QString SeatMapView::seatDescription(std::uint32_t seat) const
{
    if (!m_layout || seat >= m_geometry.seatCount())
        return {};
    const core::seating::SeatIndex& index = m_geometry.index();
    QStringList parts;
    parts << QString::fromStdString(index.area(seat).label);
    const QString row = QString::fromStdString(index.row(seat).label);
    if (index.row(seat).circular)
        parts << tr("table %1").arg(row);
    else if (!row.isEmpty())
        parts << tr("row %1").arg(row);
    parts << tr("seat %1").arg(QString::fromStdString(index.seat(seat).label));
    const std::uint8_t category = m_geometry.categoryOf(seat);
    if (category > 0) {
        parts << QString::fromStdString(m_layout->priceCategories[category - 1U].name);
        parts << priceText(category);
    }
    if (m_state.hasStatus())
        parts << seatstyle::statusName(m_state.statusOf(seat));
    const std::uint8_t flags = m_geometry.flagsOf(seat);
    if (flags & core::seating::kWheelchairSpace)
        parts << tr("wheelchair space");
    if (flags & core::seating::kCompanionSeat)
        parts << tr("companion seat");
    if (flags & core::seating::kRestrictedView)
        parts << tr("restricted view");
    if (flags & core::seating::kAisleSeat)
        parts << tr("aisle seat");
    if (isSelected(seat))
        parts << tr("selected");
    return parts.join(QStringLiteral(", "));
}

// ---------------------------------------------------------------------------------------
// Input

void SeatMapView::setOverlay(SeatMapOverlay* overlay)
{
    m_overlay = overlay;
    invalidateTiles(); // its underlay is part of the tiles
}

void SeatMapView::underlayChanged() { invalidateTiles(); }

SeatMapRenderer::Underlay SeatMapView::underlay() const
{
    if (!m_overlay)
        return {};
    return [overlay = m_overlay](QPainter& painter, double scale) {
        return overlay->paintBelow(painter, QTransform::fromScale(scale, scale));
    };
}

void SeatMapView::setInteraction(SeatMapInteraction* interaction)
{
    m_interaction = interaction;
    m_interactionGrab = false;
}

void SeatMapView::setOfflineBadgeVisible(bool visible)
{
    m_offlineBadgeVisible = visible;
    update();
}

void SeatMapView::setMinimapVisible(bool visible)
{
    m_minimapVisible = visible;
    update();
}

void SeatMapView::mousePressEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && minimapRect().contains(pos)) {
        m_minimapDrag = true;
        centreMinimapOn(pos);
        return;
    }
    if (m_interaction && m_interaction->mousePress(*this, mapToPlan(event->position()), event)) {
        m_interactionGrab = true;
        return;
    }
    m_pressed = true;
    m_panning = event->button() == Qt::MiddleButton;
    m_pressButton = event->button();
    m_pressPos = pos;
    m_lastDragPos = event->position();
}

void SeatMapView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_minimapDrag) {
        centreMinimapOn(pos.toPoint());
        return;
    }
    if (m_interactionGrab || (m_interaction && !m_pressed)) {
        if (m_interaction->mouseMove(*this, mapToPlan(pos), event))
            return;
    }
    if (m_interactionGrab)
        return;
    if (m_pressed) {
        if (!m_panning && (pos.toPoint() - m_pressPos).manhattanLength() >= 4)
            m_panning = true; // a drag, not a click
        if (m_panning) {
            const QPointF delta = pos - m_lastDragPos;
            m_lastDragPos = pos;
            setCursor(Qt::ClosedHandCursor);
            panBy(delta);
            return;
        }
    }
    setHovered(seatAt(pos.toPoint()));
}

void SeatMapView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_minimapDrag) {
        m_minimapDrag = false;
        return;
    }
    if (m_interactionGrab) {
        m_interactionGrab = false;
        if (m_interaction)
            m_interaction->mouseRelease(*this, mapToPlan(event->position()), event);
        return;
    }
    if (!m_pressed)
        return;
    m_pressed = false;
    unsetCursor();
    if (m_panning) {
        m_panning = false;
        return;
    }
    if (m_pressButton != Qt::LeftButton)
        return;
    const QPoint pos = event->position().toPoint();
    if (detail() == SeatMapRenderer::Detail::Blocks) {
        // Tapping a block zooms into it: seats are picked where they can be seen.
        const QPointF plan = mapToPlan(pos);
        for (const auto& area : m_geometry.areas()) {
            if (!area.generalAdmission && area.outline.containsPoint(plan, Qt::OddEvenFill)) {
                const double fit = std::min(width() / area.bounds.width(), height() / area.bounds.height()) * 0.9;
                setScale(std::max(fit, SeatMapRenderer::kLabelPx * 1.2 / m_geometry.seatWidth()), pos);
                centerOn(area.bounds.center());
                return;
            }
        }
        return;
    }
    if (const auto seat = seatAt(pos)) {
        setCurrentSeat(*seat, false);
        clickSeat(*seat, event->modifiers());
    }
}

void SeatMapView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && !seatAt(event->position().toPoint()))
        zoomStep(2.0, event->position()); // double-click on empty space zooms in
    else
        mousePressEvent(event);
}

void SeatMapView::wheelEvent(QWheelEvent* event)
{
    // Touchpads send pixel deltas with Shift/none for scrolling; wheels send angle deltas.
    if (!event->pixelDelta().isNull() && !(event->modifiers() & Qt::ControlModifier)) {
        panBy(QPointF(event->pixelDelta()));
        event->accept();
        return;
    }
    const int steps = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
    if (steps != 0)
        zoomStep(std::pow(kWheelStep, steps), event->position());
    event->accept();
}

bool SeatMapView::moveCurrent(QPointF direction)
{
    if (!m_layout || m_geometry.seatCount() == 0)
        return false;
    std::optional<std::uint32_t> next;
    if (!m_current)
        next = m_geometry.nearestTo(mapToPlan(QPointF(width() / 2.0, height() / 2.0)));
    else
        next = m_geometry.nearestInDirection(*m_current, direction);
    if (!next && m_current && direction.y() == 0)
        next = rowWrapTarget(*m_current, direction.x() > 0);
    if (!next)
        return false;
    setCurrentSeat(next);
    return true;
}

std::optional<std::uint32_t> SeatMapView::rowWrapTarget(std::uint32_t seat, bool forward) const
{
    // Past the end of a row, like text: Right goes on at the start of the row behind (away
    // from the stage), Left at the end of the row in front, within the area. Where aisles
    // split an area into blocks whose rows share labels, the whole line of rows with that
    // label counts: Right at the end of row C in the right-hand block goes on at the left
    // end of row D across the house.
    const auto& rows = m_geometry.rows();
    const std::uint32_t area = m_geometry.areaOf(seat);
    std::optional<std::uint32_t> next;
    for (std::uint32_t r = m_geometry.rowOf(seat); forward ? r + 1 < rows.size() : r > 0;) {
        r = forward ? r + 1 : r - 1;
        if (rows[r].seatCount == 0)
            continue;
        if (m_geometry.areaOf(rows[r].firstSeat) == area)
            next = r;
        break;
    }
    if (!next)
        return std::nullopt;
    const SeatMapGeometry::AreaShape& shape = m_geometry.areas()[area];
    std::optional<std::uint32_t> best;
    for (std::uint32_t i = shape.firstSeat; i < shape.firstSeat + shape.seatCount; ++i) {
        const std::uint32_t r = m_geometry.rowOf(i);
        if (r != *next && (rows[*next].label.isEmpty() || rows[r].label != rows[*next].label))
            continue;
        // The seat furthest against the direction of travel: the left end for Right.
        const double x = m_geometry.centre(i).x();
        if (!best || (forward ? x < m_geometry.centre(*best).x() : x > m_geometry.centre(*best).x()))
            best = i;
    }
    return best;
}

void SeatMapView::keyPressEvent(QKeyEvent* event)
{
    if (m_interaction && m_interaction->keyPress(*this, event))
        return;
    switch (event->key()) {
    // Plan y grows away from the stage and the view does not rotate: "up" is -y.
    case Qt::Key_Left:
        if (event->modifiers() & Qt::ControlModifier)
            panBy(QPointF(width() / 4.0, 0));
        else
            moveCurrent(QPointF(-1, 0));
        return;
    case Qt::Key_Right:
        if (event->modifiers() & Qt::ControlModifier)
            panBy(QPointF(-width() / 4.0, 0));
        else
            moveCurrent(QPointF(1, 0));
        return;
    case Qt::Key_Up:
        if (event->modifiers() & Qt::ControlModifier)
            panBy(QPointF(0, height() / 4.0));
        else
            moveCurrent(QPointF(0, -1));
        return;
    case Qt::Key_Down:
        if (event->modifiers() & Qt::ControlModifier)
            panBy(QPointF(0, -height() / 4.0));
        else
            moveCurrent(QPointF(0, 1));
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current)
            clickSeat(*m_current, event->modifiers());
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomStep(1.25, m_current ? mapFromPlan(m_geometry.centre(*m_current)) : QPointF(width() / 2.0, height() / 2.0));
        return;
    case Qt::Key_Minus:
        zoomStep(0.8, m_current ? mapFromPlan(m_geometry.centre(*m_current)) : QPointF(width() / 2.0, height() / 2.0));
        return;
    case Qt::Key_0:
    case Qt::Key_Home:
        fitToView();
        return;
    case Qt::Key_Escape:
        if (m_selectedCount > 0 && m_selectionMode != SelectionMode::None) {
            clearSelection();
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void SeatMapView::leaveEvent(QEvent* event)
{
    setHovered(std::nullopt);
    QWidget::leaveEvent(event);
}

void SeatMapView::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    if (m_current)
        updateSeat(*m_current);
    notifySeatMapFocusChanged(this);
}

bool SeatMapView::event(QEvent* event)
{
    switch (event->type()) {
    case QEvent::Gesture:
        return gestureEvent(static_cast<QGestureEvent*>(event));
    case QEvent::ToolTip: {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const auto seat = seatAt(help->pos()))
            QToolTip::showText(help->globalPos(), seatDescription(*seat), this);
        else
            QToolTip::hideText();
        return true;
    }
    default:
        return QWidget::event(event);
    }
}

bool SeatMapView::gestureEvent(QGestureEvent* event)
{
    // One finger pans through the mouse events Qt synthesizes from touch; two fingers pinch.
    if (auto* pinch = static_cast<QPinchGesture*>(event->gesture(Qt::PinchGesture))) {
        const QPointF centre = mapFromGlobal(pinch->centerPoint().toPoint());
        if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
            zoomStep(pinch->scaleFactor(), centre);
        if (pinch->changeFlags() & QPinchGesture::CenterPointChanged)
            panBy(pinch->centerPoint() - pinch->lastCenterPoint());
        m_pressed = false; // the pinch's synthesized press must not end as a click
        event->accept(pinch);
        return true;
    }
    return false;
}

} // namespace marquee::client
