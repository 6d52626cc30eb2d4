// The ticket page layout, Qt-free: from plain, already formatted fields it places text boxes,
// rules and the QR square in millimetres, so the client (QPainter) and the server (cairo) draw
// the same ticket with two thin painters and no layout logic of their own.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace marquee::core::tickets {

// What is printed. Every string is final: the caller formats dates (in the event's time zone)
// and money (in its locale) and translates nothing here.
struct TicketFields {
    std::string eventTitle;
    std::string venueName;
    std::string venueAddress;
    std::string dateTime;          // "Sat 14 Jun 2025, 19:30"
    std::string seatLabel;         // "Stalls · Row B · 12"
    std::string category;
    std::string holderName;
    std::string orderCode;         // "MQ-7K3F9X"
    std::string priceText;         // "€25.00"
    std::string code;              // the signed ticket code: the QR content
    bool voided = false;
};

// The captions around the fields; the client passes tr() strings, the server English.
struct TicketCaptions {
    std::string heading = "TICKET";
    std::string seat = "Seat";
    std::string category = "Category";
    std::string holder = "Name";
    std::string order = "Order";
    std::string price = "Price";
    std::string voided = "VOID";
    std::string voidedNote = "This ticket is no longer valid.";
    std::string scanHint = "Show this code at the entrance";
};

enum class TicketFormat {
    A6,            // 105 x 148 mm page (PDF, screen)
    Receipt80mm,   // 80 mm receipt-printer strip (72 mm printable), height as needed
};

struct MmRect {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

enum class Ink { Text, Muted, Alert };
enum class TextWeight { Regular, Bold };
enum class TextAlign { Left, Center, Right };

// Text wrapped at word boundaries (monospace: anywhere) inside `box`, at most maxLines lines,
// the rest elided with "…". pointSize is absolute (1 pt = 25.4/72 mm); lines are lineHeightMm
// apart. The text is one paragraph: the layout turns control characters (line breaks, tabs in
// the data) into single spaces.
struct TextBox {
    MmRect box;
    std::string text;
    double pointSize = 10;
    double lineHeightMm = 0;
    TextWeight weight = TextWeight::Regular;
    TextAlign align = TextAlign::Left;
    Ink ink = Ink::Text;
    int maxLines = 1;
    bool monospace = false;
    double rotationDegrees = 0;    // about the box centre, clockwise (the VOID stamp)
};

struct RuleLine {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double thicknessMm = 0.3;
    Ink ink = Ink::Muted;
    bool dashed = false;           // the tear-off line
};

struct TicketPage {
    double widthMm = 0;
    double heightMm = 0;
    MmRect qr;                     // square: the symbol including its quiet zone
    std::vector<TextBox> texts;
    std::vector<RuleLine> rules;   // drawn after the QR (a void ticket's QR is crossed out)
};

// Points to millimetres (for painters working in device units).
inline constexpr double kMmPerPoint = 25.4 / 72.0;

TicketPage layoutTicket(const TicketFields& fields, const TicketCaptions& captions, TicketFormat format);

} // namespace marquee::core::tickets
