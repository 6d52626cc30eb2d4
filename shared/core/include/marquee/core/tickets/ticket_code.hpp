// Signed ticket codes (DESIGN.md §6): the server signs each ticket with its Ed25519 key
// (libsodium), so any device holding the public keys verifies a ticket offline. The code is
// also the QR content, so it stays short: "MQT1.<payload>.<signature>", base64url.
#pragma once

#include <array>
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

KeyPair generateKeyPair();
std::string keyIdOf(const PublicKey& publicKey);

// Signs `claims` (its keyId must be key.keyId). Throws std::invalid_argument on bad ids.
std::string signTicket(const TicketClaims& claims, const KeyPair& key);

// Verifies a scanned or typed code (surrounding whitespace ignored); `findKey` maps a key id to
// its public key. Never throws for any input.
Verification verifyTicket(std::string_view code,
                          const std::function<std::optional<PublicKey>(std::string_view keyId)>& findKey);

} // namespace marquee::core::tickets
