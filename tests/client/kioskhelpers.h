// Helpers for the kiosk tests and benchmark against the real server and payment sandbox:
// the server's payment options, kiosk settings printing PDFs into a folder, taps on the real
// kiosk widgets (mouse events, as a finger), and reading a printed PDF back (pdftoppm from
// poppler-utils rasterises it; zbar decodes the QR codes; pdftotext extracts the text).
#pragma once

#include "serverhelpers.h"
#include "terminalhelpers.h"

#include "boxoffice/devicekeyservice.h"
#include "boxoffice/leaseservice.h"
#include "kiosk/keypad.h"
#include "kiosk/kioskscreens.h"
#include "kiosk/kiosksettings.h"
#include "kiosk/kioskwindow.h"
#include "qr_image.hpp"
#include "sandbox_process.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/core/tickets/ticket_code.hpp"
#include "marquee/v1/order.pb.h"
#include "seatmap/seatmapview.h"
#include "services/seatingservice.h"
#include "store/localstore.h"

#include <QDateTime>
#include <QUuid>

#include <QImage>
#include <QProcess>
#include <QPushButton>
#include <QTest>

namespace marquee::client::testing {

using kiosk::KioskWindow;

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

// Attract → first event tile → seats (live status online) → best `count` → the summary with
// the hold (offline: the leased seats picked). False (and a warning) when a step did not happen
// in time.
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
    // Online the live status enables it; offline the lease does at once.
    if (!QTest::qWaitFor([&] { return seats->bestButton()->isEnabled(); }, kTimeoutMs)) {
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

inline QStringList decodeQrCodes(const QImage& image) { return marquee::test::scanQrImage(image); }

// What the box office's services keep once the server has certified this device's key and
// leased it `count` free seats of `eventId` (the last seats of the layout not claimed on the
// server, priced from their category, no fee): written straight to SQLite so the kiosk can sell
// offline without the server's lease handlers. `certifier` stands in for the server's ticket
// key. Returns the leased seat ids (empty when something was missing).
inline QStringList installOfflineLease(ClientSession& session, const marquee::testing::TestServer& server,
                                       const QString& eventId, int count, const core::tickets::KeyPair& certifier)
{
    const auto layout = session.seating()->layoutForEvent(eventId);
    if (!layout)
        return {};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    DeviceKeyInfo key = session.deviceKeys()->key();
    core::tickets::DeviceCertificateClaims claims;
    claims.deviceId = session.leases()->deviceId().toStdString();
    std::copy_n(reinterpret_cast<const std::uint8_t*>(key.publicKey.constData()), 32, claims.devicePublicKey.begin());
    claims.validUntilMs = now + 30LL * 86'400'000;
    const auto certificate = core::tickets::signDeviceCertificate(claims, certifier);
    key.certificate = QByteArray(reinterpret_cast<const char*>(certificate.data()), static_cast<qsizetype>(certificate.size()));
    key.certifiedByKeyId = QString::fromStdString(certifier.keyId);
    key.issuedAtMs = now;
    key.validUntilMs = claims.validUntilMs;
    if (!session.store()->saveDeviceKey(key))
        return {};

    const QStringList claimed =
        server.query(QStringLiteral("SELECT seat_id FROM seat_claims WHERE event_id = '%1'").arg(eventId));
    const core::seating::SeatIndex index(*layout);
    LeaseInfo lease;
    lease.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    lease.eventId = eventId;
    lease.deviceId = session.leases()->deviceId();
    lease.staffUserId = session.account()->userId();
    lease.status = LeaseStatus::Active;
    lease.createdAtMs = now;
    lease.expiresAtMs = now + 86'400'000;
    QStringList seatIds;
    for (std::uint32_t i = static_cast<std::uint32_t>(index.size()); i-- > 0 && seatIds.size() < count;) {
        const auto& seat = index.seat(i);
        const QString id = QString::fromStdString(seat.id);
        if (claimed.contains(id))
            continue;
        const core::seating::PriceCategory* category = nullptr;
        for (const auto& pc : layout->priceCategories)
            if (pc.id == seat.priceCategoryId)
                category = &pc;
        if (!category)
            continue;
        LeasedSeatInfo leased;
        leased.seatId = id;
        leased.label = QStringLiteral("%1 · %2 · %3")
                           .arg(QString::fromStdString(index.area(i).label), QString::fromStdString(index.row(i).label),
                                QString::fromStdString(seat.label));
        leased.seatIndex = i;
        leased.priceCategoryId = QString::fromStdString(category->id);
        leased.priceCategoryName = QString::fromStdString(category->name);
        leased.priceMinor = category->priceMinor;
        leased.taxMinor = category->priceMinor * 19 / 119;
        leased.totalMinor = category->priceMinor;
        leased.state = LeasedSeatState::Available;
        v1::OrderLine line;
        line.set_seat_id(seat.id);
        line.set_label(leased.label.toStdString());
        line.set_price_category_id(category->id);
        line.set_price_category_name(category->name);
        line.set_price_minor(category->priceMinor);
        line.set_tax_minor(leased.taxMinor);
        line.set_total_minor(category->priceMinor);
        const std::string bytes = line.SerializeAsString();
        leased.line = QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
        lease.currency = QString::fromStdString(category->currency);
        lease.seats.append(leased);
        seatIds << id;
    }
    if (const auto details = session.catalog()->eventDetails(eventId)) {
        lease.eventTitle = QString::fromStdString(details->event.title);
        lease.eventStartsAtMs = details->event.startsAtMs;
        lease.eventTimeZone = QString::fromStdString(details->event.timeZone);
        if (details->venue)
            lease.venueName = QString::fromStdString(details->venue->name);
    }
    if (seatIds.size() < count || !session.store()->saveLease(lease))
        return {};
    return seatIds;
}

// The kiosk's cash sale from "Pay cash" on the summary to "Cash received": `tendered` typed on
// the keypad. The caller taps the confirm key (what is timed).
inline bool enterCash(KioskWindow& kiosk, const QString& tendered)
{
    if (!tap(kiosk.summaryScreen()->cashButton()) || !waitScreen(kiosk, KioskWindow::Screen::Cash))
        return false;
    return typeOn(kiosk.cashScreen()->keypad(), tendered) && kiosk.cashScreen()->confirmButton()->isEnabled();
}

} // namespace marquee::client::testing
