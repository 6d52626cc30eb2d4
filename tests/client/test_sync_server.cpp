// ClientSession sync against the real marquee-server (TestServer on the CTest PostgreSQL
// fixture, --demo catalog): paged cold sync with progress, resume from the saved cursor
// after a client restart, live pushes, a push beyond the client's cursor, starting offline
// from the cache, and a reset after the server compacted tombstones the client never saw.
#include "serverhelpers.h"
#include "services/wishlistservice.h"
#include "store/localstore.h"
#include "workers/sequencer.hpp"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

#include <algorithm>
#include <chrono>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;

namespace {
constexpr quint32 kPageSize = 50; // the demo catalog (682 events) then takes many pages
const QString kBobEmail = QStringLiteral("bob@example.org");

QList<ChangeBatchData> batchesFrom(const QSignalSpy& spy, bool live)
{
    QList<ChangeBatchData> out;
    for (const auto& args : spy) {
        const auto batch = args.at(0).value<ChangeBatchData>();
        if (batch.live == live)
            out << batch;
    }
    return out;
}

bool containsChange(const ChangeBatchData& batch, const QString& aggregateId)
{
    return std::any_of(batch.changes.begin(), batch.changes.end(),
                       [&](const ChangeRecord& c) { return QString::fromStdString(c.aggregateId) == aggregateId; });
}
} // namespace

class TestSyncServer : public QObject {
    Q_OBJECT
private:
    marquee::testing::TestServer m_server;
    QTemporaryDir m_root;
    int m_counter = 0;

    QString newDataDir() { return m_root.filePath(QString::number(++m_counter)); }

    std::unique_ptr<ClientSession> session(const QString& dataDir)
    {
        return openSession(dataDir, m_server.wsUrl(), kPageSize);
    }

    int serverEventCount() const
    {
        return m_server.query(QStringLiteral("SELECT count(*) FROM events")).value(0).toInt();
    }

    // A copy of a cached event, to edit and send back through the API.
    static core::Event cachedEvent(ClientSession& s, int index)
    {
        const auto rows = s.catalog()->events({});
        if (rows.size() <= index)
            return {};
        const auto details = s.catalog()->eventDetails(rows.at(index).id);
        return details ? details->event : core::Event{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_root.isValid());
        const QString error = startDemoServer(m_server, {{kBobEmail, QStringLiteral("attendee")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(waitStamped(m_server));
    }

    void coldSyncPagesWithProgress()
    {
        const int publicRows = m_server.query(QStringLiteral("SELECT count(*) FROM change_log WHERE scope_user_id IS NULL"))
                                   .value(0)
                                   .toInt();
        QVERIFY(publicRows > 682); // the demo events plus their venues and categories
        const int expectedPages = (publicRows + static_cast<int>(kPageSize) - 1) / static_cast<int>(kPageSize);

        auto s = session(newDataDir());
        QVERIFY(s);
        QCOMPARE(s->appliedCursor(), std::uint64_t(0));
        QSignalSpy synced(s.get(), &ClientSession::synced);
        QSignalSpy progress(s.get(), &ClientSession::syncProgress);
        QSignalSpy states(s.get(), &ClientSession::stateChanged);
        QSignalSpy batches(s->syncClient(), &SyncClient::batchReceived);
        s->start();
        QVERIFY(synced.wait(kTimeoutMs));

        QCOMPARE(s->catalog()->eventCount(), serverEventCount());
        QCOMPARE(s->catalog()->eventCount(), 682);
        const auto head = serverHead(m_server);
        QCOMPARE(s->appliedCursor(), head);
        QCOMPARE(s->store()->syncState().cursor, head);

        // Pages of at most kPageSize rows, chained cursor to cursor, has_more on all but the last.
        const auto pages = batchesFrom(batches, false);
        QCOMPARE(pages.size(), expectedPages);
        std::uint64_t cursor = 0;
        for (int i = 0; i < pages.size(); ++i) {
            QCOMPARE(pages[i].fromCursor, cursor);
            QVERIFY(pages[i].changes.size() <= kPageSize);
            QCOMPARE(pages[i].hasMore, i + 1 < pages.size());
            cursor = pages[i].nextCursor;
        }
        QCOMPARE(cursor, head);

        // One progress signal per applied batch, never per row; rising to 100 %.
        QCOMPARE(progress.count(), pages.size());
        int lastPercent = -1;
        quint64 lastApplied = 0;
        for (const auto& args : progress) {
            QVERIFY(args.at(0).toInt() >= lastPercent);
            QVERIFY(args.at(1).toULongLong() > lastApplied);
            lastPercent = args.at(0).toInt();
            lastApplied = args.at(1).toULongLong();
            QCOMPARE(static_cast<std::uint64_t>(args.at(2).toULongLong()), head);
        }
        QVERIFY(progress.first().at(0).toInt() < 100);
        QCOMPARE(progress.last().at(0).toInt(), 100);
        QCOMPARE(s->syncPercent(), 100);

        QVERIFY(states.contains(QVariantList{QVariant::fromValue(SyncClient::State::Syncing)}));
        QCOMPARE(s->state(), SyncClient::State::Online);
        QVERIFY(s->isSynced());
        QVERIFY(s->lastSyncAt().isValid());
    }

    void resumesFromSavedCursorAfterClientRestart()
    {
        const QString dir = newDataDir();
        std::uint64_t savedCursor = 0;
        int eventsBefore = 0;
        core::Event edited;
        {
            auto s = session(dir);
            QVERIFY(s);
            QVERIFY(startAndSync(*s));
            savedCursor = s->appliedCursor();
            eventsBefore = s->catalog()->eventCount();
            edited = cachedEvent(*s, 3);
            QVERIFY(!edited.id.empty());
        } // the client quits

        // Meanwhile an admin edits one event and creates another, through the API.
        AdminConnection admin;
        QVERIFY(admin.open(m_server.wsUrl(), kAdminEmail, kPassword));
        edited.title = "Renamed while the client was closed";
        QCOMPARE(admin.upsertEvent(edited).value_or(QString()), QString::fromStdString(edited.id));
        core::Event created = edited;
        created.id.clear();
        created.title = "Added while the client was closed";
        const auto createdId = admin.upsertEvent(created);
        QVERIFY(createdId);
        QVERIFY(waitStamped(m_server));

        auto s = session(dir);
        QVERIFY(s);
        QCOMPARE(s->appliedCursor(), savedCursor); // restored from SQLite
        QCOMPARE(s->catalog()->eventCount(), eventsBefore);
        QSignalSpy batches(s->syncClient(), &SyncClient::batchReceived);
        QVERIFY(startAndSync(*s));

        // One pull, from the saved cursor, with exactly the two new rows.
        const auto pulls = batchesFrom(batches, false);
        QCOMPARE(pulls.size(), 1);
        QCOMPARE(pulls.first().fromCursor, savedCursor);
        QVERIFY(!pulls.first().reset);
        QCOMPARE(pulls.first().changes.size(), std::size_t(2));
        QVERIFY(containsChange(pulls.first(), QString::fromStdString(edited.id)));
        QVERIFY(containsChange(pulls.first(), *createdId));

        QCOMPARE(s->catalog()->eventCount(), eventsBefore + 1);
        QCOMPARE(s->catalog()->eventDetails(QString::fromStdString(edited.id))->event.title, edited.title);
        QCOMPARE(s->catalog()->eventDetails(*createdId)->event.title, created.title);
        QCOMPARE(s->appliedCursor(), serverHead(m_server));
    }

    void otherClientsChangeArrivesAsLivePush()
    {
        auto s = session(newDataDir());
        QVERIFY(s);
        QVERIFY(startAndSync(*s));
        AdminConnection admin;
        QVERIFY(admin.open(m_server.wsUrl(), kAdminEmail, kPassword));
        core::Event event = cachedEvent(*s, 5);
        event.id.clear();
        event.title = "Pushed live";

        QSignalSpy batches(s->syncClient(), &SyncClient::batchReceived);
        QSignalSpy catalogChanged(s->catalog(), &CatalogService::catalogChanged);
        const auto id = admin.upsertEvent(event);
        QVERIFY(id);
        QVERIFY(QTest::qWaitFor([&] { return s->catalog()->eventDetails(*id).has_value(); }, kTimeoutMs));
        QCOMPARE(s->catalog()->eventDetails(*id)->event.title, event.title);
        QVERIFY(!catalogChanged.isEmpty() || catalogChanged.wait(kTimeoutMs)); // the views are told

        // Applied from the push: no pull was needed.
        QCOMPARE(batchesFrom(batches, false).size(), 0);
        const auto pushes = batchesFrom(batches, true);
        QVERIFY(!pushes.isEmpty());
        QVERIFY(std::any_of(pushes.begin(), pushes.end(), [&](const ChangeBatchData& b) { return containsChange(b, *id); }));
        QVERIFY(QTest::qWaitFor([&] { return s->appliedCursor() == serverHead(m_server); }, kTimeoutMs));
        QCOMPARE(s->store()->syncState().cursor, s->appliedCursor());
        QCOMPARE(s->state(), SyncClient::State::Online);
    }

    // The server chains its pushes, so a push never starts beyond the cursor of a client that
    // applied every earlier one. To provoke the case, the client's cursor is wound back by one
    // (as if it had lost the last push); the next real push then starts beyond it.
    void pushBeyondCursorTriggersPull()
    {
        auto s = session(newDataDir());
        QVERIFY(s);
        QVERIFY(startAndSync(*s));
        AdminConnection admin;
        QVERIFY(admin.open(m_server.wsUrl(), kAdminEmail, kPassword));
        const std::uint64_t head = s->syncClient()->cursor();
        QVERIFY(head > 1);
        s->syncClient()->setCursor(head - 1);

        core::Event event = cachedEvent(*s, 7);
        event.id.clear();
        event.title = "Arrives through a pull";
        QSignalSpy batches(s->syncClient(), &SyncClient::batchReceived);
        QSignalSpy synced(s.get(), &ClientSession::synced);
        const auto id = admin.upsertEvent(event);
        QVERIFY(id);
        QVERIFY(synced.wait(kTimeoutMs));
        QVERIFY(s->catalog()->eventDetails(*id).has_value());

        // The push (from_cursor = head > head - 1) was not applied; a pull from the client's
        // cursor fetched the missed row and the new one.
        QVERIFY(batchesFrom(batches, true).isEmpty());
        const auto pulls = batchesFrom(batches, false);
        QCOMPARE(pulls.size(), 1);
        QCOMPARE(pulls.first().fromCursor, head - 1);
        QVERIFY(containsChange(pulls.first(), *id));
        QCOMPARE(s->appliedCursor(), serverHead(m_server));
    }

    void startsOfflineFromCacheAndSyncsWhenServerIsBack()
    {
        const QString dir = newDataDir();
        int cached = 0;
        QString someId;
        {
            auto s = session(dir);
            QVERIFY(s);
            QVERIFY(startAndSync(*s));
            cached = s->catalog()->eventCount();
            someId = s->catalog()->events({}).first().id;
        }
        QVERIFY(m_server.stop());

        auto s = session(dir);
        QVERIFY(s);
        QCOMPARE(s->catalog()->eventCount(), cached);
        QVERIFY(s->lastSyncAt().isValid()); // remembered from the last run
        QSignalSpy states(s.get(), &ClientSession::stateChanged);
        s->start();
        // A connection attempt fails: Connecting, then Offline.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return states.contains(QVariantList{QVariant::fromValue(SyncClient::State::Connecting)})
                    && states.contains(QVariantList{QVariant::fromValue(SyncClient::State::Offline)});
            },
            kTimeoutMs));
        QVERIFY(!states.contains(QVariantList{QVariant::fromValue(SyncClient::State::Online)}));
        QVERIFY(!s->isSynced());
        // Browsing works from the cache.
        const auto details = s->catalog()->eventDetails(someId);
        QVERIFY(details.has_value());
        QVERIFY(details->venue.has_value());

        QSignalSpy synced(s.get(), &ClientSession::synced);
        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QVERIFY(synced.wait(kTimeoutMs));
        QCOMPARE(s->state(), SyncClient::State::Online);
        QCOMPARE(s->catalog()->eventCount(), serverEventCount());
        QCOMPARE(s->appliedCursor(), serverHead(m_server));
    }

    // Runs last: compaction raises the horizon for every later client.
    void resetAfterCompactionDropsCatalogKeepsOutbox()
    {
        const QString dir = newDataDir();
        const qint64 bob = serverUserId(m_server, kBobEmail);
        QVERIFY(bob > 0);
        std::uint64_t savedCursor = 0;
        QString deletedId;
        QString wishedId;
        {
            auto s = session(dir);
            QVERIFY(s);
            QVERIFY(startAndSync(*s));
            savedCursor = s->appliedCursor();
            const auto rows = s->catalog()->events({});
            deletedId = rows.at(10).id;
            wishedId = rows.at(11).id;
            // A toggle of a user who logged out on this device before it was sent: it stays in
            // the outbox until that user logs in again.
            QVERIFY(s->store()->toggleWishlist(bob, wishedId));
        }

        // While the client is closed an event is deleted, and compaction then removes the
        // tombstone: a client at savedCursor can no longer learn about the delete from the log.
        AdminConnection admin;
        QVERIFY(admin.open(m_server.wsUrl(), kAdminEmail, kPassword));
        QVERIFY(admin.deleteEvent(deletedId));
        QVERIFY(waitStamped(m_server));
        {
            pqxx::connection conn(m_server.databaseUrl().toStdString());
            const auto compacted = server::workers::Sequencer::compact(conn, std::chrono::seconds(0));
            QVERIFY(compacted.tombstones >= 1);
            QVERIFY(compacted.horizon > savedCursor);
        }
        QVERIFY(waitStamped(m_server)); // the re-appended live rows

        auto s = session(dir);
        QVERIFY(s);
        QVERIFY(s->catalog()->eventDetails(deletedId).has_value()); // stale
        QCOMPARE(s->store()->outbox(bob).size(), 1);
        QSignalSpy batches(s->syncClient(), &SyncClient::batchReceived);
        QSignalSpy applied(s.get(), &ClientSession::batchApplied);
        QVERIFY(startAndSync(*s));

        const auto pulls = batchesFrom(batches, false);
        QVERIFY(pulls.size() > 1);
        QCOMPARE(pulls.first().fromCursor, savedCursor);
        QVERIFY(pulls.first().reset);
        QCOMPARE(pulls.at(1).fromCursor, std::uint64_t(0)); // then a full sync from 0
        QVERIFY(std::any_of(applied.begin(), applied.end(),
                            [](const QVariantList& args) { return args.at(0).value<BatchResult>().reset; }));

        // The catalog was rebuilt: the deleted event is gone although its tombstone never came.
        QVERIFY(!s->catalog()->eventDetails(deletedId).has_value());
        QCOMPARE(s->catalog()->eventCount(), serverEventCount());
        QCOMPARE(s->appliedCursor(), serverHead(m_server));
        // The outbox survived the reset, and is sent once its user logs in.
        QCOMPARE(s->store()->outbox(bob).size(), 1);
        QVERIFY(logIn(*s, kBobEmail, kPassword));
        QVERIFY(QTest::qWaitFor([&] { return s->store()->outbox().isEmpty(); }, kTimeoutMs));
        QVERIFY(serverHasWish(m_server, bob, wishedId));
        QVERIFY(s->wishlist()->isWishlisted(wishedId));
    }
};

QTEST_GUILESS_MAIN(TestSyncServer)
#include "test_sync_server.moc"
