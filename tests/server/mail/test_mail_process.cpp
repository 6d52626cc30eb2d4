// The mail worker inside the real marquee-server process: killed (SIGKILL) after the SMTP
// server accepted a message and before it was recorded, it sends that message once more after
// the restart, with the same Message-ID; without --smtp-url it says mail is disabled.
#include "mail/mail_outbox.hpp"
#include "smtp_test_server.hpp"
#include "test_server.hpp"

#include <QtTest>

#include <pqxx/pqxx>

using namespace marquee;

namespace {

std::string rowStatus(pqxx::connection& conn, std::int64_t id, int* attempts = nullptr) {
    pqxx::read_transaction tx(conn);
    const auto row = tx.exec_params1("SELECT status, attempts FROM mail_outbox WHERE id = $1", id);
    if (attempts != nullptr) *attempts = row[1].as<int>();
    return row[0].as<std::string>();
}

} // namespace

class TestMailProcess : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (testing::TestServer::clusterUrl().isEmpty()) QSKIP("needs the postgres fixture (run through ctest)");
    }

    void crashAfterTheServerAcceptedResendsOnce() {
        // The first QUIT is never answered: the server process is stuck right after the 250.
        test::SmtpTestServer::Options hanging;
        hanging.hangFirstQuit = true;
        test::SmtpTestServer smtp(hanging);
        QString error;
        QVERIFY2(smtp.start(&error), qPrintable(error));
        testing::TestServer server;
        QVERIFY2(server.start(&error, {QStringLiteral("--smtp-url"), QString::fromStdString(smtp.url()),
                                       QStringLiteral("--mail-from"), QStringLiteral("Marquee <tickets@marquee.test>")}),
                 qPrintable(error));

        pqxx::connection conn(server.databaseUrl().toStdString());
        server::mail::setMailSender({"Marquee", "tickets@marquee.test"});
        server::mail::OutgoingMail mail;
        mail.dedupKey = "process-crash";
        mail.kind = "test";
        mail.toAddress = "buyer@example.org";
        mail.subject = "Sent twice at most";
        mail.textBody = "Hello\r\n";
        std::int64_t id = 0;
        std::string messageId;
        {
            pqxx::work tx(conn);
            id = server::mail::enqueueMail(tx, mail);
            messageId = tx.exec_params1("SELECT message_id FROM mail_outbox WHERE id = $1", id)[0].as<std::string>();
            tx.commit(); // NOTIFY wakes the server's worker
        }
        const auto copies = [&](const std::vector<test::ReceivedMail>& mails) {
            return std::count_if(mails.begin(), mails.end(), [&](const auto& m) { return m.messageId() == messageId; });
        };
        QVERIFY(smtp.waitFor([&](const auto& mails) { return copies(mails) == 1; }));
        server.kill();
        int attempts = 0;
        QCOMPARE(rowStatus(conn, id, &attempts), std::string("sending"));
        QCOMPARE(attempts, 1);

        // The claim lapses (300 s in production; moved to now instead of waiting for it).
        {
            pqxx::work tx(conn);
            tx.exec_params0("UPDATE mail_outbox SET next_attempt_at = now() WHERE id = $1", id);
            tx.commit();
        }
        QVERIFY2(server.restart(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(rowStatus(conn, id, &attempts), std::string("sent"), 30'000);
        QCOMPARE(attempts, 2);
        QVERIFY(smtp.waitFor([&](const auto& mails) { return copies(mails) == 2; }));
        const auto received = smtp.messages();
        QCOMPARE(received.size(), std::size_t(2));
        QCOMPARE(received[0].raw, received[1].raw);
        QVERIFY(server.stop());
    }

    void withoutSmtpUrlMailIsDisabledAndKept() {
        testing::TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.serverLog().contains(QStringLiteral("mail disabled: no --smtp-url")));
        QVERIFY(server.stop());
    }
};

QTEST_GUILESS_MAIN(TestMailProcess)
#include "test_mail_process.moc"
