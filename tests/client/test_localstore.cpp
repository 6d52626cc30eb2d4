// LocalStore: schema creation and upgrade, pragmas, batch apply, filters, outbox durability.
#include "store/localstore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace marquee;
using namespace marquee::client;

namespace {

core::Event makeEvent(const std::string& id, const std::string& category, qint64 startsAtMs)
{
    core::Event e;
    e.id = id;
    e.title = "Event " + id;
    e.description = "About " + id;
    e.categoryId = category;
    e.tags = {"live", "indoor"};
    e.performers = {"The Band"};
    e.startsAtMs = startsAtMs;
    e.endsAtMs = startsAtMs + 7200000;
    e.timeZone = "Europe/Berlin";
    e.venueId = "v1";
    e.price = {1500, 4500, "EUR"};
    return e;
}

ChangeRecord upsert(std::uint64_t seq, core::Event e)
{
    ChangeRecord r;
    r.seq = seq;
    r.kind = ChangeRecord::Kind::Event;
    r.aggregateId = e.id;
    r.record = std::move(e);
    return r;
}

ChangeRecord category(std::uint64_t seq, const std::string& id, const std::string& parent)
{
    ChangeRecord r;
    r.seq = seq;
    r.kind = ChangeRecord::Kind::Category;
    r.aggregateId = id;
    r.record = core::Category{id, "Name " + id, parent};
    return r;
}

ChangeRecord tombstone(std::uint64_t seq, ChangeRecord::Kind kind, const std::string& id)
{
    ChangeRecord r;
    r.seq = seq;
    r.kind = kind;
    r.aggregateId = id;
    r.deleted = true;
    return r;
}

ChangeBatchData batchOf(std::uint64_t from, std::uint64_t next, std::vector<ChangeRecord> changes)
{
    ChangeBatchData b;
    b.fromCursor = from;
    b.nextCursor = next;
    b.head = next;
    b.changes = std::move(changes);
    return b;
}

qint64 ms(int y, int m, int d, int h = 20) { return QDateTime(QDate(y, m, d), QTime(h, 0)).toMSecsSinceEpoch(); }

} // namespace

class TestLocalStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    void fillCatalog(LocalStore& store)
    {
        core::Venue v{"v1", "Philharmonie", "Herbert-von-Karajan-Str. 1", "Berlin", "DE", 52.51, 13.37, "Europe/Berlin", 2440};
        ChangeRecord venue;
        venue.kind = ChangeRecord::Kind::Venue;
        venue.aggregateId = "v1";
        venue.record = v;
        auto b = batchOf(0, 7, {venue, category(2, "music", ""), category(3, "music.jazz", "music"),
                                category(4, "sports", ""), upsert(5, makeEvent("e1", "music", ms(2030, 3, 1))),
                                upsert(6, makeEvent("e2", "music.jazz", ms(2030, 3, 5))),
                                upsert(7, makeEvent("e3", "sports", ms(2030, 4, 1)))});
        QVERIFY(store.applyBatch(b, 42).error.isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void defaultPathIsInAppData()
    {
        QVERIFY(LocalStore::defaultPath().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QCOMPARE(LocalStore::defaultPath(QStringLiteral("/x")), QStringLiteral("/x/marquee.sqlite"));
    }

    void createsSchemaWithDurablePragmas()
    {
        LocalStore store(path(QStringLiteral("fresh.sqlite")));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), LocalStore::kSchemaVersion);
        QCOMPARE(store.pragma(QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(store.pragma(QStringLiteral("synchronous")), QStringLiteral("2")); // FULL
        QCOMPARE(store.syncState().cursor, 0u);
        QVERIFY(!store.ensureDeviceId().isEmpty());
        QCOMPARE(store.ensureDeviceId(), store.syncState().deviceId); // stable
    }

    void upgradesFromVersion1()
    {
        const QString file = path(QStringLiteral("old.sqlite"));
        {
            LocalStore v1(file, 1);
            QVERIFY(v1.open());
            QCOMPARE(v1.schemaVersion(), 1);
            QSqlQuery q(v1.database());
            QVERIFY(q.exec(QStringLiteral("UPDATE sync_state SET cursor=17, email='a@b.de' WHERE id=1")));
        }
        LocalStore store(file);
        QVERIFY(store.open());
        QCOMPARE(store.schemaVersion(), LocalStore::kSchemaVersion);
        QCOMPARE(store.syncState().cursor, 17u); // data survives the upgrade
        QCOMPARE(store.syncState().email, QStringLiteral("a@b.de"));
        QCOMPARE(store.syncState().cursorUserId, 0);
    }

    void refusesNewerSchema()
    {
        const QString file = path(QStringLiteral("newer.sqlite"));
        {
            LocalStore store(file);
            QVERIFY(store.open());
            QSqlQuery q(store.database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
        }
        LocalStore store(file);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY(error.contains(QLatin1String("newer")));
    }

    void appliesUpsertsTombstonesAndCursor()
    {
        LocalStore store(path(QStringLiteral("apply.sqlite")));
        QVERIFY(store.open());
        fillCatalog(store);
        QCOMPARE(store.eventCount(), 3);
        QCOMPARE(store.syncState().cursor, 7u);
        QCOMPARE(store.syncState().cursorUserId, 42);

        auto changed = makeEvent("e1", "music", ms(2030, 3, 1));
        changed.title = "Renamed";
        changed.status = core::EventStatus::Cancelled;
        const BatchResult r = store.applyBatch(batchOf(7, 9, {upsert(8, changed), tombstone(9, ChangeRecord::Kind::Event, "e3")}), 42);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.appliedRows, 2);
        QCOMPARE(r.cursor, 9u);
        QVERIFY(r.catalogChanged);
        QCOMPARE(store.eventCount(), 2);
        const auto details = store.eventDetails(QStringLiteral("e1"), 42);
        QVERIFY(details);
        QCOMPARE(details->event.title, std::string("Renamed"));
        QCOMPARE(details->event.status, core::EventStatus::Cancelled);
        QCOMPARE(details->event.tags, (std::vector<std::string>{"live", "indoor"}));
        QVERIFY(details->venue);
        QCOMPARE(details->venue->name, std::string("Philharmonie"));
        QCOMPARE(details->categoryName, QStringLiteral("Name music"));
        QVERIFY(!store.eventDetails(QStringLiteral("e3"), 42));
        QCOMPARE(store.syncState().cursor, 9u);
    }

    void storesEveryFieldAsSent()
    {
        // The batch path binds UTF-8 straight from the records; what comes back must be the
        // record itself: non-ASCII text, empty lists and strings, 64-bit and negative values.
        LocalStore store(path(QStringLiteral("fields.sqlite")));
        QVERIFY(store.open());
        core::Venue venue{"v\u00e9", "Salle Pleyel \u00e9t\u00e9", "", "Paris", "FR", -33.8688197, 151.2092955,
                          "Europe/Paris", 2147483647};
        ChangeRecord venueRow;
        venueRow.kind = ChangeRecord::Kind::Venue;
        venueRow.aggregateId = venue.id;
        venueRow.record = venue;
        core::Event full = makeEvent("e-\u00fc", "m\u00fcsic", -62135596800000); // year 1 UTC
        full.title = "Caf\u00e9 \u266b Konzert \xF0\x9F\x8E\xB7";
        full.description = std::string("line 1\nline 2\t\"quoted\" ") + std::string(5000, 'x');
        full.tags = {"jazz", "\u00e9t\u00e9", ""};
        full.performers = {};
        full.venueId = venue.id;
        full.price = {0, 9'223'372'036'854'775'807, "CHF"};
        full.status = core::EventStatus::SoldOut;
        full.imageUrl = "https://example.org/i.png?x=1&y=\u00e4";
        full.organizerId = 9'007'199'254'740'993;
        full.updatedAtMs = 1'790'000'000'123;
        QVERIFY(store.applyBatch(batchOf(0, 3, {venueRow, category(2, full.categoryId, ""), upsert(3, full)}), 0)
                    .error.isEmpty());
        const auto details = store.eventDetails(QString::fromStdString(full.id), 0);
        QVERIFY(details);
        QCOMPARE(details->event.tags, full.tags);
        QVERIFY(details->event == full);
        QVERIFY(details->venue);
        QVERIFY(*details->venue == venue);
        QCOMPARE(details->categoryName, QString::fromStdString("Name " + full.categoryId));
    }

    void failedBatchKeepsNothing()
    {
        LocalStore store(path(QStringLiteral("failed.sqlite")));
        QVERIFY(store.open());
        fillCatalog(store);
        // A constraint the batch violates halfway through (a trigger stands in for it).
        QSqlQuery ddl(store.database());
        QVERIFY(ddl.exec(QStringLiteral("CREATE TRIGGER no_e5 BEFORE INSERT ON events WHEN NEW.id = 'e5' "
                                        "BEGIN SELECT RAISE(ABORT, 'e5 is refused'); END")));
        auto renamed = makeEvent("e1", "music", ms(2030, 3, 1));
        renamed.title = "Renamed";
        const auto batch = batchOf(7, 10, {upsert(8, renamed), tombstone(9, ChangeRecord::Kind::Event, "e2"),
                                           upsert(10, makeEvent("e5", "music", ms(2030, 6, 1)))});
        const BatchResult failed = store.applyBatch(batch, 42);
        QVERIFY2(failed.error.contains(QLatin1String("e5 is refused")), qPrintable(failed.error));
        // Rows and cursor go together: the rename and the tombstone before the failure are gone too.
        QCOMPARE(store.syncState().cursor, 7u);
        QCOMPARE(store.eventCount(), 3);
        QCOMPARE(store.eventDetails(QStringLiteral("e1"), 42)->event.title, std::string("Event e1"));

        // The cause removed, the same batch applies; the store is usable after the failure.
        QVERIFY(ddl.exec(QStringLiteral("DROP TRIGGER no_e5")));
        const BatchResult ok = store.applyBatch(batch, 42);
        QVERIFY2(ok.error.isEmpty(), qPrintable(ok.error));
        QCOMPARE(store.syncState().cursor, 10u);
        QCOMPARE(store.eventCount(), 3);
        QCOMPARE(store.eventDetails(QStringLiteral("e1"), 42)->event.title, std::string("Renamed"));
        QVERIFY(!store.eventDetails(QStringLiteral("e2"), 42));
    }

    void groupedBatchesCommitTogether()
    {
        LocalStore store(path(QStringLiteral("grouped.sqlite")));
        QVERIFY(store.open());
        fillCatalog(store);
        const auto b1 = batchOf(7, 8, {upsert(8, makeEvent("e4", "music", ms(2030, 6, 1)))});
        const auto b2 = batchOf(8, 9, {tombstone(9, ChangeRecord::Kind::Event, "e1")});
        const auto b3 = batchOf(9, 11, {upsert(10, makeEvent("e5", "sports", ms(2030, 6, 2))),
                                        upsert(11, makeEvent("e6", "sports", ms(2030, 6, 3)))});
        QSqlQuery ddl(store.database());
        QVERIFY(ddl.exec(QStringLiteral("CREATE TRIGGER no_e6 BEFORE INSERT ON events WHEN NEW.id = 'e6' "
                                        "BEGIN SELECT RAISE(ABORT, 'e6 is refused'); END")));
        // A failure in the last batch takes the whole group back, and every batch says so.
        const auto failed = store.applyBatches({&b1, &b2, &b3}, 42);
        QCOMPARE(failed.size(), std::size_t(3));
        for (const BatchResult& r : failed)
            QVERIFY(r.error.contains(QLatin1String("e6 is refused")));
        QCOMPARE(store.syncState().cursor, 7u);
        QCOMPARE(store.eventCount(), 3);
        QVERIFY(!store.eventDetails(QStringLiteral("e4"), 42));

        QVERIFY(ddl.exec(QStringLiteral("DROP TRIGGER no_e6")));
        const auto ok = store.applyBatches({&b1, &b2, &b3}, 42);
        QCOMPARE(ok.size(), std::size_t(3));
        QCOMPARE(ok[0].cursor, 8u);
        QCOMPARE(ok[0].appliedRows, 1);
        QCOMPARE(ok[1].cursor, 9u);
        QCOMPARE(ok[2].cursor, 11u);
        QCOMPARE(ok[2].appliedRows, 2);
        for (const BatchResult& r : ok)
            QVERIFY(r.error.isEmpty());
        QCOMPARE(store.syncState().cursor, 11u);
        QCOMPARE(store.eventCount(), 5); // e2 e3 e4 e5 e6
        QVERIFY(!store.eventDetails(QStringLiteral("e1"), 42));
    }

    void resetClearsCatalogButKeepsOutbox()
    {
        LocalStore store(path(QStringLiteral("reset.sqlite")));
        QVERIFY(store.open());
        fillCatalog(store);
        QVERIFY(store.toggleWishlist(42, QStringLiteral("e2")));
        auto b = batchOf(0, 3, {upsert(3, makeEvent("e9", "sports", ms(2030, 5, 1)))});
        b.reset = true;
        QVERIFY(store.applyBatch(b, 42).error.isEmpty());
        QCOMPARE(store.eventCount(), 1);
        QCOMPARE(store.outbox().size(), 1);
        // The pending add still shows locally after the wipe.
        QVERIFY(store.isWishlisted(42, QStringLiteral("e2")));
    }

    void filters_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("category");
        QTest::addColumn<bool>("wishlistOnly");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("all") << QDate() << QDate() << QString() << false << QStringList{QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")};
        QTest::newRow("parent category includes children") << QDate() << QDate() << QStringLiteral("music") << false
                                                           << QStringList{QStringLiteral("e1"), QStringLiteral("e2")};
        QTest::newRow("leaf category") << QDate() << QDate() << QStringLiteral("music.jazz") << false << QStringList{QStringLiteral("e2")};
        QTest::newRow("from") << QDate(2030, 3, 2) << QDate() << QString() << false << QStringList{QStringLiteral("e2"), QStringLiteral("e3")};
        QTest::newRow("to is inclusive") << QDate() << QDate(2030, 3, 5) << QString() << false << QStringList{QStringLiteral("e1"), QStringLiteral("e2")};
        QTest::newRow("one day") << QDate(2030, 4, 1) << QDate(2030, 4, 1) << QString() << false << QStringList{QStringLiteral("e3")};
        QTest::newRow("wishlist only") << QDate() << QDate() << QString() << true << QStringList{QStringLiteral("e3")};
        QTest::newRow("combined, empty") << QDate() << QDate() << QStringLiteral("music") << true << QStringList{};
    }

    void filters()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, category);
        QFETCH(bool, wishlistOnly);
        QFETCH(QStringList, expected);
        LocalStore store(path(QStringLiteral("filters.sqlite")));
        QVERIFY(store.open());
        if (store.eventCount() == 0) {
            fillCatalog(store);
            QVERIFY(store.toggleWishlist(42, QStringLiteral("e3")));
        }
        EventFilter f;
        f.from = from;
        f.to = to;
        f.categoryId = category;
        f.wishlistOnly = wishlistOnly;
        f.userId = 42;
        QStringList ids;
        for (const EventRow& row : store.events(f))
            ids << row.id;
        QCOMPARE(ids, expected);
    }

    void outboxIsOrderedAndDurable()
    {
        const QString file = path(QStringLiteral("outbox.sqlite"));
        QStringList keys;
        {
            LocalStore store(file);
            QVERIFY(store.open());
            fillCatalog(store);
            for (const char* id : {"e1", "e2", "e1"}) {
                const auto entry = store.toggleWishlist(42, QString::fromLatin1(id));
                QVERIFY(entry);
                keys << entry->key;
            }
            QVERIFY(store.toggleWishlist(7, QStringLiteral("e3"))); // another user
            QVERIFY(!store.isWishlisted(42, QStringLiteral("e1"))); // added then removed
            QVERIFY(store.isWishlisted(42, QStringLiteral("e2")));
        }
        LocalStore reopened(file);
        QVERIFY(reopened.open());
        const auto entries = reopened.outbox(42);
        QCOMPARE(entries.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(entries.at(i).key, keys.at(i));
        QVERIFY(LocalStore::wishlistPayloadAdds(entries.at(0).payload));
        QVERIFY(!LocalStore::wishlistPayloadAdds(entries.at(2).payload));
        QCOMPARE(reopened.outbox().size(), 4);

        // Logout clears the user's cached rows, never the outbox.
        QVERIFY(reopened.clearUserData(42));
        QVERIFY(reopened.wishlist(42).isEmpty());
        QCOMPARE(reopened.outbox().size(), 4);
        QVERIFY(reopened.reapplyPendingWishlist(42));
        QCOMPARE(reopened.wishlist(42), QStringList{QStringLiteral("e2")});
    }

    void pendingOutboxWinsOverServerRow()
    {
        LocalStore store(path(QStringLiteral("wins.sqlite")));
        QVERIFY(store.open());
        fillCatalog(store);
        const auto entry = store.toggleWishlist(42, QStringLiteral("e1")); // local add, pending
        QVERIFY(entry);
        ChangeRecord del = tombstone(8, ChangeRecord::Kind::Wishlist, "e1");
        ChangeRecord add;
        add.seq = 9;
        add.kind = ChangeRecord::Kind::Wishlist;
        add.aggregateId = "e2";
        add.record = core::WishlistEntry{"e2", 1};
        QVERIFY(store.applyBatch(batchOf(7, 9, {del, add}), 42).error.isEmpty());
        QVERIFY(store.isWishlisted(42, QStringLiteral("e1"))); // pending entry won
        QVERIFY(store.isWishlisted(42, QStringLiteral("e2")));  // no pending entry: server row applies
        QVERIFY(store.removeOutboxEntry(entry->key));
        QVERIFY(store.applyBatch(batchOf(9, 10, {tombstone(10, ChangeRecord::Kind::Wishlist, "e1")}), 42).error.isEmpty());
        QVERIFY(!store.isWishlisted(42, QStringLiteral("e1"))); // acked: server rows apply again
    }

    void rejectRevertsLocalRow()
    {
        LocalStore store(path(QStringLiteral("reject.sqlite")));
        QVERIFY(store.open());
        const auto entry = store.toggleWishlist(42, QStringLiteral("gone"));
        QVERIFY(entry);
        QVERIFY(store.isWishlisted(42, QStringLiteral("gone")));
        QVERIFY(store.rejectOutboxEntry(*entry));
        QVERIFY(!store.isWishlisted(42, QStringLiteral("gone")));
        QVERIFY(store.outbox().isEmpty());
    }

    void sessionRoundTrip()
    {
        LocalStore store(path(QStringLiteral("session.sqlite")));
        QVERIFY(store.open());
        QVERIFY(store.saveSession(SessionInfo{QStringLiteral("tok"), 5, core::Role::Organizer, QStringLiteral("o@x.de"), 0}));
        QCOMPARE(store.syncState().token, QStringLiteral("tok"));
        QCOMPARE(store.syncState().role, core::Role::Organizer);
        QVERIFY(store.clearSession());
        QVERIFY(store.syncState().token.isEmpty());
        QCOMPARE(store.syncState().userId, 0);
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "test_localstore.moc"
