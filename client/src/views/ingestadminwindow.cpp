// IngestAdminWindow: tables over IngestAdminService's answers; every action is a service call.
#include "views/ingestadminwindow.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace marquee::client {

namespace {

enum SourceColumn { ColName, ColStatus, ColLastRun, ColNextRun, ColCounts, ColFailures, ColQuarantine, ColUrl, SourceColumns };
enum QuarantineColumn { QColSource, QColRef, QColReason, QColFetched, QColAttempts, QuarantineColumns };

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

} // namespace

IngestAdminWindow::IngestAdminWindow(IngestAdminService* service, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_service(service)
{
    setWindowTitle(tr("Ingest Administration"));
    resize(1100, 720);

    m_sources = makeTable({tr("Source"), tr("Status"), tr("Last run"), tr("Next run"), tr("Last counts"), tr("Failures"),
                           tr("Quarantined"), tr("URL")},
                          this);
    m_sources->setSelectionMode(QAbstractItemView::SingleSelection);
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    m_run = new QPushButton(tr("Run now"), this);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy: a run reports no progress until it is over
    m_busy->setMaximumWidth(160);
    m_busy->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* sourceButtons = new QHBoxLayout;
    sourceButtons->addWidget(refreshButton);
    sourceButtons->addWidget(m_run);
    sourceButtons->addWidget(m_busy);
    sourceButtons->addWidget(m_status, 1);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(new QLabel(tr("<b>Sources</b>"), top));
    topLayout->addWidget(m_sources, 1);
    topLayout->addLayout(sourceButtons);

    m_quarantine = makeTable({tr("Source"), tr("Record"), tr("Reason"), tr("Fetched"), tr("Attempts")}, this);
    m_quarantine->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_detail = new QPlainTextEdit(this);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a quarantined record to see its reason and raw data."));
    m_external = new QLineEdit(this);
    m_external->setPlaceholderText(tr("category word in the feed, e.g. Poetry slam"));
    m_category = new QLineEdit(this);
    m_category->setPlaceholderText(tr("Marquee category id, e.g. talks.readings"));
    m_saveMapping = new QPushButton(tr("Save Mapping"), this);
    m_retry = new QPushButton(tr("Retry Selected"), this);
    auto* mapping = new QFormLayout;
    mapping->addRow(tr("Source category:"), m_external);
    mapping->addRow(tr("Maps to:"), m_category);
    auto* quarantineButtons = new QHBoxLayout;
    quarantineButtons->addWidget(m_saveMapping);
    quarantineButtons->addWidget(m_retry);
    quarantineButtons->addStretch(1);

    auto* detailPane = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail, 1);
    detailLayout->addLayout(mapping);
    detailLayout->addLayout(quarantineButtons);

    auto* quarantineSplit = new QSplitter(Qt::Horizontal, this);
    quarantineSplit->addWidget(m_quarantine);
    quarantineSplit->addWidget(detailPane);
    quarantineSplit->setStretchFactor(0, 3);
    quarantineSplit->setStretchFactor(1, 2);
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(new QLabel(tr("<b>Quarantine</b>"), bottom));
    bottomLayout->addWidget(quarantineSplit, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(refreshButton, &QPushButton::clicked, this, &IngestAdminWindow::refresh);
    connect(m_run, &QPushButton::clicked, this, &IngestAdminWindow::runSelected);
    connect(m_retry, &QPushButton::clicked, this, &IngestAdminWindow::retrySelected);
    connect(m_saveMapping, &QPushButton::clicked, this, &IngestAdminWindow::saveMapping);
    connect(m_quarantine, &QTableWidget::itemSelectionChanged, this, &IngestAdminWindow::showSelectedEntry);
    connect(m_service, &IngestAdminService::sourcesReceived, this, &IngestAdminWindow::showSources);
    connect(m_service, &IngestAdminService::quarantineReceived, this, &IngestAdminWindow::showQuarantine);
    connect(m_service, &IngestAdminService::runStarted, this, [this](const QString& source) {
        setBusy(true);
        m_status->setText(tr("Running %1…").arg(source));
    });
    connect(m_service, &IngestAdminService::runFinished, this, &IngestAdminWindow::showRunResult);
    connect(m_service, &IngestAdminService::retryFinished, this, &IngestAdminWindow::showRetryResults);
    connect(m_service, &IngestAdminService::mappingSaved, this, [this](const QString& source, const QString& external) {
        m_status->setText(tr("Mapping for “%1” in %2 saved; retry the affected records.").arg(external, source));
    });
    connect(m_service, &IngestAdminService::requestFailed, this, &IngestAdminWindow::showError);
    refresh();
}

void IngestAdminWindow::refresh()
{
    m_service->refreshSources();
    m_service->refreshQuarantine();
}

QString IngestAdminWindow::statusText() const { return m_status->text(); }

QString IngestAdminWindow::countsText(const IngestCountsInfo& c) const
{
    const QLocale locale;
    return tr("%1 new, %2 updated, %3 unchanged, %4 quarantined")
        .arg(locale.toString(c.created), locale.toString(c.updated), locale.toString(c.unchanged + c.merged),
             locale.toString(c.quarantined));
}

QString IngestAdminWindow::statusName(const IngestSourceInfo& s) const
{
    QString state;
    if (s.lastStatus == QLatin1String("ok"))
        state = tr("OK");
    else if (s.lastStatus == QLatin1String("not_modified"))
        state = tr("Not modified");
    else if (s.lastStatus == QLatin1String("failed"))
        state = tr("Failed: %1").arg(s.lastError);
    else if (s.lastStatus == QLatin1String("running"))
        state = tr("Running");
    else
        state = tr("Never run");
    return s.paused ? tr("Paused · %1").arg(state) : state;
}

void IngestAdminWindow::showSources(const QVector<IngestSourceInfo>& sources)
{
    const QString selected = selectedSource();
    const QLocale locale;
    m_sources->setRowCount(static_cast<int>(sources.size()));
    for (int row = 0; row < sources.size(); ++row) {
        const auto& s = sources[row];
        m_sources->setItem(row, ColName, cell(s.name));
        m_sources->setItem(row, ColStatus, cell(statusName(s)));
        m_sources->setItem(row, ColLastRun,
                           cell(s.lastRunAt.isValid() ? locale.toString(s.lastRunAt.toLocalTime(), QLocale::ShortFormat)
                                                      : tr("never")));
        m_sources->setItem(row, ColNextRun,
                           cell(s.kind == QLatin1String("url") && !s.paused
                                    ? locale.toString(s.nextRunAt.toLocalTime(), QLocale::ShortFormat)
                                    : tr("not scheduled")));
        m_sources->setItem(row, ColCounts, cell(s.lastRunAt.isValid() ? countsText(s.lastCounts) : QString()));
        m_sources->setItem(row, ColFailures, cell(locale.toString(s.failures)));
        m_sources->setItem(row, ColQuarantine, cell(locale.toString(s.openQuarantine)));
        m_sources->setItem(row, ColUrl, cell(s.kind == QLatin1String("url") ? s.url : tr("(file uploads)")));
        if (s.name == selected || (selected.isEmpty() && row == 0))
            m_sources->selectRow(row);
    }
    m_sources->resizeColumnsToContents();
}

void IngestAdminWindow::showQuarantine(const QVector<QuarantineInfo>& entries)
{
    m_entries = entries;
    const QLocale locale;
    m_quarantine->clearSelection();
    m_quarantine->setRowCount(static_cast<int>(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const auto& e = entries[row];
        m_quarantine->setItem(row, QColSource, cell(e.source));
        m_quarantine->setItem(row, QColRef, cell(e.ref));
        m_quarantine->setItem(row, QColReason, cell(e.reason));
        m_quarantine->setItem(row, QColFetched, cell(locale.toString(e.fetchedAt.toLocalTime(), QLocale::ShortFormat)));
        m_quarantine->setItem(row, QColAttempts, cell(locale.toString(e.attempts)));
    }
    m_quarantine->resizeColumnsToContents();
    m_quarantine->setColumnWidth(QColReason, std::min(m_quarantine->columnWidth(QColReason), 280)); // full text: detail pane
    if (!entries.isEmpty())
        m_quarantine->selectRow(0);
    showSelectedEntry();
}

void IngestAdminWindow::showSelectedEntry()
{
    const auto rows = m_quarantine->selectionModel()->selectedRows();
    m_retry->setEnabled(!rows.isEmpty());
    if (rows.isEmpty() || rows.first().row() >= m_entries.size()) {
        m_detail->clear();
        return;
    }
    const auto& e = m_entries[rows.first().row()];
    m_detail->setPlainText(tr("Source: %1\nRecord: %2\nReason: %3\n\nRaw data:\n%4").arg(e.source, e.ref, e.reason, e.raw));
}

QString IngestAdminWindow::selectedSource() const
{
    const auto rows = m_sources->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const auto* item = m_sources->item(rows.first().row(), ColName);
    return item ? item->text() : QString();
}

void IngestAdminWindow::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_run->setEnabled(!busy);
}

void IngestAdminWindow::runSelected()
{
    const QString source = selectedSource();
    if (source.isEmpty()) {
        m_status->setText(tr("Select a source to run."));
        return;
    }
    m_service->runSource(source);
}

void IngestAdminWindow::showRunResult(const QString& source, const SourceRunInfo& result)
{
    setBusy(false);
    if (result.status == QLatin1String("ok"))
        m_status->setText(tr("%1: %2").arg(source, countsText(result.counts)));
    else if (result.status == QLatin1String("not_modified"))
        m_status->setText(tr("%1: not modified since the last run.").arg(source));
    else
        m_status->setText(tr("%1 failed: %2 (failure %3, next attempt %4)")
                              .arg(source, result.error, QLocale().toString(result.source.failures),
                                   QLocale().toString(result.source.nextRunAt.toLocalTime(), QLocale::ShortFormat)));
    refresh();
}

void IngestAdminWindow::retrySelected()
{
    QVector<qint64> ids;
    for (const auto& index : m_quarantine->selectionModel()->selectedRows())
        if (index.row() < m_entries.size())
            ids.push_back(m_entries[index.row()].id);
    if (!ids.isEmpty())
        m_service->retry(ids);
}

void IngestAdminWindow::showRetryResults(const QVector<RetryOutcomeInfo>& outcomes)
{
    int resolved = 0;
    QStringList still;
    for (const auto& o : outcomes) {
        if (o.resolved)
            ++resolved;
        else
            still << o.reason;
    }
    QString text = tr("%n record(s) moved into the catalog.", nullptr, resolved);
    if (!still.isEmpty())
        text += QLatin1Char(' ') + tr("%n still quarantined: %1", nullptr, static_cast<int>(still.size())).arg(still.join(QStringLiteral("; ")));
    m_status->setText(text);
    refresh();
}

void IngestAdminWindow::saveMapping()
{
    const auto rows = m_quarantine->selectionModel()->selectedRows();
    const QString source = !rows.isEmpty() && rows.first().row() < m_entries.size() ? m_entries[rows.first().row()].source
                                                                                    : selectedSource();
    if (source.isEmpty() || m_external->text().trimmed().isEmpty() || m_category->text().trimmed().isEmpty()) {
        m_status->setText(tr("Select a record or source and fill in both categories."));
        return;
    }
    m_service->setCategoryMapping(source, m_external->text().trimmed(), m_category->text().trimmed());
}

void IngestAdminWindow::showError(const QString& source, const ErrorInfo& error)
{
    if (!source.isEmpty())
        setBusy(false);
    switch (error.code) {
    case ErrorCode::PermissionDenied:
    case ErrorCode::Unauthenticated:
        m_status->setText(tr("Only administrators can manage ingestion."));
        break;
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotFound:
    case ErrorCode::FailedPrecondition:
        m_status->setText(tr("Refused: %1").arg(error.message));
        break;
    default:
        m_status->setText(tr("The server could not do that right now (%1).").arg(error.message));
        break;
    }
}

} // namespace marquee::client
