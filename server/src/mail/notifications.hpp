// The mails Marquee sends about orders and the waitlist, composed from the order itself and
// put in the outbox inside the caller's transaction (mail/mail_outbox.hpp). Each has a dedup
// key, so a replayed saga step or a retried transaction never mails twice.
#pragma once

#include "marquee/v1/order.pb.h"

#include <pqxx/pqxx>

#include <cstdint>
#include <string>

namespace marquee::server::mail {

// The saga's "mail" step: confirmation with the PDF tickets and an .ics invitation. The PDF
// has the order's valid tickets (read from the database when `order` carries none); throws
// std::invalid_argument when there are none.
void enqueueOrderConfirmation(pqxx::transaction_base& tx, const v1::Order& order);
// After a cancellation/refund (by the buyer, the organizer, or because the event was
// cancelled): what was refunded and that the tickets are void. `refundKey` distinguishes
// several partial refunds of one order.
void enqueueOrderCancelled(pqxx::transaction_base& tx, const v1::Order& order, const std::string& reason,
                           const std::string& refundKey);
// A waitlist offer: the held seats, until when, how to complete the booking; in `language`
// (the waiting user's users.language; English when unknown).
void enqueueWaitlistOffer(pqxx::transaction_base& tx, const v1::WaitlistEntry& entry, const std::string& toAddress,
                          const std::string& toName, const std::string& language);

// How the English mails write things (MailLanguage has every language's forms): "EUR 1,234.50"
// from minor units (ISO 4217 digits); "Saturday, 14 June 2025, 19:30 CEST" in the IANA zone
// (UTC when empty or unknown).
std::string formatMoney(std::int64_t minor, const std::string& currency);
std::string formatEventTime(std::int64_t ms, const std::string& timeZone);
std::string htmlEscape(const std::string& text);
// ISO 4217 minor-unit digits of a currency: 2 unless it is one of the listed exceptions.
int minorDigits(const std::string& currency);

} // namespace marquee::server::mail
