// Conversions between the booking protobuf messages (booking.proto, order.proto) and the
// client's booking records; the cache keeps orders and waitlist entries as encoded bytes.
#pragma once

#include "store/bookingrecords.h"

#include <optional>

namespace marquee::v1 {
class HoldResult;
class Order;
class PaymentConfig;
class WaitlistEntry;
class HoldSeats;
class CreateOrder;
} // namespace marquee::v1

namespace marquee::client {

HoldInfo fromProto(const v1::HoldResult& hold);
OrderInfo fromProto(const v1::Order& order);
PaymentConfigInfo fromProto(const v1::PaymentConfig& config);
WaitlistEntryInfo fromProto(const v1::WaitlistEntry& entry);

void toProto(const HoldRequest& request, const QString& idempotencyKey, v1::HoldSeats* out);
void toProto(const OrderRequest& request, v1::CreateOrder* out);

// Cached payloads (LocalStore::orderPayloads / waitlistPayloads); nullopt when unreadable.
std::optional<OrderInfo> decodeOrderPayload(const QByteArray& payload);
std::optional<WaitlistEntryInfo> decodeWaitlistEntryPayload(const QByteArray& payload);

} // namespace marquee::client
