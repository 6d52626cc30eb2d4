// One SMTP submission over libcurl: STARTTLS when the server offers it (required with
// smtps:// or requireTls), optional AUTH, bounded by timeouts, and the outcome classified the
// way the outbox needs it: accepted, try again later (4xx, no connection), or never (5xx).
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace marquee::server::mail {

struct SmtpSettings {
    std::string url;               // smtp://host[:port] or smtps://host[:port]; empty: mail disabled
    std::string user;              // AUTH when set
    std::string password;
    bool requireTls = false;       // refuse to send unless STARTTLS succeeds (smtps:// is always TLS)
    std::string caFile;            // CA bundle to trust instead of the system's (a private CA)
    std::string heloName = "localhost";  // the name given in EHLO
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds timeout{60'000};   // the whole conversation
};

struct SmtpResult {
    enum class Outcome { Accepted, Transient, Permanent };
    Outcome outcome = Outcome::Transient;
    long replyCode = 0;            // the deciding SMTP reply (0: none, e.g. connection refused)
    std::string detail;            // that reply's text, or what went wrong without one
};

// Sends `mime` (CRLF line ends) from `envelopeFrom` to `recipient` on a fresh connection that
// is closed with QUIT. `cancelled` is polled during the conversation (shutdown); a cancelled
// send is Transient. Never throws for SMTP or network failures.
SmtpResult sendSmtp(const SmtpSettings& settings, const std::string& envelopeFrom, const std::string& recipient,
                    const std::string& mime, const std::function<bool()>& cancelled = {});

const char* outcomeName(SmtpResult::Outcome outcome);

} // namespace marquee::server::mail
