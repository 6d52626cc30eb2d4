// Ticket PDF export (QPdfWriter): one A6 page per ticket of an order, drawn from the same
// core layout as the widget and the server's mail attachment.
#pragma once

#include "marquee/core/tickets/qr_code.hpp"
#include "marquee/core/tickets/ticket_layout.hpp"

#include <QLocale>
#include <QString>

#include <vector>

namespace marquee::v1 {
class Order;
} // namespace marquee::v1

namespace marquee::client::tickets {

// One ticket of an order ready for a painter (paintTicket): its page in the given format and
// its QR matrix (empty when the code cannot be encoded: the ticket prints without a symbol
// rather than a wrong one). The PDF export and the printers (client/src/printing) share it.
struct PreparedTicket {
    core::tickets::TicketPage page;
    core::tickets::QrMatrix qr;
};
std::vector<PreparedTicket> prepareTickets(const v1::Order& order, core::tickets::TicketFormat format,
                                           const QLocale& locale = QLocale());

// Writes every ticket of `order` to `path`. False with a translated reason in `error` when the
// order has no tickets or the file cannot be written.
bool exportTicketsPdf(const v1::Order& order, const QString& path, QString* error = nullptr,
                      const QLocale& locale = QLocale());

} // namespace marquee::client::tickets
