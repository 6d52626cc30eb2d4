// CounterPanel: counter operations on an existing order. Find it by name, e-mail or order code,
// see its lines and payment, reprint its tickets, refund it whole or selected lines, or
// exchange selected lines for seats picked on the map (held first, then ExchangeSeats), a price
// difference settled in cash or at a card terminal the server offers.
#pragma once

#include "store/bookingrecords.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace marquee::client {

class BoxOfficeWindow;
class ClientSession;
class CounterService;

class CounterPanel : public QWidget {
    Q_OBJECT
public:
    CounterPanel(ClientSession* session, BoxOfficeWindow* window, QWidget* parent = nullptr);

    OrderInfo currentOrder() const { return m_order; }
    QList<std::uint32_t> checkedLines() const;
    void setLineChecked(std::uint32_t lineNo, bool checked);
    QList<OrderInfo> results() const { return m_results; }

    QLineEdit* searchEdit() const { return m_search; }
    QPushButton* findButton() const { return m_find; }
    QTableWidget* resultTable() const { return m_table; }
    QListWidget* lineList() const { return m_lines; }
    QLabel* detailLabel() const { return m_detail; }
    QPushButton* reprintButton() const { return m_reprint; }
    QPushButton* refundLinesButton() const { return m_refundLines; }
    QPushButton* refundAllButton() const { return m_refundAll; }
    QPushButton* exchangeButton() const { return m_exchange; }
    QLineEdit* exchangeCashEdit() const { return m_exchangeCash; }
    QRadioButton* differenceCashButton() const { return m_differenceCash; }
    QRadioButton* differenceTerminalButton() const { return m_differenceTerminal; }
    QComboBox* differenceTerminalBox() const { return m_differenceTerminalBox; }
    QLabel* messageLabel() const { return m_message; }
    QStringList reprintedFiles() const { return m_files; }

public Q_SLOTS:
    void find();
    void showOrder(const marquee::client::OrderInfo& order);
    bool reprint();
    void refundLines();
    void refundAll();
    void exchange();

private:
    void showResults(const QList<OrderInfo>& orders);
    void updateButtons();
    void fillTerminals();

    ClientSession* m_session;
    BoxOfficeWindow* m_window;
    CounterService* m_counter;
    QList<OrderInfo> m_results;
    OrderInfo m_order;
    bool m_exchangeWhenHeld = false;
    bool m_exchangeHoldLive = false; // ExchangeSeats sent with the hold: released if refused
    QStringList m_files;

    QLineEdit* m_search;
    QPushButton* m_find;
    QTableWidget* m_table;
    QLabel* m_detail;
    QListWidget* m_lines;
    QPushButton* m_reprint;
    QPushButton* m_refundLines;
    QPushButton* m_refundAll;
    QRadioButton* m_differenceCash;
    QLineEdit* m_exchangeCash;
    QRadioButton* m_differenceTerminal;
    QComboBox* m_differenceTerminalBox;
    QPushButton* m_exchange;
    QLabel* m_message;
};

} // namespace marquee::client
