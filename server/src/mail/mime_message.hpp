// RFC 5322 / MIME composition of an outbox mail (GMime): headers with RFC 2047 encoded words
// where needed, text + html as multipart/alternative, attachments base64 in multipart/mixed.
#pragma once

#include "mail/mail_outbox.hpp"

#include <chrono>
#include <string>

namespace marquee::server::mail {

// "<random-uuid@host>": made once per outbox row and kept for every resend.
std::string newMessageId(const std::string& host);

// The whole message with CRLF line ends, 7-bit clean (quoted-printable/base64 bodies), lines
// of at most 78 characters. `messageId` includes the angle brackets.
std::string composeMime(const MailSender& from, const OutgoingMail& mail, const std::string& messageId,
                        std::chrono::system_clock::time_point date);

} // namespace marquee::server::mail
