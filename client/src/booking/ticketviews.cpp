// Ticket views and order-line tables (see ticketviews.h).
#include "booking/ticketviews.h"

#include "models/eventformat.h"

#include <QCoreApplication>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

// Translation context of these free functions.
struct TicketViews {
    Q_DECLARE_TR_FUNCTIONS(TicketViews)
};

QTableWidgetItem* moneyItem(qint64 minor, const QString& currency)
{
    auto* item = new QTableWidgetItem(format::money(minor, currency));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

QWidget* createTicketView(const OrderInfo& order, const TicketInfo& ticket, QWidget* parent)
{
    auto* frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setObjectName(QStringLiteral("ticket"));
    auto* layout = new QVBoxLayout(frame);
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(order.eventTitle.toHtmlEscaped()), frame);
    auto* when = new QLabel(format::eventDateTime(order.eventStartsAtMs, order.eventTimeZone) + QStringLiteral(" · ")
                                + order.venueName,
                            frame);
    auto* seat = new QLabel(TicketViews::tr("Seat: %1").arg(ticket.label), frame);
    auto* holder = new QLabel(TicketViews::tr("Name: %1 · Order %2").arg(ticket.holderName, order.code), frame);
    auto* code = new QLabel(ticket.code, frame);
    code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    code->setWordWrap(true);
    code->setStyleSheet(QStringLiteral("font-family: monospace; color: #555;"));
    for (QLabel* label : {title, when, seat, holder})
        label->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(when);
    layout->addWidget(seat);
    layout->addWidget(holder);
    layout->addWidget(code);
    if (ticket.voided) {
        auto* voided = new QLabel(TicketViews::tr("VOID — this ticket is no longer valid."), frame);
        voided->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
        layout->addWidget(voided);
    }
    return frame;
}

void setupOrderLinesTable(QTableWidget* table)
{
    table->setColumnCount(6);
    table->setHorizontalHeaderLabels({TicketViews::tr("Seat"), TicketViews::tr("Category"), TicketViews::tr("Price"), TicketViews::tr("Fee"), TicketViews::tr("Tax"), TicketViews::tr("Total")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setShowGrid(false);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 6; ++c)
        table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
}

void fillOrderLines(QTableWidget* table, const OrderInfo& order)
{
    table->setRowCount(static_cast<int>(order.lines.size()));
    for (int r = 0; r < order.lines.size(); ++r) {
        const OrderLineInfo& line = order.lines.at(r);
        table->setItem(r, 0, new QTableWidgetItem(line.label));
        table->setItem(r, 1, new QTableWidgetItem(line.priceCategoryName));
        table->setItem(r, 2, moneyItem(line.priceMinor, order.currency));
        table->setItem(r, 3, moneyItem(line.feeMinor, order.currency));
        table->setItem(r, 4, moneyItem(line.taxMinor, order.currency));
        table->setItem(r, 5, moneyItem(line.totalMinor, order.currency));
    }
}

} // namespace marquee::client
