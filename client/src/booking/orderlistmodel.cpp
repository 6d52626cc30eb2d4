// OrderListModel implementation.
#include "booking/orderlistmodel.h"

#include "booking/bookingservice.h"
#include "models/eventformat.h"

namespace marquee::client {

OrderListModel::OrderListModel(BookingService* booking, QObject* parent) : QAbstractTableModel(parent), m_booking(booking)
{
    connect(m_booking, &BookingService::ordersChanged, this, &OrderListModel::refresh);
    refresh();
}

void OrderListModel::refresh()
{
    beginResetModel();
    m_orders = m_booking->cachedOrders();
    endResetModel();
}

int OrderListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_orders.size());
}

int OrderListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

OrderInfo OrderListModel::orderAt(int row) const { return row >= 0 && row < m_orders.size() ? m_orders.at(row) : OrderInfo{}; }

int OrderListModel::rowOf(const QString& orderId) const
{
    for (int r = 0; r < m_orders.size(); ++r)
        if (m_orders.at(r).id == orderId)
            return r;
    return -1;
}

QVariant OrderListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const OrderInfo& order = m_orders.at(index.row());
    if (role == OrderIdRole)
        return order.id;
    if (role == Qt::TextAlignmentRole && index.column() == TotalColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case DateColumn:
        return format::eventDateTime(order.eventStartsAtMs, order.eventTimeZone, QLocale(), QLocale::ShortFormat, false);
    case EventColumn:
        return order.eventTitle;
    case CodeColumn:
        return order.code;
    case StatusColumn:
        return BookingService::orderStatusText(order);
    case TotalColumn:
        return format::money(order.totalMinor, order.currency);
    default:
        return {};
    }
}

QVariant OrderListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Event date");
    case EventColumn:
        return tr("Event");
    case CodeColumn:
        return tr("Order");
    case StatusColumn:
        return tr("Status");
    case TotalColumn:
        return tr("Total");
    default:
        return {};
    }
}

} // namespace marquee::client
