// BoxOfficeWindow implementation (see boxofficewindow.h).
#include "boxoffice/boxofficewindow.h"

#include "boxoffice/counterpanel.h"
#include "boxoffice/counterservice.h"
#include "boxoffice/dayreportdialog.h"
#include "boxoffice/devicespanel.h"
#include "boxoffice/leasepanel.h"
#include "boxoffice/leaseservice.h"
#include "boxoffice/offlinesaleservice.h"
#include "boxoffice/salepanel.h"
#include "models/eventformat.h"
#include "net/syncclient.h"
#include "seatmap/seatmaplegend.h"
#include "seatmap/seatmapview.h"
#include "services/accountservice.h"
#include "services/clientsession.h"
#include "services/seatingservice.h"
#include "store/localstore.h"

#include "marquee/core/seating/layout.hpp"
#include "marquee/core/seating/seat_index.hpp"

#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

namespace marquee::client {

using core::seating::SeatStatus;

BoxOfficeWindow::BoxOfficeWindow(ClientSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_counterService(new CounterService(session->syncClient(), this)),
      m_print(printing::PrintTarget{{}, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)})
{
    setWindowTitle(tr("Box office"));
    resize(1280, 800);

    m_events = new QComboBox(this);
    m_events->setMinimumWidth(360);
    m_reportButton = new QPushButton(tr("End-of-day report…"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Event:"), this));
    top->addWidget(m_events, 1);
    top->addWidget(m_reportButton);

    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setAccessibleName(tr("Connection and lease status"));

    m_view = new SeatMapView(this);
    m_view->setSelectionMode(SeatMapView::SelectionMode::Multiple);
    m_view->setMinimapVisible(false);
    m_legend = new SeatMapLegend(m_view, this);
    auto* mapColumn = new QWidget(this);
    auto* mapLayout = new QHBoxLayout(mapColumn);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->addWidget(m_view, 1);
    m_legend->setMaximumWidth(230);
    mapLayout->addWidget(m_legend, 0, Qt::AlignTop);

    m_tabs = new QTabWidget(this);
    m_sale = new SalePanel(session, this, m_tabs);
    m_lease = new LeasePanel(session, this, m_tabs);
    m_counter = new CounterPanel(session, this, m_tabs);
    m_tabs->addTab(m_sale, tr("Sell"));
    m_tabs->addTab(m_lease, tr("Lease"));
    m_tabs->addTab(m_counter, tr("Counter"));
    m_devices = new DevicesPanel(session, m_tabs);
    m_tabs->addTab(m_devices, tr("Devices"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_devices)
            m_devices->refresh();
    });
    m_tabs->setMinimumWidth(420);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(mapColumn);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    auto* outer = new QVBoxLayout(this);
    outer->addLayout(top);
    outer->addWidget(m_banner);
    outer->addWidget(splitter, 1);

    SeatingService* seating = session->seating();
    connect(seating, &SeatingService::snapshotReceived, this, [this](const SeatSnapshotInfo& snapshot) {
        if (isOnline() && snapshot.eventId.compare(m_eventId, Qt::CaseInsensitive) == 0
            && m_layout && snapshot.status.size() == static_cast<qsizetype>(m_view->geometry().seatCount())) {
            m_view->setStatus(snapshot.status);
            m_standing.clear();
            updateStanding(snapshot.generalAdmission);
        }
    });
    connect(seating, &SeatingService::deltaReceived, this, [this](const SeatDeltaInfo& delta) {
        if (isOnline() && delta.eventId.compare(m_eventId, Qt::CaseInsensitive) == 0) {
            m_view->applyStatusDelta(delta.seats, delta.status);
            if (!delta.generalAdmission.isEmpty())
                updateStanding(delta.generalAdmission);
        }
    });
    connect(seating, &SeatingService::layoutsChanged, this, [this] {
        fillEvents();
        loadLayout();
    });
    connect(session->syncClient(), &SyncClient::stateChanged, this, &BoxOfficeWindow::refresh);
    connect(session, &ClientSession::synced, this, &BoxOfficeWindow::fillEvents);
    LeaseService* leases = session->leases();
    connect(leases, &LeaseService::leaseChanged, this, &BoxOfficeWindow::refresh);
    connect(leases, &LeaseService::leasesRefreshed, this, &BoxOfficeWindow::refresh);
    OfflineSaleService* sales = session->offlineSales();
    connect(sales, &OfflineSaleService::saleRecorded, this, &BoxOfficeWindow::refresh);
    connect(sales, &OfflineSaleService::reconcileFinished, this, &BoxOfficeWindow::refresh);
    connect(m_events, &QComboBox::currentIndexChanged, this, [this] {
        const QString id = m_events->currentData().toString();
        if (!id.isEmpty() && id != m_eventId)
            setEvent(id);
    });
    connect(m_reportButton, &QPushButton::clicked, this, &BoxOfficeWindow::openDayReport);

    fillEvents();
    refresh();
}

BoxOfficeWindow::~BoxOfficeWindow()
{
    if (!m_eventId.isEmpty() && m_session->seating()->subscribedEvent() == m_eventId.toLower())
        m_session->seating()->unsubscribe();
}

void BoxOfficeWindow::fillEvents()
{
    EventFilter filter;
    filter.from = QDate::currentDate();
    const QSignalBlocker block(m_events);
    m_events->clear();
    for (const EventRow& e : m_session->store()->events(filter)) {
        if (!m_session->seating()->eventLayoutPin(e.id))
            continue; // the box office sells seated events
        m_events->addItem(tr("%1 — %2, %3")
                              .arg(e.title, format::eventDateTime(e.startsAtMs, e.timeZone, QLocale(), QLocale::ShortFormat),
                                   e.venueName),
                          e.id);
    }
    if (!m_eventId.isEmpty()) {
        const int at = m_events->findData(m_eventId);
        if (at < 0)
            m_events->insertItem(0, m_eventId, m_eventId);
        m_events->setCurrentIndex(std::max(at, 0));
    } else if (m_events->count() > 0) {
        m_events->setCurrentIndex(0);
        QMetaObject::invokeMethod(this, [this] { setEvent(m_events->currentData().toString()); }, Qt::QueuedConnection);
    }
}

void BoxOfficeWindow::setEvent(const QString& eventId)
{
    if (eventId == m_eventId)
        return;
    m_eventId = eventId;
    const int at = m_events->findData(eventId);
    if (at >= 0) {
        const QSignalBlocker block(m_events);
        m_events->setCurrentIndex(at);
    }
    m_view->clearSelection();
    m_standing.clear();
    loadLayout();
    if (isOnline())
        m_session->seating()->subscribe(eventId);
    Q_EMIT eventChanged(eventId);
    refresh();
}

void BoxOfficeWindow::setPrintTarget(const printing::PrintTarget& target) { m_print.setTarget(target); }

void BoxOfficeWindow::setPdfDirectory(const QString& directory)
{
    printing::PrintTarget target = m_print.target();
    target.printerName.clear();
    target.pdfDirectory = directory;
    m_print.setTarget(target);
}

void BoxOfficeWindow::loadLayout()
{
    if (m_eventId.isEmpty())
        return;
    auto layout = m_session->seating()->layoutForEvent(m_eventId);
    if (layout && m_layout && *layout == *m_layout)
        return;
    m_layout = layout;
    m_view->setSeatingLayout(m_layout);
    m_legend->rebuild(); // the view fits the new layout itself once it has a size
}

bool BoxOfficeWindow::isOnline() const { return m_session->syncClient()->isConnected(); }

QString BoxOfficeWindow::bannerText() const { return m_banner->text(); }

QStringList BoxOfficeWindow::selectedSeatIds() const
{
    QStringList ids;
    if (!m_layout)
        return ids;
    for (std::uint32_t seat : m_view->selectedSeats())
        ids << QString::fromStdString(m_view->geometry().index().seat(seat).id);
    return ids;
}

void BoxOfficeWindow::selectSeats(const QStringList& seatIds)
{
    if (!m_layout)
        return;
    std::vector<std::uint32_t> seats;
    const auto& index = m_view->geometry().index();
    for (std::uint32_t i = 0; i < index.size(); ++i) // as clicks would: only seats that may be picked
        if (m_view->isSelectable(i) && seatIds.contains(QString::fromStdString(index.seat(i).id)))
            seats.push_back(i);
    m_view->setSelectedSeats(seats);
}

void BoxOfficeWindow::showLeaseOnMap()
{
    // Offline there is no live status: every seat is out of reach except this device's lease,
    // whose unsold seats are for sale and whose sold ones show as sold.
    if (!m_layout)
        return;
    const auto& index = m_view->geometry().index();
    // Seats outside the lease show as held (a calm grey hatch): not for sale here, state unknown.
    QByteArray status(static_cast<qsizetype>(index.size()), static_cast<char>(SeatStatus::Held));
    for (const LeaseInfo& lease : m_session->leases()->activeLeases(m_eventId))
        for (const LeasedSeatInfo& seat : lease.seats) {
            if (seat.seatIndex >= index.size() || QString::fromStdString(index.seat(seat.seatIndex).id) != seat.seatId)
                continue; // another layout version: the index does not line up
            const bool sellable = seat.state == LeasedSeatState::Available;
            const bool sold = seat.state == LeasedSeatState::Sold || seat.state == LeasedSeatState::SoldOffline;
            status[seat.seatIndex] = static_cast<char>(sellable ? SeatStatus::Available : sold ? SeatStatus::Sold : SeatStatus::Held);
        }
    m_view->setStatus(status);
}

void BoxOfficeWindow::refresh()
{
    const bool online = isOnline();
    LeaseService* leases = m_session->leases();
    const int left = m_eventId.isEmpty() ? 0 : leases->availableSeats(m_eventId);
    const int leased = m_eventId.isEmpty() ? 0 : leases->leasedSeats(m_eventId);
    const int pending = m_session->offlineSales()->pendingCount();
    QString text;
    QString style;
    if (online) {
        text = tr("Online — selling live seats.");
        if (leased > 0)
            text += QLatin1Char(' ') + tr("This device holds a lease: %1 of %2 seats left for offline sales.").arg(left).arg(leased);
        if (pending > 0)
            text += QLatin1Char(' ') + tr("Offline sales uploading: %1.").arg(pending);
        style = QStringLiteral("background:#e6f4ea; color:#0d5323; padding:8px; font-weight:bold;");
    } else if (leased > 0) {
        text = tr("Offline — selling from this device's lease: %1 of %2 seats left").arg(left).arg(leased);
        if (pending > 0)
            text += QLatin1Char(' ') + tr("(sales waiting to upload: %1)").arg(pending);
        style = QStringLiteral("background:#fff4e5; color:#7a4100; padding:8px; font-weight:bold;");
    } else {
        text = tr("Offline — this device has no lease for this event, so nothing can be sold until the connection is back.");
        style = QStringLiteral("background:#fdecea; color:#8a1c12; padding:8px; font-weight:bold;");
    }
    m_banner->setText(text);
    m_banner->setStyleSheet(style);
    // Revoking devices is for admins (the server refuses everyone else anyway).
    const core::Role role = m_session->account()->role();
    m_tabs->setTabVisible(m_tabs->indexOf(m_devices), role == core::Role::Admin);

    if (online && !m_wasOnline) {
        m_view->setStatus({}); // the live snapshot replaces the lease view
        if (!m_eventId.isEmpty())
            m_session->seating()->subscribe(m_eventId);
    }
    if (!online)
        showLeaseOnMap();
    if (online != m_wasOnline) {
        m_wasOnline = online;
        Q_EMIT onlineChanged(online);
    }
    m_sale->refresh();
    m_lease->refresh();
}

void BoxOfficeWindow::updateStanding(const QList<AreaAvailabilityInfo>& areas)
{
    for (const AreaAvailabilityInfo& a : areas)
        m_standing.insert(a.areaId, {a.capacity, a.taken});
    QHash<QString, GeneralAdmission> shown;
    for (auto it = m_standing.cbegin(); it != m_standing.cend(); ++it)
        shown.insert(it.key(), GeneralAdmission{it->first, it->second});
    m_view->setGeneralAdmission(shown);
    m_sale->refresh();
}

int BoxOfficeWindow::standingPlacesLeft(const QString& areaId) const
{
    const auto it = m_standing.constFind(areaId);
    if (!isOnline() || it == m_standing.cend())
        return -1;
    return it->first > it->second ? static_cast<int>(it->first - it->second) : 0;
}

DayReportDialog* BoxOfficeWindow::openDayReport()
{
    if (!m_report)
        m_report = new DayReportDialog(m_session, m_counterService, this);
    m_report->setPrintService(&m_print);
    m_report->show();
    m_report->raise();
    return m_report;
}

} // namespace marquee::client
