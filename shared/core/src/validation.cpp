// Validation rules; the server is authoritative, the client uses them for early feedback.
#include "marquee/core/validation.hpp"

#include <algorithm>
#include <cctype>

namespace marquee::core {
namespace {
bool isHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
} // namespace

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool isUuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isHex(text[i])) return false;
    }
    return true;
}

std::string normalizeEmail(std::string_view email) {
    auto begin = email.find_first_not_of(" \t\r\n");
    auto end = email.find_last_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    std::string out(email.substr(begin, end - begin + 1));
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool isValidEmail(std::string_view email) {
    if (email.size() < 3 || email.size() > 254) return false;
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at != email.rfind('@')) return false;
    const auto domain = email.substr(at + 1);
    if (domain.empty() || domain.front() == '.' || domain.back() == '.') return false;
    if (domain.find('.') == std::string_view::npos) return false;
    return std::none_of(email.begin(), email.end(), [](unsigned char c) {
        return std::isspace(c) != 0 || std::iscntrl(c) != 0;
    });
}

bool isCurrencyCode(std::string_view code) {
    return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool isValidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 0;
        if (c < 0x80) len = 1;
        else if ((c >> 5) == 0x6) len = 2;
        else if ((c >> 4) == 0xE) len = 3;
        else if ((c >> 3) == 0x1E) len = 4;
        else return false;
        if (i + len > text.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
        i += len;
    }
    return true;
}

ValidationErrors validatePassword(std::string_view password) {
    ValidationErrors errors;
    if (password.size() < kMinPasswordLength)
        errors.push_back({"password", "must be at least 10 characters"});
    if (password.size() > kMaxPasswordLength)
        errors.push_back({"password", "must be at most 256 characters"});
    if (!isValidUtf8(password)) errors.push_back({"password", "must be valid UTF-8"});
    return errors;
}

ValidationErrors validateEvent(const Event& event) {
    ValidationErrors errors;
    if (!event.id.empty() && !isUuid(event.id)) errors.push_back({"id", "must be a UUID"});
    if (event.title.find_first_not_of(" \t\r\n") == std::string::npos)
        errors.push_back({"title", "must not be empty"});
    if (event.title.size() > kMaxTitleLength) errors.push_back({"title", "is too long"});
    if (event.description.size() > kMaxDescriptionLength)
        errors.push_back({"description", "is too long"});
    if (!isValidUtf8(event.title) || !isValidUtf8(event.description))
        errors.push_back({"title", "must be valid UTF-8"});
    if (event.categoryId.empty()) errors.push_back({"category_id", "must not be empty"});
    if (event.startsAtMs <= 0) errors.push_back({"starts_at", "must be set"});
    if (event.endsAtMs != 0 && event.endsAtMs < event.startsAtMs)
        errors.push_back({"ends_at", "must not be before the start"});
    if (event.timeZone.empty()) errors.push_back({"time_zone", "must be an IANA time zone"});
    if (!event.venueId.empty() && !isUuid(event.venueId)) errors.push_back({"venue_id", "must be a UUID"});
    if (event.price.minMinor < 0 || event.price.maxMinor < event.price.minMinor)
        errors.push_back({"price", "minimum must be >= 0 and <= maximum"});
    if (!isCurrencyCode(event.price.currency)) errors.push_back({"price.currency", "must be an ISO 4217 code"});
    return errors;
}

} // namespace marquee::core
