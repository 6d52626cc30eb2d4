// Which keys a verifier trusts (issue 7, docs/boxoffice.md "Check-in"): the server's ticket
// keys, and box-office device keys only with a certificate from a server key and only for
// tickets issued before the certificate ran out. The server's check-in and the client's door
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
};

struct TrustedVerification {
    Trust trust = Trust::Malformed;
    TicketClaims claims;      // filled unless Malformed
    bool deviceKey = false;   // signed by a (certified) device key
    std::string deviceId;     // which device, when deviceKey
    bool valid() const { return trust == Trust::Valid; }
};

// Never throws for any code. `findKey` maps a key id to the key (nullopt: unknown); it is also
// asked for the certifying server key of a device key.
TrustedVerification verifyTrusted(std::string_view code,
                                  const std::function<std::optional<TrustedKey>(std::string_view keyId)>& findKey);

} // namespace marquee::core::tickets
