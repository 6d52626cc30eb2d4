// KioskWindow implementation: the screens' flow over BookingService, printing and the staff menu.
#include "kiosk/kioskwindow.h"

#include "booking/bookingservice.h"
#include "boxoffice/leaseservice.h"
#include "boxoffice/offlinesaleservice.h"
#include "kiosk/idlemonitor.h"
#include "kiosk/kioskscreens.h"
#include "kiosk/kiosklease.h"
#include "kiosk/kioskstaffscreen.h"
#include "kiosk/touchmetrics.h"
#include "marquee/core/seating/seat_index.hpp"
#include "models/eventformat.h"
#include "seatmap/seatmapview.h"
#include "services/accountservice.h"
#include "services/catalogservice.h"
#include "services/clientsession.h"
#include "services/seatingservice.h"
#include "store/localstore.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDateTime>
#include <QFrame>
#include <QKeyEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace marquee::client::kiosk {

Q_LOGGING_CATEGORY(lcKiosk, "marquee.kiosk")

namespace {

using State = BookingService::State;
using Problem = BookingService::Problem;

constexpr int kStaffHoldMs = 2000;
constexpr int kPrintWaitMs = 60'000; // a paid order's tickets normally arrive within seconds
constexpr int kMaxEvents = 60;      // tiles: the next events on sale
constexpr int kEventDays = 90;      // how far ahead the tiles look

// Keys that leave or resize a full-screen application on common desktops.
bool isEscapeKey(const QKeyEvent* key)
{
    const auto mods = key->modifiers();
    switch (key->key()) {
    case Qt::Key_Escape:
    case Qt::Key_F11:
    case Qt::Key_Close:
    case Qt::Key_Exit:
        return true;
    case Qt::Key_F4:
        return mods.testFlag(Qt::AltModifier) || mods.testFlag(Qt::ControlModifier);
    case Qt::Key_Q:
    case Qt::Key_W:
        return mods.testFlag(Qt::ControlModifier) || mods.testFlag(Qt::MetaModifier);
    case Qt::Key_Tab:
        return mods.testFlag(Qt::AltModifier);
    default:
        return false;
    }
}

} // namespace

KioskWindow::KioskWindow(ClientSession* session, KioskSettings settings, QString settingsPath, QWidget* parent)
    : QWidget(parent), m_session(session), m_settings(std::move(settings)), m_settingsPath(std::move(settingsPath)),
      m_printer(m_settings.print), m_idle(new IdleMonitor(this))
{
    setWindowTitle(tr("Marquee kiosk"));
    setWindowFlags(Qt::Window | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint);
    setAttribute(Qt::WA_AcceptTouchEvents);
    setObjectName(QStringLiteral("kiosk"));

    m_stack = new QStackedWidget(this);
    m_attract = new AttractScreen(m_stack);
    m_events = new EventsScreen(m_stack);
    m_seats = new SeatsScreen(m_stack);
    m_summary = new SummaryScreen(m_stack);
    m_cash = new CashScreen(m_stack);
    m_processing = new ProcessingScreen(m_stack);
    m_done = new DoneScreen(m_stack);
    m_staff = new StaffScreen(m_stack);
    m_leasePage = new LeasePage(m_session, m_staff);
    m_staff->setLeasePage(m_leasePage);
    // Same order as Screen.
    for (QWidget* page : {static_cast<QWidget*>(m_attract), static_cast<QWidget*>(m_events), static_cast<QWidget*>(m_seats),
                          static_cast<QWidget*>(m_summary), static_cast<QWidget*>(m_cash),
                          static_cast<QWidget*>(m_processing), static_cast<QWidget*>(m_done), static_cast<QWidget*>(m_staff)})
        m_stack->addWidget(page);
    auto* layout = new QVBoxLayout(this);
    const int margin = mmToPixels(6, screenOf(this));
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->addWidget(m_stack);

    // "Are you still there?" over whatever screen is up.
    m_idleWarning = new QFrame(this);
    m_idleWarning->setObjectName(QStringLiteral("idleWarning"));
    auto* warningLayout = new QVBoxLayout(m_idleWarning);
    m_idleWarningText = new QLabel(m_idleWarning);
    m_idleWarningText->setWordWrap(true);
    m_idleWarningText->setAlignment(Qt::AlignCenter);
    m_idleWarningText->setProperty("role", QStringLiteral("title"));
    auto* stillHere = makeButton(tr("Yes, I'm still here"), m_idleWarning, true);
    warningLayout->addWidget(m_idleWarningText);
    warningLayout->addWidget(stillHere, 0, Qt::AlignHCenter);
    m_idleWarning->hide();
    connect(stillHere, &QPushButton::clicked, m_idle, &IdleMonitor::poke);

    applyStyle();

    m_pinGate.setStatePath(m_settingsPath);
    m_staffHold.setSingleShot(true);
    m_staffHold.setInterval(kStaffHoldMs);
    m_printWait.setSingleShot(true);
    m_printWait.setInterval(kPrintWaitMs);
    connect(&m_printWait, &QTimer::timeout, this, [this] {
        if (screen() != Screen::Processing || m_session->booking()->state() != State::Confirmed)
            return;
        qCWarning(lcKiosk) << "the tickets of order" << m_session->booking()->order().code << "did not arrive";
        m_processing->showProblem(tr("Your tickets are delayed"),
                                  tr("Your order %1 is paid, but its tickets have not arrived yet. Please show this code to "
                                     "staff: they will print your tickets.")
                                      .arg(m_session->booking()->order().code),
                                  false);
        m_idle->setActive(true); // the kiosk goes back to the attract screen when the customer leaves
    });
    m_pinUnlock.setSingleShot(true);

    BookingService* booking = m_session->booking();
    SeatingService* seating = m_session->seating();
    connect(m_attract, &AttractScreen::started, this, &KioskWindow::startCustomer);
    connect(m_attract->staffButton(), &QPushButton::pressed, &m_staffHold, qOverload<>(&QTimer::start));
    connect(m_attract->staffButton(), &QPushButton::released, &m_staffHold, &QTimer::stop);
    connect(&m_staffHold, &QTimer::timeout, this, &KioskWindow::openStaff);
    connect(m_events, &EventsScreen::eventChosen, this, &KioskWindow::chooseEvent);
    connect(m_events, &EventsScreen::startOver, this, &KioskWindow::wipeSession);
    connect(m_seats, &SeatsScreen::bestAvailableRequested, this, &KioskWindow::holdBest);
    connect(m_seats, &SeatsScreen::selectedSeatsRequested, this, &KioskWindow::holdSeats);
    connect(m_seats, &SeatsScreen::standingRequested, this, &KioskWindow::holdStanding);
    connect(m_seats, &SeatsScreen::back, this, [this] {
        m_session->seating()->unsubscribe();
        setScreen(Screen::Events);
    });
    connect(m_summary, &SummaryScreen::payByCard, this, &KioskWindow::payByCard);
    connect(m_summary, &SummaryScreen::payByCash, this, [this] {
        QString currency;
        const qint64 total = estimatedTotal(&currency);
        m_cash->setTotal(total, currency);
        setScreen(Screen::Cash);
    });
    connect(m_summary, &SummaryScreen::cancelled, this, &KioskWindow::cancelSale);
    connect(m_cash, &CashScreen::confirmed, this, &KioskWindow::payByCash);
    connect(m_cash, &CashScreen::back, this, [this] { setScreen(Screen::Summary); });
    connect(m_processing, &ProcessingScreen::retry, this, &KioskWindow::retryPayment);
    connect(m_processing, &ProcessingScreen::cancelled, this, &KioskWindow::cancelSale);
    connect(m_done, &DoneScreen::done, this, &KioskWindow::wipeSession);
    connect(m_staff, &StaffScreen::pinEntered, this,
            [this](const QString& pin, StaffScreen::PinPurpose purpose) { onPinEntered(pin, static_cast<int>(purpose)); });
    connect(m_staff, &StaffScreen::back, this, &KioskWindow::showAttract);
    connect(m_staff, &StaffScreen::saveRequested, this, &KioskWindow::saveStaffSettings);
    connect(m_staff, &StaffScreen::changePinRequested, this,
            [this] { m_staff->showPinPad(StaffScreen::PinPurpose::NewPin); });
    connect(m_staff, &StaffScreen::leaveRequested, this, &KioskWindow::leaveKioskMode);
    connect(m_staff, &StaffScreen::leasesRequested, this, [this] {
        m_leasePage->showEvents(saleableEvents());
        m_staff->showLeasePage();
    });
    connect(&m_pinUnlock, &QTimer::timeout, this, [this] {
        m_staff->setPinEnabled(true);
        m_staff->setPinMessage(QString(), false);
    });

    connect(m_idle, &IdleMonitor::warningStarted, this, [this](int seconds) {
        m_idleWarningText->setText(tr("Are you still there?\nStarting over in %n second(s).", nullptr, seconds));
        const QSize size(width() * 2 / 3, height() / 3);
        m_idleWarning->setGeometry(QRect(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size));
        m_idleWarning->show();
        m_idleWarning->raise();
    });
    connect(m_idle, &IdleMonitor::warningTick, this, [this](int seconds) {
        m_idleWarningText->setText(tr("Are you still there?\nStarting over in %n second(s).", nullptr, seconds));
    });
    connect(m_idle, &IdleMonitor::warningCancelled, m_idleWarning, &QWidget::hide);
    connect(m_idle, &IdleMonitor::timedOut, this, [this] {
        qCInfo(lcKiosk) << "idle timeout on screen" << screen();
        wipeSession();
    });

    connect(booking, &BookingService::stateChanged, this, &KioskWindow::onBookingChanged);
    connect(booking, &BookingService::problemChanged, this, &KioskWindow::onBookingChanged);
    connect(booking, &BookingService::orderChanged, this, &KioskWindow::onBookingChanged);
    connect(booking, &BookingService::remainingChanged, m_summary, &SummaryScreen::setCountdown);
    connect(booking, &BookingService::paymentConfigChanged, this, [this] {
        if (screen() == Screen::Summary)
            showSummary();
    });
    // Live seat status for the event on the seat screen (as the Seats page does).
    connect(seating, &SeatingService::snapshotReceived, this, [this](const SeatSnapshotInfo& snapshot) {
        if (snapshot.eventId.compare(m_eventId, Qt::CaseInsensitive) != 0)
            return;
        const auto pin = m_session->seating()->eventLayoutPin(m_eventId);
        if (pin && (QString::fromStdString(pin->layoutId) != snapshot.layoutId || pin->version != snapshot.layoutVersion))
            return; // the cache does not have this layout version yet
        m_seats->seatMap()->setStatus(snapshot.status);
        m_seats->setBusy(m_session->booking()->state() == State::Holding);
    });
    connect(seating, &SeatingService::deltaReceived, this, [this](const SeatDeltaInfo& delta) {
        if (delta.eventId.compare(m_eventId, Qt::CaseInsensitive) == 0)
            m_seats->seatMap()->applyStatusDelta(delta.seats, delta.status);
    });
    connect(seating, &SeatingService::liveChanged, this, [this](bool live) {
        if (!live)
            m_seats->seatMap()->setStatus({});
        m_seats->setBusy(m_session->booking()->state() == State::Holding);
    });
    connect(m_session->catalog(), &CatalogService::catalogChanged, this, [this] {
        if (screen() == Screen::Attract)
            showAttract();
    });
    connect(m_session, &ClientSession::stateChanged, this, [this] {
        if (screen() == Screen::Attract)
            showAttract();
    });
    connect(m_session->account(), &AccountService::sessionChanged, this, [this] {
        if (screen() == Screen::Attract)
            showAttract();
    });

    qApp->installEventFilter(this);
    applySettings();
    booking->requestPaymentConfig();
    if (booking->state() != State::Paying)
        booking->reset(); // a kiosk starts with no customer (a leftover hold is released)
    showAttract();
}

KioskWindow::~KioskWindow() { qApp->removeEventFilter(this); }

KioskWindow::Screen KioskWindow::screen() const { return static_cast<Screen>(m_stack->currentIndex()); }

void KioskWindow::setScreen(Screen next)
{
    m_stack->setCurrentIndex(static_cast<int>(next));
    // Nothing to wipe on the attract screen; a payment in progress is never cut short.
    m_idle->setActive(next != Screen::Attract && next != Screen::Processing);
    Q_EMIT screenChanged(next);
}

void KioskWindow::applyStyle()
{
    const QScreen* scr = screenOf(this);
    const int body = mmToPixels(kBodyTextMm, scr);
    const int radius = mmToPixels(2, scr);
    // Large type everywhere; no hover styles: a finger has no hover.
    setStyleSheet(QStringLiteral(
                      "#kiosk { background: #f4f1ea; }"
                      "QWidget { font-size: %1px; color: #1b1b1b; }"
                      "QLabel[role=\"title\"] { font-size: %2px; font-weight: bold; }"
                      "QLabel[role=\"hero\"] { font-size: %3px; font-weight: bold; color: #1d3557; }"
                      "QLabel[role=\"heroProblem\"] { font-size: %3px; font-weight: bold; color: #b00020; }"
                      "QLabel[role=\"lead\"] { font-size: %4px; }"
                      "QLabel[role=\"upcoming\"] { font-size: %4px; color: #333; }"
                      "QLabel[role=\"problem\"] { color: #b00020; font-weight: bold; }"
                      "QLabel[role=\"offline\"] { background: #fff4d6; border: 2px solid #e0c060; padding: 8px; }"
                      "QLabel[role=\"total\"] { font-size: %4px; font-weight: bold; }"
                      "QLabel[role=\"count\"] { font-size: %2px; font-weight: bold; }"
                      "QLabel[role=\"countdown\"] { background: #e8f0fe; color: #1a3d7c; padding: 8px; }"
                      "QLabel[role=\"countdown\"][urgent=\"true\"] { background: #b00020; color: white; font-weight: bold; }"
                      "QPushButton { background: #ffffff; border: 2px solid #8a8a8a; border-radius: %5px; padding: 6px 14px; }"
                      "QPushButton:pressed { background: #d9d9d9; }"
                      "QPushButton:disabled { color: #9a9a9a; border-color: #c8c8c8; background: #eeeeee; }"
                      "QPushButton[primary=\"true\"] { background: #1d6b3a; color: white; border-color: #14532b; font-weight: bold; }"
                      "QPushButton[primary=\"true\"]:pressed { background: #14532b; }"
                      "QPushButton[primary=\"true\"]:disabled { background: #9bb8a5; color: #eef3ef; }"
                      "QPushButton[tile=\"true\"] { text-align: left; padding: 12px; font-size: %4px; background: #ffffff; }"
                      "QPushButton[tile=\"true\"][today=\"true\"] { border-color: #1d6b3a; border-width: 4px; }"
                      "QPushButton#staffCorner { background: transparent; border: 1px solid #d6d0c4; color: #a09a8e; font-size: %6px; }"
                      "QLineEdit { background: white; border: 2px solid #8a8a8a; border-radius: %5px; padding: 4px 10px; font-size: %4px; }"
                      "#idleWarning { background: #fffbe6; border: 4px solid #1d3557; border-radius: %5px; }")
                      .arg(body)
                      .arg(body * 8 / 5)
                      .arg(body * 12 / 5)
                      .arg(body * 6 / 5)
                      .arg(radius)
                      .arg(body * 3 / 4));
}

void KioskWindow::applySettings()
{
    m_idle->setTimeouts(m_settings.idleSeconds * 1000, m_settings.warningSeconds * 1000);
    m_printer.setTarget(m_settings.print);
    m_summary->setCashAvailable(m_settings.staffedCash);
}

void KioskWindow::setIdleTimeouts(int idleMs, int warningMs) { m_idle->setTimeouts(idleMs, warningMs); }

QString KioskWindow::idleWarningText() const { return m_idleWarning->isVisible() ? m_idleWarningText->text() : QString(); }

QString KioskWindow::outOfServiceReason() const
{
    const AccountService* account = m_session->account();
    if (!account->isLoggedIn())
        return tr("Out of service: no staff account is signed in on this kiosk.");
    const core::Role role = account->role();
    if (role != core::Role::Staff && role != core::Role::Organizer && role != core::Role::Admin)
        return tr("Out of service: the signed-in account may not sell at a kiosk.");
    if (isOffline()) {
        if (m_session->leases()->availableSeats(QString()) == 0)
            return tr("Out of service: no connection to the ticket server. Please use the box office.");
        if (!m_settings.staffedCash)
            return tr("Out of service while offline: card payments need the connection. Please use the box office.");
    }
    return {};
}

bool KioskWindow::isOffline() const { return !m_session->syncClient()->isConnected(); }

QString KioskWindow::offlineNote(const QString& eventId) const
{
    return tr("Offline: selling from the seats reserved for this kiosk (%1 left). The sale is confirmed with the "
              "server when the connection is back.")
        .arg(m_session->leases()->availableSeats(eventId));
}

QList<EventRow> KioskWindow::saleableEvents() const
{
    EventFilter filter;
    filter.from = QDate::currentDate();
    filter.to = filter.from.addDays(kEventDays);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<EventRow> out;
    for (const EventRow& row : m_session->catalog()->events(filter)) {
        if (row.startsAtMs < now || row.status == core::EventStatus::Cancelled || row.status == core::EventStatus::SoldOut)
            continue;
        if (!m_session->seating()->eventLayoutPin(row.id))
            continue; // the kiosk sells seated events with a seat map
        if (isOffline() && m_session->leases()->availableSeats(row.id) == 0)
            continue; // offline only the seats leased to this device can be sold
        if (!m_settings.venueId.isEmpty()) {
            const auto details = m_session->catalog()->eventDetails(row.id);
            if (!details || QString::fromStdString(details->event.venueId) != m_settings.venueId)
                continue;
        }
        out << row;
        if (out.size() >= kMaxEvents)
            break;
    }
    std::sort(out.begin(), out.end(), [](const EventRow& a, const EventRow& b) { return a.startsAtMs < b.startsAtMs; });
    return out;
}

void KioskWindow::showAttract()
{
    const QList<EventRow> events = saleableEvents();
    m_attract->setUpcoming(events);
    const QString outOfService = outOfServiceReason();
    m_attract->setNotice(outOfService.isEmpty() && isOffline() ? offlineNote(QString()) : outOfService,
                         !outOfService.isEmpty());
    m_idleWarning->hide();
    setScreen(Screen::Attract);
}

void KioskWindow::startCustomer()
{
    if (!outOfServiceReason().isEmpty())
        return;
    m_events->setEvents(saleableEvents());
    setScreen(Screen::Events);
}

void KioskWindow::chooseEvent(const QString& eventId)
{
    QString error;
    auto layout = m_session->seating()->layoutForEvent(eventId, &error);
    if (!layout) {
        qCWarning(lcKiosk) << "no seat map for" << eventId << error;
        return;
    }
    m_eventId = eventId;
    m_layout = layout;
    const auto details = m_session->catalog()->eventDetails(eventId);
    QString title = details ? QString::fromStdString(details->event.title) : QString();
    if (details)
        title += QStringLiteral(" — ")
            + format::eventDateTime(details->event.startsAtMs, QString::fromStdString(details->event.timeZone), QLocale(),
                                    QLocale::ShortFormat, false);
    m_eventTitle = title;
    m_seats->setEvent(title, m_layout);
    m_seats->setBusy(false);
    // A fresh subscription: its snapshot fills this map even if the event was watched before.
    m_session->seating()->unsubscribe();
    if (isOffline())
        m_seats->setOfflineNote(offlineNote(eventId));
    else
        m_session->seating()->subscribe(eventId);
    setScreen(Screen::Seats);
}

void KioskWindow::holdBest(int count)
{
    if (isOffline()) {
        const QStringList seats = m_session->offlineSales()->pickSeats(m_eventId, static_cast<std::uint32_t>(count));
        if (seats.size() < count) {
            m_seats->setMessage(seats.isEmpty() ? tr("Offline, and no seats reserved for this kiosk are left for this event.")
                                                : tr("Offline: only %1 of the seats reserved for this kiosk are left.")
                                                      .arg(seats.size()),
                                true);
            return;
        }
        m_offlineSeats = seats;
        showSummary();
        return;
    }
    HoldRequest request;
    request.kind = HoldRequest::Kind::BestAvailable;
    request.eventId = m_eventId;
    request.count = static_cast<std::uint32_t>(count);
    if (m_session->booking()->holdSeats(request)) {
        m_seats->setBusy(true);
        m_seats->setMessage(tr("Finding the best seats…"), false);
    }
}

void KioskWindow::holdStanding(const QString& areaId, int count)
{
    if (isOffline())
        return; // the button is off: a lease holds seats, not standing places
    HoldRequest request;
    request.kind = HoldRequest::Kind::GeneralAdmission;
    request.eventId = m_eventId;
    request.areaId = areaId;
    request.count = static_cast<std::uint32_t>(count);
    if (m_session->booking()->holdSeats(request)) {
        m_seats->setBusy(true);
        m_seats->setMessage(tr("Holding your standing places…"), false);
    }
}

const core::seating::Area* KioskWindow::heldStandingArea() const
{
    const HoldInfo& hold = m_session->booking()->hold();
    if (!m_layout || hold.gaAreaId.isEmpty())
        return nullptr;
    for (const auto& area : m_layout->areas)
        if (QString::fromStdString(area.id) == hold.gaAreaId)
            return &area;
    return nullptr;
}

void KioskWindow::holdSeats(const std::vector<std::uint32_t>& seats)
{
    if (!m_layout || seats.empty())
        return;
    HoldRequest request;
    request.eventId = m_eventId;
    for (std::uint32_t seat : seats)
        request.seatIds << QString::fromStdString(m_seats->seatMap()->geometry().index().seat(seat).id);
    if (isOffline()) {
        for (const QString& id : std::as_const(request.seatIds)) {
            const QString refusal = m_session->offlineSales()->refusal(m_eventId, id);
            if (!refusal.isEmpty()) {
                m_seats->setMessage(refusal, true);
                return;
            }
        }
        m_offlineSeats = request.seatIds;
        showSummary();
        return;
    }
    if (m_session->booking()->holdSeats(request)) {
        m_seats->setBusy(true);
        m_seats->setMessage(tr("Holding your seats…"), false);
    }
}

qint64 KioskWindow::estimatedTotal(QString* currency) const
{
    const BookingService* booking = m_session->booking();
    if (!m_offlineSeats.isEmpty()) {
        const QList<LeaseInfo> leases = m_session->leases()->activeLeases(m_eventId);
        *currency = leases.isEmpty() ? QString() : leases.first().currency;
        return m_session->offlineSales()->priceOf(m_eventId, m_offlineSeats); // the lease's prices, fees included
    }
    const OrderInfo order = booking->order();
    if (order.isValid() && order.totalMinor > 0) {
        *currency = order.currency; // after a first attempt: the server's total with fees
        return order.totalMinor;
    }
    if (!m_layout)
        return 0;
    if (const auto* area = heldStandingArea())
        if (const auto* pc = m_layout->priceCategory(area->priceCategoryId)) {
            *currency = QString::fromStdString(pc->currency);
            return pc->priceMinor * booking->hold().gaCount;
        }
    const core::seating::SeatIndex index(*m_layout);
    qint64 sum = 0;
    for (const HeldSeatInfo& seat : booking->hold().seats) {
        if (seat.seatIndex >= index.size())
            continue;
        for (const auto& pc : m_layout->priceCategories)
            if (pc.id == index.seat(seat.seatIndex).priceCategoryId) {
                sum += pc.priceMinor;
                *currency = QString::fromStdString(pc.currency);
            }
    }
    return sum;
}

void KioskWindow::showSummary()
{
    if (!m_offlineSeats.isEmpty()) {
        showOfflineSummary();
        return;
    }
    const BookingService* booking = m_session->booking();
    const HoldInfo hold = booking->hold();
    QList<QStringList> lines;
    std::optional<core::seating::SeatIndex> index;
    if (m_layout)
        index.emplace(*m_layout);
    for (const HeldSeatInfo& seat : hold.seats) {
        QString category;
        QString price;
        if (index && seat.seatIndex < index->size())
            for (const auto& pc : m_layout->priceCategories)
                if (pc.id == index->seat(seat.seatIndex).priceCategoryId) {
                    category = QString::fromStdString(pc.name);
                    price = format::money(pc.priceMinor, QString::fromStdString(pc.currency));
                }
        lines << QStringList{seat.label, category, price};
    }
    if (const auto* area = heldStandingArea()) {
        const auto* pc = m_layout->priceCategory(area->priceCategoryId);
        const QString price = pc ? format::money(pc->priceMinor, QString::fromStdString(pc->currency)) : QString();
        for (std::uint32_t i = 0; i < hold.gaCount; ++i)
            lines << QStringList{tr("Standing, %1").arg(QString::fromStdString(area->label)),
                                 pc ? QString::fromStdString(pc->name) : QString(), price};
    }
    QString currency;
    const qint64 total = estimatedTotal(&currency);
    const bool withFees = booking->order().isValid();
    m_summary->setSummary(m_eventTitle, lines,
                          withFees ? tr("Total: %1").arg(format::money(total, currency))
                                   : tr("Tickets: %1 (booking fees, if any, are added at payment)")
                                         .arg(format::money(total, currency)));
    m_summary->setCountdown(booking->remainingSeconds());
    m_summary->setCashAvailable(m_settings.staffedCash);
    const bool terminal = !terminalId().isEmpty();
    m_summary->setCardAvailable(terminal, terminal ? QString() : tr("Card payments are not available at this kiosk right now."));
    setScreen(Screen::Summary);
}

void KioskWindow::showOfflineSummary()
{
    QList<QStringList> lines;
    const core::seating::SeatIndex* index = m_layout ? &m_seats->seatMap()->geometry().index() : nullptr;
    QString currency;
    const qint64 total = estimatedTotal(&currency);
    for (const QString& id : std::as_const(m_offlineSeats)) {
        QString label = id;
        QString category;
        if (index)
            if (const auto seat = index->indexOf(id.toStdString())) {
                label = QStringLiteral("%1 · %2 · %3")
                            .arg(QString::fromStdString(index->area(*seat).label), QString::fromStdString(index->row(*seat).label),
                                 QString::fromStdString(index->seat(*seat).label));
                for (const auto& pc : m_layout->priceCategories)
                    if (pc.id == index->seat(*seat).priceCategoryId)
                        category = QString::fromStdString(pc.name);
            }
        lines << QStringList{label, category, format::money(m_session->offlineSales()->priceOf(m_eventId, {id}), currency)};
    }
    m_summary->setSummary(m_eventTitle, lines, tr("Total: %1").arg(format::money(total, currency)));
    m_summary->setNote(offlineNote(m_eventId));
    m_summary->setCashAvailable(m_settings.staffedCash);
    m_summary->setCardAvailable(false, tr("Card payments need the connection to the ticket server."));
    setScreen(Screen::Summary);
}

QString KioskWindow::terminalId() const
{
    const auto config = m_session->booking()->paymentConfig();
    if (!config)
        return m_settings.terminalId;
    if (!m_settings.terminalId.isEmpty() && config->terminalIds.contains(m_settings.terminalId))
        return m_settings.terminalId;
    return config->terminalIds.value(0);
}

QString KioskWindow::customerName() const { return tr("Kiosk customer"); }

QString KioskWindow::customerEmail() const
{
    // Empty when none was typed: the order keeps no address and nothing is mailed; the printed
    // tickets and receipt are the customer's record.
    return m_summary->email();
}

void KioskWindow::payByCard()
{
    const QString terminal = terminalId();
    if (terminal.isEmpty())
        return;
    m_lastMethod = PayMethod::Terminal;
    m_processing->showWorking(tr("Please pay at the card terminal"),
                              tr("Insert, tap or swipe your card and follow the instructions on the terminal."));
    setScreen(Screen::Processing);
    m_session->booking()->payByTerminal(customerName(), customerEmail(), terminal);
}

void KioskWindow::payByCash(qint64 tenderedMinor)
{
    m_lastMethod = PayMethod::Cash;
    if (!m_offlineSeats.isEmpty()) {
        sellOffline(tenderedMinor);
        return;
    }
    m_processing->showWorking(tr("Recording the cash payment…"), tr("One moment please."));
    setScreen(Screen::Processing);
    m_session->booking()->payByCash(customerName(), customerEmail(), tenderedMinor);
}

void KioskWindow::sellOffline(qint64 tenderedMinor)
{
    OfflineSaleRequest request;
    request.eventId = m_eventId;
    request.seatIds = m_offlineSeats;
    request.method = PaymentMethod::Cash;
    request.tenderedMinor = tenderedMinor;
    request.buyerName = customerName();
    request.buyerEmail = m_summary->email(); // optional offline: mailed once uploaded
    // One SQLite transaction with its outbox entry: the seats are sold here, never twice.
    const OfflineSaleOutcome outcome = m_session->offlineSales()->sell(request);
    if (!outcome.ok) {
        m_processing->showProblem(tr("The sale could not be completed"), outcome.error, true);
        setScreen(Screen::Processing);
        m_idle->setActive(true);
        return;
    }
    m_offlineSeats.clear();
    printAndFinish(outcome.order, true);
}

void KioskWindow::retryPayment()
{
    if (!m_offlineSeats.isEmpty()) {
        QString currency;
        m_cash->setTotal(estimatedTotal(&currency), currency);
        setScreen(Screen::Cash);
        return;
    }
    if (m_session->booking()->state() != State::Held)
        return;
    if (m_lastMethod == PayMethod::Cash) {
        QString currency;
        m_cash->setTotal(estimatedTotal(&currency), currency);
        setScreen(Screen::Cash);
    } else {
        payByCard();
    }
}

void KioskWindow::cancelSale()
{
    m_session->booking()->releaseHold();
    wipeSession();
}

void KioskWindow::onBookingChanged()
{
    BookingService* booking = m_session->booking();
    const State state = booking->state();
    const Problem problem = booking->problem();
    switch (screen()) {
    case Screen::Seats:
        if (state == State::Held) {
            m_seats->setBusy(false);
            m_seats->seatMap()->clearSelection();
            showSummary();
        } else if (state != State::Holding) {
            m_seats->setBusy(false);
            if (problem != Problem::None)
                m_seats->setMessage(booking->problemText(), true);
        }
        return;
    case Screen::Summary:
    case Screen::Cash:
        if (state == State::Expired || (state == State::NoHold && problem != Problem::None)) {
            m_processing->showProblem(tr("Your time ran out"), booking->problemText(), false);
            setScreen(Screen::Processing);
            m_idle->setActive(true); // nothing is paying: an abandoned problem screen times out
        }
        return;
    case Screen::Processing:
        break;
    default:
        return;
    }
    switch (state) {
    case State::Paying:
        return; // still working
    case State::Confirmed:
        printWhenIssued();
        return;
    case State::Held:
        // Back from paying without an order: declined, unreachable or refused. The hold stays.
        if (problem == Problem::None)
            return; // the moment between "pay" and the request leaving
        m_processing->showProblem(problem == Problem::PaymentDeclined ? tr("Payment declined") : tr("Payment not completed"),
                                  booking->problemText() + QLatin1Char('\n')
                                      + tr("Your seats stay held for %1 more minutes.")
                                            .arg(QStringLiteral("%1:%2")
                                                     .arg(booking->remainingSeconds() / 60)
                                                     .arg(booking->remainingSeconds() % 60, 2, 10, QLatin1Char('0'))),
                                  true);
        m_idle->setActive(true); // the customer decides now: an abandoned retry screen times out
        return;
    case State::Expired:
    case State::NoHold:
    case State::Holding:
        m_processing->showProblem(tr("The sale could not be completed"), booking->problemText(), false);
        m_idle->setActive(true);
        return;
    }
}

void KioskWindow::printWhenIssued()
{
    const OrderInfo order = m_session->booking()->order();
    // The saga issues the tickets right after the payment; the change log brings them.
    if (order.tickets.isEmpty() || order.tickets.size() < order.lines.size()) {
        m_processing->showWorking(tr("Payment accepted"), tr("Printing your tickets…"));
        if (!m_printWait.isActive())
            m_printWait.start();
        return;
    }
    m_printWait.stop();
    if (m_printedOrderId == order.id)
        return;
    printAndFinish(order, false);
}

void KioskWindow::printAndFinish(const OrderInfo& order, bool soldOffline)
{
    m_printedOrderId = order.id;
    m_ticketPrint = m_printer.printTickets(order);
    printing::ReceiptContext context;
    context.deviceName = m_settings.deviceName.isEmpty() ? m_session->store()->ensureDeviceId() : m_settings.deviceName;
    if (soldOffline)
        context.note = tr("Sold offline from this kiosk's reserved seats; confirmed with the server when the kiosk is back "
                          "online.");
    m_receiptPrint = m_printer.printReceipt(printing::receiptForOrder(order, context));
    QString note = soldOffline ? tr("Sold offline: the sale is confirmed with the server when the connection is back. "
                                    "Please take your tickets and your receipt.")
                               : tr("Please take your tickets and your receipt.");
    const bool problem = !m_ticketPrint.ok || !m_receiptPrint.ok;
    if (problem) {
        qCWarning(lcKiosk) << "printing failed:" << m_ticketPrint.error << m_receiptPrint.error;
        note = tr("Printing failed (%1). Your order is paid: please show the order code to staff.")
                   .arg(m_ticketPrint.ok ? m_receiptPrint.error : m_ticketPrint.error);
    }
    m_done->showOrder(order, note, problem);
    setScreen(Screen::Done);
    Q_EMIT printed(m_ticketPrint, m_receiptPrint);
}

void KioskWindow::wipeSession()
{
    BookingService* booking = m_session->booking();
    const State state = booking->state();
    if (state == State::Paying)
        return; // never abandon a payment in progress: its outcome must be printed or shown
    if (state == State::Held || state == State::Holding)
        booking->releaseHold();
    booking->reset();
    m_session->seating()->unsubscribe();
    m_summary->clear();
    m_seats->seatMap()->clearSelection();
    m_cash->setTotal(0, QString());
    m_eventId.clear();
    m_eventTitle.clear();
    m_offlineSeats.clear();
    m_layout.reset();
    m_lastMethod = PayMethod::None;
    m_newPin.clear();
    m_printWait.stop();
    m_staff->showPinPad(StaffScreen::PinPurpose::Unlock);
    showAttract();
    Q_EMIT sessionWiped();
}

void KioskWindow::openStaff()
{
    if (screen() != Screen::Attract)
        return;
    m_staff->showPinPad(StaffScreen::PinPurpose::Unlock);
    const qint64 locked = m_pinGate.lockedForMs();
    if (locked > 0) {
        m_staff->setPinEnabled(false);
        m_staff->setPinMessage(tr("Too many wrong PINs. Try again in %n second(s).", nullptr, static_cast<int>((locked + 999) / 1000)), true);
        m_pinUnlock.start(static_cast<int>(locked));
    }
    setScreen(Screen::Staff);
}

void KioskWindow::onPinEntered(const QString& pin, int purposeValue)
{
    const auto purpose = static_cast<StaffScreen::PinPurpose>(purposeValue);
    if (purpose == StaffScreen::PinPurpose::Unlock) {
        switch (m_pinGate.check(m_settings.pinHash, pin)) {
        case PinGate::Result::Accepted: {
            const auto config = m_session->booking()->paymentConfig();
            const QString status = tr("Signed in as %1 · %2 · device %3")
                                       .arg(m_session->account()->email(),
                                            m_session->syncClient()->isConnected() ? tr("online") : tr("offline"),
                                            m_session->store()->ensureDeviceId());
            m_staff->showMenu(m_settings, status, config ? config->terminalIds : QStringList(),
                              printing::PrintService::availablePrinters());
            return;
        }
        case PinGate::Result::NoPinSet:
            m_staff->setPinMessage(tr("No staff PIN is set. Set one with: marquee --set-kiosk-pin"), true);
            return;
        case PinGate::Result::Wrong:
        case PinGate::Result::LockedOut:
            break;
        }
        const qint64 locked = m_pinGate.lockedForMs();
        if (locked > 0) {
            m_staff->setPinEnabled(false);
            m_staff->setPinMessage(tr("Wrong PIN. Too many wrong PINs: try again in %n second(s).", nullptr,
                                      static_cast<int>((locked + 999) / 1000)),
                                   true);
            m_pinUnlock.start(static_cast<int>(locked));
        } else {
            m_staff->setPinMessage(tr("Wrong PIN."), true);
        }
        return;
    }
    if (purpose == StaffScreen::PinPurpose::NewPin) {
        if (!isAcceptablePin(pin)) {
            m_staff->setPinMessage(tr("A PIN has 4 to 12 digits."), true);
            return;
        }
        m_newPin = pin;
        m_staff->showPinPad(StaffScreen::PinPurpose::RepeatPin);
        return;
    }
    // RepeatPin
    if (pin != std::exchange(m_newPin, QString())) {
        m_staff->showPinPad(StaffScreen::PinPurpose::NewPin);
        m_staff->setPinMessage(tr("The two PINs differ. Enter the new PIN again."), true);
        return;
    }
    const QString hash = hashPin(pin);
    KioskSettings changed = m_settings;
    changed.pinHash = hash;
    QString error;
    if (hash.isEmpty() || !changed.save(m_settingsPath, &error)) {
        m_staff->showPinPad(StaffScreen::PinPurpose::NewPin);
        m_staff->setPinMessage(tr("The PIN could not be saved (%1).").arg(error), true);
        return;
    }
    m_settings.pinHash = hash;
    const auto config = m_session->booking()->paymentConfig();
    m_staff->showMenu(m_settings, tr("The staff PIN was changed."), config ? config->terminalIds : QStringList(),
                      printing::PrintService::availablePrinters());
}

void KioskWindow::saveStaffSettings()
{
    KioskSettings edited = m_staff->editedSettings();
    edited.pinHash = m_settings.pinHash; // the PIN changes only through Change PIN
    QString error;
    if (!edited.save(m_settingsPath, &error)) {
        m_staff->setMenuMessage(tr("The settings could not be saved to %1.").arg(error));
        return;
    }
    m_settings = edited;
    applySettings();
    m_staff->setMenuMessage(tr("Settings saved."));
}

void KioskWindow::leaveKioskMode()
{
    qCInfo(lcKiosk) << "staff left kiosk mode";
    m_locked = false;
    m_idle->setActive(false);
    Q_EMIT leaveRequested();
}

bool KioskWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (m_locked) {
        switch (event->type()) {
        case QEvent::ShortcutOverride:
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
            if (isEscapeKey(static_cast<QKeyEvent*>(event))) {
                event->accept(); // taken: no shortcut fires, no widget sees it
                return true;
            }
            break;
        case QEvent::Shortcut:
            return true; // the kiosk has no shortcuts of its own; none from elsewhere either
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void KioskWindow::closeEvent(QCloseEvent* event)
{
    if (m_locked) {
        event->ignore(); // Alt+F4, the window manager, a stray close(): only staff leave
        return;
    }
    QWidget::closeEvent(event);
}

} // namespace marquee::client::kiosk
