// IngestAdminWindow: tables over IngestAdminService's answers; every action is a service call.
#include "views/ingestadminwindow.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace marquee::client {

namespace {

enum SourceColumn { ColName, ColStatus, ColLastRun, ColNextRun, ColCounts, ColFailures, ColQuarantine, ColUrl, SourceColumns };
enum RunColumn { RColId, RColState, RColStarted, RColDuration, RColSeen, RColNew, RColChanged, RColUnchanged, RColQuarantined, RColNotes, RunColumns };
enum MappingColumn { MColSource, MColExternal, MColCategory, MappingColumns };
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
    resize(1180, 860);

    m_sources = makeTable({tr("Source"), tr("Status"), tr("Last run"), tr("Next run"), tr("Last counts"), tr("Failures"),
                           tr("Quarantined"), tr("URL")},
                          this);
    m_sources->setSelectionMode(QAbstractItemView::SingleSelection);
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    auto* addButton = new QPushButton(tr("Add Source…"), this);
    m_pause = new QPushButton(tr("Pause"), this);
    m_run = new QPushButton(tr("Run now"), this);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // until the first progress report arrives
    m_busy->setMinimumWidth(220);
    m_busy->setVisible(false);
    // While a run is going, ListSources carries its stage and counts: poll it.
    m_progressPoll = new QTimer(this);
    m_progressPoll->setInterval(500);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* sourceButtons = new QHBoxLayout;
    sourceButtons->addWidget(refreshButton);
    sourceButtons->addWidget(addButton);
    sourceButtons->addWidget(m_pause);
    sourceButtons->addWidget(m_run);
    sourceButtons->addWidget(m_busy);
    sourceButtons->addWidget(m_status, 1);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(new QLabel(tr("<b>Sources</b>"), top));
    topLayout->addWidget(m_sources, 1);
    topLayout->addLayout(sourceButtons);

    // The selected source's runs, newest first; polled while one of them is running.
    m_runs = makeTable({tr("Run"), tr("State"), tr("Started"), tr("Duration"), tr("Seen"), tr("New"), tr("Changed"),
                        tr("Unchanged"), tr("Quarantined"), tr("Details")},
                       this);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runsPoll = new QTimer(this);
    m_runsPoll->setSingleShot(true);
    m_runsPoll->setInterval(1000);
    m_runsTitle = new QLabel(tr("<b>Runs</b>"), this);
    auto* runsPane = new QWidget(this);
    auto* runsLayout = new QVBoxLayout(runsPane);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addWidget(m_runsTitle);
    runsLayout->addWidget(m_runs, 1);

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

    m_mappings = makeTable({tr("Source"), tr("Feed category"), tr("Maps to")}, this);
    m_mappings->setSelectionMode(QAbstractItemView::SingleSelection);
    m_mappings->setMaximumHeight(150);

    auto* detailPane = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail, 1);
    detailLayout->addLayout(mapping);
    detailLayout->addLayout(quarantineButtons);
    detailLayout->addWidget(new QLabel(tr("<b>Category mappings</b>"), detailPane));
    detailLayout->addWidget(m_mappings);

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
    split->addWidget(runsPane);
    split->addWidget(bottom);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(refreshButton, &QPushButton::clicked, this, &IngestAdminWindow::refresh);
    connect(addButton, &QPushButton::clicked, this, &IngestAdminWindow::addSource);
    connect(m_pause, &QPushButton::clicked, this, &IngestAdminWindow::togglePaused);
    connect(m_run, &QPushButton::clicked, this, &IngestAdminWindow::runSelected);
    connect(m_progressPoll, &QTimer::timeout, m_service, &IngestAdminService::refreshSources);
    connect(m_sources, &QTableWidget::itemSelectionChanged, this, &IngestAdminWindow::updateSourceButtons);
    connect(m_sources, &QTableWidget::itemSelectionChanged, this, [this] {
        if (selectedSource() != m_runsTitle->property("source").toString())
            refreshRuns();
    });
    connect(m_runsPoll, &QTimer::timeout, this, &IngestAdminWindow::refreshRuns);
    connect(m_progressPoll, &QTimer::timeout, this, &IngestAdminWindow::refreshRuns);
    connect(m_service, &IngestAdminService::runsReceived, this, &IngestAdminWindow::showRuns);
    connect(m_mappings, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_mappings->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        m_external->setText(m_mappings->item(rows.first().row(), MColExternal)->text());
        m_category->setText(m_mappings->item(rows.first().row(), MColCategory)->text());
    });
    connect(m_service, &IngestAdminService::mappingsReceived, this, &IngestAdminWindow::showMappings);
    connect(m_service, &IngestAdminService::sourceAdded, this, [this](const IngestSourceInfo& source) {
        m_status->setText(tr("Source %1 added; its first run is due now.").arg(source.name));
        refresh();
    });
    connect(m_service, &IngestAdminService::pausedChanged, this, [this](const QString& source, bool paused) {
        m_status->setText(paused ? tr("%1 paused.").arg(source) : tr("%1 resumed.").arg(source));
        refresh();
    });
    connect(m_retry, &QPushButton::clicked, this, &IngestAdminWindow::retrySelected);
    connect(m_saveMapping, &QPushButton::clicked, this, &IngestAdminWindow::saveMapping);
    connect(m_quarantine, &QTableWidget::itemSelectionChanged, this, &IngestAdminWindow::showSelectedEntry);
    connect(m_service, &IngestAdminService::sourcesReceived, this, &IngestAdminWindow::showSources);
    connect(m_service, &IngestAdminService::quarantineReceived, this, &IngestAdminWindow::showQuarantine);
    connect(m_service, &IngestAdminService::runStarted, this, [this](const QString& source) {
        m_running = source;
        setBusy(true);
        m_status->setText(tr("Running %1…").arg(source));
    });
    connect(m_service, &IngestAdminService::runFinished, this, &IngestAdminWindow::showRunResult);
    connect(m_service, &IngestAdminService::retryFinished, this, &IngestAdminWindow::showRetryResults);
    connect(m_service, &IngestAdminService::mappingSaved, this, [this](const QString& source, const QString& external) {
        m_status->setText(tr("Mapping for “%1” in %2 saved; retry the affected records.").arg(external, source));
        m_service->refreshMappings();
    });
    connect(m_service, &IngestAdminService::requestFailed, this, &IngestAdminWindow::showError);
    refresh();
}

void IngestAdminWindow::refresh()
{
    m_service->refreshSources();
    m_service->refreshQuarantine();
    m_service->refreshMappings();
    refreshRuns();
}

QString IngestAdminWindow::statusText() const { return m_status->text(); }

QString IngestAdminWindow::runsTitle() const { return m_runsTitle->text(); }

void IngestAdminWindow::refreshRuns()
{
    const QString source = selectedSource();
    if (!source.isEmpty())
        m_service->refreshRuns(source);
}

QString IngestAdminWindow::durationText(qint64 ms) const
{
    const QLocale locale;
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(locale.toString(static_cast<double>(ms) / 1000.0, 'f', 1));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(locale.toString(seconds / 60), locale.toString(seconds % 60));
    return tr("%1 h %2 min").arg(locale.toString(seconds / 3600), locale.toString(seconds % 3600 / 60));
}

QString IngestAdminWindow::runStateText(const IngestRunInfo& run) const
{
    if (run.state == QLatin1String("running"))
        return tr("Running");
    if (run.state == QLatin1String("interrupted"))
        return tr("Interrupted");
    if (run.state == QLatin1String("completed"))
        return tr("Completed");
    return tr("Failed");
}

// How far a running run got, what became of an unfinished one, and its error.
QString IngestAdminWindow::runNotes(const IngestRunInfo& run) const
{
    const QLocale locale;
    QStringList notes;
    if (run.state == QLatin1String("running")) {
        if (run.runStage == QLatin1String("fetching"))
            notes << tr("fetching the feed");
        else if (run.runStage == QLatin1String("parsing") && run.runTotal > 0)
            notes << tr("reading records, %1 of %2").arg(locale.toString(run.runDone), locale.toString(run.runTotal));
        else if (run.runStage == QLatin1String("writing") && run.runTotal > 0)
            notes << tr("writing records, %1 of %2").arg(locale.toString(run.runDone), locale.toString(run.runTotal));
        if (run.chunksTotal > 0)
            notes << tr("%1 of %2 chunks written").arg(locale.toString(run.chunksCommitted), locale.toString(run.chunksTotal));
        else if (notes.isEmpty())
            notes << tr("preparing");
    } else if (run.state == QLatin1String("interrupted")) {
        if (run.chunksTotal > 0)
            notes << tr("stopped after %1 of %2 chunks").arg(locale.toString(run.chunksCommitted), locale.toString(run.chunksTotal));
        notes << tr("the next run of the source re-runs it (re-run %1 of %2 tried)")
                     .arg(locale.toString(run.rerunAttempts), locale.toString(run.rerunLimit));
    }
    if (run.rerunsRunId != 0)
        notes << tr("re-run of run %1").arg(run.rerunsRunId);
    if (run.completedByRunId != 0)
        notes << tr("finished by run %1").arg(run.completedByRunId);
    if (!run.error.isEmpty())
        notes << run.error;
    return notes.join(QStringLiteral("; "));
}

void IngestAdminWindow::showRuns(const QString& source, const QVector<IngestRunInfo>& runs)
{
    if (source != selectedSource())
        return; // an answer for a source no longer selected
    m_runsTitle->setText(tr("<b>Runs of %1</b>").arg(source.toHtmlEscaped()));
    m_runsTitle->setProperty("source", source);
    const QLocale locale;
    m_runs->setRowCount(static_cast<int>(runs.size()));
    bool anyRunning = false;
    for (int row = 0; row < runs.size(); ++row) {
        const auto& r = runs[row];
        anyRunning = anyRunning || r.state == QLatin1String("running");
        const auto number = [&](quint32 n) { return r.hasCounts ? locale.toString(n) : tr("–"); };
        m_runs->setItem(row, RColId, cell(locale.toString(r.id)));
        m_runs->setItem(row, RColState, cell(runStateText(r)));
        m_runs->setItem(row, RColStarted, cell(locale.toString(r.startedAt.toLocalTime(), QLocale::ShortFormat)));
        const bool timed = r.finishedAt.isValid() || r.state == QLatin1String("running"); // a dead run's end is unknown
        m_runs->setItem(row, RColDuration, cell(timed ? durationText(r.durationMs) : tr("–")));
        m_runs->setItem(row, RColSeen, cell(number(r.seen)));
        m_runs->setItem(row, RColNew, cell(number(r.counts.created)));
        m_runs->setItem(row, RColChanged, cell(number(r.counts.updated + r.counts.merged)));
        m_runs->setItem(row, RColUnchanged, cell(number(r.counts.unchanged)));
        m_runs->setItem(row, RColQuarantined, cell(number(r.counts.quarantined)));
        m_runs->setItem(row, RColNotes, cell(runNotes(r)));
    }
    if (runs.isEmpty()) {
        m_runs->setRowCount(1);
        auto* none = cell(tr("No runs yet."));
        m_runs->setItem(0, RColState, none);
    }
    m_runs->resizeColumnsToContents();
    if (anyRunning)
        m_runsPoll->start();
}

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
    else if (s.lastStatus == QLatin1String("running") || !s.runStage.isEmpty())
        state = tr("Running");
    else
        state = tr("Never run");
    return s.paused ? tr("Paused · %1").arg(state) : state;
}

void IngestAdminWindow::showSources(const QVector<IngestSourceInfo>& sources)
{
    m_sourceInfo = sources;
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
        if (s.name == m_running)
            showProgress(s);
    }
    m_sources->resizeColumnsToContents();
    updateSourceButtons();
}

void IngestAdminWindow::showProgress(const IngestSourceInfo& source)
{
    const QLocale locale;
    if (source.runStage.isEmpty())
        return; // not started here yet, or just finished (the run's answer follows)
    if (source.runTotal == 0) {
        m_busy->setRange(0, 0);
    } else {
        // Whole feed: parsing is the first half of the bar, writing the second.
        const bool writing = source.runStage == QLatin1String("writing");
        const auto part = static_cast<int>(500 * source.runDone / source.runTotal);
        m_busy->setRange(0, 1000);
        m_busy->setValue(writing ? 500 + part : part);
    }
    QString text;
    if (source.runStage == QLatin1String("fetching"))
        text = tr("%1: fetching the feed…").arg(source.name);
    else if (source.runStage == QLatin1String("parsing"))
        text = source.runTotal == 0 ? tr("%1: parsing the feed…").arg(source.name)
                                    : tr("%1: reading records, %2 of %3…")
                                          .arg(source.name, locale.toString(source.runDone), locale.toString(source.runTotal));
    else
        text = tr("%1: writing to the catalog, %2 of %3 records…")
                   .arg(source.name, locale.toString(source.runDone), locale.toString(source.runTotal));
    m_status->setText(text);
}

void IngestAdminWindow::showMappings(const QVector<CategoryMappingInfo>& mappings)
{
    m_mappings->setRowCount(static_cast<int>(mappings.size()));
    for (int row = 0; row < mappings.size(); ++row) {
        m_mappings->setItem(row, MColSource, cell(mappings[row].source));
        m_mappings->setItem(row, MColExternal, cell(mappings[row].externalCategory));
        m_mappings->setItem(row, MColCategory, cell(mappings[row].marqueeCategory));
    }
    m_mappings->resizeColumnsToContents();
}

void IngestAdminWindow::updateSourceButtons()
{
    const QString name = selectedSource();
    const auto it = std::find_if(m_sourceInfo.cbegin(), m_sourceInfo.cend(),
                                 [&](const IngestSourceInfo& s) { return s.name == name; });
    const bool scheduled = it != m_sourceInfo.cend() && it->kind == QLatin1String("url");
    m_pause->setEnabled(scheduled);
    m_pause->setText(scheduled && it->paused ? tr("Resume") : tr("Pause"));
}

void IngestAdminWindow::togglePaused()
{
    const QString name = selectedSource();
    const auto it = std::find_if(m_sourceInfo.cbegin(), m_sourceInfo.cend(),
                                 [&](const IngestSourceInfo& s) { return s.name == name; });
    if (it != m_sourceInfo.cend())
        m_service->setPaused(name, !it->paused);
}

void IngestAdminWindow::addSource()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add Source"));
    auto* name = new QLineEdit(&dialog);
    name->setPlaceholderText(tr("e.g. city-hall"));
    auto* url = new QLineEdit(&dialog);
    url->setPlaceholderText(tr("https://example.org/events.ics"));
    auto* format = new QComboBox(&dialog);
    format->addItem(tr("iCalendar (.ics)"), QStringLiteral("ics"));
    format->addItem(tr("Web page with schema.org events (JSON-LD)"), QStringLiteral("jsonld"));
    format->addItem(tr("CSV"), QStringLiteral("csv"));
    auto* every = new QSpinBox(&dialog);
    every->setRange(5, 7 * 24 * 60);
    every->setValue(60);
    every->setSuffix(tr(" min"));
    auto* zone = new QLineEdit(QStringLiteral("Europe/Berlin"), &dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Feed URL:"), url);
    form->addRow(tr("Format:"), format);
    form->addRow(tr("Fetch every:"), every);
    form->addRow(tr("Time zone for times without one:"), zone);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_service->addSource(NewSourceInfo{name->text().trimmed(), url->text().trimmed(), format->currentData().toString(),
                                       static_cast<quint32>(every->value()), zone->text().trimmed()});
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
    m_busy->setRange(0, 0);
    m_busy->setVisible(busy);
    m_run->setEnabled(!busy);
    if (busy)
        m_progressPoll->start();
    else
        m_progressPoll->stop();
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
    m_running.clear();
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
    if (!source.isEmpty()) {
        m_running.clear();
        setBusy(false);
    }
    switch (error.code) {
    case ErrorCode::PermissionDenied:
    case ErrorCode::Unauthenticated:
        m_status->setText(tr("Only administrators can manage ingestion."));
        break;
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotFound:
    case ErrorCode::AlreadyExists:
    case ErrorCode::FailedPrecondition:
        m_status->setText(tr("Refused: %1").arg(error.message));
        break;
    default:
        m_status->setText(tr("The server could not do that right now (%1).").arg(error.message));
        break;
    }
}

} // namespace marquee::client
