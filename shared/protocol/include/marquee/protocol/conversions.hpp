// Conversions between generated protobuf messages and core domain types.
#pragma once

#include "marquee/core/domain.hpp"
#include "marquee/v1/catalog.pb.h"
#include "marquee/v1/common.pb.h"

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

} // namespace marquee::protocol

