// EditorInteraction implementation.
#include "editor/editorinteraction.h"

#include "editor/layoutcommands.h"
#include "editor/layoutdocument.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QSvgRenderer>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>

namespace marquee::client {

namespace cs = core::seating;

namespace {

constexpr int kDragThresholdPx = 4;
constexpr double kHandleOffsetPx = 28;
constexpr double kHandleRadiusPx = 7;
constexpr int kMaxMarkers = 2000; // beyond this many visible problems, markers only clutter
const QColor kAccent(0x00, 0x72, 0xB2);  // Okabe-Ito blue: selection
const QColor kProblem(0xD5, 0x5E, 0x00); // Okabe-Ito vermilion: problems

QPolygonF polygonOf(const std::vector<cs::Point>& points)
{
    QPolygonF polygon;
    for (const cs::Point& p : points)
        polygon << QPointF(p.x, p.y);
    return polygon;
}

double angleDeg(QPointF from, QPointF to) { return std::atan2(to.y() - from.y(), to.x() - from.x()) * 180.0 / std::numbers::pi; }

} // namespace

QImage decodeBackground(const cs::BackgroundImage& image)
{
    const QByteArray bytes = QByteArray::fromBase64(QByteArray::fromStdString(image.dataBase64));
    if (image.mimeType == "image/svg+xml") {
        QSvgRenderer svg(bytes);
        if (!svg.isValid())
            return {};
        // Rendered once at a size that stays sharp on a large screen.
        QSize size = svg.defaultSize().isEmpty() ? QSize(2048, 2048) : svg.defaultSize();
        size.scale(2048, 2048, Qt::KeepAspectRatio);
        QImage out(size, QImage::Format_ARGB32_Premultiplied);
        out.fill(Qt::transparent);
        QPainter painter(&out);
        svg.render(&painter);
        return out;
    }
    return QImage::fromData(bytes);
}

EditorInteraction::EditorInteraction(LayoutDocument* document, SeatMapView* view, QObject* parent)
    : QObject(parent), m_document(document), m_view(view)
{
    m_view->setSelectionMode(SeatMapView::SelectionMode::Editor);
    m_view->setInteraction(this);
    m_view->setOverlay(this);
    m_view->setMouseTracking(true);
    m_view->setSeatingLayout(m_document->sharedLayout());

    connect(m_document, &LayoutDocument::layoutChanged, this, [this] {
        // Keep the user's zoom and centre: the view refits when the seat count changes.
        const bool hadLayout = m_view->seatingLayout() && m_view->seatingLayout()->seatCount() > 0;
        const double zoom = m_view->zoom();
        const QPointF centre = m_view->mapToPlan(QPointF(m_view->width() / 2.0, m_view->height() / 2.0));
        m_syncing = true; // the view's own selectionChanged must not overwrite the document's
        m_view->setSeatingLayout(m_document->sharedLayout());
        m_syncing = false;
        if (hadLayout && m_document->layout().seatCount() > 0) {
            m_view->setZoom(zoom);
            m_view->centerOn(centre);
        }
        updateBounds();
        updateBackground();
        syncViewSelection();
    });
    connect(m_document, &LayoutDocument::selectionChanged, this, [this] {
        updateBounds();
        syncViewSelection();
    });
    // Selection made by the view itself (the pan tool leaves clicks to it).
    connect(m_view, &SeatMapView::selectionChanged, this, [this] {
        if (m_syncing)
            return;
        std::set<std::string> seats;
        for (std::uint32_t i : m_view->selectedSeats())
            seats.insert(m_document->seatIndex().seat(i).id);
        m_document->setSelection(std::move(seats), {});
    });
    updateBounds();
    updateBackground();
}

void EditorInteraction::updateBackground()
{
    const auto& image = m_document->layout().background;
    const std::size_t key = image ? std::hash<std::string>{}(image->dataBase64) ^ std::hash<std::string>{}(image->mimeType) : 0;
    if (key == m_backgroundKey)
        return;
    m_backgroundKey = key;
    m_background = image ? decodeBackground(*image) : QImage();
    m_view->underlayChanged();
}

EditorInteraction::~EditorInteraction()
{
    m_view->setInteraction(nullptr);
    m_view->setOverlay(nullptr);
}

void EditorInteraction::setTool(Tool tool)
{
    if (tool == m_tool)
        return;
    m_tool = tool;
    m_drag = Drag::None;
    m_view->setCursor(tool == Tool::Select ? Qt::ArrowCursor : tool == Tool::Pan ? Qt::OpenHandCursor : Qt::CrossCursor);
    m_view->update();
    Q_EMIT toolChanged(tool);
}

void EditorInteraction::syncViewSelection()
{
    m_syncing = true;
    m_view->setSelectedSeats(m_document->selectedSeatIndexes());
    m_syncing = false;
    m_view->update();
}

void EditorInteraction::updateBounds()
{
    if (const auto centre = editops::selectionCentre(m_document); !centre) {
        m_bounds.reset();
        return;
    }
    QRectF box;
    bool first = true;
    auto take = [&](QPointF p) {
        box = first ? QRectF(p, QSizeF(0, 0)) : box.united(QRectF(p, QSizeF(0, 0)));
        first = false;
    };
    const cs::Layout& layout = m_document->layout();
    for (const std::string& id : m_document->selectedAreas())
        if (auto a = m_document->areaIndex(id))
            for (const cs::Point& p : layout.areas[*a].outline)
                take(QPointF(p.x, p.y));
    for (std::uint32_t i : m_document->selectedSeatIndexes()) {
        const cs::Point& p = m_document->seatIndex().seat(i).position;
        take(QPointF(p.x, p.y));
    }
    // Half a seat around the centres, so the frame encloses the seats drawn.
    const double half = layout.seatPitch / 2;
    m_bounds = box.adjusted(-half, -half, half, half);
}

std::optional<QPointF> EditorInteraction::rotateHandle() const
{
    if (!m_bounds || m_tool != Tool::Select)
        return std::nullopt;
    const QTransform t = m_view->planToWidget();
    const QRectF frame = t.mapRect(*m_bounds);
    return QPointF(frame.center().x(), frame.top() - kHandleOffsetPx);
}

std::optional<std::string> EditorInteraction::areaAt(QPointF plan) const
{
    const auto& areas = m_document->layout().areas;
    // Topmost (last drawn) first.
    for (auto it = areas.rbegin(); it != areas.rend(); ++it)
        if (polygonOf(it->outline).containsPoint(plan, Qt::OddEvenFill))
            return it->id;
    return std::nullopt;
}

bool EditorInteraction::mousePress(SeatMapView& view, QPointF plan, QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_tool == Tool::Pan)
        return false; // middle and right buttons pan in the view
    m_pressPlan = plan;
    m_lastPlan = plan;
    m_pressWidget = event->position().toPoint();
    switch (m_tool) {
    case Tool::GenerateRows:
        Q_EMIT generateRowsRequested(plan);
        return true;
    case Tool::Table:
        Q_EMIT tableRequested(plan);
        return true;
    case Tool::FocalPoint:
        Q_EMIT focalPointRequested(plan);
        return true;
    case Tool::AddArea:
        m_drag = Drag::AreaRect;
        return true;
    case Tool::Pan:
    case Tool::Select:
        break;
    }

    if (const auto handle = rotateHandle(); handle && QLineF(*handle, event->position()).length() <= kHandleRadiusPx + 3) {
        m_drag = Drag::Rotate;
        m_pivot = m_bounds->center();
        m_appliedAngle = 0;
        m_dragKey = m_document->newDragKey();
        return true;
    }
    const bool toggle = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);
    if (const auto seat = view.seatAt(m_pressWidget)) {
        const std::string id = m_document->seatIndex().seat(*seat).id;
        const std::string areaId = m_document->seatIndex().area(*seat).id;
        std::set<std::string> seats = m_document->selectedSeats();
        std::set<std::string> areas = m_document->selectedAreas();
        if (toggle) {
            if (!seats.erase(id))
                seats.insert(id);
            m_document->setSelection(std::move(seats), std::move(areas));
            m_drag = Drag::None;
            return true;
        }
        m_pressedOnSelection = seats.count(id) || areas.count(areaId);
        if (!m_pressedOnSelection)
            m_document->setSelection({id}, {});
        m_drag = Drag::Pending;
        return true;
    }
    const auto area = areaAt(plan);
    if (!toggle && area && m_document->selectedAreas().count(*area)) {
        m_pressedOnSelection = true;
        m_drag = Drag::Pending;
        return true;
    }
    m_drag = Drag::RubberBand;
    return true;
}

bool EditorInteraction::mouseMove(SeatMapView& view, QPointF plan, QMouseEvent* event)
{
    Q_EMIT cursorMoved(plan);
    if (m_drag == Drag::None) {
        const auto handle = rotateHandle();
        const bool overHandle = handle && QLineF(*handle, event->position()).length() <= kHandleRadiusPx + 3;
        if (m_tool == Tool::Select)
            view.setCursor(overHandle ? Qt::PointingHandCursor : Qt::ArrowCursor);
        return false; // hover details stay with the view
    }
    if (m_drag == Drag::Pending) {
        if ((event->position().toPoint() - m_pressWidget).manhattanLength() < kDragThresholdPx)
            return true;
        m_drag = Drag::Move;
        m_dragKey = m_document->newDragKey();
    }
    switch (m_drag) {
    case Drag::Move: {
        // Whole centimetres: a plan drawn on round numbers stays on them.
        const double dx = std::round(plan.x() - m_lastPlan.x());
        const double dy = std::round(plan.y() - m_lastPlan.y());
        if (dx != 0 || dy != 0) {
            m_lastPlan += QPointF(dx, dy);
            editops::moveSelection(m_document, dx, dy, m_dragKey);
        }
        break;
    }
    case Drag::Rotate: {
        double angle = angleDeg(m_pivot, plan) - angleDeg(m_pivot, m_pressPlan);
        if (event->modifiers() & Qt::ShiftModifier)
            angle = std::round(angle / 15.0) * 15.0;
        const double step = angle - m_appliedAngle;
        if (std::abs(step) > 1e-9) {
            m_appliedAngle = angle;
            editops::rotateSelection(m_document, step, {m_pivot.x(), m_pivot.y()}, m_dragKey);
        }
        break;
    }
    case Drag::RubberBand:
    case Drag::AreaRect:
        m_lastPlan = plan;
        view.update();
        break;
    case Drag::None:
    case Drag::Pending:
        break;
    }
    return true;
}

bool EditorInteraction::mouseRelease(SeatMapView& view, QPointF plan, QMouseEvent* event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    const bool moved = (event->position().toPoint() - m_pressWidget).manhattanLength() >= kDragThresholdPx;
    switch (drag) {
    case Drag::Pending:
        // A plain click on part of a larger selection selects just that.
        if (const auto seat = view.seatAt(m_pressWidget))
            m_document->setSelection({m_document->seatIndex().seat(*seat).id}, {});
        else if (const auto area = areaAt(m_pressPlan))
            m_document->setSelection({}, {*area});
        break;
    case Drag::RubberBand:
        if (moved) {
            m_lastPlan = plan;
            finishRubberBand(event->modifiers());
        } else {
            selectAt(m_pressPlan, m_pressWidget, event->modifiers());
        }
        break;
    case Drag::AreaRect:
        if (moved)
            Q_EMIT areaRequested(QRectF(m_pressPlan, plan).normalized());
        break;
    case Drag::None:
    case Drag::Move:
    case Drag::Rotate:
        break;
    }
    view.update();
    return true;
}

void EditorInteraction::selectAt(QPointF plan, QPoint, Qt::KeyboardModifiers modifiers)
{
    const bool toggle = modifiers & (Qt::ShiftModifier | Qt::ControlModifier);
    const auto area = areaAt(plan);
    if (!toggle) {
        m_document->setSelection({}, area ? std::set<std::string>{*area} : std::set<std::string>{});
        return;
    }
    if (!area)
        return;
    std::set<std::string> areas = m_document->selectedAreas();
    if (!areas.erase(*area))
        areas.insert(*area);
    m_document->setSelection(m_document->selectedSeats(), std::move(areas));
}

void EditorInteraction::finishRubberBand(Qt::KeyboardModifiers modifiers)
{
    const QRectF band = QRectF(m_pressPlan, m_lastPlan).normalized();
    const bool add = modifiers & (Qt::ShiftModifier | Qt::ControlModifier);
    std::set<std::string> seats = add ? m_document->selectedSeats() : std::set<std::string>{};
    std::set<std::string> areas = add ? m_document->selectedAreas() : std::set<std::string>{};
    const cs::SeatIndex& index = m_document->seatIndex();
    for (std::uint32_t i = 0; i < index.size(); ++i) {
        const cs::Point& p = index.seat(i).position;
        if (band.contains(QPointF(p.x, p.y)))
            seats.insert(index.seat(i).id);
    }
    // Areas entirely inside the band come along whole (outline included).
    for (const cs::Area& area : m_document->layout().areas) {
        const QPolygonF outline = polygonOf(area.outline);
        if (outline.size() >= 3 && band.contains(outline.boundingRect()))
            areas.insert(area.id);
    }
    m_document->setSelection(std::move(seats), std::move(areas));
}

bool EditorInteraction::keyPress(SeatMapView&, QKeyEvent* event)
{
    if (m_tool != Tool::Select)
        return false;
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        return editops::deleteSelection(m_document);
    case Qt::Key_Escape:
        if (!m_document->hasSelection())
            return false;
        m_document->clearSelection();
        return true;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        if (!m_document->hasSelection() || (event->modifiers() & Qt::ControlModifier))
            return false; // arrows without a selection move the view's current seat
        const double step = (event->modifiers() & Qt::ShiftModifier) ? 100 : 10;
        const double dx = event->key() == Qt::Key_Left ? -step : event->key() == Qt::Key_Right ? step : 0;
        const double dy = event->key() == Qt::Key_Up ? -step : event->key() == Qt::Key_Down ? step : 0;
        return editops::moveSelection(m_document, dx, dy);
    }
    default:
        return false;
    }
}

bool EditorInteraction::paintBelow(QPainter& painter, const QTransform& planToPainter)
{
    const auto& bg = m_document->layout().background;
    if (!bg || m_background.isNull())
        return false;
    // The tracing image under the areas and seats, at its own opacity.
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setOpacity(std::clamp(bg->opacity, 0.05, 1.0));
    painter.drawImage(planToPainter.mapRect(planBoundsBelow()), m_background);
    return true;
}

QRectF EditorInteraction::planBoundsBelow() const
{
    const auto& bg = m_document->layout().background;
    if (!bg || m_background.isNull())
        return {};
    return {bg->topLeft.x, bg->topLeft.y, bg->width, bg->height};
}

void EditorInteraction::paint(QPainter& painter, const QTransform& planToWidget)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const cs::Layout& layout = m_document->layout();

    // Selected areas: their outline, dashed.
    QPen areaPen(kAccent, 2, Qt::DashLine);
    painter.setPen(areaPen);
    painter.setBrush(QColor(kAccent.red(), kAccent.green(), kAccent.blue(), 28));
    for (const std::string& id : m_document->selectedAreas())
        if (auto a = m_document->areaIndex(id))
            painter.drawPolygon(planToWidget.map(polygonOf(layout.areas[*a].outline)));

    // Selection frame and rotate handle.
    if (m_bounds && m_tool == Tool::Select) {
        const QRectF frame = planToWidget.mapRect(*m_bounds);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(kAccent, 1, Qt::DashLine));
        painter.drawRect(frame);
        if (const auto handle = rotateHandle()) {
            painter.setPen(QPen(kAccent, 1.5));
            painter.drawLine(QPointF(frame.center().x(), frame.top()), *handle + QPointF(0, kHandleRadiusPx));
            painter.setBrush(Qt::white);
            painter.drawEllipse(*handle, kHandleRadiusPx, kHandleRadiusPx);
            // A small arc arrow inside the handle says "rotate".
            painter.drawArc(QRectF(*handle - QPointF(3.5, 3.5), QSizeF(7, 7)), 30 * 16, 270 * 16);
        }
    }

    // Rubber band and new-area rectangle.
    if (m_drag == Drag::RubberBand || m_drag == Drag::AreaRect) {
        const QRectF band = planToWidget.mapRect(QRectF(m_pressPlan, m_lastPlan).normalized());
        painter.setPen(QPen(kAccent, 1, m_drag == Drag::AreaRect ? Qt::SolidLine : Qt::DashLine));
        painter.setBrush(QColor(kAccent.red(), kAccent.green(), kAccent.blue(), 40));
        painter.drawRect(band);
    }

    // Validation markers: a ring with "!" where each problem is, visible ones only.
    const QRectF visible = QRectF(painter.viewport()).adjusted(-12, -12, 12, 12);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(11);
    painter.setFont(font);
    int drawn = 0;
    for (const cs::LayoutProblem& problem : m_document->problems()) {
        const QPointF at = planToWidget.map(QPointF(problem.where.x, problem.where.y));
        if (!visible.contains(at))
            continue;
        if (++drawn > kMaxMarkers)
            break;
        const QRectF marker(at - QPointF(8, 8), QSizeF(16, 16));
        painter.setPen(QPen(Qt::white, 1.5));
        painter.setBrush(kProblem);
        painter.drawEllipse(marker);
        painter.setPen(Qt::white);
        painter.drawText(marker, Qt::AlignCenter, QStringLiteral("!"));
    }
    painter.restore();
}

} // namespace marquee::client
