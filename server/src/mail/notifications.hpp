// The mails Marquee sends about orders and the waitlist, composed from the order itself and
// put in the outbox inside the caller's transaction (mail/mail_outbox.hpp). Each has a dedup
// key, so a replayed saga step or a retried transaction never mails twice.
#pragma once

#include "marquee/v1/order.pb.h"

#include <pqxx/pqxx>

#include <string>

namespace marquee::server::mail {

// The saga's "mail" step: confirmation with the PDF tickets and an .ics invitation.
void enqueueOrderConfirmation(pqxx::transaction_base& tx, const v1::Order& order);
// After a cancellation/refund (by the buyer, the organizer, or because the event was
// cancelled): what was refunded and that the tickets are void. `refundKey` distinguishes
// several partial refunds of one order.
void enqueueOrderCancelled(pqxx::transaction_base& tx, const v1::Order& order, const std::string& reason,
                           const std::string& refundKey);
// A waitlist offer: the held seats, until when, how to complete the booking.
void enqueueWaitlistOffer(pqxx::transaction_base& tx, const v1::WaitlistEntry& entry, const std::string& toAddress,
                          const std::string& toName);

} // namespace marquee::server::mail
