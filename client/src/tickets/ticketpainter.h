// Draws the core ticket layout with QPainter: the widget on screen and QPdfWriter pages use
// this one painter (the server draws the same layout with cairo).
#pragma once

#include "marquee/core/tickets/qr_code.hpp"
#include "marquee/core/tickets/ticket_layout.hpp"

#include <QRectF>

class QPainter;

namespace marquee::client::tickets {

// Paints `page` into `target` (device coordinates; the page is scaled to fit its width).
// snapQrToPixels: whole device pixels per QR module (crisp on screens; off for vector output).
void paintTicket(QPainter& painter, const QRectF& target, const core::tickets::TicketPage& page,
                 const core::tickets::QrMatrix& qr, bool snapQrToPixels);

} // namespace marquee::client::tickets
