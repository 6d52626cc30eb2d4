// Ticket PDF export (QPdfWriter): one A6 page per ticket of an order, drawn from the same
// core layout as the widget and the server's mail attachment.
#pragma once

#include <QLocale>
#include <QString>

namespace marquee::v1 {
class Order;
} // namespace marquee::v1

namespace marquee::client::tickets {

// Writes every ticket of `order` to `path`. False with a translated reason in `error` when the
// order has no tickets or the file cannot be written.
bool exportTicketsPdf(const v1::Order& order, const QString& path, QString* error = nullptr,
                      const QLocale& locale = QLocale());

} // namespace marquee::client::tickets
