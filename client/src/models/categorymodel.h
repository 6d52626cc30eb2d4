// CategoryModel: categories as a flat list in tree order (children indented under their
// parent), with an "All categories" row first, for the filter combo box.
#pragma once

#include "marquee/core/domain.hpp"

#include <QAbstractListModel>

namespace marquee::client {

class CatalogService;

class CategoryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { CategoryIdRole = Qt::UserRole + 1, DepthRole };
    Q_ENUM(Role)

    explicit CategoryModel(CatalogService* catalog, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int rowOf(const QString& categoryId) const;

public Q_SLOTS:
    void refresh();

private:
    struct Item {
        QString id;
        QString name;
        int depth = 0;
        bool operator==(const Item&) const = default;
    };
    CatalogService* m_catalog;
    QList<Item> m_items;
};

} // namespace marquee::client
