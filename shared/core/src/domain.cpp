// Names of domain enums as stored in SQL and logs.
#include "marquee/core/domain.hpp"

#include <array>
#include <utility>

namespace marquee::core {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 5> kRoles{{
    {Role::Anonymous, "anonymous"},
    {Role::Attendee, "attendee"},
    {Role::Staff, "staff"},
    {Role::Organizer, "organizer"},
    {Role::Admin, "admin"},
}};
constexpr std::array<std::pair<EventStatus, std::string_view>, 4> kStatuses{{
    {EventStatus::Scheduled, "scheduled"},
    {EventStatus::Cancelled, "cancelled"},
    {EventStatus::Postponed, "postponed"},
    {EventStatus::SoldOut, "sold_out"},
}};

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name) {
    for (const auto& [v, n] : table)
        if (n == name) return v;
    return std::nullopt;
}
} // namespace

std::string_view roleName(Role role) { return nameOf(kRoles, role); }
std::optional<Role> roleFromName(std::string_view name) { return valueOf(kRoles, name); }
std::string_view eventStatusName(EventStatus status) { return nameOf(kStatuses, status); }
std::optional<EventStatus> eventStatusFromName(std::string_view name) { return valueOf(kStatuses, name); }

} // namespace marquee::core
