// LeasePanel implementation (see leasepanel.h).
#include "boxoffice/leasepanel.h"

#include "boxoffice/boxofficewindow.h"
#include "boxoffice/leaseservice.h"
#include "boxoffice/leasetexts.h"
#include "boxoffice/offlinesaleservice.h"
#include "models/eventformat.h"
#include "seatmap/seatmapview.h"
#include "services/clientsession.h"

#include "marquee/core/seating/layout.hpp"

#include <QCheckBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace marquee::client {

LeasePanel::LeasePanel(ClientSession* session, BoxOfficeWindow* window, QWidget* parent)
    : QWidget(parent), m_session(session), m_window(window)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_table = new QTableWidget(0, 6, this);
    m_table->setHorizontalHeaderLabels({tr("Lease"), tr("Seats"), tr("Left"), tr("Sold here"), tr("Confirmed"), tr("Returned")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();

    auto* takeBox = new QGroupBox(tr("Lease seats for offline sales"), this);
    m_leaseSelected = new QPushButton(tr("Lease the seats selected on the map"), takeBox);
    m_categoryForm = new QFormLayout;
    m_leaseByCategory = new QPushButton(tr("Lease by category"), takeBox);
    auto* takeLayout = new QVBoxLayout(takeBox);
    takeLayout->addWidget(m_leaseSelected);
    takeLayout->addLayout(m_categoryForm);
    takeLayout->addWidget(m_leaseByCategory);

    m_return = new QPushButton(tr("Return unsold seats of the selected lease"), this);
    m_refresh = new QPushButton(tr("Refresh from the server"), this);
    m_returnOnReconnect = new QCheckBox(tr("Return unsold seats when the connection comes back"), this);
    m_returnOnReconnect->setChecked(session->offlineSales()->returnsLeasesOnReconnect());
    m_rejected = new QListWidget(this);
    m_rejected->setAccessibleName(tr("Offline sales the server rejected"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto* outer = new QVBoxLayout(this);
    outer->addWidget(m_summary);
    outer->addWidget(m_table, 1);
    outer->addWidget(m_return);
    outer->addWidget(m_refresh);
    outer->addWidget(m_returnOnReconnect);
    outer->addWidget(takeBox);
    outer->addWidget(new QLabel(tr("Offline sales the server rejected (check them with the buyer):"), this));
    outer->addWidget(m_rejected);
    outer->addWidget(m_message);

    LeaseService* leases = session->leases();
    connect(m_leaseSelected, &QPushButton::clicked, this, [this] {
        m_message->clear();
        if (m_session->leases()->leaseSeats(m_window->eventId(), m_window->selectedSeatIds()))
            m_message->setText(tr("Leasing…"));
    });
    connect(m_leaseByCategory, &QPushButton::clicked, this, &LeasePanel::leaseByCategory);
    connect(m_return, &QPushButton::clicked, this, &LeasePanel::returnSelected);
    connect(m_refresh, &QPushButton::clicked, leases, &LeaseService::refresh);
    connect(m_returnOnReconnect, &QCheckBox::toggled, session->offlineSales(), &OfflineSaleService::setReturnLeasesOnReconnect);
    connect(leases, &LeaseService::leaseChanged, this, [this](const LeaseInfo& lease) {
        m_message->setText(LeaseTexts::leaseChanged(lease));
        m_window->seatMap()->clearSelection();
    });
    connect(leases, &LeaseService::leaseFailed, m_message, &QLabel::setText);
    connect(session->offlineSales(), &OfflineSaleService::saleRejected, this, &LeasePanel::refresh);
    connect(window->seatMap(), &SeatMapView::selectionChanged, this, &LeasePanel::refresh);
    refresh();
}

void LeasePanel::rebuildCategories()
{
    if (m_categoriesFor == m_window->eventId() && !m_counts.isEmpty())
        return;
    while (m_categoryForm->rowCount() > 0)
        m_categoryForm->removeRow(0);
    m_counts.clear();
    m_categoriesFor = m_window->eventId();
    const auto layout = m_window->layout();
    if (!layout)
        return;
    for (const auto& pc : layout->priceCategories) {
        auto* spin = new QSpinBox(this);
        spin->setRange(0, 500);
        const QString name = QString::fromStdString(pc.name);
        spin->setAccessibleName(name);
        m_categoryForm->addRow(tr("%1 (%2):").arg(name, format::money(pc.priceMinor, QString::fromStdString(pc.currency))), spin);
        m_counts.append({QString::fromStdString(pc.id), spin});
    }
}

void LeasePanel::setCategoryCount(const QString& priceCategoryId, int count)
{
    rebuildCategories();
    for (const auto& [id, spin] : m_counts)
        if (id == priceCategoryId)
            spin->setValue(count);
}

void LeasePanel::leaseByCategory()
{
    QList<LeaseCountInfo> counts;
    for (const auto& [id, spin] : m_counts)
        if (spin->value() > 0)
            counts.append(LeaseCountInfo{id, static_cast<std::uint32_t>(spin->value())});
    m_message->clear();
    if (m_session->leases()->leaseByCategory(m_window->eventId(), counts))
        m_message->setText(tr("Leasing…"));
}

void LeasePanel::returnSelected()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? (m_table->rowCount() == 1 ? 0 : -1) : rows.first().row();
    if (row < 0) {
        m_message->setText(tr("Select the lease to return."));
        return;
    }
    const QString leaseId = m_table->item(row, 0)->data(Qt::UserRole).toString();
    m_message->clear();
    if (m_session->leases()->returnLease(leaseId))
        m_message->setText(tr("Returning…"));
}

void LeasePanel::refresh()
{
    rebuildCategories();
    const bool online = m_window->isOnline();
    const QList<LeaseInfo> leases = m_session->leases()->activeLeases(m_window->eventId());
    m_table->setRowCount(static_cast<int>(leases.size()));
    int row = 0;
    for (const LeaseInfo& lease : leases) {
        auto* id = new QTableWidgetItem(lease.id.left(8));
        id->setData(Qt::UserRole, lease.id);
        id->setToolTip(tr("Expires %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(lease.expiresAtMs), QLocale::ShortFormat)));
        m_table->setItem(row, 0, id);
        const LeaseFigures f = LeaseFigures::of(lease);
        const QList<int> figures{f.leased, f.available, f.soldOffline, f.confirmed, f.returned};
        for (int c = 0; c < figures.size(); ++c) {
            auto* item = new QTableWidgetItem(QLocale().toString(figures.at(c)));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, c + 1, item);
        }
        ++row;
    }
    m_summary->setText(LeaseTexts::summary(m_session->leases(), m_window->eventId()));
    const int selected = static_cast<int>(m_window->selectedSeatIds().size());
    m_leaseSelected->setText(selected > 0 ? tr("Lease the %n seat(s) selected on the map", "", selected)
                                          : tr("Lease the seats selected on the map"));
    m_leaseSelected->setEnabled(online && selected > 0);
    m_leaseByCategory->setEnabled(online && !m_counts.isEmpty());
    m_return->setEnabled(online && !leases.isEmpty());
    m_refresh->setEnabled(online);
    m_rejected->clear();
    for (const OfflineSaleInfo& sale : m_session->offlineSales()->rejectedSales())
        m_rejected->addItem(LeaseTexts::rejectedSale(sale));
}

} // namespace marquee::client
