// OrderListModel: the signed-in user's orders from the local cache (newest first), refreshed
// when the change log brings order changes. Works offline.
#pragma once

#include "store/bookingrecords.h"

#include <QAbstractTableModel>

namespace marquee::client {

class BookingService;

class OrderListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DateColumn, EventColumn, CodeColumn, StatusColumn, TotalColumn, ColumnCount };
    enum Role { OrderIdRole = Qt::UserRole + 1 };

    explicit OrderListModel(BookingService* booking, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    OrderInfo orderAt(int row) const;
    int rowOf(const QString& orderId) const;
    void refresh();

private:
    BookingService* m_booking;
    QList<OrderInfo> m_orders;
};

} // namespace marquee::client
