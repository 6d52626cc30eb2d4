// Prices the lines of one event's order (orders/pricing.hpp with the event's charges): what
// CreateOrder puts on an order, what a lease quotes for each of its seats and what an exchange
// charges for new seats. One pricer per transaction and event; every line it prices must
// share one currency.
#pragma once

#include "orders/pricing.hpp"
#include "services/api_internal.hpp"

#include <cstdint>
#include <string>

namespace marquee::server::orders {

struct PricedLine {
    std::string seatId;   // empty for a general-admission place
    std::string gaAreaId;
    std::string label;
    const core::seating::PriceCategory* category = nullptr;
    LinePrice price;
};

class LinePricer {
public:
    // Reads the event's charges. `eventCurrency`: the currency of categories without their own.
    LinePricer(pqxx::transaction_base& tx, const std::string& eventId, const detail::LoadedLayout& layout,
               std::string eventCurrency);

    // FAILED_PRECONDITION (ApiError) reason = no_price, mixed_currencies or price_out_of_range.
    PricedLine seat(std::uint32_t seatIndex);
    PricedLine place(const core::seating::Area& area);

    // The currency of the lines priced so far (the event's before the first).
    const std::string& currency() const { return m_currency; }

    // The wire line (line_no as given).
    static v1::OrderLine toOrderLine(const PricedLine& line, std::uint32_t lineNo);

private:
    PricedLine price(PricedLine line, const std::string& categoryId);

    const detail::LoadedLayout& m_layout;
    ChargeTable m_charges;
    std::string m_currency;
    bool m_pricedAny = false;
};

} // namespace marquee::server::orders
