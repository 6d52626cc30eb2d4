// Booking message conversions (see bookingcodec.h).
#include "net/bookingcodec.h"

#include "net/protobytes.h"

#include "marquee/v1/booking.pb.h"
#include "marquee/v1/order.pb.h"

namespace marquee::client {

namespace {

TicketInfo fromProto(const v1::Ticket& t)
{
    TicketInfo out;
    out.id = toQString(t.id());
    out.orderId = toQString(t.order_id());
    out.eventId = toQString(t.event_id());
    out.lineNo = t.line_no();
    out.seatId = toQString(t.seat_id());
    out.label = toQString(t.label());
    out.priceCategoryName = toQString(t.price_category_name());
    out.holderName = toQString(t.holder_name());
    out.code = toQString(t.code());
    out.voided = t.voided();
    out.issuedAtMs = t.issued_at_ms();
    return out;
}

} // namespace

HoldInfo fromProto(const v1::HoldResult& hold)
{
    HoldInfo out;
    out.holdId = toQString(hold.hold_id());
    out.eventId = toQString(hold.event_id());
    for (const v1::HeldSeat& seat : hold.seats())
        out.seats.append(HeldSeatInfo{toQString(seat.seat_id()), toQString(seat.label()), seat.seat_index()});
    out.gaAreaId = toQString(hold.ga_area_id());
    out.gaCount = hold.ga_count();
    out.expiresAtMs = hold.expires_at_ms();
    out.maxExpiresAtMs = hold.max_expires_at_ms();
    return out;
}

OrderInfo fromProto(const v1::Order& o)
{
    OrderInfo out;
    out.id = toQString(o.id());
    out.code = toQString(o.code());
    out.eventId = toQString(o.event_id());
    out.userId = o.user_id();
    out.status = static_cast<OrderStatus>(o.status());
    out.sagaStep = static_cast<int>(o.step());
    out.failureReason = toQString(o.failure_reason());
    out.currency = toQString(o.currency());
    for (const v1::OrderLine& l : o.lines())
        out.lines.append(OrderLineInfo{l.line_no(), toQString(l.seat_id()), toQString(l.ga_area_id()),
                                       toQString(l.label()), toQString(l.price_category_name()),
                                       l.price_minor(), l.fee_minor(), l.tax_minor(), l.total_minor()});
    out.subtotalMinor = o.subtotal_minor();
    out.feesMinor = o.fees_minor();
    out.taxMinor = o.tax_minor();
    out.totalMinor = o.total_minor();
    const v1::Payment& p = o.payment();
    out.payment.method = static_cast<PaymentMethod>(p.method());
    out.payment.status = static_cast<PaymentStatus>(p.status());
    out.payment.amountMinor = p.amount_minor();
    out.payment.refundedMinor = p.refunded_minor();
    out.payment.tenderedMinor = p.tendered_minor();
    out.payment.changeDueMinor = p.change_due_minor();
    out.payment.declineCode = toQString(p.decline_code());
    out.payment.cardBrand = toQString(p.card_brand());
    out.payment.cardLast4 = toQString(p.card_last4());
    for (const v1::Ticket& t : o.tickets())
        out.tickets.append(fromProto(t));
    out.buyerName = toQString(o.buyer_name());
    out.buyerEmail = toQString(o.buyer_email());
    out.holdId = toQString(o.hold_id());
    out.holdExpiresAtMs = o.hold_expires_at_ms();
    out.createdAtMs = o.created_at_ms();
    out.updatedAtMs = o.updated_at_ms();
    out.eventTitle = toQString(o.event_title());
    out.eventStartsAtMs = o.event_starts_at_ms();
    out.eventTimeZone = toQString(o.event_time_zone());
    out.venueName = toQString(o.venue_name());
    out.venueAddress = toQString(o.venue_address());
    out.attendeeCancelUntilMs = o.attendee_cancel_until_ms();
    out.encoded = toBytes(o.SerializeAsString());
    return out;
}

PaymentConfigInfo fromProto(const v1::PaymentConfig& config)
{
    PaymentConfigInfo out;
    out.cardOnline = config.card_online();
    out.providerUrl = toQString(config.provider_url());
    out.publishableKey = toQString(config.publishable_key());
    for (const std::string& id : config.terminal_ids())
        out.terminalIds << toQString(id);
    return out;
}

WaitlistEntryInfo fromProto(const v1::WaitlistEntry& e)
{
    WaitlistEntryInfo out;
    out.id = toQString(e.id());
    out.eventId = toQString(e.event_id());
    out.priceCategoryId = toQString(e.price_category_id());
    out.seats = e.seats();
    out.status = static_cast<WaitlistStatus>(e.status());
    out.position = e.position();
    out.holdId = toQString(e.hold_id());
    out.offerExpiresAtMs = e.offer_expires_at_ms();
    for (const std::string& label : e.offered_seat_labels())
        out.offeredSeatLabels << toQString(label);
    out.createdAtMs = e.created_at_ms();
    out.eventTitle = toQString(e.event_title());
    out.seatsApart = e.seats_apart();
    return out;
}

void toProto(const HoldRequest& request, const QString& idempotencyKey, v1::HoldSeats* out)
{
    out->set_idempotency_key(idempotencyKey.toStdString());
    out->set_event_id(request.eventId.toStdString());
    switch (request.kind) {
    case HoldRequest::Kind::Seats:
        for (const QString& id : request.seatIds)
            out->mutable_seats()->add_ids(id.toStdString());
        break;
    case HoldRequest::Kind::BestAvailable: {
        v1::BestAvailableSeats* best = out->mutable_best_available();
        best->set_count(request.count);
        best->set_price_category_id(request.priceCategoryId.toStdString());
        best->set_area_id(request.areaId.toStdString());
        best->set_accessible(request.accessible);
        break;
    }
    case HoldRequest::Kind::GeneralAdmission:
        out->mutable_general_admission()->set_area_id(request.areaId.toStdString());
        out->mutable_general_admission()->set_count(request.count);
        break;
    }
}

void toProto(const OrderRequest& request, v1::CreateOrder* out)
{
    out->set_idempotency_key(request.idempotencyKey.toStdString());
    out->set_hold_id(request.holdId.toStdString());
    out->set_buyer_name(request.buyerName.toStdString());
    out->set_buyer_email(request.buyerEmail.toStdString());
    out->set_method(static_cast<v1::PaymentMethodKind>(request.method));
    out->set_card_payment_method(request.cardPaymentMethod.toStdString());
    out->set_terminal_id(request.terminalId.toStdString());
    out->set_cash_tendered_minor(request.cashTenderedMinor);
}

std::optional<OrderInfo> decodeOrderPayload(const QByteArray& payload)
{
    v1::Order msg;
    if (!parseMessage(msg, payload))
        return std::nullopt;
    return fromProto(msg);
}

std::optional<WaitlistEntryInfo> decodeWaitlistEntryPayload(const QByteArray& payload)
{
    v1::WaitlistEntry msg;
    if (!parseMessage(msg, payload))
        return std::nullopt;
    return fromProto(msg);
}

} // namespace marquee::client
