// SeatMapRenderer implementation: areas, blocks with availability counts, batched flat seats
// and fully drawn seats with labels.
#include "seatmap/seatmaprenderer.h"

#include "seatmap/seatmapstyle.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QStaticText>

#include <array>
#include <cmath>
#include <utility>

namespace marquee::client {

using core::seating::SeatStatus;

namespace {

QPolygonF scaled(const QPolygonF& polygon, double scale)
{
    QPolygonF out;
    out.reserve(polygon.size());
    for (const QPointF& p : polygon)
        out << p * scale;
    return out;
}

// Sutherland–Hodgman: the part of `polygon` inside `rect`. The rasterizer walks every edge
// of a polygon it is given, clip or not; an area outline zoomed in is tens of thousands of
// pixels across, so each tile hands it only the piece that touches the tile. Callers pass a
// rect a few pixels larger than what they draw so the cut edges (and their stroke) fall
// outside the visible pixels.
QPolygonF clippedToRect(const QPolygonF& polygon, const QRectF& rect)
{
    if (rect.contains(polygon.boundingRect()))
        return polygon;
    QPolygonF input = polygon;
    QPolygonF output;
    // One pass per rect side: keep points on the inner side, add crossings.
    auto clipSide = [&](auto inside, auto crossing) {
        output.clear();
        const qsizetype n = input.size();
        for (qsizetype i = 0; i < n; ++i) {
            const QPointF& current = input[i];
            const QPointF& previous = input[(i + n - 1) % n];
            const bool currentIn = inside(current);
            if (currentIn != inside(previous))
                output << crossing(previous, current);
            if (currentIn)
                output << current;
        }
        std::swap(input, output);
    };
    auto atX = [](double x) {
        return [x](const QPointF& a, const QPointF& b) {
            const double t = (x - a.x()) / (b.x() - a.x());
            return QPointF(x, a.y() + t * (b.y() - a.y()));
        };
    };
    auto atY = [](double y) {
        return [y](const QPointF& a, const QPointF& b) {
            const double t = (y - a.y()) / (b.y() - a.y());
            return QPointF(a.x() + t * (b.x() - a.x()), y);
        };
    };
    clipSide([&](const QPointF& p) { return p.x() >= rect.left(); }, atX(rect.left()));
    clipSide([&](const QPointF& p) { return p.x() <= rect.right(); }, atX(rect.right()));
    clipSide([&](const QPointF& p) { return p.y() >= rect.top(); }, atY(rect.top()));
    clipSide([&](const QPointF& p) { return p.y() <= rect.bottom(); }, atY(rect.bottom()));
    return input;
}

// A label on a translucent white plate so it reads on any fill. Cheap on purpose (no text
// path stroking): block labels are drawn once per tile they touch.
void drawLabel(QPainter& painter, QPointF centre, const QString& text, const QFont& font, const QRectF& pixelRect)
{
    const QFontMetricsF fm(font);
    const QStringList lines = text.split(QLatin1Char('\n'));
    double width = 0;
    for (const QString& line : lines)
        width = std::max(width, fm.horizontalAdvance(line));
    const double height = fm.height() * static_cast<double>(lines.size());
    const QRectF box(centre.x() - width / 2 - 3, centre.y() - height / 2 - 1, width + 6, height + 2);
    if (!box.intersects(pixelRect))
        return;
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 200));
    painter.drawRoundedRect(box, 3, 3);
    painter.setFont(font);
    painter.setPen(QColor(0x1A, 0x1A, 0x1A));
    painter.drawText(box, Qt::AlignCenter, text);
}

// Seat labels repeat ("1".."60" in every row): laid out once per size, drawn many times.
const QStaticText& staticLabel(const std::string& label, int pixelSize)
{
    static QHash<QString, QStaticText> cache;
    static int cachedSize = 0;
    if (pixelSize != cachedSize || cache.size() > 4096) {
        cache.clear();
        cachedSize = pixelSize;
    }
    const QString key = QString::fromStdString(label);
    auto it = cache.find(key);
    if (it == cache.end()) {
        QStaticText text(key);
        text.setPerformanceHint(QStaticText::AggressiveCaching);
        text.setTextFormat(Qt::PlainText);
        it = cache.insert(key, text);
    }
    return *it;
}

// Fully drawn seats repeat: a stadium zoomed in shows a few hundred seats but only a few
// dozen distinct looks (status, category, flags, rotation). Each look is painted once per
// scale into a small transparent image with the same drawSeat() call as before and blitted
// from then on; a blit costs a fraction of two antialiased polygons and the marks.
// Rotation is kept to 1 degree (under 0.2 px at a seat's corner at the largest zoom) and
// the position to a quarter of a pixel, so the map looks as if each seat were drawn.
class SeatGlyphCache {
public:
    static constexpr int kAngleSteps = 360;
    static constexpr int kSubpixelSteps = 4;

    // Draws the seat with its centre at `centre` (painter coordinates, which must be a
    // translation of the device: tiles and dirty regions are).
    void draw(QPainter& painter, QPointF centre, double angle, const QRectF& footprint, SeatStatus status,
              std::uint8_t category, std::uint8_t flags)
    {
        const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
        if (footprint != m_footprint || dpr != m_dpr || m_glyphs.size() > 8192) {
            m_glyphs.clear();
            m_footprint = footprint;
            m_dpr = dpr;
            const double radius = std::hypot(footprint.width(), footprint.height()) / 2;
            m_half = static_cast<int>(std::ceil(radius)) + 2;
        }
        const double wholeX = std::floor(centre.x());
        const double wholeY = std::floor(centre.y());
        const int subX = std::min(kSubpixelSteps - 1, static_cast<int>((centre.x() - wholeX) * kSubpixelSteps));
        const int subY = std::min(kSubpixelSteps - 1, static_cast<int>((centre.y() - wholeY) * kSubpixelSteps));
        double turns = std::fmod(angle, 360.0);
        if (turns < 0)
            turns += 360.0;
        const int angleStep = static_cast<int>(std::lround(turns * kAngleSteps / 360.0)) % kAngleSteps;
        const quint64 key = static_cast<quint64>(status) | static_cast<quint64>(category) << 8
            | static_cast<quint64>(flags) << 16 | static_cast<quint64>(angleStep) << 24
            | static_cast<quint64>(subX) << 40 | static_cast<quint64>(subY) << 44;
        auto it = m_glyphs.find(key);
        if (it == m_glyphs.end()) {
            const int side = 2 * m_half;
            QImage glyph(QSize(side, side) * dpr, QImage::Format_ARGB32_Premultiplied);
            glyph.setDevicePixelRatio(dpr);
            glyph.fill(Qt::transparent);
            QPainter p(&glyph);
            p.setRenderHint(QPainter::Antialiasing, true);
            p.translate(m_half + (subX + 0.5) / kSubpixelSteps, m_half + (subY + 0.5) / kSubpixelSteps);
            p.rotate(angleStep * 360.0 / kAngleSteps);
            seatstyle::drawSeat(p, footprint, status, category, flags, true);
            p.end();
            it = m_glyphs.insert(key, glyph);
        }
        painter.drawImage(QPointF(wholeX - m_half, wholeY - m_half), *it);
    }

private:
    QRectF m_footprint;
    qreal m_dpr = 1.0;
    int m_half = 0;
    QHash<quint64, QImage> m_glyphs;
};

// One per thread: tiles may be painted off the GUI thread.
SeatGlyphCache& seatGlyphs()
{
    thread_local SeatGlyphCache cache;
    return cache;
}

} // namespace

SeatMapRenderer::Detail SeatMapRenderer::detailFor(const SeatMapGeometry& geometry, double scale)
{
    const double seatPx = geometry.seatWidth() * scale;
    if (seatPx < kSeatsPx)
        return Detail::Blocks;
    return seatPx < kLabelPx ? Detail::Seats : Detail::Labelled;
}

QString SeatMapRenderer::availabilityText(const SeatMapGeometry& geometry, const SeatMapState& state, std::uint32_t area)
{
    const SeatMapGeometry::AreaShape& shape = geometry.areas()[area];
    const QLocale locale;
    if (shape.generalAdmission) {
        const auto it = state.generalAdmission.constFind(shape.id);
        if (it == state.generalAdmission.cend())
            return QCoreApplication::translate("SeatMap", "%1 places").arg(locale.toString(shape.capacity));
        const std::uint32_t left = it->capacity > it->taken ? it->capacity - it->taken : 0;
        if (left == 0)
            return QCoreApplication::translate("SeatMap", "Sold out");
        return QCoreApplication::translate("SeatMap", "%1 of %2 left").arg(locale.toString(left), locale.toString(it->capacity));
    }
    if (!state.hasStatus())
        return QCoreApplication::translate("SeatMap", "%1 seats").arg(locale.toString(shape.seatCount));
    const std::uint32_t free = area < state.areaAvailable.size() ? state.areaAvailable[area] : 0;
    if (free == 0)
        return QCoreApplication::translate("SeatMap", "Sold out");
    return QCoreApplication::translate("SeatMap", "%1 free").arg(locale.toString(free));
}

void SeatMapRenderer::render(QPainter& painter, const SeatMapGeometry& geometry, const SeatMapState& state, double scale,
                             const QRectF& planRect, const Underlay& underlay)
{
    painter.fillRect(QRectF(planRect.topLeft() * scale, planRect.bottomRight() * scale), seatstyle::background());
    if (!geometry.layout())
        return;
    bool translucentFills = false;
    if (underlay) {
        painter.save();
        translucentFills = underlay(painter, scale);
        painter.restore();
    }
    const Detail detail = detailFor(geometry, scale);
    renderAreas(painter, geometry, state, scale, planRect, detail, translucentFills);
    if (detail == Detail::Seats)
        renderSeatsFlat(painter, geometry, state, scale, planRect);
    else if (detail == Detail::Labelled)
        renderSeatsLabelled(painter, geometry, state, scale, planRect);
}

void SeatMapRenderer::renderThumbnail(QPainter& painter, const SeatMapGeometry& geometry, const SeatMapState& state,
                                      double scale, const QRectF& planRect)
{
    painter.fillRect(QRectF(planRect.topLeft() * scale, planRect.bottomRight() * scale), seatstyle::background());
    if (geometry.layout())
        renderAreas(painter, geometry, state, scale, planRect, Detail::Blocks, false, false);
}

void SeatMapRenderer::renderAreas(QPainter& painter, const SeatMapGeometry& geometry, const SeatMapState& state,
                                  double scale, const QRectF& planRect, Detail detail, bool translucentFills, bool labels)
{
    const core::seating::Layout& layout = *geometry.layout();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF pixelRect(planRect.topLeft() * scale, planRect.bottomRight() * scale);

    // The stage / focal point: a dark pill with its label.
    const QRectF stage = geometry.stageRect();
    // Too small to hold its label (a pitch in a zoomed-out stadium): the label goes below.
    const double stageLabelRoom = 40 / scale;
    if (stage.adjusted(-stageLabelRoom, -stageLabelRoom, stageLabelRoom, stageLabelRoom).intersects(planRect)) {
        const QRectF s(stage.topLeft() * scale, stage.bottomRight() * scale);
        painter.setPen(Qt::NoPen);
        painter.setBrush(seatstyle::stageFill());
        painter.drawRoundedRect(s, s.height() / 3, s.height() / 3);
        const QString label = labels ? QString::fromStdString(layout.focalLabel) : QString();
        if (s.height() > 10 && !label.isEmpty()) {
            QFont font = painter.font();
            font.setPixelSize(std::clamp(static_cast<int>(s.height() * 0.45), 6, 48));
            painter.setFont(font);
            painter.setPen(Qt::white);
            painter.drawText(s, Qt::AlignCenter, label);
        } else if (s.width() > 4 && !label.isEmpty()) {
            QFont font = painter.font();
            font.setPixelSize(10);
            drawLabel(painter, QPointF(s.center().x(), s.bottom() + 9), label, font, pixelRect);
        }
    }

    const auto& areas = geometry.areas();
    for (std::uint32_t a = 0; a < areas.size(); ++a) {
        const SeatMapGeometry::AreaShape& area = areas[a];
        // Labels stand a little outside the area (above its first row).
        const double labelRoom = 32 / scale;
        if (!area.bounds.adjusted(-labelRoom, -labelRoom, labelRoom, labelRoom).intersects(planRect))
            continue;
        const QRectF box(area.bounds.topLeft() * scale, area.bounds.bottomRight() * scale);
        const bool fillVisible = area.bounds.intersects(planRect);
        const QPolygonF outline =
            fillVisible ? clippedToRect(scaled(area.outline, scale), pixelRect.adjusted(-4, -4, 4, 4)) : QPolygonF();
        bool blockFill = detail == Detail::Blocks || area.generalAdmission;
        QColor fill = seatstyle::areaFill();
        bool soldOut = false;
        if (blockFill) {
            std::uint8_t category = area.category;
            if (!area.generalAdmission && area.seatCount > 0)
                category = geometry.categoryOf(area.firstSeat);
            fill = seatstyle::categoryColour(category);
            if (area.generalAdmission) {
                // A standing floor reads as a lighter surface than seated blocks.
                fill = QColor::fromRgbF(0.45f * fill.redF() + 0.55f, 0.45f * fill.greenF() + 0.55f,
                                        0.45f * fill.blueF() + 0.55f);
            }
            if (area.generalAdmission) {
                const auto it = state.generalAdmission.constFind(area.id);
                soldOut = it != state.generalAdmission.cend() && it->taken >= it->capacity;
            } else {
                soldOut = state.hasStatus() && a < state.areaAvailable.size() && state.areaAvailable[a] == 0;
            }
            if (soldOut)
                fill = QColor(0xBB, 0xBB, 0xBB);
        }
        if (translucentFills)
            fill.setAlpha(150); // the tracing image stays visible inside areas
        const bool inside = fillVisible && planRect.width() < area.bounds.width() / 4
            && area.outline.containsPoint(planRect.topLeft(), Qt::OddEvenFill)
            && area.outline.containsPoint(planRect.topRight(), Qt::OddEvenFill)
            && area.outline.containsPoint(planRect.bottomLeft(), Qt::OddEvenFill)
            && area.outline.containsPoint(planRect.bottomRight(), Qt::OddEvenFill);
        if (inside && !soldOut) {
            // A small region (one seat's repaint) inside the area: no polygon to rasterize.
            painter.fillRect(pixelRect, fill);
        } else if (fillVisible) {
            painter.setPen(QPen(seatstyle::areaBorder(), 1));
            painter.setBrush(fill);
            painter.drawPolygon(outline);
        }
        if (soldOut && fillVisible) {
            // Sold-out blocks are hatched, not only grey.
            painter.setPen(Qt::NoPen);
            painter.setBrush(QBrush(QColor(0x4D, 0x4D, 0x4D), Qt::BDiagPattern));
            painter.drawPolygon(outline);
        }
        // Block labels: name and availability while the block is large enough to hold them.
        if (labels && blockFill && box.width() > 28 && box.height() > 18) {
            QFont font = painter.font();
            font.setPixelSize(std::clamp(static_cast<int>(std::min(box.width() / 9, box.height() / 3.5)), 7, 28));
            const QString text = area.label + QLatin1Char('\n') + availabilityText(geometry, state, a);
            drawLabel(painter, area.labelAnchor * scale, text, font, pixelRect);
        } else if (labels && !blockFill && box.width() > 80) {
            // Seats are drawn: the section name goes above its first row.
            QFont font = painter.font();
            font.setPixelSize(std::clamp(static_cast<int>(geometry.seatWidth() * scale * 0.7), 8, 22));
            const QFontMetricsF fm(font);
            drawLabel(painter, QPointF(area.labelAnchor.x() * scale, area.labelTop * scale - fm.height() * 0.7), area.label,
                      font, pixelRect);
        }
    }

    // Tables under their seats, wherever seats are drawn.
    if (detail == Detail::Blocks)
        return;
    for (const std::uint32_t tableRow : geometry.tables()) {
        const SeatMapGeometry::RowShape& row = geometry.rows()[tableRow];
        const QRectF table(*row.tableCentre - QPointF(row.tableRadius, row.tableRadius),
                           QSizeF(2 * row.tableRadius, 2 * row.tableRadius));
        if (!table.intersects(planRect))
            continue;
        const QRectF t(table.topLeft() * scale, table.bottomRight() * scale);
        painter.setPen(QPen(QColor(0x8C, 0x6D, 0x46), 1));
        painter.setBrush(QColor(0xD9, 0xC7, 0xA7));
        painter.drawEllipse(t);
        if (t.width() > 24) {
            QFont font = painter.font();
            font.setPixelSize(std::clamp(static_cast<int>(t.height() * 0.3), 7, 24));
            painter.setFont(font);
            painter.setPen(QColor(0x4A, 0x3A, 0x25));
            painter.drawText(t, Qt::AlignCenter, row.label);
        }
    }
}

void SeatMapRenderer::renderSeatsFlat(QPainter& painter, const SeatMapGeometry& geometry, const SeatMapState& state,
                                      double scale, const QRectF& planRect)
{
    // Batched by look: one drawRects call per (status, category) instead of one per seat.
    // Key: status * 256 + category.
    QHash<int, QVector<QRectF>> groups;
    const double w = geometry.seatWidth() * scale;
    const double h = geometry.seatDepth() * scale;
    const double side = std::max(1.0, std::min(w, h));
    geometry.forEachSeatNear(planRect, [&](std::uint32_t i) {
        const QPointF c = geometry.centre(i) * scale;
        const int key = static_cast<int>(state.statusOf(i)) * 256 + geometry.categoryOf(i);
        groups[key].append(QRectF(c.x() - side / 2, c.y() - side / 2, side, side));
    });
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        const auto status = static_cast<SeatStatus>(it.key() / 256);
        const auto category = static_cast<std::uint8_t>(it.key() % 256);
        painter.setBrush(seatstyle::fillColour(status, category));
        painter.drawRects(it.value());
        const QBrush pattern = seatstyle::patternBrush(status);
        if (pattern.style() != Qt::NoBrush && !(status == SeatStatus::Blocked && side >= 5)) {
            painter.setBrush(pattern);
            painter.drawRects(it.value());
        }
        if (status == SeatStatus::Blocked && side >= 5) {
            // A brush pattern leaves a pixel or two of a small square: draw the cross the
            // fully drawn seat has.
            QVector<QLineF> cross;
            cross.reserve(it.value().size() * 2);
            for (const QRectF& r : it.value()) {
                const QRectF in = r.adjusted(side * 0.15, side * 0.15, -side * 0.15, -side * 0.15);
                cross << QLineF(in.topLeft(), in.bottomRight()) << QLineF(in.topRight(), in.bottomLeft());
            }
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setPen(QPen(seatstyle::patternBrush(status).color(), std::max(1.0, side / 6)));
            painter.drawLines(cross);
            painter.setPen(Qt::NoPen);
            painter.setRenderHint(QPainter::Antialiasing, false);
        }
        if (status == SeatStatus::HeldByMe) {
            // Yours: a black ring, as at full detail.
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(Qt::black, std::max(1.0, side / 5)));
            painter.drawRects(it.value());
            painter.setPen(Qt::NoPen);
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
}

void SeatMapRenderer::renderSeatsLabelled(QPainter& painter, const SeatMapGeometry& geometry,
                                          const SeatMapState& state, double scale, const QRectF& planRect)
{
    const core::seating::SeatIndex& index = geometry.index();
    const double w = geometry.seatWidth() * scale;
    const double h = geometry.seatDepth() * scale;
    const QRectF footprint(-w / 2, -h / 2, w, h);
    const bool labels = w >= kLabelPx + 2;
    QFont font = painter.font();
    const int labelPx = std::clamp(static_cast<int>(h * 0.5), 6, 40);
    font.setPixelSize(labelPx);
    painter.setFont(font);
    painter.setRenderHint(QPainter::Antialiasing, true);

    SeatGlyphCache& glyphs = seatGlyphs();
    geometry.forEachSeatNear(planRect, [&](std::uint32_t i) {
        const QPointF c = geometry.centre(i) * scale;
        const SeatStatus status = state.statusOf(i);
        glyphs.draw(painter, c, static_cast<double>(geometry.rotation(i)), footprint, status, geometry.categoryOf(i),
                    geometry.flagsOf(i));
        if (labels && status != SeatStatus::HeldByMe && status != SeatStatus::Blocked) {
            // Upright, not rotated with the seat: readable, and glyphs stay in Qt's cache
            // (every rotation angle would rasterize them again).
            painter.setPen(seatstyle::textOn(seatstyle::fillColour(status, geometry.categoryOf(i))));
            const QStaticText& text = staticLabel(index.seat(i).label, labelPx);
            const QSizeF size = text.size();
            painter.drawStaticText(c - QPointF(size.width() / 2, size.height() / 2), text);
        }
    });

    // Row ends within reach of the region: their labels may reach into it.
    std::vector<std::uint32_t> rowsSeen;
    const double margin = 2.5 * geometry.seatWidth();
    geometry.forEachSeatNear(planRect.adjusted(-margin, -margin, margin, margin), [&](std::uint32_t i) {
        const std::uint32_t row = geometry.rowOf(i);
        const SeatMapGeometry::RowShape& rs = geometry.rows()[row];
        if (!rs.circular && (i == rs.firstSeat || i + 1 == rs.firstSeat + rs.seatCount))
            rowsSeen.push_back(row);
    });

    // Row labels beyond both ends of each straight or curved row.
    if (w < 10)
        return;
    std::sort(rowsSeen.begin(), rowsSeen.end());
    rowsSeen.erase(std::unique(rowsSeen.begin(), rowsSeen.end()), rowsSeen.end());
    painter.setPen(QColor(0x44, 0x44, 0x44));
    for (std::uint32_t row : rowsSeen) {
        const SeatMapGeometry::RowShape& rs = geometry.rows()[row];
        if (rs.seatCount == 0 || rs.label.isEmpty())
            continue;
        const std::array<std::pair<std::uint32_t, std::uint32_t>, 2> ends{
            std::pair{rs.firstSeat, rs.seatCount > 1 ? rs.firstSeat + 1 : rs.firstSeat},
            std::pair{rs.firstSeat + rs.seatCount - 1, rs.seatCount > 1 ? rs.firstSeat + rs.seatCount - 2 : rs.firstSeat}};
        for (const auto& [end, inner] : ends) {
            QPointF outward = geometry.centre(end) - geometry.centre(inner);
            const double length = std::hypot(outward.x(), outward.y());
            outward = length > 1e-6 ? outward / length : QPointF(-1, 0);
            const QPointF at = (geometry.centre(end) + outward * geometry.seatWidth() * 1.1) * scale;
            const QStaticText& text = staticLabel(rs.label.toStdString(), labelPx);
            painter.drawStaticText(at - QPointF(text.size().width() / 2, text.size().height() / 2), text);
        }
    }
}

} // namespace marquee::client
