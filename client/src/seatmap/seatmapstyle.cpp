// Seat status styling: colours, patterns and marks shared by the view, minimap and legend.
#include "seatmap/seatmapstyle.h"

#include <QPainter>
#include <QPainterPath>

namespace marquee::client::seatstyle {

namespace {

// Okabe & Ito, "Color Universal Design" (2002).
constexpr QRgb kBlue = 0x0072B2;
constexpr QRgb kOrange = 0xE69F00;
constexpr QRgb kBluishGreen = 0x009E73;
constexpr QRgb kReddishPurple = 0xCC79A7;
constexpr QRgb kSkyBlue = 0x56B4E9;
constexpr QRgb kYellow = 0xF0E442;
constexpr QRgb kVermillion = 0xD55E00;

constexpr QRgb kCategoryPalette[] = {kBlue, kOrange, kBluishGreen, kReddishPurple, kSkyBlue, kYellow};

const QColor kHeldFill(0xBB, 0xBB, 0xBB);
const QColor kHeldHatch(0x4D, 0x4D, 0x4D);
const QColor kSoldFill(0x33, 0x33, 0x33);
const QColor kBlockedFill(0xFF, 0xFF, 0xFF);
const QColor kBlockedMark{QRgb(kVermillion)};
const QColor kLeasedFill(0xE4, 0xE4, 0xE4);
const QColor kLeasedDots{QRgb(kBlue)};
const QColor kMineFill(0xFF, 0xFF, 0xFF);
const QColor kNoCategory(0x99, 0x99, 0x99);

} // namespace

QColor background() { return {0xFA, 0xFA, 0xF7}; }
QColor areaFill() { return {0xEE, 0xEE, 0xEA}; }
QColor areaBorder() { return {0xB8, 0xB8, 0xB0}; }
QColor stageFill() { return {0x22, 0x22, 0x22}; }

QColor categoryColour(std::uint8_t category)
{
    if (category == 0)
        return kNoCategory;
    const std::size_t i = static_cast<std::size_t>(category - 1);
    const std::size_t n = std::size(kCategoryPalette);
    QColor c{QRgb(kCategoryPalette[i % n])};
    // Past the palette: the same hues, lighter (a pattern-free fill stays available-only).
    for (std::size_t round = i / n; round > 0; --round)
        c = c.lighter(135);
    return c;
}

QColor fillColour(SeatStatus status, std::uint8_t category)
{
    switch (status) {
    case SeatStatus::Available:
        return categoryColour(category);
    case SeatStatus::Held:
        return kHeldFill;
    case SeatStatus::HeldByMe:
        return kMineFill;
    case SeatStatus::Sold:
        return kSoldFill;
    case SeatStatus::Blocked:
        return kBlockedFill;
    case SeatStatus::Leased:
        return kLeasedFill;
    }
    return kNoCategory;
}

QBrush patternBrush(SeatStatus status)
{
    switch (status) {
    case SeatStatus::Held:
        return {kHeldHatch, Qt::BDiagPattern};
    case SeatStatus::Blocked:
        return {kBlockedMark, Qt::DiagCrossPattern};
    case SeatStatus::Leased:
        return {kLeasedDots, Qt::Dense6Pattern};
    default:
        return Qt::NoBrush;
    }
}

void drawSeat(QPainter& painter, const QRectF& r, SeatStatus status, std::uint8_t category, std::uint8_t flags,
              bool detailed)
{
    const QColor fill = fillColour(status, category);
    const double radius = r.width() * 0.2;
    const bool wheelchair = (flags & core::seating::kWheelchairSpace) != 0;
    // Wheelchair spaces are round: a shape cue that survives without colour.
    // Corners are cut rather than rounded: a rotated rounded rect becomes curves to flatten,
    // eight points stay cheap for thousands of seats.
    auto octagon = [](const QRectF& b, double cut) {
        QPolygonF p;
        p << QPointF(b.left() + cut, b.top()) << QPointF(b.right() - cut, b.top()) << QPointF(b.right(), b.top() + cut)
          << QPointF(b.right(), b.bottom() - cut) << QPointF(b.right() - cut, b.bottom())
          << QPointF(b.left() + cut, b.bottom()) << QPointF(b.left(), b.bottom() - cut) << QPointF(b.left(), b.top() + cut);
        return p;
    };
    auto drawShape = [&](const QRectF& b, double cut) {
        if (wheelchair)
            painter.drawEllipse(b);
        else
            painter.drawPolygon(octagon(b, cut));
    };
    const double line = std::max(1.0, r.width() * 0.06);
    QColor border = status == SeatStatus::Available ? fill.darker(150) : QColor(0x55, 0x55, 0x55);
    if (status == SeatStatus::Blocked)
        border = kBlockedMark;
    // The border is a filled shape under a smaller one, not a stroke: stroking an
    // antialiased outline costs several fills.
    painter.setPen(Qt::NoPen);
    if (detailed) {
        painter.setBrush(border);
        drawShape(r, radius);
        painter.setBrush(fill);
        drawShape(r.adjusted(line, line, -line, -line), std::max(0.0, radius - line * 0.41));
    } else {
        painter.setBrush(fill);
        drawShape(r, radius);
    }
    auto drawOutline = [&] { drawShape(r, radius); };
    if (!detailed) {
        const QBrush pattern = patternBrush(status);
        if (pattern.style() != Qt::NoBrush) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(pattern);
            drawOutline();
        }
        return;
    }
    // Detailed seats: drawn marks rather than brush patterns (patterns do not scale).
    const QRectF inner = r.adjusted(r.width() * 0.18, r.height() * 0.18, -r.width() * 0.18, -r.height() * 0.18);
    switch (status) {
    case SeatStatus::Held: {
        // Hatched: diagonals across the inner square (kept inside the rounded outline).
        painter.setPen(QPen(kHeldHatch, line));
        const QRectF h = r.adjusted(r.width() * 0.12, r.height() * 0.12, -r.width() * 0.12, -r.height() * 0.12);
        for (int k = 1; k <= 4; ++k) {
            const double t = k / 5.0;
            painter.drawLine(QPointF(h.left(), h.top() + h.height() * t), QPointF(h.left() + h.width() * t, h.top()));
            painter.drawLine(QPointF(h.left() + h.width() * t, h.bottom()), QPointF(h.right(), h.top() + h.height() * t));
        }
        break;
    }
    case SeatStatus::HeldByMe: {
        painter.setPen(QPen(Qt::black, line * 2.2));
        painter.setBrush(Qt::NoBrush);
        drawOutline();
        QPainterPath check;
        check.moveTo(inner.left(), inner.center().y());
        check.lineTo(inner.left() + inner.width() * 0.38, inner.bottom());
        check.lineTo(inner.right(), inner.top());
        painter.setPen(QPen(QColor(QRgb(kBluishGreen)).darker(140), line * 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(check);
        break;
    }
    case SeatStatus::Sold:
        break; // solid dark: the darkest state needs no further mark
    case SeatStatus::Blocked:
        painter.setPen(QPen(kBlockedMark, line * 1.8, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(inner.topLeft(), inner.bottomRight());
        painter.drawLine(inner.topRight(), inner.bottomLeft());
        break;
    case SeatStatus::Leased: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(kLeasedDots);
        const double dot = std::max(1.0, r.width() * 0.08);
        for (int iy = 0; iy < 3; ++iy)
            for (int ix = 0; ix < 3; ++ix)
                painter.drawEllipse(QPointF(inner.left() + inner.width() * ix / 2.0, inner.top() + inner.height() * iy / 2.0),
                                    dot, dot);
        break;
    }
    case SeatStatus::Available:
        break;
    }
    // Flags the eye can pick up without a legend: companion seat a dot, restricted view a
    // notch at the back-right corner.
    if ((flags & core::seating::kCompanionSeat) != 0) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawEllipse(QPointF(r.left() + r.width() * 0.2, r.bottom() - r.height() * 0.2), r.width() * 0.1,
                            r.width() * 0.1);
    }
    if ((flags & core::seating::kRestrictedView) != 0) {
        QPolygonF notch;
        notch << r.bottomRight() << QPointF(r.right() - r.width() * 0.35, r.bottom())
              << QPointF(r.right(), r.bottom() - r.height() * 0.35);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::black);
        painter.drawPolygon(notch);
    }
}

void drawSelected(QPainter& painter, const QRectF& r)
{
    const double line = std::max(1.5, r.width() * 0.12);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Qt::black, line));
    painter.drawRoundedRect(r.adjusted(-line / 2, -line / 2, line / 2, line / 2), r.width() * 0.28, r.width() * 0.28);
    painter.setPen(QPen(Qt::white, line / 2));
    painter.drawRoundedRect(r.adjusted(line / 2, line / 2, -line / 2, -line / 2), r.width() * 0.18, r.width() * 0.18);
}

void drawHover(QPainter& painter, const QRectF& r)
{
    const double line = std::max(1.0, r.width() * 0.08);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0, 0, 0, 150), line));
    painter.drawRoundedRect(r.adjusted(-line * 1.5, -line * 1.5, line * 1.5, line * 1.5), r.width() * 0.3, r.width() * 0.3);
}

void drawFocus(QPainter& painter, const QRectF& r)
{
    const double line = std::max(1.5, r.width() * 0.08);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(QRgb(kVermillion)), line, Qt::DashLine));
    painter.drawRoundedRect(r.adjusted(-line * 2.5, -line * 2.5, line * 2.5, line * 2.5), r.width() * 0.3, r.width() * 0.3);
}

QColor textOn(const QColor& fill)
{
    const double luma = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue();
    return luma > 140 ? QColor(Qt::black) : QColor(Qt::white);
}

QString statusName(SeatStatus status)
{
    switch (status) {
    case SeatStatus::Available:
        return QCoreApplication::translate("SeatMap", "Available");
    case SeatStatus::Held:
        return QCoreApplication::translate("SeatMap", "Held");
    case SeatStatus::HeldByMe:
        return QCoreApplication::translate("SeatMap", "Held by you");
    case SeatStatus::Sold:
        return QCoreApplication::translate("SeatMap", "Sold");
    case SeatStatus::Blocked:
        return QCoreApplication::translate("SeatMap", "Blocked");
    case SeatStatus::Leased:
        return QCoreApplication::translate("SeatMap", "Leased to a box office");
    }
    return {};
}

} // namespace marquee::client::seatstyle
