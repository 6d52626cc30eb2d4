// Field-by-field mapping between protobuf and core types.
#include "marquee/protocol/conversions.hpp"

#include <utility>

namespace marquee::protocol {

v1::Role toProto(core::Role role) { return static_cast<v1::Role>(role); }
core::Role fromProto(v1::Role role) {
    return v1::Role_IsValid(role) ? static_cast<core::Role>(role) : core::Role::Anonymous;
}
v1::EventStatus toProto(core::EventStatus status) { return static_cast<v1::EventStatus>(status); }
core::EventStatus fromProto(v1::EventStatus status) {
    return v1::EventStatus_IsValid(status) ? static_cast<core::EventStatus>(status) : core::EventStatus::Scheduled;
}

void toProto(const core::PriceRange& in, v1::PriceRange* out) {
    out->set_min_minor(in.minMinor);
    out->set_max_minor(in.maxMinor);
    out->set_currency(in.currency);
}

void toProto(const core::Event& in, v1::Event* out) {
    out->set_id(in.id);
    out->set_title(in.title);
    out->set_description(in.description);
    out->set_category_id(in.categoryId);
    out->clear_tags();
    for (const auto& tag : in.tags) out->add_tags(tag);
    out->clear_performers();
    for (const auto& performer : in.performers) out->add_performers(performer);
    out->set_starts_at_ms(in.startsAtMs);
    out->set_ends_at_ms(in.endsAtMs);
    out->set_time_zone(in.timeZone);
    out->set_venue_id(in.venueId);
    toProto(in.price, out->mutable_price());
    out->set_status(toProto(in.status));
    out->set_image_url(in.imageUrl);
    out->set_organizer_id(in.organizerId);
    out->set_updated_at_ms(in.updatedAtMs);
}

void toProto(const core::Venue& in, v1::Venue* out) {
    out->set_id(in.id);
    out->set_name(in.name);
    out->set_address(in.address);
    out->set_city(in.city);
    out->set_country(in.country);
    out->set_latitude(in.latitude);
    out->set_longitude(in.longitude);
    out->set_time_zone(in.timeZone);
    out->set_capacity(in.capacity);
}

void toProto(const core::Category& in, v1::Category* out) {
    out->set_id(in.id);
    out->set_name(in.name);
    out->set_parent_id(in.parentId);
}

void toProto(const core::WishlistEntry& in, v1::WishlistEntry* out) {
    out->set_event_id(in.eventId);
    out->set_added_at_ms(in.addedAtMs);
}

core::PriceRange fromProto(const v1::PriceRange& in) { return {in.min_minor(), in.max_minor(), in.currency()}; }

core::Event fromProto(const v1::Event& in) {
    core::Event out;
    out.id = in.id();
    out.title = in.title();
    out.description = in.description();
    out.categoryId = in.category_id();
    out.tags.assign(in.tags().begin(), in.tags().end());
    out.performers.assign(in.performers().begin(), in.performers().end());
    out.startsAtMs = in.starts_at_ms();
    out.endsAtMs = in.ends_at_ms();
    out.timeZone = in.time_zone();
    out.venueId = in.venue_id();
    out.price = fromProto(in.price());
    out.status = fromProto(in.status());
    out.imageUrl = in.image_url();
    out.organizerId = in.organizer_id();
    out.updatedAtMs = in.updated_at_ms();
    return out;
}

core::Venue fromProto(const v1::Venue& in) {
    return {in.id(), in.name(), in.address(), in.city(), in.country(), in.latitude(), in.longitude(),
            in.time_zone(), in.capacity()};
}

core::Category fromProto(const v1::Category& in) { return {in.id(), in.name(), in.parent_id()}; }

core::WishlistEntry fromProto(const v1::WishlistEntry& in) { return {in.event_id(), in.added_at_ms()}; }

std::string_view bodyName(const v1::Envelope& envelope) {
    if (envelope.body_case() == v1::Envelope::BODY_NOT_SET) return "none";
    const auto* field = v1::Envelope::descriptor()->FindFieldByNumber(static_cast<int>(envelope.body_case()));
    return field ? std::string_view(field->name()) : std::string_view("unknown");
}

bool isRequest(const v1::Envelope& envelope) {
    if (envelope.body_case() == v1::Envelope::BODY_NOT_SET) return false;
    const auto* field = v1::Envelope::descriptor()->FindFieldByNumber(static_cast<int>(envelope.body_case()));
    return field && field->options().GetExtension(v1::request);
}

void setError(v1::Envelope& envelope, v1::ErrorCode code, std::string message,
              const std::map<std::string, std::string>& details) {
    auto* error = envelope.mutable_error();
    error->set_code(code);
    error->set_message(std::move(message));
    for (const auto& [key, value] : details) (*error->mutable_details())[key] = value;
}

v1::Envelope makeError(std::uint64_t requestId, v1::ErrorCode code, std::string message,
                       const std::map<std::string, std::string>& details) {
    v1::Envelope envelope;
    envelope.set_request_id(requestId);
    setError(envelope, code, std::move(message), details);
    return envelope;
}

} // namespace marquee::protocol
