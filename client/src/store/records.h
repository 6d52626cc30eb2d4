// Client-side record types shared by the net, store, services and models layers.
// Plain Qt/core types only: generated protobuf types never reach past the net layer.
#pragma once

#include "marquee/core/domain.hpp"
#include "store/bookingrecords.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace marquee::client {

// One synced seating layout version, kept as its SeatingLayout protobuf bytes (decoded on
// demand by net/seatingcodec.h: a 60,000-seat layout is only parsed when a map opens).
struct LayoutPayload {
    std::string layoutId;
    std::uint32_t version = 0;
    std::string payload;
};

// Which layout version an event sells.
struct EventLayoutPin {
    std::string eventId;
    std::string layoutId;
    std::uint32_t version = 0;
    bool operator==(const EventLayoutPin&) const = default;
};

// One decoded change-log row.
struct ChangeRecord {
    enum class Kind : std::uint8_t {
        Event, Venue, Category, Wishlist, Layout, EventLayout, Order, WaitlistEntry, TicketKey, Unknown
    };
    std::uint64_t seq = 0;
    Kind kind = Kind::Unknown;
    std::string aggregateId;
    bool deleted = false;
    std::variant<std::monostate, core::Event, core::Venue, core::Category, core::WishlistEntry, LayoutPayload,
                 EventLayoutPin, OrderRecord, WaitlistRecord, TicketKeyRecord>
        record;
};

// A ChangeBatch converted to client types (an answer to PullChanges or a live push).
struct ChangeBatchData {
    std::uint64_t fromCursor = 0;
    std::uint64_t nextCursor = 0;
    std::uint64_t head = 0;
    bool hasMore = false;
    bool reset = false;
    bool live = false; // a push (request_id 0) rather than a pull answer
    std::vector<ChangeRecord> changes;
};

// What applying one batch did, for progress and model refresh.
struct BatchResult {
    std::uint64_t cursor = 0;
    std::uint64_t head = 0;
    int appliedRows = 0;
    bool catalogChanged = false;
    bool wishlistChanged = false;
    bool seatingChanged = false; // layouts or event -> layout pins
    bool ordersChanged = false;   // the user's orders (and their tickets)
    bool waitlistChanged = false; // the user's waitlist entries
    bool ticketKeysChanged = false;
    bool reset = false;
    QString error; // non-empty: the transaction was rolled back
};

// Error codes mirror marquee.v1.ErrorCode plus two client-side failures.
enum class ErrorCode : int {
    Unspecified = 0,
    InvalidArgument = 1,
    Unauthenticated = 2,
    PermissionDenied = 3,
    NotFound = 4,
    AlreadyExists = 5,
    FailedPrecondition = 6,
    ResourceExhausted = 7,
    UnsupportedVersion = 8,
    Unimplemented = 9,
    Unavailable = 10,
    Internal = 11,
    Timeout = 100,        // no answer within the request timeout
    ConnectionLost = 101, // the socket closed before the answer came
};

struct ErrorInfo {
    ErrorCode code = ErrorCode::Unspecified;
    QString message; // server's English text, for logs
    QMap<QString, QString> details;
    // Permanent errors will fail again on replay; transient ones may succeed later.
    bool isPermanent() const
    {
        return code == ErrorCode::InvalidArgument || code == ErrorCode::NotFound
            || code == ErrorCode::PermissionDenied || code == ErrorCode::AlreadyExists;
    }
    qint64 retryAfterMs() const { return details.value(QStringLiteral("retry_after_ms")).toLongLong(); }
};

struct SessionInfo {
    QString token;
    qint64 userId = 0;
    core::Role role = core::Role::Anonymous;
    QString email;
    qint64 expiresAtMs = 0;
};

struct HelloInfo {
    QString serverVersion;
    qint64 userId = 0;
    core::Role role = core::Role::Anonymous;
    QString email;
    std::uint64_t head = 0;
};

struct AckInfo {
    QString id;
    std::uint64_t seqHint = 0;
    bool replayed = false;
};

// General-admission availability of one area, as the server reports it.
struct AreaAvailabilityInfo {
    QString areaId;
    std::uint32_t capacity = 0;
    std::uint32_t taken = 0;
};

// Answer to SubscribeSeats: one status byte per seat in SeatIndex order.
struct SeatSnapshotInfo {
    QString eventId;
    QString layoutId;
    std::uint32_t layoutVersion = 0;
    QByteArray status;
    std::uint64_t statusSeq = 0;
    QList<AreaAvailabilityInfo> generalAdmission;
};

// A live SeatDelta push; statusSeq is strictly increasing per event.
struct SeatDeltaInfo {
    QString eventId;
    std::uint64_t statusSeq = 0;
    std::vector<std::uint32_t> seats;
    QByteArray status; // one byte per entry of seats
    QList<AreaAvailabilityInfo> generalAdmission;
};

// Persisted sync and account state (single row of sync_state).
struct SyncState {
    std::uint64_t cursor = 0;
    qint64 cursorUserId = 0; // identity the cursor was pulled as; user rows differ per identity
    QDateTime lastSyncAt;
    QString serverUrl;
    QString deviceId;
    QString token;
    qint64 userId = 0;
    core::Role role = core::Role::Anonymous;
    QString email;
};

struct OutboxEntry {
    qint64 seq = 0;
    QString key; // client UUID: the idempotency key
    qint64 userId = 0;
    QString kind; // "wishlist"
    QString entityId;
    QByteArray payload;
    QDateTime createdAt;
    int attempts = 0;
    QString lastError;
};

// Filter the event list is queried with. Dates are in the user's local time zone.
struct EventFilter {
    QDate from;       // invalid: open
    QDate to;         // inclusive; invalid: open
    QString categoryId; // includes its subcategories; empty: all
    bool wishlistOnly = false;
    qint64 userId = 0;
    bool operator==(const EventFilter&) const = default;
};

// One row of the event list.
struct EventRow {
    QString id;
    QString title;
    qint64 startsAtMs = 0;
    QString timeZone;
    QString venueName;
    QString city;
    QString categoryId;
    QString categoryName;
    qint64 priceMinMinor = 0;
    qint64 priceMaxMinor = 0;
    QString currency;
    core::EventStatus status = core::EventStatus::Scheduled;
    bool wishlisted = false;
    bool operator==(const EventRow&) const = default;
};

// Everything the detail pane shows.
struct EventDetails {
    core::Event event;
    std::optional<core::Venue> venue;
    QString categoryName;
    bool wishlisted = false;
};

} // namespace marquee::client

Q_DECLARE_METATYPE(marquee::client::ChangeBatchData)
Q_DECLARE_METATYPE(marquee::client::BatchResult)
Q_DECLARE_METATYPE(marquee::client::ErrorInfo)
Q_DECLARE_METATYPE(marquee::client::SessionInfo)
Q_DECLARE_METATYPE(marquee::client::HelloInfo)
Q_DECLARE_METATYPE(marquee::client::AckInfo)
Q_DECLARE_METATYPE(marquee::client::SeatSnapshotInfo)
Q_DECLARE_METATYPE(marquee::client::SeatDeltaInfo)
