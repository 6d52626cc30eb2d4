// Ticket views and order-line tables (see ticketviews.h).
#include "booking/ticketviews.h"

#include "marquee/v1/order.pb.h"
#include "models/eventformat.h"
#include "net/protobytes.h"
#include "tickets/ticketpdf.h"
#include "tickets/ticketwidget.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableWidget>

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
    auto* widget = new tickets::TicketWidget(parent);
    widget->setObjectName(QStringLiteral("ticket"));
    v1::Order message;
    if (parseMessage(message, order.encoded)) {
        for (const v1::Ticket& t : message.tickets())
            if (QString::fromStdString(t.id()) == ticket.id)
                widget->setTicket(message, t);
    }
    widget->setAccessibleName(TicketViews::tr("Ticket %1, %2").arg(ticket.label, order.eventTitle));
    return widget;
}

bool exportOrderTicketsPdf(const OrderInfo& order, const QString& path, QString* error)
{
    v1::Order message;
    if (!parseMessage(message, order.encoded)) {
        if (error)
            *error = TicketViews::tr("The order could not be read.");
        return false;
    }
    return tickets::exportTicketsPdf(message, path, error);
}

void saveOrderTicketsPdf(const OrderInfo& order, QWidget* parent)
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(TicketViews::tr("Tickets %1.pdf").arg(order.code));
    const QString path = QFileDialog::getSaveFileName(parent, TicketViews::tr("Save tickets as PDF"), suggested,
                                                      TicketViews::tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportOrderTicketsPdf(order, path, &error))
        QMessageBox::warning(parent, TicketViews::tr("Save tickets as PDF"), error);
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
