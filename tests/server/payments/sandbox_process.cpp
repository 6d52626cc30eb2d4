// The payment sandbox as a child process of a test (see sandbox_process.hpp).
#include "sandbox_process.hpp"

#include "payments/form_encoding.hpp"

#include <QDeadlineTimer>
#include <QFile>

namespace marquee::testing {

SandboxProcess::~SandboxProcess() { stop(); }

bool SandboxProcess::start(QString* error, const QStringList& extraArgs) {
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString portFile = m_dir.filePath(QStringLiteral("sandbox.port"));
    QFile::remove(portFile);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardErrorFile(m_dir.filePath(QStringLiteral("sandbox.log")));
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--port-file"), portFile,
                     QStringLiteral("--secret-key"), QString::fromLatin1(kSecretKey),
                     QStringLiteral("--publishable-key"), QString::fromLatin1(kPublishableKey),
                     QStringLiteral("--webhook-secret"), QString::fromLatin1(kWebhookSecret),
                     QStringLiteral("--readers"), QStringLiteral("tmr_test_1,tmr_test_2"),
                     QStringLiteral("--webhook-retry-ms"), QStringLiteral("200")};
    args += extraArgs;
    m_process->start(QStringLiteral(MARQUEE_SANDBOX_BINARY), args);
    if (!m_process->waitForStarted(10'000)) {
        *error = QStringLiteral("cannot start the sandbox: ") + m_process->errorString();
        return false;
    }
    // The port file appears once the sandbox listens (written and renamed atomically).
    QDeadlineTimer deadline(20'000);
    while (!QFile::exists(portFile)) {
        if (m_process->state() != QProcess::Running || deadline.hasExpired()) {
            *error = QStringLiteral("the sandbox did not start: ") + log();
            return false;
        }
        m_process->waitForFinished(20); // returns at once when it exits; bounded poll of the file otherwise
    }
    QFile file(portFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the sandbox's port file");
        return false;
    }
    m_port = static_cast<unsigned short>(file.readAll().trimmed().toUInt());
    return m_port != 0;
}

void SandboxProcess::stop() {
    if (!m_process) return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10'000)) {
            m_process->kill();
            m_process->waitForFinished(5'000);
        }
    }
    m_process.reset();
}

QString SandboxProcess::log() const {
    QFile file(m_dir.filePath(QStringLiteral("sandbox.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

SandboxProcess::Reply SandboxProcess::call(const std::string& method, const std::string& path,
                                           const std::vector<std::pair<std::string, std::string>>& params,
                                           const std::string& auth, const std::string& idempotencyKey) const {
    payments::HttpRequest request;
    request.method = method;
    const auto encoded = payments::formEncode(params);
    if (method == "POST") {
        request.url = url() + path;
        request.body = encoded;
        request.headers.push_back("Content-Type: application/x-www-form-urlencoded");
    } else {
        request.url = url() + path + (encoded.empty() ? "" : "?" + encoded);
    }
    if (!auth.empty()) request.headers.push_back("Authorization: " + auth);
    if (!idempotencyKey.empty()) request.headers.push_back("Idempotency-Key: " + idempotencyKey);
    const auto response = m_http.send(request);
    Reply reply;
    reply.status = response.completed() ? response.status : 0;
    reply.headers = response.headers;
    reply.body = nlohmann::json::parse(response.body, nullptr, false);
    if (reply.body.is_discarded()) reply.body = nullptr;
    return reply;
}

SandboxProcess::Reply SandboxProcess::control(const std::string& method, const std::string& path,
                                              const std::vector<std::pair<std::string, std::string>>& params) const {
    return call(method, path, params);
}

std::string SandboxProcess::tokenise(const std::string& number, const std::string& cvc, int expMonth, int expYear) const {
    const auto reply = call("POST", "/v1/payment_methods",
                            {{"type", "card"},
                             {"card[number]", number},
                             {"card[exp_month]", std::to_string(expMonth)},
                             {"card[exp_year]", std::to_string(expYear)},
                             {"card[cvc]", cvc}},
                            std::string("Bearer ") + kPublishableKey);
    if (reply.status != 200 || !reply.body.is_object()) return {};
    return reply.body.value("id", "");
}

int SandboxProcess::authorizations(const std::string& orderId) const {
    const auto reply = control("GET", "/_sandbox/audit", {{"order_id", orderId}});
    if (reply.status != 200 || !reply.body.is_object()) return -1;
    return reply.body.value("authorizations", -1);
}

} // namespace marquee::testing
