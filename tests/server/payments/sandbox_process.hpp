// Runs the real marquee-payment-sandbox for tests: a free port, the keys and webhook secret
// below, and helpers for its /_sandbox/ control endpoints and for tokenising a card the way
// a client does (with the publishable key, straight at the provider).
#pragma once

#include "payments/http_client.hpp"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace marquee::testing {

namespace payments = marquee::server::payments;

class SandboxProcess {
public:
    static constexpr const char* kSecretKey = "sk_test_marquee_tests_0123456789";
    static constexpr const char* kPublishableKey = "pk_test_marquee_tests_0123456789";
    static constexpr const char* kWebhookSecret = "whsec_marquee_tests_0123456789";
    static constexpr const char* kReader = "tmr_test_1";

    SandboxProcess() = default;
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess&) = delete;
    SandboxProcess& operator=(const SandboxProcess&) = delete;

    // Starts the sandbox (readers tmr_test_1, tmr_test_2; fast webhook retries) and waits
    // until it listens. extraArgs: e.g. {"--webhook-url", url}.
    bool start(QString* error, const QStringList& extraArgs = {});
    void stop();
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    QString log() const;

    struct Reply {
        long status = 0;
        nlohmann::json body;
        std::map<std::string, std::string> headers;
    };
    // Raw calls: `auth` is the full Authorization value ("" for none).
    Reply call(const std::string& method, const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& params = {}, const std::string& auth = {},
               const std::string& idempotencyKey = {}) const;
    Reply control(const std::string& method, const std::string& path,
                  const std::vector<std::pair<std::string, std::string>>& params = {}) const;
    // Tokenises a card with the publishable key; returns the "pm_…" id or "" (see lastReply).
    std::string tokenise(const std::string& number, const std::string& cvc = "123", int expMonth = 12,
                         int expYear = 2034) const;
    // The audit's authorizations for an order (approved card authorizations and terminal payments).
    int authorizations(const std::string& orderId) const;

private:
    std::unique_ptr<QProcess> m_process;
    QTemporaryDir m_dir;
    unsigned short m_port = 0;
    payments::HttpClient m_http{payments::HttpClient::Options{std::chrono::seconds(30), std::chrono::seconds(3), 4 << 20,
                                                              "marquee-tests"}};
};

} // namespace marquee::testing
