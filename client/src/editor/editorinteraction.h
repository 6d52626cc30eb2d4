// EditorInteraction: the layout editor's mouse and keyboard tools on the SeatMapView (select,
// rubber band, drag-move, rotate handle, click-to-place tools) and its overlay (selection
// frame, rotate handle, selected areas and validation markers; the tracing image under the plan).
#pragma once

#include "marquee/core/seating/layout.hpp"
#include "seatmap/seatmapview.h"

#include <QImage>
#include <QObject>
#include <QPointF>
#include <QRectF>

#include <optional>

namespace marquee::client {

class LayoutDocument;

// The tracing image as pixels (SVG rendered once); a null image when it cannot be read.
QImage decodeBackground(const core::seating::BackgroundImage& image);

class EditorInteraction : public QObject, public SeatMapInteraction, public SeatMapOverlay {
    Q_OBJECT
public:
    enum class Tool { Select, Pan, AddArea, GenerateRows, Table, FocalPoint };
    Q_ENUM(Tool)

    EditorInteraction(LayoutDocument* document, SeatMapView* view, QObject* parent = nullptr);
    ~EditorInteraction() override;

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);

    // Where the rotate handle is drawn (widget pixels), when something is selected.
    std::optional<QPointF> rotateHandle() const;
    // The selection's bounding box on the plan.
    std::optional<QRectF> selectionBounds() const { return m_bounds; }

    bool mousePress(SeatMapView& view, QPointF plan, QMouseEvent* event) override;
    bool mouseMove(SeatMapView& view, QPointF plan, QMouseEvent* event) override;
    bool mouseRelease(SeatMapView& view, QPointF plan, QMouseEvent* event) override;
    bool keyPress(SeatMapView& view, QKeyEvent* event) override;
    void paint(QPainter& painter, const QTransform& planToWidget) override;
    bool paintBelow(QPainter& painter, const QTransform& planToPainter) override;
    QRectF planBoundsBelow() const override;

Q_SIGNALS:
    void toolChanged(Tool tool);
    // Click tools: the window opens the matching dialog at this plan point.
    void generateRowsRequested(QPointF plan);
    void tableRequested(QPointF plan);
    void focalPointRequested(QPointF plan);
    // AddArea tool: a rectangle dragged on the plan.
    void areaRequested(QRectF plan);
    void cursorMoved(QPointF plan);

private:
    enum class Drag { None, Pending, Move, Rotate, RubberBand, AreaRect };
    void selectAt(QPointF plan, QPoint widgetPos, Qt::KeyboardModifiers modifiers);
    void finishRubberBand(Qt::KeyboardModifiers modifiers);
    void updateBounds();
    void updateBackground();
    void syncViewSelection();
    std::optional<std::string> areaAt(QPointF plan) const;

    LayoutDocument* m_document;
    SeatMapView* m_view;
    Tool m_tool = Tool::Select;
    Drag m_drag = Drag::None;
    QPointF m_pressPlan;
    QPoint m_pressWidget;
    QPointF m_lastPlan;
    QPointF m_pivot;
    double m_appliedAngle = 0;
    int m_dragKey = 0;
    bool m_pressedOnSelection = false;
    std::optional<QRectF> m_bounds;
    bool m_syncing = false;
    QImage m_background;
    std::size_t m_backgroundKey = 0;
};

} // namespace marquee::client
