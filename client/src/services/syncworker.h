// SyncWorker: applies change batches to SQLite on its own thread, with its own connection,
// strictly in the order they were queued.
#pragma once

#include "store/records.h"

#include <QObject>

#include <memory>

namespace marquee::client {

class LocalStore;

class SyncWorker : public QObject {
    Q_OBJECT
public:
    explicit SyncWorker(QString databasePath);
    ~SyncWorker() override;

public Q_SLOTS:
    void open();
    void close();
    void applyBatch(const marquee::client::ChangeBatchData& batch, qint64 userId);
    void resetIdentity(qint64 userId);

Q_SIGNALS:
    void opened(bool ok, const QString& error);
    // One signal per batch (never per row): rows applied, new cursor, head for progress.
    void batchApplied(const marquee::client::BatchResult& result);

private:
    QString m_path;
    std::unique_ptr<LocalStore> m_store;
    std::uint64_t m_cursor = 0; // cursor of the last committed batch
};

} // namespace marquee::client
