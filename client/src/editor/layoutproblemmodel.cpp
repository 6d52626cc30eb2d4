// LayoutProblemModel implementation.
#include "editor/layoutproblemmodel.h"

#include "editor/layoutdocument.h"

#include <QApplication>
#include <QStyle>

namespace marquee::client {

namespace cs = core::seating;

LayoutProblemModel::LayoutProblemModel(LayoutDocument* document, QObject* parent)
    : QAbstractListModel(parent), m_document(document)
{
    // The list is small next to the layout; a reset per edit keeps it simple and exact.
    connect(document, &LayoutDocument::problemsChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int LayoutProblemModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_document->problems().size());
}

const cs::LayoutProblem& LayoutProblemModel::problem(int row) const
{
    return m_document->problems().at(static_cast<std::size_t>(row));
}

QVariant LayoutProblemModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return describe(problem(index.row()));
    case Qt::ToolTipRole:
        return QString::fromStdString(problem(index.row()).message);
    case Qt::DecorationRole:
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    case ProblemIndexRole:
        return index.row();
    default:
        return {};
    }
}

QString LayoutProblemModel::describe(const cs::LayoutProblem& p) const
{
    const cs::Layout& layout = m_document->layout();
    const cs::SeatIndex& seats = m_document->seatIndex();
    QString area;
    for (const cs::Area& a : layout.areas)
        if (a.id == p.areaId)
            area = QString::fromStdString(a.label);
    if (area.isEmpty())
        area = tr("(unnamed area)");
    // "row C seat 12" for a seat id, empty when unknown.
    auto seatName = [&](const std::string& id) -> QString {
        const auto i = seats.indexOf(id);
        if (!i)
            return {};
        return tr("row %1 seat %2")
            .arg(QString::fromStdString(seats.row(*i).label), QString::fromStdString(seats.seat(*i).label));
    };
    QString rowLabel;
    for (const cs::Area& a : layout.areas)
        for (const cs::Row& r : a.rows)
            if (r.id == p.rowId)
                rowLabel = QString::fromStdString(r.label);

    switch (p.kind) {
    case cs::LayoutProblemKind::OverlappingSeats:
        return tr("%1: %2 overlaps %3").arg(area, seatName(p.seatId), seatName(p.otherSeatId));
    case cs::LayoutProblemKind::DuplicateSeatLabel:
        return tr("%1: %2 is numbered twice").arg(area, seatName(p.seatId));
    case cs::LayoutProblemKind::DuplicateRowLabel:
        return tr("%1: row %2 appears twice").arg(area, rowLabel);
    case cs::LayoutProblemKind::DuplicateId:
        return tr("%1: an id is used twice (%2)").arg(area, QString::fromStdString(p.message));
    case cs::LayoutProblemKind::SeatOutsideArea:
        return tr("%1: %2 lies outside the area").arg(area, seatName(p.seatId));
    case cs::LayoutProblemKind::UnknownPriceCategory:
        return p.seatId.empty() ? tr("%1: the price category does not exist").arg(area)
                                : tr("%1: %2 has a price category that does not exist").arg(area, seatName(p.seatId));
    case cs::LayoutProblemKind::EmptyLabel:
        return !p.seatId.empty() ? tr("%1: a seat in row %2 has no number").arg(area, rowLabel)
               : !p.rowId.empty() ? tr("%1: a row has no label").arg(area)
                                  : tr("An area has no name");
    case cs::LayoutProblemKind::InvalidCapacity:
        return tr("%1: a standing area needs a capacity above zero, a seated area none").arg(area);
    case cs::LayoutProblemKind::InvalidOutline:
        return tr("%1: the outline needs at least three points").arg(area);
    }
    return QString::fromStdString(p.message);
}

} // namespace marquee::client
