// A real SMTP server for the mail tests (tests/smtp/smtp_server.py on python3-aiosmtpd): the
// shared one the CTest "smtp" fixture runs (STARTTLS offered), or one of a test's own that it
// can stop and start again on the same port (SMTP down). Received mail is read from its
// directory; inspectMail() parses a message with Python's email package.
//
//     marquee_add_test(NAME ... SMTP POSTGRES)  // SMTP: the fixture runs, $MARQUEE_TEST_SMTP_DIR set
//     marquee::test::SmtpTestServer smtp({.tls = true});
//     QVERIFY(smtp.start(&error));
//     smtp.waitFor([&](const auto& mails) { return mails.size() == 1; });
#pragma once

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace marquee::test {

struct ReceivedMail {
    std::string path;              // the .eml file
    std::string raw;               // the message as the server received it (CRLF)
    nlohmann::json envelope;       // mail_from, rcpt_tos, tls, auth_user
    std::string header(const std::string& name) const; // first such header, unfolded, raw; "" if none
    std::string messageId() const { return header("Message-ID"); }
};

// Every message in `mailDir`, in arrival order.
std::vector<ReceivedMail> readMaildir(const std::string& mailDir);
// tests/smtp/inspect_mail.py on `emlPath`; throws std::runtime_error when it fails.
nlohmann::json inspectMail(const std::string& emlPath);

// Polls `read` until `done` holds for what it returns, up to `timeout`; true if it did.
bool waitForMail(const std::function<std::vector<ReceivedMail>()>& read,
                 const std::function<bool(const std::vector<ReceivedMail>&)>& done,
                 std::chrono::milliseconds timeout = std::chrono::seconds(30));

class SmtpTestServer {
public:
    struct Options {
        bool tls = false;            // offer STARTTLS (certificate made at start, caFile())
        bool requireTls = false;     // refuse MAIL before STARTTLS
        std::string auth;            // "user:password": AUTH required
        bool hangFirstQuit = false;  // never answer the first QUIT
    };

    SmtpTestServer();
    explicit SmtpTestServer(Options options);
    ~SmtpTestServer();
    SmtpTestServer(const SmtpTestServer&) = delete;
    SmtpTestServer& operator=(const SmtpTestServer&) = delete;

    // The first start picks a free port; after stop() it listens on the same port again.
    bool start(QString* error);
    // SIGTERM and wait: connections are refused from now on.
    void stop();
    bool isRunning() const;

    std::string url() const;       // smtp://127.0.0.1:PORT
    std::string caFile() const;    // the certificate to trust (with tls)
    std::string mailDir() const;
    std::vector<ReceivedMail> messages() const { return readMaildir(mailDir()); }
    bool waitFor(const std::function<bool(const std::vector<ReceivedMail>&)>& done,
                 std::chrono::milliseconds timeout = std::chrono::seconds(30)) const;

    static QString scriptPath();

private:
    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

// The CTest "smtp" fixture's server (STARTTLS offered): available() only under ctest.
struct SmtpFixture {
    static bool available();
    static std::string url();
    static std::string caFile();
    static std::string mailDir();
    static std::vector<ReceivedMail> messages() { return readMaildir(mailDir()); }
};

} // namespace marquee::test
