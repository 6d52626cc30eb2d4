// The mail outbox (DESIGN.md §6): mail is composed and stored in the transaction that decides
// to send it, and the mail worker (mail/mail_worker) sends it later with retries. A message
// keeps one Message-ID for life, so a resend after a crash is recognisably the same message.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::server::mail {

struct Attachment {
    std::string fileName;          // "tickets-MQ-7K3F9X.pdf", "event.ics"
    std::string mimeType;          // "application/pdf", "text/calendar; method=REQUEST"
    std::string data;              // raw bytes
};

struct OutgoingMail {
    std::string dedupKey;          // "order-confirmation:<order id>": enqueuing it again is a no-op
    std::string kind;              // order_confirmation, order_cancelled, event_cancelled, waitlist_offer, ...
    std::string toAddress;
    std::string toName;
    std::string subject;
    std::string textBody;          // text/plain, UTF-8
    std::string htmlBody;          // optional text/html alternative
    std::vector<Attachment> attachments;
    // For mails a user opted into: the one-click unsubscribe URL (mail/unsubscribe.hpp), sent
    // as List-Unsubscribe with List-Unsubscribe-Post (RFC 2369, RFC 8058).
    std::string listUnsubscribeUrl;
};

// Who mail is from (--mail-from) and the host part of its Message-IDs (the sender's domain).
struct MailSender {
    std::string name;              // "Marquee"; may be non-ASCII (RFC 2047-encoded in the header)
    std::string address;           // "tickets@marquee.local"
    std::string domain() const;    // "marquee.local"
};

// Parses "Marquee <tickets@marquee.local>", "\"Box Office, Hall 1\" <bo@x.org>" or a bare
// address; nullopt unless there is exactly one plausible address (local@domain, no spaces).
std::optional<MailSender> parseMailSender(std::string_view text);
// The process-wide sender, set once at start-up (before any mail is enqueued or sent).
// Default: "Marquee <marquee@HOSTNAME>".
void setMailSender(MailSender sender);
MailSender mailSender();

// The NOTIFY channel enqueueMail signals at commit; the mail worker LISTENs on it.
inline constexpr const char* kMailChannel = "marquee_mail";

// Composes the RFC 5322/MIME message (From: the configured sender, a new stable Message-ID)
// and inserts it into mail_outbox inside `tx`; NOTIFYs the mail worker at commit. Returns the
// outbox id; with an existing dedupKey, returns that row's id and changes nothing.
// Throws std::invalid_argument for a mail without dedup key, kind or a plausible recipient.
std::int64_t enqueueMail(pqxx::transaction_base& tx, const OutgoingMail& mail);

} // namespace marquee::server::mail
