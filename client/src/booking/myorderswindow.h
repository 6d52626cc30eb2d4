// MyOrdersWindow: "My Orders & Tickets". The user's orders and their tickets from the local
// cache, so it works offline (and says so); each ticket shows its code, orders that the rules
// allow can be cancelled and refunded while online.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QVBoxLayout;

namespace marquee::client {

class ClientSession;
class OrderListModel;

class MyOrdersWindow : public QWidget {
    Q_OBJECT
public:
    explicit MyOrdersWindow(ClientSession* session, QWidget* parent = nullptr);

    OrderListModel* model() const { return m_model; }
    QTableView* orderView() const { return m_table; }
    QString noticeText() const;
    QString detailText() const;
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* exportPdfButton() const { return m_exportPdf; }
    int ticketCount() const; // tickets shown for the selected order
    void selectOrder(const QString& orderId);
    void cancelSelected(); // asks nothing: the button's confirmation is in the slot

private:
    void updateNotice();
    void showSelected();
    QString selectedOrderId() const;

    ClientSession* m_session;
    OrderListModel* m_model;
    QLabel* m_notice;
    QTableView* m_table;
    QLabel* m_detail;
    QTableWidget* m_lines;
    QWidget* m_tickets;
    QVBoxLayout* m_ticketsLayout;
    QPushButton* m_exportPdf;
    QPushButton* m_cancel;
    QLabel* m_result;
    quint64 m_cancelRequest = 0;
    QString m_keepSelected; // across a model refresh
};

} // namespace marquee::client
