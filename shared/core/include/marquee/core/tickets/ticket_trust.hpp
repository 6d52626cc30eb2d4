// Which keys a verifier trusts (issue 7, docs/boxoffice.md "Check-in"): the server's ticket
// keys, and box-office device keys only with a certificate from a server key and only for
// tickets issued before the certificate ran out; a revoked device key only for tickets the
// verifier knows were sold and confirmed (its catalog). The server's check-in and the client's door
// device verify through this one function, so both sides draw the same line.
#pragma once

#include "marquee/core/tickets/ticket_code.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace marquee::core::tickets {

// One published key (v1::TicketKey) as a verifier holds it.
struct TrustedKey {
    PublicKey publicKey{};
    std::int64_t retiredAtMs = 0;   // server keys: 0 while current
    // Device keys only (empty deviceId: a server key).
    std::string deviceId;
    std::string certifiedByKeyId;
    std::optional<Signature> certificate;
    std::int64_t validUntilMs = 0;
    std::int64_t revokedAtMs = 0;   // 0: not revoked (TicketKey.revoked_at_ms)
    bool isDeviceKey() const { return !deviceId.empty(); }
};

enum class Trust {
    Valid,
    Malformed,                // not a Marquee ticket code
    UnknownKey,               // no such key here
    BadSignature,             // altered or forged
    AfterRetirement,          // dated after its server key was retired: a leaked key
    UncertifiedDeviceKey,     // a device key without a certificate that checks out
    AfterDeviceCertificate,   // dated at or after its device certificate's valid_until
    RevokedDeviceKey,         // its device was revoked and the ticket is not a confirmed sale
};

struct TrustedVerification {
    Trust trust = Trust::Malformed;
    TicketClaims claims;      // filled unless Malformed
    bool deviceKey = false;   // signed by a (certified) device key
    std::string deviceId;     // which device, when deviceKey
    bool valid() const { return trust == Trust::Valid; }
};

// Is this exact code (surrounding whitespace removed) a ticket whose sale the verifier knows was
// confirmed? Asked only for a code that verifies with a revoked device key.
using ConfirmedSaleLookup = std::function<bool(std::string_view code, const TicketClaims& claims)>;

// Never throws for any code. `findKey` maps a key id to the key (nullopt: unknown); it is also
// asked for the certifying server key of a device key.
//
// A revoked device key's holder may be a thief who signs tickets and backdates issued_at, so
// neither the signature nor the date means anything after revocation: such a ticket is Valid
// only when `isConfirmedSale` says the verifier holds its confirmed sale (no lookup: never).
TrustedVerification verifyTrusted(std::string_view code,
                                  const std::function<std::optional<TrustedKey>(std::string_view keyId)>& findKey,
                                  const ConfirmedSaleLookup& isConfirmedSale = {});

} // namespace marquee::core::tickets
