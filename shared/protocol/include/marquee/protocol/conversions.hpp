// Conversions between generated protobuf messages and core domain types.
#pragma once

#include "marquee/core/domain.hpp"
#include "marquee/v1/catalog.pb.h"
#include "marquee/v1/common.pb.h"
#include "marquee/v1/envelope.pb.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace marquee::protocol {

v1::Role toProto(core::Role role);
core::Role fromProto(v1::Role role);
v1::EventStatus toProto(core::EventStatus status);
core::EventStatus fromProto(v1::EventStatus status);

void toProto(const core::PriceRange& in, v1::PriceRange* out);
void toProto(const core::Event& in, v1::Event* out);
void toProto(const core::Venue& in, v1::Venue* out);
void toProto(const core::Category& in, v1::Category* out);
void toProto(const core::WishlistEntry& in, v1::WishlistEntry* out);

core::PriceRange fromProto(const v1::PriceRange& in);
core::Event fromProto(const v1::Event& in);
core::Venue fromProto(const v1::Venue& in);
core::Category fromProto(const v1::Category& in);
core::WishlistEntry fromProto(const v1::WishlistEntry& in);

// The Envelope body's field name ("hello", "pull_changes", ...; "none" when empty): metric
// labels and log fields use the same names as the .proto.
std::string_view bodyName(const v1::Envelope& envelope);

// True when the body is one a client may send: its Envelope field carries the
// `(request) = true` option in envelope.proto (the one list of requests).
bool isRequest(const v1::Envelope& envelope);

// Replaces the envelope's body with an Error (the request_id is left as it is).
void setError(v1::Envelope& envelope, v1::ErrorCode code, std::string message,
              const std::map<std::string, std::string>& details = {});
v1::Envelope makeError(std::uint64_t requestId, v1::ErrorCode code, std::string message,
                       const std::map<std::string, std::string>& details = {});

} // namespace marquee::protocol

