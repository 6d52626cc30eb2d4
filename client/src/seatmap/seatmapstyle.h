// How seat states look: Okabe–Ito colours (safe for the common colour-vision deficiencies),
// each status paired with a pattern or shape so that status never depends on colour alone.
#pragma once

#include "marquee/core/seating/seat_index.hpp"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QString>

class QPainter;
class QRectF;

namespace marquee::client::seatstyle {

using core::seating::SeatStatus;

// Plan background and area colours.
QColor background();
QColor areaFill();
QColor areaBorder();
QColor stageFill();

// Price category colour by index + 1 (0: no category). Okabe–Ito, then lighter repeats.
QColor categoryColour(std::uint8_t category);
// The solid colour a seat shows in the middle at small sizes (what a pixel probe sees).
QColor fillColour(SeatStatus status, std::uint8_t category);
// The fill including the status pattern: hatched (held), dotted (leased), crossed (blocked).
QBrush patternBrush(SeatStatus status);
// Draws one seat footprint (already transformed: local frame, seat centred at 0,0) with the
// status fill, pattern and mark: held hatched, held-by-me ring and check, sold dark, blocked
// crossed, leased dotted. detailed: room for marks and flags (>= ~12 px wide).
void drawSeat(QPainter& painter, const QRectF& footprint, SeatStatus status, std::uint8_t category, std::uint8_t flags,
              bool detailed);
// Selection ring (drawn over the seat, local frame) and hover / keyboard-focus outlines.
void drawSelected(QPainter& painter, const QRectF& footprint);
void drawHover(QPainter& painter, const QRectF& footprint);
void drawFocus(QPainter& painter, const QRectF& footprint);

// Black or white, whichever reads better on the fill (perceived luminance).
QColor textOn(const QColor& fill);

// "Available", "Held" ... (translated).
QString statusName(SeatStatus status);

} // namespace marquee::client::seatstyle
