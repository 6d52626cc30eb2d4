// An order as the wire record (order.proto Order): lines, the payment as the provider calls
// left it, tickets, and the event/venue fields "My tickets" shows offline. publishOrder()
// appends it to the change log (aggregate "order", scope: the buyer) in the caller's
// transaction; every order state change calls it, so clients' caches follow live.
#pragma once

#include "marquee/v1/order.pb.h"

#include <pqxx/pqxx>

#include <optional>
#include <string>

namespace marquee::server::orders {

inline constexpr const char* kOrderAggregate = "order";

std::optional<v1::Order> loadOrder(pqxx::transaction_base& tx, const std::string& orderId);
// Loads the order, appends its change-log row and returns it.
v1::Order publishOrder(pqxx::transaction_base& tx, const std::string& orderId);

v1::OrderStatus orderStatusFromName(const std::string& name);
v1::SagaStep sagaStepFromName(const std::string& name);

} // namespace marquee::server::orders
