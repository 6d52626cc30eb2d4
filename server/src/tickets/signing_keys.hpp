// The server's Ed25519 ticket-signing keys (table ticket_signing_keys): the current key is
// created on first use and every key is published through the change log as aggregate
// "ticket_key" (public), so clients and kiosks verify tickets offline (docs/tickets.md).
#pragma once

#include "marquee/core/tickets/ticket_code.hpp"
#include "marquee/v1/order.pb.h"

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace marquee::server::tickets {

// The key that signs new tickets. Creates and publishes one inside `tx` when there is none;
// instances racing for the first key agree on one (a unique index on "the current key").
core::tickets::KeyPair currentSigningKey(pqxx::transaction_base& tx);

// Retires the current key (its tickets stay valid) and makes a new one; both records are
// published. Returns the new key.
core::tickets::KeyPair rotateSigningKey(pqxx::transaction_base& tx);

// Appends the stored record of key `keyId` (a server key, or a box-office device key with its
// certificate) to the change log and returns it; std::invalid_argument when there is none.
v1::TicketKey publishTicketKey(pqxx::transaction_base& tx, const std::string& keyId);

// Every known public key (device keys with their certificates), oldest first (what the change
// log has published).
std::vector<v1::TicketKey> publicTicketKeys(pqxx::transaction_base& tx);

} // namespace marquee::server::tickets
