// IngestAdminService: the admin's view of ingestion (sources, their runs, run now, quarantine,
// category mappings, retries) over the server's admin-only requests; answers arrive as signals.
#pragma once

#include "store/records.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

namespace marquee::v1 {
class Envelope;
}

namespace marquee::client {

class SyncClient;

struct IngestCountsInfo {
    quint32 created = 0;
    quint32 updated = 0;
    quint32 merged = 0;
    quint32 cancelled = 0;
    quint32 unchanged = 0;
    quint32 quarantined = 0;
};

struct IngestSourceInfo {
    QString name;
    QString kind;     // "file" or "url"
    QString url;
    QString format;
    quint32 intervalSeconds = 0;
    bool paused = false;
    QDateTime lastRunAt; // invalid: never ran
    QString lastStatus;  // never, running, ok, not_modified, failed
    QString lastError;
    IngestCountsInfo lastCounts;
    QDateTime nextRunAt;
    quint32 failures = 0;
    quint32 openQuarantine = 0;
    // A run going on now (on the server this client talks to): stage "fetching", "parsing" or
    // "writing" (empty: none), and records done of total (total 0: not known yet).
    QString runStage;
    quint64 runDone = 0;
    quint64 runTotal = 0;
};

struct NewSourceInfo {
    QString name;
    QString url;
    QString format;          // ics, jsonld, csv
    quint32 intervalMinutes = 60;
    QString timeZone;        // IANA; empty: the server's default
};

struct CategoryMappingInfo {
    QString source;
    QString externalCategory;
    QString marqueeCategory;
};

struct SourceRunInfo {
    QString status; // ok, not_modified, failed
    QString error;
    IngestCountsInfo counts;
    IngestSourceInfo source;
};

struct QuarantineInfo {
    qint64 id = 0;
    QString source;
    QString ref;
    QString reason;
    QString raw;
    QDateTime fetchedAt;
    quint32 attempts = 0;
};

// One ingest run of a source (the server's ingest_runs), newest first in a list.
struct IngestRunInfo {
    qint64 id = 0;
    QString source;
    QString state;        // running, interrupted, completed, failed
    QDateTime startedAt;
    QDateTime finishedAt; // invalid: not finished
    qint64 durationMs = 0; // so far, while running
    quint32 chunksTotal = 0; // 0 until the run's decisions are made
    quint32 chunksCommitted = 0;
    bool hasCounts = false; // seen and counts are known (the run is done)
    quint32 seen = 0;
    IngestCountsInfo counts;
    QString error;
    qint64 rerunsRunId = 0;      // this run re-ran that run's payload
    qint64 completedByRunId = 0; // the run that finished this one
    quint32 rerunAttempts = 0;
    quint32 rerunLimit = 0;      // given up after this many re-runs that failed
    // While running on the server this client talks to: stage and records done of total.
    QString runStage;
    quint64 runDone = 0;
    quint64 runTotal = 0;
};

struct RetryOutcomeInfo {
    qint64 id = 0;
    bool resolved = false;
    QString reason;
};

class IngestAdminService : public QObject {
    Q_OBJECT
public:
    explicit IngestAdminService(SyncClient* sync, QObject* parent = nullptr);

    void refreshSources();
    void runSource(const QString& name);
    bool isRunning(const QString& name) const;
    void refreshQuarantine(const QString& source = {}); // empty: every source
    void retry(const QVector<qint64>& ids);
    void setCategoryMapping(const QString& source, const QString& externalCategory, const QString& marqueeCategory);
    void addSource(const NewSourceInfo& source);
    void setPaused(const QString& source, bool paused);
    void refreshMappings(const QString& source = {}); // empty: every source
    void refreshRuns(const QString& source, quint32 limit = 20); // empty source: every source

Q_SIGNALS:
    void sourcesReceived(const QVector<marquee::client::IngestSourceInfo>& sources);
    void runStarted(const QString& source);
    void runFinished(const QString& source, const marquee::client::SourceRunInfo& result);
    void quarantineReceived(const QVector<marquee::client::QuarantineInfo>& entries);
    void retryFinished(const QVector<marquee::client::RetryOutcomeInfo>& outcomes);
    void mappingSaved(const QString& source, const QString& externalCategory);
    void sourceAdded(const marquee::client::IngestSourceInfo& source);
    void pausedChanged(const QString& source, bool paused);
    void mappingsReceived(const QVector<marquee::client::CategoryMappingInfo>& mappings);
    void runsReceived(const QString& source, const QVector<marquee::client::IngestRunInfo>& runs);
    // Any request failed (a refused role, a bad value, the connection lost). source: the run's
    // source for a failed RunSource, else empty.
    void requestFailed(const QString& source, const marquee::client::ErrorInfo& error);

private:
    enum class Kind { Sources, Run, Quarantine, Retry, Mapping, Add, Pause, Mappings, Runs };
    struct Pending {
        Kind kind;
        QString source;
        QString external;
        bool paused = false;
    };
    quint64 send(Kind kind, v1::Envelope& request, const QString& source = {}, const QString& external = {},
                 bool paused = false);
    void onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer);
    void onFailed(quint64 requestId, const ErrorInfo& error);

    SyncClient* m_sync;
    QHash<quint64, Pending> m_pending;
};

} // namespace marquee::client

Q_DECLARE_METATYPE(marquee::client::SourceRunInfo)
