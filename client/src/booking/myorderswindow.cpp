// MyOrdersWindow implementation.
#include "booking/myorderswindow.h"

#include "booking/bookingservice.h"
#include "booking/orderlistmodel.h"
#include "booking/ticketviews.h"
#include "models/eventformat.h"
#include "net/syncclient.h"
#include "services/clientsession.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace marquee::client {

MyOrdersWindow::MyOrdersWindow(ClientSession* session, QWidget* parent)
    : QWidget(parent, Qt::Window), m_session(session), m_model(new OrderListModel(session->booking(), this))
{
    setWindowTitle(tr("My Orders & Tickets"));
    resize(1000, 680);
    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("background:#fff4d6; color:#222; padding:6px; border:1px solid #e0c060;"));

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    for (int c = 0; c < OrderListModel::ColumnCount; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, c == OrderListModel::EventColumn ? QHeaderView::Stretch
                                                                                              : QHeaderView::ResizeToContents);

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    m_detail = new QLabel(detail);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lines = new QTableWidget(detail);
    setupOrderLinesTable(m_lines);
    m_lines->setMaximumHeight(150);
    auto* scroll = new QScrollArea(detail);
    scroll->setWidgetResizable(true);
    m_tickets = new QWidget(scroll);
    m_ticketsLayout = new QVBoxLayout(m_tickets);
    m_ticketsLayout->addStretch(1);
    scroll->setWidget(m_tickets);
    m_exportPdf = new QPushButton(tr("Save tickets as PDF…"), detail);
    m_cancel = new QPushButton(tr("Cancel order and refund"), detail);
    m_result = new QLabel(detail);
    m_result->setWordWrap(true);
    detailLayout->addWidget(m_detail);
    detailLayout->addWidget(m_lines);
    detailLayout->addWidget(scroll, 1);
    detailLayout->addWidget(m_exportPdf);
    detailLayout->addWidget(m_cancel);
    detailLayout->addWidget(m_result);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({540, 460});
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(m_notice);
    outer->addWidget(splitter, 1);

    BookingService* booking = session->booking();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MyOrdersWindow::showSelected);
    // A refresh from the change log keeps the order the user is looking at.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keepSelected = selectedOrderId(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_model->rowOf(m_keepSelected);
        if (row >= 0)
            m_table->selectRow(row);
        else if (m_model->rowCount() > 0)
            m_table->selectRow(0);
        showSelected();
    });
    connect(session, &ClientSession::stateChanged, this, [this] {
        updateNotice();
        showSelected();
    });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        if (current.isValid())
            saveOrderTicketsPdf(m_model->orderAt(current.row()), this);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(this, tr("Cancel order"),
                                                  tr("Cancel this order? The tickets become invalid and the "
                                                     "payment is refunded."));
        if (answer == QMessageBox::Yes)
            cancelSelected();
    });
    connect(booking, &BookingService::cancelFinished, this, [this](quint64 id, bool ok, const QString& message) {
        if (id != m_cancelRequest)
            return;
        m_cancelRequest = 0;
        m_result->setText(ok ? tr("The order was cancelled; the refund is on its way.") : message);
        showSelected();
    });
    updateNotice();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    showSelected();
}

QString MyOrdersWindow::noticeText() const { return m_notice->isVisible() ? m_notice->text() : QString(); }
QString MyOrdersWindow::detailText() const { return m_detail->text(); }
int MyOrdersWindow::ticketCount() const { return m_ticketsLayout->count() - 1; }

void MyOrdersWindow::updateNotice()
{
    QString text;
    if (!m_session->booking()->isOnline())
        text = tr("Offline: showing the orders and tickets saved on this device. Tickets can still be shown at "
                  "the entrance.");
    if (m_model->rowCount() == 0)
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + tr("No orders yet.");
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString MyOrdersWindow::selectedOrderId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->orderAt(current.row()).id : QString();
}

void MyOrdersWindow::selectOrder(const QString& orderId)
{
    const int row = m_model->rowOf(orderId);
    if (row >= 0)
        m_table->selectRow(row);
}

void MyOrdersWindow::showSelected()
{
    updateNotice();
    while (m_ticketsLayout->count() > 1) {
        QLayoutItem* item = m_ticketsLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const OrderInfo order = current.isValid() ? m_model->orderAt(current.row()) : OrderInfo{};
    BookingService* booking = m_session->booking();
    if (!order.isValid()) {
        m_detail->setText(tr("Select an order to see its tickets."));
        m_lines->setRowCount(0);
        m_cancel->setVisible(false);
        m_exportPdf->setVisible(false);
        return;
    }
    QString text = tr("<h3>%1</h3><p>%2<br>%3</p><p>Order <b>%4</b> · %5 · %6</p>")
                       .arg(order.eventTitle.toHtmlEscaped(),
                            format::eventDateTime(order.eventStartsAtMs, order.eventTimeZone).toHtmlEscaped(),
                            QString(order.venueName + QStringLiteral(", ") + order.venueAddress).toHtmlEscaped(),
                            order.code.toHtmlEscaped(), BookingService::orderStatusText(order),
                            format::money(order.totalMinor, order.currency));
    if (order.payment.refundedMinor > 0)
        text += tr("<p>Refunded: %1</p>").arg(format::money(order.payment.refundedMinor, order.currency));
    if (order.status == OrderStatus::Confirmed && order.attendeeCancelUntilMs > 0)
        text += tr("<p>You can cancel this order until %1.</p>")
                    .arg(format::eventDateTime(order.attendeeCancelUntilMs, order.eventTimeZone));
    m_detail->setText(text);
    fillOrderLines(m_lines, order);
    for (int i = 0; i < order.tickets.size(); ++i)
        m_ticketsLayout->insertWidget(i, createTicketView(order, order.tickets.at(i), m_tickets));
    m_exportPdf->setVisible(!order.tickets.isEmpty()); // from the cache: works offline
    const bool cancellable = booking->canCancel(order);
    m_cancel->setVisible(cancellable);
    m_cancel->setEnabled(cancellable && booking->isOnline() && m_cancelRequest == 0);
    m_cancel->setToolTip(booking->isOnline() ? QString() : tr("Cancelling needs a connection."));
}

void MyOrdersWindow::cancelSelected()
{
    const QString id = selectedOrderId();
    if (id.isEmpty())
        return;
    m_result->setText(tr("Cancelling…"));
    m_cancelRequest = m_session->booking()->cancelOrder(id, QStringLiteral("attendee"));
    m_cancel->setEnabled(false);
}

} // namespace marquee::client
