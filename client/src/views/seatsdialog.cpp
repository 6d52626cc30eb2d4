// SeatsDialog implementation.
#include "views/seatsdialog.h"

#include "booking/bookingpanel.h"
#include "models/eventformat.h"
#include "seatmap/seatmaplegend.h"
#include "seatmap/seatmapview.h"
#include "services/accountservice.h"
#include "services/catalogservice.h"
#include "services/clientsession.h"
#include "services/seatingservice.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace marquee::client {

using core::seating::SeatStatus;

SeatsDialog::SeatsDialog(ClientSession* session, const QString& eventId, QWidget* parent)
    : QDialog(parent), m_session(session), m_eventId(eventId)
{
    setAttribute(Qt::WA_DeleteOnClose, false);
    const auto details = session->catalog()->eventDetails(eventId);
    setWindowTitle(details ? tr("Seats — %1").arg(QString::fromStdString(details->event.title)) : tr("Seats"));
    resize(1100, 720);

    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("background:#fff4d6; color:#222; padding:6px; border:1px solid #e0c060;"));

    m_view = new SeatMapView(this);
    m_view->setSelectionMode(SeatMapView::SelectionMode::Multiple);
    m_view->setOfflineBadgeVisible(false); // the notice above the map says it

    auto* zoomIn = new QToolButton(this);
    zoomIn->setText(tr("+"));
    zoomIn->setToolTip(tr("Zoom in"));
    auto* zoomOut = new QToolButton(this);
    zoomOut->setText(tr("−"));
    zoomOut->setToolTip(tr("Zoom out"));
    auto* fit = new QToolButton(this);
    fit->setText(tr("Whole venue"));
    connect(zoomIn, &QToolButton::clicked, this, [this] { m_view->zoomStep(1.5, m_view->rect().center()); });
    connect(zoomOut, &QToolButton::clicked, this, [this] { m_view->zoomStep(1 / 1.5, m_view->rect().center()); });
    connect(fit, &QToolButton::clicked, m_view, &SeatMapView::fitToView);
    auto* tools = new QHBoxLayout;
    tools->addWidget(zoomIn);
    tools->addWidget(zoomOut);
    tools->addWidget(fit);
    tools->addStretch(1);

    auto* mapColumn = new QWidget(this);
    auto* mapLayout = new QVBoxLayout(mapColumn);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->addLayout(tools);
    mapLayout->addWidget(m_view, 1);

    // Side panel: legend, seat details, selection and organizer actions.
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    auto* legendBox = new QGroupBox(tr("Legend"), side);
    auto* legendLayout = new QVBoxLayout(legendBox);
    m_legend = new SeatMapLegend(m_view, legendBox);
    legendLayout->addWidget(m_legend);
    auto* detailsBox = new QGroupBox(tr("Seat"), side);
    auto* detailsLayout = new QVBoxLayout(detailsBox);
    m_details = new QLabel(detailsBox);
    m_details->setWordWrap(true);
    m_details->setMinimumHeight(48);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    detailsLayout->addWidget(m_details);
    auto* selectionBox = new QGroupBox(tr("Your selection"), side);
    auto* selectionLayout = new QVBoxLayout(selectionBox);
    m_summary = new QLabel(selectionBox);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    selectionLayout->addWidget(m_summary);

    m_organizerBox = new QGroupBox(tr("Organizer"), side);
    auto* orgLayout = new QVBoxLayout(m_organizerBox);
    m_block = new QPushButton(tr("Block selected seats"), m_organizerBox);
    m_unblock = new QPushButton(tr("Unblock selected seats"), m_organizerBox);
    m_result = new QLabel(m_organizerBox);
    m_result->setWordWrap(true);
    orgLayout->addWidget(m_block);
    orgLayout->addWidget(m_unblock);
    orgLayout->addWidget(m_result);
    connect(m_block, &QPushButton::clicked, this, [this] { blockSelected(true); });
    connect(m_unblock, &QPushButton::clicked, this, [this] { blockSelected(false); });

    auto* bookBox = new QGroupBox(tr("Book"), side);
    auto* bookLayout = new QVBoxLayout(bookBox);
    m_booking = new BookingPanel(session, eventId, m_view, bookBox);
    bookLayout->addWidget(m_booking);

    sideLayout->addWidget(detailsBox);
    sideLayout->addWidget(selectionBox);
    sideLayout->addWidget(bookBox);
    sideLayout->addWidget(m_organizerBox);
    sideLayout->addWidget(legendBox, 1);
    auto* sideScroll = new QScrollArea(this);
    sideScroll->setWidget(side);
    sideScroll->setWidgetResizable(true);
    sideScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // texts wrap instead
    sideScroll->setMinimumWidth(280);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(mapColumn);
    splitter->addWidget(sideScroll);
    splitter->setStretchFactor(0, 1);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(m_notice);
    outer->addWidget(splitter, 1);

    SeatingService* seating = session->seating();
    connect(seating, &SeatingService::snapshotReceived, this, [this](const SeatSnapshotInfo& snapshot) {
        const auto pin = m_session->seating()->eventLayoutPin(m_eventId);
        if (pin && (QString::fromStdString(pin->layoutId) != snapshot.layoutId || pin->version != snapshot.layoutVersion)) {
            // The event moved to a layout version the cache does not have yet: the next
            // batch brings it (layoutsChanged reloads); until then bytes would not line up.
            updateNotice();
            return;
        }
        m_view->setStatus(snapshot.status);
        QHash<QString, GeneralAdmission> ga;
        for (const AreaAvailabilityInfo& a : snapshot.generalAdmission)
            ga.insert(a.areaId, GeneralAdmission{a.capacity, a.taken});
        m_view->setGeneralAdmission(ga);
        updateNotice();
    });
    connect(seating, &SeatingService::deltaReceived, this, [this](const SeatDeltaInfo& delta) {
        m_view->applyStatusDelta(delta.seats, delta.status);
        if (!delta.generalAdmission.isEmpty()) {
            QHash<QString, GeneralAdmission> ga;
            for (const AreaAvailabilityInfo& a : delta.generalAdmission)
                ga.insert(a.areaId, GeneralAdmission{a.capacity, a.taken});
            m_view->setGeneralAdmission(ga);
        }
    });
    connect(seating, &SeatingService::liveChanged, this, [this](bool live) {
        if (!live)
            m_view->setStatus({});
        updateNotice();
    });
    connect(seating, &SeatingService::subscriptionFailed, this, [this](const QString&, const ErrorInfo& error) {
        m_notice->setText(tr("Live seat status is unavailable: %1").arg(error.message));
        m_notice->show();
    });
    connect(seating, &SeatingService::layoutsChanged, this, &SeatsDialog::loadLayout);
    connect(seating, &SeatingService::seatsBlockedDone, this, [this](quint64 id) {
        if (id != m_blockRequest)
            return;
        m_blockRequest = 0;
        m_result->setText(tr("Done."));
        m_view->clearSelection();
        updateRole(); // the buttons work again
    });
    connect(seating, &SeatingService::requestFailed, this, [this](quint64 id, const ErrorInfo& error) {
        if (id == m_blockRequest) {
            m_blockRequest = 0;
            showRequestError(error);
        }
    });
    connect(m_view, &SeatMapView::selectionChanged, this, &SeatsDialog::updateSummary);
    connect(m_view, &SeatMapView::hoveredSeatChanged, this, &SeatsDialog::updateDetails);
    connect(m_view, &SeatMapView::currentSeatChanged, this, &SeatsDialog::updateDetails);
    connect(m_view, &SeatMapView::seatActivated, this, [this](std::uint32_t seat) { updateDetails(seat); });
    connect(session->account(), &AccountService::sessionChanged, this, &SeatsDialog::updateRole);

    loadLayout();
    updateRole();
    seating->subscribe(m_eventId);
    updateNotice();
    updateSummary();
    updateDetails(std::nullopt);
}

SeatsDialog::~SeatsDialog()
{
    // Only this page needs live status: stop the pushes when it goes away.
    if (m_session->seating()->subscribedEvent() == m_eventId.toLower())
        m_session->seating()->unsubscribe();
}

void SeatsDialog::loadLayout()
{
    QString error;
    auto layout = m_session->seating()->layoutForEvent(m_eventId, &error);
    if (layout && m_layout && *layout == *m_layout)
        return;
    m_layout = layout;
    m_view->setSeatingLayout(m_layout);
    m_booking->setLayout(m_layout);
    m_legend->rebuild();
    if (!error.isEmpty())
        m_notice->setText(error);
    // The statuses belong to a layout version: ask again for bytes that match this one.
    if (m_layout && m_session->seating()->isLive()) {
        m_session->seating()->unsubscribe();
        m_session->seating()->subscribe(m_eventId);
    }
    updateNotice();
}

void SeatsDialog::updateNotice()
{
    QString text;
    if (!m_layout)
        text = tr("This event has no seat map yet, or it has not been synced to this device.");
    else if (!m_session->seating()->isLive())
        text = m_session->syncClient()->isConnected()
            ? tr("Loading live seat status…")
            : tr("Offline: showing the saved seat map. Live seat status is unavailable.");
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    updateRole();
}

QString SeatsDialog::noticeText() const { return m_notice->isVisible() ? m_notice->text() : QString(); }
QString SeatsDialog::summaryText() const { return m_summary->text(); }
QString SeatsDialog::detailsText() const { return m_details->text(); }
QString SeatsDialog::resultText() const { return m_result->text(); }

void SeatsDialog::updateRole()
{
    const core::Role role = m_session->account()->role();
    const bool organizer = role == core::Role::Organizer || role == core::Role::Admin;
    m_organizerBox->setVisible(organizer);
    // Organizers pick available seats to block and blocked seats to unblock.
    if (organizer) {
        m_view->setSelectableFilter([](std::uint32_t, SeatStatus status) {
            return status == SeatStatus::Available || status == SeatStatus::Blocked;
        });
    } else {
        m_view->setSelectableFilter({});
    }
    const bool live = m_session->seating()->isLive();
    m_block->setEnabled(organizer && live && m_blockRequest == 0);
    m_unblock->setEnabled(organizer && live && m_blockRequest == 0);
}

void SeatsDialog::blockSelected(bool blocked)
{
    if (!m_layout)
        return;
    const SeatStatus wanted = blocked ? SeatStatus::Available : SeatStatus::Blocked;
    QStringList ids;
    for (std::uint32_t seat : m_view->selectedSeats())
        if (m_view->seatStatus(seat) == wanted)
            ids << QString::fromStdString(m_view->geometry().index().seat(seat).id);
    if (ids.isEmpty()) {
        m_result->setText(blocked ? tr("Select available seats to block.") : tr("Select blocked seats to unblock."));
        return;
    }
    m_result->setText(blocked ? tr("Blocking %n seat(s)…", nullptr, static_cast<int>(ids.size()))
                              : tr("Unblocking %n seat(s)…", nullptr, static_cast<int>(ids.size())));
    m_blockRequest = m_session->seating()->setSeatsBlocked(m_eventId, ids, blocked);
    updateRole();
}

void SeatsDialog::showRequestError(const ErrorInfo& error)
{
    QString text;
    if (error.code == ErrorCode::PermissionDenied)
        text = tr("Nothing was changed: you may block seats of your own events only.");
    else if (error.code == ErrorCode::ConnectionLost || error.code == ErrorCode::Timeout)
        text = tr("Nothing was changed: the server did not answer. Try again when online.");
    else
        text = tr("Nothing was changed. The server refused: %1").arg(error.message);
    // Refused seats come as "seat.<id>" = reason: name them as the map does.
    QStringList seats;
    const core::seating::SeatIndex& index = m_view->geometry().index();
    for (auto it = error.details.cbegin(); it != error.details.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("seat.")))
            continue;
        const QString id = it.key().mid(5);
        const auto seat = index.indexOf(id.toStdString());
        const QString name = seat ? seatName(*seat) : id;
        seats << tr("%1: %2").arg(name, it.value());
    }
    if (!seats.isEmpty())
        text += QLatin1Char('\n') + seats.join(QLatin1Char('\n'));
    m_result->setText(text);
    updateRole();
}

QString SeatsDialog::seatName(std::uint32_t seat) const
{
    const core::seating::SeatIndex& index = m_view->geometry().index();
    return tr("%1, row %2, seat %3")
        .arg(QString::fromStdString(index.area(seat).label), QString::fromStdString(index.row(seat).label),
             QString::fromStdString(index.seat(seat).label));
}

void SeatsDialog::updateSummary()
{
    const std::vector<std::uint32_t> seats = m_view->selectedSeats();
    if (seats.empty()) {
        m_summary->setText(tr("No seats selected. Click seats on the map, or move with the arrow keys and press Space."));
        return;
    }
    // Total per currency (a layout uses one in practice).
    QMap<QString, qint64> totals;
    QStringList lines;
    for (std::size_t k = 0; k < seats.size(); ++k) {
        const std::uint32_t seat = seats[k];
        const std::uint8_t category = m_view->geometry().categoryOf(seat);
        if (category > 0) {
            const auto& pc = m_layout->priceCategories[category - 1U];
            totals[QString::fromStdString(pc.currency)] += pc.priceMinor;
        }
        if (k < 12)
            lines << seatName(seat);
    }
    if (seats.size() > 12)
        lines << tr("… and %n more", nullptr, static_cast<int>(seats.size() - 12));
    QStringList money;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        money << format::money(it.value(), it.key());
    QString text = tr("%n seat(s) selected", nullptr, static_cast<int>(seats.size()));
    if (!money.isEmpty())
        text += tr(" — total %1").arg(money.join(QStringLiteral(" + ")));
    m_summary->setText(text + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
}

void SeatsDialog::updateDetails(std::optional<std::uint32_t> seat)
{
    if (!seat)
        seat = m_view->currentSeat();
    m_details->setText(seat ? m_view->seatDescription(*seat)
                            : tr("Point at a seat or tap it to see its section, row, price and features."));
}

} // namespace marquee::client
