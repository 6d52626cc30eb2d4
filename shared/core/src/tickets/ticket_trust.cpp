// verifyTrusted: verifyTicket with the key rules of ticket_trust.hpp.
#include "marquee/core/tickets/ticket_trust.hpp"

namespace marquee::core::tickets {

namespace {

// A device key is usable when a server key (never another device key) certified it.
bool certified(const TrustedKey& key,
               const std::function<std::optional<TrustedKey>(std::string_view keyId)>& findKey) {
    if (!key.certificate || key.certifiedByKeyId.empty()) return false;
    std::optional<TrustedKey> certifier;
    try {
        certifier = findKey(key.certifiedByKeyId);
    } catch (...) {
        return false;
    }
    if (!certifier || certifier->isDeviceKey()) return false;
    return verifyDeviceCertificate(DeviceCertificateClaims{key.deviceId, key.publicKey, key.validUntilMs},
                                   *key.certificate, certifier->publicKey);
}

} // namespace

TrustedVerification verifyTrusted(std::string_view code,
                                  const std::function<std::optional<TrustedKey>(std::string_view keyId)>& findKey,
                                  const ConfirmedSaleLookup& isConfirmedSale) {
    std::optional<TrustedKey> used;
    bool uncertified = false;
    const auto verification = verifyTicket(code, [&](std::string_view keyId) -> std::optional<PublicKey> {
        used = findKey ? findKey(keyId) : std::nullopt;
        if (!used) return std::nullopt;
        if (used->isDeviceKey() && !certified(*used, findKey)) {
            uncertified = true;
            return std::nullopt;
        }
        return used->publicKey;
    });

    TrustedVerification out;
    out.claims = verification.claims;
    switch (verification.verdict) {
    case Verdict::Malformed: out.trust = Trust::Malformed; return out;
    case Verdict::BadSignature: out.trust = Trust::BadSignature; return out;
    case Verdict::UnknownKey: out.trust = uncertified ? Trust::UncertifiedDeviceKey : Trust::UnknownKey; return out;
    case Verdict::Valid: break;
    }
    out.deviceKey = used->isDeviceKey();
    out.deviceId = used->deviceId;
    if (out.deviceKey && used->revokedAtMs > 0) {
        // issued_at is whatever the key's holder wrote: only the verifier's catalog counts.
        bool confirmed = false;
        try {
            confirmed = isConfirmedSale && isConfirmedSale(trimmedCode(code), out.claims);
        } catch (...) {
            confirmed = false;
        }
        out.trust = confirmed ? Trust::Valid : Trust::RevokedDeviceKey;
    } else if (out.deviceKey)
        out.trust = out.claims.issuedAtMs >= used->validUntilMs ? Trust::AfterDeviceCertificate : Trust::Valid;
    else
        out.trust = used->retiredAtMs > 0 && out.claims.issuedAtMs > used->retiredAtMs ? Trust::AfterRetirement
                                                                                      : Trust::Valid;
    return out;
}

} // namespace marquee::core::tickets
