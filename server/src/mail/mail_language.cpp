// Mail languages (see mail_language.hpp). English is the catalogs' source language and keeps the
// forms the mails always had (ISO code before the amount, the tz database's zone abbreviations).
// German and French: messages from the embedded catalogs through Boost.Locale's gettext
// support, money through Boost.Locale's ICU backend, dates through ICU itself, because
// Boost.Locale's strftime mapping names a zone only by its long generic name ("Mitteleuropäische
// Zeit"), which doesn't say whether summer time applies.
#include "mail/mail_language.hpp"

#include "mail/mail_catalogs.hpp"
#include "mail/notifications.hpp"

#include <boost/locale/formatting.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/gnu_gettext.hpp>
#include <date/tz.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace marquee::server::mail {

namespace {

constexpr const char* kDomain = "marquee-server";
constexpr const char* kCatalogRoot = "embedded";

// Boost.Locale's name of the language's locale: language, country (for the money and date
// conventions) and UTF-8.
std::string localeName(const std::string& code) {
    if (code == "de") return "de_DE.UTF-8";
    if (code == "fr") return "fr_FR.UTF-8";
    return "en_GB.UTF-8";
}

boost::locale::generator& generator() {
    static boost::locale::generator gen;
    return gen;
}
std::mutex g_generatorMutex; // generator() and the money locales

// The locale with the language's catalog, read from the binary instead of the file system.
std::locale withCatalog(const std::locale& base, const std::string& code) {
    boost::locale::gnu_gettext::messages_info info;
    info.language = code;
    info.encoding = "UTF-8";
    info.domains.emplace_back(kDomain);
    info.paths.emplace_back(kCatalogRoot);
    const std::string wanted = std::string(kCatalogRoot) + "/" + code + "/LC_MESSAGES/" + kDomain + ".mo";
    info.callback = [wanted, code](const std::string& fileName, const std::string&) {
        if (fileName != wanted) return std::vector<char>{};
        const auto catalog = embedded::mailCatalog(code);
        return std::vector<char>(catalog.begin(), catalog.end());
    };
    return std::locale(base, boost::locale::gnu_gettext::create_messages_facet<char>(info));
}

bool isCurrencyCode(const std::string& currency) {
    if (currency.size() != 3) return false;
    for (const char c : currency)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

// The language's locale with `currency` as its currency ("de_DE.UTF-8@currency=USD"), made
// once per pair: Boost.Locale's currency format always uses the locale's own currency.
std::locale moneyLocale(const std::string& code, const std::string& currency) {
    static std::map<std::string, std::locale> cache;
    const std::lock_guard lock(g_generatorMutex);
    const auto name = localeName(code) + "@currency=" + currency;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, generator()(name)).first;
    return it->second;
}

// `ms` written with an ICU date pattern in `timeZone` (UTC when empty or unknown to the tz
// database, as the English form does).
std::string formatIcu(std::int64_t ms, const std::string& timeZone, const std::string& pattern, const std::string& code) {
    std::string zoneName = "UTC";
    try {
        if (!timeZone.empty() && date::locate_zone(timeZone) != nullptr) zoneName = timeZone;
    } catch (const std::exception&) {
        zoneName = "UTC";
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::SimpleDateFormat format(icu::UnicodeString::fromUTF8(pattern), icu::Locale(localeName(code).substr(0, 5).c_str()),
                                 status);
    if (U_FAILURE(status)) throw std::runtime_error("bad date pattern in the " + code + " mail catalog: " + pattern);
    format.adoptTimeZone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zoneName)));
    icu::UnicodeString text;
    format.format(static_cast<UDate>(ms), text);
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace

MailLanguage::MailLanguage(std::string code) : m_code(std::move(code)) {
    const std::lock_guard lock(g_generatorMutex);
    m_locale = withCatalog(generator()(localeName(m_code)), m_code);
}

const MailLanguage& MailLanguage::of(std::string_view code) {
    static const MailLanguage german("de");
    static const MailLanguage french("fr");
    const auto primary = code.substr(0, code.find_first_of("-_"));
    if (primary == "de" || primary == "DE") return german;
    if (primary == "fr" || primary == "FR") return french;
    return english();
}

const MailLanguage& MailLanguage::english() {
    static const MailLanguage language("en");
    return language;
}

std::string MailLanguage::money(std::int64_t minor, const std::string& currency) const {
    if (m_code == "en" || !isCurrencyCode(currency)) return formatMoney(minor, currency);
    double scale = 1;
    for (int i = minorDigits(currency); i > 0; --i) scale *= 10;
    std::ostringstream out;
    out.imbue(moneyLocale(m_code, currency));
    out << boost::locale::as::currency << static_cast<double>(minor) / scale;
    return out.str();
}

std::string MailLanguage::eventTime(std::int64_t ms, const std::string& timeZone) const {
    if (m_code == "en") return formatEventTime(ms, timeZone);
    // Translators: an ICU date pattern (unicode.org/reports/tr35/tr35-dates.html); "z" is the
    // zone's short name in the language ("MESZ").
    return formatIcu(ms, timeZone, boost::locale::translate("ICU date pattern", "EEEE, d MMMM y, HH:mm z").str(m_locale),
                     m_code);
}

std::string MailLanguage::shortEventTime(std::int64_t ms, const std::string& timeZone) const {
    if (m_code == "en") return formatEventTime(ms, timeZone);
    return formatIcu(ms, timeZone, boost::locale::translate("ICU date pattern", "EEE d MMM y, HH:mm z").str(m_locale),
                     m_code);
}

std::string MailLanguage::day(std::int64_t daysSinceEpoch) const {
    const std::int64_t ms = daysSinceEpoch * 86'400'000;
    if (m_code == "en") {
        auto text = date::format("%d %B %Y", date::sys_days(date::days(static_cast<date::days::rep>(daysSinceEpoch))));
        if (!text.empty() && text[0] == '0') text.erase(0, 1);
        return text;
    }
    return formatIcu(ms, "UTC", boost::locale::translate("ICU date pattern", "d MMMM y").str(m_locale), m_code);
}

} // namespace marquee::server::mail
