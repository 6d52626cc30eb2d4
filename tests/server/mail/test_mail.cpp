// The mail outbox and SMTP worker against real PostgreSQL and a real SMTP server (aiosmtpd):
// composition checked by an independent parser, SMTP down and back, a crash after the server
// accepted, STARTTLS and AUTH, permanent and transient refusals, dedup keys, bad input.
#include "mail/mail_outbox.hpp"
#include "mail/mail_worker.hpp"
#include "mail/mime_message.hpp"
#include "smtp_test_server.hpp"
#include "test_db.hpp"

#include <QtTest>

#include <sodium.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <regex>

using namespace marquee;
using server::mail::MailWorker;
using server::mail::MailWorkerOptions;
using server::mail::OutgoingMail;
using server::mail::SmtpSettings;

namespace {

std::string sha256Hex(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string randomBytes(std::size_t n) {
    std::string bytes(n, '\0');
    randombytes_buf(bytes.data(), n);
    return bytes;
}

OutgoingMail simpleMail(const std::string& dedupKey, const std::string& to = "buyer@example.org") {
    OutgoingMail mail;
    mail.dedupKey = dedupKey;
    mail.kind = "test";
    mail.toAddress = to;
    mail.toName = "Buyer";
    mail.subject = "Hello " + dedupKey;
    mail.textBody = "Plain text for " + dedupKey + "\r\n";
    return mail;
}

std::int64_t enqueue(pqxx::connection& conn, const OutgoingMail& mail) {
    pqxx::work tx(conn);
    const auto id = server::mail::enqueueMail(tx, mail);
    tx.commit();
    return id;
}

struct OutboxRow {
    std::string status;
    int attempts = 0;
    std::string messageId;
    std::string lastError;
    double dueInSeconds = 0;
};

OutboxRow outboxRow(pqxx::connection& conn, std::int64_t id) {
    pqxx::read_transaction tx(conn);
    const auto r = tx.exec_params1("SELECT status, attempts, message_id, last_error, "
                                   "extract(epoch FROM next_attempt_at - now())::float8 FROM mail_outbox WHERE id = $1",
                                   id);
    return {r[0].as<std::string>(), r[1].as<int>(), r[2].as<std::string>(), r[3].as<std::string>(), r[4].as<double>()};
}

// The clock moving on: a retry or a lapsed claim falls due now instead of in minutes.
void makeDue(pqxx::connection& conn, std::int64_t id) {
    pqxx::work tx(conn);
    tx.exec_params0("UPDATE mail_outbox SET next_attempt_at = now() WHERE id = $1", id);
    tx.commit();
}

SmtpSettings smtpAt(const std::string& url) {
    SmtpSettings smtp;
    smtp.url = url;
    smtp.connectTimeout = std::chrono::seconds(10);
    smtp.timeout = std::chrono::seconds(30);
    return smtp;
}

// The fixture's server offers STARTTLS with a certificate of its own.
SmtpSettings fixtureSmtp() {
    auto smtp = smtpAt(test::SmtpFixture::url());
    smtp.caFile = test::SmtpFixture::caFile();
    return smtp;
}

MailWorkerOptions quickOptions() {
    MailWorkerOptions options;
    options.claimFor = std::chrono::seconds(60);
    options.retryBase = std::chrono::seconds(60);
    return options;
}

std::size_t countWithId(const std::vector<test::ReceivedMail>& mails, const std::string& messageId) {
    return static_cast<std::size_t>(
        std::count_if(mails.begin(), mails.end(), [&](const auto& m) { return m.messageId() == messageId; }));
}

} // namespace

class TestMail : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!test::TestDatabase::available()) QSKIP("needs the postgres fixture (run through ctest)");
        if (!test::SmtpFixture::available()) QSKIP("needs the smtp fixture (run through ctest)");
        QVERIFY(sodium_init() >= 0);
        server::mail::setMailSender({"Marquee Kasse Zoë", "tickets@marquee.test"});
    }

    // Composed by GMime, sent over STARTTLS, parsed again by Python's email package.
    void composedMessageSurvivesTheTrip() {
        test::TestDatabase db;
        auto conn = db.connect();
        OutgoingMail mail;
        mail.dedupKey = "compose:" + std::to_string(randombytes_uniform(1'000'000'000));
        mail.kind = "order_confirmation";
        mail.toAddress = "zoe@example.org";
        mail.toName = "Zoë Müller-Łukasiewicz";
        mail.subject = "Ihre Tickets für „Faust“ — Große Bühne, Reihe 7 · Platz 12 und 13, Samstag Abend um 19:30";
        mail.textBody = "Grüße!\r\nA line that is definitely longer than seventy-eight characters, so the encoder "
                        "has to wrap it somewhere sensible.\r\n.a line starting with a dot\r\n";
        mail.htmlBody = "<p>Grüße, <b>Zoë</b></p>";
        const auto pdf = randomBytes(20'000);
        const std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
        mail.attachments.push_back({"tickets-MQ-7K3F9X.pdf", "application/pdf", pdf});
        mail.attachments.push_back({"invitation.ics", "text/calendar; method=REQUEST; charset=utf-8", ics});
        const auto id = enqueue(*conn, mail);
        const auto row = outboxRow(*conn, id);
        QCOMPARE(row.status, std::string("pending"));
        QVERIFY2(std::regex_match(row.messageId, std::regex("<[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                                            "[0-9a-f]{12}@marquee\\.test>")),
                 row.messageId.c_str());

        auto smtp = fixtureSmtp();
        smtp.requireTls = true;
        MailWorker worker(db.connectionString(), smtp, quickOptions());
        const auto counts = worker.deliverDue(*conn);
        QCOMPARE(counts.sent, std::size_t(1));
        QCOMPARE(outboxRow(*conn, id).status, std::string("sent"));

        std::vector<test::ReceivedMail> received;
        QVERIFY(test::waitForMail(test::SmtpFixture::messages, [&](const auto& mails) {
            received.clear();
            for (const auto& m : mails)
                if (m.messageId() == row.messageId) received.push_back(m);
            return !received.empty();
        }));
        QCOMPARE(received.size(), std::size_t(1));
        const auto& got = received[0];
        QCOMPARE(got.envelope["tls"].get<bool>(), true);
        QCOMPARE(got.envelope["mail_from"].get<std::string>(), std::string("tickets@marquee.test"));
        QCOMPARE(got.envelope["rcpt_tos"][0].get<std::string>(), std::string("zoe@example.org"));

        const auto parsed = test::inspectMail(got.path);
        const auto& h = parsed["headers"];
        QCOMPARE(h["Subject"].get<std::string>(), mail.subject);
        QCOMPARE(h["To"].get<std::string>(), std::string("Zoë Müller-Łukasiewicz <zoe@example.org>"));
        QCOMPARE(h["From"].get<std::string>(), std::string("Marquee Kasse Zoë <tickets@marquee.test>"));
        QCOMPARE(h["Message-ID"].get<std::string>(), row.messageId);
        QCOMPARE(h["MIME-Version"].get<std::string>(), std::string("1.0"));
        QVERIFY(h.contains("Date"));
        // RFC 2047 encoded words on the wire, nothing but 7-bit ASCII, CRLF only, short lines.
        QVERIFY(parsed["raw_head"].get<std::string>().find("=?") != std::string::npos);
        QVERIFY(parsed["ascii_only"].get<bool>());
        QVERIFY(!parsed["bare_lf"].get<bool>());
        // RFC 5322: lines MUST stay within 998 characters (GMime folds headers; a Content-Type with
        // several parameters may run a little past the SHOULD of 78); encoded bodies within 76.
        QVERIFY2(parsed["max_line_length"].get<int>() <= 998, parsed["max_line_length"].dump().c_str());
        QVERIFY2(parsed["defects"].empty(), parsed["defects"].dump().c_str());
        QCOMPARE(parsed["structure"].get<std::string>(),
                 std::string("multipart/mixed(multipart/alternative(text/plain,text/html),application/pdf,text/calendar)"));

        const auto& parts = parsed["parts"];
        QCOMPARE(parts.size(), std::size_t(4));
        for (const auto& part : parts) {
            QVERIFY2(part["encoded_max_line"].get<int>() <= 76, part.dump().c_str());
            if (part["content_type"] == "text/plain" || part["content_type"] == "text/html")
                QCOMPARE(part["params"]["charset"].get<std::string>(), std::string("utf-8"));
        }
        auto text = parts[0]["text"].get<std::string>();
        text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
        auto expectedText = mail.textBody;
        expectedText.erase(std::remove(expectedText.begin(), expectedText.end(), '\r'), expectedText.end());
        QCOMPARE(text, expectedText);
        QVERIFY(parts[1]["text"].get<std::string>().find("Grüße, <b>Zoë</b>") != std::string::npos);
        QCOMPARE(parts[2]["filename"].get<std::string>(), std::string("tickets-MQ-7K3F9X.pdf"));
        QCOMPARE(parts[2]["disposition"].get<std::string>(), std::string("attachment"));
        QCOMPARE(parts[2]["transfer_encoding"].get<std::string>(), std::string("base64"));
        QCOMPARE(parts[2]["sha256"].get<std::string>(), sha256Hex(pdf));
        QCOMPARE(parts[3]["filename"].get<std::string>(), std::string("invitation.ics"));
        QCOMPARE(parts[3]["params"]["method"].get<std::string>(), std::string("REQUEST"));
        QCOMPARE(parts[3]["sha256"].get<std::string>(), sha256Hex(ics));
    }

    // SMTP down: the mail stays pending with a backed-off retry and is sent once the server is
    // back; the Message-ID is the one made at enqueue.
    void smtpDownThenBack() {
        test::TestDatabase db;
        auto conn = db.connect();
        test::SmtpTestServer smtpServer;
        QString error;
        QVERIFY2(smtpServer.start(&error), qPrintable(error));
        smtpServer.stop(); // the port is known and refuses connections now

        const auto id = enqueue(*conn, simpleMail("down-then-back"));
        const auto messageId = outboxRow(*conn, id).messageId;
        MailWorker worker(db.connectionString(), smtpAt(smtpServer.url()), quickOptions());
        auto counts = worker.deliverDue(*conn);
        QCOMPARE(counts.retried, std::size_t(1));
        auto row = outboxRow(*conn, id);
        QCOMPARE(row.status, std::string("pending"));
        QCOMPARE(row.attempts, 1);
        QVERIFY2(!row.lastError.empty(), row.lastError.c_str());
        // First retry: between half and all of retryBase (60 s) from now.
        QVERIFY2(row.dueInSeconds > 25 && row.dueInSeconds <= 60, std::to_string(row.dueInSeconds).c_str());
        QCOMPARE(worker.deliverDue(*conn).attempted(), std::size_t(0)); // not due yet

        QVERIFY2(smtpServer.start(&error), qPrintable(error));
        makeDue(*conn, id);
        counts = worker.deliverDue(*conn);
        QCOMPARE(counts.sent, std::size_t(1));
        row = outboxRow(*conn, id);
        QCOMPARE(row.status, std::string("sent"));
        QCOMPARE(row.attempts, 2);
        QVERIFY(smtpServer.waitFor([&](const auto& mails) { return countWithId(mails, messageId) == 1; }));
    }

    // The same with the worker's own thread: NOTIFY wakes it, the retry timer brings it back.
    void workerThreadRetriesUntilTheServerIsBack() {
        test::TestDatabase db;
        auto conn = db.connect();
        test::SmtpTestServer smtpServer;
        QString error;
        QVERIFY2(smtpServer.start(&error), qPrintable(error));
        smtpServer.stop();

        auto options = quickOptions();
        options.retryBase = std::chrono::milliseconds(200);
        options.retryMax = std::chrono::milliseconds(400);
        MailWorker worker(db.connectionString(), smtpAt(smtpServer.url()), options);
        worker.start();
        const auto id = enqueue(*conn, simpleMail("worker-thread"));
        const auto messageId = outboxRow(*conn, id).messageId;
        QTRY_VERIFY_WITH_TIMEOUT(outboxRow(*conn, id).attempts >= 2, 30'000);
        QCOMPARE(outboxRow(*conn, id).status, std::string("pending"));

        QVERIFY2(smtpServer.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(outboxRow(*conn, id).status, std::string("sent"), 30'000);
        QVERIFY(smtpServer.waitFor([&](const auto& mails) { return countWithId(mails, messageId) == 1; }));
        worker.stop();
    }

    // A crash between the server's 250 and recording it: the row stays 'sending'; once the claim
    // lapses another worker sends it again, with the same Message-ID, and then never again.
    void crashAfterAcceptResendsOnceWithTheSameMessageId() {
        test::TestDatabase db;
        auto conn = db.connect();
        test::SmtpTestServer smtpServer;
        QString error;
        QVERIFY2(smtpServer.start(&error), qPrintable(error));

        const auto id = enqueue(*conn, simpleMail("crash-after-accept"));
        const auto messageId = outboxRow(*conn, id).messageId;
        struct Crash {};
        auto crashing = quickOptions();
        crashing.afterAccepted = [](std::int64_t) { throw Crash{}; };
        {
            MailWorker dying(db.connectionString(), smtpAt(smtpServer.url()), crashing);
            QVERIFY_EXCEPTION_THROWN(dying.deliverDue(*conn), Crash);
        }
        QCOMPARE(outboxRow(*conn, id).status, std::string("sending"));
        QVERIFY(smtpServer.waitFor([&](const auto& mails) { return countWithId(mails, messageId) == 1; }));

        MailWorker survivor(db.connectionString(), smtpAt(smtpServer.url()), quickOptions());
        QCOMPARE(survivor.deliverDue(*conn).attempted(), std::size_t(0)); // still claimed
        makeDue(*conn, id);                                               // the claim lapses
        QCOMPARE(survivor.deliverDue(*conn).sent, std::size_t(1));
        QCOMPARE(outboxRow(*conn, id).status, std::string("sent"));
        QCOMPARE(survivor.deliverDue(*conn).attempted(), std::size_t(0));
        QVERIFY(smtpServer.waitFor([&](const auto& mails) { return countWithId(mails, messageId) == 2; }));
        const auto copies = smtpServer.messages();
        QCOMPARE(countWithId(copies, messageId), std::size_t(2));
        QCOMPARE(copies.size(), std::size_t(2));
        QCOMPARE(copies[0].raw, copies[1].raw); // byte for byte the same message
    }

    // stop() during an SMTP conversation (a server that never greets): the conversation is cut
    // short and every claimed mail goes back to pending at once, its attempt not counted.
    void stopReleasesClaimedMail() {
        test::TestDatabase db;
        auto conn = db.connect();
        // Connections complete in the listen backlog and then hear nothing.
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        QCOMPARE(::listen(listener, 16), 0);
        socklen_t length = sizeof address;
        QCOMPARE(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
        const auto url = "smtp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));

        const auto first = enqueue(*conn, simpleMail("stop-1"));
        const auto second = enqueue(*conn, simpleMail("stop-2"));
        auto smtp = smtpAt(url);
        smtp.timeout = std::chrono::minutes(5);
        auto options = quickOptions();
        options.claimFor = std::chrono::minutes(10);
        MailWorker worker(db.connectionString(), smtp, options);
        worker.start();
        QTRY_COMPARE_WITH_TIMEOUT(outboxRow(*conn, second).status, std::string("sending"), 30'000);
        worker.stop();
        ::close(listener);
        for (const auto id : {first, second}) {
            const auto row = outboxRow(*conn, id);
            QCOMPARE(row.status, std::string("pending"));
            QCOMPARE(row.attempts, 0);
            QVERIFY2(row.dueInSeconds <= 0, std::to_string(row.dueInSeconds).c_str());
        }
    }

    // 5xx: failed with the server's reply, never retried. 4xx: retried.
    void permanentAndTransientRefusals() {
        test::TestDatabase db;
        auto conn = db.connect();
        const auto rejected = enqueue(*conn, simpleMail("rejected", "nobody@reject.test"));
        const auto deferred = enqueue(*conn, simpleMail("deferred", "later@tempfail.test"));
        MailWorker worker(db.connectionString(), fixtureSmtp(), quickOptions());
        const auto counts = worker.deliverDue(*conn);
        QCOMPARE(counts.failed, std::size_t(1));
        QCOMPARE(counts.retried, std::size_t(1));
        const auto failed = outboxRow(*conn, rejected);
        QCOMPARE(failed.status, std::string("failed"));
        QVERIFY2(failed.lastError.rfind("550 5.1.1", 0) == 0, failed.lastError.c_str());
        const auto retried = outboxRow(*conn, deferred);
        QCOMPARE(retried.status, std::string("pending"));
        QVERIFY2(retried.lastError.rfind("451 4.3.0", 0) == 0, retried.lastError.c_str());
        makeDue(*conn, rejected);
        QCOMPARE(worker.deliverDue(*conn).attempted(), std::size_t(0)); // failed is final
    }

    // Out of attempts, a transient failure is final too.
    void givesUpAfterMaxAttempts() {
        test::TestDatabase db;
        auto conn = db.connect();
        const auto id = enqueue(*conn, simpleMail("give-up", "later@tempfail.test"));
        auto options = quickOptions();
        options.maxAttempts = 2;
        MailWorker worker(db.connectionString(), fixtureSmtp(), options);
        QCOMPARE(worker.deliverDue(*conn).retried, std::size_t(1));
        makeDue(*conn, id);
        QCOMPARE(worker.deliverDue(*conn).failed, std::size_t(1));
        const auto row = outboxRow(*conn, id);
        QCOMPARE(row.status, std::string("failed"));
        QVERIFY2(row.lastError.rfind("gave up after 2 attempts: 451", 0) == 0, row.lastError.c_str());
    }

    // STARTTLS is used when offered even when not required; AUTH over it; required TLS with a
    // server that offers none, and a wrong password, are retried (configuration, not the mail).
    void startTlsAndAuth() {
        test::TestDatabase db;
        auto conn = db.connect();
        test::SmtpTestServer tlsServer({.tls = true, .requireTls = true, .auth = "mailer:s3cret"});
        test::SmtpTestServer plainServer;
        QString error;
        QVERIFY2(tlsServer.start(&error), qPrintable(error));
        QVERIFY2(plainServer.start(&error), qPrintable(error));

        auto good = smtpAt(tlsServer.url());
        good.caFile = tlsServer.caFile();
        good.user = "mailer";
        good.password = "s3cret";
        const auto sentId = enqueue(*conn, simpleMail("tls-auth"));
        QCOMPARE(MailWorker(db.connectionString(), good, quickOptions()).deliverDue(*conn).sent, std::size_t(1));
        const auto messageId = outboxRow(*conn, sentId).messageId;
        QVERIFY(tlsServer.waitFor([&](const auto& mails) { return countWithId(mails, messageId) == 1; }));
        const auto mail = tlsServer.messages().front();
        QCOMPARE(mail.envelope["tls"].get<bool>(), true);
        QCOMPARE(mail.envelope["auth_user"].get<std::string>(), std::string("mailer"));

        auto wrongPassword = good;
        wrongPassword.password = "wrong";
        const auto deniedId = enqueue(*conn, simpleMail("tls-auth-denied"));
        QCOMPARE(MailWorker(db.connectionString(), wrongPassword, quickOptions()).deliverDue(*conn).retried,
                 std::size_t(1));
        QCOMPARE(outboxRow(*conn, deniedId).status, std::string("pending"));

        auto untrusted = good; // the test certificate is not in the system's store
        untrusted.caFile.clear();
        makeDue(*conn, deniedId);
        QCOMPARE(MailWorker(db.connectionString(), untrusted, quickOptions()).deliverDue(*conn).retried,
                 std::size_t(1));

        auto requireTls = smtpAt(plainServer.url());
        requireTls.requireTls = true;
        makeDue(*conn, deniedId);
        QCOMPARE(MailWorker(db.connectionString(), requireTls, quickOptions()).deliverDue(*conn).retried,
                 std::size_t(1));
        QVERIFY(plainServer.messages().empty());
        QCOMPARE(tlsServer.messages().size(), std::size_t(1));
    }

    // A dedup key already in the outbox: same id, nothing changes (also within one transaction).
    void dedupKeyMakesARepeatANoOp() {
        test::TestDatabase db;
        auto conn = db.connect();
        const auto first = enqueue(*conn, simpleMail("dedup"));
        const auto before = outboxRow(*conn, first);
        auto changed = simpleMail("dedup");
        changed.subject = "Something else";
        QCOMPARE(enqueue(*conn, changed), first);
        {
            pqxx::work tx(*conn);
            QCOMPARE(server::mail::enqueueMail(tx, changed), first);
            const auto second = server::mail::enqueueMail(tx, simpleMail("dedup-2"));
            QCOMPARE(server::mail::enqueueMail(tx, simpleMail("dedup-2")), second);
            tx.commit();
        }
        pqxx::read_transaction tx(*conn);
        QCOMPARE(tx.exec1("SELECT count(*) FROM mail_outbox")[0].as<int>(), 2);
        QCOMPARE(tx.exec_params1("SELECT subject FROM mail_outbox WHERE id = $1", first)[0].as<std::string>(),
                 std::string("Hello dedup"));
        QCOMPARE(tx.exec_params1("SELECT message_id FROM mail_outbox WHERE id = $1", first)[0].as<std::string>(),
                 before.messageId);
    }

    // Bad input is refused before anything is written; header injection cannot happen.
    void badInputIsRefused() {
        test::TestDatabase db;
        auto conn = db.connect();
        for (const std::string to : {"", "no-at-sign", "@example.org", "a@", "a b@example.org",
                                     "a@example.org\r\nBcc: victim@example.org", "<a@example.org>", "a@b@c"}) {
            pqxx::work tx(*conn);
            QVERIFY_EXCEPTION_THROWN(server::mail::enqueueMail(tx, simpleMail("bad", to)), std::invalid_argument);
        }
        auto noKey = simpleMail("");
        pqxx::work tx(*conn);
        QVERIFY_EXCEPTION_THROWN(server::mail::enqueueMail(tx, noKey), std::invalid_argument);
        QCOMPARE(tx.exec1("SELECT count(*) FROM mail_outbox")[0].as<int>(), 0);

        // A subject or name with CR LF stays inside its (encoded) header.
        auto sneaky = simpleMail("sneaky");
        sneaky.subject = "Hi\r\nBcc: victim@example.org";
        sneaky.toName = "Eve\r\nBcc: victim@example.org";
        const auto mime = server::mail::composeMime(server::mail::mailSender(), sneaky, "<x@marquee.test>",
                                                    std::chrono::system_clock::now());
        QVERIFY2(mime.find("\r\nBcc:") == std::string::npos, mime.c_str());
    }

    void senderParsing() {
        using server::mail::parseMailSender;
        const auto plain = parseMailSender("Marquee <tickets@marquee.local>");
        QVERIFY(plain);
        QCOMPARE(plain->name, std::string("Marquee"));
        QCOMPARE(plain->address, std::string("tickets@marquee.local"));
        QCOMPARE(plain->domain(), std::string("marquee.local"));
        const auto quoted = parseMailSender("\"Box Office, Hall 1\" <bo@example.org>");
        QVERIFY(quoted);
        QCOMPARE(quoted->name, std::string("Box Office, Hall 1"));
        const auto bare = parseMailSender("bo@example.org");
        QVERIFY(bare);
        QCOMPARE(bare->name, std::string());
        QVERIFY(!parseMailSender(""));
        QVERIFY(!parseMailSender("not an address"));
        QVERIFY(!parseMailSender("a@example.org, b@example.org"));
    }

    void retryDelaysBackOffWithJitter() {
        MailWorkerOptions options;
        options.retryBase = std::chrono::seconds(30);
        options.retryMax = std::chrono::hours(1);
        using server::mail::retryDelay;
        using std::chrono::milliseconds;
        QCOMPARE(retryDelay(1, options, 0.0), milliseconds(15'000));
        QCOMPARE(retryDelay(1, options, 1.0), milliseconds(30'000));
        QCOMPARE(retryDelay(3, options, 1.0), milliseconds(120'000));
        QCOMPARE(retryDelay(3, options, 0.5), milliseconds(90'000));
        QCOMPARE(retryDelay(10, options, 1.0), milliseconds(3'600'000)); // capped
        QCOMPARE(retryDelay(1000, options, 0.0), milliseconds(1'800'000));
    }
};

QTEST_GUILESS_MAIN(TestMail)
#include "test_mail.moc"
