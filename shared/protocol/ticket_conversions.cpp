// Order + ticket -> the ticket layout's fields.
#include "marquee/protocol/ticket_conversions.hpp"

namespace marquee::protocol {

core::tickets::TicketFields ticketFields(const v1::Order& order, const v1::Ticket& ticket,
                                         const TicketFormatters& format) {
    core::tickets::TicketFields fields;
    fields.eventTitle = order.event_title();
    fields.venueName = order.venue_name();
    fields.venueAddress = order.venue_address();
    fields.dateTime = format.dateTime(order.event_starts_at_ms(), order.event_time_zone());
    fields.seatLabel = ticket.label();
    fields.category = ticket.price_category_name();
    fields.holderName = ticket.holder_name().empty() ? order.buyer_name() : ticket.holder_name();
    fields.orderCode = order.code();
    for (const auto& line : order.lines())
        if (line.line_no() == ticket.line_no()) fields.priceText = format.money(line.total_minor(), order.currency());
    fields.code = ticket.code();
    fields.voided = ticket.voided() || order.status() == v1::ORDER_CANCELLED;
    return fields;
}

} // namespace marquee::protocol
