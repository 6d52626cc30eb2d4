// PrintService: prints tickets, receipts and documents (the box office's day report) through
// Qt Print Support: QPrinter on the configured printer, or QPrinter's PDF output into the
// configured folder. Tickets are drawn by the one ticket painter (client/src/tickets) from
// core::tickets::layoutTicket, as A6 pages or on an 80 mm roll; receipts by ReceiptLayout.
#pragma once

#include "printing/printtarget.h"
#include "printing/receipt.h"
#include "store/bookingrecords.h"

#include <QLocale>

class QTextDocument;

namespace marquee::v1 {
class Order;
}

namespace marquee::client::printing {

class PrintService {
public:
    explicit PrintService(PrintTarget target = {});

    const PrintTarget& target() const { return m_target; }
    void setTarget(PrintTarget target) { m_target = std::move(target); }

    // Every ticket of the order, one page each (void tickets carry their stamp). PDF target:
    // "<order code>-tickets.pdf" (a reprint gets "-2", "-3", …, never overwriting).
    PrintResult printTickets(const OrderInfo& order, const QLocale& locale = QLocale()) const;
    PrintResult printTickets(const v1::Order& order, const QLocale& locale = QLocale()) const;
    // On an 80 mm roll whatever the ticket paper. PDF target: "<order code>-receipt.pdf".
    PrintResult printReceipt(const Receipt& receipt) const;
    // A rich-text document (a report) paginated on `paper`; on the roll it is one long page.
    PrintResult printDocument(QTextDocument& document, const QString& baseName, Paper paper) const;

    // Printer names Qt Print Support knows on this machine (settings screens).
    static QStringList availablePrinters();

private:
    PrintTarget m_target;
};

} // namespace marquee::client::printing
