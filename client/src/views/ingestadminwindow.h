// IngestAdminWindow: the admin screen for ingestion: each source's state, last and next run
// and counts, adding, pausing and resuming sources, "Run now" with the run's progress and its
// result, the selected source's runs (state, counts, duration, progress, error), the
// quarantine with reason and raw data, the category mappings with an editor and "Retry" for
// the selected entries.
#pragma once

#include "services/ingestadminservice.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace marquee::client {

class IngestAdminWindow : public QWidget {
    Q_OBJECT
public:
    explicit IngestAdminWindow(IngestAdminService* service, QWidget* parent = nullptr);

    void refresh(); // sources and the quarantine
    QString statusText() const;
    QString runsTitle() const;

private:
    void showSources(const QVector<IngestSourceInfo>& sources);
    void showMappings(const QVector<CategoryMappingInfo>& mappings);
    void showRuns(const QString& source, const QVector<IngestRunInfo>& runs);
    void refreshRuns();
    QString runStateText(const IngestRunInfo& run) const;
    QString runNotes(const IngestRunInfo& run) const;
    QString durationText(qint64 ms) const;
    void showProgress(const IngestSourceInfo& source);
    void addSource();
    void togglePaused();
    void updateSourceButtons();
    void showQuarantine(const QVector<QuarantineInfo>& entries);
    void showRunResult(const QString& source, const SourceRunInfo& result);
    void showRetryResults(const QVector<RetryOutcomeInfo>& outcomes);
    void showError(const QString& source, const ErrorInfo& error);
    void showSelectedEntry();
    void runSelected();
    void retrySelected();
    void saveMapping();
    QString selectedSource() const;
    QString countsText(const IngestCountsInfo& counts) const;
    QString statusName(const IngestSourceInfo& source) const;
    void setBusy(bool busy);

    IngestAdminService* m_service;
    QTableWidget* m_sources;
    QPushButton* m_run;
    QPushButton* m_pause;
    QProgressBar* m_busy;
    QTimer* m_progressPoll;
    QString m_running;                   // the source this window is running, if any
    QVector<IngestSourceInfo> m_sourceInfo;
    QLabel* m_runsTitle;
    QTableWidget* m_runs;
    QTimer* m_runsPoll;                  // again soon while a listed run is running
    QTableWidget* m_mappings;
    QLabel* m_status;
    QTableWidget* m_quarantine;
    QPlainTextEdit* m_detail;
    QLineEdit* m_external;
    QLineEdit* m_category;
    QPushButton* m_saveMapping;
    QPushButton* m_retry;
    QVector<QuarantineInfo> m_entries;
};

} // namespace marquee::client
