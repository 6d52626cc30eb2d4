// TicketVerifier: core::tickets::verifyTicket with the cached keys and the retirement rule.
#include "tickets/ticketverifier.h"

#include "marquee/v1/order.pb.h"
#include "net/protobytes.h"

#include <QCoreApplication>

#include <algorithm>

namespace marquee::client::tickets {

namespace {

class TicketVerifierText {
    Q_DECLARE_TR_FUNCTIONS(TicketVerifierText)
public:
    static QString of(TicketVerifier::Outcome outcome)
    {
        switch (outcome) {
        case TicketVerifier::Outcome::Valid:
            return tr("Valid ticket");
        case TicketVerifier::Outcome::Malformed:
            return tr("This is not a Marquee ticket code.");
        case TicketVerifier::Outcome::UnknownKey:
            return tr("This ticket was signed with a key this device does not know yet. Connect to sync the keys, then "
                      "scan it again.");
        case TicketVerifier::Outcome::BadSignature:
            return tr("Invalid ticket: the code was altered or forged.");
        case TicketVerifier::Outcome::UncertifiedDeviceKey:
            return tr("Invalid ticket: it was signed by a box-office device whose certificate does not check out.");
        case TicketVerifier::Outcome::AfterDeviceCertificate:
            return tr("Invalid ticket: it was issued after its box-office device's certificate ran out.");
        case TicketVerifier::Outcome::RevokedDeviceKey:
            return tr("Invalid ticket: it was signed by a box-office device that has been revoked, and its sale was "
                      "not confirmed before the revocation.");
        case TicketVerifier::Outcome::AfterRetirement:
            break;
        }
        return tr("Invalid ticket: it is dated after its signing key was retired.");
    }
};

} // namespace

TicketVerifier::TicketVerifier(TicketKeyLookup lookup, ConfirmedCodeLookup isConfirmed)
    : m_lookup(std::move(lookup)), m_isConfirmed(std::move(isConfirmed))
{
}

QString TicketVerifier::describe(Outcome outcome)
{
    return TicketVerifierText::of(outcome);
}

TicketVerifier::Result TicketVerifier::verify(const QString& code) const
{
    const auto findKey = [this](std::string_view keyId) -> std::optional<core::tickets::TrustedKey> {
        if (!m_lookup)
            return std::nullopt;
        const auto cached = m_lookup(QString::fromLatin1(keyId.data(), static_cast<qsizetype>(keyId.size())));
        if (!cached || cached->publicKey.size() != static_cast<qsizetype>(core::tickets::PublicKey{}.size()))
            return std::nullopt;
        core::tickets::TrustedKey key;
        std::copy(cached->publicKey.cbegin(), cached->publicKey.cend(), key.publicKey.begin());
        key.retiredAtMs = cached->retiredAtMs;
        key.deviceId = cached->deviceId.toStdString();
        key.certifiedByKeyId = cached->certifiedByKeyId.toStdString();
        key.validUntilMs = cached->validUntilMs;
        key.revokedAtMs = cached->revokedAtMs;
        if (cached->certificate.size() == static_cast<qsizetype>(core::tickets::Signature{}.size())) {
            core::tickets::Signature certificate{};
            std::copy(cached->certificate.cbegin(), cached->certificate.cend(), certificate.begin());
            key.certificate = certificate;
        }
        return key;
    };
    // Codes are ASCII; anything else fails as Malformed in the core.
    const QByteArray bytes = code.toUtf8();
    const auto isConfirmed = [this](std::string_view trimmed, const core::tickets::TicketClaims&) {
        return m_isConfirmed && m_isConfirmed(QByteArray(trimmed.data(), static_cast<qsizetype>(trimmed.size())));
    };
    const auto verification = core::tickets::verifyTrusted(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), findKey, isConfirmed);

    Result result;
    result.claims = verification.claims;
    result.deviceKey = verification.deviceKey;
    result.deviceId = QString::fromStdString(verification.deviceId);
    switch (verification.trust) {
    case core::tickets::Trust::Valid:
        result.outcome = Outcome::Valid;
        break;
    case core::tickets::Trust::Malformed:
        result.outcome = Outcome::Malformed;
        break;
    case core::tickets::Trust::UnknownKey:
        result.outcome = Outcome::UnknownKey;
        break;
    case core::tickets::Trust::BadSignature:
        result.outcome = Outcome::BadSignature;
        break;
    case core::tickets::Trust::AfterRetirement:
        result.outcome = Outcome::AfterRetirement;
        break;
    case core::tickets::Trust::UncertifiedDeviceKey:
        result.outcome = Outcome::UncertifiedDeviceKey;
        break;
    case core::tickets::Trust::AfterDeviceCertificate:
        result.outcome = Outcome::AfterDeviceCertificate;
        break;
    case core::tickets::Trust::RevokedDeviceKey:
        result.outcome = Outcome::RevokedDeviceKey;
        break;
    }
    result.message = describe(result.outcome);
    return result;
}

std::optional<CachedTicketKey> TicketVerifier::fromTicketKeyPayload(const QByteArray& payload, QString* keyId)
{
    v1::TicketKey key;
    if (!parseMessage(key, payload) ||
        key.public_key().size() != core::tickets::PublicKey{}.size() || key.key_id().empty())
        return std::nullopt;
    if (keyId)
        *keyId = QString::fromStdString(key.key_id());
    CachedTicketKey cached;
    cached.publicKey = toBytes(key.public_key());
    cached.retiredAtMs = key.retired_at_ms();
    cached.deviceId = QString::fromStdString(key.device_id());
    cached.certifiedByKeyId = QString::fromStdString(key.certified_by_key_id());
    cached.certificate = QByteArray(key.certificate().data(), static_cast<qsizetype>(key.certificate().size()));
    cached.validUntilMs = key.valid_until_ms();
    cached.revokedAtMs = key.revoked_at_ms();
    return cached;
}

} // namespace marquee::client::tickets
