// PrintService implementation: one QPrinter per job, printer or PDF, resolution 300 dpi.
#include "printing/printservice.h"

#include "marquee/v1/order.pb.h"
#include "net/protobytes.h"
#include "tickets/ticketpainter.h"
#include "tickets/ticketpdf.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QRegularExpression>
#include <QTextDocument>

#include <memory>

namespace marquee::client::printing {

namespace {

constexpr int kResolution = 300;
constexpr double kRollWidthMm = 80.0;
constexpr double kMmPerInch = 25.4;

class PrintText {
    Q_DECLARE_TR_FUNCTIONS(PrintText)
};

QPageSize pageSizeFor(Paper paper, double heightMm)
{
    switch (paper) {
    case Paper::A6:
        return QPageSize(QPageSize::A6);
    case Paper::A4:
        return QPageSize(QPageSize::A4);
    case Paper::Roll80mm:
        break;
    }
    return QPageSize(QSizeF(kRollWidthMm, heightMm), QPageSize::Millimeter, QStringLiteral("Roll 80 mm"),
                     QPageSize::ExactMatch);
}

// A file name that does not exist yet: base.pdf, base-2.pdf, …
QString freePdfPath(const QString& directory, QString base)
{
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QDir dir(directory);
    QString path = dir.filePath(base + QStringLiteral(".pdf"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QStringLiteral("%1-%2.pdf").arg(base).arg(n));
    return path;
}

// A printer for one job, or null with the reason in `result`.
std::unique_ptr<QPrinter> openPrinter(const PrintTarget& target, const QString& baseName, const QString& title,
                                      PrintResult& result)
{
    auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    printer->setResolution(kResolution);
    printer->setFullPage(true);
    printer->setDocName(title);
    printer->setCreator(QStringLiteral("Marquee"));
    if (target.printsToPdf()) {
        if (target.pdfDirectory.isEmpty() || !QDir().mkpath(target.pdfDirectory)) {
            result.error = PrintText::tr("The PDF folder \"%1\" cannot be used.").arg(target.pdfDirectory);
            return nullptr;
        }
        const QString path = freePdfPath(target.pdfDirectory, baseName);
        printer->setOutputFormat(QPrinter::PdfFormat);
        printer->setOutputFileName(path);
        result.files << path;
    } else {
        printer->setPrinterName(target.printerName);
        if (!printer->isValid()) {
            result.error = PrintText::tr("The printer \"%1\" is not available.").arg(target.printerName);
            return nullptr;
        }
    }
    return printer;
}

bool setPage(QPrinter& printer, Paper paper, double heightMm)
{
    return printer.setPageLayout(QPageLayout(pageSizeFor(paper, heightMm), QPageLayout::Portrait, QMarginsF()));
}

std::vector<tickets::PreparedTicket> prepareTicketsFor(const v1::Order& order, Paper paper, const QLocale& locale)
{
    return tickets::prepareTickets(order,
                                   paper == Paper::Roll80mm ? core::tickets::TicketFormat::Receipt80mm
                                                            : core::tickets::TicketFormat::A6,
                                   locale);
}

PrintResult failed(PrintResult result, const QString& error)
{
    result.ok = false;
    result.error = error;
    return result;
}

} // namespace

QString paperKey(Paper paper)
{
    switch (paper) {
    case Paper::A6:
        return QStringLiteral("a6");
    case Paper::Roll80mm:
        return QStringLiteral("roll80");
    case Paper::A4:
        break;
    }
    return QStringLiteral("a4");
}

Paper paperFromKey(const QString& key, Paper fallback)
{
    for (Paper paper : {Paper::A6, Paper::Roll80mm, Paper::A4})
        if (key == paperKey(paper))
            return paper;
    return fallback;
}

PrintService::PrintService(PrintTarget target) : m_target(std::move(target)) {}

QStringList PrintService::availablePrinters() { return QPrinterInfo::availablePrinterNames(); }

PrintResult PrintService::printTickets(const OrderInfo& order, const QLocale& locale) const
{
    v1::Order message;
    if (!parseMessage(message, order.encoded))
        return failed({}, PrintText::tr("The order could not be read."));
    return printTickets(message, locale);
}

PrintResult PrintService::printTickets(const v1::Order& order, const QLocale& locale) const
{
    PrintResult result;
    const Paper paper = m_target.ticketPaper == Paper::Roll80mm ? Paper::Roll80mm : Paper::A6;
    const auto tickets = prepareTicketsFor(order, paper, locale);
    if (tickets.empty())
        return failed(result, PrintText::tr("This order has no tickets yet."));
    const QString code = QString::fromStdString(order.code());
    auto printer = openPrinter(m_target, code + QStringLiteral("-tickets"), PrintText::tr("Tickets %1").arg(code), result);
    if (!printer)
        return result;
    setPage(*printer, paper, tickets.front().page.heightMm);
    QPainter painter;
    if (!painter.begin(printer.get()))
        return failed(result, PrintText::tr("Printing the tickets could not start."));
    bool first = true;
    for (const auto& ticket : tickets) {
        if (!first) {
            setPage(*printer, paper, ticket.page.heightMm); // a roll page is as long as its ticket
            printer->newPage();
        }
        first = false;
        const QRectF page = printer->paperRect(QPrinter::DevicePixel);
        const double scale = std::min(page.width() / ticket.page.widthMm, page.height() / ticket.page.heightMm);
        tickets::paintTicket(painter, QRectF(0, 0, ticket.page.widthMm * scale, ticket.page.heightMm * scale),
                             ticket.page, ticket.qr, false);
    }
    if (!painter.end())
        return failed(result, PrintText::tr("The tickets could not be printed."));
    result.ok = true;
    return result;
}

PrintResult PrintService::printReceipt(const Receipt& receipt) const
{
    PrintResult result;
    auto printer = openPrinter(m_target, receipt.orderCode + QStringLiteral("-receipt"),
                               PrintText::tr("Receipt %1").arg(receipt.orderCode), result);
    if (!printer)
        return result;
    const ReceiptLayout layout(receipt, *printer, kRollWidthMm);
    setPage(*printer, Paper::Roll80mm, layout.heightMm());
    QPainter painter;
    if (!painter.begin(printer.get()))
        return failed(result, PrintText::tr("Printing the receipt could not start."));
    layout.paint(painter);
    if (!painter.end())
        return failed(result, PrintText::tr("The receipt could not be printed."));
    result.ok = true;
    return result;
}

PrintResult PrintService::printDocument(QTextDocument& document, const QString& baseName, Paper paper) const
{
    PrintResult result;
    auto printer = openPrinter(m_target, baseName, baseName, result);
    if (!printer)
        return result;
    if (paper == Paper::Roll80mm) {
        // One page as long as the document: lay it out at the printable width first.
        const double unitsPerMm = printer->logicalDpiY() / kMmPerInch;
        document.documentLayout()->setPaintDevice(printer.get());
        document.setDocumentMargin(4 * unitsPerMm);
        document.setTextWidth(kRollWidthMm * unitsPerMm);
        const double heightMm = document.size().height() / unitsPerMm + 10;
        setPage(*printer, paper, heightMm);
        QPainter painter;
        if (!painter.begin(printer.get()))
            return failed(result, PrintText::tr("Printing could not start."));
        document.drawContents(&painter);
        painter.end();
    } else {
        setPage(*printer, paper, 0);
        printer->setFullPage(false);
        printer->setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        document.print(printer.get());
    }
    if (printer->printerState() == QPrinter::Error)
        return failed(result, PrintText::tr("The document could not be printed."));
    result.ok = true;
    return result;
}

} // namespace marquee::client::printing
