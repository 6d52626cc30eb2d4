// DayReportDialog: the end-of-day report (GetDayReport) per device and staff member: sales by
// payment method, refunds, tickets, cash expected against cash counted (entered here and
// recorded with RecordCashCount, the difference shown), a bar chart by payment method, and
// printing or saving the whole report as PDF.
#pragma once

#include "net/boxofficecodec.h"
#include "printing/printservice.h"

#include <QDialog>

class QBarSet;
class QChart;
class QChartView;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace marquee::client {

class ClientSession;
class CounterService;

class DayReportDialog : public QDialog {
    Q_OBJECT
public:
    DayReportDialog(ClientSession* session, CounterService* counter, QWidget* parent = nullptr);

    // Where "Print / save as PDF" goes (the box office's printer or PDF folder); not owned.
    void setPrintService(const printing::PrintService* print) { m_print = print; }
    DayReportInfo report() const { return m_report; }
    // Sales minus refunds per payment method over every row (what the chart shows).
    QMap<PaymentMethod, qint64> netByMethod() const;
    // The chart's sales bars (cash, card terminal, card online) in currency units.
    QList<qreal> chartSales() const;

    QDateEdit* dayEdit() const { return m_day; }
    QPushButton* loadButton() const { return m_load; }
    QTableWidget* table() const { return m_table; }
    QChartView* chartView() const { return m_chartView; }
    QLineEdit* countedEdit() const { return m_counted; }
    QPushButton* recordCountButton() const { return m_recordCount; }
    QLabel* differenceLabel() const { return m_difference; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* messageLabel() const { return m_message; }

public Q_SLOTS:
    void load();
    void recordCount();
    // Prints the report (table and chart) on A4, or writes "day-report-<day>.pdf" to the PDF
    // folder; the PDF's path (empty when printed on paper or on an error).
    QString savePdf();

private:
    void showReport(const DayReportInfo& report);
    QString timeZone() const;
    QString html() const;

    ClientSession* m_session;
    CounterService* m_counter;
    const printing::PrintService* m_print = nullptr;
    DayReportInfo m_report;

    QDateEdit* m_day;
    QPushButton* m_load;
    QTableWidget* m_table;
    QChart* m_chart;
    QBarSet* m_salesBars = nullptr; // owned by the chart's series
    QChartView* m_chartView;
    QLineEdit* m_counted;
    QPushButton* m_recordCount;
    QLabel* m_difference;
    QPushButton* m_save;
    QLabel* m_message;
};

} // namespace marquee::client
