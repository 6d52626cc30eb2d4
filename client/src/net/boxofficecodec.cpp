// Box-office message conversions (see boxofficecodec.h).
#include "net/boxofficecodec.h"

#include "net/bookingcodec.h"
#include "net/protobytes.h"

#include "marquee/v1/boxoffice.pb.h"
#include "marquee/v1/order.pb.h"

namespace marquee::client {

LeaseInfo fromProto(const v1::Lease& l)
{
    LeaseInfo out;
    out.id = toQString(l.id());
    out.eventId = toQString(l.event_id());
    out.deviceId = toQString(l.device_id());
    out.staffUserId = l.staff_user_id();
    out.status = static_cast<LeaseStatus>(l.status());
    out.currency = toQString(l.currency());
    out.createdAtMs = l.created_at_ms();
    out.expiresAtMs = l.expires_at_ms();
    out.eventTitle = toQString(l.event_title());
    out.eventStartsAtMs = l.event_starts_at_ms();
    out.eventTimeZone = toQString(l.event_time_zone());
    out.venueName = toQString(l.venue_name());
    out.venueAddress = toQString(l.venue_address());
    for (const v1::LeasedSeat& s : l.seats()) {
        LeasedSeatInfo seat;
        seat.seatId = toQString(s.seat_id());
        seat.label = toQString(s.label());
        seat.seatIndex = s.seat_index();
        const v1::OrderLine& line = s.line();
        seat.priceCategoryId = toQString(line.price_category_id());
        seat.priceCategoryName = toQString(line.price_category_name());
        seat.priceMinor = line.price_minor();
        seat.feeMinor = line.fee_minor();
        seat.taxMinor = line.tax_minor();
        seat.totalMinor = line.total_minor();
        seat.state = static_cast<LeasedSeatState>(s.state());
        seat.orderId = toQString(s.order_id());
        seat.line = toBytes(line.SerializeAsString());
        out.seats.append(std::move(seat));
    }
    return out;
}

DeviceKeyInfo withCertificate(DeviceKeyInfo key, const v1::DeviceCertificate& c)
{
    key.certificate = toBytes(c.certificate());
    key.certifiedByKeyId = toQString(c.certified_by_key_id());
    key.issuedAtMs = c.issued_at_ms();
    key.validUntilMs = c.valid_until_ms();
    key.deviceName = toQString(c.device_name());
    return key;
}

OfflineSaleResultInfo fromProto(const v1::OfflineSaleResult& r)
{
    OfflineSaleResultInfo out;
    out.idempotencyKey = toQString(r.idempotency_key());
    out.confirmed = r.outcome() == v1::OFFLINE_SALE_CONFIRMED;
    out.reason = toQString(r.reason());
    out.message = toQString(r.message());
    if (r.has_order())
        out.order = fromProto(r.order());
    out.replayed = r.replayed();
    return out;
}

DayReportInfo fromProto(const v1::DayReport& r)
{
    DayReportInfo out;
    out.day = toQString(r.day());
    out.timeZone = toQString(r.time_zone());
    out.currency = toQString(r.currency());
    out.generatedAtMs = r.generated_at_ms();
    for (const v1::DayReportRow& row : r.rows()) {
        DayReportRowInfo info;
        info.deviceId = toQString(row.device_id());
        info.deviceName = toQString(row.device_name());
        info.staffUserId = row.staff_user_id();
        info.staffName = toQString(row.staff_name());
        for (const v1::PaymentMethodTotals& t : row.totals())
            info.totals.append(PaymentTotalsInfo{static_cast<PaymentMethod>(t.method()), t.sales(), t.sales_minor(),
                                                 t.refunds(), t.refunds_minor()});
        info.ticketsSold = row.tickets_sold();
        info.cashExpectedMinor = row.cash_expected_minor();
        info.cashCounted = row.cash_counted_recorded();
        info.cashCountedMinor = row.cash_counted_minor();
        info.cashDifferenceMinor = row.cash_difference_minor();
        out.rows.append(std::move(info));
    }
    return out;
}

} // namespace marquee::client
