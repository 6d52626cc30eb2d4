// TicketVerifier: core::tickets::verifyTicket with the cached keys and the retirement rule.
#include "tickets/ticketverifier.h"

#include "marquee/v1/order.pb.h"

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
        case TicketVerifier::Outcome::AfterRetirement:
            break;
        }
        return tr("Invalid ticket: it is dated after its signing key was retired.");
    }
};

} // namespace

TicketVerifier::TicketVerifier(TicketKeyLookup lookup) : m_lookup(std::move(lookup)) {}

QString TicketVerifier::describe(Outcome outcome)
{
    return TicketVerifierText::of(outcome);
}

TicketVerifier::Result TicketVerifier::verify(const QString& code) const
{
    std::optional<CachedTicketKey> usedKey;
    const auto findKey = [this, &usedKey](std::string_view keyId) -> std::optional<core::tickets::PublicKey> {
        if (!m_lookup)
            return std::nullopt;
        usedKey = m_lookup(QString::fromLatin1(keyId.data(), static_cast<qsizetype>(keyId.size())));
        if (!usedKey || usedKey->publicKey.size() != static_cast<qsizetype>(core::tickets::PublicKey{}.size()))
            return std::nullopt;
        core::tickets::PublicKey key{};
        std::copy(usedKey->publicKey.cbegin(), usedKey->publicKey.cend(), key.begin());
        return key;
    };
    // Codes are ASCII; anything else fails as Malformed in the core.
    const QByteArray bytes = code.toUtf8();
    const auto verification =
        core::tickets::verifyTicket(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), findKey);

    Result result;
    result.claims = verification.claims;
    switch (verification.verdict) {
    case core::tickets::Verdict::Valid:
        result.outcome = usedKey && usedKey->retiredAtMs > 0 && verification.claims.issuedAtMs > usedKey->retiredAtMs
                             ? Outcome::AfterRetirement
                             : Outcome::Valid;
        break;
    case core::tickets::Verdict::Malformed:
        result.outcome = Outcome::Malformed;
        break;
    case core::tickets::Verdict::UnknownKey:
        result.outcome = Outcome::UnknownKey;
        break;
    case core::tickets::Verdict::BadSignature:
        result.outcome = Outcome::BadSignature;
        break;
    }
    result.message = describe(result.outcome);
    return result;
}

std::optional<CachedTicketKey> TicketVerifier::fromTicketKeyPayload(const QByteArray& payload, QString* keyId)
{
    v1::TicketKey key;
    if (!key.ParseFromArray(payload.constData(), static_cast<int>(payload.size())) ||
        key.public_key().size() != core::tickets::PublicKey{}.size() || key.key_id().empty())
        return std::nullopt;
    if (keyId)
        *keyId = QString::fromStdString(key.key_id());
    CachedTicketKey cached;
    cached.publicKey = QByteArray(key.public_key().data(), static_cast<qsizetype>(key.public_key().size()));
    cached.retiredAtMs = key.retired_at_ms();
    return cached;
}

} // namespace marquee::client::tickets
