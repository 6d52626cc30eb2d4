// EventListModel and CategoryModel against a real LocalStore, under QAbstractItemModelTester.
#include "clienttestdata.h"
#include "models/categorymodel.h"
#include "models/eventformat.h"
#include "models/eventlistmodel.h"
#include "services/catalogservice.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace marquee;
using namespace marquee::client;

class TestModels : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<CatalogService> m_catalog;

    QStringList ids(const EventListModel& model)
    {
        QStringList out;
        for (int r = 0; r < model.rowCount(); ++r)
            out << model.index(r, 0).data(EventListModel::EventIdRole).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_store = std::make_unique<LocalStore>(m_dir.filePath(QStringLiteral("m%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch())));
        QVERIFY(m_store->open());
        QVERIFY(m_store->applyBatch(testdata::catalogBatch(), 1).error.isEmpty());
        m_catalog = std::make_unique<CatalogService>(m_store.get());
        m_catalog->setCoalesceInterval(0);
        m_catalog->setUserId(1);
    }

    void cleanup()
    {
        m_catalog.reset();
        m_store.reset();
    }

    void eventModelRowsAndRoles()
    {
        EventListModel model(m_catalog.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.columnCount(), int(EventListModel::ColumnCount));
        QCOMPARE(ids(model), (QStringList{QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3"), QStringLiteral("e4"),
                                          QStringLiteral("e5"), QStringLiteral("e6"), QStringLiteral("e7")}));
        const QModelIndex title = model.index(0, EventListModel::TitleColumn);
        QCOMPARE(title.data().toString(), QStringLiteral("Berlin Philharmonic"));
        QCOMPARE(model.index(0, EventListModel::VenueColumn).data().toString(), QStringLiteral("Philharmonie, Berlin"));
        QCOMPARE(model.index(2, EventListModel::StatusColumn).data().toString(), QStringLiteral("Cancelled"));
        QCOMPARE(model.index(3, EventListModel::PriceColumn).data().toString(), QStringLiteral("Free"));
        QCOMPARE(model.index(0, 0).data(EventListModel::StartsAtRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(testdata::berlinMs(2030, 3, 1), Qt::UTC));
        QVERIFY(model.index(2, EventListModel::TitleColumn).data(Qt::FontRole).value<QFont>().strikeOut());
        QCOMPARE(model.headerData(EventListModel::PriceColumn, Qt::Horizontal).toString(), QStringLiteral("Price"));
    }

    void filterResets_data()
    {
        QTest::addColumn<QString>("category");
        QTest::addColumn<bool>("wishlistOnly");
        QTest::addColumn<int>("rows");
        QTest::newRow("music with jazz") << QStringLiteral("music") << false << 5;
        QTest::newRow("jazz") << QStringLiteral("music.jazz") << false << 3;
        QTest::newRow("theatre") << QStringLiteral("theatre") << false << 2;
        QTest::newRow("wishlist") << QString() << true << 1;
    }

    void filterResets()
    {
        QFETCH(QString, category);
        QFETCH(bool, wishlistOnly);
        QFETCH(int, rows);
        QVERIFY(m_store->toggleWishlist(1, QStringLiteral("e2")));
        EventListModel model(m_catalog.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        EventFilter f;
        f.categoryId = category;
        f.wishlistOnly = wishlistOnly;
        model.setFilter(f);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), rows);
    }

    void refreshDiffsInsteadOfResetting()
    {
        EventListModel model(m_catalog.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy refreshed(&model, &EventListModel::refreshed);

        using K = ChangeRecord::Kind;
        ChangeBatchData b;
        b.fromCursor = 20;
        b.nextCursor = 23;
        auto renamed = testdata::event("e4", "Jazz Picnic (moved indoors)", "music.jazz", testdata::berlinMs(2030, 4, 2, 14));
        ChangeRecord del;
        del.kind = K::Event;
        del.aggregateId = "e1";
        del.deleted = true;
        b.changes = {del, testdata::record(K::Event, "e4", renamed),
                     testdata::record(K::Event, "e0", testdata::event("e0", "Opening Gala", "music", testdata::berlinMs(2030, 2, 1)))};
        QVERIFY(m_store->applyBatch(b, 1).error.isEmpty());
        m_catalog->notifyCatalogChanged();
        QVERIFY(refreshed.wait());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(ids(model).first(), QStringLiteral("e0"));
        QVERIFY(!ids(model).contains(QStringLiteral("e1")));
        QCOMPARE(model.index(model.rowOf(QStringLiteral("e4")), EventListModel::TitleColumn).data().toString(),
                 QStringLiteral("Jazz Picnic (moved indoors)"));
    }

    void wishlistChangeIsDataChanged()
    {
        EventListModel model(m_catalog.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy refreshed(&model, &EventListModel::refreshed);
        QVERIFY(m_store->toggleWishlist(1, QStringLiteral("e5")));
        m_catalog->notifyWishlistChanged();
        QVERIFY(refreshed.wait());
        QCOMPARE(changed.count(), 1);
        QVERIFY(model.index(model.rowOf(QStringLiteral("e5")), 0).data(EventListModel::WishlistedRole).toBool());
    }

    void categoryTree()
    {
        CategoryModel model(m_catalog.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("All categories"));
        QCOMPARE(model.index(1, 0).data(CategoryModel::CategoryIdRole).toString(), QStringLiteral("music"));
        QCOMPARE(model.index(2, 0).data(CategoryModel::CategoryIdRole).toString(), QStringLiteral("music.jazz"));
        QCOMPARE(model.index(2, 0).data(CategoryModel::DepthRole).toInt(), 1);
        QCOMPARE(model.index(3, 0).data(CategoryModel::CategoryIdRole).toString(), QStringLiteral("theatre"));
        QCOMPARE(model.rowOf(QStringLiteral("theatre")), 3);
    }

    void money_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en EUR") << QStringLiteral("en_US") << qint64(2550) << QStringLiteral("EUR") << QStringLiteral("€25.50");
        QTest::newRow("de EUR") << QStringLiteral("de_DE") << qint64(2550) << QStringLiteral("EUR") << QStringLiteral("25,50\u00a0€");
        QTest::newRow("fr EUR") << QStringLiteral("fr_FR") << qint64(123456) << QStringLiteral("EUR") << QStringLiteral("1\u202f234,56\u00a0€");
        QTest::newRow("JPY has no minor unit") << QStringLiteral("en_US") << qint64(1500) << QStringLiteral("JPY") << QStringLiteral("¥1,500");
    }

    void money()
    {
        QFETCH(QString, locale);
        QFETCH(qint64, minor);
        QFETCH(QString, currency);
        QFETCH(QString, expected);
        QCOMPARE(format::money(minor, currency, QLocale(locale)), expected);
    }

    void eventTimeUsesEventZone()
    {
        // 20:00 in Berlin is 19:00 UTC in winter; the text shows the event's local time.
        const QString text = format::eventDateTime(testdata::berlinMs(2030, 3, 1), QStringLiteral("Europe/Berlin"),
                                                   QLocale(QStringLiteral("de_DE")));
        QVERIFY2(text.contains(QLatin1String("20:00")), qPrintable(text));
        QVERIFY2(text.contains(u"März"), qPrintable(text));
        const QString ny = format::eventDateTime(testdata::berlinMs(2030, 3, 1), QStringLiteral("America/New_York"),
                                                 QLocale(QStringLiteral("en_US")));
        QVERIFY2(ny.contains(QLatin1String("2:00")), qPrintable(ny));
    }
};

QTEST_MAIN(TestModels)
#include "test_models.moc"
