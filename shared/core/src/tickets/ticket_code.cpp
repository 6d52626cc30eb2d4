// Ticket codes: a 48-byte payload signed with Ed25519 (libsodium), both halves base64url.
#include "marquee/core/tickets/ticket_code.hpp"

#include "marquee/core/base64.hpp"
#include "marquee/core/validation.hpp"

#include <sodium.h>

#include <stdexcept>

namespace marquee::core::tickets {

namespace {

// Payload byte layout (all integers big-endian); docs/tickets.md repeats it for kiosk vendors.
constexpr std::size_t kTicketIdAt = 0;
constexpr std::size_t kEventIdAt = 16;
constexpr std::size_t kLineNoAt = 32;
constexpr std::size_t kIssuedAtAt = 36;
constexpr std::size_t kKeyIdAt = 44;
constexpr std::size_t kPayloadSize = 48;
constexpr std::size_t kKeyIdBytes = 4;

void ensureSodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string hexOf(const std::uint8_t* bytes, std::size_t count) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(count * 2);
    for (std::size_t i = 0; i < count; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0x0f];
    }
    return out;
}

// Hex digits in `text` (dashes skipped) into `out`; false unless exactly `count` bytes.
bool hexInto(std::string_view text, std::uint8_t* out, std::size_t count) {
    std::size_t nibbles = 0;
    for (const char c : text) {
        if (c == '-') continue;
        const int value = hexDigit(c);
        if (value < 0 || nibbles >= count * 2) return false;
        auto& byte = out[nibbles / 2];
        byte = static_cast<std::uint8_t>(nibbles % 2 == 0 ? value << 4 : byte | value);
        ++nibbles;
    }
    return nibbles == count * 2;
}

std::string uuidOf(const std::uint8_t* bytes) {
    const std::string hex = hexOf(bytes, 16);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
           hex.substr(20);
}

void putBigEndian(std::uint8_t* out, std::uint64_t value, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i) out[i] = static_cast<std::uint8_t>(value >> (8 * (bytes - 1 - i)));
}

std::uint64_t readBigEndian(const std::uint8_t* in, std::size_t bytes) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i) value = (value << 8) | in[i];
    return value;
}

// What is signed: the prefix binds the payload layout, so a payload cannot be replayed under
// another version's reading of its bytes.
std::string signedMessage(std::string_view payload) {
    std::string message(kTicketCodePrefix);
    message.append(payload);
    return message;
}

const unsigned char* bytesOf(const std::string& text) { return reinterpret_cast<const unsigned char*>(text.data()); }

} // namespace

std::string_view trimmedCode(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

std::string keyIdOf(const PublicKey& publicKey) {
    ensureSodium();
    std::array<std::uint8_t, crypto_generichash_BYTES> hash{};
    crypto_generichash(hash.data(), hash.size(), publicKey.data(), publicKey.size(), nullptr, 0);
    return hexOf(hash.data(), kKeyIdBytes);
}

KeyPair generateKeyPair() {
    ensureSodium();
    KeyPair key;
    crypto_sign_keypair(key.publicKey.data(), key.secretKey.data());
    key.keyId = keyIdOf(key.publicKey);
    return key;
}

KeyPair keyPairFromSecretKey(const SecretKey& secretKey) {
    ensureSodium();
    KeyPair key;
    key.secretKey = secretKey;
    crypto_sign_ed25519_sk_to_pk(key.publicKey.data(), secretKey.data());
    key.keyId = keyIdOf(key.publicKey);
    return key;
}

std::string signTicket(const TicketClaims& claims, const KeyPair& key) {
    ensureSodium();
    if (claims.keyId != key.keyId) throw std::invalid_argument("ticket claims name key " + claims.keyId + ", not " + key.keyId);
    std::string payload(kPayloadSize, '\0');
    auto* bytes = reinterpret_cast<std::uint8_t*>(payload.data());
    if (!isUuid(claims.ticketId) || !hexInto(claims.ticketId, bytes + kTicketIdAt, 16))
        throw std::invalid_argument("ticket id is not a UUID: " + claims.ticketId);
    if (!isUuid(claims.eventId) || !hexInto(claims.eventId, bytes + kEventIdAt, 16))
        throw std::invalid_argument("event id is not a UUID: " + claims.eventId);
    if (claims.keyId.size() != kKeyIdBytes * 2 || !hexInto(claims.keyId, bytes + kKeyIdAt, kKeyIdBytes))
        throw std::invalid_argument("key id is not 8 hex digits: " + claims.keyId);
    putBigEndian(bytes + kLineNoAt, claims.lineNo, 4);
    putBigEndian(bytes + kIssuedAtAt, static_cast<std::uint64_t>(claims.issuedAtMs), 8);

    const std::string message = signedMessage(payload);
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr, bytesOf(message), message.size(),
                         key.secretKey.data());
    return std::string(kTicketCodePrefix) + base64UrlEncode(payload) + '.' + base64UrlEncode(signature);
}

Verification verifyTicket(std::string_view code,
                          const std::function<std::optional<PublicKey>(std::string_view keyId)>& findKey) {
    Verification result;
    code = trimmedCode(code);
    if (code.size() > kMaxTicketCodeLength || code.substr(0, kTicketCodePrefix.size()) != kTicketCodePrefix)
        return result;
    code.remove_prefix(kTicketCodePrefix.size());
    const auto dot = code.find('.');
    if (dot == std::string_view::npos) return result;
    const auto payload = base64UrlDecode(code.substr(0, dot));
    const auto signature = base64UrlDecode(code.substr(dot + 1)); // a second '.' fails to decode
    if (!payload || !signature || payload->size() != kPayloadSize || signature->size() != crypto_sign_BYTES)
        return result;

    const auto* bytes = bytesOf(*payload);
    TicketClaims& claims = result.claims;
    claims.ticketId = uuidOf(bytes + kTicketIdAt);
    claims.eventId = uuidOf(bytes + kEventIdAt);
    claims.lineNo = static_cast<std::uint32_t>(readBigEndian(bytes + kLineNoAt, 4));
    claims.issuedAtMs = static_cast<std::int64_t>(readBigEndian(bytes + kIssuedAtAt, 8));
    claims.keyId = hexOf(bytes + kKeyIdAt, kKeyIdBytes);

    std::optional<PublicKey> publicKey;
    try {
        publicKey = findKey ? findKey(claims.keyId) : std::nullopt;
    } catch (...) {
        publicKey.reset(); // a failing key store is a key this device cannot use
    }
    if (!publicKey) {
        result.verdict = Verdict::UnknownKey;
        return result;
    }
    if (sodium_init() < 0) {
        result.verdict = Verdict::UnknownKey;
        return result;
    }
    const std::string message = signedMessage(*payload);
    result.verdict = crypto_sign_verify_detached(bytesOf(*signature), bytesOf(message), message.size(),
                                                 publicKey->data()) == 0
                         ? Verdict::Valid
                         : Verdict::BadSignature;
    return result;
}

std::string deviceCertificateMessage(const DeviceCertificateClaims& claims) {
    std::string message = "MQDC1";
    message += claims.deviceId;
    message += '\0';
    message.append(reinterpret_cast<const char*>(claims.devicePublicKey.data()), claims.devicePublicKey.size());
    std::array<std::uint8_t, 8> validUntil{};
    putBigEndian(validUntil.data(), static_cast<std::uint64_t>(claims.validUntilMs), validUntil.size());
    message.append(reinterpret_cast<const char*>(validUntil.data()), validUntil.size());
    return message;
}

Signature signDeviceCertificate(const DeviceCertificateClaims& claims, const KeyPair& serverKey) {
    ensureSodium();
    if (claims.deviceId.find('\0') != std::string::npos) throw std::invalid_argument("device id contains a NUL byte");
    const std::string message = deviceCertificateMessage(claims);
    Signature signature{};
    crypto_sign_detached(signature.data(), nullptr, bytesOf(message), message.size(), serverKey.secretKey.data());
    return signature;
}

bool verifyDeviceCertificate(const DeviceCertificateClaims& claims, const Signature& certificate,
                             const PublicKey& serverPublicKey) {
    ensureSodium();
    if (claims.deviceId.find('\0') != std::string::npos) return false;
    const std::string message = deviceCertificateMessage(claims);
    return crypto_sign_verify_detached(certificate.data(), bytesOf(message), message.size(), serverPublicKey.data()) == 0;
}

} // namespace marquee::core::tickets
