// Offline search against a real SQLite cache: typo tolerance, prefixes, accents, filters,
// facets, the index following sync batches and schema upgrades, hostile input; and the
// search-as-you-type panel offscreen.
#include "clienttestdata.h"

#include "models/searchresultmodel.h"
#include "net/syncclient.h"
#include "services/searchservice.h"
#include "store/searchtext.h"
#include "views/searchpanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testdata;

namespace {

using K = ChangeRecord::Kind;

// 2030-03-01 10:00 in Berlin: e1 is tonight at 20:00, the rest later.
const qint64 kNow = berlinMs(2030, 3, 1, 10);

ChangeBatchData moreEvents()
{
    ChangeBatchData b;
    b.fromCursor = 20;
    b.nextCursor = 30;
    b.head = 30;
    core::Event theatre = event("e8", "Théâtre Müller", "theatre", berlinMs(2030, 3, 2, 19));
    theatre.description = "Une pièce de théâtre française, jouée à guichets fermés à Paris.";
    core::Event festival = event("e9", "Jazz Festival am Wannsee", "music.jazz", berlinMs(2030, 6, 1, 15));
    festival.venueId = "ven-2";
    b.changes = {
        record(K::Venue, "ven-2",
               core::Venue{"ven-2", "Strandbad Wannsee", "Wannseebadweg 25", "Berlin", "DE", 52.44, 13.18,
                           "Europe/Berlin", 5000}),
        record(K::Event, "e8", theatre),
        record(K::Event, "e9", festival),
    };
    return b;
}

QStringList ids(const SearchResults& results)
{
    QStringList out;
    for (const SearchHit& hit : results.hits)
        out << hit.eventId;
    return out;
}

SearchQuery query(const QString& text)
{
    SearchQuery q;
    q.text = text;
    q.timeZone = QStringLiteral("Europe/Berlin");
    return q;
}

} // namespace

class TestClientSearch : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;

    SearchResults search(const QString& text) { return m_store->search(query(text), kNow); }

private slots:
    void init()
    {
        m_store = std::make_unique<LocalStore>(m_dir.filePath(QStringLiteral("search-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY(m_store->open());
        QVERIFY(m_store->applyBatch(catalogBatch(), 0).error.isEmpty());
        QVERIFY(m_store->applyBatch(moreEvents(), 0).error.isEmpty());
    }
    void cleanup() { m_store.reset(); }

    void foldingMatchesTheIndex()
    {
        QCOMPARE(foldForSearch(QStringLiteral("Théâtre  MÜLLER—l'Olympia")), QStringLiteral("theatre muller l olympia"));
        const auto words = searchWords(QStringLiteral("jaz festi"));
        QCOMPARE(words.size(), 2);
        QVERIFY(words.at(0).prefix && words.at(1).prefix);
        QVERIFY(!searchWords(QStringLiteral("ab ")).at(0).prefix); // finished two-letter word
        QVERIFY(searchWords(QStringLiteral("ab")).at(0).prefix);   // still being typed
    }

    void typosPrefixesAndAccents()
    {
        QCOMPARE(ids(search(QStringLiteral("jaz festvial"))).value(0), QStringLiteral("e9"));
        QCOMPARE(search(QStringLiteral("jaz festvial")).correctedWords, QStringList{QStringLiteral("festvial")});
        QCOMPARE(ids(search(QStringLiteral("late nigth jazz"))).value(0), QStringLiteral("e2"));
        QCOMPARE(ids(search(QStringLiteral("chambre music"))).value(0), QStringLiteral("e5"));
        QCOMPARE(ids(search(QStringLiteral("ham"))), QStringList{QStringLiteral("e3")});
        QCOMPARE(ids(search(QStringLiteral("muller"))), QStringList{QStringLiteral("e8")});
        QCOMPARE(ids(search(QStringLiteral("THEATRE MÜLLER"))).value(0), QStringLiteral("e8"));
        QVERIFY(search(QStringLiteral("xylophon")).hits.isEmpty());
        // Venue (people column) and category name (labels) are searchable.
        QVERIFY(ids(search(QStringLiteral("wannsee"))).contains(QStringLiteral("e9")));
        QCOMPARE(search(QStringLiteral("strandbad")).hits.size(), 1);
    }

    void exactTitleFirstAndHighlights()
    {
        const auto results = search(QStringLiteral("jazz"));
        QVERIFY(results.hits.size() >= 3);
        const auto muller = search(QStringLiteral("muller")).hits.at(0);
        QCOMPARE(muller.title.text, QStringLiteral("Théâtre Müller"));
        QCOMPARE(muller.title.matches, (QList<TextMatch>{{8, 6}}));
        const auto paris = search(QStringLiteral("pièce")).hits.at(0);
        QVERIFY(!paris.snippet.matches.isEmpty());
        QCOMPARE(paris.snippet.text.mid(paris.snippet.matches.at(0).start, paris.snippet.matches.at(0).length),
                 QStringLiteral("pièce"));
        QCOMPARE(ids(search(QStringLiteral("Faust"))).value(0), QStringLiteral("e6"));
    }

    void filtersAndFacets()
    {
        SearchQuery q = query(QStringLiteral("jazz"));
        q.filters.freeOnly = true;
        QCOMPARE(ids(m_store->search(q, kNow)), QStringList{QStringLiteral("e4")});
        q = query(QString()); // browse: filters alone, by date
        q.filters.categoryId = QStringLiteral("music");
        auto music = m_store->search(q, kNow);
        QCOMPARE(ids(music), (QStringList{QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e4"),
                                          QStringLiteral("e5"), QStringLiteral("e7"), QStringLiteral("e9")}));
        QCOMPARE(music.total, 6);
        qint64 theatreCount = 0;
        for (const FacetValue& c : music.categories)
            if (c.value == QLatin1String("theatre"))
                theatreCount = c.count;
        QCOMPARE(theatreCount, 3); // the category facet ignores the category filter
        q.filters.seatsAvailable = true;
        QVERIFY(!ids(m_store->search(q, kNow)).contains(QStringLiteral("e5"))); // sold out
        q = query(QString());
        q.filters.date = core::DatePreset::Tonight;
        QCOMPARE(ids(m_store->search(q, kNow)), QStringList{QStringLiteral("e1")});
        q.filters.date = core::DatePreset::ThisWeekend; // Friday 1 March 2030: e1 tonight, e8 on Saturday
        QCOMPARE(ids(m_store->search(q, kNow)), (QStringList{QStringLiteral("e1"), QStringLiteral("e8")}));
        q = query(QStringLiteral("jazz"));
        q.filters.hasPoint = true;
        q.filters.latitude = 52.44;
        q.filters.longitude = 13.18;
        q.filters.radiusKm = 3;
        const auto near = m_store->search(q, kNow);
        QCOMPARE(ids(near), QStringList{QStringLiteral("e9")});
        QVERIFY(near.hits.at(0).hasDistance && near.hits.at(0).distanceKm < 1);
        q.includeFacets = false; // the filters-in-SQL path answers the same
        QCOMPARE(ids(m_store->search(q, kNow)), QStringList{QStringLiteral("e9")});
        q = query(QStringLiteral("jazz"));
        q.includeFacets = false;
        q.filters.priceMinMinor = 1;
        QVERIFY(!ids(m_store->search(q, kNow)).contains(QStringLiteral("e4")));
    }

    void indexFollowsSyncBatches()
    {
        ChangeBatchData b;
        b.fromCursor = 30;
        b.nextCursor = 31;
        core::Event renamed = testdata::event("e7", "Big Band Swing", "music.jazz", berlinMs(2030, 5, 20));
        b.changes = {record(K::Event, "e7", renamed),
                     record(K::Venue, "ven-2",
                            core::Venue{"ven-2", "Seebühne Kladow", "", "Berlin", "DE", 52.45, 13.14, "Europe/Berlin", 900})};
        QVERIFY(m_store->applyBatch(b, 0).error.isEmpty());
        QCOMPARE(ids(search(QStringLiteral("swing"))), QStringList{QStringLiteral("e7")});
        QVERIFY(search(QStringLiteral("big band night")).hits.isEmpty());
        QCOMPARE(ids(search(QStringLiteral("kladow"))), QStringList{QStringLiteral("e9")});
        QVERIFY(search(QStringLiteral("strandbad")).hits.isEmpty());
        QCOMPARE(ids(search(QStringLiteral("swnig"))), QStringList{}); // 5 letters, two edits away: no
        QCOMPARE(ids(search(QStringLiteral("kladwo"))), QStringList{QStringLiteral("e9")}); // new word, typo target at once
        ChangeBatchData del;
        del.fromCursor = 31;
        del.nextCursor = 32;
        ChangeRecord tombstone;
        tombstone.kind = K::Event;
        tombstone.aggregateId = "e7";
        tombstone.deleted = true;
        del.changes = {tombstone};
        QVERIFY(m_store->applyBatch(del, 0).error.isEmpty());
        QVERIFY(search(QStringLiteral("swing")).hits.isEmpty());
        QVERIFY(m_store->clearCatalog());
        QVERIFY(search(QStringLiteral("jazz")).hits.isEmpty());
    }

    void upgradeIndexesAnExistingCache()
    {
        const QString path = m_dir.filePath(QStringLiteral("upgrade.sqlite"));
        {
            LocalStore v2(path, 2);
            QVERIFY(v2.open());
            QSqlQuery insert(v2.database());
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO events VALUES ('x1','Zauberflöte','','theatre','','',"
                                               "1900000000000,0,'Europe/Berlin','',0,0,'EUR',0,'',0,0)")));
        }
        LocalStore upgraded(path);
        QVERIFY(upgraded.open());
        QCOMPARE(upgraded.schemaVersion(), LocalStore::kSchemaVersion);
        QCOMPARE(ids(upgraded.search(query(QStringLiteral("zauberflote")), kNow)), QStringList{QStringLiteral("x1")});
        QCOMPARE(ids(upgraded.search(query(QStringLiteral("zaubreflote")), kNow)), QStringList{QStringLiteral("x1")});
    }

    void hostileInputIsPlainText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("fts syntax") << QStringLiteral("\"jazz\" * ^ ( - : { } ) +");
        QTest::newRow("column filter") << QStringLiteral("title:jazz");
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE events; --");
        QTest::newRow("emoji") << QStringLiteral("🎷🎺 jazz");
        QTest::newRow("10 KB") << QString(10 * 1024, QLatin1Char('a'));
        QTest::newRow("empty") << QString();
        QTest::newRow("many words") << QStringLiteral("a b c d e f g h i j k l m n o p q r s t u v w x y z");
    }

    void hostileInputIsPlainText()
    {
        QFETCH(QString, text);
        const auto results = search(text);
        Q_UNUSED(results);
        QCOMPARE(m_store->eventCount(), 9); // nothing changed, nothing crashed
        if (text.contains(QLatin1String("jazz")))
            QVERIFY(!search(text).hits.isEmpty() || text.startsWith(QLatin1String("title")));
    }

    // The whole flow a person sees: typing with debounce, results with highlights, facets as
    // chips, the offline notice (no server: the service answers from the cache).
    void searchAsYouTypeOffscreen()
    {
        SyncClient sync; // never connected
        SearchService service(m_store.get(), &sync);
        service.setClock([] { return kNow; });
        SearchPanel panel(&service);
        panel.resize(820, 460);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy searched(&panel, &SearchPanel::searched);
        QSignalSpy results(&service, &SearchService::resultsReady);
        QTest::keyClicks(panel.searchBox(), QStringLiteral("jaz festv"));
        QVERIFY(searched.wait(5000));
        QCOMPARE(results.count(), 1); // debounced: one search for nine keystrokes
        QVERIFY(panel.offlineNotice()->isVisible());
        QVERIFY(panel.resultModel()->rowCount() >= 1);
        QCOMPARE(panel.resultModel()->index(0).data(SearchResultModel::EventIdRole).toString(), QStringLiteral("e9"));
        QCOMPARE(panel.resultModel()->index(0).data(SearchResultModel::TitleHtmlRole).toString(),
                 QStringLiteral("<b>Jazz</b> <b>Festival</b> am Wannsee"));
        const QImage shot = panel.grab().toImage();
        QVERIFY(shot.save(QStringLiteral(MARQUEE_BINARY_DIR "/search_panel.png")));
        // A highlight is painted: some pixels carry the marker colour.
        bool marked = false;
        for (int y = 0; y < shot.height() && !marked; ++y)
            for (int x = 0; x < shot.width() && !marked; ++x)
                marked = shot.pixelColor(x, y) == QColor(0xff, 0xe5, 0x8a);
        QVERIFY(marked);

        // A facet chip narrows the results; the active filter becomes a removable chip.
        SearchFilters filters;
        filters.categoryId = QStringLiteral("music.jazz");
        panel.setFilters(filters);
        QVERIFY(searched.count() >= 2 || searched.wait(5000));
        QCOMPARE(panel.resultModel()->results().hits.size(), 1);

        QSignalSpy activated(&panel, &SearchPanel::eventActivated);
        panel.resultView()->clicked(panel.resultModel()->index(0));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("e9"));
        panel.searchBox()->clear();
        QVERIFY(searched.wait(5000));
    }
};

QTEST_MAIN(TestClientSearch)
#include "test_client_search.moc"
