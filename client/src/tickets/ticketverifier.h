// TicketVerifier: checks a scanned or typed ticket code offline against the ticket public keys
// the client has cached (change-log aggregate "ticket_key", kept by the LocalStore). The store
// is reached through a lookup function, so the verifier needs no database of its own.
#pragma once

#include "marquee/core/tickets/ticket_trust.hpp"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace marquee::client::tickets {

// One cached v1::TicketKey.
struct CachedTicketKey {
    QByteArray publicKey;     // 32 bytes
    qint64 retiredAtMs = 0;   // 0: current
    // A box-office device key (empty deviceId: a server key): trusted only when its
    // certificate checks out against a cached server key, for tickets issued before validUntilMs.
    // (Initialised here so that {publicKey, retiredAtMs} still names every field.)
    QString deviceId{};
    QString certifiedByKeyId{};
    QByteArray certificate{}; // 64 bytes
    qint64 validUntilMs = 0;
    qint64 revokedAtMs = 0;   // the device was revoked: only confirmed sales' tickets count
};

// Maps a key id ("1a2b3c4d") to its cached key; nullopt when unknown. The checkout cache
// provides it (e.g. a lambda over LocalStore::ticketKey).
using TicketKeyLookup = std::function<std::optional<CachedTicketKey>(const QString& keyId)>;
// Is this exact code (trimmed) a ticket of a sale the server confirmed? Asked only for codes
// signed by a revoked device key (a door device: its synced catalog of confirmed codes).
using ConfirmedCodeLookup = std::function<bool(const QByteArray& code)>;

class TicketVerifier {
public:
    enum class Outcome {
        Valid,
        Malformed,         // not a Marquee ticket code
        UnknownKey,        // signed by a key this device has not synced yet
        BadSignature,      // altered or forged
        AfterRetirement,   // signature fine, but dated after its key was retired: a leaked key
        UncertifiedDeviceKey,   // a device key whose certificate does not check out
        AfterDeviceCertificate, // issued when its device certificate had run out
        RevokedDeviceKey,       // its device was revoked and the ticket is no confirmed sale
    };

    struct Result {
        Outcome outcome = Outcome::Malformed;
        core::tickets::TicketClaims claims; // read from the code unless Malformed
        QString message;                    // translated, for the person at the door
        bool deviceKey = false;             // signed by a certified box-office device key
        QString deviceId;                   // that device
        bool valid() const { return outcome == Outcome::Valid; }
    };

    // Without `isConfirmed`, every ticket of a revoked device key is refused.
    explicit TicketVerifier(TicketKeyLookup lookup, ConfirmedCodeLookup isConfirmed = {});

    // Never throws; any text is accepted (surrounding whitespace ignored).
    Result verify(const QString& code) const;

    // v1::TicketKey wire bytes (a "ticket_key" change payload) to a cache entry; nullopt when
    // they do not parse or the key is not 32 bytes. Returns the key id through `keyId`.
    static std::optional<CachedTicketKey> fromTicketKeyPayload(const QByteArray& payload, QString* keyId = nullptr);

    static QString describe(Outcome outcome);

private:
    TicketKeyLookup m_lookup;
    ConfirmedCodeLookup m_isConfirmed;
};

} // namespace marquee::client::tickets
