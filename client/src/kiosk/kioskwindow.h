// KioskWindow: `marquee --kiosk`. A full-screen, frameless, touch-first self-service window:
// attract screen → event tiles → seats (map or best available) → summary with the hold
// countdown → card terminal (or cash at a staffed kiosk) → progress → tickets and receipt
// printed → thank-you → attract. An idle timeout wipes the customer's session and releases
// their hold; staff unlock the menu with a PIN (long press on the corner button); the usual
// escape shortcuts and close requests do nothing while the kiosk is locked.
#pragma once

#include "kiosk/kiosksettings.h"
#include "printing/printservice.h"
#include "store/bookingrecords.h"
#include "store/records.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace marquee::core::seating {
struct Area;
struct Layout;
}

namespace marquee::client {
class ClientSession;
}

namespace marquee::client::kiosk {

class AttractScreen;
class CashScreen;
class DoneScreen;
class EventsScreen;
class IdleMonitor;
class LeasePage;
class ProcessingScreen;
class SeatsScreen;
class StaffScreen;
class SummaryScreen;

class KioskWindow : public QWidget {
    Q_OBJECT
public:
    enum class Screen { Attract, Events, Seats, Summary, Cash, Processing, Done, Staff };
    Q_ENUM(Screen)

    KioskWindow(ClientSession* session, KioskSettings settings, QString settingsPath, QWidget* parent = nullptr);
    ~KioskWindow() override;

    Screen screen() const;
    bool isLocked() const { return m_locked; }
    const KioskSettings& settings() const { return m_settings; }
    IdleMonitor* idleMonitor() const { return m_idle; }
    PinGate& pinGate() { return m_pinGate; }
    // How long the staff corner button must be held (default 2 s; tests shorten it).
    void setStaffHoldMs(int ms) { m_staffHold.setInterval(ms); }
    // How long "Printing your tickets…" waits for the issued tickets before it tells the
    // customer to see staff (default 60 s; tests shorten it).
    void setPrintWaitMs(int ms) { m_printWait.setInterval(ms); }
    // Overrides the settings' idle times in milliseconds (tests) until settings are saved.
    void setIdleTimeouts(int idleMs, int warningMs);
    QWidget* idleWarning() const { return m_idleWarning; }
    QString idleWarningText() const;
    // The events the tiles offer: upcoming, with a seat map, of the configured venue.
    QList<EventRow> saleableEvents() const;
    // The last print jobs (tickets, receipt) of the sale just finished.
    const printing::PrintResult& lastTicketPrint() const { return m_ticketPrint; }
    const printing::PrintResult& lastReceiptPrint() const { return m_receiptPrint; }

    AttractScreen* attractScreen() const { return m_attract; }
    EventsScreen* eventsScreen() const { return m_events; }
    SeatsScreen* seatsScreen() const { return m_seats; }
    SummaryScreen* summaryScreen() const { return m_summary; }
    CashScreen* cashScreen() const { return m_cash; }
    ProcessingScreen* processingScreen() const { return m_processing; }
    DoneScreen* doneScreen() const { return m_done; }
    StaffScreen* staffScreen() const { return m_staff; }
    LeasePage* leasePage() const { return m_leasePage; }

    // Back to the attract screen with nothing of the customer left (holds released).
    void wipeSession();

Q_SIGNALS:
    void screenChanged(marquee::client::kiosk::KioskWindow::Screen screen);
    void sessionWiped();
    void printed(const marquee::client::printing::PrintResult& tickets,
                 const marquee::client::printing::PrintResult& receipt);
    void leaveRequested(); // staff left kiosk mode: the application may quit

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void setScreen(Screen screen);
    void applyStyle();
    void applySettings();
    void showAttract();
    void startCustomer();
    void chooseEvent(const QString& eventId);
    void holdBest(int count);
    void holdSeats(const std::vector<std::uint32_t>& seats);
    void holdStanding(const QString& areaId, int count);
    const core::seating::Area* heldStandingArea() const; // the live hold's standing area, if any
    void onBookingChanged();
    void showSummary();
    void payByCard();
    void payByCash(qint64 tenderedMinor);
    void retryPayment();
    void cancelSale();
    void printWhenIssued();
    void openStaff();
    void onPinEntered(const QString& pin, int purpose);
    void saveStaffSettings();
    void leaveKioskMode();
    void showOfflineSummary();
    void sellOffline(qint64 tenderedMinor);
    void printAndFinish(const OrderInfo& order, bool soldOffline);
    bool isOffline() const;
    QString offlineNote(const QString& eventId) const;
    QString terminalId() const;
    QString outOfServiceReason() const;
    QString customerName() const;
    QString customerEmail() const;
    qint64 estimatedTotal(QString* currency) const;

    ClientSession* m_session;
    KioskSettings m_settings;
    QString m_settingsPath;
    printing::PrintService m_printer;
    IdleMonitor* m_idle;
    PinGate m_pinGate;
    QString m_newPin; // the first entry of a PIN change, until it is repeated
    QTimer m_staffHold;
    QTimer m_pinUnlock; // re-enables the PIN pad after a lock-out
    QTimer m_printWait; // bounds the wait for a paid order's tickets
    bool m_locked = true;

    QStackedWidget* m_stack;
    AttractScreen* m_attract;
    EventsScreen* m_events;
    SeatsScreen* m_seats;
    SummaryScreen* m_summary;
    CashScreen* m_cash;
    ProcessingScreen* m_processing;
    DoneScreen* m_done;
    StaffScreen* m_staff;
    LeasePage* m_leasePage;
    QWidget* m_idleWarning;
    QLabel* m_idleWarningText;

    QString m_eventId;
    QString m_eventTitle;
    QStringList m_offlineSeats; // offline: the leased seats the customer is buying (no hold needed)
    std::shared_ptr<const core::seating::Layout> m_layout;
    enum class PayMethod { None, Terminal, Cash } m_lastMethod = PayMethod::None;
    QString m_printedOrderId;
    printing::PrintResult m_ticketPrint;
    printing::PrintResult m_receiptPrint;
};

} // namespace marquee::client::kiosk
