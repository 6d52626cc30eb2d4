// What a ticket shows in the client: the core layout's fields from an order and one of its
// tickets (time in the event's zone, money in the user's locale) and the translated captions.
#pragma once

#include "marquee/core/tickets/ticket_layout.hpp"

#include <QLocale>

namespace marquee::v1 {
class Order;
class Ticket;
} // namespace marquee::v1

namespace marquee::client::tickets {

core::tickets::TicketFields ticketFields(const v1::Order& order, const v1::Ticket& ticket,
                                         const QLocale& locale = QLocale());
// "Seat", "VOID", ... through tr() (context "TicketText").
core::tickets::TicketCaptions ticketCaptions();

} // namespace marquee::client::tickets
