// CheckoutDialog implementation.
#include "booking/checkoutdialog.h"

#include "booking/ticketviews.h"
#include "marquee/core/seating/seat_index.hpp"
#include "models/eventformat.h"
#include "services/accountservice.h"
#include "services/catalogservice.h"
#include "services/clientsession.h"
#include "services/seatingservice.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

constexpr int kUrgentSeconds = 60;

bool isBoxOffice(core::Role role)
{
    return role == core::Role::Staff || role == core::Role::Organizer || role == core::Role::Admin;
}

} // namespace

CheckoutDialog::CheckoutDialog(ClientSession* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_booking(session->booking())
{
    setWindowTitle(tr("Checkout"));
    resize(640, 720);
    m_pages = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(m_pages);

    // --- Checkout page.
    auto* checkout = new QWidget(m_pages);
    auto* layout = new QVBoxLayout(checkout);
    m_title = new QLabel(checkout);
    m_title->setWordWrap(true);
    m_title->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: bold;"));
    layout->addWidget(m_title);

    auto* countdownRow = new QHBoxLayout;
    m_countdown = new QLabel(checkout);
    m_countdown->setAccessibleName(tr("Time left to complete the order"));
    m_extend = new QPushButton(tr("Extend"), checkout);
    m_extend->setToolTip(tr("Keep the seats a little longer"));
    countdownRow->addWidget(m_countdown, 1);
    countdownRow->addWidget(m_extend);
    layout->addLayout(countdownRow);

    auto* seatsBox = new QGroupBox(tr("Your seats"), checkout);
    auto* seatsLayout = new QVBoxLayout(seatsBox);
    m_lines = new QTableWidget(seatsBox);
    setupOrderLinesTable(m_lines);
    m_lines->setMinimumHeight(110);
    m_lines->setMaximumHeight(200);
    m_total = new QLabel(seatsBox);
    m_total->setAlignment(Qt::AlignRight);
    m_total->setWordWrap(true);
    seatsLayout->addWidget(m_lines);
    seatsLayout->addWidget(m_total);
    layout->addWidget(seatsBox);

    auto* buyerBox = new QGroupBox(tr("Buyer"), checkout);
    auto* buyerForm = new QFormLayout(buyerBox);
    m_name = new QLineEdit(buyerBox);
    m_name->setPlaceholderText(tr("Name on the tickets"));
    m_email = new QLineEdit(buyerBox);
    m_email->setPlaceholderText(tr("name@example.com"));
    m_email->setText(session->account()->email());
    buyerForm->addRow(tr("Name:"), m_name);
    buyerForm->addRow(tr("E-mail:"), m_email);
    layout->addWidget(buyerBox);

    auto* payBox = new QGroupBox(tr("Payment"), checkout);
    auto* payLayout = new QVBoxLayout(payBox);
    m_method = new QComboBox(payBox);
    m_method->addItem(tr("Card"), static_cast<int>(PaymentMethod::CardOnline));
    if (isBoxOffice(session->account()->role())) {
        m_method->addItem(tr("Cash"), static_cast<int>(PaymentMethod::Cash));
        m_method->addItem(tr("Card terminal"), static_cast<int>(PaymentMethod::CardTerminal));
    }
    m_method->setVisible(m_method->count() > 1);
    payLayout->addWidget(m_method);
    m_methodPages = new QStackedWidget(payBox);
    // Card: the details go straight to the payment provider, never to Marquee.
    auto* card = new QWidget(m_methodPages);
    auto* cardForm = new QFormLayout(card);
    m_cardNumber = new QLineEdit(card);
    m_cardNumber->setPlaceholderText(tr("1234 5678 9012 3456"));
    m_cardNumber->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{0,23}")), m_cardNumber));
    m_cardNumber->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_cardExpiry = new QLineEdit(card);
    m_cardExpiry->setPlaceholderText(tr("MM/YY"));
    m_cardExpiry->setInputMask(QStringLiteral("99/99;_"));
    m_cardCvc = new QLineEdit(card);
    m_cardCvc->setPlaceholderText(tr("CVC"));
    m_cardCvc->setEchoMode(QLineEdit::Password);
    m_cardCvc->setMaxLength(4);
    m_cardCvc->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,4}")), m_cardCvc));
    auto* cardNote = new QLabel(tr("Card details are sent directly to the payment provider."), card);
    cardNote->setStyleSheet(QStringLiteral("color: #666;"));
    cardNote->setWordWrap(true);
    cardForm->addRow(tr("Card number:"), m_cardNumber);
    cardForm->addRow(tr("Expiry:"), m_cardExpiry);
    cardForm->addRow(tr("Security code:"), m_cardCvc);
    cardForm->addRow(cardNote);
    m_methodPages->addWidget(card);
    auto* cash = new QWidget(m_methodPages);
    auto* cashForm = new QFormLayout(cash);
    m_tendered = new QLineEdit(cash);
    m_tendered->setPlaceholderText(tr("amount received"));
    m_changeDue = new QLabel(cash);
    cashForm->addRow(tr("Tendered:"), m_tendered);
    cashForm->addRow(tr("Change due:"), m_changeDue);
    m_methodPages->addWidget(cash);
    auto* terminal = new QWidget(m_methodPages);
    auto* terminalForm = new QFormLayout(terminal);
    m_terminal = new QComboBox(terminal);
    terminalForm->addRow(tr("Terminal:"), m_terminal);
    m_methodPages->addWidget(terminal);
    payLayout->addWidget(m_methodPages);
    layout->addWidget(payBox);

    m_progress = new QProgressBar(checkout);
    m_progress->setRange(0, 0); // busy
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_message = new QLabel(checkout);
    m_message->setWordWrap(true);
    // Room for a few lines: wrapped labels do not grow inside the stacked pages.
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 3);
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addStretch(1);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    auto* buttons = new QHBoxLayout;
    m_release = new QPushButton(tr("Release seats"), checkout);
    m_pay = new QPushButton(tr("Pay"), checkout);
    m_pay->setDefault(true);
    buttons->addWidget(m_release);
    buttons->addStretch(1);
    buttons->addWidget(m_pay);
    layout->addLayout(buttons);
    m_pages->addWidget(checkout);

    // --- Confirmed page.
    auto* confirmed = new QWidget(m_pages);
    auto* confirmedLayout = new QVBoxLayout(confirmed);
    m_confirmedText = new QLabel(confirmed);
    m_confirmedText->setWordWrap(true);
    // Rich text of a few paragraphs: a wrapped label does not grow inside the stacked pages.
    m_confirmedText->setMinimumHeight(m_confirmedText->fontMetrics().lineSpacing() * 9);
    m_confirmedText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_confirmedText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    confirmedLayout->addWidget(m_confirmedText);
    auto* scroll = new QScrollArea(confirmed);
    scroll->setWidgetResizable(true);
    m_tickets = new QWidget(scroll);
    m_ticketsLayout = new QVBoxLayout(m_tickets);
    m_ticketsLayout->addStretch(1);
    scroll->setWidget(m_tickets);
    confirmedLayout->addWidget(scroll, 1);
    auto* confirmedButtons = new QHBoxLayout;
    m_exportPdf = new QPushButton(tr("Save tickets as PDF…"), confirmed);
    auto* close = new QPushButton(tr("Close"), confirmed);
    confirmedButtons->addWidget(m_exportPdf);
    confirmedButtons->addStretch(1);
    confirmedButtons->addWidget(close);
    confirmedLayout->addLayout(confirmedButtons);
    m_pages->addWidget(confirmed);

    // --- Expired page.
    auto* expired = new QWidget(m_pages);
    auto* expiredLayout = new QVBoxLayout(expired);
    auto* expiredTitle = new QLabel(tr("Your hold has expired"), expired);
    expiredTitle->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: bold; color: #b00020;"));
    m_expiredText = new QLabel(expired);
    m_expiredText->setWordWrap(true);
    m_expiredText->setAlignment(Qt::AlignHCenter);
    auto* again = new QPushButton(tr("Pick seats again"), expired);
    expiredLayout->addStretch(1);
    expiredLayout->addWidget(expiredTitle, 0, Qt::AlignHCenter);
    expiredLayout->addWidget(m_expiredText);
    expiredLayout->addWidget(again, 0, Qt::AlignHCenter);
    expiredLayout->addStretch(1);
    m_pages->addWidget(expired);

    connect(m_extend, &QPushButton::clicked, m_booking, &BookingService::extendHold);
    connect(m_release, &QPushButton::clicked, this, [this] {
        m_booking->releaseHold();
        reject();
    });
    connect(m_pay, &QPushButton::clicked, this, &CheckoutDialog::pay);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { saveOrderTicketsPdf(m_booking->order(), this); });
    connect(again, &QPushButton::clicked, this, [this] {
        m_booking->reset();
        Q_EMIT pickSeatsAgain();
        reject();
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, &CheckoutDialog::updateMethod);
    connect(m_tendered, &QLineEdit::textChanged, this, &CheckoutDialog::updateChangeDue);
    connect(m_booking, &BookingService::remainingChanged, this, &CheckoutDialog::updateCountdown);
    connect(m_booking, &BookingService::holdChanged, this, [this] {
        rebuildSummary();
        updateState();
    });
    connect(m_booking, &BookingService::stateChanged, this, &CheckoutDialog::updateState);
    connect(m_booking, &BookingService::problemChanged, this, &CheckoutDialog::showProblem);
    connect(m_booking, &BookingService::orderChanged, this, [this] {
        rebuildSummary();
        updateState();
    });
    connect(m_booking, &BookingService::paymentConfigChanged, this, &CheckoutDialog::updateMethod);

    m_booking->requestPaymentConfig();
    rebuildSummary();
    updateMethod();
    updateCountdown(m_booking->remainingSeconds());
    updateState();
    showProblem();
}

CheckoutDialog::Page CheckoutDialog::page() const { return static_cast<Page>(m_pages->currentIndex()); }
QString CheckoutDialog::countdownText() const { return m_countdown->text(); }
QString CheckoutDialog::messageText() const { return m_message->text(); }
QString CheckoutDialog::totalText() const { return m_total->text(); }
QString CheckoutDialog::changeDueText() const { return m_changeDue->text(); }

QString CheckoutDialog::currency() const
{
    const OrderInfo order = m_booking->order();
    if (order.isValid())
        return order.currency;
    const auto layout = m_session->seating()->layoutForEvent(m_booking->hold().eventId);
    if (layout && !layout->priceCategories.empty())
        return QString::fromStdString(layout->priceCategories.front().currency);
    return {};
}

void CheckoutDialog::rebuildSummary()
{
    const HoldInfo hold = m_booking->hold();
    const OrderInfo order = m_booking->order();
    const auto details = m_session->catalog()->eventDetails(hold.eventId.isEmpty() ? order.eventId : hold.eventId);
    m_title->setText(details ? QString::fromStdString(details->event.title) : tr("Checkout"));
    if (order.isValid() && !order.lines.isEmpty()) {
        // The server's prices: fees and taxes per category, exactly what is charged.
        fillOrderLines(m_lines, order);
        for (int c = 3; c < 6; ++c)
            m_lines->setColumnHidden(c, false);
        QString total = tr("Total: %1").arg(format::money(order.totalMinor, order.currency));
        if (order.taxMinor > 0)
            total += tr(" (incl. %1 tax, %2 fees)")
                         .arg(format::money(order.taxMinor, order.currency), format::money(order.feesMinor, order.currency));
        m_total->setText(total);
        return;
    }
    // Before the order exists: each seat at its category's price from the cached layout.
    const auto layout = m_session->seating()->layoutForEvent(hold.eventId);
    for (int c = 3; c < 6; ++c)
        m_lines->setColumnHidden(c, true); // fee, tax and total come with the order
    m_lines->setRowCount(static_cast<int>(hold.seats.size()));
    qint64 sum = 0;
    QString money;
    std::optional<core::seating::SeatIndex> index;
    if (layout)
        index.emplace(*layout);
    for (int r = 0; r < hold.seats.size(); ++r) {
        const HeldSeatInfo& seat = hold.seats.at(r);
        m_lines->setItem(r, 0, new QTableWidgetItem(seat.label));
        QString category;
        QString price;
        if (index && seat.seatIndex < index->size()) {
            const std::string& categoryId = index->seat(seat.seatIndex).priceCategoryId;
            for (const auto& pc : layout->priceCategories) {
                if (pc.id != categoryId)
                    continue;
                category = QString::fromStdString(pc.name);
                price = format::money(pc.priceMinor, QString::fromStdString(pc.currency));
                money = QString::fromStdString(pc.currency);
                sum += pc.priceMinor;
            }
        }
        m_lines->setItem(r, 1, new QTableWidgetItem(category));
        auto* priceItem = new QTableWidgetItem(price);
        priceItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lines->setItem(r, 2, priceItem);
        for (int c = 3; c < 6; ++c)
            m_lines->setItem(r, c, new QTableWidgetItem(QString()));
    }
    if (hold.seats.isEmpty() && hold.gaCount > 0) {
        m_lines->setRowCount(1);
        m_lines->setItem(0, 0, new QTableWidgetItem(tr("%n standing place(s)", nullptr, static_cast<int>(hold.gaCount))));
    }
    m_total->setText(money.isEmpty() ? tr("Prices, fees and taxes are shown when you pay.")
                                     : tr("Tickets: %1 — booking fees and taxes are added when you pay.")
                                           .arg(format::money(sum, money)));
}

qint64 CheckoutDialog::estimatedTotal() const
{
    const OrderInfo order = m_booking->order();
    if (order.isValid())
        return order.totalMinor;
    const auto layout = m_session->seating()->layoutForEvent(m_booking->hold().eventId);
    if (!layout)
        return 0;
    const core::seating::SeatIndex index(*layout);
    qint64 sum = 0;
    for (const HeldSeatInfo& seat : m_booking->hold().seats)
        for (const auto& pc : layout->priceCategories)
            if (seat.seatIndex < index.size() && pc.id == index.seat(seat.seatIndex).priceCategoryId)
                sum += pc.priceMinor;
    return sum;
}

void CheckoutDialog::updateCountdown(int seconds)
{
    const bool live = m_booking->state() == BookingService::State::Held || m_booking->state() == BookingService::State::Paying;
    const QString clock = QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    m_urgent = live && seconds < kUrgentSeconds;
    m_countdown->setText(live ? (m_urgent ? tr("Hurry: your seats are held for %1 more").arg(clock)
                                          : tr("Your seats are held for %1").arg(clock))
                              : QString());
    m_countdown->setStyleSheet(m_urgent ? QStringLiteral("background:#b00020; color:white; font-weight:bold; padding:6px;")
                                        : QStringLiteral("background:#e8f0fe; color:#1a3d7c; padding:6px;"));
    m_extend->setEnabled(m_booking->canExtend());
}

void CheckoutDialog::updateMethod()
{
    const auto method = static_cast<PaymentMethod>(m_method->currentData().toInt());
    m_methodPages->setCurrentIndex(method == PaymentMethod::CardOnline ? 0 : method == PaymentMethod::Cash ? 1 : 2);
    const auto config = m_booking->paymentConfig();
    const QString current = m_terminal->currentText();
    m_terminal->clear();
    if (config)
        m_terminal->addItems(config->terminalIds);
    m_terminal->setCurrentText(current);
    updateChangeDue();
    updateState();
}

std::optional<qint64> CheckoutDialog::tenderedMinor() const
{
    return format::parseMoney(m_tendered->text(), format::currencyDigits(currency()));
}

void CheckoutDialog::updateChangeDue()
{
    const auto tendered = tenderedMinor();
    const qint64 total = estimatedTotal();
    if (!tendered)
        m_changeDue->setText(m_tendered->text().trimmed().isEmpty() ? QString() : tr("Enter an amount like 50.00"));
    else if (*tendered < total)
        m_changeDue->setText(tr("%1 short").arg(format::money(total - *tendered, currency())));
    else
        m_changeDue->setText(format::money(*tendered - total, currency()));
}

void CheckoutDialog::updateState()
{
    using State = BookingService::State;
    const State state = m_booking->state();
    if (state == State::Confirmed) {
        showConfirmed();
        return;
    }
    if (state == State::Expired) {
        m_expiredText->setText(m_booking->problemText().isEmpty() ? tr("The seats were released. Pick seats again.")
                                                                   : m_booking->problemText());
        m_pages->setCurrentIndex(static_cast<int>(Page::Expired));
        return;
    }
    m_pages->setCurrentIndex(static_cast<int>(Page::Checkout));
    const bool paying = state == State::Paying;
    const bool held = state == State::Held;
    m_progress->setVisible(paying || state == State::Holding);
    const auto method = static_cast<PaymentMethod>(m_method->currentData().toInt());
    const auto config = m_booking->paymentConfig();
    bool methodReady = true;
    if (method == PaymentMethod::CardOnline)
        methodReady = config && config->cardOnline;
    else if (method == PaymentMethod::CardTerminal)
        methodReady = m_terminal->count() > 0;
    m_pay->setEnabled(held && methodReady);
    const qint64 total = estimatedTotal();
    // Before the first attempt the fees are not known yet; after it the server's total is.
    // After a decline the seats stay held: the button offers the retry.
    const bool declined = m_booking->problem() == BookingService::Problem::PaymentDeclined;
    const bool knownTotal = m_booking->order().isValid() && total > 0;
    if (declined)
        m_pay->setText(knownTotal ? tr("Try again: pay %1").arg(format::money(total, currency())) : tr("Try again"));
    else
        m_pay->setText(knownTotal ? tr("Pay %1").arg(format::money(total, currency())) : tr("Pay"));
    m_release->setEnabled(held);
    for (QWidget* w : {static_cast<QWidget*>(m_name), static_cast<QWidget*>(m_email), static_cast<QWidget*>(m_method),
                       static_cast<QWidget*>(m_methodPages)})
        w->setEnabled(!paying);
    if (paying && m_booking->problem() == BookingService::Problem::None)
        m_message->setText(tr("Paying… please wait."));
    updateCountdown(m_booking->remainingSeconds());
}

void CheckoutDialog::showProblem()
{
    using Problem = BookingService::Problem;
    const Problem problem = m_booking->problem();
    m_message->setText(m_booking->problemText());
    const bool serious = problem != Problem::None && problem != Problem::Offline;
    m_message->setStyleSheet(serious ? QStringLiteral("color:#b00020; font-weight:bold;")
                                     : QStringLiteral("color:#444;"));
    if (problem == Problem::PaymentDeclined) {
        // Try another card or cash: the hold stays (the server keeps it), the card fields start empty.
        m_message->setText(m_booking->problemText() + QLatin1Char('\n') +
                           tr("Your seats stay held until the countdown runs out: try another card or payment method."));
        m_cardNumber->clear();
        m_cardExpiry->clear();
        m_cardCvc->clear();
        m_cardNumber->setFocus();
    }
    updateState();
}

void CheckoutDialog::showConfirmed()
{
    const OrderInfo order = m_booking->order();
    m_pages->setCurrentIndex(static_cast<int>(Page::Confirmed));
    QString text = tr("<h2>Thank you!</h2><p>Order <b>%1</b> is confirmed: %2 paid.</p>")
                       .arg(order.code.toHtmlEscaped(), format::money(order.totalMinor, order.currency));
    if (order.payment.method == PaymentMethod::Cash && order.payment.changeDueMinor > 0)
        text += tr("<p>Change due: <b>%1</b></p>").arg(format::money(order.payment.changeDueMinor, order.currency));
    if (!order.buyerEmail.isEmpty())
        text += tr("<p>The tickets are also sent to %1.</p>").arg(order.buyerEmail.toHtmlEscaped());
    if (order.tickets.isEmpty())
        text += tr("<p>Your tickets are being issued; they appear here and in My Orders &amp; Tickets.</p>");
    m_confirmedText->setText(text);
    // Rebuild the ticket list (they arrive with the change log after the confirmation).
    while (m_ticketsLayout->count() > 1) {
        QLayoutItem* item = m_ticketsLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < order.tickets.size(); ++i)
        m_ticketsLayout->insertWidget(i, createTicketView(order, order.tickets.at(i), m_tickets));
    m_tickets->adjustSize();
    m_exportPdf->setEnabled(!order.tickets.isEmpty());
}

void CheckoutDialog::pay()
{
    const QString name = m_name->text().trimmed();
    const QString email = m_email->text().trimmed();
    if (name.isEmpty() || !email.contains(QLatin1Char('@'))) {
        m_message->setText(tr("Please enter the name for the tickets and an e-mail address for the confirmation."));
        m_message->setStyleSheet(QStringLiteral("color:#b00020; font-weight:bold;"));
        return;
    }
    const auto method = static_cast<PaymentMethod>(m_method->currentData().toInt());
    if (method == PaymentMethod::CardOnline) {
        CardDetails card;
        card.number = m_cardNumber->text();
        const QStringList expiry = m_cardExpiry->text().split(QLatin1Char('/'));
        card.expMonth = expiry.value(0).toInt();
        card.expYear = 2000 + expiry.value(1).toInt();
        card.cvc = m_cardCvc->text();
        // The fields are cleared at once; the details live only until they are sent.
        m_cardNumber->clear();
        m_cardCvc->clear();
        if (QString(card.number).remove(QLatin1Char(' ')).size() < 12 || card.expMonth < 1 || card.expMonth > 12
            || card.cvc.size() < 3) {
            card.wipe();
            m_message->setText(tr("Please enter the card number, its expiry date (MM/YY) and security code."));
            m_message->setStyleSheet(QStringLiteral("color:#b00020; font-weight:bold;"));
            return;
        }
        m_booking->payByCard(name, email, card);
    } else if (method == PaymentMethod::Cash) {
        const auto tendered = tenderedMinor();
        if (!tendered) {
            m_message->setText(tr("Enter the amount received."));
            return;
        }
        m_booking->payByCash(name, email, *tendered);
    } else {
        m_booking->payByTerminal(name, email, m_terminal->currentText());
    }
}

} // namespace marquee::client
