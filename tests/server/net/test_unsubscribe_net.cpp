// One-click unsubscribe links (docs/mail.md, "Unsubscribing") against the real marquee-server
// binary: links made by the real mail code for a real user, then GET (shows, changes nothing),
// HEAD, POST as a form and as an RFC 8058 one-click, replays, and forged, truncated, oversized,
// stale (key rotated) links and deleted users, which get a 400 page and change nothing.
#include "mail/unsubscribe.hpp"
#include "test_server.hpp"
#include "ws_test_client.hpp"

#include <QtTest>

#include <pqxx/pqxx>

using marquee::test::httpGet;
using marquee::test::httpRequest;
using marquee::testing::TestServer;
namespace mail = marquee::server::mail;
namespace http = boost::beast::http;

class TestUnsubscribeNet : public QObject {
    Q_OBJECT

    TestServer m_server;
    std::int64_t m_userId = 0;

    unsigned short port() const { return m_server.port(); }

    std::string link(std::int64_t userId, mail::MailSetting setting) {
        pqxx::connection conn(m_server.databaseUrl().toStdString());
        pqxx::work tx(conn);
        return mail::UnsubscribeLinks(tx).link(userId, setting);
    }

    // The request target of a link made for https://tickets.example.org.
    static std::string targetOf(const std::string& url) {
        const std::string base = "https://tickets.example.org";
        return url.rfind(base, 0) == 0 ? url.substr(base.size()) : std::string();
    }

    // "alert_price_drop|weekly_digest|..." of the user's settings row, or "none".
    QString settingsRow(std::int64_t userId) {
        const auto rows = m_server.query(
            QStringLiteral("SELECT alert_selling_out, alert_price_drop, alert_schedule_change, alert_cancelled, "
                           "weekly_digest FROM recommendation_settings WHERE user_id = %1")
                .arg(userId));
        return rows.isEmpty() ? QStringLiteral("none") : rows.front();
    }

    std::int64_t userIdOf(const QString& email) {
        const auto rows = m_server.query(QStringLiteral("SELECT id FROM users WHERE email = '%1'").arg(email));
        return rows.isEmpty() ? 0 : rows.front().toLongLong();
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_server.start(&error, {QStringLiteral("--public-url"), QStringLiteral("https://tickets.example.org/")}),
                 qPrintable(error));
        QVERIFY(m_server.createUser(QStringLiteral("zoe@example.org"), QStringLiteral("a long enough password"),
                                    QStringLiteral("attendee")));
        m_userId = userIdOf(QStringLiteral("zoe@example.org"));
        QVERIFY(m_userId > 0);
        mail::setPublicBaseUrl("https://tickets.example.org");
    }

    void noLinkWithoutPublicUrl() {
        mail::setPublicBaseUrl("");
        QCOMPARE(link(m_userId, mail::MailSetting::WeeklyDigest), std::string());
        mail::setPublicBaseUrl("https://tickets.example.org");
        QVERIFY(!mail::normalisePublicBaseUrl("ftp://x.org"));
        QVERIFY(!mail::normalisePublicBaseUrl("https://"));
        QVERIFY(!mail::normalisePublicBaseUrl("https://x.org/a?b=c"));
        QVERIFY(!mail::normalisePublicBaseUrl("https://x.org/<script>"));
        QCOMPARE(*mail::normalisePublicBaseUrl("https://x.org:8443/box//"), std::string("https://x.org:8443/box"));
    }

    void getShowsAndChangesNothingThenPostSwitchesOff() {
        const auto target = targetOf(link(m_userId, mail::MailSetting::AlertPriceDrop));
        QVERIFY(target.rfind("/unsubscribe?t=", 0) == 0);

        const auto page = httpGet(port(), target);
        QCOMPARE(page.status, 200u);
        QVERIFY(page.contentType.rfind("text/html", 0) == 0);
        QVERIFY2(page.body.find("Stop sending wishlist alerts when events drop in price to z***@example.org?") !=
                     std::string::npos,
                 page.body.c_str());
        QVERIFY(page.body.find("<form method=\"post\">") != std::string::npos);
        QCOMPARE(settingsRow(m_userId), QStringLiteral("none")); // a link scanner's GET changes nothing

        const auto head = httpRequest(port(), target, http::verb::head);
        QCOMPARE(head.status, 200u);
        QVERIFY(head.body.empty());
        QCOMPARE(settingsRow(m_userId), QStringLiteral("none"));

        // A mail client's one-click (RFC 8058): POST with "List-Unsubscribe=One-Click".
        const auto done = httpRequest(port(), target, http::verb::post, "List-Unsubscribe=One-Click");
        QCOMPARE(done.status, 200u);
        QVERIFY(done.body.find("You are unsubscribed") != std::string::npos);
        QVERIFY(done.body.find("z***@example.org will no longer get wishlist alerts when events drop in price.") !=
                std::string::npos);
        QCOMPARE(settingsRow(m_userId), QStringLiteral("t|f|t|t|f")); // only that one, defaults kept

        // Replays are harmless; the page now says so.
        QCOMPARE(httpRequest(port(), target, http::verb::post).status, 200u);
        QCOMPARE(settingsRow(m_userId), QStringLiteral("t|f|t|t|f"));
        QVERIFY(httpGet(port(), target).body.find("Already unsubscribed") != std::string::npos);
    }

    void digestLinkKeepsOtherSettings() {
        m_server.query(QStringLiteral("UPDATE recommendation_settings SET weekly_digest = true, city = 'Berlin' "
                                      "WHERE user_id = %1").arg(m_userId));
        const auto target = targetOf(link(m_userId, mail::MailSetting::WeeklyDigest));
        QCOMPARE(httpRequest(port(), target, http::verb::post, "List-Unsubscribe=One-Click").status, 200u);
        QCOMPARE(settingsRow(m_userId), QStringLiteral("t|f|t|t|f"));
        QCOMPARE(m_server.query(QStringLiteral("SELECT city FROM recommendation_settings WHERE user_id = %1")
                                    .arg(m_userId)),
                 QStringList{QStringLiteral("Berlin")});
    }

    void badLinksChangeNothing() {
        const auto good = targetOf(link(m_userId, mail::MailSetting::AlertCancelled));
        const auto before = settingsRow(m_userId);
        const auto flip = [](std::string t, std::size_t fromEnd) {
            auto& c = t[t.size() - fromEnd];
            c = c == 'A' ? 'B' : 'A';
            return t;
        };
        const std::vector<std::string> bad{
            flip(good, 1),                                   // the MAC
            flip(good, 50),                                  // the user id
            good.substr(0, good.size() - 4),                 // truncated
            "/unsubscribe",                                  // no token
            "/unsubscribe?t=",                               // empty token
            "/unsubscribe?t=%00%27;DROP%20TABLE%20users;--", // not base64url
            "/unsubscribe?t=" + std::string(4000, 'A'),      // oversized
        };
        for (const auto& target : bad) {
            const auto answer = httpRequest(port(), target, http::verb::post, "List-Unsubscribe=One-Click");
            QVERIFY2(answer.status == 400u, target.c_str());
            QVERIFY(answer.body.find("Nothing was changed.") != std::string::npos);
        }
        QCOMPARE(settingsRow(m_userId), before);

        const auto put = httpRequest(port(), good, http::verb::put);
        QCOMPARE(put.status, 405u);
        QCOMPARE(settingsRow(m_userId), before);

        // Rotating the key voids every link sent so far.
        m_server.query(QStringLiteral("UPDATE server_secrets SET secret = decode(repeat('ab', 32), 'hex') "
                                      "WHERE name = 'mail_unsubscribe'"));
        QCOMPARE(httpRequest(port(), good, http::verb::post).status, 400u);
        QCOMPARE(settingsRow(m_userId), before);
        const auto fresh = targetOf(link(m_userId, mail::MailSetting::AlertCancelled));
        QCOMPARE(httpRequest(port(), fresh, http::verb::post).status, 200u);
        QVERIFY(settingsRow(m_userId).endsWith(QStringLiteral("|f|f")));
    }

    void deletedUserGetsNothingChanged() {
        QVERIFY(m_server.createUser(QStringLiteral("gone@example.org"), QStringLiteral("a long enough password"),
                                    QStringLiteral("attendee")));
        const auto goneId = userIdOf(QStringLiteral("gone@example.org"));
        const auto target = targetOf(link(goneId, mail::MailSetting::AlertSellingOut));
        m_server.query(QStringLiteral("DELETE FROM users WHERE id = %1").arg(goneId));
        QCOMPARE(httpRequest(port(), target, http::verb::post).status, 400u);
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM recommendation_settings WHERE user_id = %1")
                                    .arg(goneId)),
                 QStringList{QStringLiteral("0")});
    }
};

QTEST_GUILESS_MAIN(TestUnsubscribeNet)
#include "test_unsubscribe_net.moc"
