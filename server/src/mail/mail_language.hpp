// The language a mail is written in (docs/mail.md "Languages"): its gettext catalog (Boost.Locale,
// embedded .mo files) and how it writes money and times. One immutable object per language,
// shared by every thread; nothing here touches the process-global locale.
#pragma once

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <algorithm>
#include <cstdint>
#include <locale>
#include <string>
#include <string_view>

namespace marquee::server::mail {

class MailLanguage {
public:
    // "de" or "fr" (also "de-AT", "fr_CH"); English for anything else, unknown codes included.
    static const MailLanguage& of(std::string_view code);
    static const MailLanguage& english();

    // "en", "de", "fr": what users.language and orders.language hold.
    const std::string& code() const { return m_code; }

    // The translation of an English message; "{1}", "{2}", ... are the arguments in order
    // (Boost.Locale's format syntax). Strings only, so no argument gets the locale's number format.
    template <typename... Args>
    std::string tr(const char* english, const Args&... args) const {
        return fill(boost::locale::translate(english), args...);
    }
    // A message with a count: the language's plural form for `n` ("{1}" is n itself).
    template <typename... Args>
    std::string trn(const char* singular, const char* plural, std::int64_t n, const Args&... args) const {
        // Boost.Locale counts in int; beyond a million every language here uses its plural form.
        const auto count = static_cast<int>(std::clamp<std::int64_t>(n, -1'000'000, 1'000'000));
        return fill(boost::locale::translate(singular, plural, count), std::to_string(n), args...);
    }

    // Money from minor units with the currency's ISO 4217 digits: "EUR 1,234.50" in English,
    // "1.234,50 €" in German, "1 234,50 €" in French.
    std::string money(std::int64_t minor, const std::string& currency) const;
    // The time in the IANA zone (UTC when empty or unknown), the zone named: "Saturday, 14 June
    // 2025, 19:30 CEST", "Samstag, 14. Juni 2025, 19:30 MESZ", "samedi 14 juin 2025, 19:30 UTC+2".
    std::string eventTime(std::int64_t ms, const std::string& timeZone) const;
    // The shorter form printed on tickets: "Sa., 14. Juni 2025, 19:30 Uhr MESZ" (English: the
    // long form; English tickets keep their own, tickets/ticket_render.cpp).
    std::string shortEventTime(std::int64_t ms, const std::string& timeZone) const;
    // A day without time: "16 November 2026", "16. November 2026", "16 novembre 2026".
    std::string day(std::int64_t daysSinceEpoch) const;

    const std::locale& locale() const { return m_locale; }

private:
    explicit MailLanguage(std::string code);

    template <typename... Args>
    std::string fill(const boost::locale::message& message, const Args&... args) const {
        boost::locale::format format(message);
        if constexpr (sizeof...(Args) > 0) (format % ... % args);
        return format.str(m_locale);
    }

    std::string m_code;
    std::locale m_locale;
};

} // namespace marquee::server::mail
