// CategoryModel implementation.
#include "models/categorymodel.h"

#include "services/catalogservice.h"

#include <QMultiMap>

namespace marquee::client {

CategoryModel::CategoryModel(CatalogService* catalog, QObject* parent) : QAbstractListModel(parent), m_catalog(catalog)
{
    connect(m_catalog, &CatalogService::catalogChanged, this, &CategoryModel::refresh);
    refresh();
}

int CategoryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_items.size()) + 1; }

QVariant CategoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() == 0) {
        if (role == Qt::DisplayRole)
            return tr("All categories");
        if (role == CategoryIdRole)
            return QString();
        if (role == DepthRole)
            return 0;
        return {};
    }
    const Item& item = m_items.at(index.row() - 1);
    switch (role) {
    case Qt::DisplayRole:
        return QString(QString(item.depth * 4, QLatin1Char(' ')) + item.name);
    case CategoryIdRole:
        return item.id;
    case DepthRole:
        return item.depth;
    default:
        return {};
    }
}

QHash<int, QByteArray> CategoryModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(CategoryIdRole, "categoryId");
    names.insert(DepthRole, "depth");
    return names;
}

int CategoryModel::rowOf(const QString& categoryId) const
{
    if (categoryId.isEmpty())
        return 0;
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).id == categoryId)
            return i + 1;
    return -1;
}

void CategoryModel::refresh()
{
    const QList<core::Category> all = m_catalog->categories();
    QMultiMap<QString, core::Category> byParent; // sorted by name within a parent via insertion below
    QSet<QString> ids;
    for (const auto& c : all)
        ids.insert(QString::fromStdString(c.id));
    for (const auto& c : all) {
        // Orphans (parent not cached) show at the top level.
        const QString parent = ids.contains(QString::fromStdString(c.parentId)) ? QString::fromStdString(c.parentId) : QString();
        byParent.insert(parent, c);
    }
    QList<Item> items;
    std::function<void(const QString&, int)> walk = [&](const QString& parent, int depth) {
        auto children = byParent.values(parent);
        std::sort(children.begin(), children.end(), [](const core::Category& a, const core::Category& b) {
            return QString::fromStdString(a.name).localeAwareCompare(QString::fromStdString(b.name)) < 0;
        });
        for (const auto& c : children) {
            items.append(Item{QString::fromStdString(c.id), QString::fromStdString(c.name), depth});
            if (depth < 16) // guards against a parent cycle in bad data
                walk(QString::fromStdString(c.id), depth + 1);
        }
    };
    walk(QString(), 0);
    if (items == m_items)
        return;
    beginResetModel(); // categories change rarely and the list is short
    m_items = std::move(items);
    endResetModel();
}

} // namespace marquee::client
