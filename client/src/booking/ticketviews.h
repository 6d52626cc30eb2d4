// Ticket presentation shared by the checkout's confirmation page and "My orders & tickets":
// one widget per ticket of an order, and the order's price lines as table rows.
#pragma once

#include "store/bookingrecords.h"

#include <QList>

class QTableWidget;
class QWidget;

namespace marquee::client {

// A widget showing one ticket (event, seat, holder, QR of the signed code).
QWidget* createTicketView(const OrderInfo& order, const TicketInfo& ticket, QWidget* parent);

// Fills `table` (columns: seat, category, price, fee, tax, total) with the order's lines.
void fillOrderLines(QTableWidget* table, const OrderInfo& order);
void setupOrderLinesTable(QTableWidget* table);

} // namespace marquee::client
