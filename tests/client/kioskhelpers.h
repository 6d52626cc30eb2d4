// Helpers for the kiosk tests and benchmark against the real server and payment sandbox:
// the server's payment options, kiosk settings printing PDFs into a folder, taps on the real
// kiosk widgets (mouse events, as a finger), and reading a printed PDF back (pdftoppm from
// poppler-utils rasterises it; zbar decodes the QR codes; pdftotext extracts the text).
#pragma once

#include "serverhelpers.h"

#include "kiosk/keypad.h"
#include "kiosk/kioskscreens.h"
#include "kiosk/kiosksettings.h"
#include "kiosk/kioskwindow.h"
#include "qr_scan.hpp"
#include "sandbox_process.hpp"
#include "seatmap/seatmapview.h"

#include <QImage>
#include <QProcess>
#include <QPushButton>
#include <QTest>

namespace marquee::client::testing {

using kiosk::KioskWindow;

// `serve` arguments for a server whose card terminals are the sandbox's readers.
inline QStringList terminalServerArgs(const marquee::testing::SandboxProcess& sandbox)
{
    using marquee::testing::SandboxProcess;
    return {QStringLiteral("--demo"), QStringLiteral("--payment-url"), QString::fromStdString(sandbox.url()),
            QStringLiteral("--payment-secret-key"), QString::fromLatin1(SandboxProcess::kSecretKey),
            QStringLiteral("--payment-publishable-key"), QString::fromLatin1(SandboxProcess::kPublishableKey),
            QStringLiteral("--terminal-ids"), QStringLiteral("tmr_test_1,tmr_test_2")};
}

inline kiosk::KioskSettings kioskSettings(const QString& pdfDirectory, const QString& pinHash)
{
    kiosk::KioskSettings settings;
    settings.pinHash = pinHash;
    settings.terminalId = QString::fromLatin1(marquee::testing::SandboxProcess::kReader);
    settings.deviceName = QStringLiteral("Kiosk Foyer 1");
    settings.print.pdfDirectory = pdfDirectory;
    return settings;
}

// A finger on a button: a real press and release at its centre.
inline bool tap(QPushButton* button)
{
    if (!button || !button->isVisible() || !button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

inline bool waitScreen(const KioskWindow& kiosk, KioskWindow::Screen screen, int timeoutMs = kTimeoutMs)
{
    return QTest::qWaitFor([&] { return kiosk.screen() == screen; }, timeoutMs);
}

// Types `text` on an on-screen keypad, key by key.
inline bool typeOn(kiosk::OnScreenKeypad* keypad, const QString& text)
{
    for (QChar c : text)
        if (!tap(keypad->key(QString(c))))
            return false;
    return true;
}

// Attract → first event tile → seats with live status → best `count` → the summary with the
// hold. False (and a warning) when a step did not happen in time.
inline bool tapThroughToSummary(KioskWindow& kiosk, int count)
{
    if (!tap(kiosk.attractScreen()->startButton()) || !waitScreen(kiosk, KioskWindow::Screen::Events)) {
        qWarning() << "the attract screen did not start a sale";
        return false;
    }
    const auto tiles = kiosk.eventsScreen()->tiles();
    if (tiles.isEmpty() || !tap(tiles.first()) || !waitScreen(kiosk, KioskWindow::Screen::Seats)) {
        qWarning() << "no event tile led to the seats";
        return false;
    }
    kiosk::SeatsScreen* seats = kiosk.seatsScreen();
    if (!QTest::qWaitFor([&] { return seats->seatMap()->hasStatus(); }, kTimeoutMs)) {
        qWarning() << "no live seat status";
        return false;
    }
    while (seats->count() < count && tap(seats->plusButton())) {
    }
    while (seats->count() > count && tap(seats->minusButton())) {
    }
    if (seats->count() != count || !tap(seats->bestButton()) || !waitScreen(kiosk, KioskWindow::Screen::Summary)) {
        qWarning() << "best available did not hold:" << seats->messageText();
        return false;
    }
    return true;
}

// The first page of a PDF as an image at `dpi` (pdftoppm); null when it could not be read.
inline QImage pdfPageImage(const QString& pdf, int page = 1, int dpi = 200)
{
    const QString out = pdf + QStringLiteral(".page%1").arg(page);
    QProcess p;
    p.start(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"),
                                         QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                         QString::number(page), QStringLiteral("-singlefile"), pdf, out});
    if (!p.waitForFinished(kTimeoutMs) || p.exitCode() != 0) {
        qWarning() << "pdftoppm failed:" << p.readAllStandardError();
        return {};
    }
    return QImage(out + QStringLiteral(".png"));
}

inline QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(kTimeoutMs) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

inline QStringList decodeQrCodes(const QImage& image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    std::vector<std::uint8_t> pixels;
    for (int y = 0; y < gray.height(); ++y)
        pixels.insert(pixels.end(), gray.constScanLine(y), gray.constScanLine(y) + gray.width());
    QStringList found;
    for (const auto& text : marquee::test::scanQrCodes(pixels.data(), gray.width(), gray.height()))
        found << QString::fromStdString(text);
    return found;
}

} // namespace marquee::client::testing
