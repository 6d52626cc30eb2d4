// The mail worker: sends the outbox over SMTP (docs/mail.md). It claims due rows with FOR
// UPDATE SKIP LOCKED in a short transaction (status 'sending' until a claim deadline), talks
// SMTP with no transaction open, then records the outcome; so every instance can run one. A
// crash after the server accepted a message leaves the row 'sending': once the claim lapses it
// is sent again, with the same Message-ID (at most one duplicate per crash).
#pragma once

#include "mail/smtp_client.hpp"
#include "workers/background_loop.hpp"

#include <pqxx/connection>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace marquee::server::mail {

struct MailWorkerOptions {
    std::size_t batchSize = 16;
    // How long a claimed row is ours; longer than the SMTP timeout, or a slow conversation
    // could be overtaken by another instance.
    std::chrono::seconds claimFor{300};
    // Without a NOTIFY, look for due mail at least this often.
    std::chrono::milliseconds idlePoll{30'000};
    // Retry n waits a random time in [d/2, d], d = retryBase * 2^(n-1) capped at retryMax.
    std::chrono::milliseconds retryBase{30'000};
    std::chrono::milliseconds retryMax{3'600'000};
    // After this many failed attempts a transient failure is final too (about a day by default).
    int maxAttempts = 30;
    // Called (tests only) after the SMTP server accepted a message and before it is marked sent.
    std::function<void(std::int64_t outboxId)> afterAccepted;
};

// Retry delay after `attempts` failed attempts (>= 1); `unit` in [0, 1) picks the jitter.
std::chrono::milliseconds retryDelay(int attempts, const MailWorkerOptions& options, double unit);

class MailWorker {
public:
    struct Counts {
        std::size_t sent = 0;
        std::size_t retried = 0;
        std::size_t failed = 0;
        std::size_t attempted() const { return sent + retried + failed; }
    };
    // Called after every attempt with its outcome (metrics).
    using OutcomeCallback = std::function<void(SmtpResult::Outcome)>;

    MailWorker(std::string connectionString, SmtpSettings smtp, MailWorkerOptions options = {},
               OutcomeCallback onOutcome = {});
    ~MailWorker();
    MailWorker(const MailWorker&) = delete;
    MailWorker& operator=(const MailWorker&) = delete;

    void start();
    void stop();

    // One round on `conn`: claims up to a batch of due rows, sends them and records each
    // outcome. The worker's thread calls it on wake-ups; tests call it directly.
    Counts deliverDue(pqxx::connection& conn);

private:
    void run();
    // Until the next row falls due, at most idlePoll.
    std::chrono::milliseconds timeUntilDue(pqxx::connection& conn);

    std::string m_connectionString;
    SmtpSettings m_smtp;
    MailWorkerOptions m_options;
    OutcomeCallback m_onOutcome;
    workers::BackgroundLoop m_loop;
};

} // namespace marquee::server::mail
