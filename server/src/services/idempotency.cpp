// Idempotency keys of client mutations: each key is applied once per user and its answer is
// stored, so a replay returns the stored answer (protocol.md "Idempotent mutations").
#include "services/api_internal.hpp"

#include "marquee/core/validation.hpp"

#include <stdexcept>

namespace marquee::server::detail {

namespace {

constexpr Statement kClaimKey{
    "idempotency_claim_key",
    "INSERT INTO idempotency_keys (user_id, key, response, request_hash) VALUES ($1, $2::uuid, '\\x', $3) "
    "ON CONFLICT (user_id, key) DO NOTHING RETURNING 1"};
constexpr Statement kStoredResponse{
    "idempotency_stored_response",
    "SELECT response, request_hash IS NULL OR request_hash = $3 FROM idempotency_keys "
    "WHERE user_id = $1 AND key = $2::uuid"};
constexpr Statement kStoreResponse{"idempotency_store_response",
                                   "UPDATE idempotency_keys SET response = $3 WHERE user_id = $1 AND key = $2::uuid"};

} // namespace

void requireIdempotencyKey(const std::string& key) {
    if (!core::isUuid(key)) fail(v1::INVALID_ARGUMENT, "idempotency_key must be a UUID", {{"field", "idempotency_key"}});
}

std::optional<v1::Ack> claimIdempotencyKey(pqxx::transaction_base& tx, std::int64_t userId, const std::string& key,
                                           const std::string& requestHash) {
    const auto hash = toBinary(requestHash);
    // A concurrent request with the same key blocks here until the first one commits, then
    // finds the key taken and returns its stored answer.
    if (!exec(tx, kClaimKey, userId, key, hash).empty()) return std::nullopt;
    const auto rows = exec(tx, kStoredResponse, userId, key, hash);
    if (!rows.empty() && !rows[0][1].as<bool>())
        fail(v1::INVALID_ARGUMENT, "idempotency_key reused for a different request", {{"field", "idempotency_key"}});
    v1::Ack stored;
    std::string bytes;
    if (!rows.empty()) appendBytea(rows[0][0], bytes);
    if (rows.empty() || !stored.ParseFromString(bytes)) throw std::runtime_error("stored idempotent response is unreadable");
    stored.set_replayed(true);
    return stored;
}

void storeIdempotentAnswer(pqxx::transaction_base& tx, std::int64_t userId, const std::string& key, const v1::Ack& ack) {
    exec(tx, kStoreResponse, userId, key, toBinary(ack.SerializeAsString()));
}

} // namespace marquee::server::detail
