// EventListModel: the filtered event list as a table. Refreshes by diffing the new rows
// against the old ones (inserts/removes/dataChanged), so pushes do not reset the view.
#pragma once

#include "store/records.h"

#include <QAbstractTableModel>

namespace marquee::client {

class CatalogService;

class EventListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DateColumn, TitleColumn, VenueColumn, CategoryColumn, PriceColumn, StatusColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        EventIdRole = Qt::UserRole + 1,
        StartsAtRole, // QDateTime (UTC)
        WishlistedRole,
        StatusRole, // int (core::EventStatus)
        CategoryIdRole,
    };
    Q_ENUM(Role)

    explicit EventListModel(CatalogService* catalog, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    EventFilter filter() const { return m_filter; }
    void setFilter(const EventFilter& filter);
    QString eventIdAt(int row) const;
    int rowOf(const QString& eventId) const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed();

private:
    CatalogService* m_catalog;
    EventFilter m_filter;
    QList<EventRow> m_rows;
};

} // namespace marquee::client
