// Booking rules as the server tests set them: 15-minute holds (45 at most), attendees may cancel
// up to 24 h before the event, an hour to take a waitlist offer; plus per-category charges.
#pragma once

#include "marquee/v1/order.pb.h"

#include <cstdint>
#include <string>

namespace marquee::test {

inline v1::CategoryCharges charge(const std::string& category, std::int64_t feeMinor, std::uint32_t taxBasisPoints,
                                  bool taxIncluded) {
    v1::CategoryCharges c;
    c.set_price_category_id(category);
    c.set_fee_minor(feeMinor);
    c.set_tax_basis_points(taxBasisPoints);
    c.set_tax_included(taxIncluded);
    return c;
}

inline v1::BookingRules bookingRules(const std::string& eventId, bool attendeeCancellation = true) {
    v1::BookingRules rules;
    rules.set_event_id(eventId);
    rules.set_hold_seconds(900);
    rules.set_hold_cap_seconds(2700);
    rules.set_attendee_cancellation(attendeeCancellation);
    rules.set_cancel_deadline_hours(24);
    rules.set_waitlist_offer_seconds(3600);
    return rules;
}

} // namespace marquee::test
