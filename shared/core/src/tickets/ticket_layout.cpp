// Ticket page layout: a top-to-bottom cursor over the page, one function per block.
#include "marquee/core/tickets/ticket_layout.hpp"

#include <algorithm>

namespace marquee::core::tickets {

namespace {

struct Metrics {
    double pageWidth;
    double margin;
    double qrSide;
    double titlePt;
    bool twoColumns;                // field pairs side by side (A6) or stacked (receipt)
};

Metrics metricsFor(TicketFormat format) {
    switch (format) {
    case TicketFormat::A6:
        return {105.0, 8.0, 40.0, 16.0, true};
    case TicketFormat::Receipt80mm:
        break;
    }
    // 80 mm paper prints 72 mm: 4 mm each side.
    return {80.0, 4.0, 48.0, 15.0, false};
}

// One paragraph: control characters become spaces, runs of spaces one, none at the ends.
std::string oneParagraph(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f || c == ' ') {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

class Cursor {
public:
    Cursor(TicketPage& page, const Metrics& metrics) : m_page(page), m_metrics(metrics), m_y(metrics.margin) {}

    double left() const { return m_metrics.margin; }
    double width() const { return m_metrics.pageWidth - 2 * m_metrics.margin; }
    double y() const { return m_y; }
    void advance(double mm) { m_y += mm; }

    // A text block at the cursor; returns its box and moves below it.
    TextBox& text(std::string content, double pointSize, TextWeight weight, int maxLines, Ink ink = Ink::Text,
                  TextAlign align = TextAlign::Left) {
        return textAt(left(), width(), std::move(content), pointSize, weight, maxLines, ink, align, true);
    }

    TextBox& textAt(double x, double boxWidth, std::string content, double pointSize, TextWeight weight, int maxLines,
                    Ink ink, TextAlign align, bool moveDown) {
        TextBox box;
        box.text = oneParagraph(content);
        box.pointSize = pointSize;
        box.lineHeightMm = pointSize * kMmPerPoint * 1.25;
        box.weight = weight;
        box.ink = ink;
        box.align = align;
        box.maxLines = maxLines;
        box.box = {x, m_y, boxWidth, box.lineHeightMm * maxLines};
        if (moveDown) m_y += box.box.height;
        m_page.texts.push_back(std::move(box));
        return m_page.texts.back();
    }

    void rule(bool dashed) {
        m_page.rules.push_back({left(), m_y, left() + width(), m_y, dashed ? 0.25 : 0.3, Ink::Muted, dashed});
    }

    // Caption above value, at `x` with `boxWidth`; returns the block height.
    double field(double x, double boxWidth, const std::string& caption, const std::string& value, int valueLines,
                 bool moveDown) {
        const double top = m_y;
        textAt(x, boxWidth, caption, 7, TextWeight::Regular, 1, Ink::Muted, TextAlign::Left, true);
        textAt(x, boxWidth, value.empty() ? "–" : value, 11, TextWeight::Bold, valueLines, Ink::Text, TextAlign::Left,
               true);
        const double height = m_y - top;
        if (!moveDown) m_y = top;
        return height;
    }

    // Two fields side by side (A6) or one below the other (receipt).
    void fieldPair(const std::string& captionA, const std::string& valueA, const std::string& captionB,
                   const std::string& valueB) {
        if (!m_metrics.twoColumns) {
            field(left(), width(), captionA, valueA, 1, true);
            advance(1.5);
            field(left(), width(), captionB, valueB, 1, true);
            return;
        }
        constexpr double kGutter = 4;
        const double column = (width() - kGutter) / 2;
        const double height = std::max(field(left(), column, captionA, valueA, 1, false),
                                       field(left() + column + kGutter, column, captionB, valueB, 1, false));
        advance(height);
    }

private:
    TicketPage& m_page;
    const Metrics& m_metrics;
    double m_y;
};

void addVoidMarks(TicketPage& page, const TicketCaptions& captions, double heightOfBody) {
    // A large diagonal stamp over the whole ticket, and the QR crossed out, so neither a person
    // nor a careless scan mistakes it for a valid ticket.
    TextBox stamp;
    stamp.text = captions.voided;
    stamp.pointSize = page.widthMm < 90 ? 44 : 54;
    stamp.lineHeightMm = stamp.pointSize * kMmPerPoint * 1.2;
    stamp.weight = TextWeight::Bold;
    stamp.align = TextAlign::Center;
    stamp.ink = Ink::Alert;
    stamp.maxLines = 1;
    stamp.rotationDegrees = -30;
    stamp.box = {0, heightOfBody / 2 - stamp.lineHeightMm / 2, page.widthMm, stamp.lineHeightMm};
    page.texts.push_back(stamp);

    const MmRect& qr = page.qr;
    page.rules.push_back({qr.x, qr.y, qr.x + qr.width, qr.y + qr.height, 1.2, Ink::Alert, false});
    page.rules.push_back({qr.x + qr.width, qr.y, qr.x, qr.y + qr.height, 1.2, Ink::Alert, false});
}

} // namespace

TicketPage layoutTicket(const TicketFields& fields, const TicketCaptions& captions, TicketFormat format) {
    const Metrics metrics = metricsFor(format);
    TicketPage page;
    page.widthMm = metrics.pageWidth;
    Cursor cursor(page, metrics);

    cursor.text(captions.heading, 7, TextWeight::Bold, 1, Ink::Muted);
    cursor.advance(1);
    cursor.text(fields.eventTitle, metrics.titlePt, TextWeight::Bold, 2);
    cursor.advance(1);
    cursor.text(fields.dateTime, 11, TextWeight::Bold, 1);
    cursor.text(fields.venueName, 10, TextWeight::Regular, 1);
    cursor.text(fields.venueAddress, 8, TextWeight::Regular, 2, Ink::Muted);
    cursor.advance(2);
    cursor.rule(false);
    cursor.advance(2.5);

    cursor.field(cursor.left(), cursor.width(), captions.seat, fields.seatLabel, 2, true);
    cursor.advance(1.5);
    cursor.fieldPair(captions.category, fields.category, captions.price, fields.priceText);
    cursor.advance(1.5);
    cursor.fieldPair(captions.holder, fields.holderName, captions.order, fields.orderCode);
    cursor.advance(2.5);
    cursor.rule(true);
    cursor.advance(2);

    page.qr = {(metrics.pageWidth - metrics.qrSide) / 2, cursor.y(), metrics.qrSide, metrics.qrSide};
    cursor.advance(metrics.qrSide + 1);
    if (fields.voided) {
        cursor.text(captions.voidedNote, 9, TextWeight::Bold, 2, Ink::Alert, TextAlign::Center);
    } else {
        cursor.text(captions.scanHint, 8, TextWeight::Regular, 1, Ink::Muted, TextAlign::Center);
    }
    cursor.advance(1);
    // The code in print too: a support desk can read it off a damaged ticket.
    TextBox& code = cursor.text(fields.code, 5, TextWeight::Regular, 3, Ink::Muted, TextAlign::Center);
    code.monospace = true;
    cursor.advance(metrics.margin);

    page.heightMm = format == TicketFormat::A6 ? 148.0 : cursor.y();
    if (fields.voided) addVoidMarks(page, captions, std::min(page.heightMm, cursor.y()));
    return page;
}

} // namespace marquee::core::tickets
