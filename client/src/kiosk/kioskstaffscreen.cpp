// StaffScreen implementation.
#include "kiosk/kioskstaffscreen.h"

#include "kiosk/keypad.h"
#include "kiosk/kiosklease.h"
#include "kiosk/kioskscreens.h"
#include "kiosk/touchmetrics.h"

#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace marquee::client::kiosk {

namespace {

constexpr int kIdleStepSeconds = 10;

// The next entry after `current` in `options` (the first when absent); cycles.
QString nextOf(const QStringList& options, const QString& current)
{
    if (options.isEmpty())
        return current;
    const qsizetype at = options.indexOf(current);
    return options.at(at < 0 ? 0 : (at + 1) % options.size());
}

} // namespace

StaffScreen::StaffScreen(QWidget* parent) : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages);

    // --- PIN pad.
    auto* pinPage = new QWidget(m_pages);
    auto* pinLayout = new QHBoxLayout(pinPage);
    auto* pinLeft = new QVBoxLayout;
    m_pinTitle = makeTitle(QString(), pinPage);
    pinLeft->addWidget(m_pinTitle);
    m_pin = new QLineEdit(pinPage);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(12);
    m_pin->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,12}")), m_pin));
    m_pin->setMinimumHeight(mmToPixels(kButtonMm, screenOf(this)));
    m_pin->setAccessibleName(tr("Staff PIN"));
    pinLeft->addWidget(m_pin);
    m_pinMessage = new QLabel(pinPage);
    m_pinMessage->setWordWrap(true);
    pinLeft->addWidget(m_pinMessage);
    pinLeft->addStretch(1);
    m_pinBack = makeButton(tr("◀ Back"), pinPage);
    pinLeft->addWidget(m_pinBack);
    pinLayout->addLayout(pinLeft, 1);
    m_keypad = new OnScreenKeypad(OnScreenKeypad::Mode::Digits, pinPage);
    m_keypad->setTarget(m_pin);
    auto* keypadColumn = new QVBoxLayout;
    keypadColumn->addWidget(m_keypad);
    keypadColumn->addStretch(1);
    pinLayout->addLayout(keypadColumn, 1);
    m_pages->addWidget(pinPage);

    // --- Menu.
    auto* menu = new QWidget(m_pages);
    auto* menuLayout = new QVBoxLayout(menu);
    menuLayout->addWidget(makeTitle(tr("Staff menu"), menu));
    m_status = new QLabel(menu);
    m_status->setWordWrap(true);
    menuLayout->addWidget(m_status);
    auto* grid = new QGridLayout;
    grid->setSpacing(mmToPixels(2, screenOf(this)));
    grid->addWidget(new QLabel(tr("Back to the start after:"), menu), 0, 0);
    auto* idleRow = new QHBoxLayout;
    m_idleMinus = makeButton(tr("−"), menu);
    m_idleMinus->setAccessibleName(tr("Shorter idle timeout"));
    m_idle = new QLabel(menu);
    m_idle->setAlignment(Qt::AlignCenter);
    m_idlePlus = makeButton(tr("+"), menu);
    m_idlePlus->setAccessibleName(tr("Longer idle timeout"));
    idleRow->addWidget(m_idleMinus);
    idleRow->addWidget(m_idle, 1);
    idleRow->addWidget(m_idlePlus);
    grid->addLayout(idleRow, 0, 1);
    grid->addWidget(new QLabel(tr("Cash payments:"), menu), 1, 0);
    m_cash = makeButton(QString(), menu);
    grid->addWidget(m_cash, 1, 1);
    grid->addWidget(new QLabel(tr("Card terminal:"), menu), 2, 0);
    m_terminal = makeButton(QString(), menu);
    grid->addWidget(m_terminal, 2, 1);
    grid->addWidget(new QLabel(tr("Print to:"), menu), 3, 0);
    m_printer = makeButton(QString(), menu);
    grid->addWidget(m_printer, 3, 1);
    grid->addWidget(new QLabel(tr("Ticket paper:"), menu), 4, 0);
    m_paper = makeButton(QString(), menu);
    grid->addWidget(m_paper, 4, 1);
    grid->addWidget(new QLabel(tr("Offline sales:"), menu), 5, 0);
    m_leases = makeButton(tr("Seats leased to this kiosk…"), menu);
    grid->addWidget(m_leases, 5, 1);
    grid->setColumnStretch(1, 1);
    menuLayout->addLayout(grid);
    m_menuMessage = new QLabel(menu);
    m_menuMessage->setWordWrap(true);
    menuLayout->addWidget(m_menuMessage);
    menuLayout->addStretch(1);
    auto* actions = new QHBoxLayout;
    m_back = makeButton(tr("◀ Back to the kiosk"), menu);
    m_changePin = makeButton(tr("Change PIN"), menu);
    m_leave = makeButton(tr("Leave kiosk mode"), menu);
    m_save = makeButton(tr("Save settings"), menu, true);
    actions->addWidget(m_back);
    actions->addWidget(m_changePin);
    actions->addWidget(m_leave);
    actions->addStretch(1);
    actions->addWidget(m_save);
    menuLayout->addLayout(actions);
    m_pages->addWidget(menu);

    connect(m_keypad, &OnScreenKeypad::accepted, this, [this] {
        const QString pin = m_pin->text();
        m_pin->clear(); // the PIN lives only until it is checked
        Q_EMIT pinEntered(pin, m_purpose);
    });
    connect(m_pinBack, &QPushButton::clicked, this, [this] {
        m_pin->clear();
        Q_EMIT back();
    });
    connect(m_idleMinus, &QPushButton::clicked, this, [this] {
        m_settings.idleSeconds = std::max(KioskSettings::kMinIdleSeconds, m_settings.idleSeconds - kIdleStepSeconds);
        refreshMenu();
    });
    connect(m_idlePlus, &QPushButton::clicked, this, [this] {
        m_settings.idleSeconds = std::min(KioskSettings::kMaxIdleSeconds, m_settings.idleSeconds + kIdleStepSeconds);
        refreshMenu();
    });
    connect(m_cash, &QPushButton::clicked, this, [this] {
        m_settings.staffedCash = !m_settings.staffedCash;
        refreshMenu();
    });
    connect(m_terminal, &QPushButton::clicked, this, [this] {
        m_settings.terminalId = nextOf(m_terminals, m_settings.terminalId);
        refreshMenu();
    });
    connect(m_printer, &QPushButton::clicked, this, [this] {
        // An empty name is the PDF folder; then each printer Qt knows.
        m_settings.print.printerName = nextOf(QStringList{QString()} + m_printers, m_settings.print.printerName);
        refreshMenu();
    });
    connect(m_paper, &QPushButton::clicked, this, [this] {
        m_settings.print.ticketPaper = m_settings.print.ticketPaper == printing::Paper::A6 ? printing::Paper::Roll80mm
                                                                                          : printing::Paper::A6;
        refreshMenu();
    });
    connect(m_save, &QPushButton::clicked, this, &StaffScreen::saveRequested);
    connect(m_changePin, &QPushButton::clicked, this, &StaffScreen::changePinRequested);
    connect(m_leave, &QPushButton::clicked, this, &StaffScreen::leaveRequested);
    connect(m_back, &QPushButton::clicked, this, &StaffScreen::back);
    connect(m_leases, &QPushButton::clicked, this, &StaffScreen::leasesRequested);
    showPinPad(PinPurpose::Unlock);
}

void StaffScreen::showPinPad(PinPurpose purpose)
{
    m_purpose = purpose;
    m_pin->clear();
    switch (purpose) {
    case PinPurpose::Unlock:
        m_pinTitle->setText(tr("Staff PIN"));
        m_keypad->setEnterText(tr("Unlock"));
        break;
    case PinPurpose::NewPin:
        m_pinTitle->setText(tr("New staff PIN (4 to 12 digits)"));
        m_keypad->setEnterText(tr("Next"));
        break;
    case PinPurpose::RepeatPin:
        m_pinTitle->setText(tr("The new PIN again"));
        m_keypad->setEnterText(tr("Set PIN"));
        break;
    }
    setPinMessage(QString(), false);
    setPinEnabled(true);
    m_pages->setCurrentIndex(0);
}

void StaffScreen::setPinMessage(const QString& text, bool problem)
{
    m_pinMessage->setText(text);
    setStyleRole(m_pinMessage, "role", problem ? QStringLiteral("problem") : QString());
}

QString StaffScreen::pinMessage() const { return m_pinMessage->text(); }

void StaffScreen::setPinEnabled(bool enabled)
{
    m_pin->setEnabled(enabled);
    m_keypad->setEnabled(enabled);
}

void StaffScreen::showMenu(const KioskSettings& settings, const QString& status, const QStringList& terminals,
                           const QStringList& printers)
{
    m_settings = settings;
    m_terminals = terminals;
    m_printers = printers;
    m_status->setText(status);
    m_menuMessage->clear();
    refreshMenu();
    m_pages->setCurrentIndex(1);
}

bool StaffScreen::isMenuShown() const { return m_pages->currentIndex() == 1; }

void StaffScreen::setLeasePage(LeasePage* page)
{
    m_leasePage = page;
    m_pages->addWidget(page);
    connect(page, &LeasePage::back, this, [this] { m_pages->setCurrentIndex(1); });
}

void StaffScreen::showLeasePage()
{
    if (m_leasePage)
        m_pages->setCurrentWidget(m_leasePage);
}

bool StaffScreen::isLeasePageShown() const { return m_leasePage && m_pages->currentWidget() == m_leasePage; }

void StaffScreen::setMenuMessage(const QString& text) { m_menuMessage->setText(text); }

void StaffScreen::refreshMenu()
{
    m_idle->setText(tr("%n second(s) without a touch", nullptr, m_settings.idleSeconds));
    m_idleMinus->setEnabled(m_settings.idleSeconds > KioskSettings::kMinIdleSeconds);
    m_idlePlus->setEnabled(m_settings.idleSeconds < KioskSettings::kMaxIdleSeconds);
    m_cash->setText(m_settings.staffedCash ? tr("On: staff take cash at this kiosk") : tr("Off: card only"));
    m_terminal->setText(m_settings.terminalId.isEmpty()
                            ? (m_terminals.isEmpty() ? tr("None offered by the server") : tr("First available"))
                            : m_settings.terminalId);
    m_terminal->setEnabled(!m_terminals.isEmpty());
    m_printer->setText(m_settings.print.printsToPdf()
                           ? tr("PDF files in %1").arg(QDir::toNativeSeparators(m_settings.print.pdfDirectory))
                           : tr("Printer %1").arg(m_settings.print.printerName));
    m_paper->setText(m_settings.print.ticketPaper == printing::Paper::Roll80mm ? tr("80 mm roll")
                                                                             : tr("A6 ticket stock"));
}

} // namespace marquee::client::kiosk
