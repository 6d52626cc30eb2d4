// SalePanel implementation (see salepanel.h).
#include "boxoffice/salepanel.h"

#include "booking/bookingservice.h"
#include "boxoffice/boxofficewindow.h"
#include "boxoffice/leaseservice.h"
#include "boxoffice/offlinesaleservice.h"
#include "models/eventformat.h"
#include "seatmap/seatmapview.h"
#include "services/accountservice.h"
#include "services/clientsession.h"
#include "boxoffice/devicekeyservice.h"
#include "printing/receipt.h"

#include "marquee/core/seating/layout.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/v1/order.pb.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

// Large targets for a busy counter (and touch screens).
void makeBig(QPushButton* button)
{
    button->setMinimumHeight(48);
    QFont f = button->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    button->setFont(f);
}

} // namespace

SalePanel::SalePanel(ClientSession* session, BoxOfficeWindow* window, QWidget* parent)
    : QWidget(parent), m_session(session), m_window(window)
{
    auto* seatsBox = new QGroupBox(tr("Seats"), this);
    m_bestCount = new QSpinBox(seatsBox);
    m_bestCount->setRange(1, 20);
    m_bestCount->setValue(2);
    m_bestCount->setAccessibleName(tr("Number of seats"));
    m_best = new QPushButton(tr("Best available"), seatsBox);
    makeBig(m_best);
    auto* bestRow = new QHBoxLayout;
    bestRow->addWidget(m_bestCount);
    bestRow->addWidget(m_best, 1);
    // Standing: places in a general-admission area, counted against its capacity by the server.
    m_standingRow = new QWidget(seatsBox);
    m_standingArea = new QComboBox(m_standingRow);
    m_standingArea->setAccessibleName(tr("Standing area"));
    m_standingCount = new QSpinBox(m_standingRow);
    m_standingCount->setRange(1, 50);
    m_standingCount->setValue(2);
    m_standingCount->setAccessibleName(tr("Number of standing places"));
    m_holdStanding = new QPushButton(tr("Hold places"), m_standingRow);
    m_holdStanding->setAccessibleName(tr("Hold standing places"));
    makeBig(m_holdStanding);
    auto* standingLayout = new QHBoxLayout(m_standingRow);
    standingLayout->setContentsMargins(0, 0, 0, 0);
    standingLayout->addWidget(m_standingArea, 1);
    standingLayout->addWidget(m_standingCount);
    standingLayout->addWidget(m_holdStanding);
    m_seats = new QLabel(seatsBox);
    m_seats->setWordWrap(true);
    m_due = new QLabel(seatsBox);
    QFont dueFont = m_due->font();
    dueFont.setPointSizeF(dueFont.pointSizeF() * 1.4);
    dueFont.setBold(true);
    m_due->setFont(dueFont);
    auto* seatsLayout = new QVBoxLayout(seatsBox);
    seatsLayout->addLayout(bestRow);
    seatsLayout->addWidget(m_standingRow);
    seatsLayout->addWidget(m_seats);
    seatsLayout->addWidget(m_due);

    auto* payBox = new QGroupBox(tr("Payment"), this);
    m_cash = new QRadioButton(tr("Cash"), payBox);
    m_terminal = new QRadioButton(tr("Card terminal"), payBox);
    m_cash->setChecked(true);
    auto* methods = new QButtonGroup(payBox);
    methods->addButton(m_cash);
    methods->addButton(m_terminal);
    auto* methodRow = new QHBoxLayout;
    methodRow->addWidget(m_cash);
    methodRow->addWidget(m_terminal);

    auto* cashPage = new QWidget(payBox);
    m_tendered = new QLineEdit(cashPage);
    m_tendered->setPlaceholderText(tr("Cash handed over, e.g. 50.00"));
    m_tendered->setAccessibleName(tr("Cash tendered"));
    m_tendered->setMinimumHeight(40);
    auto* quick = new QGridLayout;
    auto* exact = new QPushButton(tr("Exact"), cashPage);
    makeBig(exact);
    m_quickCash << exact;
    quick->addWidget(exact, 0, 0);
    connect(exact, &QPushButton::clicked, this, [this] {
        m_tendered->setText(QLocale().toString(static_cast<double>(amountDueMinor()) / 100.0, 'f', 2));
    });
    int at = 1;
    for (const int note : {5, 10, 20, 50, 100}) {
        auto* b = new QPushButton(tr("+%1").arg(format::money(note * 100LL, currency())), cashPage);
        makeBig(b);
        quick->addWidget(b, at / 3, at % 3);
        ++at;
        m_quickCash << b;
        connect(b, &QPushButton::clicked, this, [this, note] { addCash(note * 100LL); });
    }
    auto* clear = new QPushButton(tr("Clear"), cashPage);
    connect(clear, &QPushButton::clicked, m_tendered, &QLineEdit::clear);
    m_changeDue = new QLabel(cashPage);
    QFont changeFont = m_changeDue->font();
    changeFont.setPointSizeF(changeFont.pointSizeF() * 1.6);
    changeFont.setBold(true);
    m_changeDue->setFont(changeFont);
    auto* cashLayout = new QFormLayout(cashPage);
    auto* tenderedRow = new QHBoxLayout;
    tenderedRow->addWidget(m_tendered, 1);
    tenderedRow->addWidget(clear);
    cashLayout->addRow(tr("Tendered:"), tenderedRow);
    cashLayout->addRow(quick);
    cashLayout->addRow(tr("Change due:"), m_changeDue);

    auto* terminalPage = new QWidget(payBox);
    m_terminalBox = new QComboBox(terminalPage);
    m_terminalReference = new QLineEdit(terminalPage);
    m_terminalReference->setPlaceholderText(tr("Authorisation code printed by the terminal"));
    auto* terminalLayout = new QFormLayout(terminalPage);
    terminalLayout->addRow(tr("Terminal:"), m_terminalBox);
    terminalLayout->addRow(tr("Offline reference:"), m_terminalReference);

    m_methodPages = new QStackedWidget(payBox);
    m_methodPages->addWidget(cashPage);
    m_methodPages->addWidget(terminalPage);
    auto* payLayout = new QVBoxLayout(payBox);
    payLayout->addLayout(methodRow);
    payLayout->addWidget(m_methodPages);

    auto* buyerBox = new QGroupBox(tr("Buyer (optional)"), this);
    m_name = new QLineEdit(buyerBox);
    m_name->setPlaceholderText(tr("Walk-up customer"));
    m_email = new QLineEdit(buyerBox);
    m_email->setPlaceholderText(tr("Tickets by e-mail too"));
    auto* buyerLayout = new QFormLayout(buyerBox);
    buyerLayout->addRow(tr("Name:"), m_name);
    buyerLayout->addRow(tr("E-mail:"), m_email);

    m_sell = new QPushButton(tr("Sell"), this);
    makeBig(m_sell);
    m_sell->setMinimumHeight(60);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_printTickets = new QPushButton(tr("Print tickets"), this);
    m_printReceipt = new QPushButton(tr("Print receipt"), this);
    makeBig(m_printTickets);
    makeBig(m_printReceipt);
    auto* printRow = new QHBoxLayout;
    printRow->addWidget(m_printTickets);
    printRow->addWidget(m_printReceipt);

    auto* outer = new QVBoxLayout(this);
    outer->addWidget(seatsBox);
    outer->addWidget(payBox);
    outer->addWidget(buyerBox);
    outer->addWidget(m_sell);
    outer->addWidget(m_message);
    outer->addWidget(m_result);
    outer->addLayout(printRow);
    outer->addStretch(1);

    BookingService* booking = session->booking();
    connect(m_best, &QPushButton::clicked, this, &SalePanel::pickBestAvailable);
    connect(m_sell, &QPushButton::clicked, this, &SalePanel::sell);
    connect(m_holdStanding, &QPushButton::clicked, this, &SalePanel::holdStandingPlaces);
    connect(m_printTickets, &QPushButton::clicked, this, &SalePanel::printTickets);
    connect(m_printReceipt, &QPushButton::clicked, this, &SalePanel::printReceipt);
    connect(m_tendered, &QLineEdit::textChanged, this, &SalePanel::updateChangeDue);
    connect(m_cash, &QRadioButton::toggled, this, &SalePanel::refresh);
    connect(m_window->seatMap(), &SeatMapView::selectionChanged, this, &SalePanel::refresh);
    connect(booking, &BookingService::paymentConfigChanged, this, &SalePanel::refresh);
    connect(booking, &BookingService::stateChanged, this, [this](BookingService::State state) {
        if (state == BookingService::State::Held && std::exchange(m_payWhenHeld, false))
            payHeld();
        else if (state == BookingService::State::Confirmed) {
            const OrderInfo order = m_session->booking()->order();
            finishSale(order, order.payment.changeDueMinor);
        }
        refresh();
    });
    connect(booking, &BookingService::problemChanged, this, [this](BookingService::Problem problem, const QString& text) {
        if (problem != BookingService::Problem::None) {
            m_payWhenHeld = false;
            showMessage(text);
        }
    });
    connect(booking, &BookingService::ordersChanged, this, [this] {
        // Tickets are issued just after the confirmation: pick them up for printing.
        if (m_lastOrder.isValid() && m_lastOrder.tickets.isEmpty())
            if (auto cached = m_session->booking()->cachedOrder(m_lastOrder.id))
                m_lastOrder = *cached;
    });
    refresh();
}

QString SalePanel::currency() const
{
    const auto layout = m_window->layout();
    if (layout && !layout->priceCategories.empty())
        return QString::fromStdString(layout->priceCategories.front().currency);
    return QStringLiteral("EUR");
}

QStringList SalePanel::saleSeatIds() const
{
    // Seats picked on the map win; without any, a live hold (best available) is the sale.
    const QStringList picked = m_window->selectedSeatIds();
    const BookingService* booking = m_session->booking();
    if (picked.isEmpty() && m_window->isOnline() && booking->state() == BookingService::State::Held) {
        QStringList ids;
        for (const HeldSeatInfo& seat : booking->hold().seats)
            ids << seat.seatId;
        return ids;
    }
    return picked;
}

qint64 SalePanel::amountDueMinor() const
{
    const QStringList seats = saleSeatIds();
    if (!m_window->isOnline())
        return m_session->offlineSales()->priceOf(m_window->eventId(), seats);
    const auto layout = m_window->layout();
    if (!layout)
        return 0;
    if (const int places = heldStandingPlaces(); places > 0) {
        const QString areaId = m_session->booking()->hold().gaAreaId;
        for (const auto& area : layout->areas)
            if (QString::fromStdString(area.id) == areaId)
                if (const auto* pc = layout->priceCategory(area.priceCategoryId))
                    return pc->priceMinor * places;
        return 0;
    }
    const core::seating::SeatIndex& index = m_window->seatMap()->geometry().index();
    qint64 sum = 0;
    for (std::uint32_t i = 0; i < index.size(); ++i) {
        if (!seats.contains(QString::fromStdString(index.seat(i).id)))
            continue;
        if (const auto* pc = layout->priceCategory(index.seat(i).priceCategoryId))
            sum += pc->priceMinor;
    }
    return sum;
}

int SalePanel::heldStandingPlaces() const
{
    const BookingService* booking = m_session->booking();
    if (!m_window->isOnline() || !m_window->selectedSeatIds().isEmpty() || booking->state() != BookingService::State::Held)
        return 0;
    return booking->hold().seats.isEmpty() ? static_cast<int>(booking->hold().gaCount) : 0;
}

void SalePanel::fillStandingAreas()
{
    const auto layout = m_window->layout();
    const QString current = m_standingArea->currentData().toString();
    m_standingArea->clear();
    if (layout) {
        for (const auto& area : layout->areas) {
            if (area.kind != core::seating::AreaKind::GeneralAdmission)
                continue;
            const auto* pc = layout->priceCategory(area.priceCategoryId);
            const QString id = QString::fromStdString(area.id);
            const int left = m_window->standingPlacesLeft(id);
            QString text = QString::fromStdString(area.label);
            if (pc)
                text = tr("%1 · %2").arg(text, format::money(pc->priceMinor, QString::fromStdString(pc->currency)));
            if (left >= 0)
                text = tr("%1 · %n left", "", left).arg(text);
            m_standingArea->addItem(text, id);
        }
    }
    const int at = m_standingArea->findData(current);
    m_standingArea->setCurrentIndex(at >= 0 ? at : 0);
    m_standingRow->setVisible(m_standingArea->count() > 0);
}

void SalePanel::holdStandingPlaces()
{
    showMessage({});
    if (!m_window->isOnline()) {
        // A lease holds seats only: standing places cannot be sold from this device offline.
        showMessage(tr("Standing places are sold online only; they cannot be leased for offline sale."));
        return;
    }
    const QString areaId = m_standingArea->currentData().toString();
    if (areaId.isEmpty())
        return;
    m_window->seatMap()->clearSelection();
    HoldRequest request;
    request.kind = HoldRequest::Kind::GeneralAdmission;
    request.eventId = m_window->eventId();
    request.areaId = areaId;
    request.count = static_cast<std::uint32_t>(m_standingCount->value());
    m_payWhenHeld = false;
    BookingService* booking = m_session->booking();
    if (booking->state() == BookingService::State::Confirmed || booking->state() == BookingService::State::Expired)
        booking->reset();
    booking->holdSeats(request); // releases a hold of seats picked before (one sale at a time)
}

std::optional<qint64> SalePanel::tendered() const
{
    return format::parseMoney(m_tendered->text(), format::currencyDigits(currency()));
}

void SalePanel::addCash(qint64 minor)
{
    const qint64 now = tendered().value_or(0) + minor;
    m_tendered->setText(QLocale().toString(static_cast<double>(now) / 100.0, 'f', 2));
}

void SalePanel::updateChangeDue()
{
    const auto cash = tendered();
    const qint64 due = amountDueMinor();
    if (!cash)
        m_changeDue->setText(m_tendered->text().trimmed().isEmpty() ? QString() : tr("Enter an amount like 50.00"));
    else if (*cash < due)
        m_changeDue->setText(tr("%1 short").arg(format::money(due - *cash, currency())));
    else
        m_changeDue->setText(format::money(*cash - due, currency()));
}

void SalePanel::refresh()
{
    const bool online = m_window->isOnline();
    const QStringList seats = saleSeatIds();
    BookingService* booking = m_session->booking();
    if (online && !booking->paymentConfig())
        booking->requestPaymentConfig();
    fillStandingAreas();
    const int places = heldStandingPlaces();
    m_seats->setText(places > 0       ? tr("%n standing place(s) held.", "", places)
                     : seats.isEmpty() ? tr("Pick seats on the map, or the best available.")
                                       : tr("%n seat(s) chosen.", "", static_cast<int>(seats.size())));
    const qint64 due = amountDueMinor();
    m_due->setText(seats.isEmpty() && places == 0 ? QString()
                   : online        ? tr("Due: %1 + booking fees").arg(format::money(due, currency()))
                                   : tr("Due: %1").arg(format::money(due, currency())));
    m_methodPages->setCurrentIndex(m_cash->isChecked() ? 0 : 1);
    // Online the terminal is driven by the server; offline staff type the terminal's own reference.
    m_terminalBox->setVisible(online);
    m_terminalReference->setVisible(!online);
    const QString current = m_terminalBox->currentText();
    m_terminalBox->clear();
    if (const auto config = booking->paymentConfig())
        m_terminalBox->addItems(config->terminalIds);
    m_terminalBox->setCurrentText(current);
    const bool busy = booking->state() == BookingService::State::Holding || booking->state() == BookingService::State::Paying;
    m_sell->setEnabled(!busy && (!seats.isEmpty() || places > 0));
    m_sell->setText(places > 0        ? tr("Sell %n standing place(s)", "", places)
                    : seats.isEmpty() ? tr("Sell")
                                      : tr("Sell %n seat(s)", "", static_cast<int>(seats.size())));
    m_holdStanding->setEnabled(!busy); // offline a tap says why standing places cannot be sold
    m_printTickets->setEnabled(m_lastOrder.isValid());
    m_printReceipt->setEnabled(m_lastOrder.isValid());
    updateChangeDue();
}

void SalePanel::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color:#b00020;") : QString());
}

void SalePanel::pickBestAvailable()
{
    const auto count = static_cast<std::uint32_t>(m_bestCount->value());
    showMessage({});
    if (!m_window->isOnline()) {
        const QStringList seats = m_session->offlineSales()->pickSeats(m_window->eventId(), count);
        if (seats.size() < static_cast<qsizetype>(count)) {
            showMessage(m_session->leases()->activeLeases(m_window->eventId()).isEmpty()
                            ? tr("This device has no lease for this event.")
                            : tr("Only %n seat(s) left in this device's lease.", "", static_cast<int>(seats.size())));
            return;
        }
        m_window->selectSeats(seats);
        return;
    }
    HoldRequest request;
    request.kind = HoldRequest::Kind::BestAvailable;
    request.eventId = m_window->eventId();
    request.count = count;
    m_payWhenHeld = false;
    BookingService* booking = m_session->booking();
    if (booking->state() == BookingService::State::Confirmed || booking->state() == BookingService::State::Expired)
        booking->reset();
    booking->holdSeats(request);
}

void SalePanel::sell()
{
    showMessage({});
    const QStringList seats = saleSeatIds();
    const int places = heldStandingPlaces();
    if (seats.isEmpty() && places == 0)
        return;
    const bool cash = m_cash->isChecked();
    const auto cashGiven = tendered();
    if (cash && !cashGiven) {
        showMessage(tr("Enter the cash handed over."));
        return;
    }
    if (places > 0) {
        payHeld(); // the standing places are held already
        return;
    }
    if (!m_window->isOnline()) {
        OfflineSaleRequest request;
        request.eventId = m_window->eventId();
        request.seatIds = seats;
        request.method = cash ? PaymentMethod::Cash : PaymentMethod::CardTerminal;
        request.tenderedMinor = cashGiven.value_or(0);
        request.terminalReference = m_terminalReference->text();
        request.buyerName = m_name->text().trimmed().isEmpty() ? tr("Walk-up customer") : m_name->text().trimmed();
        request.buyerEmail = buyerEmail();
        const OfflineSaleOutcome outcome = m_session->offlineSales()->sell(request);
        if (!outcome.ok) {
            showMessage(outcome.error);
            return;
        }
        m_window->seatMap()->clearSelection();
        finishSale(outcome.order, outcome.order.payment.changeDueMinor);
        return;
    }
    BookingService* booking = m_session->booking();
    QStringList held;
    for (const HeldSeatInfo& seat : booking->hold().seats)
        held << seat.seatId;
    if (booking->state() == BookingService::State::Held && held == seats) {
        payHeld();
        return;
    }
    if (booking->state() == BookingService::State::Confirmed || booking->state() == BookingService::State::Expired)
        booking->reset();
    HoldRequest request;
    request.kind = HoldRequest::Kind::Seats;
    request.eventId = m_window->eventId();
    request.seatIds = seats;
    m_payWhenHeld = booking->holdSeats(request);
}

QString SalePanel::buyerEmail() const
{
    // Empty when the buyer gives none: the order keeps no address and nothing is mailed (the
    // server allows that for counter sales); the tickets are printed here instead.
    return m_email->text().trimmed();
}

void SalePanel::payHeld()
{
    BookingService* booking = m_session->booking();
    const QString name = m_name->text().trimmed().isEmpty() ? tr("Walk-up customer") : m_name->text().trimmed();
    if (m_cash->isChecked())
        booking->payByCash(name, buyerEmail(), tendered().value_or(0));
    else if (m_terminalBox->currentText().isEmpty())
        showMessage(tr("No card terminal is configured for this box office."));
    else
        booking->payByTerminal(name, buyerEmail(), m_terminalBox->currentText());
}

void SalePanel::finishSale(const OrderInfo& order, qint64 changeDueMinor)
{
    m_lastOrder = order;
    m_lastFiles.clear();
    QString text = tr("<b>Sold %1</b> — %n ticket(s), total %2.", "", static_cast<int>(order.lines.size()))
                       .arg(order.code.toHtmlEscaped(), format::money(order.totalMinor, order.currency));
    if (order.payment.method == PaymentMethod::Cash)
        text += QLatin1Char(' ') + tr("Change due: <b>%1</b>").arg(format::money(changeDueMinor, order.currency));
    if (!m_window->isOnline())
        text += QStringLiteral("<br>") + tr("Sold offline: it is uploaded when the connection is back.");
    if (order.buyerEmail.isEmpty())
        text += QStringLiteral("<br>") + tr("No e-mail address: nothing is mailed. Print the tickets and hand them over.");
    m_result->setText(text);
    m_tendered->clear();
    m_name->clear();
    m_email->clear();
    Q_EMIT sold(order);
    refresh();
}

bool SalePanel::report(const printing::PrintResult& result, const QString& printedText)
{
    if (!result.ok) {
        showMessage(result.error);
        return false;
    }
    m_lastFiles << result.files;
    showMessage(result.files.isEmpty() ? printedText
                                       : tr("Saved to %1").arg(QDir::toNativeSeparators(result.files.join(QStringLiteral(", ")))),
                false);
    return true;
}

bool SalePanel::printTickets()
{
    if (!m_lastOrder.isValid())
        return false;
    if (m_lastOrder.tickets.isEmpty()) {
        showMessage(tr("The tickets are still being issued; try again in a moment."));
        return false;
    }
    return report(m_window->printService().printTickets(m_lastOrder), tr("Tickets sent to the printer."));
}

bool SalePanel::printReceipt()
{
    if (!m_lastOrder.isValid())
        return false;
    printing::ReceiptContext context;
    context.deviceName = m_session->deviceKeys()->deviceName();
    const QList<OfflineSaleInfo> offline = m_session->offlineSales()->sales(m_lastOrder.eventId);
    if (std::any_of(offline.cbegin(), offline.cend(), [&](const OfflineSaleInfo& s) { return s.orderId == m_lastOrder.id; }))
        context.note = tr("Sold offline by this box office; the tickets are valid.");
    return report(m_window->printService().printReceipt(printing::receiptForOrder(m_lastOrder, context)),
                  tr("Receipt sent to the printer."));
}

} // namespace marquee::client
