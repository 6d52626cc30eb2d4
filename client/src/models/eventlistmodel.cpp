// EventListModel implementation.
#include "models/eventlistmodel.h"

#include "models/eventformat.h"
#include "services/catalogservice.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QPalette>

namespace marquee::client {

namespace {

// Rows are ordered by (start, id), the same order the store returns them in.
bool lessThan(const EventRow& a, const EventRow& b)
{
    return a.startsAtMs != b.startsAtMs ? a.startsAtMs < b.startsAtMs : a.id < b.id;
}

} // namespace

EventListModel::EventListModel(CatalogService* catalog, QObject* parent) : QAbstractTableModel(parent), m_catalog(catalog)
{
    connect(m_catalog, &CatalogService::catalogChanged, this, &EventListModel::refresh);
    connect(m_catalog, &CatalogService::wishlistChanged, this, &EventListModel::refresh);
    m_rows = m_catalog->events(m_filter);
}

int EventListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }

int EventListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return format::eventDateTime(row.startsAtMs, row.timeZone, QLocale(), QLocale::ShortFormat, false);
        case TitleColumn:
            return row.wishlisted ? QString(QStringLiteral("★ ") + row.title) : row.title;
        case VenueColumn:
            return row.city.isEmpty() ? row.venueName : tr("%1, %2", "venue, city").arg(row.venueName, row.city);
        case CategoryColumn:
            return row.categoryName.isEmpty() ? row.categoryId : row.categoryName;
        case PriceColumn:
            return format::priceRange(row.priceMinMinor, row.priceMaxMinor, row.currency);
        case StatusColumn:
            return format::status(row.status);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == DateColumn)
            return format::eventDateTime(row.startsAtMs, row.timeZone);
        return {};
    case Qt::ForegroundRole:
        if (row.status == core::EventStatus::Cancelled)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        if (index.column() == StatusColumn && row.status != core::EventStatus::Scheduled)
            return QBrush(QColor(0xb0, 0x3a, 0x2e));
        return {};
    case Qt::FontRole:
        if (row.status == core::EventStatus::Cancelled && index.column() == TitleColumn) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PriceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case EventIdRole:
        return row.id;
    case StartsAtRole:
        return QDateTime::fromMSecsSinceEpoch(row.startsAtMs, Qt::UTC);
    case WishlistedRole:
        return row.wishlisted;
    case StatusRole:
        return static_cast<int>(row.status);
    case CategoryIdRole:
        return row.categoryId;
    default:
        return {};
    }
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case TitleColumn:
        return tr("Event");
    case VenueColumn:
        return tr("Venue");
    case CategoryColumn:
        return tr("Category");
    case PriceColumn:
        return tr("Price");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

QHash<int, QByteArray> EventListModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(EventIdRole, "eventId");
    names.insert(StartsAtRole, "startsAt");
    names.insert(WishlistedRole, "wishlisted");
    names.insert(StatusRole, "status");
    names.insert(CategoryIdRole, "categoryId");
    return names;
}

void EventListModel::setFilter(const EventFilter& filter)
{
    if (filter == m_filter)
        return;
    // A new filter is a new list: a reset is the honest signal here.
    beginResetModel();
    m_filter = filter;
    m_rows = m_catalog->events(m_filter);
    endResetModel();
    Q_EMIT refreshed();
}

QString EventListModel::eventIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int EventListModel::rowOf(const QString& eventId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == eventId)
            return i;
    return -1;
}

void EventListModel::refresh()
{
    QList<EventRow> fresh = m_catalog->events(m_filter);
    // Merge walk over two sorted lists: remove what vanished, insert what is new, and
    // report changed rows, so selections and scroll positions survive live updates.
    int i = 0; // index into the model as it is being edited
    qsizetype j = 0;
    while (i < m_rows.size() || j < fresh.size()) {
        if (j >= fresh.size() || (i < m_rows.size() && lessThan(m_rows.at(i), fresh.at(j)))) {
            int end = i;
            while (end + 1 < m_rows.size() && (j >= fresh.size() || lessThan(m_rows.at(end + 1), fresh.at(j))))
                ++end;
            beginRemoveRows({}, i, end);
            m_rows.remove(i, end - i + 1);
            endRemoveRows();
        } else if (i >= m_rows.size() || lessThan(fresh.at(j), m_rows.at(i))) {
            qsizetype endJ = j;
            while (endJ + 1 < fresh.size() && (i >= m_rows.size() || lessThan(fresh.at(endJ + 1), m_rows.at(i))))
                ++endJ;
            const int count = static_cast<int>(endJ - j + 1);
            beginInsertRows({}, i, i + count - 1);
            for (qsizetype k = j; k <= endJ; ++k)
                m_rows.insert(i + static_cast<int>(k - j), fresh.at(k));
            endInsertRows();
            i += count;
            j = endJ + 1;
        } else {
            if (!(m_rows.at(i) == fresh.at(j))) {
                m_rows[i] = fresh.at(j);
                Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            ++i;
            ++j;
        }
    }
    Q_EMIT refreshed();
}

} // namespace marquee::client
