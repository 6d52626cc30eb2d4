// CounterPanel implementation (see counterpanel.h).
#include "boxoffice/counterpanel.h"

#include "booking/bookingservice.h"
#include "boxoffice/boxofficewindow.h"
#include "boxoffice/counterservice.h"
#include "models/eventformat.h"
#include "services/clientsession.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace marquee::client {

CounterPanel::CounterPanel(ClientSession* session, BoxOfficeWindow* window, QWidget* parent)
    : QWidget(parent), m_session(session), m_window(window), m_counter(window->counter())
{
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Name, e-mail or order code (MQ-…)"));
    m_search->setAccessibleName(tr("Find an order"));
    m_find = new QPushButton(tr("Find"), this);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_find);

    m_table = new QTableWidget(0, 5, this);
    m_table->setHorizontalHeaderLabels({tr("Order"), tr("Buyer"), tr("E-mail"), tr("Total"), tr("Status")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    m_detail = new QLabel(this);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_lines = new QListWidget(this);
    m_lines->setAccessibleName(tr("Order lines"));
    m_reprint = new QPushButton(tr("Reprint tickets"), this);
    m_refundLines = new QPushButton(tr("Refund checked lines"), this);
    m_refundAll = new QPushButton(tr("Refund whole order"), this);
    // A price difference: collected (or paid back) in cash, or at a card terminal.
    m_differenceCash = new QRadioButton(tr("Difference in cash"), this);
    m_differenceCash->setChecked(true);
    m_exchangeCash = new QLineEdit(this);
    m_exchangeCash->setPlaceholderText(tr("Cash for a price difference, e.g. 10.00"));
    m_differenceTerminal = new QRadioButton(tr("Difference at the card terminal"), this);
    m_differenceTerminalBox = new QComboBox(this);
    m_differenceTerminalBox->setAccessibleName(tr("Card terminal for the difference"));
    auto* differenceGroup = new QButtonGroup(this);
    differenceGroup->addButton(m_differenceCash);
    differenceGroup->addButton(m_differenceTerminal);
    auto* difference = new QFormLayout;
    difference->addRow(m_differenceCash, m_exchangeCash);
    difference->addRow(m_differenceTerminal, m_differenceTerminalBox);
    m_exchange = new QPushButton(tr("Exchange checked lines for the seats selected on the map"), this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_reprint);
    actions->addWidget(m_refundLines);
    actions->addWidget(m_refundAll);
    auto* outer = new QVBoxLayout(this);
    outer->addLayout(searchRow);
    outer->addWidget(m_table, 1);
    outer->addWidget(m_detail);
    outer->addWidget(m_lines, 1);
    outer->addLayout(actions);
    outer->addLayout(difference);
    outer->addWidget(m_exchange);
    outer->addWidget(m_message);

    connect(m_find, &QPushButton::clicked, this, &CounterPanel::find);
    connect(m_search, &QLineEdit::returnPressed, this, &CounterPanel::find);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty() && rows.first().row() < m_results.size())
            showOrder(m_results.at(rows.first().row()));
    });
    connect(m_reprint, &QPushButton::clicked, this, &CounterPanel::reprint);
    connect(m_refundLines, &QPushButton::clicked, this, &CounterPanel::refundLines);
    connect(m_refundAll, &QPushButton::clicked, this, &CounterPanel::refundAll);
    connect(m_exchange, &QPushButton::clicked, this, &CounterPanel::exchange);
    connect(m_counter, &CounterService::ordersFound, this, [this](const QString&, const QList<OrderInfo>& orders) {
        showResults(orders);
    });
    connect(m_counter, &CounterService::orderLoaded, this, &CounterPanel::showOrder);
    connect(m_counter, &CounterService::refunded, this, [this](const OrderInfo& order) {
        showOrder(order);
        m_message->setText(tr("Refunded: %1 paid back.").arg(format::money(order.payment.refundedMinor, order.currency)));
    });
    connect(m_counter, &CounterService::exchanged, this, [this](const OrderInfo& order) {
        m_exchangeHoldLive = false;
        m_session->booking()->reset(); // the exchange used the hold up
        showOrder(order);
        m_message->setText(tr("Seats exchanged; new tickets issued."));
    });
    connect(m_counter, &CounterService::failed, this, [this](const QString& message) {
        m_message->setText(message);
        if (std::exchange(m_exchangeHoldLive, false))
            m_session->booking()->releaseHold(); // the new seats go back
    });
    connect(session->booking(), &BookingService::stateChanged, this, [this](BookingService::State state) {
        if (state != BookingService::State::Held || !std::exchange(m_exchangeWhenHeld, false))
            return;
        ExchangeRequest request;
        request.orderId = m_order.id;
        request.lineNos = checkedLines();
        request.holdId = m_session->booking()->hold().holdId;
        if (m_differenceTerminal->isChecked()) {
            request.differenceMethod = PaymentMethod::CardTerminal;
            request.terminalId = m_differenceTerminalBox->currentText();
        } else {
            request.differenceMethod = PaymentMethod::Cash;
            request.cashTenderedMinor =
                format::parseMoney(m_exchangeCash->text(), format::currencyDigits(m_order.currency)).value_or(0);
        }
        m_exchangeHoldLive = m_counter->exchange(request);
    });
    connect(session->booking(), &BookingService::problemChanged, this, [this](BookingService::Problem problem, const QString& text) {
        if (problem != BookingService::Problem::None && std::exchange(m_exchangeWhenHeld, false))
            m_message->setText(text);
    });
    connect(session->booking(), &BookingService::paymentConfigChanged, this, &CounterPanel::fillTerminals);
    connect(m_differenceCash, &QRadioButton::toggled, this, &CounterPanel::updateButtons);
    fillTerminals();
    updateButtons();
}

void CounterPanel::fillTerminals()
{
    // The terminals the server offers box offices (none: the difference is settled in cash).
    const QString current = m_differenceTerminalBox->currentText();
    m_differenceTerminalBox->clear();
    if (const auto config = m_session->booking()->paymentConfig())
        m_differenceTerminalBox->addItems(config->terminalIds);
    m_differenceTerminalBox->setCurrentText(current);
    if (m_differenceTerminalBox->count() == 0)
        m_differenceCash->setChecked(true);
    updateButtons();
}

void CounterPanel::find()
{
    m_message->clear();
    m_counter->findOrders(m_search->text());
}

void CounterPanel::showResults(const QList<OrderInfo>& orders)
{
    m_results = orders;
    m_table->setRowCount(static_cast<int>(orders.size()));
    int row = 0;
    for (const OrderInfo& o : orders) {
        m_table->setItem(row, 0, new QTableWidgetItem(o.code));
        m_table->setItem(row, 1, new QTableWidgetItem(o.buyerName));
        m_table->setItem(row, 2, new QTableWidgetItem(o.buyerEmail));
        auto* total = new QTableWidgetItem(format::money(o.totalMinor, o.currency));
        total->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, 3, total);
        m_table->setItem(row, 4, new QTableWidgetItem(BookingService::orderStatusText(o)));
        ++row;
    }
    m_message->setText(orders.isEmpty() ? tr("No order matches.") : QString());
    if (orders.size() == 1)
        m_table->selectRow(0);
}

void CounterPanel::showOrder(const OrderInfo& order)
{
    m_order = order;
    for (OrderInfo& o : m_results)
        if (o.id == order.id)
            o = order;
    QString text = tr("<b>%1</b> · %2<br>%3 · %4<br>Paid %5 by %6")
                       .arg(order.code.toHtmlEscaped(), order.eventTitle.toHtmlEscaped(), order.buyerName.toHtmlEscaped(),
                            BookingService::orderStatusText(order).toHtmlEscaped(),
                            format::money(order.payment.amountMinor, order.currency),
                            order.payment.method == PaymentMethod::Cash           ? tr("cash")
                            : order.payment.method == PaymentMethod::CardTerminal ? tr("card terminal")
                                                                                  : tr("card online"));
    if (order.payment.refundedMinor > 0)
        text += QStringLiteral("<br>") + tr("Refunded %1").arg(format::money(order.payment.refundedMinor, order.currency));
    m_detail->setText(text);
    m_lines->clear();
    for (const OrderLineInfo& line : order.lines) {
        bool voided = false;
        for (const TicketInfo& t : order.tickets)
            if (t.lineNo == line.lineNo && t.voided)
                voided = true;
        auto* item = new QListWidgetItem(tr("%1 · %2 · %3%4")
                                             .arg(line.lineNo)
                                             .arg(line.label, format::money(line.totalMinor, order.currency),
                                                  voided ? tr(" (refunded)") : QString()),
                                         m_lines);
        item->setData(Qt::UserRole, line.lineNo);
        item->setFlags(voided ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        if (!voided)
            item->setCheckState(Qt::Unchecked);
    }
    if (!order.eventId.isEmpty() && order.eventId.compare(m_window->eventId(), Qt::CaseInsensitive) != 0)
        m_window->setEvent(order.eventId); // the map shows the order's event, for an exchange
    updateButtons();
}

QList<std::uint32_t> CounterPanel::checkedLines() const
{
    QList<std::uint32_t> lines;
    for (int i = 0; i < m_lines->count(); ++i)
        if (m_lines->item(i)->flags().testFlag(Qt::ItemIsUserCheckable) && m_lines->item(i)->checkState() == Qt::Checked)
            lines << m_lines->item(i)->data(Qt::UserRole).toUInt();
    return lines;
}

void CounterPanel::setLineChecked(std::uint32_t lineNo, bool checked)
{
    for (int i = 0; i < m_lines->count(); ++i)
        if (m_lines->item(i)->data(Qt::UserRole).toUInt() == lineNo && m_lines->item(i)->flags().testFlag(Qt::ItemIsUserCheckable))
            m_lines->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void CounterPanel::updateButtons()
{
    const bool confirmed = m_order.isValid() && m_order.status == OrderStatus::Confirmed;
    m_reprint->setEnabled(m_order.isValid() && !m_order.tickets.isEmpty());
    m_refundLines->setEnabled(confirmed);
    m_refundAll->setEnabled(confirmed);
    m_exchange->setEnabled(confirmed);
    const bool terminals = m_differenceTerminalBox->count() > 0;
    m_differenceTerminal->setEnabled(terminals);
    m_differenceTerminalBox->setEnabled(terminals && m_differenceTerminal->isChecked());
    m_exchangeCash->setEnabled(m_differenceCash->isChecked());
}

bool CounterPanel::reprint()
{
    if (!m_order.isValid()) {
        m_message->setText(tr("Choose an order first."));
        return false;
    }
    // A PDF reprint never overwrites the first print (the print service numbers it).
    const printing::PrintResult result = m_window->printService().printTickets(m_order);
    if (!result.ok) {
        m_message->setText(result.error);
        return false;
    }
    m_files << result.files;
    m_message->setText(result.files.isEmpty() ? tr("Tickets sent to the printer.")
                                              : tr("Saved to %1").arg(QDir::toNativeSeparators(result.files.join(QStringLiteral(", ")))));
    return true;
}

void CounterPanel::refundLines()
{
    const QList<std::uint32_t> lines = checkedLines();
    if (lines.isEmpty()) {
        m_message->setText(tr("Check the lines to refund."));
        return;
    }
    m_counter->refund(m_order.id, lines, tr("Refund at the box office"));
}

void CounterPanel::refundAll() { m_counter->refund(m_order.id, {}, tr("Refund at the box office")); }

void CounterPanel::exchange()
{
    const QList<std::uint32_t> lines = checkedLines();
    const QStringList seats = m_window->selectedSeatIds();
    if (lines.isEmpty() || seats.size() != lines.size()) {
        m_message->setText(tr("Check the lines to exchange and select as many new seats on the map."));
        return;
    }
    HoldRequest request;
    request.kind = HoldRequest::Kind::Seats;
    request.eventId = m_order.eventId;
    request.seatIds = seats;
    m_message->setText(tr("Holding the new seats…"));
    m_exchangeWhenHeld = m_session->booking()->holdSeats(request);
}

} // namespace marquee::client
