// exportTicketsPdf: QPdfWriter at 300 dpi, A6 without margins, one page per ticket.
#include "tickets/ticketpdf.h"

#include "marquee/v1/order.pb.h"
#include "tickets/ticketcontent.h"
#include "tickets/ticketpainter.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <stdexcept>

namespace marquee::client::tickets {

namespace {

class TicketPdfText {
    Q_DECLARE_TR_FUNCTIONS(TicketPdfText)
public:
    static QString noTickets() { return tr("This order has no tickets yet."); }
    static QString cannotWrite(const QString& path, const QString& reason)
    {
        return tr("Could not write %1: %2").arg(path, reason);
    }
    static QString title(const QString& orderCode) { return tr("Tickets %1").arg(orderCode); }
};

void setError(QString* error, const QString& text)
{
    if (error)
        *error = text;
}

} // namespace

bool exportTicketsPdf(const v1::Order& order, const QString& path, QString* error, const QLocale& locale)
{
    if (order.tickets().empty()) {
        setError(error, TicketPdfText::noTickets());
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        setError(error, TicketPdfText::cannotWrite(path, file.errorString()));
        return false;
    }
    const auto captions = ticketCaptions();
    QPdfWriter writer(&file);
    writer.setCreator(QStringLiteral("Marquee"));
    writer.setTitle(TicketPdfText::title(QString::fromStdString(order.code())));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A6), QPageLayout::Portrait, QMarginsF()));
    QPainter painter;
    if (!painter.begin(&writer)) {
        setError(error, TicketPdfText::cannotWrite(path, file.errorString()));
        return false;
    }
    bool first = true;
    for (const auto& ticket : order.tickets()) {
        if (!first)
            writer.newPage();
        first = false;
        const auto fields = ticketFields(order, ticket, locale);
        const auto page = core::tickets::layoutTicket(fields, captions, core::tickets::TicketFormat::A6);
        core::tickets::QrMatrix qr;
        try {
            qr = core::tickets::encodeQr(fields.code);
        } catch (const std::exception&) {
            qr = {}; // a ticket without a usable code prints without a symbol rather than a wrong one
        }
        // Qt's A6 is whole points (104.8 x 148.2 mm): fit the layout's 105 x 148 mm into it.
        const double scale = std::min(writer.width() / page.widthMm, writer.height() / page.heightMm);
        paintTicket(painter, QRectF(0, 0, page.widthMm * scale, page.heightMm * scale), page, qr, false);
    }
    painter.end();
    file.close();
    if (file.error() != QFileDevice::NoError) {
        setError(error, TicketPdfText::cannotWrite(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace marquee::client::tickets
