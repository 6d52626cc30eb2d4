// The seat-map picker (see openlayoutdialog.h).
#include "editor/openlayoutdialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

enum Column { Name, Venue, Places, Version, Saved, Owner, ColumnCount };
constexpr int kIdRole = Qt::UserRole;
constexpr int kSortRole = Qt::UserRole + 1;

// Sorts numbers and times by value, not by their localised text.
class LayoutItem : public QTreeWidgetItem {
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem& other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant mine = data(column, kSortRole);
        const QVariant theirs = other.data(column, kSortRole);
        if (mine.isValid() && theirs.isValid())
            return mine.toLongLong() < theirs.toLongLong();
        return QString::localeAwareCompare(text(column), other.text(column)) < 0;
    }
};

} // namespace

OpenLayoutDialog::OpenLayoutDialog(const QList<LayoutSummary>& layouts, const QHash<QString, QString>& venueNames,
                                   qint64 userId, QWidget* parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_empty(new QLabel(this))
{
    setWindowTitle(tr("Open Seat Map"));
    m_filter->setPlaceholderText(tr("Filter by name or venue"));
    m_filter->setClearButtonEnabled(true);

    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Name"), tr("Venue"), tr("Places"), tr("Version"), tr("Saved"), tr("Owner")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    const QLocale locale;
    for (const LayoutSummary& layout : layouts) {
        auto* item = new LayoutItem(m_list);
        item->setText(Name, layout.name);
        item->setData(Name, kIdRole, layout.id);
        item->setText(Venue, venueNames.value(layout.venueId, tr("Unknown venue")));
        item->setText(Places, locale.toString(layout.places));
        item->setData(Places, kSortRole, layout.places);
        item->setToolTip(Places, tr("Seats plus standing places"));
        item->setTextAlignment(Places, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(Version, locale.toString(layout.version));
        item->setData(Version, kSortRole, layout.version);
        item->setTextAlignment(Version, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(Saved, layout.savedAtMs > 0
                                 ? locale.toString(QDateTime::fromMSecsSinceEpoch(layout.savedAtMs), QLocale::ShortFormat)
                                 : QString());
        item->setData(Saved, kSortRole, layout.savedAtMs);
        item->setText(Owner, layout.ownerId == 0          ? tr("House layout")
                             : layout.ownerId == userId ? tr("You")
                                                        : tr("Another organizer"));
        item->setToolTip(Name, tr("Layout id %1").arg(layout.id));
    }
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(Saved, Qt::DescendingOrder);
    m_list->header()->setStretchLastSection(false);
    for (int column = Name; column < ColumnCount; ++column)
        m_list->resizeColumnToContents(column);
    m_list->header()->setSectionResizeMode(Name, QHeaderView::Stretch);

    m_empty->setWordWrap(true);
    m_empty->setText(layouts.isEmpty() ? tr("No seat maps have been synced yet. Seat maps are saved from this editor "
                                            "(File › Save to Server) and arrive with the catalog sync.")
                                       : tr("No seat map matches the filter."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    m_open = buttons->button(QDialogButtonBox::Open);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &OpenLayoutDialog::applyFilter);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &OpenLayoutDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] {
        if (!chosenLayoutId().isEmpty())
            accept();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(buttons);
    resize(960, 440);
    applyFilter();
}

QString OpenLayoutDialog::chosenLayoutId() const
{
    const QList<QTreeWidgetItem*> selected = m_list->selectedItems();
    return selected.isEmpty() || selected.front()->isHidden() ? QString()
                                                              : selected.front()->data(Name, kIdRole).toString();
}

void OpenLayoutDialog::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    QTreeWidgetItem* firstVisible = nullptr;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        const bool match = needle.isEmpty() || item->text(Name).contains(needle, Qt::CaseInsensitive) ||
                           item->text(Venue).contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !firstVisible)
            firstVisible = item;
    }
    if (chosenLayoutId().isEmpty())
        m_list->setCurrentItem(firstVisible);
    m_empty->setVisible(!firstVisible);
    updateButtons();
}

void OpenLayoutDialog::updateButtons() { m_open->setEnabled(!chosenLayoutId().isEmpty()); }

} // namespace marquee::client
