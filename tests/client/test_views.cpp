// Widgets offscreen: the main window browses the cache with no server, the connection
// indicator states, inline login errors, and German translations from the embedded .qm.
#include "clienttestdata.h"
#include "models/eventlistmodel.h"
#include "services/accountservice.h"
#include "services/clientsession.h"
#include "views/connectionindicator.h"
#include "views/eventdetailwidget.h"
#include "views/logindialog.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace marquee;
using namespace marquee::client;

namespace {

void saveShot(QWidget* w, const char* name)
{
    const QString dir = qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

} // namespace

class TestViews : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    std::unique_ptr<ClientSession> offlineSession()
    {
        {
            LocalStore seed(LocalStore::defaultPath(m_dir.path()));
            if (!seed.open() || seed.eventCount() == 0) {
                seed.applyBatch(testdata::catalogBatch(), 0);
            }
        }
        ClientSession::Options o;
        o.dataDir = m_dir.path();
        o.serverUrl = QUrl(QStringLiteral("ws://127.0.0.1:1/v1/ws")); // nothing listens there
        o.sync.backoffMs = {60000};
        auto s = std::make_unique<ClientSession>(o);
        if (!s->open())
            return nullptr;
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
    }

    void mainWindowBrowsesCacheWithoutServer()
    {
        auto session = offlineSession();
        QVERIFY(session);
        MainWindow window(session.get());
        window.show();
        session->start();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.eventModel()->rowCount(), 7);
        QTRY_COMPARE(window.connectionIndicator()->state(), SyncClient::State::Offline);
        QVERIFY(window.connectionIndicator()->text().startsWith(QLatin1String("Offline")));
        QCOMPARE(window.accountText(), QStringLiteral("Not logged in"));

        window.selectEvent(QStringLiteral("e3"));
        QCOMPARE(window.detailWidget()->eventId(), QStringLiteral("e3"));
        QCOMPARE(window.detailWidget()->statusText(), QStringLiteral("CANCELLED"));
        QVERIFY(!window.detailWidget()->wishlistButton()->isEnabled()); // needs a login
        window.selectEvent(QStringLiteral("e1"));
        QVERIFY(window.detailWidget()->statusText().isEmpty());
        QApplication::processEvents();
        saveShot(&window, "mainwindow-offline");

        // Rendered pixels: the table really paints rows (not a blank view).
        const QImage shot = window.eventView()->viewport()->grab().toImage();
        QSet<QRgb> colors;
        for (int y = 0; y < std::min(shot.height(), 120); y += 3)
            for (int x = 0; x < shot.width(); x += 7)
                colors.insert(shot.pixel(x, y));
        QVERIFY(colors.size() > 4);
    }

    void connectionIndicator_data()
    {
        QTest::addColumn<SyncClient::State>("state");
        QTest::addColumn<int>("percent");
        QTest::addColumn<bool>("synced");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("progressVisible");
        QTest::newRow("offline, never") << SyncClient::State::Offline << 0 << false << QStringLiteral("Offline · never synced") << false;
        QTest::newRow("connecting") << SyncClient::State::Connecting << 0 << true << QStringLiteral("Connecting… · last sync ") << false;
        QTest::newRow("syncing 42") << SyncClient::State::Syncing << 42 << false << QStringLiteral("Syncing… 42%") << true;
        QTest::newRow("online") << SyncClient::State::Online << 100 << true << QStringLiteral("Online · last sync ") << false;
    }

    void connectionIndicator()
    {
        QFETCH(SyncClient::State, state);
        QFETCH(int, percent);
        QFETCH(bool, synced);
        QFETCH(QString, prefix);
        QFETCH(bool, progressVisible);
        ConnectionIndicator indicator;
        indicator.setState(state);
        indicator.setProgress(percent);
        if (synced)
            indicator.setLastSyncAt(QDateTime::currentDateTime());
        indicator.show();
        QVERIFY2(indicator.text().startsWith(prefix), qPrintable(indicator.text()));
        QCOMPARE(indicator.findChild<QProgressBar*>() != nullptr, true);
        QCOMPARE(indicator.findChild<QProgressBar*>()->isVisible(), progressVisible);
        if (state == SyncClient::State::Syncing)
            saveShot(&indicator, "indicator-syncing");
    }

    void loginDialogShowsInlineErrors()
    {
        auto session = offlineSession();
        QVERIFY(session);
        LoginDialog dialog(session->account());
        dialog.show();
        dialog.emailEdit()->setText(QStringLiteral("not an address"));
        dialog.submit();
        QCOMPARE(dialog.errorText(), QStringLiteral("Enter a valid e-mail address."));
        saveShot(&dialog, "login-error");

        dialog.setMode(LoginDialog::Mode::Register);
        dialog.emailEdit()->setText(QStringLiteral("new@example.com"));
        dialog.passwordEdit()->setText(QStringLiteral("short"));
        dialog.submit();
        QCOMPARE(dialog.errorText(), QStringLiteral("The password is too weak: use at least 10 characters."));
        QVERIFY(dialog.passwordEdit()->hasFocus() || !dialog.isActiveWindow());

        // Offline: the request cannot leave, and the dialog says so.
        dialog.setMode(LoginDialog::Mode::Login);
        dialog.emailEdit()->setText(QStringLiteral("ann@example.com"));
        dialog.passwordEdit()->setText(QStringLiteral("whatever"));
        dialog.submit();
        QTRY_COMPARE(dialog.errorText(), QStringLiteral("The server cannot be reached. Check your connection and try again."));
    }

    void germanTranslationLoads()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QStringLiteral("de_DE")), QStringLiteral("marquee"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QApplication::installTranslator(&translator));
        QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
        auto session = offlineSession();
        QVERIFY(session);
        MainWindow window(session.get());
        window.resize(1200, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.accountText(), QStringLiteral("Nicht angemeldet"));
        QCOMPARE(window.eventModel()->headerData(EventListModel::PriceColumn, Qt::Horizontal).toString(), QStringLiteral("Preis"));
        window.selectEvent(QStringLiteral("e1"));
        QApplication::processEvents();
        saveShot(&window, "mainwindow-de");
        QApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
    }
};

QTEST_MAIN(TestViews)
#include "test_views.moc"
