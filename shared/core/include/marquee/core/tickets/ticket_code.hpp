// Signed ticket codes (DESIGN.md §6): the server signs each ticket with its Ed25519 key
// (libsodium), so any device holding the public keys verifies a ticket offline. The code is
// also the QR content, so it stays short: "MQT1.<payload>.<signature>", base64url without
// padding; the payload is 48 bytes (docs/tickets.md has the byte layout).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace marquee::core::tickets {

using PublicKey = std::array<std::uint8_t, 32>;
using SecretKey = std::array<std::uint8_t, 64>; // libsodium's Ed25519 secret key (seed + public key)

struct KeyPair {
    std::string keyId;             // short and stable: the first 8 hex digits of BLAKE2b(public key)
    PublicKey publicKey{};
    SecretKey secretKey{};
};

// What a ticket code asserts. Everything else (seat label, holder) is looked up or printed.
struct TicketClaims {
    std::string ticketId;          // UUID, lower case
    std::string eventId;           // UUID, lower case
    std::uint32_t lineNo = 0;      // the order line
    std::int64_t issuedAtMs = 0;
    std::string keyId;             // which key signed it
    bool operator==(const TicketClaims&) const = default;
};

enum class Verdict {
    Valid,
    Malformed,                     // not a Marquee ticket code
    UnknownKey,                    // signed by a key this device does not know
    BadSignature,                  // altered or forged
};

struct Verification {
    Verdict verdict = Verdict::Malformed;
    TicketClaims claims;           // filled when the payload could be read (also for BadSignature)
};

// "MQT1.": every code starts with it; a new payload layout gets a new prefix.
inline constexpr std::string_view kTicketCodePrefix = "MQT1.";
// Codes longer than this are refused unread (a v1 code is 156 characters).
inline constexpr std::size_t kMaxTicketCodeLength = 512;

KeyPair generateKeyPair();
// The key pair of a stored secret key (the public key and key id are derived from it).
KeyPair keyPairFromSecretKey(const SecretKey& secretKey);
std::string keyIdOf(const PublicKey& publicKey);

// Signs `claims` (its keyId must be key.keyId). Throws std::invalid_argument on bad ids.
std::string signTicket(const TicketClaims& claims, const KeyPair& key);

// The code as verifyTicket reads it: surrounding spaces, tabs and line ends removed (what a
// catalog of issued codes is compared with).
std::string_view trimmedCode(std::string_view code);

// Verifies a scanned or typed code (surrounding whitespace ignored); `findKey` maps a key id to
// its public key. Never throws for any input.
Verification verifyTicket(std::string_view code,
                          const std::function<std::optional<PublicKey>(std::string_view keyId)>& findKey);

// A device certificate (issue 7, docs/boxoffice.md): the server's ticket key vouches that a
// box-office device's own key may sign tickets until validUntilMs, so tickets sold offline
// verify on any device that knows the server's keys.
struct DeviceCertificateClaims {
    std::string deviceId;          // Hello.device_id: at most 64 of [A-Za-z0-9-_.:]
    PublicKey devicePublicKey{};
    std::int64_t validUntilMs = 0;
};
using Signature = std::array<std::uint8_t, 64>;

// The signed bytes: "MQDC1" || device id || 0x00 || device public key || valid until (int64 BE).
std::string deviceCertificateMessage(const DeviceCertificateClaims& claims);
Signature signDeviceCertificate(const DeviceCertificateClaims& claims, const KeyPair& serverKey);
bool verifyDeviceCertificate(const DeviceCertificateClaims& claims, const Signature& certificate,
                             const PublicKey& serverPublicKey);

} // namespace marquee::core::tickets
