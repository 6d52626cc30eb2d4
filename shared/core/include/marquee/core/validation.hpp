// Input validation shared by server (authoritative) and client (early feedback).
#pragma once

#include "marquee/core/domain.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace marquee::core {

struct FieldError {
    std::string field;
    std::string message; // English; clients map field names to translated text
    bool operator==(const FieldError&) const = default;
};

using ValidationErrors = std::vector<FieldError>;

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 256;
inline constexpr std::size_t kMaxTitleLength = 300;
inline constexpr std::size_t kMaxDescriptionLength = 20000;

bool isUuid(std::string_view text);
// ASCII upper case to lower case (UUIDs and other ids compare in lower case).
std::string lowerAscii(std::string_view text);
bool isValidEmail(std::string_view email);
// Lower-cases and trims an e-mail address so one person has one account.
std::string normalizeEmail(std::string_view email);
bool isCurrencyCode(std::string_view code);
bool isValidUtf8(std::string_view text);

ValidationErrors validatePassword(std::string_view password);
ValidationErrors validateEvent(const Event& event);

} // namespace marquee::core
