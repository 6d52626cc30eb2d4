// Pricing an event's order lines (see line_pricer.hpp).
#include "orders/line_pricer.hpp"

#include <stdexcept>

namespace marquee::server::orders {

namespace {

using detail::exec;
using detail::Statement;

constexpr Statement kEventCharges{
    "orders_pricer_charges",
    "SELECT price_category_id, fee_minor, tax_basis_points, tax_included FROM event_charges WHERE event_id = $1::uuid "
    "ORDER BY price_category_id"};

} // namespace

LinePricer::LinePricer(pqxx::transaction_base& tx, const std::string& eventId, const detail::LoadedLayout& layout,
                       std::string eventCurrency)
    : m_layout(layout), m_currency(std::move(eventCurrency)) {
    for (const auto& row : exec(tx, kEventCharges, eventId))
        m_charges.set(row[0].as<std::string>(),
                      {row[1].as<std::int64_t>(), row[2].as<std::uint32_t>(), row[3].as<bool>()});
}

PricedLine LinePricer::seat(std::uint32_t seatIndex) {
    if (seatIndex >= m_layout.index.size()) throw std::out_of_range("LinePricer::seat: no such seat index");
    PricedLine line;
    line.seatId = m_layout.index.seat(seatIndex).id;
    line.label = detail::seatLabel(m_layout.index, seatIndex);
    return price(std::move(line), m_layout.index.seat(seatIndex).priceCategoryId);
}

PricedLine LinePricer::place(const core::seating::Area& area) {
    PricedLine line;
    line.gaAreaId = area.id;
    line.label = area.label;
    return price(std::move(line), area.priceCategoryId);
}

PricedLine LinePricer::price(PricedLine line, const std::string& categoryId) {
    line.category = m_layout.layout.priceCategory(categoryId);
    if (!line.category)
        detail::fail(v1::FAILED_PRECONDITION, "'" + line.label + "' has no price", {{"reason", "no_price"}});
    const auto lineCurrency = line.category->currency.empty() ? m_currency : line.category->currency;
    if (!m_pricedAny) m_currency = lineCurrency;
    else if (lineCurrency != m_currency)
        detail::fail(v1::FAILED_PRECONDITION, "the seats are priced in different currencies; buy them separately",
                     {{"reason", "mixed_currencies"}});
    try {
        line.price = priceLine(line.category->priceMinor, m_charges.forCategory(categoryId));
    } catch (const std::invalid_argument& e) {
        detail::fail(v1::FAILED_PRECONDITION, e.what(), {{"reason", "price_out_of_range"}});
    }
    m_pricedAny = true;
    return line;
}

v1::OrderLine LinePricer::toOrderLine(const PricedLine& line, std::uint32_t lineNo) {
    v1::OrderLine out;
    out.set_line_no(lineNo);
    out.set_seat_id(line.seatId);
    out.set_ga_area_id(line.gaAreaId);
    out.set_label(line.label);
    out.set_price_category_id(line.category ? line.category->id : std::string());
    out.set_price_category_name(line.category ? line.category->name : std::string());
    out.set_price_minor(line.price.priceMinor);
    out.set_fee_minor(line.price.feeMinor);
    out.set_tax_minor(line.price.taxMinor);
    out.set_total_minor(line.price.totalMinor);
    return out;
}

} // namespace marquee::server::orders
