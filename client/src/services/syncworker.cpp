// SyncWorker implementation.
#include "services/syncworker.h"

#include "store/localstore.h"

#include <QLoggingCategory>
#include <QMutexLocker>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcSyncWorker, "marquee.syncworker")

SyncWorker::SyncWorker(QString databasePath) : m_path(std::move(databasePath)) {}

SyncWorker::~SyncWorker() = default;

void SyncWorker::open()
{
    m_store = std::make_unique<LocalStore>(m_path);
    QString error;
    const bool ok = m_store->open(&error);
    if (ok)
        m_cursor = m_store->syncState().cursor;
    Q_EMIT opened(ok, error);
    if (ok)
        scheduleSearchIndexing(); // finishes a build an earlier run left
}

void SyncWorker::close() { m_store.reset(); }

void SyncWorker::applyBatch(const ChangeBatchData& batch, qint64 userId)
{
    if (!m_store)
        return;
    if (!continuesCursor(batch, m_cursor)) {
        BatchResult gap;
        gap.cursor = m_cursor;
        gap.head = batch.head;
        gap.error = QStringLiteral("batch starts at %1 but the cache is at %2").arg(batch.fromCursor).arg(m_cursor);
        Q_EMIT batchApplied(gap);
        return;
    }
    BatchResult result = m_store->applyBatch(batch, userId);
    if (result.error.isEmpty())
        m_cursor = result.cursor;
    m_morePagesComing = batch.hasMore;
    Q_EMIT batchApplied(result);
    scheduleSearchIndexing();
}

void SyncWorker::resetIdentity(qint64 userId)
{
    if (m_store && m_store->resetCursorForIdentity(userId))
        m_cursor = m_store->syncState().cursor;
}

void SyncWorker::enqueueBatch(std::shared_ptr<const ChangeBatchData> batch, qint64 userId)
{
    enqueue(Job{std::move(batch), userId});
}

void SyncWorker::enqueueResetIdentity(qint64 userId) { enqueue(Job{nullptr, userId}); }

void SyncWorker::enqueue(Job job)
{
    QMutexLocker lock(&m_mutex);
    m_jobs.push_back(std::move(job));
    if (!m_runPosted) {
        m_runPosted = true;
        QMetaObject::invokeMethod(this, &SyncWorker::runQueued, Qt::QueuedConnection);
    }
}

void SyncWorker::runQueued()
{
    // One group per call, then back to the event loop (close() and the like get their turn).
    std::vector<Job> group;
    {
        QMutexLocker lock(&m_mutex);
        if (m_jobs.empty()) {
            m_runPosted = false;
            return;
        }
        group.push_back(std::move(m_jobs.front()));
        m_jobs.pop_front();
        const Job& first = group.front();
        if (first.batch && continuesCursor(*first.batch, m_cursor)) {
            // Take the batches that continue it, for the same identity, up to the row cap.
            std::uint64_t cursor = first.batch->nextCursor;
            std::size_t rows = first.batch->changes.size();
            while (!m_jobs.empty()) {
                const Job& next = m_jobs.front();
                if (!next.batch || next.userId != first.userId || next.batch->reset
                    || next.batch->fromCursor > cursor || rows + next.batch->changes.size() > kMaxGroupRows)
                    break;
                cursor = next.batch->nextCursor;
                rows += next.batch->changes.size();
                group.push_back(std::move(m_jobs.front()));
                m_jobs.pop_front();
            }
        }
        if (m_jobs.empty())
            m_runPosted = false;
        else
            QMetaObject::invokeMethod(this, &SyncWorker::runQueued, Qt::QueuedConnection);
    }

    if (!group.front().batch) {
        resetIdentity(group.front().userId);
        return;
    }
    if (group.size() == 1 || !m_store) {
        applyBatch(*group.front().batch, group.front().userId);
        return;
    }
    std::vector<const ChangeBatchData*> batches;
    batches.reserve(group.size());
    for (const Job& job : group)
        batches.push_back(job.batch.get());
    const std::vector<BatchResult> results = m_store->applyBatches(batches, group.front().userId);
    if (results.back().error.isEmpty())
        m_cursor = results.back().cursor;
    m_morePagesComing = batches.back()->hasMore;
    for (const BatchResult& result : results)
        Q_EMIT batchApplied(result);
    scheduleSearchIndexing();
}

void SyncWorker::scheduleSearchIndexing()
{
    if (m_indexingPosted || m_morePagesComing || !m_store || !m_store->hasSearchBacklog())
        return;
    m_indexingPosted = true;
    QMetaObject::invokeMethod(this, &SyncWorker::indexSearchChunk, Qt::QueuedConnection);
}

void SyncWorker::indexSearchChunk()
{
    m_indexingPosted = false;
    if (!m_store || m_morePagesComing)
        return; // the sync first: the last page schedules the index
    {
        QMutexLocker lock(&m_mutex);
        if (!m_jobs.empty())
            return; // batches first; runQueued() schedules the next chunk after them
    }
    if (!m_store->indexSearchBacklog(kSearchIndexChunk)) {
        qCWarning(lcSyncWorker) << "search index chunk failed:" << m_store->lastError();
        return; // tried again after the next batch or at the next start
    }
    if (m_store->hasSearchBacklog())
        scheduleSearchIndexing();
    else
        Q_EMIT searchIndexComplete();
}

} // namespace marquee::client
