// CheckoutDialog: the held seats with their prices, a visible countdown (urgent in the last
// minute) with Extend, buyer details, the payment method (card online for everyone; cash
// with change due or a card terminal for box-office roles), progress while paying, and the
// outcome: tickets when confirmed, "try another card" when declined (the hold stays), "pick
// seats again" when the hold expired, the taken seats when someone was faster.
#pragma once

#include "booking/bookingservice.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QVBoxLayout;

namespace marquee::client {

class ClientSession;

class CheckoutDialog : public QDialog {
    Q_OBJECT
public:
    enum class Page { Checkout, Confirmed, Expired };

    CheckoutDialog(ClientSession* session, QWidget* parent = nullptr);

    Page page() const;
    QString countdownText() const;
    bool countdownIsUrgent() const { return m_urgent; }
    QString messageText() const;
    QString totalText() const;
    QPushButton* payButton() const { return m_pay; }
    QPushButton* extendButton() const { return m_extend; }
    QComboBox* methodBox() const { return m_method; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* emailEdit() const { return m_email; }
    QLineEdit* cardNumberEdit() const { return m_cardNumber; }
    QLineEdit* cardExpiryEdit() const { return m_cardExpiry; }
    QLineEdit* cardCvcEdit() const { return m_cardCvc; }
    QLineEdit* tenderedEdit() const { return m_tendered; }
    QString changeDueText() const;
    QWidget* ticketsArea() const { return m_tickets; }

    // Fills the form and pays with the selected method (what the Pay button does).
    void pay();

Q_SIGNALS:
    void pickSeatsAgain(); // the hold expired or seats were taken: back to the seat map

private:
    void rebuildSummary();
    void updateCountdown(int seconds);
    void updateState();
    void updateMethod();
    void updateChangeDue();
    void showProblem();
    void showConfirmed();
    std::optional<qint64> tenderedMinor() const;
    qint64 estimatedTotal() const;
    QString currency() const;

    ClientSession* m_session;
    BookingService* m_booking;
    QStackedWidget* m_pages;
    QLabel* m_title;
    QLabel* m_countdown;
    QPushButton* m_extend;
    QTableWidget* m_lines;
    QLabel* m_total;
    QLineEdit* m_name;
    QLineEdit* m_email;
    QComboBox* m_method;
    QStackedWidget* m_methodPages;
    QLineEdit* m_cardNumber;
    QLineEdit* m_cardExpiry;
    QLineEdit* m_cardCvc;
    QLineEdit* m_tendered;
    QLabel* m_changeDue;
    QComboBox* m_terminal;
    QProgressBar* m_progress;
    QLabel* m_message;
    QPushButton* m_release;
    QPushButton* m_pay;
    // Confirmed page.
    QLabel* m_confirmedText;
    QWidget* m_tickets;
    QVBoxLayout* m_ticketsLayout;
    QPushButton* m_exportPdf;
    // Expired page.
    QLabel* m_expiredText;
    bool m_urgent = false;
};

} // namespace marquee::client
