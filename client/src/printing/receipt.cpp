// Receipt content from an order, and its layout for roll printers.
#include "printing/receipt.h"

#include "models/eventformat.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>

namespace marquee::client::printing {

namespace {

constexpr double kMarginMm = 4.0; // 80 mm paper prints 72 mm
constexpr double kMmPerInch = 25.4;

class ReceiptText {
    Q_DECLARE_TR_FUNCTIONS(ReceiptText)
public:
    static QString methodName(PaymentMethod method)
    {
        switch (method) {
        case PaymentMethod::Cash:
            return tr("Cash");
        case PaymentMethod::CardTerminal:
            return tr("Card (terminal)");
        case PaymentMethod::CardOnline:
            return tr("Card (online)");
        case PaymentMethod::Unspecified:
            break;
        }
        return tr("Other");
    }
};

QFont receiptFont(double pointSize, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

} // namespace

Receipt receiptForOrder(const OrderInfo& order, const ReceiptContext& context)
{
    const QLocale& locale = context.locale;
    const auto money = [&](qint64 minor) { return format::money(minor, order.currency, locale); };
    Receipt r;
    r.heading = order.venueName.isEmpty() ? ReceiptText::tr("Marquee") : order.venueName;
    if (!order.eventTitle.isEmpty())
        r.headerLines << order.eventTitle;
    if (order.eventStartsAtMs > 0)
        r.headerLines << format::eventDateTime(order.eventStartsAtMs, order.eventTimeZone, locale, QLocale::ShortFormat);
    if (!order.venueAddress.isEmpty())
        r.headerLines << order.venueAddress;
    r.orderCode = order.code;
    for (const OrderLineInfo& line : order.lines) {
        r.lines << ReceiptRow{line.label, money(line.priceMinor), false};
        if (!line.priceCategoryName.isEmpty())
            r.lines << ReceiptRow{QStringLiteral("  ") + line.priceCategoryName, QString(), false};
    }
    r.totals << ReceiptRow{ReceiptText::tr("Subtotal"), money(order.subtotalMinor), false};
    if (order.feesMinor != 0)
        r.totals << ReceiptRow{ReceiptText::tr("Booking fees"), money(order.feesMinor), false};
    r.totals << ReceiptRow{ReceiptText::tr("TOTAL"), money(order.totalMinor), true};
    if (order.taxMinor != 0)
        r.totals << ReceiptRow{ReceiptText::tr("Included tax"), money(order.taxMinor), false};

    const PaymentInfo& pay = order.payment;
    r.payment << ReceiptRow{ReceiptText::tr("Paid by"), ReceiptText::methodName(pay.method), false};
    if (!pay.cardLast4.isEmpty())
        r.payment << ReceiptRow{pay.cardBrand.isEmpty() ? ReceiptText::tr("Card") : locale.toUpper(pay.cardBrand),
                                ReceiptText::tr("•••• %1").arg(pay.cardLast4), false};
    if (pay.method == PaymentMethod::Cash) {
        r.payment << ReceiptRow{ReceiptText::tr("Cash tendered"), money(pay.tenderedMinor), false};
        r.payment << ReceiptRow{ReceiptText::tr("Change due"), money(pay.changeDueMinor), true};
    }
    if (pay.refundedMinor > 0)
        r.payment << ReceiptRow{ReceiptText::tr("Refunded"), money(pay.refundedMinor), false};
    if (order.status == OrderStatus::Cancelled)
        r.payment << ReceiptRow{ReceiptText::tr("Order cancelled"), QString(), true};

    const QDateTime at = context.printedAt.isValid() ? context.printedAt : QDateTime::currentDateTime();
    if (!context.deviceName.isEmpty())
        r.footer << ReceiptRow{ReceiptText::tr("Device"), context.deviceName, false};
    if (order.createdAtMs > 0)
        r.footer << ReceiptRow{ReceiptText::tr("Sold"),
                               locale.toString(QDateTime::fromMSecsSinceEpoch(order.createdAtMs), QLocale::ShortFormat),
                               false};
    r.footer << ReceiptRow{ReceiptText::tr("Printed"), locale.toString(at, QLocale::ShortFormat), false};
    r.note = context.note.isEmpty() ? ReceiptText::tr("Thank you and enjoy the show!") : context.note;
    return r;
}

ReceiptLayout::ReceiptLayout(const Receipt& receipt, const QPaintDevice& device, double widthMm)
    : m_device(device), m_widthMm(widthMm)
{
    addGap(kMarginMm);
    addText(receipt.heading, 12, true, true);
    for (const QString& line : receipt.headerLines)
        addText(line, 9, false, true);
    addGap(2);
    addText(ReceiptText::tr("Receipt %1").arg(receipt.orderCode), 11, true, true);
    addRule();
    for (const ReceiptRow& row : receipt.lines)
        addRow(row, 9);
    addRule();
    for (const ReceiptRow& row : receipt.totals)
        addRow(row, row.strong ? 11 : 9);
    addRule();
    for (const ReceiptRow& row : receipt.payment)
        addRow(row, 9);
    addRule();
    for (const ReceiptRow& row : receipt.footer)
        addRow(row, 8);
    addGap(2);
    addText(receipt.note, 9, false, true);
    addGap(kMarginMm + 6); // room for the cutter
}

double ReceiptLayout::textHeightMm(const QString& text, double pointSize, bool bold, double widthMm) const
{
    const double unitsPerMm = m_device.logicalDpiY() / kMmPerInch;
    const QFontMetricsF metrics(receiptFont(pointSize, bold), &m_device);
    const QRectF bounds = metrics.boundingRect(QRectF(0, 0, widthMm * unitsPerMm, 1e6), Qt::TextWordWrap, text);
    return std::max(bounds.height(), metrics.lineSpacing()) / unitsPerMm;
}

void ReceiptLayout::addText(const QString& text, double pointSize, bool bold, bool centred)
{
    if (text.isEmpty())
        return;
    Block block{Block::Kind::Text, text, QString(), pointSize, bold, centred, m_heightMm, 0};
    block.heightMm = textHeightMm(text, pointSize, bold, m_widthMm - 2 * kMarginMm);
    m_heightMm += block.heightMm;
    m_blocks << block;
}

void ReceiptLayout::addRow(const ReceiptRow& row, double pointSize)
{
    // The value keeps its width; the label wraps in what is left.
    const double unitsPerMm = m_device.logicalDpiX() / kMmPerInch;
    const QFontMetricsF metrics(receiptFont(pointSize, row.strong), &m_device);
    const double valueMm = row.value.isEmpty() ? 0 : metrics.horizontalAdvance(row.value) / unitsPerMm + 2;
    const double labelMm = std::max(10.0, m_widthMm - 2 * kMarginMm - valueMm);
    Block block{Block::Kind::Row, row.label, row.value, pointSize, row.strong, false, m_heightMm, 0};
    block.heightMm = textHeightMm(row.label.isEmpty() ? row.value : row.label, pointSize, row.strong, labelMm);
    m_heightMm += block.heightMm;
    m_blocks << block;
}

void ReceiptLayout::addRule()
{
    m_heightMm += 1.5;
    m_blocks << Block{Block::Kind::Rule, QString(), QString(), 0, false, false, m_heightMm, 0};
    m_heightMm += 1.5;
}

void ReceiptLayout::paint(QPainter& painter) const
{
    const double unitsPerMm = m_device.logicalDpiY() / kMmPerInch;
    const double left = kMarginMm * unitsPerMm;
    const double width = (m_widthMm - 2 * kMarginMm) * unitsPerMm;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(QRectF(0, 0, m_widthMm * unitsPerMm, m_heightMm * unitsPerMm), Qt::white);
    painter.setPen(Qt::black);
    for (const Block& block : m_blocks) {
        const double top = block.topMm * unitsPerMm;
        if (block.kind == Block::Kind::Rule) {
            QPen pen(Qt::black);
            pen.setWidthF(0.25 * unitsPerMm);
            pen.setStyle(Qt::DashLine);
            painter.setPen(pen);
            painter.drawLine(QPointF(left, top), QPointF(left + width, top));
            painter.setPen(Qt::black);
            continue;
        }
        painter.setFont(receiptFont(block.pointSize, block.bold));
        const QRectF box(left, top, width, block.heightMm * unitsPerMm);
        if (block.kind == Block::Kind::Text) {
            painter.drawText(box, Qt::TextWordWrap | (block.centred ? Qt::AlignHCenter : Qt::AlignLeft), block.left);
            continue;
        }
        painter.drawText(box, Qt::AlignRight | Qt::AlignTop, block.right);
        const double valueWidth = block.right.isEmpty() ? 0 : painter.fontMetrics().horizontalAdvance(block.right) + 2 * unitsPerMm;
        painter.drawText(QRectF(left, top, width - valueWidth, box.height()), Qt::TextWordWrap | Qt::AlignLeft, block.left);
    }
    painter.restore();
}

} // namespace marquee::client::printing
