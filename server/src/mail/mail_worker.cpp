// MailWorker (see mail_worker.hpp): claim in one short transaction, SMTP with none open,
// one short transaction per outcome. A row's `attempts` doubles as the claim token, so an
// outcome recorded after the claim lapsed (and another instance took the row) changes nothing.
#include "mail/mail_worker.hpp"

#include "common/log.hpp"
#include "db/session_settings.hpp"
#include "mail/mail_outbox.hpp"
#include "services/api_internal.hpp"
#include "workers/wake_receiver.hpp"

#include <pqxx/pqxx>

#include <algorithm>
#include <cmath>
#include <random>

namespace marquee::server::mail {

namespace {

using detail::Statement;

// Rows whose claim lapsed ('sending', next_attempt_at = claimed_until in the past) are due
// again: their worker died mid-send.
constexpr Statement kClaimDue{
    "mail_claim_due",
    "WITH due AS (SELECT id FROM mail_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= now() "
    "ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) "
    "UPDATE mail_outbox m SET status = 'sending', attempts = m.attempts + 1, "
    "claimed_until = now() + make_interval(secs => $2), next_attempt_at = now() + make_interval(secs => $2) "
    "FROM due WHERE m.id = due.id "
    "RETURNING m.id, m.recipient, m.message_id, m.kind, m.attempts, m.mime"};
constexpr Statement kMarkSent{
    "mail_mark_sent",
    "UPDATE mail_outbox SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = '' "
    "WHERE id = $1 AND status = 'sending' AND attempts = $2"};
constexpr Statement kMarkRetry{
    "mail_mark_retry",
    "UPDATE mail_outbox SET status = 'pending', claimed_until = NULL, "
    "next_attempt_at = now() + make_interval(secs => $3), last_error = $4 "
    "WHERE id = $1 AND status = 'sending' AND attempts = $2"};
constexpr Statement kMarkFailed{
    "mail_mark_failed",
    "UPDATE mail_outbox SET status = 'failed', claimed_until = NULL, last_error = $3 "
    "WHERE id = $1 AND status = 'sending' AND attempts = $2"};
// A claimed mail this worker did not get to (it is stopping): due again at once, attempt not counted.
constexpr Statement kReleaseClaim{
    "mail_release_claim",
    "UPDATE mail_outbox SET status = 'pending', claimed_until = NULL, next_attempt_at = now(), "
    "attempts = attempts - 1 WHERE id = $1 AND status = 'sending' AND attempts = $2"};
constexpr Statement kNextDue{
    "mail_next_due",
    "SELECT extract(epoch FROM min(next_attempt_at) - now()) FROM mail_outbox WHERE status IN ('pending', 'sending')"};

struct ClaimedMail {
    std::int64_t id = 0;
    std::string recipient;
    std::string messageId;
    std::string kind;
    int attempts = 0;
    std::string mime;
};

std::vector<ClaimedMail> claimDue(pqxx::connection& conn, const MailWorkerOptions& options) {
    pqxx::work tx(conn);
    const auto rows = detail::exec(tx, kClaimDue, static_cast<long>(options.batchSize),
                                   static_cast<double>(options.claimFor.count()));
    std::vector<ClaimedMail> claimed;
    claimed.reserve(rows.size());
    for (const auto& row : rows) {
        ClaimedMail mail{row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
                         row[3].as<std::string>(), row[4].as<int>(), {}};
        detail::appendBytea(row[5], mail.mime);
        claimed.push_back(std::move(mail));
    }
    tx.commit();
    return claimed;
}

template <typename... Args>
void record(pqxx::connection& conn, const Statement& statement, Args&&... args) {
    pqxx::work tx(conn);
    detail::exec(tx, statement, std::forward<Args>(args)...);
    tx.commit();
}

double jitterUnit() {
    thread_local std::mt19937_64 generator{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

} // namespace

std::chrono::milliseconds retryDelay(int attempts, const MailWorkerOptions& options, double unit) {
    const auto exponent = std::clamp(attempts - 1, 0, 40);
    const double full = std::min(static_cast<double>(options.retryBase.count()) * std::ldexp(1.0, exponent),
                                 static_cast<double>(options.retryMax.count()));
    // "Equal jitter": at least half the delay, so retries never bunch up near zero.
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(full / 2 + full / 2 * unit)));
}

MailWorker::MailWorker(std::string connectionString, SmtpSettings smtp, MailWorkerOptions options,
                       OutcomeCallback onOutcome)
    : m_connectionString(std::move(connectionString)), m_smtp(std::move(smtp)), m_options(std::move(options)),
      m_onOutcome(std::move(onOutcome)) {
    // CURLOPT_TIMEOUT bounds the whole conversation, connecting included.
    const auto smtpBound = std::chrono::ceil<std::chrono::seconds>(m_smtp.timeout);
    if (m_options.claimFor <= smtpBound) {
        m_options.claimFor = smtpBound + std::chrono::seconds(1);
        log::warn("mail claim time raised above the SMTP timeout", {{"claim_seconds", m_options.claimFor.count()}});
    }
}

MailWorker::~MailWorker() { stop(); }

void MailWorker::start() {
    m_loop.start([this] { run(); });
}

void MailWorker::stop() { m_loop.stop(); }

MailWorker::Counts MailWorker::deliverDue(pqxx::connection& conn) {
    Counts counts;
    const auto envelopeFrom = mailSender().address;
    auto claimed = claimDue(conn, m_options);
    for (std::size_t i = 0; i < claimed.size(); ++i) {
        auto& mail = claimed[i];
        if (m_loop.stopping()) {
            // The rest of the batch goes back now instead of waiting for its claim to lapse.
            for (; i < claimed.size(); ++i) record(conn, kReleaseClaim, claimed[i].id, claimed[i].attempts);
            break;
        }
        const auto result = sendSmtp(m_smtp, envelopeFrom, mail.recipient, mail.mime, [this] { return m_loop.stopping(); });
        if (result.outcome == SmtpResult::Outcome::Transient && m_loop.stopping()) {
            // Cut short by stop(): not the mail's fault, so no backoff; the loop releases the rest.
            record(conn, kReleaseClaim, mail.id, mail.attempts);
            continue;
        }
        const nlohmann::json fields{{"outbox_id", mail.id},   {"kind", mail.kind},       {"message_id", mail.messageId},
                                    {"attempt", mail.attempts}, {"reply_code", result.replyCode}};
        switch (result.outcome) {
        case SmtpResult::Outcome::Accepted:
            if (m_options.afterAccepted) m_options.afterAccepted(mail.id);
            record(conn, kMarkSent, mail.id, mail.attempts);
            log::info("mail sent", fields);
            ++counts.sent;
            break;
        case SmtpResult::Outcome::Transient:
            if (mail.attempts < m_options.maxAttempts) {
                const auto delay = retryDelay(mail.attempts, m_options, jitterUnit());
                record(conn, kMarkRetry, mail.id, mail.attempts, static_cast<double>(delay.count()) / 1000.0,
                       result.detail);
                auto retryFields = fields;
                retryFields["error"] = result.detail;
                retryFields["retry_in_ms"] = delay.count();
                log::warn("mail not sent; will retry", retryFields);
                ++counts.retried;
                break;
            }
            [[fallthrough]]; // out of attempts: as final as a 5xx
        case SmtpResult::Outcome::Permanent: {
            const auto reason = result.outcome == SmtpResult::Outcome::Permanent
                                    ? result.detail
                                    : "gave up after " + std::to_string(mail.attempts) + " attempts: " + result.detail;
            record(conn, kMarkFailed, mail.id, mail.attempts, reason);
            auto failedFields = fields;
            failedFields["error"] = reason;
            log::error("mail failed permanently", failedFields);
            ++counts.failed;
            break;
        }
        }
        if (m_onOutcome) m_onOutcome(result.outcome);
    }
    return counts;
}

std::chrono::milliseconds MailWorker::timeUntilDue(pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    const auto row = detail::exec(tx, kNextDue).at(0);
    if (row[0].is_null()) return m_options.idlePoll;
    const auto ms = static_cast<std::int64_t>(std::ceil(row[0].as<double>() * 1000.0));
    return std::clamp(std::chrono::milliseconds(ms), std::chrono::milliseconds(0), m_options.idlePoll);
}

void MailWorker::run() {
    using namespace std::chrono_literals;
    m_loop.runConnected(m_connectionString, "mail worker", [&](pqxx::connection& conn) {
        db::applySessionLimits(conn);
        workers::WakeReceiver wake(conn, kMailChannel);
        while (!m_loop.stopping()) {
            const auto counts = deliverDue(conn);
            // A full batch may mean more are due: go again without waiting.
            if (counts.attempted() >= m_options.batchSize) continue;
            // Waits in slices so that stop() is prompt; a NOTIFY (new mail) ends the wait. A
            // due row that could not be claimed is another instance's for a moment: no spinning.
            auto remaining = timeUntilDue(conn);
            if (counts.attempted() == 0) remaining = std::max<std::chrono::milliseconds>(remaining, 100ms);
            while (remaining > 0ms && !m_loop.stopping()) {
                const auto slice = std::min<std::chrono::milliseconds>(remaining, 250ms);
                const auto us = std::chrono::duration_cast<std::chrono::microseconds>(slice).count();
                if (conn.await_notification(static_cast<long>(us / 1'000'000), static_cast<long>(us % 1'000'000)) > 0)
                    break;
                if (!conn.is_open()) throw pqxx::broken_connection("mail worker connection closed");
                remaining -= slice;
            }
        }
    });
}

} // namespace marquee::server::mail
