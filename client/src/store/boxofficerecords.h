// Box-office records (boxoffice.proto in plain Qt types): this device's ticket-signing key and
// its certificate, seat leases with their priced seats, and the sales made offline from them.
#pragma once

#include "store/bookingrecords.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>

namespace marquee::client {

// The device's own Ed25519 key (generated once, secret kept in SQLite) and the server's
// certificate for it (RegisterDevice).
struct DeviceKeyInfo {
    QString keyId;
    QByteArray publicKey;  // 32 bytes
    QByteArray secretKey;  // 64 bytes (libsodium: seed + public key); never leaves the device
    qint64 createdAtMs = 0;
    QByteArray certificate; // 64 bytes; empty until the server certified the key
    QString certifiedByKeyId;
    qint64 issuedAtMs = 0;
    qint64 validUntilMs = 0;
    QString deviceName;
    bool isValid() const { return !keyId.isEmpty(); }
    bool isCertified() const { return !certificate.isEmpty(); }
};

// A leased seat as this device sees it. Available..Returned mirror marquee.v1.LeasedSeatState;
// SoldOffline is local: sold here, its sale not yet confirmed by the server (or rejected by it:
// a device-signed ticket exists, so the seat is never returned from here). Returning is local
// too: named in a ReturnLease in flight, so it cannot be sold here meanwhile.
enum class LeasedSeatState : int { Unspecified = 0, Available = 1, Sold = 2, Returned = 3, SoldOffline = 100, Returning = 101 };

struct LeasedSeatInfo {
    QString seatId;
    QString label;
    std::uint32_t seatIndex = 0;
    QString priceCategoryId;
    QString priceCategoryName;
    qint64 priceMinor = 0;
    qint64 feeMinor = 0;
    qint64 taxMinor = 0;
    qint64 totalMinor = 0;
    LeasedSeatState state = LeasedSeatState::Unspecified;
    QString orderId;
    QByteArray line; // the encoded marquee.v1.OrderLine the server priced at lease time
};

// Mirrors marquee.v1.LeaseStatus.
enum class LeaseStatus : int { Unspecified = 0, Active = 1, Closed = 2 };

struct LeaseInfo {
    QString id;
    QString eventId;
    QString deviceId;
    qint64 staffUserId = 0;
    LeaseStatus status = LeaseStatus::Unspecified;
    QList<LeasedSeatInfo> seats;
    QString currency;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    QString eventTitle;
    qint64 eventStartsAtMs = 0;
    QString eventTimeZone;
    QString venueName;
    QString venueAddress;
    bool isValid() const { return !id.isEmpty(); }
    int countIn(LeasedSeatState state) const
    {
        int n = 0;
        for (const LeasedSeatInfo& s : seats)
            n += s.state == state ? 1 : 0;
        return n;
    }
};

// How many seats of one price category to lease (the server picks them).
struct LeaseCountInfo {
    QString priceCategoryId;
    std::uint32_t count = 0;
};

// An offline sale's standing: waiting for upload, confirmed by the server, or rejected by it
// (nothing stored there; flagged for staff).
enum class OfflineSaleStatus : int { Pending = 0, Confirmed = 1, Rejected = 2 };

struct OfflineSaleInfo {
    QString idempotencyKey;
    QString orderId;
    QString orderCode;
    QString leaseId;
    QString eventId;
    OfflineSaleStatus status = OfflineSaleStatus::Pending;
    QString reason;  // the server's reason code when rejected
    QString message;
    qint64 soldAtMs = 0;
    qint64 staffUserId = 0;
    PaymentMethod method = PaymentMethod::Unspecified;
    qint64 totalMinor = 0;
    QString buyerName;
    // The order as printed at the counter (built on the device), replaced by the server's
    // stored order once confirmed. Encoded marquee.v1.Order.
    QByteArray orderPayload;
};

// What the device writes for one offline sale, in one SQLite transaction: the sale row, the
// outbox entry (kind "offline_sale", key = idempotency key, payload = encoded OfflineSale) and
// the seats marked SoldOffline.
struct OfflineSaleWrite {
    OfflineSaleInfo sale;
    QStringList seatIds;
    QByteArray uploadPayload; // encoded marquee.v1.OfflineSale
};

// The server's answer for one uploaded offline sale.
struct OfflineSaleResultInfo {
    QString idempotencyKey;
    bool confirmed = false;
    QString reason; // not_in_lease.<seat>, seat_not_available.<seat>, lease_not_found, ...
    QString message;
    OrderInfo order; // the stored order when confirmed (order.encoded is cached)
    bool replayed = false;
};

} // namespace marquee::client

Q_DECLARE_METATYPE(marquee::client::LeaseInfo)
Q_DECLARE_METATYPE(marquee::client::DeviceKeyInfo)
Q_DECLARE_METATYPE(marquee::client::OfflineSaleInfo)
