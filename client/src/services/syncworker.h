// SyncWorker: applies change batches to SQLite on its own thread, with its own connection,
// strictly in the order they were queued.
#pragma once

#include "store/records.h"

#include <QMutex>
#include <QObject>

#include <deque>
#include <memory>

namespace marquee::client {

class LocalStore;

class SyncWorker : public QObject {
    Q_OBJECT
public:
    explicit SyncWorker(QString databasePath);
    ~SyncWorker() override;

    // Thread-safe; jobs run on the worker's thread in the order they were queued. Batches
    // that queue up while a transaction runs (the apply thread is the slow end of a cold
    // sync) are committed together: one fsync per group instead of one per page.
    void enqueueBatch(std::shared_ptr<const ChangeBatchData> batch, qint64 userId);
    void enqueueResetIdentity(qint64 userId);

    // Rows per grouped transaction, at most (a batch is never split).
    static constexpr std::size_t kMaxGroupRows = 20000;
    // Events a large batch left out of the search index are indexed in chunks of this many
    // once the pull has caught up and no batch waits (and after a restart, if an earlier
    // build was cut short), so a cold sync is not slowed by its own index.
    static constexpr int kSearchIndexChunk = 5000;

public Q_SLOTS:
    void open();
    void close();
    void applyBatch(const marquee::client::ChangeBatchData& batch, qint64 userId);
    void resetIdentity(qint64 userId);

Q_SIGNALS:
    void opened(bool ok, const QString& error);
    // One signal per batch (never per row): rows applied, new cursor, head for progress.
    void batchApplied(const marquee::client::BatchResult& result);
    // The search index caught up with every applied batch.
    void searchIndexComplete();

private:
    struct Job {
        std::shared_ptr<const ChangeBatchData> batch; // null: reset the identity
        qint64 userId = 0;
    };
    void enqueue(Job job);
    void runQueued();
    void scheduleSearchIndexing();
    void indexSearchChunk();
    // After a failed batch, later ones would leave a hole: they are refused until the re-pull.
    bool continuesCursor(const ChangeBatchData& batch, std::uint64_t cursor) const
    {
        return batch.reset || batch.fromCursor <= cursor;
    }

    QString m_path;
    std::unique_ptr<LocalStore> m_store;
    std::uint64_t m_cursor = 0; // cursor of the last committed batch

    QMutex m_mutex; // guards the two below
    std::deque<Job> m_jobs;
    bool m_runPosted = false;
    bool m_indexingPosted = false; // worker thread only
    bool m_morePagesComing = false; // the last applied pull page said has_more
};

} // namespace marquee::client
