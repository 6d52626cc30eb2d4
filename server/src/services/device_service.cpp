// Box-office devices (RegisterDevice, boxoffice.proto): the server's current ticket key
// certifies a device's own Ed25519 key for 30 days (core::tickets::signDeviceCertificate), so
// tickets the device signs offline verify anywhere the server's keys are known. The device
// key is stored as a ticket_signing_keys row without a secret plus its device_keys row
// (0024_boxoffice.sql) and published as TicketKey in the same transaction.
#include "services/boxoffice.hpp"

#include "marquee/core/validation.hpp"
#include "tickets/signing_keys.hpp"

#include <algorithm>

namespace marquee::server::detail {

namespace {

namespace codes = core::tickets;

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kCertificateLifetimeMs = 30 * kDayMs;
// Registering the same key again renews its certificate when less than this is left.
constexpr std::int64_t kRenewWithinMs = 7 * kDayMs;
constexpr std::size_t kMaxDeviceNameLength = 100;

constexpr Statement kNowMs{"devices_now_ms", "SELECT floor(extract(epoch FROM now()) * 1000)::bigint"};
constexpr Statement kKeyRow{
    "devices_key_row",
    "SELECT d.device_id, d.replaced_at IS NOT NULL, (extract(epoch FROM d.valid_until) * 1000)::bigint, d.device_name "
    "FROM device_keys d WHERE d.key_id = $1 FOR UPDATE"};
constexpr Statement kKeyIdTaken{"devices_key_id_taken", "SELECT 1 FROM ticket_signing_keys WHERE key_id = $1"};
// The device's current key gives way to the new one; its tickets stay valid (retired_at:
// tickets signed before it verify).
constexpr Statement kReplaceCurrent{
    "devices_replace_current",
    "WITH replaced AS (UPDATE device_keys SET replaced_at = now() WHERE device_id = $1 AND replaced_at IS NULL "
    "RETURNING key_id) "
    "UPDATE ticket_signing_keys k SET retired_at = now() FROM replaced r WHERE k.key_id = r.key_id "
    "RETURNING k.key_id"};
constexpr Statement kInsertPublicKey{
    "devices_insert_public_key",
    "INSERT INTO ticket_signing_keys (key_id, public_key, secret_key, created_at) "
    "VALUES ($1, $2, NULL, 'epoch'::timestamptz + $3::bigint * interval '1 millisecond')"};
constexpr Statement kInsertDeviceKey{
    "devices_insert_device_key",
    "INSERT INTO device_keys (key_id, device_id, device_name, public_key, certified_by_key_id, certificate, issued_at, "
    "valid_until, registered_by) VALUES ($1, $2, $3, $4, $5, $6, "
    "'epoch'::timestamptz + $7::bigint * interval '1 millisecond', "
    "'epoch'::timestamptz + $8::bigint * interval '1 millisecond', $9)"};
constexpr Statement kRenew{
    "devices_renew",
    "UPDATE device_keys SET certified_by_key_id = $2, certificate = $3, "
    "issued_at = 'epoch'::timestamptz + $4::bigint * interval '1 millisecond', "
    "valid_until = 'epoch'::timestamptz + $5::bigint * interval '1 millisecond', device_name = $6 WHERE key_id = $1"};
constexpr Statement kRename{"devices_rename", "UPDATE device_keys SET device_name = $2 WHERE key_id = $1"};
constexpr Statement kCertificate{
    "devices_certificate",
    "SELECT device_id, key_id, public_key, certified_by_key_id, certificate, "
    "(extract(epoch FROM issued_at) * 1000)::bigint, (extract(epoch FROM valid_until) * 1000)::bigint, device_name "
    "FROM device_keys WHERE key_id = $1"};

std::string bytesOf(const auto& array) { return std::string(reinterpret_cast<const char*>(array.data()), array.size()); }

v1::DeviceCertificate certificateOf(pqxx::transaction_base& tx, const std::string& keyId) {
    const auto rows = exec(tx, kCertificate, keyId);
    if (rows.empty()) throw std::logic_error("certificateOf: no device key " + keyId);
    const auto& r = rows[0];
    v1::DeviceCertificate out;
    out.set_device_id(r[0].c_str());
    out.set_key_id(r[1].c_str());
    std::string bytes;
    appendBytea(r[2], bytes);
    out.set_public_key(bytes);
    out.set_certified_by_key_id(r[3].c_str());
    bytes.clear();
    appendBytea(r[4], bytes);
    out.set_certificate(bytes);
    out.set_issued_at_ms(r[5].as<std::int64_t>());
    out.set_valid_until_ms(r[6].as<std::int64_t>());
    out.set_device_name(r[7].c_str());
    return out;
}

// The server's certificate for the key, valid from `nowMs` for 30 days.
struct Certified {
    std::string serverKeyId;
    std::string certificate;
    std::int64_t validUntilMs = 0;
};
Certified certify(pqxx::transaction_base& tx, const std::string& deviceId, const codes::PublicKey& publicKey,
                  std::int64_t nowMs) {
    const auto serverKey = tickets::currentSigningKey(tx);
    codes::DeviceCertificateClaims claims;
    claims.deviceId = deviceId;
    claims.devicePublicKey = publicKey;
    claims.validUntilMs = nowMs + kCertificateLifetimeMs;
    return {serverKey.keyId, bytesOf(codes::signDeviceCertificate(claims, serverKey)), claims.validUntilMs};
}

} // namespace

BoxOfficeCaller requireBoxOffice(const Principal& who, const std::string& deviceId) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "log in first");
    if (who.role != core::Role::Staff && who.role != core::Role::Organizer && who.role != core::Role::Admin)
        fail(v1::PERMISSION_DENIED, "the box office is for staff, organizers and admins");
    if (deviceId.empty())
        fail(v1::FAILED_PRECONDITION, "this connection did not say which device it is (Hello.device_id)",
             {{"reason", "no_device_id"}});
    return {who, deviceId};
}

v1::DeviceCertificate registerDevice(pqxx::connection& conn, const BoxOfficeCaller& caller,
                                     const v1::RegisterDevice& request) {
    if (request.public_key().size() != codes::PublicKey{}.size())
        fail(v1::INVALID_ARGUMENT, "public_key must be an Ed25519 public key of 32 bytes", {{"field", "public_key"}});
    if (request.device_name().size() > kMaxDeviceNameLength || !core::isValidUtf8(request.device_name()))
        fail(v1::INVALID_ARGUMENT, "device_name must be valid UTF-8 of at most 100 bytes", {{"field", "device_name"}});
    codes::PublicKey publicKey{};
    std::copy(request.public_key().begin(), request.public_key().end(), publicKey.begin());
    const auto keyId = codes::keyIdOf(publicKey);
    const auto name = request.device_name().empty() ? caller.deviceId : request.device_name();

    pqxx::work tx(conn);
    refuseRevokedDevice(tx, caller.deviceId);
    const auto nowMs = exec(tx, kNowMs)[0][0].as<std::int64_t>();
    if (const auto existing = exec(tx, kKeyRow, keyId); !existing.empty()) {
        const auto& r = existing[0];
        if (r[0].as<std::string>() != caller.deviceId)
            fail(v1::ALREADY_EXISTS, "this key is registered to another device; generate a new key",
                 {{"reason", "key_in_use"}});
        if (r[1].as<bool>())
            fail(v1::FAILED_PRECONDITION, "this key was replaced by a newer one of the device; generate a new key",
                 {{"reason", "key_replaced"}});
        if (r[2].as<std::int64_t>() - nowMs < kRenewWithinMs) {
            const auto renewed = certify(tx, caller.deviceId, publicKey, nowMs);
            exec(tx, kRenew, keyId, renewed.serverKeyId, toBinary(renewed.certificate), nowMs, renewed.validUntilMs,
                 name);
            tickets::publishTicketKey(tx, keyId);
        } else if (r[3].as<std::string>() != name) {
            exec(tx, kRename, keyId, name); // the name is not certified; the certificate stays
        }
    } else {
        if (!exec(tx, kKeyIdTaken, keyId).empty())
            fail(v1::ALREADY_EXISTS, "another key has this key's id; generate a new key", {{"reason", "key_in_use"}});
        for (const auto& row : exec(tx, kReplaceCurrent, caller.deviceId))
            tickets::publishTicketKey(tx, row[0].as<std::string>());
        const auto certified = certify(tx, caller.deviceId, publicKey, nowMs);
        exec(tx, kInsertPublicKey, keyId, toBinary(request.public_key()), nowMs);
        exec(tx, kInsertDeviceKey, keyId, caller.deviceId, name, toBinary(request.public_key()),
             certified.serverKeyId, toBinary(certified.certificate), nowMs, certified.validUntilMs, caller.who.userId);
        tickets::publishTicketKey(tx, keyId);
    }
    auto certificate = certificateOf(tx, keyId);
    tx.commit();
    return certificate;
}

} // namespace marquee::server::detail
