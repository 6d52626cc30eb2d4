// Kiosk mode end to end, offscreen, against the real server (PostgreSQL, order saga) and the
// real payment sandbox's card terminal: attract → events → best available 2 → card terminal →
// printed PDF tickets (their QR codes decode to valid signed tickets) and receipt; a declined
// card offers "try again" on the same hold; a staffed kiosk takes cash with change due on the
// receipt; the idle timeout wipes the session and the server frees the seats; the staff PIN
// (wrong, rate-limited, right) opens the menu whose settings are saved; the escape shortcuts
// and close requests do nothing until staff leave kiosk mode. Every screen is saved as PNG
// when MARQUEE_SCREENSHOT_DIR is set.
#include "boxofficehelpers.h"
#include "checkouthelpers.h"
#include "kioskhelpers.h"

#include "booking/bookingservice.h"
#include "boxoffice/offlinesaleservice.h"
#include "kiosk/idlemonitor.h"
#include "kiosk/kiosklease.h"
#include "kiosk/kioskstaffscreen.h"
#include "kiosk/touchmetrics.h"
#include "models/eventformat.h"
#include "tickets/ticketverifier.h"

#include <QDir>
#include <QLineEdit>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::kiosk;
using namespace marquee::client::testing;
using marquee::testing::SandboxProcess;
using marquee::testing::TestServer;
using Screen = KioskWindow::Screen;

namespace {

const QString kKioskAccount = QStringLiteral("kiosk1@example.org");
const QString kPin = QStringLiteral("2468");
const QString kClubVenue = QStringLiteral("66f57375-0706-519a-837e-c643494c1dac"); // SO36: a standing floor

} // namespace

class TestKioskServer : public QObject {
    Q_OBJECT

    SandboxProcess m_sandbox;
    TestServer m_server;
    QTemporaryDir m_dataDir;
    QTemporaryDir m_printDir;
    std::unique_ptr<ClientSession> m_session;
    QString m_pinHash;
    QString m_settingsPath;

    std::unique_ptr<KioskWindow> openKiosk(const KioskSettings& settings)
    {
        settings.save(m_settingsPath);
        auto kiosk = std::make_unique<KioskWindow>(m_session.get(), settings, m_settingsPath);
        kiosk->resize(1280, 800);
        kiosk->show();
        if (!QTest::qWaitForWindowExposed(kiosk.get()))
            qWarning() << "the kiosk window was not exposed";
        return kiosk;
    }

    KioskSettings baseSettings() const { return kioskSettings(m_printDir.path(), m_pinHash); }

    bool holdsOnServer(const QString& holdId) const
    {
        return m_server.query(QStringLiteral("SELECT count(*) FROM seat_claims WHERE hold_id = '%1'").arg(holdId)).value(0)
            != QLatin1String("0");
    }

    // Long press on the staff corner, then the PIN typed on the keypad.
    void enterPin(KioskWindow& kiosk, const QString& pin)
    {
        StaffScreen* staff = kiosk.staffScreen();
        QVERIFY(typeOn(staff->pinKeypad(), pin));
        QVERIFY(tap(staff->pinKeypad()->enterKey()));
    }

    void openStaffPad(KioskWindow& kiosk)
    {
        kiosk.setStaffHoldMs(50);
        QPushButton* corner = kiosk.attractScreen()->staffButton();
        QTest::mousePress(corner, Qt::LeftButton);
        QVERIFY(waitScreen(kiosk, Screen::Staff));
        QTest::mouseRelease(corner, Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        QString error;
        QVERIFY2(m_sandbox.start(&error), qPrintable(error));
        QVERIFY2(m_server.start(&error, terminalServerArgs(m_sandbox)), qPrintable(error + m_server.serverLog()));
        QVERIFY(m_server.createUser(kAdminEmail, kPassword, QStringLiteral("admin")));
        QVERIFY(m_server.createUser(kKioskAccount, kPassword, QStringLiteral("staff")));
        m_session = loggedInSession(m_dataDir.path(), m_server.wsUrl(), kKioskAccount);
        QVERIFY(m_session);
        m_session->booking()->requestPaymentConfig();
        QVERIFY(QTest::qWaitFor([&] { return m_session->booking()->paymentConfig().has_value(); }, kTimeoutMs));
        QVERIFY(m_session->booking()->paymentConfig()->terminalIds.contains(QString::fromLatin1(SandboxProcess::kReader)));
        m_pinHash = hashPin(kPin);
        QVERIFY(m_pinHash.startsWith(QStringLiteral("$argon2id$")));
        m_settingsPath = KioskSettings::defaultPath(m_dataDir.path());
    }

    void cardSalePrintsTicketsAndReceipt()
    {
        auto kiosk = openKiosk(baseSettings());
        QCOMPARE(kiosk->screen(), Screen::Attract);
        QVERIFY2(kiosk->attractScreen()->upcomingText().contains(QStringLiteral("Coming up")),
                 qPrintable(kiosk->attractScreen()->upcomingText()));
        QVERIFY(!kiosk->saleableEvents().isEmpty());
        screenshot(kiosk.get(), QStringLiteral("kiosk-1-attract"));
        // Every target a finger needs is at least 9 mm (this screen's physical DPI).
        const int nineMm = mmToPixelsForTest(kiosk.get());
        QVERIFY(kiosk->attractScreen()->startButton()->height() >= nineMm);
        QVERIFY(kiosk->attractScreen()->staffButton()->height() >= nineMm);

        // Attract → events.
        QVERIFY(tap(kiosk->attractScreen()->startButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Events));
        const auto tiles = kiosk->eventsScreen()->tiles();
        QVERIFY(!tiles.isEmpty());
        for (QPushButton* tile : tiles)
            QVERIFY(tile->height() >= nineMm && tile->width() >= nineMm);
        screenshot(kiosk.get(), QStringLiteral("kiosk-2-events"));
        QVERIFY(tap(tiles.first()));
        QVERIFY(waitScreen(*kiosk, Screen::Seats));
        SeatsScreen* seats = kiosk->seatsScreen();
        QVERIFY(QTest::qWaitFor([&] { return seats->seatMap()->hasStatus(); }, kTimeoutMs));
        // The stepper: up to 3, back down to 2.
        QVERIFY(tap(seats->plusButton()));
        QCOMPARE(seats->count(), 3);
        QVERIFY(tap(seats->minusButton()));
        QCOMPARE(seats->count(), 2);
        QVERIFY(seats->plusButton()->height() >= nineMm && seats->minusButton()->width() >= nineMm);
        screenshot(kiosk.get(), QStringLiteral("kiosk-3-seats"));
        QVERIFY(tap(seats->bestButton()));
        QVERIFY2(waitScreen(*kiosk, Screen::Summary), qPrintable(seats->messageText()));

        // Summary: two held seats, the countdown, card payment offered, no cash (unstaffed).
        BookingService* booking = m_session->booking();
        QCOMPARE(booking->hold().seats.size(), 2);
        const QString holdId = booking->hold().holdId;
        QVERIFY(holdsOnServer(holdId));
        SummaryScreen* summary = kiosk->summaryScreen();
        QVERIFY2(summary->countdownText().contains(QStringLiteral("held for")), qPrintable(summary->countdownText()));
        QVERIFY(summary->cardButton()->isEnabled());
        QVERIFY(!summary->cashButton()->isVisible());
        // The optional e-mail on the letter keyboard.
        QVERIFY(tap(summary->emailButton()));
        QVERIFY(summary->keyboard()->isVisible());
        QVERIFY(typeOn(summary->keyboard(), QStringLiteral("ada@example.org")));
        QCOMPARE(summary->email(), QStringLiteral("ada@example.org"));
        screenshot(kiosk.get(), QStringLiteral("kiosk-4-summary-keyboard"));
        QVERIFY(tap(summary->keyboard()->enterKey()));
        screenshot(kiosk.get(), QStringLiteral("kiosk-4-summary"));

        // Pay at the terminal (the sandbox's reader approves) → tickets and receipt printed.
        QSignalSpy printed(kiosk.get(), &KioskWindow::printed);
        QVERIFY(tap(summary->cardButton()));
        QCOMPARE(kiosk->screen(), Screen::Processing);
        QVERIFY(!kiosk->idleMonitor()->isActive()); // a payment in progress is never timed out
        screenshot(kiosk.get(), QStringLiteral("kiosk-5-processing"));
        QVERIFY(!printed.isEmpty() || printed.wait(kTimeoutMs));
        QCOMPARE(kiosk->screen(), Screen::Done);
        screenshot(kiosk.get(), QStringLiteral("kiosk-6-done"));
        const OrderInfo order = booking->order();
        QCOMPARE(order.status, OrderStatus::Confirmed);
        QCOMPARE(order.payment.method, PaymentMethod::CardTerminal);
        QCOMPARE(order.buyerEmail, QStringLiteral("ada@example.org"));
        QCOMPARE(order.tickets.size(), 2);
        QCOMPARE(m_server.query(QStringLiteral("SELECT status, payment_method FROM orders WHERE id = '%1'").arg(order.id)).value(0),
                 QStringLiteral("confirmed|card_terminal"));
        QVERIFY(kiosk->doneScreen()->detailText().contains(order.code));

        // The ticket PDF: one page per ticket, each QR a valid ticket of this order.
        const auto tickets = kiosk->lastTicketPrint();
        QVERIFY2(tickets.ok, qPrintable(tickets.error));
        QCOMPARE(tickets.files.size(), 1);
        QVERIFY(tickets.files.first().endsWith(order.code + QStringLiteral("-tickets.pdf")));
        tickets::TicketVerifier verifier([&](const QString& keyId) -> std::optional<tickets::CachedTicketKey> {
            for (const TicketKeyInfo& key : booking->ticketKeys())
                if (key.keyId == keyId)
                    return tickets::CachedTicketKey{key.publicKey, key.retiredAtMs};
            return std::nullopt;
        });
        QStringList printedCodes;
        for (int page = 1; page <= 2; ++page) {
            const QImage image = pdfPageImage(tickets.files.first(), page);
            QVERIFY(!image.isNull());
            if (page == 1 && !qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR").isEmpty())
                image.save(qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR") + QStringLiteral("/kiosk-printed-ticket.png"));
            const QStringList codes = decodeQrCodes(image);
            QCOMPARE(codes.size(), 1);
            const auto result = verifier.verify(codes.first());
            QVERIFY2(result.valid(), qPrintable(result.message));
            printedCodes << codes.first();
        }
        QStringList orderCodes;
        for (const TicketInfo& t : order.tickets)
            orderCodes << t.code;
        printedCodes.sort();
        orderCodes.sort();
        QCOMPARE(printedCodes, orderCodes);

        // The receipt PDF: an 80 mm strip with the order code, the total and the device.
        const auto receipt = kiosk->lastReceiptPrint();
        QVERIFY2(receipt.ok, qPrintable(receipt.error));
        QCOMPARE(receipt.files.size(), 1);
        const QString text = pdfText(receipt.files.first());
        QVERIFY2(text.contains(order.code), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("TOTAL")));
        QVERIFY(text.contains(format::money(order.totalMinor, order.currency)));
        QVERIFY(text.contains(QStringLiteral("Card (terminal)")));
        QVERIFY(text.contains(QStringLiteral("Kiosk Foyer 1")));
        const QImage receiptImage = pdfPageImage(receipt.files.first(), 1, 150);
        QVERIFY(!receiptImage.isNull());
        QVERIFY2(std::abs(receiptImage.width() - qRound(80 / 25.4 * 150)) <= 2, qPrintable(QString::number(receiptImage.width())));
        if (!qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR").isEmpty())
            receiptImage.save(qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR") + QStringLiteral("/kiosk-printed-receipt.png"));

        // Done → back to the attract screen, nothing of the customer left.
        QVERIFY(tap(kiosk->doneScreen()->doneButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Attract));
        QCOMPARE(booking->state(), BookingService::State::NoHold);
        QVERIFY(kiosk->summaryScreen()->email().isEmpty());
    }

    void declinedCardOffersTryAgain()
    {
        auto kiosk = openKiosk(baseSettings());
        QVERIFY(tapThroughToSummary(*kiosk, 1));
        BookingService* booking = m_session->booking();
        const QString holdId = booking->hold().holdId;
        // The customer's card is declined at the reader; the next attempt is approved.
        QCOMPARE(m_sandbox.control("POST", "/_sandbox/terminals/tmr_test_1/next", {{"outcome", "decline"}}).status, 200L);
        QVERIFY(tap(kiosk->summaryScreen()->cardButton()));
        ProcessingScreen* processing = kiosk->processingScreen();
        QVERIFY(QTest::qWaitFor([&] { return processing->mode() == ProcessingScreen::Mode::Problem; }, kTimeoutMs));
        QVERIFY2(processing->titleText().contains(QStringLiteral("declined")), qPrintable(processing->titleText()));
        QVERIFY(processing->retryButton()->isVisible());
        QCOMPARE(booking->hold().holdId, holdId); // the seats stay held
        QVERIFY(holdsOnServer(holdId));
        QVERIFY(kiosk->idleMonitor()->isActive()); // an abandoned retry screen times out
        screenshot(kiosk.get(), QStringLiteral("kiosk-5b-declined"));
        QSignalSpy printed(kiosk.get(), &KioskWindow::printed);
        QVERIFY(tap(processing->retryButton()));
        QVERIFY(!printed.isEmpty() || printed.wait(kTimeoutMs));
        QCOMPARE(booking->order().status, OrderStatus::Confirmed);
        QCOMPARE(booking->order().holdId, holdId);
        QVERIFY(kiosk->lastTicketPrint().ok);
        QVERIFY(tap(kiosk->doneScreen()->doneButton()));
    }

    void staffedKioskTakesCash()
    {
        KioskSettings settings = baseSettings();
        settings.staffedCash = true;
        settings.print.ticketPaper = printing::Paper::Roll80mm; // tickets on the receipt roll too
        auto kiosk = openKiosk(settings);
        QVERIFY(tapThroughToSummary(*kiosk, 2));
        QVERIFY(kiosk->summaryScreen()->cashButton()->isVisible());
        QVERIFY(tap(kiosk->summaryScreen()->cashButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Cash));
        CashScreen* cash = kiosk->cashScreen();
        QVERIFY(!cash->confirmButton()->isEnabled()); // nothing tendered yet
        QVERIFY(typeOn(cash->keypad(), QStringLiteral("500")));
        QVERIFY2(cash->changeText().startsWith(QStringLiteral("Change due")), qPrintable(cash->changeText()));
        screenshot(kiosk.get(), QStringLiteral("kiosk-4b-cash"));
        QSignalSpy printed(kiosk.get(), &KioskWindow::printed);
        QVERIFY(tap(cash->confirmButton()));
        QVERIFY(!printed.isEmpty() || printed.wait(kTimeoutMs));
        const OrderInfo order = m_session->booking()->order();
        QCOMPARE(order.payment.method, PaymentMethod::Cash);
        QCOMPARE(order.payment.tenderedMinor, 50'000);
        QCOMPARE(order.payment.changeDueMinor, 50'000 - order.totalMinor);
        const QString text = pdfText(kiosk->lastReceiptPrint().files.value(0));
        QVERIFY2(text.contains(QStringLiteral("Change due")), qPrintable(text));
        QVERIFY(text.contains(format::money(order.payment.changeDueMinor, order.currency)));
        QVERIFY(text.contains(format::money(50'000, order.currency)));
        QVERIFY(kiosk->doneScreen()->detailText().contains(QStringLiteral("Change due")));
        // Roll tickets: 80 mm wide pages whose QR codes still decode to this order's tickets.
        const QString ticketPdf = kiosk->lastTicketPrint().files.value(0);
        for (int page = 1; page <= 2; ++page) {
            const QImage image = pdfPageImage(ticketPdf, page, 200);
            QVERIFY(!image.isNull());
            QVERIFY2(std::abs(image.width() - qRound(80 / 25.4 * 200)) <= 2, qPrintable(QString::number(image.width())));
            const QStringList codes = decodeQrCodes(image);
            QCOMPARE(codes.size(), 1);
            QCOMPARE(codes.first(), order.tickets.at(page - 1).code);
            if (page == 1 && !qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR").isEmpty())
                image.save(qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR") + QStringLiteral("/kiosk-printed-roll-ticket.png"));
        }
        // No e-mail typed: the order keeps no address (not the kiosk account's) and nothing is
        // mailed once the saga is done; the printed tickets above are the customer's.
        const QString withoutAddress = serverOrderWithoutAddressProblem(m_server, order.id);
        QVERIFY2(withoutAddress.isEmpty(), qPrintable(withoutAddress));
        screenshot(kiosk.get(), QStringLiteral("kiosk-6b-done-cash"));
        QVERIFY(tap(kiosk->doneScreen()->doneButton()));
    }

    // A kiosk at the club: standing places of the floor by number (the server counts them
    // against the floor's capacity), paid in cash, two tickets printed.
    void standingPlacesAtTheKiosk()
    {
        KioskSettings settings = baseSettings();
        settings.staffedCash = true;
        settings.venueId = kClubVenue;
        auto kiosk = openKiosk(settings);
        QVERIFY(tap(kiosk->attractScreen()->startButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Events));
        QVERIFY(!kiosk->eventsScreen()->tiles().isEmpty());
        QVERIFY(tap(kiosk->eventsScreen()->tiles().first()));
        QVERIFY(waitScreen(*kiosk, Screen::Seats));
        SeatsScreen* seats = kiosk->seatsScreen();
        QCOMPARE(seats->standingButtons().size(), 1);
        QPushButton* standing = seats->standingButtons().first();
        QVERIFY(QTest::qWaitFor([&] { return standing->isVisible() && standing->isEnabled(); }, kTimeoutMs));
        QCOMPARE(standing->text(), QStringLiteral("2 standing place(s), Floor"));
        QVERIFY(standing->height() >= mmToPixelsForTest(kiosk.get()));
        screenshot(kiosk.get(), QStringLiteral("kiosk-3c-standing"));
        const QString eventId = kiosk->saleableEvents().value(0).id;
        const int takenBefore = m_server.query(QStringLiteral("SELECT taken FROM seat_ga_counters WHERE event_id = '%1'").arg(eventId))
                                    .value(0).toInt();
        QVERIFY(tap(standing));
        QVERIFY(waitScreen(*kiosk, Screen::Summary));
        QVERIFY2(kiosk->summaryScreen()->linesText().contains(QStringLiteral("Standing, Floor")),
                 qPrintable(kiosk->summaryScreen()->linesText()));
        QCOMPARE(m_server.query(QStringLiteral("SELECT taken FROM seat_ga_counters WHERE event_id = '%1'").arg(eventId)).value(0).toInt(),
                 takenBefore + 2);
        screenshot(kiosk.get(), QStringLiteral("kiosk-3d-standing-summary"));
        QVERIFY(enterCash(*kiosk, QStringLiteral("200")));
        QSignalSpy printed(kiosk.get(), &KioskWindow::printed);
        QVERIFY(tap(kiosk->cashScreen()->confirmButton()));
        QVERIFY(!printed.isEmpty() || printed.wait(kTimeoutMs));
        const OrderInfo order = m_session->booking()->order();
        QCOMPARE(order.lines.size(), 2);
        for (const OrderLineInfo& line : order.lines)
            QVERIFY(!line.gaAreaId.isEmpty() && line.seatId.isEmpty());
        QCOMPARE(order.tickets.size(), 2);
        QVERIFY2(kiosk->lastTicketPrint().ok, qPrintable(kiosk->lastTicketPrint().error));
        QCOMPARE(decodeQrCodes(pdfPageImage(kiosk->lastTicketPrint().files.value(0), 2)).value(0), order.tickets.at(1).code);
        QCOMPARE(serverOrderStatus(m_server, order.id), QStringLiteral("confirmed"));
        QVERIFY(tap(kiosk->doneScreen()->doneButton()));
    }

    void idleTimeoutReleasesTheHold()
    {
        auto kiosk = openKiosk(baseSettings());
        QVERIFY(tapThroughToSummary(*kiosk, 2));
        BookingService* booking = m_session->booking();
        const HoldInfo hold = booking->hold();
        QVERIFY(hold.isValid());
        QVERIFY(holdsOnServer(hold.holdId));
        IdleMonitor* idle = kiosk->idleMonitor();
        QSignalSpy warned(idle, &IdleMonitor::warningStarted);
        QSignalSpy cancelled(idle, &IdleMonitor::warningCancelled);
        QSignalSpy wiped(kiosk.get(), &KioskWindow::sessionWiped);

        // A touch during the warning keeps the session.
        kiosk->setIdleTimeouts(200, 60'000);
        QVERIFY(warned.wait(kTimeoutMs));
        QVERIFY2(kiosk->idleWarningText().contains(QStringLiteral("still there")), qPrintable(kiosk->idleWarningText()));
        screenshot(kiosk.get(), QStringLiteral("kiosk-7-idle-warning"));
        QTest::mouseClick(kiosk->summaryScreen(), Qt::LeftButton, {}, QPoint(5, 5));
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(kiosk->screen(), Screen::Summary);
        QVERIFY(kiosk->idleWarningText().isEmpty());

        // Untouched: the warning counts down, then the session is wiped and the seats freed.
        kiosk->setIdleTimeouts(200, 300);
        QVERIFY(wiped.wait(kTimeoutMs));
        QCOMPARE(warned.size(), 2);
        QCOMPARE(kiosk->screen(), Screen::Attract);
        QCOMPARE(booking->state(), BookingService::State::NoHold);
        QVERIFY(!booking->hold().isValid());
        QVERIFY2(QTest::qWaitFor([&] { return !holdsOnServer(hold.holdId); }, kTimeoutMs), "the server still holds the seats");
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_claims WHERE event_id = '%1' AND seat_id IN ('%2', '%3')")
                                    .arg(hold.eventId, hold.seats.at(0).seatId, hold.seats.at(1).seatId))
                     .value(0),
                 QStringLiteral("0"));
        // The attract screen itself never times out.
        QVERIFY(!idle->isActive());
    }

    // "Your time ran out" is a problem screen, not a payment: an abandoned one still times out
    // back to the attract screen.
    void timeRanOutScreenTimesOut()
    {
        auto kiosk = openKiosk(baseSettings());
        QVERIFY(tapThroughToSummary(*kiosk, 1));
        BookingService* booking = m_session->booking();
        QSignalSpy wiped(kiosk.get(), &KioskWindow::sessionWiped);
        kiosk->setIdleTimeouts(60'000, 60'000); // not before the hold ran out
        qint64 offsetMs = 16 * 60 * 1000; // past the hold's 15 minutes
        booking->setClock([&offsetMs] { return QDateTime::currentMSecsSinceEpoch() + offsetMs; });
        QVERIFY(QTest::qWaitFor([&] { return kiosk->screen() == Screen::Processing; }, kTimeoutMs));
        booking->setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
        QVERIFY(kiosk->idleMonitor()->isActive());
        kiosk->setIdleTimeouts(200, 300);
        QVERIFY(wiped.wait(kTimeoutMs));
        QCOMPARE(kiosk->screen(), Screen::Attract);
        QCOMPARE(booking->state(), BookingService::State::NoHold);
    }

    void staffPinUnlocksTheMenu()
    {
        auto kiosk = openKiosk(baseSettings());
        qint64 offsetMs = 0;
        kiosk->pinGate().setClock([&offsetMs] { return QDateTime::currentMSecsSinceEpoch() + offsetMs; });
        openStaffPad(*kiosk);
        StaffScreen* staff = kiosk->staffScreen();
        QVERIFY(!staff->isMenuShown());
        screenshot(kiosk.get(), QStringLiteral("kiosk-8-staff-pin"));

        // Wrong PINs: refused; the third locks the pad, and even the right PIN is refused then.
        enterPin(*kiosk, QStringLiteral("1111"));
        QCOMPARE(staff->pinMessage(), QStringLiteral("Wrong PIN."));
        QVERIFY(staff->pinEdit()->text().isEmpty());
        enterPin(*kiosk, QStringLiteral("0000"));
        QVERIFY(!staff->isMenuShown());
        enterPin(*kiosk, QStringLiteral("9999"));
        QVERIFY2(staff->pinMessage().contains(QStringLiteral("try again in 30 second")), qPrintable(staff->pinMessage()));
        QVERIFY(!staff->pinKeypad()->isEnabled());
        QCOMPARE(kiosk->pinGate().check(kiosk->settings().pinHash, kPin), PinGate::Result::LockedOut);
        screenshot(kiosk.get(), QStringLiteral("kiosk-8b-staff-locked"));
        {
            // Restarting the kiosk does not lift the lock: it is kept beside the settings.
            KioskWindow restarted(m_session.get(), kiosk->settings(), m_settingsPath);
            QVERIFY(restarted.pinGate().lockedForMs() > 20'000);
            QCOMPARE(restarted.pinGate().failures(), 3);
        }
        QVERIFY(tap(staff->pinBackButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Attract));

        // Half a minute later the right PIN opens the menu.
        offsetMs = 31'000;
        openStaffPad(*kiosk);
        QVERIFY(staff->pinKeypad()->isEnabled());
        enterPin(*kiosk, kPin);
        QVERIFY(staff->isMenuShown());
        QCOMPARE(kiosk->pinGate().failures(), 0);

        // Settings: longer idle time, cash on, roll paper; saved to the INI file and applied.
        QVERIFY(tap(staff->idlePlusButton()));
        QVERIFY(tap(staff->cashButton()));
        QVERIFY(tap(staff->paperButton()));
        screenshot(kiosk.get(), QStringLiteral("kiosk-9-staff-menu"));
        QVERIFY(tap(staff->saveButton()));
        QCOMPARE(kiosk->settings().idleSeconds, 70);
        QVERIFY(kiosk->settings().staffedCash);
        QCOMPARE(kiosk->idleMonitor()->idleMs(), 70'000);
        const KioskSettings saved = KioskSettings::load(m_settingsPath);
        QCOMPARE(saved.idleSeconds, 70);
        QVERIFY(saved.staffedCash);
        QCOMPARE(saved.print.ticketPaper, printing::Paper::Roll80mm);
        QCOMPARE(saved.pinHash, m_pinHash);
        // Only the hash is stored, never the PIN.
        QFile ini(m_settingsPath);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(kPin.toLatin1()));

        // Change the PIN (typed twice); the new one works, the old one not.
        QVERIFY(tap(staff->changePinButton()));
        enterPin(*kiosk, QStringLiteral("13579"));
        QCOMPARE(staff->pinPurpose(), StaffScreen::PinPurpose::RepeatPin);
        enterPin(*kiosk, QStringLiteral("13579"));
        QVERIFY(staff->isMenuShown());
        const QString newHash = KioskSettings::load(m_settingsPath).pinHash;
        QVERIFY(pinMatches(newHash, QStringLiteral("13579")));
        QVERIFY(!pinMatches(newHash, kPin));
        QVERIFY(tap(staff->backButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Attract));
        m_pinHash = hashPin(kPin); // the next tests' settings
    }

    void escapeShortcutsDoNothingWhileLocked()
    {
        auto kiosk = openKiosk(baseSettings());
        // Shortcuts a desktop would have: none of them may fire while the kiosk is locked.
        int fired = 0;
        for (const QKeySequence& sequence : {QKeySequence(Qt::CTRL | Qt::Key_Q), QKeySequence(Qt::CTRL | Qt::Key_W),
                                             QKeySequence(Qt::Key_Escape), QKeySequence(Qt::Key_F11),
                                             QKeySequence(Qt::ALT | Qt::Key_F4)}) {
            auto* shortcut = new QShortcut(sequence, kiosk.get());
            shortcut->setContext(Qt::ApplicationShortcut);
            connect(shortcut, &QShortcut::activated, this, [&fired] { ++fired; });
        }
        QVERIFY(tapThroughToSummary(*kiosk, 1));
        QTest::keyClick(kiosk.get(), Qt::Key_Q, Qt::ControlModifier);
        QTest::keyClick(kiosk.get(), Qt::Key_W, Qt::ControlModifier);
        QTest::keyClick(kiosk.get(), Qt::Key_Escape);
        QTest::keyClick(kiosk.get(), Qt::Key_F11);
        QTest::keyClick(kiosk.get(), Qt::Key_F4, Qt::AltModifier);
        QCOMPARE(fired, 0);
        QVERIFY(!kiosk->close()); // the window manager's close (Alt+F4) is refused too
        QVERIFY(kiosk->isVisible());
        QCOMPARE(kiosk->screen(), Screen::Summary);
        QVERIFY(m_session->booking()->hold().isValid());
        QVERIFY(tap(kiosk->summaryScreen()->cancelButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Attract));

        // Staff leave kiosk mode: then the window closes and shortcuts work again.
        QSignalSpy leave(kiosk.get(), &KioskWindow::leaveRequested);
        openStaffPad(*kiosk);
        enterPin(*kiosk, kPin);
        QVERIFY(kiosk->staffScreen()->isMenuShown());
        QVERIFY(tap(kiosk->staffScreen()->leaveButton()));
        QCOMPARE(leave.size(), 1);
        QVERIFY(!kiosk->isLocked());
        QTest::keyClick(kiosk.get(), Qt::Key_Q, Qt::ControlModifier);
        QCOMPARE(fired, 1); // the test's shortcut is real: unlocked, it fires
        QVERIFY(kiosk->close());
    }

    // Last: it kills the server. The kiosk sells the seats leased to this device, cash at a
    // staffed kiosk, tickets signed with the device key, and says plainly that it is offline.
    // The staff menu's lease page: lease by category on touch, the states (leased, offline,
    // sold offline and not yet uploaded, confirmed), and the unsold seats returned.
    void staffLeasesSeatsForOfflineSale()
    {
        QVERIFY(waitCertified(*m_session));
        auto kiosk = openKiosk(baseSettings());
        openStaffPad(*kiosk);
        enterPin(*kiosk, kPin);
        StaffScreen* staff = kiosk->staffScreen();
        QVERIFY(staff->isMenuShown());
        QVERIFY(tap(staff->leasesButton()));
        QVERIFY(staff->isLeasePageShown());
        LeasePage* page = kiosk->leasePage();
        const QString eventId = page->eventId();
        QCOMPARE(eventId, kiosk->saleableEvents().value(0).id);
        QVERIFY2(page->connectionText().startsWith(QStringLiteral("Online")), qPrintable(page->connectionText()));
        QVERIFY(page->leaseTexts().isEmpty());
        QVERIFY(!page->leaseButton()->isEnabled()); // nothing counted yet

        // Three seats of the first category: + + − + +, then Lease.
        const auto layout = m_session->seating()->layoutForEvent(eventId);
        QVERIFY(layout && !layout->priceCategories.empty());
        const QString category = QString::fromStdString(layout->priceCategories.front().id);
        QVERIFY(tap(page->plusButton(category)));
        QVERIFY(tap(page->plusButton(category)));
        QVERIFY(tap(page->minusButton(category)));
        QVERIFY(tap(page->plusButton(category)));
        QVERIFY(tap(page->plusButton(category)));
        QCOMPARE(page->categoryCount(category), 3);
        QCOMPARE(page->leaseButton()->text(), QStringLiteral("Lease 3 seat(s)"));
        const int nineMm = mmToPixelsForTest(kiosk.get());
        for (QPushButton* target : {page->plusButton(category), page->minusButton(category), page->plusTenButton(category),
                                    page->leaseButton(), page->backButton(), page->refreshButton(), page->nextEventButton()})
            QVERIFY2(target->height() >= nineMm && target->width() >= nineMm, qPrintable(target->text()));
        QVERIFY(tap(page->leaseButton()));
        QVERIFY(QTest::qWaitFor([&] { return page->messageText().startsWith(QStringLiteral("Lease ready")); }, kTimeoutMs));
        QVERIFY2(page->messageText().contains(QStringLiteral("3 seat(s)")), qPrintable(page->messageText()));
        QCOMPARE(page->categoryCount(category), 0);
        QCOMPARE(serverClaims(m_server, eventId, QStringLiteral("leased")), 3);
        QCOMPARE(page->leaseTexts().size(), 1);
        QVERIFY2(page->leaseTexts().first().contains(QStringLiteral("3 to sell here")), qPrintable(page->leaseTexts().first()));
        // The card names the seats it can sell, as the lease labels them.
        const LeaseInfo leased = m_session->leases()->activeLeases(eventId).value(0);
        QCOMPARE(leased.seats.size(), 3);
        for (const LeasedSeatInfo& seat : leased.seats)
            QVERIFY2(page->leaseTexts().first().contains(seat.label), qPrintable(seat.label));
        QCOMPARE(page->returnButtons().size(), 1);
        QVERIFY(page->returnButtons().first()->isEnabled());
        QVERIFY(page->returnButtons().first()->height() >= nineMm);
        screenshot(kiosk.get(), QStringLiteral("kiosk-11-staff-lease"));

        // Offline: leasing and returning are off, the kiosk sells from the lease; a sale waits for upload.
        m_session->offlineSales()->setReturnLeasesOnReconnect(false); // keep the lease to return it by hand
        QVERIFY(stopServer(m_server, *m_session));
        QVERIFY(QTest::qWaitFor([&] { return page->connectionText().startsWith(QStringLiteral("Offline")); }, kTimeoutMs));
        QVERIFY(!page->plusButton(category)->isEnabled());
        QVERIFY(!page->returnButtons().first()->isEnabled());
        QVERIFY(!page->refreshButton()->isEnabled());
        const QStringList toSell = m_session->offlineSales()->pickSeats(eventId, 1);
        QCOMPARE(toSell.size(), 1);
        const OfflineSaleOutcome sold = m_session->offlineSales()->sell(cashSaleOf(eventId, toSell));
        QVERIFY2(sold.ok, qPrintable(sold.error));
        QVERIFY(QTest::qWaitFor([&] { return page->uploadText().startsWith(QStringLiteral("1 offline sale")); }, kTimeoutMs));
        QVERIFY2(page->leaseTexts().first().contains(QStringLiteral("2 to sell here · 1 sold offline, not yet uploaded")),
                 qPrintable(page->leaseTexts().first()));
        screenshot(kiosk.get(), QStringLiteral("kiosk-11b-staff-lease-offline"));

        // Back online: the sale is uploaded and confirmed; the two unsold seats are returned here.
        QSignalSpy reconciled(m_session->offlineSales(), &OfflineSaleService::reconcileFinished);
        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QVERIFY(reconciled.wait(kTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return page->connectionText().startsWith(QStringLiteral("Online")); }, kTimeoutMs));
        QCOMPARE(page->uploadText(), QStringLiteral("Every offline sale is uploaded."));
        QVERIFY2(page->leaseTexts().first().contains(QStringLiteral("1 sold and confirmed")), qPrintable(page->leaseTexts().first()));
        QCOMPARE(serverClaims(m_server, eventId, QStringLiteral("leased")), 2);
        // (A refreshed card is shown by a queued call: wait until it can be tapped.)
        QVERIFY(QTest::qWaitFor([&] {
            QPushButton* giveBack = page->returnButtons().value(0);
            return giveBack && giveBack->isVisible() && giveBack->isEnabled();
        }, kTimeoutMs));
        QVERIFY(tap(page->returnButtons().first()));
        QVERIFY(QTest::qWaitFor([&] { return page->messageText() == QStringLiteral("2 seat(s) returned to general sale."); },
                                kTimeoutMs));
        QCOMPARE(serverClaims(m_server, eventId, QStringLiteral("leased")), 0);
        QCOMPARE(serverClaims(m_server, eventId, QStringLiteral("sold")) >= 1, true);
        QVERIFY2(page->leaseTexts().first().contains(QStringLiteral("Returned")), qPrintable(page->leaseTexts().first()));
        QVERIFY(!page->returnButtons().first()->isEnabled());
        screenshot(kiosk.get(), QStringLiteral("kiosk-11c-staff-lease-returned"));
        m_session->offlineSales()->setReturnLeasesOnReconnect(true);

        QVERIFY(tap(page->backButton()));
        QVERIFY(staff->isMenuShown());
        QVERIFY(tap(staff->backButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Attract));
    }

    void offlineSaleFromTheLease()
    {
        const QString eventId = [&] {
            auto probe = openKiosk(baseSettings());
            return probe->saleableEvents().value(0).id;
        }();
        QVERIFY(!eventId.isEmpty());
        const core::tickets::KeyPair certifier = core::tickets::generateKeyPair();
        const QStringList leased = installOfflineLease(*m_session, m_server, eventId, 4, certifier);
        QCOMPARE(leased.size(), 4);
        QCOMPARE(m_session->leases()->availableSeats(eventId), 4);
        m_server.kill();
        QVERIFY(QTest::qWaitFor([&] { return !m_session->syncClient()->isConnected(); }, kTimeoutMs));

        // Unstaffed and offline: out of service (a card terminal needs the server).
        {
            auto unstaffed = openKiosk(baseSettings());
            QVERIFY2(unstaffed->attractScreen()->noticeText().contains(QStringLiteral("Out of service")),
                     qPrintable(unstaffed->attractScreen()->noticeText()));
            QVERIFY(!unstaffed->attractScreen()->startButton()->isEnabled());
        }
        KioskSettings settings = baseSettings();
        settings.staffedCash = true;
        auto kiosk = openKiosk(settings);
        QVERIFY2(kiosk->attractScreen()->noticeText().contains(QStringLiteral("Offline")),
                 qPrintable(kiosk->attractScreen()->noticeText()));
        screenshot(kiosk.get(), QStringLiteral("kiosk-10-offline-attract"));
        QVERIFY(tap(kiosk->attractScreen()->startButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Events));
        QCOMPARE(kiosk->eventsScreen()->tiles().size(), 1); // only the leased event
        QVERIFY(tap(kiosk->eventsScreen()->tiles().first()));
        QVERIFY(waitScreen(*kiosk, Screen::Seats));
        QVERIFY2(kiosk->seatsScreen()->messageText().contains(QStringLiteral("4 left")),
                 qPrintable(kiosk->seatsScreen()->messageText()));
        // More than the lease has: said plainly, nothing sold.
        for (int i = 0; i < 3; ++i)
            QVERIFY(tap(kiosk->seatsScreen()->plusButton()));
        QCOMPARE(kiosk->seatsScreen()->count(), 5);
        QVERIFY(tap(kiosk->seatsScreen()->bestButton()));
        QVERIFY2(kiosk->seatsScreen()->messageText().contains(QStringLiteral("only 4")),
                 qPrintable(kiosk->seatsScreen()->messageText()));
        for (int i = 0; i < 3; ++i)
            QVERIFY(tap(kiosk->seatsScreen()->minusButton()));
        screenshot(kiosk.get(), QStringLiteral("kiosk-10-offline-seats"));
        QVERIFY(tap(kiosk->seatsScreen()->bestButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Summary));
        SummaryScreen* summary = kiosk->summaryScreen();
        QVERIFY(summary->countdownText().contains(QStringLiteral("Offline")));
        QVERIFY(!summary->cardButton()->isEnabled());
        screenshot(kiosk.get(), QStringLiteral("kiosk-10-offline-summary"));
        QVERIFY(enterCash(*kiosk, QStringLiteral("500")));
        QSignalSpy printed(kiosk.get(), &KioskWindow::printed);
        QVERIFY(tap(kiosk->cashScreen()->confirmButton()));
        QVERIFY(!printed.isEmpty() || printed.wait(kTimeoutMs));
        QCOMPARE(kiosk->screen(), Screen::Done);
        QVERIFY2(kiosk->doneScreen()->detailText().contains(QStringLiteral("Sold offline")),
                 qPrintable(kiosk->doneScreen()->detailText()));
        screenshot(kiosk.get(), QStringLiteral("kiosk-10-offline-done"));

        // One sale in the outbox, two of the four leased seats left, tickets signed by the device.
        QCOMPARE(m_session->offlineSales()->pendingCount(), 1);
        QCOMPARE(m_session->leases()->availableSeats(eventId), 2);
        const DeviceKeyInfo deviceKey = m_session->deviceKeys()->key();
        tickets::TicketVerifier verifier([&](const QString& keyId) -> std::optional<tickets::CachedTicketKey> {
            if (keyId != deviceKey.keyId)
                return std::nullopt;
            return tickets::CachedTicketKey{deviceKey.publicKey, 0};
        });
        const auto ticketsPrinted = kiosk->lastTicketPrint();
        QVERIFY2(ticketsPrinted.ok, qPrintable(ticketsPrinted.error));
        for (int page = 1; page <= 2; ++page) {
            const QStringList codes = decodeQrCodes(pdfPageImage(ticketsPrinted.files.value(0), page));
            QCOMPARE(codes.size(), 1);
            const auto result = verifier.verify(codes.first());
            QVERIFY2(result.valid(), qPrintable(result.message));
            QCOMPARE(QString::fromStdString(result.claims.eventId), eventId.toLower());
        }
        const QString receipt = pdfText(kiosk->lastReceiptPrint().files.value(0)).simplified();
        QVERIFY2(receipt.contains(QStringLiteral("from this kiosk's reserved seats")), qPrintable(receipt)); // ("offline" comes out as a ligature)
        QVERIFY(receipt.contains(QStringLiteral("Change due")));
        QVERIFY(tap(kiosk->doneScreen()->doneButton()));
        QVERIFY(waitScreen(*kiosk, Screen::Attract));
    }

    void cleanupTestCase() { m_session.reset(); }

private:
    static int mmToPixelsForTest(QWidget* widget) { return kiosk::mmToPixels(kMinTargetMm, widget->screen()); }
};

QTEST_MAIN(TestKioskServer)
#include "test_kiosk_server.moc"
