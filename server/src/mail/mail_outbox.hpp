// The mail outbox (DESIGN.md §6): mail is composed and stored in the transaction that decides
// to send it, and the mail worker (mail/smtp_worker) sends it later with retries. A message
// keeps one Message-ID for life, so a resend after a crash is recognisably the same message.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <string>
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
};

// Composes the RFC 5322/MIME message (From: the configured sender, a new stable Message-ID)
// and inserts it into mail_outbox inside `tx`; NOTIFYs the mail worker at commit. Returns the
// outbox id; with an existing dedupKey, returns that row's id and changes nothing.
std::int64_t enqueueMail(pqxx::transaction_base& tx, const OutgoingMail& mail);

} // namespace marquee::server::mail
