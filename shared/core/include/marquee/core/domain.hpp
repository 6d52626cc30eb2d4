// Catalog and account domain types, independent of Qt, Boost, SQL and protobuf.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::core {

enum class Role : std::uint8_t { Anonymous = 0, Attendee = 1, Staff = 2, Organizer = 3, Admin = 4 };

std::string_view roleName(Role role);
std::optional<Role> roleFromName(std::string_view name);

enum class EventStatus : std::uint8_t { Scheduled = 0, Cancelled = 1, Postponed = 2, SoldOut = 3 };

std::string_view eventStatusName(EventStatus status);
std::optional<EventStatus> eventStatusFromName(std::string_view name);

// Money is always integer minor units plus an ISO 4217 code.
struct PriceRange {
    std::int64_t minMinor = 0;
    std::int64_t maxMinor = 0;
    std::string currency;
    bool isFree() const { return maxMinor == 0; }
    bool operator==(const PriceRange&) const = default;
};

struct Event {
    std::string id; // UUID
    std::string title;
    std::string description;
    std::string categoryId;
    std::vector<std::string> tags;
    std::vector<std::string> performers;
    std::int64_t startsAtMs = 0; // UTC
    std::int64_t endsAtMs = 0;
    std::string timeZone; // IANA
    std::string venueId;
    PriceRange price;
    EventStatus status = EventStatus::Scheduled;
    std::string imageUrl;
    std::int64_t organizerId = 0;
    std::int64_t updatedAtMs = 0;
    bool operator==(const Event&) const = default;
};

struct Venue {
    std::string id;
    std::string name;
    std::string address;
    std::string city;
    std::string country;
    double latitude = 0;
    double longitude = 0;
    std::string timeZone;
    std::int32_t capacity = 0;
    bool operator==(const Venue&) const = default;
};

struct Category {
    std::string id; // slug
    std::string name;
    std::string parentId;
    bool operator==(const Category&) const = default;
};

struct WishlistEntry {
    std::string eventId;
    std::int64_t addedAtMs = 0;
    bool operator==(const WishlistEntry&) const = default;
};

// Aggregate type names used in the change log (Debezium outbox "aggregatetype").
namespace aggregate {
inline constexpr std::string_view kEvent = "event";
inline constexpr std::string_view kVenue = "venue";
inline constexpr std::string_view kCategory = "category";
inline constexpr std::string_view kWishlist = "wishlist";
// Seating: one immutable layout version ("<layout id>@<version>"), and which version an event
// sells (id: the event id).
inline constexpr std::string_view kLayout = "layout";
inline constexpr std::string_view kEventLayout = "event_layout";
// Public Ed25519 keys that sign tickets (id: the key id; payload v1::TicketKey).
inline constexpr std::string_view kTicketKey = "ticket_key";
// Booking: a user's waitlist entry (id: the entry id; scope: the user).
inline constexpr std::string_view kWaitlistEntry = "waitlist_entry";
} // namespace aggregate

} // namespace marquee::core
