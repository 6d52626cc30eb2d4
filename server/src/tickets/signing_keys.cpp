// Ticket-signing keys: created on first use, rotated on demand, published as "ticket_key".
#include "tickets/signing_keys.hpp"

#include "services/api_internal.hpp"

#include <stdexcept>

namespace marquee::server::tickets {

namespace {

using detail::exec;
using detail::Statement;

constexpr Statement kCurrentKey{
    "tickets_current_key",
    "SELECT key_id, secret_key FROM ticket_signing_keys WHERE retired_at IS NULL AND secret_key IS NOT NULL"};
// ON CONFLICT: another instance created the current key first (ticket_signing_keys_one_current).
constexpr Statement kInsertKey{
    "tickets_insert_key",
    "INSERT INTO ticket_signing_keys (key_id, public_key, secret_key) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING "
    "RETURNING key_id, public_key, (extract(epoch FROM created_at) * 1000)::bigint, 0::bigint"};
constexpr Statement kRetireCurrent{
    "tickets_retire_key",
    "UPDATE ticket_signing_keys SET retired_at = now() WHERE retired_at IS NULL AND secret_key IS NOT NULL "
    "RETURNING key_id, public_key, (extract(epoch FROM created_at) * 1000)::bigint, "
    "(extract(epoch FROM retired_at) * 1000)::bigint"};
constexpr Statement kPublicKeys{
    "tickets_public_keys",
    "SELECT key_id, public_key, (extract(epoch FROM created_at) * 1000)::bigint, "
    "coalesce((extract(epoch FROM retired_at) * 1000)::bigint, 0) FROM ticket_signing_keys ORDER BY created_at, key_id"};

// key_id, public_key, valid_from_ms, retired_at_ms
v1::TicketKey keyFromRow(const pqxx::row& row) {
    v1::TicketKey key;
    key.set_key_id(row[0].c_str());
    std::string publicKey;
    detail::appendBytea(row[1], publicKey);
    key.set_public_key(std::move(publicKey));
    key.set_valid_from_ms(row[2].as<std::int64_t>());
    key.set_retired_at_ms(row[3].as<std::int64_t>());
    return key;
}

void publish(pqxx::transaction_base& tx, const v1::TicketKey& key) {
    detail::appendChange(tx, core::aggregate::kTicketKey, key.key_id(), detail::ChangeOp::Upsert, 0,
                         key.SerializeAsString());
}

std::optional<core::tickets::KeyPair> readCurrent(pqxx::transaction_base& tx) {
    const auto rows = exec(tx, kCurrentKey);
    if (rows.empty()) return std::nullopt;
    std::string secret;
    detail::appendBytea(rows[0][1], secret);
    core::tickets::SecretKey secretKey{};
    if (secret.size() != secretKey.size()) throw std::runtime_error("ticket signing key has a malformed secret");
    std::copy(secret.begin(), secret.end(), secretKey.begin());
    auto key = core::tickets::keyPairFromSecretKey(secretKey);
    if (key.keyId != rows[0][0].c_str()) throw std::runtime_error("ticket signing key id does not match its key");
    return key;
}

std::string bytesOf(const auto& array) { return std::string(reinterpret_cast<const char*>(array.data()), array.size()); }

// Inserts a fresh key as the current one and publishes it; nullopt when another transaction
// made a current key first.
std::optional<core::tickets::KeyPair> insertNewKey(pqxx::transaction_base& tx) {
    auto key = core::tickets::generateKeyPair();
    const auto rows = exec(tx, kInsertKey, key.keyId, detail::toBinary(bytesOf(key.publicKey)),
                           detail::toBinary(bytesOf(key.secretKey)));
    if (rows.empty()) return std::nullopt;
    publish(tx, keyFromRow(rows[0]));
    return key;
}

} // namespace

core::tickets::KeyPair currentSigningKey(pqxx::transaction_base& tx) {
    if (auto key = readCurrent(tx)) return *key;
    if (auto key = insertNewKey(tx)) return *key;
    // Lost the race: under READ COMMITTED the winner's key is visible now (stricter isolation
    // levels got a serialization failure from the INSERT instead, and the caller retries).
    if (auto key = readCurrent(tx)) return *key;
    throw std::runtime_error("no current ticket signing key after a concurrent creation");
}

core::tickets::KeyPair rotateSigningKey(pqxx::transaction_base& tx) {
    for (const auto& row : exec(tx, kRetireCurrent)) publish(tx, keyFromRow(row));
    if (auto key = insertNewKey(tx)) return *key;
    throw std::runtime_error("ticket signing key rotated concurrently; retry");
}

std::vector<v1::TicketKey> publicTicketKeys(pqxx::transaction_base& tx) {
    std::vector<v1::TicketKey> keys;
    for (const auto& row : exec(tx, kPublicKeys)) keys.push_back(keyFromRow(row));
    return keys;
}

} // namespace marquee::server::tickets
