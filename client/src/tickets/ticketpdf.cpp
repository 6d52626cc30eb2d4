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

std::vector<PreparedTicket> prepareTickets(const v1::Order& order, core::tickets::TicketFormat format,
                                           const QLocale& locale)
{
    const auto captions = ticketCaptions();
    std::vector<PreparedTicket> out;
    out.reserve(static_cast<std::size_t>(order.tickets_size()));
    for (const auto& ticket : order.tickets()) {
        const auto fields = ticketFields(order, ticket, locale);
        PreparedTicket prepared{core::tickets::layoutTicket(fields, captions, format), {}};
        try {
            prepared.qr = core::tickets::encodeQr(fields.code);
        } catch (const std::exception&) {
            prepared.qr = {}; // a ticket without a usable code prints without a symbol rather than a wrong one
        }
        out.push_back(std::move(prepared));
    }
    return out;
}

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
    for (const PreparedTicket& ticket : prepareTickets(order, core::tickets::TicketFormat::A6, locale)) {
        if (!first)
            writer.newPage();
        first = false;
        // Qt's A6 is whole points (104.8 x 148.2 mm): fit the layout's 105 x 148 mm into it.
        const auto& page = ticket.page;
        const double scale = std::min(writer.width() / page.widthMm, writer.height() / page.heightMm);
        paintTicket(painter, QRectF(0, 0, page.widthMm * scale, page.heightMm * scale), page, ticket.qr, false);
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
