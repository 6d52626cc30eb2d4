// QPainter painter of the ticket layout: text wrapped with QTextLayout and elided on its
// last allowed line, rules, and the QR as runs of dark modules.
#include "tickets/ticketpainter.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <cmath>

namespace marquee::client::tickets {

namespace {

namespace layout = core::tickets;

QColor colourOf(layout::Ink ink)
{
    switch (ink) {
    case layout::Ink::Text:
        return QColor(18, 18, 18);
    case layout::Ink::Muted:
        return QColor(97, 97, 97);
    case layout::Ink::Alert:
        break;
    }
    return QColor(199, 26, 26);
}

// Millimetres of the page to device coordinates.
struct Mapping {
    QPointF origin;
    double scale; // device units per mm

    QRectF rect(const layout::MmRect& r) const
    {
        return QRectF(origin.x() + r.x * scale, origin.y() + r.y * scale, r.width * scale, r.height * scale);
    }
    QPointF point(double x, double y) const { return QPointF(origin.x() + x * scale, origin.y() + y * scale); }
};

QFont fontFor(const layout::TextBox& text, const Mapping& map, const QPaintDevice& device)
{
    QFont font(text.monospace ? QStringLiteral("DejaVu Sans Mono") : QStringLiteral("DejaVu Sans"));
    if (text.monospace)
        font.setStyleHint(QFont::Monospace);
    font.setBold(text.weight == layout::TextWeight::Bold);
    // The layout's points are physical; the device converts points with its logical DPI.
    const double devicePixels = text.pointSize * layout::kMmPerPoint * map.scale;
    font.setPointSizeF(devicePixels * 72.0 / device.logicalDpiY());
    return font;
}

// Measured for `device`: a PDF writer's 300 dpi measures other sizes than the screen.
QStringList wrappedLines(const QString& text, const QFont& font, QPaintDevice* device, double width, int maxLines,
                         bool anywhere)
{
    QTextLayout textLayout(text, font, device);
    QTextOption option;
    option.setWrapMode(anywhere ? QTextOption::WrapAnywhere : QTextOption::WrapAtWordBoundaryOrAnywhere);
    textLayout.setTextOption(option);
    QStringList lines;
    textLayout.beginLayout();
    for (QTextLine line = textLayout.createLine(); line.isValid(); line = textLayout.createLine()) {
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            const QString rest = text.mid(line.textStart()).simplified();
            lines << QFontMetricsF(font, device).elidedText(rest, Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    textLayout.endLayout();
    return lines;
}

void paintText(QPainter& painter, const layout::TextBox& text, const Mapping& map)
{
    const QRectF box = map.rect(text.box);
    const QFont font = fontFor(text, map, *painter.device());
    QPaintDevice* device = painter.device();
    const QStringList lines =
        wrappedLines(QString::fromStdString(text.text), font, device, box.width(), text.maxLines, text.monospace);
    painter.save();
    if (text.rotationDegrees != 0) {
        painter.translate(box.center());
        painter.rotate(text.rotationDegrees);
        painter.translate(-box.center());
    }
    painter.setFont(font);
    painter.setPen(colourOf(text.ink));
    const double lineHeight = text.lineHeightMm * map.scale;
    // Baselines placed by hand: each line centred in its slot of the box, no clipping.
    const QFontMetricsF metrics(font, device);
    const double baselineOffset = (lineHeight - (metrics.ascent() + metrics.descent())) / 2 + metrics.ascent();
    for (int i = 0; i < lines.size(); ++i) {
        const double free = box.width() - metrics.horizontalAdvance(lines.at(i));
        const double x = box.x() + (text.align == layout::TextAlign::Left     ? 0
                                    : text.align == layout::TextAlign::Center ? free / 2
                                                                              : free);
        painter.drawText(QPointF(x, box.y() + i * lineHeight + baselineOffset), lines.at(i));
    }
    painter.restore();
}

void paintQr(QPainter& painter, const QRectF& box, const layout::QrMatrix& qr, bool snap)
{
    painter.fillRect(box, Qt::white);
    const int modules = qr.sizeWithQuietZone();
    double module = box.width() / modules;
    if (snap && module >= 1)
        module = std::floor(module);
    // Centred when snapping left a margin.
    const double side = module * modules;
    const QPointF topLeft(box.x() + (box.width() - side) / 2 + layout::QrMatrix::kQuietZone * module,
                          box.y() + (box.height() - side) / 2 + layout::QrMatrix::kQuietZone * module);
    if (snap)
        painter.setRenderHint(QPainter::Antialiasing, false);
    QPainterPath dark;
    for (const auto& run : qr.darkRuns())
        dark.addRect(QRectF(topLeft.x() + run.x * module, topLeft.y() + run.y * module, run.length * module, module));
    painter.fillPath(dark, Qt::black);
}

void paintRule(QPainter& painter, const layout::RuleLine& rule, const Mapping& map)
{
    QPen pen(colourOf(rule.ink));
    pen.setWidthF(rule.thicknessMm * map.scale);
    if (rule.dashed)
        pen.setDashPattern({1.5 / rule.thicknessMm, 1.0 / rule.thicknessMm}); // in pen widths
    pen.setCapStyle(Qt::FlatCap);
    painter.setPen(pen);
    painter.drawLine(map.point(rule.x1, rule.y1), map.point(rule.x2, rule.y2));
}

} // namespace

void paintTicket(QPainter& painter, const QRectF& target, const core::tickets::TicketPage& page,
                 const core::tickets::QrMatrix& qr, bool snapQrToPixels)
{
    const Mapping map{target.topLeft(), target.width() / page.widthMm};
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(QRectF(target.topLeft(), QSizeF(page.widthMm, page.heightMm) * map.scale), Qt::white);
    painter.save();
    paintQr(painter, map.rect(page.qr), qr, snapQrToPixels);
    painter.restore();
    for (const auto& rule : page.rules)
        paintRule(painter, rule, map);
    for (const auto& text : page.texts)
        paintText(painter, text, map);
    painter.restore();
}

} // namespace marquee::client::tickets
