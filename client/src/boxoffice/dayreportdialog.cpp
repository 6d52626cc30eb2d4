// DayReportDialog implementation (see dayreportdialog.h).
#include "boxoffice/dayreportdialog.h"

#include "boxoffice/counterservice.h"
#include "boxoffice/leaseservice.h"
#include "models/eventformat.h"
#include "services/accountservice.h"
#include "services/clientsession.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTableWidget>
#include <QTextDocument>
#include <QTimeZone>
#include <QValueAxis>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

const QList<PaymentMethod> kMethods{PaymentMethod::Cash, PaymentMethod::CardTerminal, PaymentMethod::CardOnline};

QString methodName(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Cash:
        return DayReportDialog::tr("Cash");
    case PaymentMethod::CardTerminal:
        return DayReportDialog::tr("Card terminal");
    case PaymentMethod::CardOnline:
        return DayReportDialog::tr("Card online");
    case PaymentMethod::Unspecified:
        break;
    }
    return DayReportDialog::tr("Other");
}

// "€5.00 short" / "€2.50 over": a negative amount in parentheses is easy to misread at a till.
QString differenceText(qint64 differenceMinor, const QString& currency)
{
    if (differenceMinor == 0)
        return DayReportDialog::tr("balanced");
    return differenceMinor < 0 ? DayReportDialog::tr("%1 short").arg(format::money(-differenceMinor, currency))
                               : DayReportDialog::tr("%1 over").arg(format::money(differenceMinor, currency));
}

// The chart's width in the printed report: A4's text width at the 96 dpi QTextDocument lays
// out in (186 mm), so the chart is scaled down instead of cut off at the margin.
constexpr int kChartWidthOnPage = 680;

PaymentTotalsInfo totalsFor(const DayReportRowInfo& row, PaymentMethod method)
{
    for (const PaymentTotalsInfo& t : row.totals)
        if (t.method == method)
            return t;
    return PaymentTotalsInfo{method};
}

} // namespace

DayReportDialog::DayReportDialog(ClientSession* session, CounterService* counter, QWidget* parent)
    : QDialog(parent), m_session(session), m_counter(counter)
{
    setWindowTitle(tr("End-of-day report"));
    resize(1000, 760);
    m_day = new QDateEdit(QDate::currentDate(), this);
    m_day->setCalendarPopup(true);
    m_load = new QPushButton(tr("Load"), this);
    m_save = new QPushButton(tr("Print / save as PDF"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Day:"), this));
    top->addWidget(m_day);
    top->addWidget(m_load);
    top->addStretch(1);
    top->addWidget(m_save);

    m_table = new QTableWidget(0, 10, this);
    m_table->setHorizontalHeaderLabels({tr("Device"), tr("Staff"), tr("Cash"), tr("Card terminal"), tr("Card online"),
                                        tr("Refunds"), tr("Tickets"), tr("Cash expected"), tr("Cash counted"),
                                        tr("Difference")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();

    m_chart = new QChart;
    m_chart->setTitle(tr("Sales by payment method"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(280);

    m_counted = new QLineEdit(this);
    m_counted->setPlaceholderText(tr("Cash counted in this drawer, e.g. 412.50"));
    m_recordCount = new QPushButton(tr("Record cash count"), this);
    m_difference = new QLabel(this);
    QFont f = m_difference->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_difference->setFont(f);
    auto* countRow = new QHBoxLayout;
    countRow->addWidget(new QLabel(tr("Cash counted:"), this));
    countRow->addWidget(m_counted, 1);
    countRow->addWidget(m_recordCount);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto* outer = new QVBoxLayout(this);
    outer->addLayout(top);
    outer->addWidget(m_table, 1);
    outer->addWidget(m_chartView, 1);
    outer->addLayout(countRow);
    outer->addWidget(m_difference);
    outer->addWidget(m_message);

    connect(m_load, &QPushButton::clicked, this, &DayReportDialog::load);
    connect(m_recordCount, &QPushButton::clicked, this, &DayReportDialog::recordCount);
    connect(m_save, &QPushButton::clicked, this, &DayReportDialog::savePdf);
    connect(m_counter, &CounterService::dayReportLoaded, this, &DayReportDialog::showReport);
    connect(m_counter, &CounterService::cashCountRecorded, this, [this] {
        m_message->setText(tr("Cash count recorded."));
        load();
    });
    connect(m_counter, &CounterService::failed, m_message, &QLabel::setText);
    showReport({});
}

QString DayReportDialog::timeZone() const { return QString::fromUtf8(QTimeZone::systemTimeZoneId()); }

void DayReportDialog::load()
{
    m_message->clear();
    m_counter->loadDayReport(m_day->date(), timeZone());
}

void DayReportDialog::recordCount()
{
    const QString currency = m_report.currency.isEmpty() ? QStringLiteral("EUR") : m_report.currency;
    const auto counted = format::parseMoney(m_counted->text(), format::currencyDigits(currency));
    if (!counted) {
        m_message->setText(tr("Enter the counted cash like 412.50."));
        return;
    }
    m_counter->recordCashCount(m_day->date(), timeZone(), *counted, currency);
}

QMap<PaymentMethod, qint64> DayReportDialog::netByMethod() const
{
    QMap<PaymentMethod, qint64> net;
    for (const DayReportRowInfo& row : m_report.rows)
        for (const PaymentTotalsInfo& t : row.totals)
            net[t.method] += t.salesMinor - t.refundsMinor;
    return net;
}

void DayReportDialog::showReport(const DayReportInfo& report)
{
    m_report = report;
    const QString currency = report.currency;
    m_table->setRowCount(static_cast<int>(report.rows.size()));
    int r = 0;
    const QString myDevice = m_session->leases()->deviceId();
    const qint64 me = m_session->account()->userId();
    m_difference->clear();
    for (const DayReportRowInfo& row : report.rows) {
        qint64 refunds = 0;
        for (const PaymentTotalsInfo& t : row.totals)
            refunds += t.refundsMinor;
        QStringList cells{row.deviceName.isEmpty() ? row.deviceId : row.deviceName,
                          row.staffName.isEmpty() ? QString::number(row.staffUserId) : row.staffName};
        for (PaymentMethod m : kMethods) {
            const PaymentTotalsInfo t = totalsFor(row, m);
            cells << tr("%1 (sales: %2)").arg(format::money(t.salesMinor, currency)).arg(t.sales);
        }
        cells << format::money(refunds, currency) << QLocale().toString(row.ticketsSold)
              << format::money(row.cashExpectedMinor, currency)
              << (row.cashCounted ? format::money(row.cashCountedMinor, currency) : tr("not counted"))
              << (row.cashCounted ? differenceText(row.cashDifferenceMinor, currency) : QString());
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
        if (row.deviceId == myDevice && row.staffUserId == me) {
            m_difference->setText(
                row.cashCounted
                    ? (row.cashDifferenceMinor == 0 ? tr("This drawer: %1 expected, %2 counted — it balances.")
                                                          .arg(format::money(row.cashExpectedMinor, currency),
                                                               format::money(row.cashCountedMinor, currency))
                                                    : tr("This drawer: %1 expected, %2 counted — %3.")
                                                          .arg(format::money(row.cashExpectedMinor, currency),
                                                               format::money(row.cashCountedMinor, currency),
                                                               differenceText(row.cashDifferenceMinor, currency)))
                    : tr("This drawer: %1 expected; enter the cash counted.").arg(format::money(row.cashExpectedMinor, currency)));
        }
        ++r;
    }

    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes())
        m_chart->removeAxis(axis);
    auto* sales = new QBarSet(tr("Sales"));
    m_salesBars = sales;
    auto* refunds = new QBarSet(tr("Refunds"));
    QStringList categories;
    double top = 0;
    for (PaymentMethod m : kMethods) {
        qint64 s = 0, f = 0;
        for (const DayReportRowInfo& row : report.rows) {
            s += totalsFor(row, m).salesMinor;
            f += totalsFor(row, m).refundsMinor;
        }
        categories << methodName(m);
        *sales << static_cast<double>(s) / 100.0;
        *refunds << static_cast<double>(f) / 100.0;
        top = std::max({top, static_cast<double>(s) / 100.0, static_cast<double>(f) / 100.0});
    }
    auto* series = new QBarSeries;
    series->append(sales);
    series->append(refunds);
    m_chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    m_chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(currency.isEmpty() ? tr("Amount") : tr("Amount (%1)").arg(currency));
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    m_chart->setTitle(report.isValid() ? tr("Sales by payment method, %1").arg(QLocale().toString(m_day->date(), QLocale::LongFormat))
                                       : tr("Sales by payment method"));
    m_save->setEnabled(report.isValid());
    if (report.isValid() && report.rows.isEmpty())
        m_message->setText(tr("No box-office sales on this day."));
}

QList<qreal> DayReportDialog::chartSales() const
{
    QList<qreal> out;
    for (int i = 0; m_salesBars && i < m_salesBars->count(); ++i)
        out << m_salesBars->at(i);
    return out;
}

QString DayReportDialog::html() const
{
    QString out = QStringLiteral("<h2>%1</h2><p>%2</p><table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>")
                      .arg(tr("End-of-day report").toHtmlEscaped(),
                           QLocale().toString(m_day->date(), QLocale::LongFormat).toHtmlEscaped());
    for (int c = 0; c < m_table->columnCount(); ++c)
        out += QStringLiteral("<th>%1</th>").arg(m_table->horizontalHeaderItem(c)->text().toHtmlEscaped());
    out += QStringLiteral("</tr>");
    for (int r = 0; r < m_table->rowCount(); ++r) {
        out += QStringLiteral("<tr>");
        for (int c = 0; c < m_table->columnCount(); ++c)
            out += QStringLiteral("<td>%1</td>").arg(m_table->item(r, c) ? m_table->item(r, c)->text().toHtmlEscaped() : QString());
        out += QStringLiteral("</tr>");
    }
    out += QStringLiteral("</table><p>%1</p><p><img src='chart:bars' width='%2'></p>").arg(m_difference->text().toHtmlEscaped())
               .arg(kChartWidthOnPage);
    return out;
}

QString DayReportDialog::savePdf()
{
    if (!m_print)
        return {};
    QTextDocument doc;
    doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart:bars")), m_chartView->grab().toImage());
    doc.setHtml(html());
    const printing::PrintResult result = m_print->printDocument(
        doc, QStringLiteral("day-report-%1").arg(m_day->date().toString(Qt::ISODate)), printing::Paper::A4);
    if (!result.ok) {
        m_message->setText(result.error);
        return {};
    }
    if (result.files.isEmpty()) {
        m_message->setText(tr("Report sent to the printer."));
        return {};
    }
    m_message->setText(tr("Report saved to %1").arg(QDir::toNativeSeparators(result.files.first())));
    return result.files.first();
}

} // namespace marquee::client
