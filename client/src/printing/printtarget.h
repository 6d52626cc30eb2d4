// Where and on what paper Marquee prints: a named printer (Qt Print Support) or PDF files in a
// folder (tests, kiosks without a printer, archives), and what a print job produced.
#pragma once

#include <QString>
#include <QStringList>

namespace marquee::client::printing {

enum class Paper {
    A6,       // ticket stock, 105 x 148 mm
    Roll80mm, // receipt/ticket roll printers: 80 mm wide (72 mm printable), each page as long as it needs
    A4,       // reports on an office printer
};

struct PrintTarget {
    QString printerName;  // empty: PDF files in pdfDirectory
    QString pdfDirectory;
    Paper ticketPaper = Paper::A6;
    bool printsToPdf() const { return printerName.isEmpty(); }
};

struct PrintResult {
    bool ok = false;
    QString error;     // translated, for the screen
    QStringList files; // the PDF files written (PDF targets)
};

// "a6", "roll80", "a4" (settings files) and back; unknown text gives `fallback`.
QString paperKey(Paper paper);
Paper paperFromKey(const QString& key, Paper fallback = Paper::A6);

} // namespace marquee::client::printing
