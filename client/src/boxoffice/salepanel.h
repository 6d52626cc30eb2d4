// SalePanel: a walk-up sale at the counter, no account needed. Seats picked on the map or best
// available N; cash (tendered through big amount buttons or typed, change due shown) or the card
// terminal; standing places of a general-admission area (online: held against the area's
// capacity like any hold); then tickets and a receipt printed or saved as PDF. Online the sale goes through
// BookingService (hold, then CreateOrder as the staff member); offline through
// OfflineSaleService from this device's lease.
#pragma once

#include "printing/printtarget.h"
#include "store/bookingrecords.h"

#include <QStringList>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace marquee::client {

class BoxOfficeWindow;
class ClientSession;

class SalePanel : public QWidget {
    Q_OBJECT
public:
    SalePanel(ClientSession* session, BoxOfficeWindow* window, QWidget* parent = nullptr);

    // The seats the sale is for: the live hold online, else the map's selection.
    QStringList saleSeatIds() const;
    // What is due: exact offline (the lease priced it); online the tickets' price before fees.
    qint64 amountDueMinor() const;
    QString currency() const;
    // Online: the standing places the live hold is for (0 when it holds seats or nothing).
    int heldStandingPlaces() const;
    OrderInfo lastOrder() const { return m_lastOrder; }
    QStringList lastFiles() const { return m_lastFiles; }

    QSpinBox* bestCount() const { return m_bestCount; }
    QPushButton* bestButton() const { return m_best; }
    QComboBox* standingAreaBox() const { return m_standingArea; }
    QSpinBox* standingCount() const { return m_standingCount; }
    QPushButton* standingButton() const { return m_holdStanding; }
    QRadioButton* cashButton() const { return m_cash; }
    QRadioButton* terminalButton() const { return m_terminal; }
    QLineEdit* tenderedEdit() const { return m_tendered; }
    QList<QPushButton*> quickCashButtons() const { return m_quickCash; }
    QLabel* changeDueLabel() const { return m_changeDue; }
    QLabel* dueLabel() const { return m_due; }
    QComboBox* terminalBox() const { return m_terminalBox; }
    QLineEdit* terminalReferenceEdit() const { return m_terminalReference; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* emailEdit() const { return m_email; }
    QPushButton* sellButton() const { return m_sell; }
    QLabel* messageLabel() const { return m_message; }
    QLabel* resultLabel() const { return m_result; }
    QPushButton* printTicketsButton() const { return m_printTickets; }
    QPushButton* printReceiptButton() const { return m_printReceipt; }

public Q_SLOTS:
    void refresh();
    void pickBestAvailable();
    void holdStandingPlaces();
    void sell();
    bool printTickets();
    bool printReceipt();

Q_SIGNALS:
    void sold(const marquee::client::OrderInfo& order);

private:
    std::optional<qint64> tendered() const;
    void addCash(qint64 minor);
    void updateChangeDue();
    void fillStandingAreas();
    void payHeld();
    QString buyerEmail() const;
    void finishSale(const OrderInfo& order, qint64 changeDueMinor);
    void showMessage(const QString& text, bool error = true);
    bool report(const printing::PrintResult& result, const QString& printedText);

    ClientSession* m_session;
    BoxOfficeWindow* m_window;
    bool m_payWhenHeld = false;
    OrderInfo m_lastOrder;
    QStringList m_lastFiles;

    QSpinBox* m_bestCount;
    QPushButton* m_best;
    QWidget* m_standingRow;
    QComboBox* m_standingArea;
    QSpinBox* m_standingCount;
    QPushButton* m_holdStanding;
    QString m_standingFor; // the event whose areas the combo box lists
    QLabel* m_seats;
    QLabel* m_due;
    QRadioButton* m_cash;
    QRadioButton* m_terminal;
    QStackedWidget* m_methodPages;
    QLineEdit* m_tendered;
    QList<QPushButton*> m_quickCash;
    QLabel* m_changeDue;
    QComboBox* m_terminalBox;
    QLineEdit* m_terminalReference;
    QLineEdit* m_name;
    QLineEdit* m_email;
    QPushButton* m_sell;
    QLabel* m_message;
    QLabel* m_result;
    QPushButton* m_printTickets;
    QPushButton* m_printReceipt;
};

} // namespace marquee::client
