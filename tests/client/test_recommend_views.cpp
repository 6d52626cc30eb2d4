// Recommendations from the cache alone (no server), offscreen: the reasons in words for every
// kind, events the cache cannot show left out, the offline state, clicking an item opening
// the event with its similar events under it, and the schema upgrade to the recommendation
// tables; the pages rendered to PNG when MARQUEE_SCREENSHOT_DIR is set.
#include "clienttestdata.h"
#include "recommend/recommendationlistmodel.h"
#include "recommend/recommendationlistwidget.h"
#include "recommend/recommendservice.h"
#include "services/clientsession.h"
#include "views/eventdetailwidget.h"
#include "views/mainwindow.h"

#include <QLabel>
#include <QListView>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testdata;

namespace {

constexpr qint64 kUser = 7;

// Visible and laid out within the window (its parents gave it room, nothing cut off).
bool laidOutInside(QWidget* widget, QWidget* window)
{
    const QRect inWindow(widget->mapTo(window, QPoint(0, 0)), widget->size());
    return widget->isVisible() && window->rect().contains(inWindow)
        && widget->parentWidget()->height() >= widget->parentWidget()->minimumSizeHint().height();
}

void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

RecommendationItem item(const char* eventId, RecommendationReason reason, const char* anchorId = "", const char* anchorTitle = "")
{
    return RecommendationItem{QString::fromLatin1(eventId), 1.0F, reason, QString::fromLatin1(anchorId),
                              QString::fromUtf8(anchorTitle)};
}

RecommendationSettingsInfo berlinSettings()
{
    RecommendationSettingsInfo s;
    s.city = QStringLiteral("Berlin");
    s.interestCategories = {QStringLiteral("music.jazz")};
    return s;
}

} // namespace

class TestRecommendViews : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // A logged-in user's cache as the last online run left it.
        LocalStore store(LocalStore::defaultPath(m_dir.path()));
        QVERIFY(store.open());
        QVERIFY(store.applyBatch(catalogBatch(), kUser).error.isEmpty());
        QVERIFY(store.saveSession(SessionInfo{QStringLiteral("token"), kUser, core::Role::Attendee,
                                              QStringLiteral("ann@example.com"), 0}));
        QVERIFY(store.toggleWishlist(kUser, QStringLiteral("e7")));
        QVERIFY(store.saveRecommendationSettings(kUser, berlinSettings()));
        RecommendationListInfo forYou;
        forYou.items = {item("e2", RecommendationReason::BecauseYouLiked, "e7", "Big Band Night"),
                        item("e3", RecommendationReason::MatchesInterests), // cancelled since: left out
                        item("e1", RecommendationReason::SimilarTo, "e4", "Free Jazz Picnic"),
                        item("ghost", RecommendationReason::MatchesInterests), // not synced: left out
                        item("e6", RecommendationReason::PopularNearYou),
                        item("e4", RecommendationReason::MatchesInterests),
                        item("e5", RecommendationReason::BecauseYouLiked, "e1", "")}; // title from the cache
        QVERIFY(store.saveRecommendationList(kUser, RecommendationListKind::ForYou, QString(), forYou,
                                             berlinMs(2030, 2, 20, 9, 30)));
        RecommendationListInfo similar;
        similar.items = {item("e2", RecommendationReason::SimilarTo, "e1", "Berlin Philharmonic"),
                         item("e7", RecommendationReason::SimilarTo, "e1", "Berlin Philharmonic")};
        QVERIFY(store.saveRecommendationList(0, RecommendationListKind::Similar, QStringLiteral("e1"), similar,
                                             berlinMs(2030, 2, 20, 9, 31)));
        RecommendationListInfo trending;
        trending.items = {item("e7", RecommendationReason::PopularNearYou), item("e2", RecommendationReason::PopularNearYou)};
        QVERIFY(store.saveRecommendationList(0, RecommendationListKind::Trending, berlinSettings().area().key(), trending,
                                             berlinMs(2030, 2, 20, 9, 32)));
    }

    void reasonsInWords()
    {
        ClientSession session({m_dir.path(), QUrl(QStringLiteral("ws://127.0.0.1:1/v1/ws")), {}});
        QVERIFY(session.open());
        RecommendService* rec = session.recommend();
        rec->setClock([] { return berlinMs(2030, 2, 21); });
        QVERIFY(rec->isLoggedIn());
        QVERIFY(!rec->isOnline());
        RecommendationListModel model(rec, RecommendationListKind::ForYou);
        QCOMPARE(model.rowCount(), 5);
        const QStringList expected{QStringLiteral("Because you saved “Big Band Night”"),
                                   QStringLiteral("Similar to “Free Jazz Picnic”"),
                                   QStringLiteral("Popular in your area this week"), QStringLiteral("Matches your interests"),
                                   QStringLiteral("Because you liked “Berlin Philharmonic”")};
        QStringList reasons;
        QStringList events;
        for (int row = 0; row < model.rowCount(); ++row) {
            reasons << model.reasonAt(row);
            events << model.eventIdAt(row);
        }
        QCOMPARE(reasons, expected);
        QCOMPARE(events, (QStringList{QStringLiteral("e2"), QStringLiteral("e1"), QStringLiteral("e6"), QStringLiteral("e4"),
                                      QStringLiteral("e5")}));
        // Title, date and venue come from the cached catalog.
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data().toString(), QStringLiteral("Late Night Jazz"));
        QVERIFY(first.data(RecommendationListModel::WhenRole).toString().contains(QLatin1String("2030")));
        QCOMPARE(first.data(RecommendationListModel::VenueRole).toString(), QStringLiteral("Philharmonie, Berlin"));
        // Offline: the copy and when it was fetched.
        QVERIFY(model.isOfflineCopy());
        QCOMPARE(model.stateText(),
                 QStringLiteral("Offline — showing recommendations from %1")
                     .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(berlinMs(2030, 2, 20, 9, 30)).toLocalTime(),
                                             QLocale::ShortFormat)));
        // An event that is over drops out of the offline copy.
        rec->setClock([] { return berlinMs(2030, 3, 6); });
        model.reload();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.eventIdAt(0), QStringLiteral("e6"));

        // Without an area the trending reason says so.
        RecommendationEntry popular;
        popular.item.reason = RecommendationReason::PopularNearYou;
        QCOMPARE(RecommendationListModel::reasonText(popular, false), QStringLiteral("Popular this week"));
    }

    void mainWindowPagesOffline()
    {
        ClientSession session({m_dir.path(), QUrl(QStringLiteral("ws://127.0.0.1:1/v1/ws")), {}});
        QVERIFY(session.open());
        session.recommend()->setClock([] { return berlinMs(2030, 2, 21); });
        MainWindow window(&session);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.pages()->count(), 3);
        QCOMPARE(window.pages()->tabText(1), QStringLiteral("For You"));
        QCOMPARE(window.pages()->tabText(2), QStringLiteral("Trending Near You"));

        RecommendationListWidget* forYou = window.forYouView();
        window.pages()->setCurrentWidget(forYou);
        forYou->model()->reload(); // with the test clock
        QVERIFY(forYou->stateLabel()->isVisible());
        QVERIFY(forYou->stateLabel()->text().startsWith(QStringLiteral("Offline — showing recommendations from ")));
        QCOMPARE(forYou->model()->rowCount(), 5);
        QVERIFY(!forYou->refreshButton()->isEnabled()); // offline: nobody to ask

        // Clicking the second pick opens it, its similar events underneath.
        QListView* list = forYou->listView();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(forYou->model()->index(1, 0)).center());
        QCOMPARE(window.detailWidget()->eventId(), QStringLiteral("e1"));
        RecommendationListWidget* similar = window.similarView();
        QCOMPARE(similar->model()->key(), QStringLiteral("e1"));
        QCOMPARE(similar->model()->rowCount(), 2);
        QCOMPARE(similar->model()->reasonAt(0), QStringLiteral("Similar to “Berlin Philharmonic”"));
        // Laid out with room for both rows.
        QVERIFY(QTest::qWaitFor([&] { return similar->listView()->height() > 100 && laidOutInside(similar->listView(), &window); }));
        QVERIFY(similar->listView()->visualRect(similar->model()->index(1, 0)).bottom() <= similar->listView()->viewport()->height());
        screenshot(&window, QStringLiteral("views-for-you-offline"));

        window.pages()->setCurrentWidget(window.trendingView());
        window.trendingView()->model()->reload();
        QCOMPARE(window.trendingView()->heading(), QStringLiteral("Trending in Berlin"));
        QCOMPARE(window.trendingView()->model()->rowCount(), 2);
        QCOMPARE(window.trendingView()->model()->reasonAt(0), QStringLiteral("Popular in your area this week"));
        screenshot(&window, QStringLiteral("views-trending-offline"));
    }

    void schemaUpgradesToTheRecommendationTables()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            LocalStore old(path, 7);
            QVERIFY(old.open());
            QCOMPARE(old.schemaVersion(), 7);
        }
        LocalStore store(path);
        QVERIFY(store.open());
        QCOMPARE(store.schemaVersion(), LocalStore::kSchemaVersion);
        QVERIFY(!store.recommendationList(kUser, RecommendationListKind::ForYou, QString(), 0));
        QVERIFY(store.appendSignal(kUser, QStringLiteral("e1"), SignalKind::SearchClick, QStringLiteral("jazz"), 1234));
        const auto pending = store.outbox(kUser, QLatin1String(LocalStore::kSignalOutboxKind));
        QCOMPARE(pending.size(), 1);
        const SignalRecordInfo record = LocalStore::signalRecord(pending.first());
        QCOMPARE(record.kind, SignalKind::SearchClick);
        QCOMPARE(record.searchQuery, QStringLiteral("jazz"));
        QCOMPARE(record.atMs, 1234);
        QCOMPARE(store.outbox(kUser, QLatin1String(LocalStore::kWishlistOutboxKind)).size(), 0);
    }
};

QTEST_MAIN(TestRecommendViews)
#include "test_recommend_views.moc"
