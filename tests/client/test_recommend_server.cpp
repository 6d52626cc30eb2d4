// Recommendations in the client against the real marquee-server (TestServer on the CTest
// PostgreSQL fixture, real WebSockets, the real ClientSession): views and search clicks
// recorded offline reach the server once after a restart, For you / similar / trending shown
// with their reasons after those signals, the lists shown offline from the cache, settings
// round trips (service and dialog), tracking off records nothing, and deleting the history;
// the main window's pages and the settings dialog rendered offscreen.
#include "recommend/recommendationlistmodel.h"
#include "recommend/recommendationlistwidget.h"
#include "recommend/recommendationsettingsdialog.h"
#include "recommend/recommendservice.h"
#include "serverhelpers.h"
#include "services/wishlistservice.h"
#include "store/localstore.h"
#include "views/eventdetailwidget.h"
#include "views/mainwindow.h"
#include "views/searchpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;

namespace {

const QString kAnn = QStringLiteral("ann@example.com");
const QString kBob = QStringLiteral("bob@example.com");
const QString kCara = QStringLiteral("cara@example.com");

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

// Fetches a list and waits for it to be cached.
bool fetched(RecommendService* service, RecommendationListKind kind, const QString& key)
{
    QSignalSpy updated(service, &RecommendService::listUpdated);
    QSignalSpy failed(service, &RecommendService::listRefreshFailed);
    if (!service->refresh(kind, key) && !service->isRefreshing(kind, key))
        return false;
    const auto done = [&] {
        for (const auto& args : updated)
            if (args.at(0).value<RecommendationListKind>() == kind && args.at(1).toString() == key)
                return true;
        return false;
    };
    if (!QTest::qWaitFor([&] { return done() || !failed.isEmpty(); }, kTimeoutMs) || !done()) {
        qWarning() << "list not fetched:" << (failed.isEmpty() ? QStringLiteral("timeout") : failed.first().at(2).toString());
        return false;
    }
    return true;
}

QStringList ids(const CachedRecommendationList& list)
{
    QStringList out;
    for (const RecommendationEntry& e : list.entries)
        out << e.item.eventId;
    return out;
}

} // namespace

class TestRecommendServer : public QObject {
    Q_OBJECT
private:
    marquee::testing::TestServer m_server;
    QTemporaryDir m_root;
    qint64 m_ann = 0;
    qint64 m_bob = 0;
    QStringList m_annEvents; // viewed (3), clicked from a search (1), in that order
    QString m_annSaved;       // on ann's wishlist

    QString dir(const QString& name) const { return m_root.filePath(name); }

    // Started, synced and logged in as `email`.
    std::unique_ptr<ClientSession> loggedIn(const QString& dataDir, const QString& email)
    {
        auto s = openSession(dataDir, m_server.wsUrl());
        if (!s || !startAndSync(*s))
            return nullptr;
        if (s->account()->isLoggedIn()) // this device is still logged in from an earlier test
            return s->account()->email() == email ? std::move(s) : nullptr;
        return logIn(*s, email, kPassword) ? std::move(s) : nullptr;
    }

    int serverSignals(qint64 user, const QString& extraWhere = {}) const
    {
        return m_server
            .query(QStringLiteral("SELECT count(*) FROM user_signals WHERE user_id = %1 %2").arg(user).arg(extraWhere))
            .value(0)
            .toInt();
    }

    static bool settingsArrived(ClientSession& s)
    {
        return QTest::qWaitFor([&] { return s.recommend()->hasServerSettings(); }, kTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_root.isValid());
        const QString error =
            startDemoServer(m_server, {{kAnn, QStringLiteral("attendee")},
                                      {kBob, QStringLiteral("attendee")},
                                      {kCara, QStringLiteral("attendee")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_ann = serverUserId(m_server, kAnn);
        m_bob = serverUserId(m_server, kBob);
        QVERIFY(m_ann > 0 && m_bob > 0);
    }

    void signalsRecordedOfflineReachTheServerOnce()
    {
        {
            auto s = loggedIn(dir(QStringLiteral("ann")), kAnn);
            QVERIFY(s);
            QVERIFY(settingsArrived(*s));
            // Upcoming jazz events from the cache.
            EventFilter upcoming;
            upcoming.from = QDate::currentDate().addDays(1);
            upcoming.categoryId = QStringLiteral("music.jazz");
            QList<EventRow> rows;
            for (const EventRow& row : s->catalog()->events(upcoming))
                if (row.status == core::EventStatus::Scheduled)
                    rows << row; // trending and "For you" leave out sold-out and cancelled events
            QVERIFY2(rows.size() >= 5, "the demo catalog has upcoming jazz");
            for (int i = 0; i < 4; ++i)
                m_annEvents << rows.at(i).id;
            m_annSaved = rows.at(4).id;

            s->stop(); // offline from here
            RecommendService* rec = s->recommend();
            QVERIFY(rec->trackingEnabled());
            for (int i = 0; i < 3; ++i)
                QVERIFY(rec->recordView(m_annEvents.at(i)));
            QVERIFY(!rec->recordView(m_annEvents.at(0))); // opened again at once: not another view
            QVERIFY(rec->recordSearchClick(m_annEvents.at(3), QStringLiteral("  late jazz ")));
            QCOMPARE(rec->pendingSignalCount(), 4);
            QCOMPARE(s->wishlist()->pendingCount(), 0); // the wishlist sender ignores signals
        } // the client quits offline

        // Restarted: the outbox survived and is sent once connected.
        auto s = openSession(dir(QStringLiteral("ann")), m_server.wsUrl());
        QVERIFY(s);
        RecommendService* rec = s->recommend();
        QCOMPARE(rec->pendingSignalCount(), 4);
        QSignalSpy sent(rec, &RecommendService::signalsSent);
        s->start();
        QVERIFY(QTest::qWaitFor([&] { return rec->pendingSignalCount() == 0 && !sent.isEmpty(); }, kTimeoutMs));
        QCOMPARE(sent.first().at(0).toInt(), 4);
        QCOMPARE(sent.first().at(1).toInt(), 4);
        QCOMPARE(serverSignals(m_ann, QStringLiteral("AND signal = 'view'")), 3);
        QCOMPARE(m_server
                     .query(QStringLiteral("SELECT event_id, search_query FROM user_signals WHERE user_id = %1 AND signal = "
                                           "'search_click'")
                                .arg(m_ann)),
                 QStringList{m_annEvents.at(3) + QStringLiteral("|late jazz")});

        // An acknowledgement lost before the entries left the outbox: the replay stores nothing.
        const QList<OutboxEntry> sentEntries = [&] {
            QList<OutboxEntry> out;
            for (const QString& id : m_annEvents.mid(0, 2)) {
                OutboxEntry e;
                e.key = m_server
                            .query(QStringLiteral("SELECT idempotency_key FROM user_signals WHERE user_id = %1 AND "
                                                  "event_id = '%2'")
                                       .arg(m_ann)
                                       .arg(id))
                            .value(0);
                e.entityId = id;
                out << e;
            }
            return out;
        }();
        for (const OutboxEntry& e : sentEntries) {
            QSqlQuery q(s->store()->database());
            q.prepare(QStringLiteral("INSERT INTO outbox(key,user_id,kind,entity_id,payload,created_at) VALUES (?,?,?,?,?,?)"));
            q.addBindValue(e.key);
            q.addBindValue(s->account()->userId());
            q.addBindValue(QStringLiteral("signal"));
            q.addBindValue(e.entityId);
            q.addBindValue(QByteArray(R"({"kind":1,"query":""})"));
            q.addBindValue(QDateTime::currentMSecsSinceEpoch());
            QVERIFY(q.exec());
        }
        sent.clear();
        rec->flushSignals();
        QVERIFY(QTest::qWaitFor([&] { return rec->pendingSignalCount() == 0 && !sent.isEmpty(); }, kTimeoutMs));
        QCOMPARE(sent.first().at(1).toInt(), 0);
        QCOMPARE(serverSignals(m_ann, QStringLiteral("AND idempotency_key IS NOT NULL")), 4);

        // Reconnecting sends nothing again.
        s->stop();
        QVERIFY(startAndSync(*s));
        QCOMPARE(rec->pendingSignalCount(), 0);
        QCOMPARE(serverSignals(m_ann, QStringLiteral("AND idempotency_key IS NOT NULL")), 4);

        // Saving to the wishlist is recorded by the server itself.
        QSignalSpy acked(s->wishlist(), &WishlistService::outboxFlushed);
        QVERIFY(s->wishlist()->toggle(m_annSaved));
        QVERIFY(acked.wait(kTimeoutMs));
        QCOMPARE(serverSignals(m_ann, QStringLiteral("AND signal = 'wishlist_add'")), 1);
    }

    void longSearchQueriesAreCutToWhatTheServerTakes()
    {
        auto s = loggedIn(dir(QStringLiteral("ann")), kAnn);
        QVERIFY(s);
        QSignalSpy sent(s->recommend(), &RecommendService::signalsSent);
        // 400 two-byte letters (800 bytes of UTF-8): cut to 500 bytes, so the batch is taken.
        QVERIFY(s->recommend()->recordSearchClick(m_annEvents.at(3), QString(400, QChar(0x00FC))));
        QVERIFY(QTest::qWaitFor([&] { return !sent.isEmpty(); }, kTimeoutMs));
        QCOMPARE(sent.first().at(1).toInt(), 1);
        QCOMPARE(m_server
                     .query(QStringLiteral("SELECT octet_length(search_query) FROM user_signals WHERE user_id = %1 AND "
                                           "search_query LIKE 'üü%'")
                                .arg(m_ann)),
                 QStringList{QStringLiteral("500")});
    }

    void listsShownWithReasons()
    {
        QVERIFY(!m_annEvents.isEmpty());
        // The server's recommendation snapshot is rebuilt with ann's signals at start.
        QVERIFY(m_server.stop());
        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));

        auto s = openSession(dir(QStringLiteral("ann")), m_server.wsUrl());
        QVERIFY(s);
        QVERIFY(startAndSync(*s));
        RecommendService* rec = s->recommend();
        QVERIFY(settingsArrived(*s));

        // For you: ranked from ann's history; anchored reasons name one of her events.
        QVERIFY(fetched(rec, RecommendationListKind::ForYou, QString()));
        const auto forYou = rec->cachedList(RecommendationListKind::ForYou, QString());
        QVERIFY(forYou && !forYou->entries.isEmpty());
        QStringList annHistory = m_annEvents;
        annHistory << m_annSaved;
        bool anchored = false;
        for (const RecommendationEntry& e : forYou->entries) {
            QVERIFY2(!annHistory.contains(e.item.eventId), "seen events are not recommended again");
            const auto details = s->catalog()->eventDetails(e.item.eventId);
            QVERIFY(details);
            QCOMPARE(e.title, QString::fromStdString(details->event.title)); // from the local cache
            QVERIFY(e.startsAtMs > QDateTime::currentMSecsSinceEpoch());
            QVERIFY(!e.venueName.isEmpty());
            const QString text = RecommendationListModel::reasonText(e, false);
            switch (e.item.reason) {
            case RecommendationReason::BecauseYouLiked:
                QVERIFY(annHistory.contains(e.item.anchorEventId));
                QCOMPARE(text, e.item.anchorEventId == m_annSaved ? QStringLiteral("Because you saved “%1”").arg(e.item.anchorTitle)
                                                                  : QStringLiteral("Because you liked “%1”").arg(e.item.anchorTitle));
                anchored = true;
                break;
            case RecommendationReason::SimilarTo:
                QVERIFY(annHistory.contains(e.item.anchorEventId));
                QCOMPARE(text, QStringLiteral("Similar to “%1”").arg(e.item.anchorTitle));
                anchored = true;
                break;
            case RecommendationReason::PopularNearYou:
                QCOMPARE(text, QStringLiteral("Popular this week"));
                break;
            default:
                QFAIL(qPrintable(QStringLiteral("unexpected reason %1 with history").arg(static_cast<int>(e.item.reason))));
            }
        }
        QVERIFY2(anchored, "ann's history anchors at least one pick");

        // Similar to the first jazz event ann viewed: all "Similar to <it>".
        const QString viewed = m_annEvents.first();
        QVERIFY(fetched(rec, RecommendationListKind::Similar, viewed));
        const auto similar = rec->cachedList(RecommendationListKind::Similar, viewed);
        QVERIFY(similar && !similar->entries.isEmpty());
        const QString viewedTitle = QString::fromStdString(s->catalog()->eventDetails(viewed)->event.title);
        for (const RecommendationEntry& e : similar->entries) {
            QCOMPARE(e.item.reason, RecommendationReason::SimilarTo);
            QCOMPARE(e.item.anchorEventId, viewed);
            QVERIFY(e.item.eventId != viewed);
            QCOMPARE(RecommendationListModel::reasonText(e, false), QStringLiteral("Similar to “%1”").arg(viewedTitle));
        }

        // Trending anywhere: exactly the upcoming events people interacted with, busiest first.
        const QString anywhere = rec->trendingArea().key();
        QVERIFY(fetched(rec, RecommendationListKind::Trending, anywhere));
        const auto trending = rec->cachedList(RecommendationListKind::Trending, anywhere);
        QVERIFY(trending);
        QStringList expected = annHistory;
        QStringList got = ids(*trending);
        expected.sort();
        got.sort();
        QCOMPARE(got, expected);
        for (const RecommendationEntry& e : trending->entries)
            QCOMPARE(RecommendationListModel::reasonText(e, false), QStringLiteral("Popular this week"));

        // The models read the same cache and name the reasons in words.
        RecommendationListModel model(rec, RecommendationListKind::Similar);
        model.setEventId(viewed);
        QCOMPARE(model.rowCount(), static_cast<int>(similar->entries.size()));
        QCOMPARE(model.reasonAt(0), QStringLiteral("Similar to “%1”").arg(viewedTitle));
        QVERIFY(model.stateText().isEmpty());
    }

    void offlineShowsTheCachedLists()
    {
        const QString viewed = m_annEvents.first();
        QStringList forYouIds;
        {
            auto s = openSession(dir(QStringLiteral("ann")), m_server.wsUrl());
            QVERIFY(s);
            QVERIFY(startAndSync(*s));
            RecommendService* rec = s->recommend();
            RecommendationListModel forYou(rec, RecommendationListKind::ForYou);
            QVERIFY(forYou.rowCount() > 0);
            forYouIds = ids(*rec->cachedList(RecommendationListKind::ForYou, QString()));
            QSignalSpy state(&forYou, &RecommendationListModel::stateChanged);
            s->stop();
            QVERIFY(!state.isEmpty());
            QVERIFY(forYou.isOfflineCopy());
            QVERIFY2(forYou.stateText().startsWith(QStringLiteral("Offline — showing recommendations from ")),
                     qPrintable(forYou.stateText()));
        }
        // A later start without the server: every list from the cache, marked offline.
        QVERIFY(m_server.stop());
        auto s = openSession(dir(QStringLiteral("ann")), m_server.wsUrl());
        QVERIFY(s);
        QVERIFY(s->account()->isLoggedIn());
        RecommendService* rec = s->recommend();
        QVERIFY(!rec->isOnline());
        RecommendationListModel forYou(rec, RecommendationListKind::ForYou);
        RecommendationListModel similar(rec, RecommendationListKind::Similar);
        similar.setEventId(viewed); // not fetched (offline): the cached list stands
        RecommendationListModel trending(rec, RecommendationListKind::Trending);
        QCOMPARE(ids(*rec->cachedList(RecommendationListKind::ForYou, QString())), forYouIds);
        for (RecommendationListModel* model : {&forYou, &similar, &trending}) {
            QVERIFY(model->rowCount() > 0);
            QVERIFY(model->isOfflineCopy());
            QVERIFY(model->stateText().startsWith(QStringLiteral("Offline — showing recommendations from ")));
            QVERIFY(!model->reasonAt(0).isEmpty());
        }
        // An event never looked at while online: nothing cached, said so.
        RecommendationListModel unknown(rec, RecommendationListKind::Similar);
        unknown.setEventId(m_annSaved);
        QCOMPARE(unknown.rowCount(), 0);
        QCOMPARE(unknown.stateText(), QStringLiteral("Offline — recommendations appear once connected."));

        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
    }

    void settingsRoundTrip()
    {
        auto s = loggedIn(dir(QStringLiteral("ann")), kAnn);
        QVERIFY(s);
        QVERIFY(settingsArrived(*s));
        RecommendService* rec = s->recommend();
        RecommendationSettingsInfo wanted = rec->settings();
        QVERIFY(wanted.tracking);
        wanted.interestCategories = {QStringLiteral("music.jazz"), QStringLiteral("music.classical")};
        wanted.interestWords = {QStringLiteral("saxophone"), QStringLiteral("Bühne")};
        wanted.city = QStringLiteral("Berlin");
        wanted.latitude = 52.52;
        wanted.longitude = 13.405;
        wanted.radiusKm = 25;
        wanted.alertPriceDrop = false;
        wanted.alertCancelled = false;
        wanted.weeklyDigest = true;
        QSignalSpy saved(rec, &RecommendService::settingsSaved);
        QVERIFY(rec->saveSettings(wanted));
        QVERIFY(saved.wait(kTimeoutMs));
        QCOMPARE(saved.first().first().value<RecommendationSettingsInfo>(), wanted);
        QCOMPARE(rec->settings(), wanted);
        QCOMPARE(m_server.query(QStringLiteral("SELECT tracking, interest_categories, interest_words, city, radius_km, "
                                               "alert_selling_out, alert_price_drop, alert_cancelled, weekly_digest "
                                               "FROM recommendation_settings WHERE user_id = %1")
                                    .arg(m_ann)),
                 QStringList{QStringLiteral("t|{music.jazz,music.classical}|{saxophone,Bühne}|Berlin|25|t|f|f|t")});
        // Trending now looks around Berlin.
        QCOMPARE(rec->trendingArea().key(), wanted.area().key());

        // Another device of ann's gets them on connect.
        auto other = loggedIn(dir(QStringLiteral("ann-laptop")), kAnn);
        QVERIFY(other);
        QVERIFY(settingsArrived(*other));
        QCOMPARE(other->recommend()->settings(), wanted);

        // Refused input changes nothing.
        RecommendationSettingsInfo bad = wanted;
        bad.interestCategories = {QStringLiteral("no.such.category")};
        QSignalSpy failed(rec, &RecommendService::settingsFailed);
        QVERIFY(rec->saveSettings(bad));
        QVERIFY(failed.wait(kTimeoutMs));
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("unknown interest category")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(rec->settings(), wanted);
        QCOMPARE(m_server.query(QStringLiteral("SELECT interest_categories FROM recommendation_settings WHERE user_id = %1")
                                    .arg(m_ann)),
                 QStringList{QStringLiteral("{music.jazz,music.classical}")});

        // Offline: saving is refused with a reason.
        s->stop();
        QSignalSpy offline(rec, &RecommendService::settingsFailed);
        QVERIFY(!rec->saveSettings(wanted));
        QCOMPARE(offline.first().first().toString(), QStringLiteral("You are offline: settings can be changed once connected."));
    }

    void settingsDialogRoundTrip()
    {
        auto s = loggedIn(dir(QStringLiteral("ann")), kAnn);
        QVERIFY(s);
        QVERIFY(settingsArrived(*s));
        QHash<QString, QPointF> centres{{QStringLiteral("Berlin"), QPointF(52.51, 13.39)},
                                        {QStringLiteral("Potsdam"), QPointF(52.40, 13.06)}};
        RecommendationSettingsDialog dialog(s->recommend(), s->catalog()->categories(), centres);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Filled from the saved settings.
        QCOMPARE(dialog.cityBox()->currentText(), QStringLiteral("Berlin"));
        QCOMPARE(dialog.radiusBox()->value(), 25);
        QCOMPARE(dialog.wordsEdit()->text(), QStringLiteral("saxophone, Bühne"));
        QVERIFY(dialog.digestBox()->isChecked());
        QVERIFY(!dialog.priceDropBox()->isChecked());
        QVERIFY(dialog.saveButton()->isEnabled());
        screenshot(&dialog, QStringLiteral("recommendation-settings"));

        // Change: theatre as well, Potsdam within 10 km, no digest.
        for (int i = 0; i < dialog.categoryList()->count(); ++i) {
            QListWidgetItem* item = dialog.categoryList()->item(i);
            if (item->text().trimmed() == QLatin1String("Theatre & Stage"))
                item->setCheckState(Qt::Checked);
        }
        dialog.cityBox()->setEditText(QStringLiteral("Potsdam"));
        dialog.radiusBox()->setValue(10);
        dialog.digestBox()->setChecked(false);
        QSignalSpy saved(s->recommend(), &RecommendService::settingsSaved);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait(kTimeoutMs));
        QCOMPARE(dialog.statusText(), QStringLiteral("Saved."));
        const QStringList row = m_server.query(
            QStringLiteral("SELECT interest_categories, city, radius_km, round(latitude::numeric, 2), weekly_digest "
                           "FROM recommendation_settings WHERE user_id = %1")
                .arg(m_ann));
        QVERIFY2(row.value(0).contains(QLatin1String("theatre")), qPrintable(row.value(0)));
        QVERIFY2(row.value(0).endsWith(QLatin1String("|Potsdam|10|52.40|f")), qPrintable(row.value(0)));

        // A distance needs a known city.
        dialog.cityBox()->setEditText(QStringLiteral("Atlantis"));
        QVERIFY(!dialog.formSettings());
        QCOMPARE(dialog.statusText(), QStringLiteral("Pick a city from the list to search within a distance of it."));

        // Offline: the saved settings stay readable, saving is off.
        s->stop();
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.deleteHistoryButton()->isEnabled());
        QVERIFY(dialog.statusText().startsWith(QStringLiteral("Offline")));
        screenshot(&dialog, QStringLiteral("recommendation-settings-offline"));
    }

    void mainWindowPages()
    {
        auto s = loggedIn(dir(QStringLiteral("ann")), kAnn);
        QVERIFY(s);
        QVERIFY(settingsArrived(*s));
        MainWindow window(s.get());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.recommendationSettingsAction()->isVisible());

        // For you: opening the page fetches it; items show reasons.
        RecommendationListWidget* forYou = window.forYouView();
        window.pages()->setCurrentWidget(forYou);
        QVERIFY(QTest::qWaitFor([&] { return !s->recommend()->isRefreshing(RecommendationListKind::ForYou, QString()); },
                                kTimeoutMs));
        QVERIFY(forYou->model()->rowCount() > 0);
        QVERIFY(!forYou->model()->reasonAt(0).isEmpty());
        QVERIFY(forYou->listView()->isVisible());
        screenshot(&window, QStringLiteral("mainwindow-for-you"));

        // Clicking a recommendation opens it: details, a view recorded once it stayed a moment,
        // its similar events.
        const QString picked = forYou->model()->eventIdAt(0);
        const int before = serverSignals(m_ann, QStringLiteral("AND signal = 'view'"));
        const QRect first = forYou->listView()->visualRect(forYou->model()->index(0, 0));
        QTest::mouseClick(forYou->listView()->viewport(), Qt::LeftButton, {}, first.center());
        QCOMPARE(window.detailWidget()->eventId(), picked);
        QVERIFY(QTest::qWaitFor([&] { return serverSignals(m_ann, QStringLiteral("AND signal = 'view'")) == before + 1; },
                                kTimeoutMs));
        RecommendationListWidget* similar = window.similarView();
        QCOMPARE(similar->model()->key(), picked);
        // Fetched, then laid out under the details with room for its rows.
        QVERIFY(QTest::qWaitFor([&] { return similar->model()->rowCount() > 0 && laidOutInside(similar->listView(), &window); },
                                kTimeoutMs));
        QVERIFY(similar->isVisible());
        QVERIFY(similar->model()->reasonAt(0).startsWith(QStringLiteral("Similar to “")));
        screenshot(&window, QStringLiteral("mainwindow-similar"));

        // Trending near you (ann's area: Potsdam, 10 km).
        window.pages()->setCurrentWidget(window.trendingView());
        QCOMPARE(window.trendingView()->heading(), QStringLiteral("Trending within 10 km of Potsdam"));
        QVERIFY(QTest::qWaitFor([&] { return !s->recommend()->isRefreshing(RecommendationListKind::Trending,
                                                                             s->recommend()->trendingArea().key()); },
                                kTimeoutMs));
        screenshot(&window, QStringLiteral("mainwindow-trending"));

        // A search hit opened from the results is recorded with its query.
        window.searchPanel()->setDebounceInterval(0);
        QSignalSpy searched(window.searchPanel(), &SearchPanel::searched);
        window.searchPanel()->searchBox()->setText(QStringLiteral("jazz"));
        QVERIFY(searched.wait(kTimeoutMs));
        QListView* results = window.searchPanel()->resultView();
        QVERIFY(results->model()->rowCount() > 0);
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(results->model()->index(0, 0)).center());
        QVERIFY(QTest::qWaitFor(
            [&] { return serverSignals(m_ann, QStringLiteral("AND signal = 'search_click' AND search_query = 'jazz'")) == 1; },
            kTimeoutMs));

        // Offline: the pages say so and keep their lists.
        s->stop();
        window.pages()->setCurrentWidget(forYou);
        QVERIFY(forYou->stateLabel()->isVisible());
        QVERIFY(forYou->stateLabel()->text().startsWith(QStringLiteral("Offline — showing recommendations from ")));
        QVERIFY(forYou->model()->rowCount() > 0);
        screenshot(&window, QStringLiteral("mainwindow-for-you-offline"));
    }

    void aBacklogGoesInBatchesOf500()
    {
        auto s = loggedIn(dir(QStringLiteral("cara")), kCara);
        QVERIFY(s);
        QVERIFY(settingsArrived(*s));
        const auto rows = s->catalog()->events({});
        QVERIFY(rows.size() >= 650);
        s->stop();
        for (int i = 0; i < 650; ++i)
            QVERIFY(s->recommend()->recordView(rows.at(i).id));
        QCOMPARE(s->recommend()->pendingSignalCount(), 650);
        QSignalSpy sent(s->recommend(), &RecommendService::signalsSent);
        QVERIFY(startAndSync(*s));
        QVERIFY(QTest::qWaitFor([&] { return s->recommend()->pendingSignalCount() == 0 && sent.size() == 2; }, kTimeoutMs));
        QCOMPARE(sent.at(0).at(0).toInt(), 500);
        QCOMPARE(sent.at(1).at(0).toInt(), 150);
        QCOMPARE(serverSignals(serverUserId(m_server, kCara)), 650);
    }

    void trackingOffRecordsNothing()
    {
        auto s = loggedIn(dir(QStringLiteral("bob")), kBob);
        QVERIFY(s);
        QVERIFY(settingsArrived(*s));
        RecommendService* rec = s->recommend();
        const auto rows = s->catalog()->events({});
        QVERIFY(rows.size() > 3);

        // Recorded offline while tracking was on; then switched off on another device.
        s->stop();
        QVERIFY(rec->recordView(rows.at(0).id));
        QVERIFY(rec->recordView(rows.at(1).id));
        QCOMPARE(rec->pendingSignalCount(), 2);
        {
            auto other = loggedIn(dir(QStringLiteral("bob-phone")), kBob);
            QVERIFY(other);
            QVERIFY(settingsArrived(*other));
            RecommendationSettingsInfo off = other->recommend()->settings();
            off.tracking = false;
            QSignalSpy saved(other->recommend(), &RecommendService::settingsSaved);
            QVERIFY(other->recommend()->saveSettings(off));
            QVERIFY(saved.wait(kTimeoutMs));
            QVERIFY(!other->recommend()->recordView(rows.at(2).id)); // off: not even recorded
            QCOMPARE(other->recommend()->pendingSignalCount(), 0);
        }
        // Reconnecting learns the switch; what waited is not stored.
        QVERIFY(startAndSync(*s));
        QVERIFY(QTest::qWaitFor([&] { return !rec->trackingEnabled() && rec->pendingSignalCount() == 0; }, kTimeoutMs));
        QVERIFY(!rec->recordView(rows.at(3).id));
        QCOMPARE(rec->pendingSignalCount(), 0);
        QCOMPARE(serverSignals(m_bob), 0);
        // The switch is remembered offline, across a restart of the client.
        s.reset();
        auto restarted = openSession(dir(QStringLiteral("bob")), m_server.wsUrl());
        QVERIFY(restarted);
        QVERIFY(!restarted->recommend()->trackingEnabled());
        QVERIFY(!restarted->recommend()->recordView(rows.at(3).id));
        QCOMPARE(restarted->recommend()->pendingSignalCount(), 0);
        QVERIFY(startAndSync(*restarted));
        // Even the server-side ones: a wishlist add while tracking is off is not a signal.
        QSignalSpy acked(restarted->wishlist(), &WishlistService::outboxFlushed);
        QVERIFY(restarted->wishlist()->toggle(rows.at(0).id));
        QVERIFY(acked.wait(kTimeoutMs));
        QCOMPARE(serverSignals(m_bob), 0);
    }

    void deleteHistoryFromTheDialog()
    {
        auto s = loggedIn(dir(QStringLiteral("ann")), kAnn);
        QVERIFY(s);
        QVERIFY(settingsArrived(*s));
        const int recorded = serverSignals(m_ann);
        QVERIFY(recorded >= 6);
        // Anywhere in Berlin (the dialog test left a 10 km circle around Potsdam).
        RecommendationSettingsInfo berlin = s->recommend()->settings();
        berlin.city = QStringLiteral("Berlin");
        berlin.radiusKm = 0;
        QSignalSpy saved(s->recommend(), &RecommendService::settingsSaved);
        QVERIFY(s->recommend()->saveSettings(berlin));
        QVERIFY(saved.wait(kTimeoutMs));
        RecommendationSettingsDialog dialog(s->recommend(), s->catalog()->categories(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Cancelled: nothing happens.
        QTest::mouseClick(dialog.deleteHistoryButton(), Qt::LeftButton);
        QVERIFY(dialog.confirmation());
        screenshot(dialog.confirmation(), QStringLiteral("recommendation-delete-history"));
        QTest::mouseClick(dialog.confirmation()->button(QMessageBox::Cancel), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !dialog.confirmation(); }, kTimeoutMs));
        QCOMPARE(serverSignals(m_ann), recorded);

        // Confirmed: every signal goes, and "For you" starts over without history.
        QSignalSpy deleted(s->recommend(), &RecommendService::historyDeleted);
        QSignalSpy forYou(s->recommend(), &RecommendService::listUpdated);
        QTest::mouseClick(dialog.deleteHistoryButton(), Qt::LeftButton);
        QVERIFY(dialog.confirmation());
        QAbstractButton* yes = nullptr;
        for (QAbstractButton* b : dialog.confirmation()->buttons())
            if (dialog.confirmation()->buttonRole(b) == QMessageBox::DestructiveRole)
                yes = b;
        QVERIFY(yes);
        QTest::mouseClick(yes, Qt::LeftButton);
        QVERIFY(deleted.wait(kTimeoutMs));
        QCOMPARE(deleted.first().first().toInt(), recorded);
        QCOMPARE(serverSignals(m_ann), 0);
        QCOMPARE(dialog.statusText(), QStringLiteral("Your history was deleted (%1 recorded action(s)).").arg(recorded));
        // Fetched again: no pick is anchored to a history that is gone.
        QVERIFY(QTest::qWaitFor([&] { return !s->recommend()->isRefreshing(RecommendationListKind::ForYou, QString()); },
                                kTimeoutMs));
        const auto fresh = s->recommend()->cachedList(RecommendationListKind::ForYou, QString());
        QVERIFY(fresh && !fresh->entries.isEmpty());
        bool interests = false;
        for (const RecommendationEntry& e : fresh->entries) {
            QVERIFY(e.item.reason == RecommendationReason::MatchesInterests
                    || e.item.reason == RecommendationReason::PopularNearYou);
            interests = interests || e.item.reason == RecommendationReason::MatchesInterests;
        }
        QVERIFY2(interests, "ann's stated interests drive the cold start");
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_MAIN(TestRecommendServer)
#include "test_recommend_server.moc"
