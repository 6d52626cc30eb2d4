// LocalStore implementation: schema upgrades, batch apply, UI queries, outbox.
#include "store/localstore.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <mutex>
#include <string_view>

// The batch apply binds through SQLite's C API when it can reach the library Qt's driver
// uses (see SqliteApi); QtSql's per-value QVariant/QString binding cost more than the
// insert itself. Only the header is needed at build time: the functions are looked up at
// run time, so nothing new is linked.
#if defined(Q_OS_UNIX) && __has_include(<sqlite3.h>) && __has_include(<dlfcn.h>)
#define MARQUEE_SQLITE_C_API 1
#include <QSqlDriver>
#include <dlfcn.h>
#include <sqlite3.h>
#include <typeinfo>
#endif

namespace marquee::client {

Q_LOGGING_CATEGORY(lcStore, "marquee.store")

namespace {

QAtomicInt s_connectionCounter;

// Lists are stored joined by the ASCII unit separator: cheap on the hot apply path.
const QChar kListSeparator(0x1f);

std::vector<std::string> splitList(const QString& text)
{
    std::vector<std::string> out;
    if (text.isEmpty())
        return out;
    const QStringList parts = text.split(kListSeparator);
    for (const QString& part : parts)
        out.push_back(part.toStdString());
    return out;
}

// Splits a script at ';', keeping a trigger's BEGIN ... END body (which has its own ';') whole.
QStringList splitStatements(const QString& script)
{
    QStringList out;
    QString pending;
    for (const QString& piece : script.split(QLatin1Char(';'))) {
        pending += piece;
        const QString trimmed = pending.trimmed();
        if (trimmed.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive)
            && !trimmed.endsWith(QLatin1String("END"), Qt::CaseInsensitive)) {
            pending += QLatin1Char(';');
            continue;
        }
        if (!trimmed.isEmpty())
            out << trimmed;
        pending.clear();
    }
    return out;
}

// Ordered upgrade steps: step i brings the schema from version i-1 to i.
const char* const kUpgradeSteps[] = {
    // 1: the base schema.
    R"sql(
CREATE TABLE categories(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_id TEXT NOT NULL DEFAULT '');
CREATE TABLE venues(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL, city TEXT NOT NULL,
  country TEXT NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL,
  time_zone TEXT NOT NULL, capacity INTEGER NOT NULL);
CREATE TABLE events(
  id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL,
  category_id TEXT NOT NULL, tags TEXT NOT NULL, performers TEXT NOT NULL,
  starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL, time_zone TEXT NOT NULL,
  venue_id TEXT NOT NULL, price_min INTEGER NOT NULL, price_max INTEGER NOT NULL,
  currency TEXT NOT NULL, status INTEGER NOT NULL, image_url TEXT NOT NULL,
  organizer_id INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX events_by_start ON events(starts_at, id);
CREATE INDEX events_by_category ON events(category_id);
CREATE TABLE wishlist(
  user_id INTEGER NOT NULL, event_id TEXT NOT NULL, added_at INTEGER NOT NULL,
  PRIMARY KEY(user_id, event_id)) WITHOUT ROWID;
CREATE TABLE outbox(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, user_id INTEGER NOT NULL,
  kind TEXT NOT NULL, entity_id TEXT NOT NULL, payload BLOB NOT NULL,
  created_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT);
CREATE TABLE sync_state(
  id INTEGER PRIMARY KEY CHECK (id = 1), cursor INTEGER NOT NULL DEFAULT 0,
  last_sync_at INTEGER, server_url TEXT, device_id TEXT, token TEXT,
  user_id INTEGER NOT NULL DEFAULT 0, role INTEGER NOT NULL DEFAULT 0, email TEXT);
INSERT INTO sync_state(id) VALUES (1);
)sql",
    // 2: the cursor remembers whose rows it covers; outbox lookups by (user, entity).
    R"sql(
ALTER TABLE sync_state ADD COLUMN cursor_user_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_by_entity ON outbox(user_id, kind, entity_id);
)sql",
    // 3: seating layouts (SeatingLayout protobuf bytes per immutable version) and the layout
    // version each event sells.
    R"sql(
CREATE TABLE seating_layouts(
  layout_id TEXT NOT NULL, version INTEGER NOT NULL, payload BLOB NOT NULL,
  PRIMARY KEY(layout_id, version)) WITHOUT ROWID;
CREATE TABLE event_layouts(
  event_id TEXT PRIMARY KEY, layout_id TEXT NOT NULL, layout_version INTEGER NOT NULL);
)sql",
    // 4: offline search (localsearch.cpp). event_search holds each event's text (FTS5,
    // accents and case folded by unicode61), kept current by triggers in the same transaction
    // as the sync apply; its rowid is the event's rowid. search_words is the vocabulary, with
    // a trigram index for typo candidates; learnSearchWords() adds each batch's new words.
    R"sql(
CREATE INDEX events_by_venue ON events(venue_id);
CREATE VIRTUAL TABLE event_search USING fts5(event_id UNINDEXED, title, people, labels, description,
  tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE VIRTUAL TABLE event_search_terms USING fts5vocab(event_search, 'row');
CREATE VIEW event_search_source AS
  SELECT e.rowid AS doc, e.id AS event_id, e.title AS title,
         replace(e.performers, char(31), ' ') || ' ' || coalesce((SELECT v.name || ' ' || v.city FROM venues v WHERE v.id = e.venue_id), '') AS people,
         replace(e.tags, char(31), ' ') || ' ' || replace(e.category_id, '.', ' ') || ' ' || coalesce((SELECT c.name FROM categories c WHERE c.id = e.category_id), '') AS labels,
         e.description AS description
  FROM events e;
CREATE TRIGGER events_search_before_insert BEFORE INSERT ON events BEGIN
  DELETE FROM event_search WHERE rowid = (SELECT rowid FROM events WHERE id = new.id);
END;
CREATE TRIGGER events_search_after_insert AFTER INSERT ON events BEGIN
  INSERT INTO event_search(rowid, event_id, title, people, labels, description)
    SELECT doc, event_id, title, people, labels, description FROM event_search_source WHERE doc = new.rowid;
END;
CREATE TRIGGER events_search_after_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_search WHERE rowid = old.rowid;
END;
CREATE TRIGGER venues_search_after_insert AFTER INSERT ON venues BEGIN
  DELETE FROM event_search WHERE rowid IN (SELECT rowid FROM events WHERE venue_id = new.id);
  INSERT INTO event_search(rowid, event_id, title, people, labels, description)
    SELECT s.doc, s.event_id, s.title, s.people, s.labels, s.description
    FROM events e JOIN event_search_source s ON s.doc = e.rowid WHERE e.venue_id = new.id;
END;
CREATE TABLE search_words(word TEXT PRIMARY KEY);
CREATE VIRTUAL TABLE search_words_trigram USING fts5(word, content='search_words', tokenize='trigram');
CREATE TRIGGER search_words_after_insert AFTER INSERT ON search_words BEGIN
  INSERT INTO search_words_trigram(rowid, word) VALUES (new.rowid, new.word);
END;
INSERT INTO event_search(rowid, event_id, title, people, labels, description)
  SELECT doc, event_id, title, people, labels, description FROM event_search_source;
INSERT OR IGNORE INTO search_words(word) SELECT term FROM event_search_terms WHERE length(term) >= 4;
)sql",
    // 5: the search row of an event is dropped only when the event already exists: an FTS5
    // delete by rowid costs even when nothing matches, and made a cold sync 5x slower.
    R"sql(
DROP TRIGGER events_search_before_insert;
CREATE TRIGGER events_search_before_insert BEFORE INSERT ON events
  WHEN EXISTS (SELECT 1 FROM events WHERE id = new.id) BEGIN
  DELETE FROM event_search WHERE rowid = (SELECT rowid FROM events WHERE id = new.id);
END;
)sql",
    // 6: no per-row index triggers on events (even set-based, they made a cold sync 20x slower
    // than the plain insert). The apply path notes what changed and searchindex.cpp indexes it
    // set-based: inline for small batches, in the background after a large one. search_pending
    // holds event rowids to re-derive; every event rowid >= unindexed_from is unindexed. Both
    // commit with the rows, so an index build cut short resumes at the next start. Venue and
    // category rows feed the people and labels columns, so their changes mark their events.
    R"sql(
DROP TRIGGER events_search_before_insert;
DROP TRIGGER events_search_after_insert;
DROP TRIGGER events_search_after_delete;
DROP TRIGGER venues_search_after_insert;
CREATE TABLE search_pending(doc INTEGER PRIMARY KEY);
CREATE TABLE search_index_state(
  id INTEGER PRIMARY KEY CHECK (id = 1), unindexed_from INTEGER, vocabulary_stale INTEGER NOT NULL DEFAULT 0);
INSERT INTO search_index_state(id) VALUES (1);
CREATE TRIGGER venues_search_after_insert AFTER INSERT ON venues BEGIN
  INSERT OR IGNORE INTO search_pending(doc) SELECT rowid FROM events WHERE venue_id = new.id;
END;
CREATE TRIGGER venues_search_after_delete AFTER DELETE ON venues BEGIN
  INSERT OR IGNORE INTO search_pending(doc) SELECT rowid FROM events WHERE venue_id = old.id;
END;
CREATE TRIGGER categories_search_after_insert AFTER INSERT ON categories BEGIN
  INSERT OR IGNORE INTO search_pending(doc) SELECT rowid FROM events WHERE category_id = new.id;
END;
CREATE TRIGGER categories_search_after_delete AFTER DELETE ON categories BEGIN
  INSERT OR IGNORE INTO search_pending(doc) SELECT rowid FROM events WHERE category_id = old.id;
END;
INSERT OR IGNORE INTO search_words(word) SELECT term FROM event_search_terms WHERE length(term) >= 4;
)sql",
    // 7: booking. The user's orders (encoded marquee.v1.Order with its tickets, so "My orders
    // & tickets" works offline) and waitlist entries (encoded WaitlistEntry) from the change
    // log, the public keys that sign tickets, and the CreateOrder requests sent but not yet
    // answered: their idempotency key is replayed after a dropped connection.
    R"sql(
CREATE TABLE orders(
  id TEXT PRIMARY KEY, user_id INTEGER NOT NULL, event_id TEXT NOT NULL, status INTEGER NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, payload BLOB NOT NULL);
CREATE INDEX orders_by_user ON orders(user_id, created_at);
CREATE TABLE waitlist_entries(
  id TEXT PRIMARY KEY, user_id INTEGER NOT NULL, event_id TEXT NOT NULL, status INTEGER NOT NULL,
  created_at INTEGER NOT NULL, payload BLOB NOT NULL);
CREATE INDEX waitlist_entries_by_user ON waitlist_entries(user_id, created_at);
CREATE TABLE ticket_keys(
  key_id TEXT PRIMARY KEY, public_key BLOB NOT NULL, valid_from INTEGER NOT NULL, retired_at INTEGER NOT NULL);
CREATE TABLE order_requests(
  idempotency_key TEXT PRIMARY KEY, user_id INTEGER NOT NULL, hold_id TEXT NOT NULL,
  buyer_name TEXT NOT NULL, buyer_email TEXT NOT NULL, method INTEGER NOT NULL,
  card_payment_method TEXT NOT NULL, terminal_id TEXT NOT NULL, cash_tendered INTEGER NOT NULL,
  created_at INTEGER NOT NULL);
)sql",
    // 8: recommendations (recommendstore.cpp). The lists the server ranked, as fetched (user_id 0:
    // the public ones, similar events and trending), shown offline with the time they were
    // fetched; the user's settings (tracking decides offline whether a signal is recorded).
    // Signals themselves are outbox entries of kind 'signal'.
    R"sql(
CREATE TABLE recommendation_lists(
  user_id INTEGER NOT NULL, kind INTEGER NOT NULL, list_key TEXT NOT NULL, fetched_at INTEGER NOT NULL,
  computed_at INTEGER NOT NULL, model_trained_at INTEGER NOT NULL,
  PRIMARY KEY(user_id, kind, list_key)) WITHOUT ROWID;
CREATE TABLE recommendation_items(
  user_id INTEGER NOT NULL, kind INTEGER NOT NULL, list_key TEXT NOT NULL, position INTEGER NOT NULL,
  event_id TEXT NOT NULL, score REAL NOT NULL, reason INTEGER NOT NULL, anchor_event_id TEXT NOT NULL,
  anchor_title TEXT NOT NULL,
  PRIMARY KEY(user_id, kind, list_key, position)) WITHOUT ROWID;
CREATE TABLE recommendation_settings(
  user_id INTEGER PRIMARY KEY, tracking INTEGER NOT NULL, payload TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX outbox_by_kind ON outbox(user_id, kind, seq);
)sql",
    // 9: box office (boxofficestore.cpp). The device's own ticket-signing key pair with the
    // server's certificate; seat leases with one row per leased seat,
    // its priced OrderLine and its state here (100 = sold offline, not confirmed yet); the sales
    // made offline (their upload waits in the outbox as kind 'offline_sale'), kept after the
    // upload with the server's verdict so rejected ones stay flagged for staff.
    R"sql(
CREATE TABLE device_keys(
  key_id TEXT PRIMARY KEY, public_key BLOB NOT NULL, secret_key BLOB NOT NULL, created_at INTEGER NOT NULL,
  certificate BLOB NOT NULL DEFAULT x'', certified_by_key_id TEXT NOT NULL DEFAULT '',
  issued_at INTEGER NOT NULL DEFAULT 0, valid_until INTEGER NOT NULL DEFAULT 0, device_name TEXT NOT NULL DEFAULT '');
CREATE TABLE leases(
  id TEXT PRIMARY KEY, event_id TEXT NOT NULL, device_id TEXT NOT NULL, staff_user_id INTEGER NOT NULL,
  status INTEGER NOT NULL, currency TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
  event_title TEXT NOT NULL, event_starts_at INTEGER NOT NULL, event_time_zone TEXT NOT NULL,
  venue_name TEXT NOT NULL, venue_address TEXT NOT NULL);
CREATE INDEX leases_by_event ON leases(event_id, created_at);
CREATE TABLE lease_seats(
  lease_id TEXT NOT NULL REFERENCES leases(id) ON DELETE CASCADE, seat_id TEXT NOT NULL,
  seat_index INTEGER NOT NULL, label TEXT NOT NULL, price_category_id TEXT NOT NULL, total INTEGER NOT NULL,
  line BLOB NOT NULL, state INTEGER NOT NULL, order_id TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(lease_id, seat_id)) WITHOUT ROWID;
CREATE TABLE offline_sales(
  order_id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, lease_id TEXT NOT NULL,
  event_id TEXT NOT NULL, order_code TEXT NOT NULL, status INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '', sold_at INTEGER NOT NULL, staff_user_id INTEGER NOT NULL,
  method INTEGER NOT NULL, total INTEGER NOT NULL, buyer_name TEXT NOT NULL, order_payload BLOB NOT NULL);
CREATE INDEX offline_sales_by_status ON offline_sales(status, sold_at);
)sql",
    // 10: check-in at the doors (client/src/checkin). Device keys come with their certificate
    // (a verifier trusts them only when a cached server key certified them). check_ins: the
    // admissions this device knows of, its own (source 0, key = the idempotency key; offline
    // ones also sit in the outbox as kind 'checkin' until uploaded) and other devices' from
    // WatchCheckIns (source 1, key = "server:<check_in_id>"); server_id is the server's
    // check-in id once known (0 before): a pushed record finds this device's own row by it.
    // check_in_voids: voided tickets of watched events; check_in_watch: the WatchCheckIns
    // cursor per event; check_in_flags: uploads the server refused (void, invalid, wrong event),
    // for staff. Flagged duplicates are check_ins rows with flagged = 1.
    R"sql(
ALTER TABLE ticket_keys ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
ALTER TABLE ticket_keys ADD COLUMN certified_by TEXT NOT NULL DEFAULT '';
ALTER TABLE ticket_keys ADD COLUMN certificate BLOB;
ALTER TABLE ticket_keys ADD COLUMN valid_until INTEGER NOT NULL DEFAULT 0;
CREATE TABLE check_ins(
  key TEXT PRIMARY KEY, source INTEGER NOT NULL, server_id INTEGER NOT NULL, ticket_id TEXT NOT NULL,
  event_id TEXT NOT NULL, device_id TEXT NOT NULL, gate TEXT NOT NULL, staff_user_id INTEGER NOT NULL,
  checked_in_at INTEGER NOT NULL, offline INTEGER NOT NULL, counted INTEGER NOT NULL, flagged INTEGER NOT NULL, label TEXT NOT NULL,
  holder_name TEXT NOT NULL);
CREATE INDEX check_ins_by_ticket ON check_ins(event_id, ticket_id, counted);
CREATE INDEX check_ins_by_server_id ON check_ins(server_id) WHERE server_id <> 0;
CREATE TABLE check_in_voids(ticket_id TEXT PRIMARY KEY, event_id TEXT NOT NULL);
CREATE TABLE check_in_watch(event_id TEXT PRIMARY KEY, cursor INTEGER NOT NULL);
CREATE TABLE check_in_flags(
  key TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, event_id TEXT NOT NULL, gate TEXT NOT NULL,
  checked_in_at INTEGER NOT NULL, outcome INTEGER NOT NULL, reason TEXT NOT NULL);
CREATE INDEX check_in_flags_by_event ON check_in_flags(event_id, checked_in_at);
)sql",
    // 10 -> 11: device revocation (docs/boxoffice.md "Device revocation"). ticket_keys.revoked_at
    // (TicketKey.revoked_at_ms); check_in_confirmed_codes: SHA-256 of the codes of confirmed
    // sales signed by revoked device keys (CheckInBatch.confirmed_revoked_key_codes), the only
    // tickets of those keys a door admits offline.
    R"sql(
ALTER TABLE ticket_keys ADD COLUMN revoked_at INTEGER NOT NULL DEFAULT 0;
CREATE TABLE check_in_confirmed_codes(code_sha256 BLOB PRIMARY KEY, event_id TEXT NOT NULL);
)sql",
};
static_assert(std::size(kUpgradeSteps) == LocalStore::kSchemaVersion);

} // namespace

namespace {

#ifdef MARQUEE_SQLITE_C_API
// The few SQLite entry points the batch apply needs, resolved from the library the QSQLITE
// plugin itself was linked against (or carries), so they always match its sqlite3 handle.
// Not found (a plugin with a hidden, bundled SQLite): the QtSql path is used instead.
struct SqliteApi {
    decltype(&sqlite3_prepare_v2) prepare = nullptr;
    decltype(&sqlite3_bind_text) bindText = nullptr;
    decltype(&sqlite3_bind_int64) bindInt64 = nullptr;
    decltype(&sqlite3_bind_double) bindDouble = nullptr;
    decltype(&sqlite3_bind_blob) bindBlob = nullptr;
    decltype(&sqlite3_step) step = nullptr;
    decltype(&sqlite3_reset) reset = nullptr;
    decltype(&sqlite3_finalize) finalize = nullptr;
    decltype(&sqlite3_errmsg) errmsg = nullptr;
    decltype(&sqlite3_last_insert_rowid) lastInsertRowid = nullptr;

    static const SqliteApi* forDriver(const QSqlDriver* driver)
    {
        static std::once_flag once;
        static SqliteApi api;
        static bool ok = false;
        std::call_once(once, [driver] {
            ok = api.resolve(driver);
            if (!ok)
                qCInfo(lcStore) << "SQLite's C API is not reachable through the Qt driver; batches bind through QtSql";
        });
        return ok ? &api : nullptr;
    }

private:
    bool resolve(const QSqlDriver* driver)
    {
        if (qEnvironmentVariableIsSet("MARQUEE_SQLITE_QTSQL_ONLY"))
            return false; // for tests and comparisons: the portable path
        // The driver's type_info lives in the plugin; dlsym on the plugin's handle searches
        // the plugin and its own dependencies, i.e. exactly the SQLite it calls.
        Dl_info info{};
        if (!driver || dladdr(&typeid(*driver), &info) == 0 || !info.dli_fname)
            return false;
        void* plugin = dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
        if (!plugin)
            return false;
        auto get = [plugin](auto& fn, const char* name) {
            fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(plugin, name));
            return fn != nullptr;
        };
        const bool found = get(prepare, "sqlite3_prepare_v2") && get(bindText, "sqlite3_bind_text")
            && get(bindInt64, "sqlite3_bind_int64") && get(bindDouble, "sqlite3_bind_double") && get(bindBlob, "sqlite3_bind_blob")
            && get(step, "sqlite3_step") && get(reset, "sqlite3_reset") && get(finalize, "sqlite3_finalize")
            && get(errmsg, "sqlite3_errmsg") && get(lastInsertRowid, "sqlite3_last_insert_rowid");
        dlclose(plugin); // drops only the reference taken above; the plugin stays loaded
        return found;
    }
};
#endif

// The statements a batch runs; parameters are numbered from 1 as in SQLite.
enum Stmt : int {
    UpsertEvent, MarkEventForSearch, DeleteEvent, UpsertVenue, DeleteVenue, UpsertCategory, DeleteCategory, UpsertWish,
    DeleteWish, UpsertLayout, DeleteLayout, UpsertEventLayout, DeleteEventLayout, UpsertOrder, DeleteOrder,
    UpsertWaitlistEntry, DeleteWaitlistEntry, UpsertTicketKey, DeleteTicketKey, SaveCursor, StmtCount
};

const char* const kBatchSql[StmtCount] = {
    // An update keeps the event's rowid (its search row is re-derived through search_pending);
    // a new event gets a rowid above every earlier one, which is how new rows are found.
    "INSERT INTO events(id,title,description,category_id,tags,performers,starts_at,ends_at,time_zone,"
    "venue_id,price_min,price_max,currency,status,image_url,organizer_id,updated_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title,"
    "description=excluded.description,category_id=excluded.category_id,tags=excluded.tags,"
    "performers=excluded.performers,starts_at=excluded.starts_at,ends_at=excluded.ends_at,"
    "time_zone=excluded.time_zone,venue_id=excluded.venue_id,price_min=excluded.price_min,"
    "price_max=excluded.price_max,currency=excluded.currency,status=excluded.status,image_url=excluded.image_url,"
    "organizer_id=excluded.organizer_id,updated_at=excluded.updated_at",
    "INSERT OR IGNORE INTO search_pending(doc) SELECT rowid FROM events WHERE id=?",
    "DELETE FROM events WHERE id=?",
    "INSERT OR REPLACE INTO venues(id,name,address,city,country,latitude,longitude,time_zone,capacity) "
    "VALUES (?,?,?,?,?,?,?,?,?)",
    "DELETE FROM venues WHERE id=?",
    "INSERT OR REPLACE INTO categories(id,name,parent_id) VALUES (?,?,?)",
    "DELETE FROM categories WHERE id=?",
    // A pending local mutation for the same event wins until it is acknowledged.
    "INSERT OR REPLACE INTO wishlist(user_id,event_id,added_at) SELECT ?,?,? WHERE NOT EXISTS "
    "(SELECT 1 FROM outbox WHERE user_id=? AND kind='wishlist' AND entity_id=?)",
    "DELETE FROM wishlist WHERE user_id=? AND event_id=? AND NOT EXISTS "
    "(SELECT 1 FROM outbox WHERE user_id=? AND kind='wishlist' AND entity_id=?)",
    "INSERT OR REPLACE INTO seating_layouts(layout_id,version,payload) VALUES (?,?,?)",
    "DELETE FROM seating_layouts WHERE layout_id=? AND version=?",
    "INSERT OR REPLACE INTO event_layouts(event_id,layout_id,layout_version) VALUES (?,?,?)",
    "DELETE FROM event_layouts WHERE event_id=?",
    "INSERT OR REPLACE INTO orders(id,user_id,event_id,status,created_at,updated_at,payload) VALUES (?,?,?,?,?,?,?)",
    "DELETE FROM orders WHERE id=? AND user_id=?",
    "INSERT OR REPLACE INTO waitlist_entries(id,user_id,event_id,status,created_at,payload) VALUES (?,?,?,?,?,?)",
    "DELETE FROM waitlist_entries WHERE id=? AND user_id=?",
    "INSERT OR REPLACE INTO ticket_keys(key_id,public_key,valid_from,retired_at,device_id,certified_by,certificate,"
    "valid_until,revoked_at) VALUES (?,?,?,?,?,?,?,?,?)",
    "DELETE FROM ticket_keys WHERE key_id=?",
    "UPDATE sync_state SET cursor=?, cursor_user_id=?, last_sync_at=? WHERE id=1",
};

// Lists joined by kListSeparator, built as UTF-8 so the C API binds them without converting.
void joinListUtf8(const std::vector<std::string>& items, std::string& out)
{
    out.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += '\x1f';
        out += items[i];
    }
}

} // namespace

// The prepared batch statements, bound either through SQLite's C API or through QtSql.
struct LocalStore::Statements {
    bool prepare(const QSqlDatabase& db, QString* error)
    {
#ifdef MARQUEE_SQLITE_C_API
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_db = *static_cast<sqlite3* const*>(handle.constData());
        m_api = m_db ? SqliteApi::forDriver(db.driver()) : nullptr;
        if (m_api) {
            for (int i = 0; i < StmtCount; ++i) {
                if (m_api->prepare(m_db, kBatchSql[i], -1, &m_raw[i], nullptr) != SQLITE_OK) {
                    *error = QString::fromUtf8(m_api->errmsg(m_db));
                    return false;
                }
            }
            return true;
        }
#endif
        m_lastRowid = QSqlQuery(db);
        m_lastRowid.setForwardOnly(true);
        if (!m_lastRowid.prepare(QStringLiteral("SELECT last_insert_rowid()"))) {
            *error = m_lastRowid.lastError().text();
            return false;
        }
        m_qt.reserve(StmtCount);
        for (int i = 0; i < StmtCount; ++i) {
            m_qt.emplace_back(db);
            if (!m_qt.back().prepare(QString::fromUtf8(kBatchSql[i]))) {
                *error = m_qt.back().lastError().text();
                return false;
            }
        }
        return true;
    }

    ~Statements()
    {
#ifdef MARQUEE_SQLITE_C_API
        // Before the connection closes: an unfinalized statement keeps sqlite3_close from closing.
        if (m_api)
            for (sqlite3_stmt* st : m_raw)
                m_api->finalize(st);
#endif
    }

    void use(Stmt which) { m_current = which; }
    // Text must stay alive until exec(): the C API binds it without copying.
    void text(int param, const std::string& value)
    {
#ifdef MARQUEE_SQLITE_C_API
        if (m_api) {
            m_api->bindText(m_raw[m_current], param, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
            return;
        }
#endif
        // Never a null QString: QtSql binds it as SQL NULL, and the columns are NOT NULL.
        m_qt[static_cast<std::size_t>(m_current)].bindValue(
            param - 1, value.empty() ? QStringLiteral("") : QString::fromStdString(value));
    }
    void integer(int param, qint64 value)
    {
#ifdef MARQUEE_SQLITE_C_API
        if (m_api) {
            m_api->bindInt64(m_raw[m_current], param, value);
            return;
        }
#endif
        m_qt[static_cast<std::size_t>(m_current)].bindValue(param - 1, static_cast<qlonglong>(value));
    }
    void real(int param, double value)
    {
#ifdef MARQUEE_SQLITE_C_API
        if (m_api) {
            m_api->bindDouble(m_raw[m_current], param, value);
            return;
        }
#endif
        m_qt[static_cast<std::size_t>(m_current)].bindValue(param - 1, value);
    }
    // Binary, bound without copying like text().
    void blob(int param, const std::string& value)
    {
#ifdef MARQUEE_SQLITE_C_API
        if (m_api) {
            m_api->bindBlob(m_raw[m_current], param, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
            return;
        }
#endif
        m_qt[static_cast<std::size_t>(m_current)].bindValue(
            param - 1, QByteArray(value.data(), static_cast<qsizetype>(value.size())));
    }
    bool exec(QString* error)
    {
#ifdef MARQUEE_SQLITE_C_API
        if (m_api) {
            sqlite3_stmt* st = m_raw[m_current];
            const int rc = m_api->step(st);
            m_api->reset(st);
            if (rc == SQLITE_DONE || rc == SQLITE_ROW)
                return true;
            *error = QString::fromUtf8(m_api->errmsg(m_db));
            return false;
        }
#endif
        QSqlQuery& q = m_qt[static_cast<std::size_t>(m_current)];
        if (q.exec())
            return true;
        *error = q.lastError().text();
        return false;
    }

    // Rowid of the connection's latest insert: unchanged by an upsert that updated a row.
    qint64 lastInsertRowid()
    {
#ifdef MARQUEE_SQLITE_C_API
        if (m_api)
            return m_api->lastInsertRowid(m_db);
#endif
        return m_lastRowid.exec() && m_lastRowid.next() ? m_lastRowid.value(0).toLongLong() : -1;
    }

    std::string scratch[2]; // joined tags and performers of the current row

private:
    Stmt m_current = UpsertEvent;
    std::vector<QSqlQuery> m_qt;
    QSqlQuery m_lastRowid;
#ifdef MARQUEE_SQLITE_C_API
    const SqliteApi* m_api = nullptr;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_raw[StmtCount] = {};
#endif
};

LocalStore::LocalStore(QString path, int targetSchemaVersion)
    : m_path(std::move(path)),
      m_connectionName(QStringLiteral("marquee-store-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1))),
      m_targetVersion(targetSchemaVersion)
{
}

LocalStore::~LocalStore() { close(); }

QString LocalStore::defaultPath()
{
    return defaultPath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
}

QString LocalStore::defaultPath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("marquee.sqlite"));
}

QSqlDatabase LocalStore::database() const { return QSqlDatabase::database(m_connectionName, false); }

bool LocalStore::isOpen() const { return QSqlDatabase::contains(m_connectionName) && database().isOpen(); }

bool LocalStore::open(QString* error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            m_lastError = db.lastError().text();
            if (error)
                *error = m_lastError;
            return false;
        }
    }
    // WAL lets the UI read while the sync worker writes; FULL makes every committed outbox
    // entry survive a power loss. Searches read the FTS5 index and the events at random: a
    // memory map and a larger page cache spare them a read() per page (the default cache is 2 MB).
    const bool ok = exec(QStringLiteral("PRAGMA journal_mode=WAL")) && exec(QStringLiteral("PRAGMA synchronous=FULL"))
        && exec(QStringLiteral("PRAGMA mmap_size=268435456")) && exec(QStringLiteral("PRAGMA cache_size=-32768"))
        && exec(QStringLiteral("PRAGMA foreign_keys=ON")) && upgrade() && prepareBatchStatements();
    if (!ok && error)
        *error = m_lastError;
    return ok;
}

void LocalStore::close()
{
    m_st.reset();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = database();
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool LocalStore::exec(const QString& sql)
{
    QSqlQuery q(database());
    if (!q.exec(sql)) {
        m_lastError = q.lastError().text();
        qCWarning(lcStore) << "SQL failed:" << sql << m_lastError;
        return false;
    }
    return true;
}

bool LocalStore::begin()
{
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first
    // cannot upgrade while the other connection writes, and would fail instead of waiting.
    return exec(QStringLiteral("BEGIN IMMEDIATE"));
}

bool LocalStore::exec(QSqlQuery& query)
{
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lcStore) << "SQL failed:" << query.lastQuery() << m_lastError;
        return false;
    }
    return true;
}

int LocalStore::schemaVersion() { return pragma(QStringLiteral("user_version")).toInt(); }

QString LocalStore::pragma(const QString& name)
{
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("PRAGMA ") + name) && q.next())
        return q.value(0).toString();
    return {};
}

bool LocalStore::upgrade()
{
    QSqlDatabase db = database();
    int version = schemaVersion();
    if (version > kSchemaVersion) {
        m_lastError = QStringLiteral("database schema %1 is newer than this client (%2)").arg(version).arg(kSchemaVersion);
        return false;
    }
    while (version < m_targetVersion) {
        // Each step plus its version bump is one transaction: a crash leaves the old version.
        if (!begin())
            return false;
        bool ok = true;
        for (const QString& statement : splitStatements(QString::fromUtf8(kUpgradeSteps[version]))) {
            if (!(ok = exec(statement)))
                break;
        }
        ok = ok && exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1));
        if (!ok) {
            db.rollback();
            return false;
        }
        db.commit();
        ++version;
    }
    return true;
}

bool LocalStore::prepareBatchStatements()
{
    if (schemaVersion() < kSchemaVersion)
        return true; // an upgrade test holding an old schema: no batch applies
    m_st = std::make_unique<Statements>();
    if (!m_st->prepare(database(), &m_lastError)) {
        m_st.reset();
        return false;
    }
    return true;
}

SyncState LocalStore::syncState()
{
    SyncState s;
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT cursor,last_sync_at,server_url,device_id,token,user_id,role,email,cursor_user_id "
                              "FROM sync_state WHERE id=1"))
        && q.next()) {
        s.cursor = q.value(0).toULongLong();
        if (!q.value(1).isNull())
            s.lastSyncAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong());
        s.serverUrl = q.value(2).toString();
        s.deviceId = q.value(3).toString();
        s.token = q.value(4).toString();
        s.userId = q.value(5).toLongLong();
        s.role = static_cast<core::Role>(q.value(6).toInt());
        s.email = q.value(7).toString();
        s.cursorUserId = q.value(8).toLongLong();
    }
    return s;
}

bool LocalStore::setServerUrl(const QString& url)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE sync_state SET server_url=? WHERE id=1"));
    q.addBindValue(url);
    return exec(q);
}

QString LocalStore::ensureDeviceId()
{
    QString id = syncState().deviceId;
    if (!id.isEmpty())
        return id;
    id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE sync_state SET device_id=? WHERE id=1"));
    q.addBindValue(id);
    return exec(q) ? id : QString();
}

bool LocalStore::saveSession(const SessionInfo& session)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE sync_state SET token=?, user_id=?, role=?, email=? WHERE id=1"));
    q.addBindValue(session.token);
    q.addBindValue(session.userId);
    q.addBindValue(static_cast<int>(session.role));
    q.addBindValue(session.email);
    return exec(q);
}

bool LocalStore::clearSession()
{
    return exec(QStringLiteral("UPDATE sync_state SET token=NULL, user_id=0, role=0, email=NULL WHERE id=1"));
}

bool LocalStore::resetCursorForIdentity(qint64 userId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE sync_state SET cursor=0, cursor_user_id=? WHERE id=1 AND cursor_user_id<>?"));
    q.addBindValue(userId);
    q.addBindValue(userId);
    return exec(q);
}

bool LocalStore::clearCatalog()
{
    // A savepoint: all or nothing, inside the apply transaction or on its own.
    if (!exec(QStringLiteral("SAVEPOINT clear_catalog")))
        return false;
    const bool ok = exec(QStringLiteral("DELETE FROM events")) && exec(QStringLiteral("DELETE FROM venues"))
        && exec(QStringLiteral("DELETE FROM categories")) && exec(QStringLiteral("DELETE FROM seating_layouts"))
        && exec(QStringLiteral("DELETE FROM event_layouts")) && exec(QStringLiteral("DELETE FROM ticket_keys"))
        && clearSearchIndex();
    if (!ok) {
        exec(QStringLiteral("ROLLBACK TO clear_catalog"));
        exec(QStringLiteral("RELEASE clear_catalog"));
        return false;
    }
    return exec(QStringLiteral("RELEASE clear_catalog"));
}

std::optional<EventLayoutPin> LocalStore::eventLayout(const QString& eventId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT layout_id, layout_version FROM event_layouts WHERE event_id=?"));
    q.addBindValue(eventId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return EventLayoutPin{eventId.toStdString(), q.value(0).toString().toStdString(), q.value(1).toUInt()};
}

std::optional<QByteArray> LocalStore::layoutPayload(const QString& layoutId, std::uint32_t version)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT payload FROM seating_layouts WHERE layout_id=? AND version=?"));
    q.addBindValue(layoutId);
    q.addBindValue(version);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return q.value(0).toByteArray();
}

QList<QByteArray> LocalStore::newestLayoutPayloads()
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    QList<QByteArray> payloads;
    q.prepare(QStringLiteral("SELECT payload FROM seating_layouts s WHERE version = "
                             "(SELECT MAX(version) FROM seating_layouts WHERE layout_id = s.layout_id)"));
    if (!exec(q))
        return payloads;
    while (q.next())
        payloads << q.value(0).toByteArray();
    return payloads;
}

BatchResult LocalStore::applyBatch(const ChangeBatchData& batch, qint64 userId)
{
    return applyBatches({&batch}, userId).front();
}

std::vector<BatchResult> LocalStore::applyBatches(const std::vector<const ChangeBatchData*>& batches, qint64 userId)
{
    std::vector<BatchResult> results(batches.size());
    QSqlDatabase db = database();
    auto failAll = [&](const QString& what) {
        for (BatchResult& r : results)
            r.error = what;
        return results;
    };
    if (batches.empty())
        return results;
    if (!m_st)
        return failAll(QStringLiteral("store not open"));
    if (!begin())
        return failAll(m_lastError);
    m_applied = {nextEventRowid(), 0};
    QString error;
    for (std::size_t i = 0; i < batches.size(); ++i) {
        if (!applyChanges(*batches[i], userId, results[i], &error)) {
            m_lastError = error;
            db.rollback();
            qCWarning(lcStore) << "batch rolled back:" << error;
            return failAll(error);
        }
    }
    if (!indexAppliedEvents()) {
        db.rollback();
        return failAll(m_lastError);
    }
    // One cursor for the whole transaction: the rows and the cursor commit together.
    Statements& st = *m_st;
    st.use(SaveCursor);
    st.integer(1, static_cast<qint64>(batches.back()->nextCursor));
    st.integer(2, userId);
    st.integer(3, QDateTime::currentMSecsSinceEpoch());
    if (!st.exec(&error) || !db.commit()) {
        if (error.isEmpty())
            error = db.lastError().text();
        m_lastError = error;
        db.rollback();
        qCWarning(lcStore) << "batch rolled back:" << error;
        return failAll(error);
    }
    for (std::size_t i = 0; i < batches.size(); ++i)
        results[i].cursor = batches[i]->nextCursor;
    return results;
}

bool LocalStore::applyChanges(const ChangeBatchData& batch, qint64 userId, BatchResult& result, QString* error)
{
    result.head = batch.head;
    result.reset = batch.reset;
    if (batch.reset) {
        // The server no longer has the log we need: rebuild the cache, keep the outbox.
        QSqlQuery wipe(database());
        wipe.prepare(QStringLiteral("DELETE FROM wishlist WHERE user_id=?"));
        wipe.addBindValue(userId);
        if (!clearCatalog() || !exec(wipe) || !clearBookingData(userId) || !reapplyPendingWishlist(userId)) {
            *error = m_lastError;
            return false;
        }
        m_applied = {1, 0}; // an empty events table: every row from here on is new
        result.catalogChanged = result.wishlistChanged = true;
        result.ordersChanged = result.waitlistChanged = result.ticketKeysChanged = true;
    }
    Statements& st = *m_st;
    for (const ChangeRecord& change : batch.changes) {
        bool run = false;
        bool eventUpsert = false;
        qint64 lastRowid = 0;
        const std::string& id = change.aggregateId;
        switch (change.kind) {
        case ChangeRecord::Kind::Event:
            result.catalogChanged = true;
            if (change.deleted) {
                st.use(MarkEventForSearch); // its search row goes with it
                st.text(1, id);
                if (!st.exec(error))
                    return false;
                st.use(DeleteEvent);
                st.text(1, id);
                run = true;
            } else if (const auto* e = std::get_if<core::Event>(&change.record)) {
                eventUpsert = true;
                lastRowid = st.lastInsertRowid();
                joinListUtf8(e->tags, st.scratch[0]);
                joinListUtf8(e->performers, st.scratch[1]);
                st.use(UpsertEvent);
                st.text(1, id);
                st.text(2, e->title);
                st.text(3, e->description);
                st.text(4, e->categoryId);
                st.text(5, st.scratch[0]);
                st.text(6, st.scratch[1]);
                st.integer(7, e->startsAtMs);
                st.integer(8, e->endsAtMs);
                st.text(9, e->timeZone);
                st.text(10, e->venueId);
                st.integer(11, e->price.minMinor);
                st.integer(12, e->price.maxMinor);
                st.text(13, e->price.currency);
                st.integer(14, static_cast<int>(e->status));
                st.text(15, e->imageUrl);
                st.integer(16, e->organizerId);
                st.integer(17, e->updatedAtMs);
                run = true;
            }
            break;
        case ChangeRecord::Kind::Venue:
            result.catalogChanged = true;
            if (change.deleted) {
                st.use(DeleteVenue);
                st.text(1, id);
                run = true;
            } else if (const auto* v = std::get_if<core::Venue>(&change.record)) {
                st.use(UpsertVenue);
                st.text(1, id);
                st.text(2, v->name);
                st.text(3, v->address);
                st.text(4, v->city);
                st.text(5, v->country);
                st.real(6, v->latitude);
                st.real(7, v->longitude);
                st.text(8, v->timeZone);
                st.integer(9, v->capacity);
                run = true;
            }
            break;
        case ChangeRecord::Kind::Category:
            result.catalogChanged = true;
            if (change.deleted) {
                st.use(DeleteCategory);
                st.text(1, id);
                run = true;
            } else if (const auto* c = std::get_if<core::Category>(&change.record)) {
                st.use(UpsertCategory);
                st.text(1, id);
                st.text(2, c->name);
                st.text(3, c->parentId);
                run = true;
            }
            break;
        case ChangeRecord::Kind::Wishlist:
            result.wishlistChanged = true;
            if (userId == 0)
                break; // not ours to keep: an anonymous connection never gets these
            if (change.deleted) {
                st.use(DeleteWish);
                st.integer(1, userId);
                st.text(2, id);
                st.integer(3, userId);
                st.text(4, id);
                run = true;
            } else if (const auto* w = std::get_if<core::WishlistEntry>(&change.record)) {
                st.use(UpsertWish);
                st.integer(1, userId);
                st.text(2, id);
                st.integer(3, w->addedAtMs);
                st.integer(4, userId);
                st.text(5, id);
                run = true;
            }
            break;
        case ChangeRecord::Kind::Layout:
            if (const auto* l = std::get_if<LayoutPayload>(&change.record)) {
                result.seatingChanged = true;
                st.use(change.deleted ? DeleteLayout : UpsertLayout);
                st.text(1, l->layoutId);
                st.integer(2, l->version);
                if (!change.deleted)
                    st.blob(3, l->payload);
                run = true;
            }
            break;
        case ChangeRecord::Kind::EventLayout:
            result.seatingChanged = true;
            if (change.deleted) {
                st.use(DeleteEventLayout);
                st.text(1, id);
                run = true;
            } else if (const auto* pin = std::get_if<EventLayoutPin>(&change.record)) {
                st.use(UpsertEventLayout);
                st.text(1, id);
                st.text(2, pin->layoutId);
                st.integer(3, pin->version);
                run = true;
            }
            break;
        case ChangeRecord::Kind::Order:
            result.ordersChanged = true;
            if (userId == 0)
                break; // scoped to the buyer: an anonymous connection never gets these
            if (change.deleted) {
                st.use(DeleteOrder);
                st.text(1, id);
                st.integer(2, userId);
                run = true;
            } else if (const auto* o = std::get_if<OrderRecord>(&change.record)) {
                st.use(UpsertOrder);
                st.text(1, id);
                st.integer(2, userId);
                st.text(3, o->eventId);
                st.integer(4, o->status);
                st.integer(5, o->createdAtMs);
                st.integer(6, o->updatedAtMs);
                st.blob(7, o->payload);
                run = true;
            }
            break;
        case ChangeRecord::Kind::WaitlistEntry:
            result.waitlistChanged = true;
            if (userId == 0)
                break;
            if (change.deleted) {
                st.use(DeleteWaitlistEntry);
                st.text(1, id);
                st.integer(2, userId);
                run = true;
            } else if (const auto* w = std::get_if<WaitlistRecord>(&change.record)) {
                st.use(UpsertWaitlistEntry);
                st.text(1, id);
                st.integer(2, userId);
                st.text(3, w->eventId);
                st.integer(4, w->status);
                st.integer(5, w->createdAtMs);
                st.blob(6, w->payload);
                run = true;
            }
            break;
        case ChangeRecord::Kind::TicketKey:
            result.ticketKeysChanged = true;
            if (change.deleted) {
                st.use(DeleteTicketKey);
                st.text(1, id);
                run = true;
            } else if (const auto* k = std::get_if<TicketKeyRecord>(&change.record)) {
                st.use(UpsertTicketKey);
                st.text(1, id);
                st.blob(2, k->publicKey);
                st.integer(3, k->validFromMs);
                st.integer(4, k->retiredAtMs);
                st.text(5, k->deviceId);
                st.text(6, k->certifiedByKeyId);
                st.blob(7, k->certificate);
                st.integer(8, k->validUntilMs);
                st.integer(9, k->revokedAtMs);
                run = true;
            }
            break;
        case ChangeRecord::Kind::Unknown:
            break; // a newer server's aggregate: skip it, the cursor still advances
        }
        if (run) {
            if (!st.exec(error))
                return false;
            ++result.appliedRows;
        }
        if (eventUpsert) {
            if (st.lastInsertRowid() != lastRowid) {
                ++m_applied.inserted;
            } else { // updated in place: its search row is re-derived
                st.use(MarkEventForSearch);
                st.text(1, id);
                if (!st.exec(error))
                    return false;
            }
        }
    }
    return true;
}

QList<EventRow> LocalStore::events(const EventFilter& filter)
{
    QString sql = QStringLiteral(
        "SELECT e.id, e.title, e.starts_at, e.time_zone, v.name, v.city, e.category_id, c.name, e.price_min, "
        "e.price_max, e.currency, e.status, w.event_id IS NOT NULL FROM events e "
        "LEFT JOIN venues v ON v.id = e.venue_id LEFT JOIN categories c ON c.id = e.category_id "
        "LEFT JOIN wishlist w ON w.event_id = e.id AND w.user_id = :uid WHERE 1=1");
    if (filter.from.isValid())
        sql += QStringLiteral(" AND e.starts_at >= :from");
    if (filter.to.isValid())
        sql += QStringLiteral(" AND e.starts_at < :to");
    if (!filter.categoryId.isEmpty())
        sql += QStringLiteral(
            " AND e.category_id IN (WITH RECURSIVE sub(id) AS (SELECT :cat UNION "
            "SELECT c2.id FROM categories c2 JOIN sub ON c2.parent_id = sub.id) SELECT id FROM sub)");
    if (filter.wishlistOnly)
        sql += QStringLiteral(" AND w.event_id IS NOT NULL");
    sql += QStringLiteral(" ORDER BY e.starts_at, e.id");

    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(sql);
    q.bindValue(QStringLiteral(":uid"), filter.userId);
    // The user picks calendar days in their own time zone.
    if (filter.from.isValid())
        q.bindValue(QStringLiteral(":from"), filter.from.startOfDay().toMSecsSinceEpoch());
    if (filter.to.isValid())
        q.bindValue(QStringLiteral(":to"), filter.to.addDays(1).startOfDay().toMSecsSinceEpoch());
    if (!filter.categoryId.isEmpty())
        q.bindValue(QStringLiteral(":cat"), filter.categoryId);
    QList<EventRow> rows;
    if (!exec(q))
        return rows;
    while (q.next()) {
        EventRow r;
        r.id = q.value(0).toString();
        r.title = q.value(1).toString();
        r.startsAtMs = q.value(2).toLongLong();
        r.timeZone = q.value(3).toString();
        r.venueName = q.value(4).toString();
        r.city = q.value(5).toString();
        r.categoryId = q.value(6).toString();
        r.categoryName = q.value(7).toString();
        r.priceMinMinor = q.value(8).toLongLong();
        r.priceMaxMinor = q.value(9).toLongLong();
        r.currency = q.value(10).toString();
        r.status = static_cast<core::EventStatus>(q.value(11).toInt());
        r.wishlisted = q.value(12).toBool();
        rows.append(std::move(r));
    }
    return rows;
}

std::optional<EventDetails> LocalStore::eventDetails(const QString& eventId, qint64 userId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "SELECT e.id,e.title,e.description,e.category_id,e.tags,e.performers,e.starts_at,e.ends_at,e.time_zone,"
        "e.venue_id,e.price_min,e.price_max,e.currency,e.status,e.image_url,e.organizer_id,e.updated_at,"
        "v.id,v.name,v.address,v.city,v.country,v.latitude,v.longitude,v.time_zone,v.capacity,c.name,"
        "EXISTS(SELECT 1 FROM wishlist w WHERE w.user_id=? AND w.event_id=e.id) "
        "FROM events e LEFT JOIN venues v ON v.id=e.venue_id LEFT JOIN categories c ON c.id=e.category_id "
        "WHERE e.id=?"));
    q.addBindValue(userId);
    q.addBindValue(eventId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    EventDetails d;
    core::Event& e = d.event;
    e.id = q.value(0).toString().toStdString();
    e.title = q.value(1).toString().toStdString();
    e.description = q.value(2).toString().toStdString();
    e.categoryId = q.value(3).toString().toStdString();
    e.tags = splitList(q.value(4).toString());
    e.performers = splitList(q.value(5).toString());
    e.startsAtMs = q.value(6).toLongLong();
    e.endsAtMs = q.value(7).toLongLong();
    e.timeZone = q.value(8).toString().toStdString();
    e.venueId = q.value(9).toString().toStdString();
    e.price.minMinor = q.value(10).toLongLong();
    e.price.maxMinor = q.value(11).toLongLong();
    e.price.currency = q.value(12).toString().toStdString();
    e.status = static_cast<core::EventStatus>(q.value(13).toInt());
    e.imageUrl = q.value(14).toString().toStdString();
    e.organizerId = q.value(15).toLongLong();
    e.updatedAtMs = q.value(16).toLongLong();
    if (!q.value(17).isNull())
        d.venue = venueAt(q, 17);
    d.categoryName = q.value(26).toString();
    d.wishlisted = q.value(27).toBool();
    return d;
}

// A venue from nine result columns starting at `first`, in the venues table's order.
core::Venue LocalStore::venueAt(const QSqlQuery& q, int first)
{
    core::Venue v;
    v.id = q.value(first).toString().toStdString();
    v.name = q.value(first + 1).toString().toStdString();
    v.address = q.value(first + 2).toString().toStdString();
    v.city = q.value(first + 3).toString().toStdString();
    v.country = q.value(first + 4).toString().toStdString();
    v.latitude = q.value(first + 5).toDouble();
    v.longitude = q.value(first + 6).toDouble();
    v.timeZone = q.value(first + 7).toString().toStdString();
    v.capacity = q.value(first + 8).toInt();
    return v;
}

QList<core::Venue> LocalStore::venues()
{
    QList<core::Venue> out;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT id,name,address,city,country,latitude,longitude,time_zone,capacity FROM venues "
                               "ORDER BY name, id")))
        return out;
    while (q.next())
        out.append(venueAt(q, 0));
    return out;
}

QList<core::Category> LocalStore::categories()
{
    QList<core::Category> out;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT id,name,parent_id FROM categories ORDER BY id")))
        return out;
    while (q.next())
        out.append(core::Category{q.value(0).toString().toStdString(), q.value(1).toString().toStdString(),
                                  q.value(2).toString().toStdString()});
    return out;
}

int LocalStore::eventCount()
{
    QSqlQuery q(database());
    return q.exec(QStringLiteral("SELECT count(*) FROM events")) && q.next() ? q.value(0).toInt() : 0;
}

bool LocalStore::isWishlisted(qint64 userId, const QString& eventId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT 1 FROM wishlist WHERE user_id=? AND event_id=?"));
    q.addBindValue(userId);
    q.addBindValue(eventId);
    return exec(q) && q.next();
}

QStringList LocalStore::wishlist(qint64 userId)
{
    QStringList ids;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT event_id FROM wishlist WHERE user_id=? ORDER BY event_id"));
    q.addBindValue(userId);
    if (exec(q))
        while (q.next())
            ids.append(q.value(0).toString());
    return ids;
}

QByteArray LocalStore::wishlistPayload(const QString& eventId, bool add)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("event_id"), eventId}, {QStringLiteral("add"), add}})
        .toJson(QJsonDocument::Compact);
}

bool LocalStore::wishlistPayloadAdds(const QByteArray& payload)
{
    return QJsonDocument::fromJson(payload).object().value(QStringLiteral("add")).toBool();
}

std::optional<OutboxEntry> LocalStore::toggleWishlist(qint64 userId, const QString& eventId)
{
    QSqlDatabase db = database();
    if (!begin())
        return std::nullopt;
    const bool add = !isWishlisted(userId, eventId);
    OutboxEntry entry;
    entry.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.userId = userId;
    entry.kind = QStringLiteral("wishlist");
    entry.entityId = eventId;
    entry.payload = wishlistPayload(eventId, add);
    entry.createdAt = QDateTime::currentDateTimeUtc();

    QSqlQuery row(db);
    if (add) {
        row.prepare(QStringLiteral("INSERT OR REPLACE INTO wishlist(user_id,event_id,added_at) VALUES (?,?,?)"));
        row.addBindValue(userId);
        row.addBindValue(eventId);
        row.addBindValue(entry.createdAt.toMSecsSinceEpoch());
    } else {
        row.prepare(QStringLiteral("DELETE FROM wishlist WHERE user_id=? AND event_id=?"));
        row.addBindValue(userId);
        row.addBindValue(eventId);
    }
    QSqlQuery out(db);
    out.prepare(QStringLiteral("INSERT INTO outbox(key,user_id,kind,entity_id,payload,created_at) VALUES (?,?,?,?,?,?)"));
    out.addBindValue(entry.key);
    out.addBindValue(userId);
    out.addBindValue(entry.kind);
    out.addBindValue(eventId);
    out.addBindValue(entry.payload);
    out.addBindValue(entry.createdAt.toMSecsSinceEpoch());
    if (!exec(row) || !exec(out) || !db.commit()) {
        db.rollback();
        return std::nullopt;
    }
    entry.seq = out.lastInsertId().toLongLong();
    return entry;
}

QList<OutboxEntry> LocalStore::outbox(std::optional<qint64> userId, const QString& kind, int limit)
{
    QList<OutboxEntry> out;
    QSqlQuery q(database());
    QStringList where;
    if (userId)
        where << QStringLiteral("user_id=?");
    if (!kind.isEmpty())
        where << QStringLiteral("kind=?");
    q.prepare(QStringLiteral("SELECT seq,key,user_id,kind,entity_id,payload,created_at,attempts,last_error FROM outbox")
              + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")))
              + QStringLiteral(" ORDER BY seq") + (limit >= 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString()));
    if (userId)
        q.addBindValue(*userId);
    if (!kind.isEmpty())
        q.addBindValue(kind);
    if (!exec(q))
        return out;
    while (q.next()) {
        OutboxEntry e;
        e.seq = q.value(0).toLongLong();
        e.key = q.value(1).toString();
        e.userId = q.value(2).toLongLong();
        e.kind = q.value(3).toString();
        e.entityId = q.value(4).toString();
        e.payload = q.value(5).toByteArray();
        e.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
        e.attempts = q.value(7).toInt();
        e.lastError = q.value(8).toString();
        out.append(std::move(e));
    }
    return out;
}

bool LocalStore::removeOutboxEntry(const QString& key)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE key=?"));
    q.addBindValue(key);
    return exec(q);
}

bool LocalStore::recordOutboxFailure(const QString& key, const QString& error)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE outbox SET attempts=attempts+1, last_error=? WHERE key=?"));
    q.addBindValue(error);
    q.addBindValue(key);
    return exec(q);
}

bool LocalStore::rejectOutboxEntry(const OutboxEntry& entry)
{
    QSqlDatabase db = database();
    if (!begin())
        return false;
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM outbox WHERE key=?"));
    del.addBindValue(entry.key);
    QSqlQuery undo(db);
    if (wishlistPayloadAdds(entry.payload)) {
        undo.prepare(QStringLiteral("DELETE FROM wishlist WHERE user_id=? AND event_id=?"));
        undo.addBindValue(entry.userId);
        undo.addBindValue(entry.entityId);
    } else {
        undo.prepare(QStringLiteral("INSERT OR REPLACE INTO wishlist(user_id,event_id,added_at) VALUES (?,?,?)"));
        undo.addBindValue(entry.userId);
        undo.addBindValue(entry.entityId);
        undo.addBindValue(entry.createdAt.toMSecsSinceEpoch());
    }
    if (!exec(del) || !exec(undo) || !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

bool LocalStore::clearUserData(qint64 userId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM wishlist WHERE user_id=?"));
    q.addBindValue(userId);
    return exec(q) && clearBookingData(userId) && clearRecommendationData(userId);
}

bool LocalStore::reapplyPendingWishlist(qint64 userId)
{
    // Latest pending mutation per event decides the local row.
    const QList<OutboxEntry> pending = outbox(userId);
    for (const OutboxEntry& e : pending) {
        if (e.kind != QLatin1String("wishlist"))
            continue;
        QSqlQuery q(database());
        if (wishlistPayloadAdds(e.payload)) {
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO wishlist(user_id,event_id,added_at) VALUES (?,?,?)"));
            q.addBindValue(userId);
            q.addBindValue(e.entityId);
            q.addBindValue(e.createdAt.toMSecsSinceEpoch());
        } else {
            q.prepare(QStringLiteral("DELETE FROM wishlist WHERE user_id=? AND event_id=?"));
            q.addBindValue(userId);
            q.addBindValue(e.entityId);
        }
        if (!exec(q))
            return false;
    }
    return true;
}

} // namespace marquee::client
