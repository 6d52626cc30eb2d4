// SyncWorker implementation.
#include "services/syncworker.h"

#include "store/localstore.h"

namespace marquee::client {

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
}

void SyncWorker::close() { m_store.reset(); }

void SyncWorker::applyBatch(const ChangeBatchData& batch, qint64 userId)
{
    if (!m_store)
        return;
    // After a failed batch, later ones would leave a hole: refuse them until the re-pull.
    if (!batch.reset && batch.fromCursor > m_cursor) {
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
    Q_EMIT batchApplied(result);
}

void SyncWorker::resetIdentity(qint64 userId)
{
    if (m_store && m_store->resetCursorForIdentity(userId))
        m_cursor = m_store->syncState().cursor;
}

} // namespace marquee::client
