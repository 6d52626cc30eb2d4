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
// Device keys (0024_boxoffice.sql) carry their certificate.
#define MQ_TICKET_KEY_COLUMNS                                                                                          \
    "k.key_id, k.public_key, (extract(epoch FROM coalesce(d.issued_at, k.created_at)) * 1000)::bigint, "              \
    "coalesce((extract(epoch FROM k.retired_at) * 1000)::bigint, 0), coalesce(d.device_id, ''), "                     \
    "coalesce(d.certified_by_key_id, ''), d.certificate, coalesce((extract(epoch FROM d.valid_until) * 1000)::bigint, 0), " \
    "coalesce((extract(epoch FROM d.revoked_at) * 1000)::bigint, 0) "
constexpr Statement kPublicKeys{
    "tickets_public_keys",
    "SELECT " MQ_TICKET_KEY_COLUMNS "FROM ticket_signing_keys k LEFT JOIN device_keys d ON d.key_id = k.key_id "
    "ORDER BY k.created_at, k.key_id"};
constexpr Statement kPublicKey{
    "tickets_public_key",
    "SELECT " MQ_TICKET_KEY_COLUMNS "FROM ticket_signing_keys k LEFT JOIN device_keys d ON d.key_id = k.key_id "
    "WHERE k.key_id = $1"};
#undef MQ_TICKET_KEY_COLUMNS

// key_id, public_key, valid_from_ms, retired_at_ms[, device_id, certified_by_key_id,
// certificate, valid_until_ms, revoked_at_ms]
v1::TicketKey keyFromRow(const pqxx::row& row) {
    v1::TicketKey key;
    key.set_key_id(row[0].c_str());
    std::string publicKey;
    detail::appendBytea(row[1], publicKey);
    key.set_public_key(std::move(publicKey));
    key.set_valid_from_ms(row[2].as<std::int64_t>());
    key.set_retired_at_ms(row[3].as<std::int64_t>());
    if (row.size() > 4 && !row[6].is_null()) {
        key.set_device_id(row[4].c_str());
        key.set_certified_by_key_id(row[5].c_str());
        std::string certificate;
        detail::appendBytea(row[6], certificate);
        key.set_certificate(std::move(certificate));
        key.set_valid_until_ms(row[7].as<std::int64_t>());
        key.set_revoked_at_ms(row[8].as<std::int64_t>());
    }
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

v1::TicketKey publishTicketKey(pqxx::transaction_base& tx, const std::string& keyId) {
    const auto rows = exec(tx, kPublicKey, keyId);
    if (rows.empty()) throw std::invalid_argument("publishTicketKey: no key " + keyId);
    auto key = keyFromRow(rows[0]);
    publish(tx, key);
    return key;
}

std::vector<v1::TicketKey> publicTicketKeys(pqxx::transaction_base& tx) {
    std::vector<v1::TicketKey> keys;
    for (const auto& row : exec(tx, kPublicKeys)) keys.push_back(keyFromRow(row));
    return keys;
}

} // namespace marquee::server::tickets
