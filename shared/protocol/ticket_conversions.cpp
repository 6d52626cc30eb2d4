// Order + ticket -> the ticket layout's fields.
#include "marquee/protocol/ticket_conversions.hpp"

#include <algorithm>

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

std::optional<core::tickets::TrustedKey> trustedKey(const v1::TicketKey& key) {
    core::tickets::TrustedKey out;
    if (key.public_key().size() != out.publicKey.size()) return std::nullopt;
    std::copy(key.public_key().begin(), key.public_key().end(), out.publicKey.begin());
    out.retiredAtMs = key.retired_at_ms();
    out.deviceId = key.device_id();
    out.certifiedByKeyId = key.certified_by_key_id();
    out.validUntilMs = key.valid_until_ms();
    out.revokedAtMs = key.revoked_at_ms();
    if (key.certificate().size() == core::tickets::Signature{}.size()) {
        core::tickets::Signature certificate{};
        std::copy(key.certificate().begin(), key.certificate().end(), certificate.begin());
        out.certificate = certificate;
    }
    return out;
}

} // namespace marquee::protocol
