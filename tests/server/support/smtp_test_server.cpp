// SmtpTestServer, SmtpFixture and the maildir readers (see smtp_test_server.hpp).
#include "smtp_test_server.hpp"

#include <QDir>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace marquee::test {

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string fixtureDir() {
    const char* dir = std::getenv("MARQUEE_TEST_SMTP_DIR");
    return dir != nullptr ? dir : "";
}

QString python() { return QStringLiteral("/usr/bin/python3"); }

} // namespace

std::string ReceivedMail::header(const std::string& name) const {
    const auto headEnd = raw.find("\r\n\r\n");
    const auto head = raw.substr(0, headEnd);
    std::string lowerName = name + ":";
    std::transform(lowerName.begin(), lowerName.end(), lowerName.begin(), [](unsigned char c) { return std::tolower(c); });
    std::size_t pos = 0;
    while (pos < head.size()) {
        auto end = head.find("\r\n", pos);
        if (end == std::string::npos) end = head.size();
        std::string line = head.substr(pos, end - pos);
        std::string lower = line.substr(0, lowerName.size());
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower == lowerName) {
            std::string value = line.substr(lowerName.size());
            // Folded continuation lines start with white space.
            while (end + 2 < head.size() && (head[end + 2] == ' ' || head[end + 2] == '\t')) {
                const auto next = head.find("\r\n", end + 2);
                value += head.substr(end + 2, (next == std::string::npos ? head.size() : next) - end - 2);
                end = next == std::string::npos ? head.size() : next;
            }
            const auto first = value.find_first_not_of(" \t");
            return first == std::string::npos ? "" : value.substr(first);
        }
        pos = end + 2;
    }
    return {};
}

std::vector<ReceivedMail> readMaildir(const std::string& mailDir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(mailDir, ec))
        if (entry.path().extension() == ".eml") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end()); // names start with the arrival number
    std::vector<ReceivedMail> mails;
    for (const auto& path : files) {
        ReceivedMail mail;
        mail.path = path;
        mail.raw = readFile(path);
        const auto meta = path.substr(0, path.size() - 4) + ".json"; // written before the .eml
        mail.envelope = nlohmann::json::parse(readFile(meta), nullptr, false);
        mails.push_back(std::move(mail));
    }
    return mails;
}

nlohmann::json inspectMail(const std::string& emlPath) {
    QProcess process;
    process.start(python(), {SmtpTestServer::scriptPath().replace(QStringLiteral("smtp_server.py"),
                                                                 QStringLiteral("inspect_mail.py")),
                             QString::fromStdString(emlPath)});
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        throw std::runtime_error("inspect_mail.py failed: " + process.readAllStandardError().toStdString());
    return nlohmann::json::parse(process.readAllStandardOutput().toStdString());
}

bool waitForMail(const std::function<std::vector<ReceivedMail>()>& read,
                 const std::function<bool(const std::vector<ReceivedMail>&)>& done, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (done(read())) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        QThread::msleep(20);
    }
}

SmtpTestServer::SmtpTestServer() : SmtpTestServer(Options{}) {}

SmtpTestServer::SmtpTestServer(Options options) : m_options(std::move(options)) {}

SmtpTestServer::~SmtpTestServer() { stop(); }

QString SmtpTestServer::scriptPath() { return QStringLiteral(MARQUEE_SMTP_SCRIPT_DIR "/smtp_server.py"); }

bool SmtpTestServer::start(QString* error) {
    if (isRunning()) return true;
    QFile::remove(m_dir.filePath(QStringLiteral("port")));
    QStringList args{scriptPath(), QStringLiteral("--dir"), m_dir.path(), QStringLiteral("--port"),
                     QString::number(m_port)};
    if (m_options.tls) args << QStringLiteral("--tls");
    if (m_options.requireTls) args << QStringLiteral("--require-tls");
    if (!m_options.auth.empty()) args << QStringLiteral("--auth") << QString::fromStdString(m_options.auth);
    if (m_options.hangFirstQuit) args << QStringLiteral("--hang-first-quit");
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(python(), args);
    if (!m_process->waitForStarted(10'000)) {
        if (error) *error = QStringLiteral("cannot start ") + python() + QStringLiteral(": ") + m_process->errorString();
        return false;
    }
    // Listening once the port file exists (written after the socket is bound).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    QFile portFile(m_dir.filePath(QStringLiteral("port")));
    while (!portFile.exists()) {
        if (m_process->state() != QProcess::Running || std::chrono::steady_clock::now() >= deadline) {
            if (error) *error = QStringLiteral("the SMTP test server did not start");
            return false;
        }
        m_process->waitForFinished(20);
    }
    if (!portFile.open(QIODevice::ReadOnly)) return false;
    m_port = static_cast<quint16>(QString::fromUtf8(portFile.readAll()).trimmed().toUInt());
    return m_port != 0;
}

void SmtpTestServer::stop() {
    if (!m_process || m_process->state() == QProcess::NotRunning) return;
    m_process->terminate();
    if (!m_process->waitForFinished(10'000)) {
        m_process->kill();
        m_process->waitForFinished(5'000);
    }
}

bool SmtpTestServer::isRunning() const { return m_process && m_process->state() == QProcess::Running; }

std::string SmtpTestServer::url() const { return "smtp://127.0.0.1:" + std::to_string(m_port); }
std::string SmtpTestServer::caFile() const { return m_dir.filePath(QStringLiteral("cert.pem")).toStdString(); }
std::string SmtpTestServer::mailDir() const { return m_dir.filePath(QStringLiteral("mail")).toStdString(); }

bool SmtpTestServer::waitFor(const std::function<bool(const std::vector<ReceivedMail>&)>& done,
                             std::chrono::milliseconds timeout) const {
    return waitForMail([this] { return messages(); }, done, timeout);
}

bool SmtpFixture::available() { return !fixtureDir().empty() && std::filesystem::exists(fixtureDir() + "/url"); }

std::string SmtpFixture::url() {
    auto url = readFile(fixtureDir() + "/url");
    while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
    return url;
}

std::string SmtpFixture::caFile() { return fixtureDir() + "/cert.pem"; }
std::string SmtpFixture::mailDir() { return fixtureDir() + "/mail"; }

} // namespace marquee::test
