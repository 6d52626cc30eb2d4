// Offline search against a real SQLite cache: typo tolerance, prefixes, accents, filters,
// facets, the index following sync batches and schema upgrades, hostile input; and the
// search-as-you-type panel offscreen.
#include "clienttestdata.h"

#include "models/searchresultmodel.h"
#include "marquee/v1/search.pb.h"
#include "net/searchcodec.h"
#include "net/syncclient.h"
#include "services/searchservice.h"
#include "services/syncworker.h"
#include "store/searchtext.h"
#include "views/searchpanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QToolButton>
#include <QSqlError>
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

// A word of event i's own ("x" and i in base 26): four letters get no typo budget and start no
// other word, so it finds event i alone.
std::string ownWord(int i)
{
    std::string word = "x";
    for (int k = 0; k < 3; ++k, i /= 26)
        word += static_cast<char>('a' + i % 26);
    return word;
}

// More events than a transaction indexes inline (LocalStore::kInlineIndexRows), in the order a
// server sends them: venues and categories, then events with accented and shared words.
std::vector<ChangeRecord> largeCatalog(int count)
{
    const char* const words[] = {"Jazz", "Festival", "Konzert", "Nacht", "Sommer", "Théâtre", "Opéra", "Kabarett",
                                 "Müller", "Zauberflöte", "Señora", "Orchester", "Matinée", "Tango", "Flamenco"};
    const char* const cities[] = {"Berlin", "Wien", "Zürich", "Paris", "Köln"};
    std::vector<ChangeRecord> out;
    for (int v = 0; v < 5; ++v) {
        const std::string id = "ven-" + std::to_string(v);
        out.push_back(record(K::Venue, id,
                             core::Venue{id, std::string(words[v * 2]) + " Halle " + cities[v], "", cities[v], "DE",
                                         48.0 + v, 10.0 + v, "Europe/Berlin", 1000}));
    }
    for (const auto& [id, name, parent] : {std::tuple{"music", "Music", ""}, {"music.jazz", "Jazz", "music"},
                                           {"theatre", "Théâtre", ""}, {"theatre.opera", "Oper", "theatre"}})
        out.push_back(record(K::Category, id, core::Category{id, name, parent}));
    const char* const categories[] = {"music", "music.jazz", "theatre", "theatre.opera"};
    for (int i = 0; i < count; ++i) {
        const auto word = [&words](int k) { return std::string(words[static_cast<std::size_t>(k) % std::size(words)]); };
        core::Event e = testdata::event("big-" + std::to_string(i),
                                        word(i) + " " + word(i * 7 + 3) + " " + ownWord(i),
                                        categories[static_cast<std::size_t>(i % 4)], berlinMs(2030, 3 + i % 9, 1 + i % 28, 12 + i % 10));
        e.description = "Ein Abend mit " + word(i * 3) + " und " + word(i * 5 + 1)
            + (i % 3 == 0 ? ". Tickets an der Abendkasse." : ". Une soirée à ne pas manquer.");
        e.venueId = "ven-" + std::to_string(i % 5);
        e.price = {(i % 4) * 1500, (i % 4) * 1500 + 2000, "EUR"};
        if (i == count - 1)
            e.description += " Mit der Glockenspielerin."; // a word only the last event has
        out.push_back(record(K::Event, e.id, e));
    }
    return out;
}

ChangeBatchData batchOf(const std::vector<ChangeRecord>& changes, std::size_t from, std::size_t to)
{
    ChangeBatchData b;
    b.fromCursor = from;
    b.nextCursor = to;
    b.head = changes.size();
    b.changes.assign(changes.begin() + static_cast<std::ptrdiff_t>(from), changes.begin() + static_cast<std::ptrdiff_t>(to));
    return b;
}

// Everything a search answers, as text: a failed comparison shows where two answers differ.
QString describe(const SearchResults& r)
{
    QStringList lines{QStringLiteral("total %1, corrected %2").arg(r.total).arg(r.correctedWords.join(QLatin1Char(',')))};
    for (const SearchHit& hit : r.hits) {
        QString line = hit.eventId + QLatin1Char(' ') + hit.title.text + QLatin1Char('|') + hit.snippet.text;
        for (const TextMatch& m : hit.title.matches + hit.snippet.matches)
            line += QStringLiteral(" %1+%2").arg(m.start).arg(m.length);
        lines << line;
    }
    for (const auto* facets : {&r.categories, &r.dates, &r.prices})
        for (const FacetValue& f : *facets)
            lines << QStringLiteral("facet %1=%2").arg(f.value).arg(f.count);
    return lines.join(QLatin1Char('\n'));
}

QStringList vocabulary(LocalStore& store)
{
    QStringList words;
    QSqlQuery q(store.database());
    if (q.exec(QStringLiteral("SELECT word FROM search_words ORDER BY word")))
        while (q.next())
            words << q.value(0).toString();
    return words;
}

// The queries the index-path comparisons run: exact, prefix, typo, accents, venue and
// category words, single events by their own word (and misspelt), a browse, filters.
QList<SearchQuery> comparisonQueries()
{
    QList<SearchQuery> out;
    for (const char* text : {"jazz", "festi", "muller", "THÉÂTRE", "opera wien", "konzrt ", "zauberflote", "senora",
                             "halle zurich", "oper", "kabaret ", "glockenspielrin ", "jazz nacht", ""})
        out << query(QString::fromUtf8(text));
    out << query(QString::fromStdString(ownWord(53))) << query(QString::fromStdString(ownWord(1234) + " festival"));
    SearchQuery filtered = query(QStringLiteral("tango"));
    filtered.filters.categoryId = QStringLiteral("theatre");
    filtered.filters.priceMaxMinor = 3000;
    out << filtered;
    filtered.includeFacets = false;
    out << filtered;
    SearchQuery noFacets = query(QStringLiteral("flamenco"));
    noFacets.includeFacets = false;
    noFacets.limit = 100;
    out << noFacets;
    return out;
}

// The cache as the old per-row triggers (schema 5) built it: rows written straight into
// their tables, each insert indexed by its trigger; then upgraded to the current schema.
void buildThroughSchema5Triggers(const QString& path, const std::vector<ChangeRecord>& changes)
{
    {
        LocalStore v5(path, 5);
        QVERIFY(v5.open());
        QSqlDatabase db = v5.database();
        QVERIFY(db.transaction());
        QSqlQuery q(db);
        for (const ChangeRecord& change : changes) {
            if (const auto* v = std::get_if<core::Venue>(&change.record)) {
                q.prepare(QStringLiteral("INSERT INTO venues VALUES (?,?,?,?,?,?,?,?,?)"));
                for (const QVariant& value : {QVariant(QString::fromStdString(v->id)), QVariant(QString::fromStdString(v->name)),
                                              QVariant(QString::fromStdString(v->address)), QVariant(QString::fromStdString(v->city)),
                                              QVariant(QString::fromStdString(v->country)), QVariant(v->latitude),
                                              QVariant(v->longitude), QVariant(QString::fromStdString(v->timeZone)),
                                              QVariant(v->capacity)})
                    q.addBindValue(value);
            } else if (const auto* c = std::get_if<core::Category>(&change.record)) {
                q.prepare(QStringLiteral("INSERT INTO categories VALUES (?,?,?)"));
                q.addBindValue(QString::fromStdString(c->id));
                q.addBindValue(QString::fromStdString(c->name));
                q.addBindValue(QString::fromStdString(c->parentId));
            } else if (const auto* e = std::get_if<core::Event>(&change.record)) {
                const auto joined = [](const std::vector<std::string>& items) {
                    QStringList out;
                    for (const std::string& item : items)
                        out << QString::fromStdString(item);
                    return out.join(QChar(0x1f));
                };
                q.prepare(QStringLiteral("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
                for (const QVariant& value :
                     {QVariant(QString::fromStdString(e->id)), QVariant(QString::fromStdString(e->title)),
                      QVariant(QString::fromStdString(e->description)), QVariant(QString::fromStdString(e->categoryId)),
                      QVariant(joined(e->tags)), QVariant(joined(e->performers)), QVariant(qint64{e->startsAtMs}),
                      QVariant(qint64{e->endsAtMs}), QVariant(QString::fromStdString(e->timeZone)),
                      QVariant(QString::fromStdString(e->venueId)), QVariant(qint64{e->price.minMinor}),
                      QVariant(qint64{e->price.maxMinor}), QVariant(QString::fromStdString(e->price.currency)),
                      QVariant(static_cast<int>(e->status)), QVariant(QStringLiteral("")), QVariant(qint64{0}), QVariant(qint64{0})})
                    q.addBindValue(value);
            }
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(db.commit());
    }
    LocalStore upgraded(path);
    QVERIFY(upgraded.open());
    QVERIFY(!upgraded.hasSearchBacklog());
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

    // A cold sync (one large apply, indexed afterwards in chunks) answers every search exactly
    // as the live path (small batches, each indexed in its own transaction) and as the schema-5
    // per-row triggers did, vocabulary (typo candidates) included.
    void coldSyncIndexMatchesPerRowIndex()
    {
        const int count = 2 * LocalStore::kInlineIndexRows + 500;
        const auto changes = largeCatalog(count);
        LocalStore cold(m_dir.filePath(QStringLiteral("cold.sqlite")));
        QVERIFY(cold.open());
        QVERIFY(cold.applyBatch(batchOf(changes, 0, changes.size()), 0).error.isEmpty());
        QVERIFY(cold.hasSearchBacklog());
        QVERIFY(cold.search(query(QStringLiteral("jazz")), kNow).partialIndex);
        int chunks = 0;
        while (cold.hasSearchBacklog()) {
            QVERIFY2(cold.indexSearchBacklog(700), qPrintable(cold.lastError()));
            QVERIFY(++chunks < 20);
        }
        QCOMPARE(chunks, (count + 699) / 700);

        LocalStore live(m_dir.filePath(QStringLiteral("live.sqlite")));
        QVERIFY(live.open());
        for (std::size_t from = 0; from < changes.size(); from += 37) {
            QVERIFY(live.applyBatch(batchOf(changes, from, std::min(changes.size(), from + 37)), 0).error.isEmpty());
            QVERIFY(!live.hasSearchBacklog()); // indexed before each commit
        }

        const QString triggersPath = m_dir.filePath(QStringLiteral("triggers.sqlite"));
        buildThroughSchema5Triggers(triggersPath, changes);
        if (QTest::currentTestFailed())
            return;
        LocalStore triggers(triggersPath);
        QVERIFY(triggers.open());

        QCOMPARE(vocabulary(cold), vocabulary(live));
        QCOMPARE(vocabulary(cold), vocabulary(triggers));
        QStringList withoutHits;
        for (const SearchQuery& q : comparisonQueries()) {
            const SearchResults expected = cold.search(q, kNow);
            QVERIFY(!expected.partialIndex);
            if (expected.hits.isEmpty())
                withoutHits << q.text;
            QCOMPARE(describe(live.search(q, kNow)), describe(expected));
            QCOMPARE(describe(triggers.search(q, kNow)), describe(expected));
        }
        QVERIFY2(withoutHits.isEmpty(), qPrintable(withoutHits.join(QLatin1Char('|')))); // every query finds something
        QCOMPARE(ids(cold.search(query(QString::fromStdString(ownWord(27))), kNow)), QStringList{QStringLiteral("big-27")});
        QCOMPARE(ids(cold.search(query(QStringLiteral("glockenspielrin ")), kNow)), // a typo
                 QStringList{QString::fromStdString("big-" + std::to_string(count - 1))});
    }

    // A large apply leaves its events to the backlog; a crash between chunks keeps the backlog
    // in the file, and the sync worker finishes it when it opens the cache again. Meanwhile a
    // live push is searchable at once.
    void interruptedIndexBuildIsRepairedAtStart()
    {
        const QString path = m_dir.filePath(QStringLiteral("interrupted.sqlite"));
        const int count = LocalStore::kInlineIndexRows + 800;
        const auto changes = largeCatalog(count);
        {
            LocalStore store(path);
            QVERIFY(store.open());
            QVERIFY(store.applyBatch(batchOf(changes, 0, changes.size()), 0).error.isEmpty());
            QVERIFY(store.indexSearchBacklog(500)); // one chunk, then the process dies
            QVERIFY(store.hasSearchBacklog());
            // Not indexed yet: the last events (the chunk took the first 500).
            QVERIFY(ids(store.search(query(QString::fromStdString(ownWord(count - 1))), kNow)).isEmpty());
            QVERIFY(store.search(query(QString::fromStdString(ownWord(3))), kNow).partialIndex);

            ChangeBatchData push; // a live push while the backlog waits
            push.fromCursor = changes.size();
            push.nextCursor = changes.size() + 1;
            push.live = true;
            push.changes = {record(K::Event, "pushed", testdata::event("pushed", "Kammerkonzert Quintessenz", "music",
                                                                        berlinMs(2030, 9, 1)))};
            QVERIFY(store.applyBatch(push, 0).error.isEmpty());
            QCOMPARE(ids(store.search(query(QStringLiteral("quintessenz")), kNow)), QStringList{QStringLiteral("pushed")});
            QCOMPARE(ids(store.search(query(QStringLiteral("quintesenz ")), kNow)), QStringList{QStringLiteral("pushed")});
        }
        {
            SyncWorker worker(path); // the apply thread's object, here on the test thread
            QSignalSpy complete(&worker, &SyncWorker::searchIndexComplete);
            worker.open();
            QVERIFY(complete.wait(60000));
            worker.close();
        }
        LocalStore reopened(path);
        QVERIFY(reopened.open());
        QVERIFY(!reopened.hasSearchBacklog());
        QSqlQuery rows(reopened.database());
        QVERIFY(rows.exec(QStringLiteral("SELECT (SELECT count(*) FROM event_search), (SELECT count(*) FROM events)")) && rows.next());
        QCOMPARE(rows.value(0).toInt(), count + 1);
        QCOMPARE(rows.value(1).toInt(), count + 1);
        for (int i : {0, 499, 500, count / 2, count - 1}) {
            const auto found = reopened.search(query(QString::fromStdString(ownWord(i))), kNow);
            QCOMPARE(ids(found), QStringList{QString::fromStdString("big-" + std::to_string(i))});
            QVERIFY(!found.partialIndex);
        }
        QCOMPARE(ids(reopened.search(query(QStringLiteral("quintessenz")), kNow)), QStringList{QStringLiteral("pushed")});
        // Vocabulary learnt from the backlog: a misspelt word only the last event has is corrected.
        QCOMPARE(ids(reopened.search(query(QStringLiteral("glockenspielrin ")), kNow)),
                 QStringList{QString::fromStdString("big-" + std::to_string(count - 1))});
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

    // Right after a cold sync the offline index is still being built: the panel says the
    // newest events may be missing, and stops saying it once the backlog is indexed.
    void partialIndexIsShownOffscreen()
    {
        LocalStore cold(m_dir.filePath(QStringLiteral("partial-panel.sqlite")));
        QVERIFY(cold.open());
        // A small first page (indexed with its transaction), then a large one (left to the backlog).
        const auto changes = largeCatalog(LocalStore::kInlineIndexRows + 300);
        QVERIFY(cold.applyBatch(batchOf(changes, 0, 200), 0).error.isEmpty());
        QVERIFY(cold.applyBatch(batchOf(changes, 200, changes.size()), 0).error.isEmpty());
        QVERIFY(cold.hasSearchBacklog());
        SyncClient sync; // never connected: the cache answers
        SearchService service(&cold, &sync);
        service.setClock([] { return kNow; });
        SearchPanel panel(&service);
        panel.setDebounceInterval(0);
        panel.resize(820, 460);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy searched(&panel, &SearchPanel::searched);
        panel.searchBox()->setText(QStringLiteral("jazz"));
        QVERIFY(searched.wait(5000));
        QVERIFY(panel.offlineNotice()->isVisible());
        const QString partialNotice = panel.offlineNotice()->text();
        QVERIFY2(partialNotice.contains(QLatin1String("still being indexed")), qPrintable(partialNotice));
        QVERIFY(panel.resultModel()->rowCount() >= 1); // what the first page indexed is found already
        QCoreApplication::sendPostedEvents(); // the layout takes the new texts before the picture
        QVERIFY(panel.grab().toImage().save(QStringLiteral(MARQUEE_BINARY_DIR "/search_panel_partial.png")));

        while (cold.hasSearchBacklog())
            QVERIFY2(cold.indexSearchBacklog(), qPrintable(cold.lastError()));
        panel.searchBox()->setText(QStringLiteral("jazz "));
        QVERIFY(searched.wait(5000));
        QVERIFY(panel.offlineNotice()->isVisible());
        QVERIFY(!panel.offlineNotice()->text().contains(QLatin1String("still being indexed")));
    }

    // Server counts come exact, estimated from a sample of the catalog or as lower bounds; the
    // panel says which ("about 140,000", "2,000+"), in the status line and on the facet chips.
    void estimatedAndLowerBoundCountsAreShownAsSuch()
    {
        v1::SearchResponse response;
        auto* hit = response.add_hits();
        hit->mutable_event()->set_id("11111111-1111-4111-8111-111111111111");
        hit->mutable_event()->set_title("Jazz Festival");
        hit->mutable_event()->set_time_zone("Europe/Berlin");
        hit->mutable_event()->set_starts_at_ms(kNow + 86'400'000);
        hit->mutable_title()->set_text("Jazz Festival");
        auto* category = response.mutable_facets()->add_categories();
        category->set_value("music.jazz");
        category->set_label("Jazz");
        category->set_count(140'000);
        response.set_total(140'000);
        response.set_facets_estimated(true);
        SearchResults estimated = fromProto(response);
        QCOMPARE(estimated.counts, SearchResults::Counts::Estimated);
        response.set_facets_estimated(false);
        response.set_facets_sampled(true);
        QCOMPARE(fromProto(response).counts, SearchResults::Counts::AtLeast);
        response.set_facets_sampled(false);
        QCOMPARE(fromProto(response).counts, SearchResults::Counts::Exact);

        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(SearchPanel::countText(140'000, SearchResults::Counts::Estimated), QStringLiteral("about 140,000"));
        QCOMPARE(SearchPanel::countText(2'000, SearchResults::Counts::AtLeast), QStringLiteral("2,000+"));
        QCOMPARE(SearchPanel::countText(12, SearchResults::Counts::Exact), QStringLiteral("12"));

        LocalStore store(m_dir.filePath(QStringLiteral("estimated-panel.sqlite")));
        QVERIFY(store.open());
        SyncClient sync;
        SearchService service(&store, &sync);
        SearchPanel panel(&service);
        panel.resize(820, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        Q_EMIT service.resultsReady(estimated);
        QCOMPARE(panel.statusLine()->text(), QStringLiteral("About 140,000 results"));
        bool chipShown = false;
        for (const auto* button : panel.findChildren<QToolButton*>())
            chipShown = chipShown || button->text() == QStringLiteral("Jazz (about 140,000)");
        QVERIFY(chipShown);
        QCoreApplication::sendPostedEvents();
        QVERIFY(panel.grab().toImage().save(QStringLiteral(MARQUEE_BINARY_DIR "/search_panel_estimated.png")));
        QLocale::setDefault(QLocale::system());
    }
};

QTEST_MAIN(TestClientSearch)
#include "test_client_search.moc"
