// The kiosk's staff screen: the PIN pad (unlock, and setting a new PIN twice), then the staff
// menu: idle timeout, cash at a staffed kiosk, card terminal, printer or PDF folder, ticket
// paper, the seats leased for offline sale (LeasePage), and leaving kiosk mode. KioskWindow
// checks the PIN and applies the settings.
#pragma once

#include "kiosk/kiosksettings.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace marquee::client::kiosk {

class LeasePage;
class OnScreenKeypad;

class StaffScreen : public QWidget {
    Q_OBJECT
public:
    enum class PinPurpose { Unlock, NewPin, RepeatPin };

    explicit StaffScreen(QWidget* parent = nullptr);

    void showPinPad(PinPurpose purpose);
    PinPurpose pinPurpose() const { return m_purpose; }
    void setPinMessage(const QString& text, bool problem);
    QString pinMessage() const;
    void setPinEnabled(bool enabled); // off while locked out

    // The menu with the current settings; terminals are those the server offers.
    void showMenu(const KioskSettings& settings, const QString& status, const QStringList& terminals,
                  const QStringList& printers);
    bool isMenuShown() const;
    // The lease page, made by KioskWindow (it needs the session); "Back" on it shows the menu.
    void setLeasePage(LeasePage* page);
    void showLeasePage();
    bool isLeasePageShown() const;
    KioskSettings editedSettings() const { return m_settings; }
    void setMenuMessage(const QString& text);

    QLineEdit* pinEdit() const { return m_pin; }
    OnScreenKeypad* pinKeypad() const { return m_keypad; }
    QPushButton* pinBackButton() const { return m_pinBack; }
    QPushButton* idleMinusButton() const { return m_idleMinus; }
    QPushButton* idlePlusButton() const { return m_idlePlus; }
    QPushButton* cashButton() const { return m_cash; }
    QPushButton* terminalButton() const { return m_terminal; }
    QPushButton* printerButton() const { return m_printer; }
    QPushButton* paperButton() const { return m_paper; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* changePinButton() const { return m_changePin; }
    QPushButton* leaveButton() const { return m_leave; }
    QPushButton* leasesButton() const { return m_leases; }
    QPushButton* backButton() const { return m_back; }

Q_SIGNALS:
    void pinEntered(const QString& pin, marquee::client::kiosk::StaffScreen::PinPurpose purpose);
    void saveRequested();
    void changePinRequested();
    void leaveRequested();
    void leasesRequested();
    void back();

private:
    void refreshMenu();

    QStackedWidget* m_pages;
    PinPurpose m_purpose = PinPurpose::Unlock;
    QLabel* m_pinTitle;
    QLineEdit* m_pin;
    OnScreenKeypad* m_keypad;
    QLabel* m_pinMessage;
    QPushButton* m_pinBack;

    KioskSettings m_settings;
    QStringList m_terminals;
    QStringList m_printers;
    QLabel* m_status;
    QLabel* m_idle;
    QPushButton* m_idleMinus;
    QPushButton* m_idlePlus;
    QPushButton* m_cash;
    QPushButton* m_terminal;
    QPushButton* m_printer;
    QPushButton* m_paper;
    QLabel* m_menuMessage;
    QPushButton* m_save;
    QPushButton* m_changePin;
    QPushButton* m_leave;
    QPushButton* m_leases;
    LeasePage* m_leasePage = nullptr;
    QPushButton* m_back;
};

} // namespace marquee::client::kiosk
