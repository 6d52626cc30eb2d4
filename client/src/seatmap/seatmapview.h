// SeatMapView: the seat-map widget shared by the attendee, kiosk and editor screens. Custom
// painted with level of detail from cached tiles, a grid index for hit testing, pan/zoom by
// mouse, wheel, keyboard and touch, a minimap, keyboard navigation between seats, accessible
// seat descriptions, and live status updates that repaint only the seats that changed.
#pragma once

#include "seatmap/seatmapgeometry.h"
#include "seatmap/seatmaprenderer.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QTransform>
#include <QWidget>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QGestureEvent;
class QKeyEvent;
class QMouseEvent;

namespace marquee::client {

class SeatMapView;

// Drawn over the map after the seats, in widget coordinates (the editor's handles and
// validation markers). planToWidget maps plan centimetres to widget pixels.
class SeatMapOverlay {
public:
    virtual ~SeatMapOverlay() = default;
    virtual void paint(QPainter& painter, const QTransform& planToWidget) = 0;
    // Drawn into the cached tiles under the areas and seats (the editor's tracing image);
    // planToPainter maps plan centimetres to the painter's coordinates. Returns whether there
    // is anything under the plan at all (area fills then turn translucent). The result is
    // cached with the tiles: call SeatMapView::underlayChanged() when it changes.
    virtual bool paintBelow(QPainter& painter, const QTransform& planToPainter);
    // Where paintBelow() draws, plan coordinates: fitting and panning take it in.
    virtual QRectF planBoundsBelow() const { return {}; }
};

// Sees mouse and key input before the view does, with the position in plan coordinates.
// Returning true consumes the event (no click-select, no pan); wheel zoom and pinch always
// stay with the view.
class SeatMapInteraction {
public:
    virtual ~SeatMapInteraction() = default;
    virtual bool mousePress(SeatMapView& view, QPointF plan, QMouseEvent* event);
    virtual bool mouseMove(SeatMapView& view, QPointF plan, QMouseEvent* event);
    virtual bool mouseRelease(SeatMapView& view, QPointF plan, QMouseEvent* event);
    virtual bool keyPress(SeatMapView& view, QKeyEvent* event);
};

class SeatMapView : public QWidget {
    Q_OBJECT
public:
    enum class SelectionMode {
        None,     // look only (details on hover / tap)
        Single,   // a click picks one seat
        Multiple, // a click toggles a seat (attendees picking several)
        Editor,   // click replaces, Ctrl/Shift+click toggles; every seat is selectable
    };
    Q_ENUM(SelectionMode)
    using SeatStatus = core::seating::SeatStatus;
    // Which seats may be selected; the default allows Available (and HeldByMe) seats, or
    // every seat in Editor mode.
    using SelectableFilter = std::function<bool(std::uint32_t seat, SeatStatus status)>;

    explicit SeatMapView(QWidget* parent = nullptr);
    ~SeatMapView() override;

    // The layout to show. Rebuilds the index and drops caches; status and selection are kept
    // when the seat count is unchanged (the editor calls this after every edit).
    void setSeatingLayout(std::shared_ptr<const core::seating::Layout> layout);
    const core::seating::Layout* seatingLayout() const { return m_geometry.layout(); }
    std::shared_ptr<const core::seating::Layout> seatingLayoutPtr() const { return m_layout; }
    const SeatMapGeometry& geometry() const { return m_geometry; }

    // Live status: one SeatStatus byte per seat in SeatIndex order (a snapshot), then deltas.
    // An empty array means "no live status" (offline): seats show their price category only.
    void setStatus(const QByteArray& oneBytePerSeat);
    void applyStatusDelta(const std::vector<std::uint32_t>& seats, const QByteArray& statuses);
    void setGeneralAdmission(const QHash<QString, GeneralAdmission>& byAreaId);
    const QByteArray& status() const { return m_state.status; }
    SeatStatus seatStatus(std::uint32_t seat) const { return m_state.statusOf(seat); }
    bool hasStatus() const { return m_state.hasStatus(); }
    std::uint32_t availableInArea(std::uint32_t area) const;

    // Geometry. zoom() is widget pixels per plan centimetre.
    std::optional<std::uint32_t> seatAt(QPoint widgetPos) const;
    QPointF mapToPlan(QPointF widgetPos) const;
    QPointF mapFromPlan(QPointF planPos) const;
    QTransform planToWidget() const;
    QRectF seatRectInWidget(std::uint32_t seat) const; // bounding box of the seat, widget pixels
    void fitToView();
    double fitZoom() const; // the zoom fitToView() would choose
    void setZoom(double zoom); // keeps the widget centre where it is
    void zoomAt(double factor, QPointF widgetPos);
    // A zoom step from the user (wheel, pinch, keys, buttons): the next frame shows the
    // current tiles scaled at once, and sharp tiles replace them within a frame budget per
    // frame, nearest the middle first. zoomAt/setZoom render sharp before the next frame.
    void zoomStep(double factor, QPointF widgetPos);
    double zoom() const { return m_scale; }
    void setZoomRange(double minFactorOfFit, double maxSeatPixels);
    void centerOn(QPointF plan);
    void panBy(QPointF widgetDelta);
    QRectF visiblePlanRect() const;
    SeatMapRenderer::Detail detail() const { return SeatMapRenderer::detailFor(m_geometry, m_scale); }

    // Selection (flat seat indexes).
    void setSelectionMode(SelectionMode mode);
    SelectionMode selectionMode() const { return m_selectionMode; }
    void setSelectableFilter(SelectableFilter filter);
    bool isSelectable(std::uint32_t seat) const;
    std::vector<std::uint32_t> selectedSeats() const; // ascending
    void setSelectedSeats(const std::vector<std::uint32_t>& seats);
    void clearSelection();
    bool isSelected(std::uint32_t seat) const;

    // Keyboard focus (the "current" seat for arrows, Enter/Space and screen readers).
    std::optional<std::uint32_t> currentSeat() const { return m_current; }
    void setCurrentSeat(std::optional<std::uint32_t> seat, bool ensureVisible = true);
    std::optional<std::uint32_t> hoveredSeat() const { return m_hovered; }

    // "Stalls, row C, seat 12, Category 1, €45.00, Available, wheelchair space" (translated).
    QString seatDescription(std::uint32_t seat) const;
    QString priceText(std::uint8_t category) const;

    void setOverlay(SeatMapOverlay* overlay);      // not owned; nullptr removes it
    void underlayChanged(); // the overlay's paintBelow() draws something else: re-render tiles
    void setInteraction(SeatMapInteraction* interaction); // not owned
    // The map's own "Live seat status unavailable" badge while there is no status; pages
    // that say so themselves turn it off.
    void setOfflineBadgeVisible(bool visible);
    void setMinimapVisible(bool visible);
    bool isMinimapVisible() const { return m_minimapVisible; }
    QRect minimapRect() const; // widget pixels; empty when hidden

    // Tile cache statistics for tests and the benchmark.
    struct CacheStats {
        int tiles = 0;
        int tilesRendered = 0;   // whole tiles painted since the last resetCacheStats()
        int regionsRepainted = 0; // partial (dirty) re-renders since then
        int tilesPreviewed = 0;   // tiles the last frame showed scaled from the previous zoom
    };
    CacheStats cacheStats() const { return m_stats; }
    void resetCacheStats();
    // Time a frame may spend on new tiles while a user zoom settles (at least one tile is
    // drawn per frame). Default: half a 60 fps frame, the rest is for the blit and overlays.
    void setTileBudget(std::chrono::nanoseconds perFrame);
    void dropTileCache(); // the benchmark's cold frames

    QSize sizeHint() const override { return {800, 600}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

Q_SIGNALS:
    void selectionChanged();
    void seatActivated(std::uint32_t seat);  // click, tap, Enter or Space on a seat
    void hoveredSeatChanged(std::optional<std::uint32_t> seat);
    void currentSeatChanged(std::optional<std::uint32_t> seat);
    void viewChanged(); // zoom or pan
    void statusChanged(); // a snapshot or delta arrived (counts in the legend change)

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;

private:
    struct Tile {
        QImage image;
        std::vector<QRect> dirty; // tile-local pixels to re-render before the next blit
        bool wholeDirty = false;
        quint64 lastUsed = 0;
    };
    static constexpr int kTileSize = 256;

    void rebuildDerivedState();
    void recountAvailability();
    void invalidateTiles();
    void invalidatePlanRect(const QRectF& plan);
    void markSeatDirty(std::uint32_t seat);
    Tile& tileAt(int tx, int ty);
    void renderTile(Tile& tile, int tx, int ty);
    void renderDirty(Tile& tile, int tx, int ty);
    void paintTiles(QPainter& painter, const QRect& exposed);
    void paintPreview(QPainter& painter, int tx, int ty);
    SeatMapRenderer::Underlay underlay() const;
    QRectF contentBounds() const; // the plan and the overlay's underlay
    void paintSeatOverlays(QPainter& painter, const QRect& exposed);
    void paintMinimap(QPainter& painter);
    QImage minimapImage(QSize size);
    void setScale(double scale, QPointF anchorWidget, bool progressive = false);
    void clampOffset();
    double minScale() const;
    double maxScale() const;
    void setHovered(std::optional<std::uint32_t> seat);
    void clickSeat(std::uint32_t seat, Qt::KeyboardModifiers modifiers);
    void toggleSeat(std::uint32_t seat);
    void ensureSeatVisible(std::uint32_t seat);
    bool moveCurrent(QPointF direction);
    std::optional<std::uint32_t> rowWrapTarget(std::uint32_t seat, bool forward) const;
    void updateSeat(std::uint32_t seat);
    bool gestureEvent(QGestureEvent* event);
    void centreMinimapOn(QPoint widgetPos);

    std::shared_ptr<const core::seating::Layout> m_layout;
    SeatMapGeometry m_geometry;
    SeatMapState m_state;

    // widget = plan * m_scale + m_offset (m_offset kept whole so tiles blit pixel-exact)
    double m_scale = 1.0;
    QPointF m_offset;
    double m_minFitFactor = 0.5;
    double m_maxSeatPixels = 120;
    bool m_fitPending = true; // fit once the widget has a size

    QHash<quint64, Tile> m_tiles; // key: (tx, ty) at m_scale
    // While a user zoom settles: the last complete tiles, at the scale they were drawn at.
    QHash<quint64, Tile> m_previewTiles;
    double m_previewScale = 0;
    bool m_tilesComplete = false; // the last frame drew every tile sharp at m_scale
    qint64 m_tileCostNs = 0;      // recent time to render one tile (moving average)
    qint64 m_tileBudgetNs = 8'000'000;
    quint64 m_frame = 0;
    CacheStats m_stats;
    QImage m_minimap;
    bool m_minimapVisible = true;
    bool m_offlineBadgeVisible = true;
    bool m_minimapDirty = true;

    SelectionMode m_selectionMode = SelectionMode::Single;
    SelectableFilter m_filter;
    std::vector<std::uint8_t> m_selected; // per seat
    std::size_t m_selectedCount = 0;
    std::optional<std::uint32_t> m_current;
    std::optional<std::uint32_t> m_hovered;

    SeatMapOverlay* m_overlay = nullptr;
    SeatMapInteraction* m_interaction = nullptr;
    bool m_interactionGrab = false; // the interaction took the press: it gets move/release

    // Pan / click bookkeeping.
    QPoint m_pressPos;
    QPointF m_lastDragPos;
    bool m_pressed = false;
    bool m_panning = false;
    bool m_minimapDrag = false;
    Qt::MouseButton m_pressButton = Qt::NoButton;
};

} // namespace marquee::client
