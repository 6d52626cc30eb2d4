// Size limits on sync answers (review finding 1.3): a pull page stops at its byte budget, and
// a fan-out range too large to push becomes "pull instead" rather than one huge frame.
#include "service_helpers.hpp"
#include "services/api_internal.hpp"
#include "workers/sequencer.hpp"

#include <QtTest>

using marquee::server::Api;
using marquee::server::workers::Sequencer;
using marquee::test::TestDatabase;
namespace detail = marquee::server::detail;

namespace {
// `count` public rows whose payloads are `size` bytes each, stamped.
void appendPublicRows(pqxx::connection& conn, int count, std::size_t size) {
    pqxx::work tx(conn);
    for (int i = 0; i < count; ++i)
        detail::appendChange(tx, "event", "id-" + std::to_string(i), detail::ChangeOp::Upsert, 0,
                             std::string(size, static_cast<char>('a' + i % 26)));
    tx.commit();
    Sequencer::stampPending(conn);
}
} // namespace

class TestSyncLimits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!TestDatabase::available()) QSKIP("no test PostgreSQL cluster (run through ctest)");
    }

    void pullStopsAtByteBudgetButAlwaysMakesProgress() {
        TestDatabase db;
        auto conn = db.connect();
        Api::Options options;
        options.pullByteBudget = 2500;
        Api api(options);
        appendPublicRows(*conn, 10, 1000);

        // 1000-byte rows, budget 2500: three rows fit (the third takes it past the budget).
        const auto first = marquee::test::pull(api, *conn, {}, 0, 0).change_batch();
        QCOMPARE(first.changes_size(), 3);
        QVERIFY(first.has_more());
        QCOMPARE(first.next_cursor(), first.changes(2).seq());

        // Paging on covers every row exactly once.
        std::uint64_t cursor = first.next_cursor();
        int total = first.changes_size();
        for (int page = 0; page < 10; ++page) {
            const auto batch = marquee::test::pull(api, *conn, {}, cursor, 0).change_batch();
            total += batch.changes_size();
            cursor = batch.next_cursor();
            if (!batch.has_more()) break;
        }
        QCOMPARE(total, 10);
        QCOMPARE(cursor, api.head(*conn));

        // A single row larger than the budget still comes through, alone.
        Api::Options tiny;
        tiny.pullByteBudget = 10;
        Api tinyApi(tiny);
        const auto one = marquee::test::pull(tinyApi, *conn, {}, 0, 0).change_batch();
        QCOMPARE(one.changes_size(), 1);
        QVERIFY(one.has_more());
    }

    void fanOutRangeTooLargeIsFlagged_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("rowCap");
        QTest::addColumn<int>("byteBudget");
        QTest::addColumn<bool>("tooLarge");
        QTest::newRow("fits") << 5 << 10 << 100'000 << false;
        QTest::newRow("too many rows") << 11 << 10 << 100'000 << true;
        QTest::newRow("too many bytes") << 5 << 10 << 3'000 << true;
    }
    void fanOutRangeTooLargeIsFlagged() {
        QFETCH(int, rows);
        QFETCH(int, rowCap);
        QFETCH(int, byteBudget);
        QFETCH(bool, tooLarge);
        TestDatabase db;
        auto conn = db.connect();
        Api::Options options;
        options.fanOutRowCap = static_cast<std::size_t>(rowCap);
        options.pullByteBudget = static_cast<std::size_t>(byteBudget);
        Api api(options);
        appendPublicRows(*conn, rows, 1000);

        const auto range = api.changesInRange(*conn, 0, api.head(*conn));
        QCOMPARE(range.tooLarge, tooLarge);
        QCOMPARE(range.changes.size(), tooLarge ? std::size_t{0} : static_cast<std::size_t>(rows));
    }
};

QTEST_GUILESS_MAIN(TestSyncLimits)
#include "test_sync_limits.moc"
