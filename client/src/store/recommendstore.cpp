// LocalStore recommendation accessors: cached lists with their events' details from the
// catalog, the user's settings, and recording signals to the outbox.
#include "store/localstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace marquee::client {

namespace {

// QtSql binds a null QString as SQL NULL; the columns are NOT NULL.
QString text(const QString& value) { return value.isNull() ? QStringLiteral("") : value; }

QJsonArray toJson(const QStringList& list) { return QJsonArray::fromStringList(list); }

QStringList fromJson(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& v : value.toArray())
        out << v.toString();
    return out;
}

QByteArray settingsPayload(const RecommendationSettingsInfo& s)
{
    const QJsonObject o{{QStringLiteral("interest_categories"), toJson(s.interestCategories)},
                        {QStringLiteral("interest_words"), toJson(s.interestWords)},
                        {QStringLiteral("city"), s.city},
                        {QStringLiteral("latitude"), s.latitude},
                        {QStringLiteral("longitude"), s.longitude},
                        {QStringLiteral("radius_km"), s.radiusKm},
                        {QStringLiteral("alert_selling_out"), s.alertSellingOut},
                        {QStringLiteral("alert_price_drop"), s.alertPriceDrop},
                        {QStringLiteral("alert_schedule_change"), s.alertScheduleChange},
                        {QStringLiteral("alert_cancelled"), s.alertCancelled},
                        {QStringLiteral("weekly_digest"), s.weeklyDigest}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

RecommendationSettingsInfo settingsFrom(bool tracking, const QByteArray& payload)
{
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    RecommendationSettingsInfo s;
    s.tracking = tracking;
    s.interestCategories = fromJson(o.value(QStringLiteral("interest_categories")));
    s.interestWords = fromJson(o.value(QStringLiteral("interest_words")));
    s.city = o.value(QStringLiteral("city")).toString();
    s.latitude = o.value(QStringLiteral("latitude")).toDouble();
    s.longitude = o.value(QStringLiteral("longitude")).toDouble();
    s.radiusKm = o.value(QStringLiteral("radius_km")).toDouble();
    s.alertSellingOut = o.value(QStringLiteral("alert_selling_out")).toBool(true);
    s.alertPriceDrop = o.value(QStringLiteral("alert_price_drop")).toBool(true);
    s.alertScheduleChange = o.value(QStringLiteral("alert_schedule_change")).toBool(true);
    s.alertCancelled = o.value(QStringLiteral("alert_cancelled")).toBool(true);
    s.weeklyDigest = o.value(QStringLiteral("weekly_digest")).toBool(false);
    return s;
}

} // namespace

bool LocalStore::saveRecommendationList(qint64 userId, RecommendationListKind kind, const QString& key,
                                        const RecommendationListInfo& list, qint64 fetchedAtMs)
{
    QSqlDatabase db = database();
    if (!begin())
        return false;
    const auto run = [&] {
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM recommendation_items WHERE user_id=? AND kind=? AND list_key=?"));
        del.addBindValue(userId);
        del.addBindValue(static_cast<int>(kind));
        del.addBindValue(text(key));
        QSqlQuery head(db);
        head.prepare(QStringLiteral("INSERT OR REPLACE INTO recommendation_lists(user_id,kind,list_key,fetched_at,"
                                    "computed_at,model_trained_at) VALUES (?,?,?,?,?,?)"));
        head.addBindValue(userId);
        head.addBindValue(static_cast<int>(kind));
        head.addBindValue(text(key));
        head.addBindValue(fetchedAtMs);
        head.addBindValue(list.computedAtMs);
        head.addBindValue(list.modelTrainedAtMs);
        if (!exec(del) || !exec(head))
            return false;
        QSqlQuery item(db);
        item.prepare(QStringLiteral("INSERT INTO recommendation_items(user_id,kind,list_key,position,event_id,score,"
                                    "reason,anchor_event_id,anchor_title) VALUES (?,?,?,?,?,?,?,?,?)"));
        int position = 0;
        for (const RecommendationItem& i : list.items) {
            item.addBindValue(userId);
            item.addBindValue(static_cast<int>(kind));
            item.addBindValue(text(key));
            item.addBindValue(position++);
            item.addBindValue(text(i.eventId));
            item.addBindValue(static_cast<double>(i.score));
            item.addBindValue(static_cast<int>(i.reason));
            item.addBindValue(text(i.anchorEventId));
            item.addBindValue(text(i.anchorTitle));
            if (!exec(item))
                return false;
        }
        if (kind != RecommendationListKind::Similar)
            return true;
        // One similar list per event looked at: keep the most recently fetched.
        QSqlQuery prune(db);
        prune.prepare(QStringLiteral(
            "DELETE FROM recommendation_lists WHERE user_id=? AND kind=? AND list_key NOT IN "
            "(SELECT list_key FROM recommendation_lists WHERE user_id=? AND kind=? ORDER BY fetched_at DESC LIMIT ?)"));
        prune.addBindValue(userId);
        prune.addBindValue(static_cast<int>(kind));
        prune.addBindValue(userId);
        prune.addBindValue(static_cast<int>(kind));
        prune.addBindValue(kMaxCachedSimilarLists);
        QSqlQuery orphans(db);
        orphans.prepare(QStringLiteral(
            "DELETE FROM recommendation_items WHERE user_id=? AND kind=? AND list_key NOT IN "
            "(SELECT list_key FROM recommendation_lists WHERE user_id=? AND kind=?)"));
        orphans.addBindValue(userId);
        orphans.addBindValue(static_cast<int>(kind));
        orphans.addBindValue(userId);
        orphans.addBindValue(static_cast<int>(kind));
        return exec(prune) && exec(orphans);
    };
    if (!run() || !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

std::optional<CachedRecommendationList> LocalStore::recommendationList(qint64 userId, RecommendationListKind kind,
                                                                       const QString& key, qint64 nowMs)
{
    QSqlQuery head(database());
    head.prepare(QStringLiteral(
        "SELECT fetched_at, computed_at FROM recommendation_lists WHERE user_id=? AND kind=? AND list_key=?"));
    head.addBindValue(userId);
    head.addBindValue(static_cast<int>(kind));
    head.addBindValue(text(key));
    if (!exec(head) || !head.next())
        return std::nullopt;
    CachedRecommendationList list;
    list.fetchedAtMs = head.value(0).toLongLong();
    list.computedAtMs = head.value(1).toLongLong();

    // The wishlist that names "because you saved X" is the signed-in user's (the list's owner;
    // public lists never carry that reason).
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT i.event_id, i.score, i.reason, i.anchor_event_id, i.anchor_title, e.title, e.starts_at, e.time_zone, "
        "coalesce(v.name, ''), coalesce(v.city, ''), coalesce(a.title, ''), "
        "EXISTS(SELECT 1 FROM wishlist w WHERE w.user_id=i.user_id AND w.event_id=i.anchor_event_id) "
        "FROM recommendation_items i JOIN events e ON e.id = i.event_id "
        "LEFT JOIN venues v ON v.id = e.venue_id LEFT JOIN events a ON a.id = i.anchor_event_id "
        "WHERE i.user_id=? AND i.kind=? AND i.list_key=? AND e.status <> ? AND max(e.starts_at, e.ends_at) > ? "
        "ORDER BY i.position"));
    q.addBindValue(userId);
    q.addBindValue(static_cast<int>(kind));
    q.addBindValue(text(key));
    q.addBindValue(static_cast<int>(core::EventStatus::Cancelled));
    q.addBindValue(nowMs);
    if (!exec(q))
        return std::nullopt;
    while (q.next()) {
        RecommendationEntry e;
        e.item.eventId = q.value(0).toString();
        e.item.score = q.value(1).toFloat();
        e.item.reason = static_cast<RecommendationReason>(q.value(2).toInt());
        e.item.anchorEventId = q.value(3).toString();
        e.item.anchorTitle = q.value(4).toString();
        if (e.item.anchorTitle.isEmpty())
            e.item.anchorTitle = q.value(10).toString(); // the server had none: the cached event's
        e.title = q.value(5).toString();
        e.startsAtMs = q.value(6).toLongLong();
        e.timeZone = q.value(7).toString();
        e.venueName = q.value(8).toString();
        e.city = q.value(9).toString();
        e.anchorWishlisted = q.value(11).toBool();
        list.entries.append(std::move(e));
    }
    return list;
}

bool LocalStore::clearRecommendationLists(qint64 userId, RecommendationListKind kind)
{
    QSqlDatabase db = database();
    if (!begin())
        return false;
    bool ok = true;
    for (const char* table : {"recommendation_items", "recommendation_lists"}) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE user_id=? AND kind=?").arg(QLatin1String(table)));
        q.addBindValue(userId);
        q.addBindValue(static_cast<int>(kind));
        ok = ok && exec(q);
    }
    if (!ok || !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

bool LocalStore::clearRecommendationData(qint64 userId)
{
    if (userId == 0)
        return true; // the public lists are nobody's
    for (const char* table : {"recommendation_items", "recommendation_lists", "recommendation_settings"}) {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE user_id=?").arg(QLatin1String(table)));
        q.addBindValue(userId);
        if (!exec(q))
            return false;
    }
    return true;
}

std::optional<RecommendationSettingsInfo> LocalStore::recommendationSettings(qint64 userId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT tracking, payload FROM recommendation_settings WHERE user_id=?"));
    q.addBindValue(userId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return settingsFrom(q.value(0).toBool(), q.value(1).toByteArray());
}

bool LocalStore::saveRecommendationSettings(qint64 userId, const RecommendationSettingsInfo& settings)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO recommendation_settings(user_id,tracking,payload,updated_at) VALUES (?,?,?,?)"));
    q.addBindValue(userId);
    q.addBindValue(settings.tracking ? 1 : 0);
    q.addBindValue(QString::fromUtf8(settingsPayload(settings)));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return exec(q);
}

std::optional<OutboxEntry> LocalStore::appendSignal(qint64 userId, const QString& eventId, SignalKind kind,
                                                    const QString& searchQuery, qint64 atMs)
{
    OutboxEntry entry;
    entry.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.userId = userId;
    entry.kind = QLatin1String(kSignalOutboxKind);
    entry.entityId = eventId;
    entry.payload = QJsonDocument(QJsonObject{{QStringLiteral("kind"), static_cast<int>(kind)},
                                              {QStringLiteral("query"), text(searchQuery)}})
                        .toJson(QJsonDocument::Compact);
    entry.createdAt = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO outbox(key,user_id,kind,entity_id,payload,created_at) VALUES (?,?,?,?,?,?)"));
    q.addBindValue(entry.key);
    q.addBindValue(userId);
    q.addBindValue(entry.kind);
    q.addBindValue(text(eventId));
    q.addBindValue(entry.payload);
    q.addBindValue(atMs);
    if (!exec(q))
        return std::nullopt;
    entry.seq = q.lastInsertId().toLongLong();
    return entry;
}

SignalRecordInfo LocalStore::signalRecord(const OutboxEntry& entry)
{
    const QJsonObject o = QJsonDocument::fromJson(entry.payload).object();
    SignalRecordInfo r;
    r.idempotencyKey = entry.key;
    r.eventId = entry.entityId;
    r.kind = o.value(QStringLiteral("kind")).toInt() == static_cast<int>(SignalKind::SearchClick) ? SignalKind::SearchClick
                                                                                                 : SignalKind::View;
    r.atMs = entry.createdAt.toMSecsSinceEpoch();
    r.searchQuery = o.value(QStringLiteral("query")).toString();
    return r;
}

bool LocalStore::removeOutboxEntries(const QStringList& keys)
{
    QSqlDatabase db = database();
    if (!begin())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE key=?"));
    for (const QString& key : keys) {
        q.addBindValue(key);
        if (!exec(q)) {
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

int LocalStore::dropOutboxEntries(qint64 userId, const QString& kind)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE user_id=? AND kind=?"));
    q.addBindValue(userId);
    q.addBindValue(kind);
    return exec(q) ? q.numRowsAffected() : -1;
}

} // namespace marquee::client
