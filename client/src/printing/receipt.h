// Receipts for 80 mm receipt printers: the content of a sale (order code, lines, fees and tax,
// total, payment method, cash tendered and change due, device, time; money and dates in the
// locale) and a layout that measures and paints it on any paint device (printer, PDF, image).
#pragma once

#include "store/bookingrecords.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>

class QPaintDevice;
class QPainter;

namespace marquee::client::printing {

// A label on the left, an amount or value on the right (either may be empty).
struct ReceiptRow {
    QString label;
    QString value;
    bool strong = false;
};

struct Receipt {
    QString heading;           // venue, or the product name
    QStringList headerLines;   // event title, date and time, address
    QString orderCode;
    QList<ReceiptRow> lines;   // one per seat: label and price, category as the next row
    QList<ReceiptRow> totals;  // subtotal, fees, tax, TOTAL
    QList<ReceiptRow> payment; // method, card, tendered, change due
    QList<ReceiptRow> footer;  // device, date and time
    QString note;              // "Thank you", or what the customer must know (sold offline)
};

struct ReceiptContext {
    QString deviceName;
    QDateTime printedAt;       // invalid: now
    QLocale locale;
    QString note;              // empty: a plain thank-you
};

// The receipt of a confirmed (or cancelled) order as the client has it.
Receipt receiptForOrder(const OrderInfo& order, const ReceiptContext& context);

// Places a receipt on paper `widthMm` wide (4 mm margins), measured for `device`.
class ReceiptLayout {
public:
    ReceiptLayout(const Receipt& receipt, const QPaintDevice& device, double widthMm = 80.0);
    double heightMm() const { return m_heightMm; }
    // Paints at the device origin, in device units.
    void paint(QPainter& painter) const;

private:
    struct Block {
        enum class Kind { Text, Row, Rule };
        Kind kind = Kind::Text;
        QString left;
        QString right;
        double pointSize = 9;
        bool bold = false;
        bool centred = false;
        double topMm = 0;
        double heightMm = 0;
    };
    void addText(const QString& text, double pointSize, bool bold, bool centred);
    void addRow(const ReceiptRow& row, double pointSize);
    void addRule();
    void addGap(double mm) { m_heightMm += mm; }
    double textHeightMm(const QString& text, double pointSize, bool bold, double widthMm) const;

    const QPaintDevice& m_device;
    double m_widthMm;
    double m_heightMm = 0;
    QList<Block> m_blocks;
};

} // namespace marquee::client::printing
