// Ticket presentation shared by the checkout's confirmation page and "My orders & tickets":
// one widget per ticket of an order, and the order's price lines as table rows.
#pragma once

#include "store/bookingrecords.h"

#include <QList>

class QTableWidget;
class QWidget;

namespace marquee::client {

// A widget showing one ticket as printed (tickets::TicketWidget: the A6 layout with its QR).
QWidget* createTicketView(const OrderInfo& order, const TicketInfo& ticket, QWidget* parent);

// Every ticket of the order as a PDF (one A6 page each); false with a translated reason.
bool exportOrderTicketsPdf(const OrderInfo& order, const QString& path, QString* error);
// Asks for a file name and exports; reports a failure in a message box.
void saveOrderTicketsPdf(const OrderInfo& order, QWidget* parent);

// Fills `table` (columns: seat, category, price, fee, tax, total) with the order's lines.
void fillOrderLines(QTableWidget* table, const OrderInfo& order);
void setupOrderLinesTable(QTableWidget* table);

} // namespace marquee::client
