// Client-side booking records: holds, orders with lines, payment and tickets, payment config,
// waitlist entries and ticket keys (order.proto / booking.proto in plain Qt types).
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>

namespace marquee::client {

struct HeldSeatInfo {
    QString seatId;
    QString label; // "Stalls · Row B · 12"
    std::uint32_t seatIndex = 0;
};

// What to hold: specific seats, the best N adjacent seats (optionally in one price category or
// area), or N general-admission places.
struct HoldRequest {
    enum class Kind { Seats, BestAvailable, GeneralAdmission };
    Kind kind = Kind::Seats;
    QString eventId;
    QStringList seatIds;      // Seats
    std::uint32_t count = 0;  // BestAvailable, GeneralAdmission
    QString priceCategoryId;  // BestAvailable: empty for any category
    QString areaId;           // BestAvailable: empty for any seated area; GeneralAdmission: the area
    bool accessible = false;  // BestAvailable
};

// A live hold of the signed-in user (HoldResult).
struct HoldInfo {
    QString holdId;
    QString eventId;
    QList<HeldSeatInfo> seats; // empty for general admission
    QString gaAreaId;
    std::uint32_t gaCount = 0;
    qint64 expiresAtMs = 0;
    qint64 maxExpiresAtMs = 0; // ExtendHold never passes it
    bool isValid() const { return !holdId.isEmpty(); }
    int placeCount() const { return seats.isEmpty() ? static_cast<int>(gaCount) : static_cast<int>(seats.size()); }
};

// Mirrors marquee.v1.PaymentMethodKind.
enum class PaymentMethod : int { Unspecified = 0, Cash = 1, CardTerminal = 2, CardOnline = 3 };
// Mirrors marquee.v1.OrderStatus.
enum class OrderStatus : int { Unspecified = 0, Pending = 1, Confirmed = 2, Failed = 3, Cancelled = 4 };
// Mirrors marquee.v1.PaymentStatus.
enum class PaymentStatus : int {
    Unspecified = 0, Pending = 1, Authorized = 2, Captured = 3, Declined = 4, Voided = 5, Refunded = 6,
    PartiallyRefunded = 7
};

struct OrderLineInfo {
    std::uint32_t lineNo = 0;
    QString seatId;
    QString gaAreaId;
    QString label;
    QString priceCategoryName;
    qint64 priceMinor = 0;
    qint64 feeMinor = 0;
    qint64 taxMinor = 0;
    qint64 totalMinor = 0;
};

struct PaymentInfo {
    PaymentMethod method = PaymentMethod::Unspecified;
    PaymentStatus status = PaymentStatus::Unspecified;
    qint64 amountMinor = 0;
    qint64 refundedMinor = 0;
    qint64 tenderedMinor = 0;
    qint64 changeDueMinor = 0;
    QString declineCode;
    QString cardBrand;
    QString cardLast4;
};

struct TicketInfo {
    QString id;
    QString orderId;
    QString eventId;
    std::uint32_t lineNo = 0;
    QString seatId;
    QString label;
    QString priceCategoryName;
    QString holderName;
    QString code; // the signed ticket code, also the QR content
    bool voided = false;
    qint64 issuedAtMs = 0;
};

struct OrderInfo {
    QString id;
    QString code; // "MQ-7K3F9X"
    QString eventId;
    qint64 userId = 0;
    OrderStatus status = OrderStatus::Unspecified;
    int sagaStep = 0;       // marquee.v1.SagaStep
    QString failureReason;  // hold_expired, payment_declined, seats_taken, ...
    QString currency;
    QList<OrderLineInfo> lines;
    qint64 subtotalMinor = 0;
    qint64 feesMinor = 0;
    qint64 taxMinor = 0;
    qint64 totalMinor = 0;
    PaymentInfo payment;
    QList<TicketInfo> tickets;
    QString buyerName;
    QString buyerEmail;
    QString holdId;
    qint64 holdExpiresAtMs = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    QString eventTitle;
    qint64 eventStartsAtMs = 0;
    QString eventTimeZone;
    QString venueName;
    QString venueAddress;
    qint64 attendeeCancelUntilMs = 0; // 0: the attendee cannot cancel it themselves
    // The encoded marquee.v1.Order this was read from: ticket widgets and the PDF export
    // (client/src/tickets) draw from the message itself.
    QByteArray encoded;
    bool isValid() const { return !id.isEmpty(); }
};

struct PaymentConfigInfo {
    bool cardOnline = false;
    QString providerUrl;
    QString publishableKey;
    QStringList terminalIds;
};

// Mirrors marquee.v1.WaitlistStatus.
enum class WaitlistStatus : int { Unspecified = 0, Waiting = 1, Offered = 2, Accepted = 3, Expired = 4, Left = 5 };

struct WaitlistEntryInfo {
    QString id;
    QString eventId;
    QString priceCategoryId;
    std::uint32_t seats = 0;
    WaitlistStatus status = WaitlistStatus::Unspecified;
    std::uint32_t position = 0;
    QString holdId;
    qint64 offerExpiresAtMs = 0;
    QStringList offeredSeatLabels;
    qint64 createdAtMs = 0;
    QString eventTitle;
    bool seatsApart = false; // the offered seats are not side by side
};

// An Ed25519 public key that signs tickets (change-log aggregate "ticket_key").
struct TicketKeyInfo {
    QString keyId;
    QByteArray publicKey; // 32 bytes
    qint64 validFromMs = 0;
    qint64 retiredAtMs = 0; // 0: current
    QString deviceId{};     // empty: a server key; otherwise a certified box-office device key
    QString certifiedByKeyId{};
    QByteArray certificate{}; // 64 bytes for a device key
    qint64 validUntilMs = 0;
    qint64 revokedAtMs = 0;   // the device was revoked (TicketKey.revoked_at_ms); 0: not
};

// A CreateOrder as the client sends it (never card data: only the provider's token).
struct OrderRequest {
    QString idempotencyKey;
    qint64 userId = 0;
    QString holdId;
    QString buyerName;
    QString buyerEmail;
    PaymentMethod method = PaymentMethod::Unspecified;
    QString cardPaymentMethod; // "pm_…"
    QString terminalId;
    qint64 cashTenderedMinor = 0;
};

// Change-log rows of the user's orders and waitlist entries: the encoded protobuf message as
// the server sent it (decoded by net/bookingcodec.h when shown) plus the columns the cache
// indexes and sorts by.
struct OrderRecord {
    std::string payload;
    std::string eventId;
    int status = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

struct WaitlistRecord {
    std::string payload;
    std::string eventId;
    int status = 0;
    qint64 createdAtMs = 0;
};

struct TicketKeyRecord {
    std::string publicKey;
    qint64 validFromMs = 0;
    qint64 retiredAtMs = 0;
    // A box-office device's key (empty deviceId: a server key), trusted only with its
    // certificate (boxoffice.proto DeviceCertificate).
    std::string deviceId{};
    std::string certifiedByKeyId{};
    std::string certificate{};
    qint64 validUntilMs = 0;
    qint64 revokedAtMs = 0;
};

} // namespace marquee::client

Q_DECLARE_METATYPE(marquee::client::HoldInfo)
Q_DECLARE_METATYPE(marquee::client::OrderInfo)
Q_DECLARE_METATYPE(marquee::client::PaymentConfigInfo)
Q_DECLARE_METATYPE(marquee::client::WaitlistEntryInfo)
