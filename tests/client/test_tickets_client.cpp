// Client tickets offscreen: TicketWidget renders a scannable QR (decoded back with zbar) and
// shows a void ticket unmistakably, exportTicketsPdf writes one A6 page per ticket, and
// TicketVerifier checks codes offline against cached keys.
#include "marquee/core/tickets/ticket_code.hpp"
#include "qr_image.hpp"
#include "marquee/v1/order.pb.h"
#include "tickets/ticketpdf.h"
#include "tickets/ticketverifier.h"
#include "tickets/ticketwidget.h"


#include <QFile>
#include <QImage>
#include <QPixmap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace marquee;
using namespace marquee::client::tickets;
namespace core_tickets = marquee::core::tickets;

namespace {

const core_tickets::KeyPair& signingKey()
{
    static const core_tickets::KeyPair key = core_tickets::generateKeyPair();
    return key;
}

v1::Order sampleOrder(int tickets, bool voided = false)
{
    v1::Order order;
    order.set_id(QStringLiteral("9b2d6c1e-3f4a-4b5c-8d6e-7f8091a2b3c4").toStdString());
    order.set_code("MQ-7K3F9X");
    order.set_event_id("a1b2c3d4-e5f6-4711-8899-aabbccddeeff");
    order.set_status(v1::ORDER_CONFIRMED);
    order.set_currency("EUR");
    order.set_buyer_name("Ana Müller");
    order.set_event_title("Die Zauberflöte");
    order.set_event_starts_at_ms(1749925800000); // 2025-06-14 18:30 UTC
    order.set_event_time_zone("Europe/Berlin");
    order.set_venue_name("Staatsoper Unter den Linden");
    order.set_venue_address("Unter den Linden 7, 10117 Berlin");
    for (int i = 1; i <= tickets; ++i) {
        auto* line = order.add_lines();
        line->set_line_no(static_cast<std::uint32_t>(i));
        line->set_label("Parkett · Reihe 12 · Platz " + std::to_string(i));
        line->set_price_category_name("Category 1");
        line->set_total_minor(8900);
        core_tickets::TicketClaims claims;
        claims.ticketId = "0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5" + std::to_string(i);
        claims.eventId = order.event_id();
        claims.lineNo = static_cast<std::uint32_t>(i);
        claims.issuedAtMs = 1749900000000;
        claims.keyId = signingKey().keyId;
        auto* ticket = order.add_tickets();
        ticket->set_id(claims.ticketId);
        ticket->set_order_id(order.id());
        ticket->set_event_id(order.event_id());
        ticket->set_line_no(claims.lineNo);
        ticket->set_label(line->label());
        ticket->set_price_category_name(line->price_category_name());
        ticket->set_code(core_tickets::signTicket(claims, signingKey()));
        ticket->set_voided(voided);
        ticket->set_issued_at_ms(claims.issuedAtMs);
    }
    return order;
}

QStringList decodeQr(const QImage& image) { return marquee::test::scanQrImage(image); }

// Pixels in the alert red the void stamp uses (and nothing else on a ticket).
int redPixels(const QImage& image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > 150 && c.green() < 90 && c.blue() < 90)
                ++count;
        }
    return count;
}

int pdfPages(const QByteArray& pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    int count = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++count;
    return count;
}

QImage render(TicketWidget& widget, int width)
{
    widget.resize(width, widget.heightForWidth(width));
    QImage image = widget.grab().toImage();
    const QString preview = qEnvironmentVariable("MARQUEE_TICKET_PREVIEW_DIR"); // to look at it by hand
    if (!preview.isEmpty())
        image.save(preview + QStringLiteral("/client-ticket-%1%2.png")
                                 .arg(width)
                                 .arg(widget.isVoid() ? QStringLiteral("-void") : QString()));
    return image;
}

TicketKeyLookup lookupOf(const core_tickets::KeyPair& key, qint64 retiredAtMs = 0)
{
    return [key, retiredAtMs](const QString& keyId) -> std::optional<CachedTicketKey> {
        if (keyId.toStdString() != key.keyId)
            return std::nullopt;
        CachedTicketKey cached;
        cached.publicKey = QByteArray(reinterpret_cast<const char*>(key.publicKey.data()),
                                      static_cast<qsizetype>(key.publicKey.size()));
        cached.retiredAtMs = retiredAtMs;
        return cached;
    };
}

} // namespace

class TestTicketsClient : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void widgetShowsAScannableTicket()
    {
        const v1::Order order = sampleOrder(1);
        TicketWidget widget;
        QVERIFY(!widget.hasTicket());
        widget.setTicket(order, order.tickets(0));
        QVERIFY(widget.hasTicket());
        QVERIFY(!widget.isVoid());
        QCOMPARE(widget.code(), QString::fromStdString(order.tickets(0).code()));
        QVERIFY(widget.accessibleDescription().contains(QStringLiteral("Die Zauberflöte")));
        QVERIFY(widget.accessibleDescription().contains(QStringLiteral("Platz 1")));
        const QImage image = render(widget, 520);
        QCOMPARE(decodeQr(image), QStringList{widget.code()});
        QCOMPARE(redPixels(image), 0);
        // The page is white paper: most of its pixels are white.
        int white = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                white += image.pixelColor(x, y) == Qt::white ? 1 : 0;
        QVERIFY(white > image.width() * image.height() / 2);
        // Smaller, still scannable.
        QCOMPARE(decodeQr(render(widget, 360)), QStringList{widget.code()});
    }

    void voidTicketIsUnmistakable()
    {
        const v1::Order order = sampleOrder(1, true);
        TicketWidget widget;
        widget.setTicket(order, order.tickets(0));
        QVERIFY(widget.isVoid());
        QVERIFY(widget.accessibleDescription().startsWith(QStringLiteral("Void ticket")));
        const QImage image = render(widget, 520);
        // The stamp and the crossed-out QR: a large red area.
        QVERIFY2(redPixels(image) > image.width() * image.height() / 100, qPrintable(QString::number(redPixels(image))));
        // A cancelled order voids its tickets even when the ticket row is not flagged yet.
        v1::Order cancelled = sampleOrder(1);
        cancelled.set_status(v1::ORDER_CANCELLED);
        widget.setTicket(cancelled, cancelled.tickets(0));
        QVERIFY(widget.isVoid());
    }

    void emptyAndBrokenTickets()
    {
        TicketWidget widget;
        QVERIFY(!render(widget, 300).isNull()); // placeholder
        core_tickets::TicketFields fields;
        fields.eventTitle = std::string(20000, 'W');
        fields.code = ""; // no code: blank square, no crash
        widget.setFields(fields);
        QVERIFY(decodeQr(render(widget, 300)).isEmpty());
        widget.clear();
        QVERIFY(!widget.hasTicket());
    }

    void pdfExportHasOnePagePerTicket()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("tickets.pdf"));
        QString error;
        QVERIFY2(exportTicketsPdf(sampleOrder(3), path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        QCOMPARE(pdfPages(pdf), 3);
        const QString preview = qEnvironmentVariable("MARQUEE_TICKET_PREVIEW_DIR");
        if (!preview.isEmpty())
            QFile::copy(path, preview + QStringLiteral("/client-tickets.pdf"));
        // A6 (Qt rounds it to whole points: 297 x 420).
        static const QRegularExpression a6(QStringLiteral("/MediaBox \\[0 0 29[78][.0-9]* 4(19|20)[.0-9]*\\]"));
        QVERIFY(a6.match(QString::fromLatin1(pdf)).hasMatch());
        file.close();
        // Exporting again replaces the file.
        QVERIFY(exportTicketsPdf(sampleOrder(1, true), path, &error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(pdfPages(file.readAll()), 1);
    }

    void pdfExportErrors()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!exportTicketsPdf(sampleOrder(0), dir.filePath(QStringLiteral("none.pdf")), &error));
        QVERIFY(error.contains(QStringLiteral("no tickets")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.pdf"))));
        error.clear();
        QVERIFY(!exportTicketsPdf(sampleOrder(1), dir.filePath(QStringLiteral("missing/dir/t.pdf")), &error));
        QVERIFY(error.startsWith(QStringLiteral("Could not write")));
    }

    void verifierOffline()
    {
        const v1::Order order = sampleOrder(1);
        const QString code = QString::fromStdString(order.tickets(0).code());
        const TicketVerifier verifier(lookupOf(signingKey()));
        const auto valid = verifier.verify(QStringLiteral("  ") + code + QStringLiteral("\n"));
        QCOMPARE(valid.outcome, TicketVerifier::Outcome::Valid);
        QVERIFY(valid.valid());
        QCOMPARE(valid.claims.ticketId, order.tickets(0).id());
        QCOMPARE(valid.message, QStringLiteral("Valid ticket"));

        QString altered = code;
        altered[10] = altered[10] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY(!verifier.verify(altered).valid());
        QString badSignature = code;
        const auto at = badSignature.size() - 10;
        badSignature[at] = badSignature[at] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QCOMPARE(verifier.verify(badSignature).outcome, TicketVerifier::Outcome::BadSignature);

        QCOMPARE(TicketVerifier(lookupOf(core_tickets::generateKeyPair())).verify(code).outcome,
                 TicketVerifier::Outcome::UnknownKey);
        QCOMPARE(TicketVerifier(nullptr).verify(code).outcome, TicketVerifier::Outcome::UnknownKey);
        QCOMPARE(verifier.verify(QString()).outcome, TicketVerifier::Outcome::Malformed);
        QCOMPARE(verifier.verify(QStringLiteral("MQT1.äöü.€")).outcome, TicketVerifier::Outcome::Malformed);
        QCOMPARE(verifier.verify(QString(100000, QLatin1Char('x'))).outcome, TicketVerifier::Outcome::Malformed);
        // Signed after its key was retired: only a leaked secret can do that.
        QCOMPARE(TicketVerifier(lookupOf(signingKey(), 1749800000000)).verify(code).outcome,
                 TicketVerifier::Outcome::AfterRetirement);
        QCOMPARE(TicketVerifier(lookupOf(signingKey(), 1750000000000)).verify(code).outcome,
                 TicketVerifier::Outcome::Valid);
        // A cached key of the wrong length is no key.
        const TicketVerifier shortKey([](const QString&) { return std::optional<CachedTicketKey>(CachedTicketKey{QByteArray(5, 'k'), 0}); });
        QCOMPARE(shortKey.verify(code).outcome, TicketVerifier::Outcome::UnknownKey);
        for (const auto outcome : {TicketVerifier::Outcome::Valid, TicketVerifier::Outcome::Malformed,
                                   TicketVerifier::Outcome::UnknownKey, TicketVerifier::Outcome::BadSignature,
                                   TicketVerifier::Outcome::AfterRetirement})
            QVERIFY(!TicketVerifier::describe(outcome).isEmpty());
    }

    void keysFromChangePayloads()
    {
        v1::TicketKey record;
        record.set_key_id(signingKey().keyId);
        record.set_public_key(std::string(reinterpret_cast<const char*>(signingKey().publicKey.data()), 32));
        record.set_valid_from_ms(1);
        record.set_retired_at_ms(42);
        const std::string wire = record.SerializeAsString();
        QString keyId;
        const auto cached =
            TicketVerifier::fromTicketKeyPayload(QByteArray(wire.data(), static_cast<qsizetype>(wire.size())), &keyId);
        QVERIFY(cached.has_value());
        QCOMPARE(keyId, QString::fromStdString(signingKey().keyId));
        QCOMPARE(cached->retiredAtMs, qint64{42});
        QCOMPARE(cached->publicKey.size(), qsizetype{32});
        QVERIFY(!TicketVerifier::fromTicketKeyPayload(QByteArray("\xff\xff\xff garbage")).has_value());
        record.set_public_key("short");
        const std::string bad = record.SerializeAsString();
        QVERIFY(!TicketVerifier::fromTicketKeyPayload(QByteArray(bad.data(), static_cast<qsizetype>(bad.size()))).has_value());
    }
};

QTEST_MAIN(TestTicketsClient)
#include "test_tickets_client.moc"
