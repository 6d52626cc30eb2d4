// Upkeep of LocalStore's search index (event_search FTS5 + the typo vocabulary), set-based:
// an apply transaction indexes what it added when that is small, and leaves a large apply
// (a cold sync) to indexSearchBacklog(), which the sync worker runs in chunks once it is idle.
#include "store/localstore.h"

#include <QSqlError>
#include <QVariant>

#include <limits>

namespace marquee::client {

namespace {

// Per-connection work tables: the events one reindex step covers, and a contentless FTS5 table
// with the index's tokenizer whose fts5vocab lists exactly the terms those events add.
const char* const kScratchSql[] = {
    "CREATE TEMP TABLE IF NOT EXISTS search_batch(doc INTEGER PRIMARY KEY)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch USING fts5(text, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch_terms USING fts5vocab(temp, search_scratch, 'row')",
};

// Typo candidates are words of 4+ characters (shorter words get no typo budget).
const char* const kLearnAllWords =
    "INSERT OR IGNORE INTO search_words(word) SELECT term FROM event_search_terms WHERE length(term) >= 4";

} // namespace

qint64 LocalStore::nextEventRowid()
{
    QSqlQuery q(database());
    return q.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) + 1 FROM events")) && q.next() ? q.value(0).toLongLong()
                                                                                               : 1;
}

bool LocalStore::hasSearchBacklog()
{
    if (schemaVersion() < 6)
        return false;
    QSqlQuery q(database());
    return q.exec(QStringLiteral("SELECT unindexed_from IS NOT NULL OR vocabulary_stale <> 0 "
                                 "OR EXISTS (SELECT 1 FROM search_pending) FROM search_index_state"))
        && q.next() && q.value(0).toBool();
}

// Re-derives the search rows of the events in temp.search_batch (whatever state each is in:
// new, changed, deleted), drops them from search_pending and empties the batch. learnWords:
// add their new words to the vocabulary now (otherwise the caller marks it stale).
bool LocalStore::reindexSearchBatch(bool learnWords)
{
    QStringList steps{
        // FTS5 deletes by rowid cost even when the row is absent: only the indexed ones.
        QStringLiteral("DELETE FROM event_search WHERE rowid IN (SELECT b.doc FROM temp.search_batch b "
                       "WHERE EXISTS (SELECT 1 FROM event_search_content c WHERE c.id = b.doc))"),
        QStringLiteral("INSERT INTO event_search(rowid, event_id, title, people, labels, description) "
                       "SELECT doc, event_id, title, people, labels, description FROM event_search_source "
                       "WHERE doc IN (SELECT doc FROM temp.search_batch)"),
        QStringLiteral("DELETE FROM search_pending WHERE doc IN (SELECT doc FROM temp.search_batch)"),
    };
    if (learnWords)
        steps << QStringLiteral("INSERT INTO temp.search_scratch(text) SELECT title || ' ' || people || ' ' || labels "
                                "|| ' ' || description FROM event_search_source WHERE doc IN (SELECT doc FROM temp.search_batch)")
              << QStringLiteral("INSERT OR IGNORE INTO search_words(word) SELECT term FROM temp.search_scratch_terms "
                                "WHERE length(term) >= 4")
              << QStringLiteral("INSERT INTO temp.search_scratch(search_scratch) VALUES ('delete-all')");
    steps << QStringLiteral("DELETE FROM temp.search_batch");
    for (const QString& sql : steps)
        if (!exec(sql))
            return false;
    return true;
}

bool LocalStore::indexAppliedEvents()
{
    for (const char* sql : kScratchSql)
        if (!exec(QString::fromLatin1(sql)))
            return false;
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (m_applied.inserted <= kInlineIndexRows) {
        // Few enough to index now: they are searchable as soon as the batch is committed.
        q.prepare(QStringLiteral("INSERT INTO temp.search_batch(doc) SELECT rowid FROM events WHERE rowid >= ?"));
        q.addBindValue(m_applied.firstNewRowid);
    } else {
        // Too many for this transaction: recorded with the rows, indexed by indexSearchBacklog().
        q.prepare(QStringLiteral("UPDATE search_index_state SET unindexed_from = min(coalesce(unindexed_from, ?), ?)"));
        q.addBindValue(m_applied.firstNewRowid);
        q.addBindValue(m_applied.firstNewRowid);
    }
    if (!exec(q))
        return false;
    // Changed and deleted events, and those of changed venues and categories: now as well,
    // unless a large change (a venue with thousands of events) makes them backlog work.
    QSqlQuery pending(db);
    if (!pending.exec(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM search_pending LIMIT %1)").arg(kInlineIndexRows + 1))
        || !pending.next()) {
        m_lastError = pending.lastError().text();
        return false;
    }
    if (pending.value(0).toInt() <= kInlineIndexRows
        && !exec(QStringLiteral("INSERT OR IGNORE INTO temp.search_batch(doc) SELECT doc FROM search_pending")))
        return false;
    return reindexSearchBatch(true);
}

bool LocalStore::indexSearchBacklog(int maxEvents)
{
    if (!hasSearchBacklog())
        return true;
    QSqlDatabase db = database();
    if (!begin())
        return false;
    bool ok = true;
    for (const char* sql : kScratchSql)
        ok = ok && exec(QString::fromLatin1(sql));
    QSqlQuery state(db);
    ok = ok && state.exec(QStringLiteral("SELECT unindexed_from, vocabulary_stale FROM search_index_state")) && state.next();
    const QVariant unindexedFrom = ok ? state.value(0) : QVariant();
    bool vocabularyStale = ok && state.value(1).toBool();
    state.finish();

    // Explicitly marked events first, then the next rows of the unindexed range.
    QSqlQuery q(db);
    ok = ok && q.prepare(QStringLiteral("INSERT INTO temp.search_batch(doc) SELECT doc FROM search_pending ORDER BY doc LIMIT ?"));
    q.addBindValue(maxEvents);
    ok = ok && exec(q);
    int batched = ok ? q.numRowsAffected() : 0;
    const int room = maxEvents - batched;
    if (ok && !unindexedFrom.isNull() && room > 0) {
        const qint64 from = unindexedFrom.toLongLong();
        QSqlQuery end(db);
        end.prepare(QStringLiteral("SELECT rowid FROM events WHERE rowid >= ? ORDER BY rowid LIMIT 1 OFFSET ?"));
        end.addBindValue(from);
        end.addBindValue(room);
        ok = exec(end);
        // The first rowid past this chunk; none: the chunk runs to the end and the range is done.
        const QVariant until = ok && end.next() ? end.value(0) : QVariant();
        end.finish();
        const qint64 to = until.isNull() ? std::numeric_limits<qint64>::max() : until.toLongLong();
        // The range's events, and any search rows in it (indexed early by a small batch).
        for (const char* sql : {"INSERT OR IGNORE INTO temp.search_batch(doc) SELECT rowid FROM events WHERE rowid >= ? AND rowid < ?",
                                "INSERT OR IGNORE INTO temp.search_batch(doc) SELECT id FROM event_search_content WHERE id >= ? AND id < ?"}) {
            QSqlQuery add(db);
            add.prepare(QString::fromLatin1(sql));
            add.addBindValue(from);
            add.addBindValue(to);
            ok = ok && exec(add);
            batched += ok ? add.numRowsAffected() : 0;
        }
        QSqlQuery advance(db);
        advance.prepare(QStringLiteral("UPDATE search_index_state SET unindexed_from = ?"));
        advance.addBindValue(until.isNull() ? QVariant(QMetaType::fromType<qint64>()) : until);
        ok = ok && exec(advance);
    }
    // Chunks leave the vocabulary to the end: one pass over the index's terms beats
    // tokenizing every event twice.
    ok = ok && reindexSearchBatch(false);
    if (ok && batched > 0 && !vocabularyStale) {
        vocabularyStale = true;
        ok = exec(QStringLiteral("UPDATE search_index_state SET vocabulary_stale = 1"));
    }
    QSqlQuery left(db);
    ok = ok && left.exec(QStringLiteral("SELECT unindexed_from IS NULL AND NOT EXISTS (SELECT 1 FROM search_pending) "
                                        "FROM search_index_state")) && left.next();
    const bool done = ok && left.value(0).toBool();
    left.finish();
    if (ok && done && vocabularyStale)
        ok = exec(QString::fromLatin1(kLearnAllWords)) && exec(QStringLiteral("UPDATE search_index_state SET vocabulary_stale = 0"));
    if (!ok || !db.commit()) {
        if (ok)
            m_lastError = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

bool LocalStore::clearSearchIndex()
{
    if (schemaVersion() < 6)
        return true; // an upgrade test holding an old schema
    // Recreated rather than emptied: FTS5 deletes row by row (seconds for a large catalog).
    QSqlQuery ddl(database());
    if (!ddl.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'event_search'")) || !ddl.next()) {
        m_lastError = ddl.lastError().text();
        return false;
    }
    const QString create = ddl.value(0).toString();
    ddl.finish();
    return exec(QStringLiteral("DROP TABLE event_search")) && exec(create)
        && exec(QStringLiteral("DELETE FROM search_pending"))
        && exec(QStringLiteral("UPDATE search_index_state SET unindexed_from = NULL, vocabulary_stale = 0"));
}

} // namespace marquee::client
