// Server-side ticket rendering: the core layout (core/tickets/ticket_layout.hpp) drawn with
// cairo and pango, as PDF pages (the confirmation mail) or PNG (previews, tests).
#pragma once

#include "marquee/core/tickets/qr_code.hpp"
#include "marquee/core/tickets/ticket_layout.hpp"
#include "marquee/v1/order.pb.h"

#include <cairo.h>

#include <string>

namespace marquee::server::tickets {

// The printed fields of one ticket of `order`, in English: the start time in the event's own
// time zone ("Sat 14 Jun 2025, 19:30 CEST"), the line's total with its currency.
core::tickets::TicketFields ticketFields(const v1::Order& order, const v1::Ticket& ticket);

// Draws `page` with `cr` in millimetre user units (origin: the page's top left).
void paintTicket(cairo_t* cr, const core::tickets::TicketPage& page, const core::tickets::QrMatrix& qr);

// One ticket as a PNG at `pixelsPerMm`: an A6 page, or an 80 mm receipt strip.
std::string renderTicketPng(const v1::Order& order, const v1::Ticket& ticket, double pixelsPerMm,
                            core::tickets::TicketFormat format = core::tickets::TicketFormat::A6);

} // namespace marquee::server::tickets
