// Text and time helpers for ingestion; see text.hpp.
#include "ingest/text.hpp"

#include "marquee/core/validation.hpp"

#include <date/date.h>
#include <date/tz.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace marquee::server::ingest {

namespace {

void appendCodePoint(std::string& out, std::uint32_t cp) {
    if (cp == 0) return;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Windows-1252 0x80..0x9F; the rest of the upper half is Latin-1.
constexpr std::array<std::uint16_t, 32> kCp1252High{
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string fromUtf16(std::string_view bytes, bool bigEndian) {
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        const auto b0 = static_cast<unsigned char>(bytes[i]);
        const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
        std::uint32_t unit = bigEndian ? (b0 << 8U) | b1 : (b1 << 8U) | b0;
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
            const auto c0 = static_cast<unsigned char>(bytes[i + 2]);
            const auto c1 = static_cast<unsigned char>(bytes[i + 3]);
            const std::uint32_t low = bigEndian ? (c0 << 8U) | c1 : (c1 << 8U) | c0;
            if (low >= 0xDC00 && low <= 0xDFFF) {
                unit = 0x10000 + ((unit - 0xD800) << 10U) + (low - 0xDC00);
                i += 2;
            }
        }
        appendCodePoint(out, unit);
    }
    return out;
}

std::string stripNul(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), '\0'), text.end());
    return text;
}

bool startsWithNoCase(std::string_view text, std::size_t pos, std::string_view prefix) {
    if (text.size() - pos < prefix.size() || pos > text.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[pos + i])) != prefix[i]) return false;
    return true;
}

// Decodes one entity starting at text[pos] == '&'; returns the bytes consumed (0: not one).
std::size_t decodeEntity(std::string_view text, std::size_t pos, std::string& out) {
    const auto semi = text.find(';', pos);
    if (semi == std::string_view::npos || semi - pos > 10) return 0;
    const auto name = text.substr(pos + 1, semi - pos - 1);
    if (name.size() >= 2 && name[0] == '#') {
        std::uint32_t cp = 0;
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const auto digits = name.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        for (const char c : digits) {
            const int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(c))
                              ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                              : -1;
            if (v < 0 || cp > 0x10FFFF) return 0;
            cp = cp * (hex ? 16U : 10U) + static_cast<std::uint32_t>(v);
        }
        appendCodePoint(out, cp);
        return semi - pos + 1;
    }
    static const std::array<std::pair<std::string_view, std::uint32_t>, 16> kNamed{{
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
        {"ndash", 0x2013}, {"mdash", 0x2014}, {"euro", 0x20AC}, {"hellip", 0x2026}, {"auml", 0xE4},
        {"ouml", 0xF6}, {"uuml", 0xFC}, {"szlig", 0xDF}, {"eacute", 0xE9}, {"copy", 0xA9}}};
    for (const auto& [n, cp] : kNamed)
        if (n == name) {
            appendCodePoint(out, cp == 0xA0 ? ' ' : cp);
            return semi - pos + 1;
        }
    return 0;
}

} // namespace

std::string toUtf8(std::string_view bytes) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") return stripNul(fromUtf16(bytes.substr(2), false));
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") return stripNul(fromUtf16(bytes.substr(2), true));
    if (core::isValidUtf8(bytes)) return stripNul(std::string(bytes));
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        if (b < 0x80) out.push_back(ch);
        else if (b < 0xA0) appendCodePoint(out, kCp1252High[b - 0x80]);
        else appendCodePoint(out, b);
    }
    return stripNul(std::move(out));
}

std::string collapseSpace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string htmlToText(std::string_view html) {
    std::string flat;
    flat.reserve(html.size());
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<') {
            if (startsWithNoCase(html, i, "<!--")) {
                const auto end = html.find("-->", i + 4);
                i = end == std::string_view::npos ? html.size() : end + 3;
                continue;
            }
            const auto close = html.find('>', i);
            if (close == std::string_view::npos) { // a lone '<' is text
                flat.push_back(c);
                ++i;
                continue;
            }
            std::size_t n = i + 1;
            const bool closing = n < close && html[n] == '/';
            if (closing) ++n;
            std::string tag;
            while (n < close && std::isalnum(static_cast<unsigned char>(html[n])))
                tag.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[n++]))));
            if (tag.empty()) { // "a < b" style text
                flat.push_back(c);
                ++i;
                continue;
            }
            if (!closing && (tag == "script" || tag == "style")) {
                std::size_t end = close;
                const std::string endTag = "</" + tag;
                while (end < html.size() && !startsWithNoCase(html, end, endTag)) ++end;
                const auto endClose = html.find('>', end);
                i = endClose == std::string_view::npos ? html.size() : endClose + 1;
                continue;
            }
            static const std::array<std::string_view, 14> kBlocks{"br", "p", "div", "li", "ul", "ol", "tr",
                                                                  "h1", "h2", "h3", "h4", "h5", "h6", "table"};
            if (std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end()) flat.push_back('\n');
            else flat.push_back(' ');
            i = close + 1;
            continue;
        }
        if (c == '&') {
            const auto used = decodeEntity(html, i, flat);
            if (used > 0) {
                i += used;
                continue;
            }
        }
        flat.push_back(c == '\r' ? '\n' : c);
        ++i;
    }
    // Collapse spaces within lines, keep at most one blank line between paragraphs.
    std::string out;
    std::size_t start = 0;
    int blank = 0;
    while (start <= flat.size()) {
        auto end = flat.find('\n', start);
        if (end == std::string::npos) end = flat.size();
        const auto line = collapseSpace(std::string_view(flat).substr(start, end - start));
        if (line.empty()) {
            ++blank;
        } else {
            if (!out.empty()) out += blank > 0 ? "\n\n" : "\n";
            out += line;
            blank = 0;
        }
        start = end + 1;
    }
    return out;
}

std::string truncateUtf8(std::string text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    return text;
}

bool isIanaZone(const std::string& name) {
    if (name.empty()) return false;
    try {
        (void)date::locate_zone(name);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

std::optional<std::int64_t> localToUtcMs(const std::string& zone, int year, int month, int day, int hour,
                                         int minute, int second) {
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 24 || minute < 0 || minute > 59 ||
        second < 0 || second > 60 || year < 1 || year > 9999)
        return std::nullopt;
    const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                   date::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    const date::time_zone* tz = nullptr;
    try {
        tz = date::locate_zone(zone);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    using namespace std::chrono;
    auto local = date::local_days{ymd} + hours{hour} + minutes{minute} + seconds{std::min(second, 59)};
    try {
        const auto info = tz->get_info(local);
        if (info.result == date::local_info::nonexistent)
            local += duration_cast<seconds>(info.second.offset - info.first.offset);
        return duration_cast<milliseconds>(tz->to_sys(local, date::choose::earliest).time_since_epoch()).count();
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<int> zoneOffsetSeconds(const std::string& zone, std::int64_t utcMs) {
    try {
        const auto* tz = date::locate_zone(zone);
        const auto info = tz->get_info(date::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{utcMs}});
        return static_cast<int>(info.offset.count());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string zoneForOffset(const std::string& defaultZone, std::int64_t utcMs, int offsetSeconds) {
    if (const auto own = zoneOffsetSeconds(defaultZone, utcMs); own && *own == offsetSeconds) return defaultZone;
    if (offsetSeconds == 0) return "Etc/UTC";
    if (offsetSeconds % 3600 == 0 && std::abs(offsetSeconds) <= 12 * 3600) {
        // POSIX-style names invert the sign: UTC+2 is Etc/GMT-2.
        const int hoursEast = offsetSeconds / 3600;
        return std::string("Etc/GMT") + (hoursEast > 0 ? "-" : "+") + std::to_string(std::abs(hoursEast));
    }
    return defaultZone;
}

std::optional<IsoDateTime> parseIsoDateTime(std::string_view text, const std::string& defaultZone) {
    const auto s = collapseSpace(text);
    const auto digits = [&](std::size_t pos, std::size_t count) -> std::optional<int> {
        if (pos + count > s.size()) return std::nullopt;
        int v = 0;
        for (std::size_t i = pos; i < pos + count; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    const auto y = digits(0, 4);
    if (!y) return std::nullopt;
    std::size_t pos = 4;
    const bool dashes = pos < s.size() && s[pos] == '-';
    if (dashes) ++pos;
    const auto mo = digits(pos, 2);
    pos += 2;
    if (dashes) {
        if (pos >= s.size() || s[pos] != '-') return std::nullopt;
        ++pos;
    }
    const auto d = digits(pos, 2);
    pos += 2;
    if (!mo || !d) return std::nullopt;
    IsoDateTime out;
    if (pos == s.size()) {
        const auto ms = localToUtcMs(defaultZone, *y, *mo, *d, 0, 0, 0);
        if (!ms) return std::nullopt;
        out.utcMs = *ms;
        out.dateOnly = true;
        out.zone = defaultZone;
        return out;
    }
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
    ++pos;
    const auto h = digits(pos, 2);
    pos += 2;
    const bool colons = pos < s.size() && s[pos] == ':';
    if (colons) ++pos;
    const auto mi = digits(pos, 2);
    pos += 2;
    if (!h || !mi) return std::nullopt;
    int sec = 0;
    int millis = 0;
    if (pos < s.size() && (s[pos] == ':' || (!colons && std::isdigit(static_cast<unsigned char>(s[pos]))))) {
        if (s[pos] == ':') ++pos;
        const auto se = digits(pos, 2);
        if (!se) return std::nullopt;
        sec = *se;
        pos += 2;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            int scale = 100;
            while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
                millis += (s[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
        }
    }
    std::optional<int> offset;
    if (pos < s.size()) {
        if (s[pos] == 'Z' || s[pos] == 'z') {
            offset = 0;
            ++pos;
        } else if (s[pos] == '+' || s[pos] == '-') {
            const int sign = s[pos] == '-' ? -1 : 1;
            ++pos;
            const auto oh = digits(pos, 2);
            if (!oh) return std::nullopt;
            pos += 2;
            if (pos < s.size() && s[pos] == ':') ++pos;
            const auto om = pos < s.size() ? digits(pos, 2) : std::optional<int>(0);
            if (!om) return std::nullopt;
            if (pos < s.size()) pos += 2;
            offset = sign * (*oh * 3600 + *om * 60);
        }
    }
    if (pos != s.size()) return std::nullopt;
    if (offset) {
        const auto ms = localToUtcMs("Etc/UTC", *y, *mo, *d, *h, *mi, sec);
        if (!ms) return std::nullopt;
        out.utcMs = *ms - std::int64_t{*offset} * 1000 + millis;
        out.zone = zoneForOffset(defaultZone, out.utcMs, *offset);
    } else {
        const auto ms = localToUtcMs(defaultZone, *y, *mo, *d, *h, *mi, sec);
        if (!ms) return std::nullopt;
        out.utcMs = *ms + millis;
        out.zone = defaultZone;
    }
    return out;
}

std::int64_t minorUnitsPerMajor(std::string_view currency) {
    static const std::array<std::string_view, 9> kZero{"JPY", "KRW", "ISK", "CLP", "VND", "XAF", "XOF", "UGX", "PYG"};
    static const std::array<std::string_view, 6> kThree{"BHD", "KWD", "OMR", "JOD", "TND", "LYD"};
    if (std::find(kZero.begin(), kZero.end(), currency) != kZero.end()) return 1;
    if (std::find(kThree.begin(), kThree.end(), currency) != kThree.end()) return 1000;
    return 100;
}

std::optional<std::int64_t> parsePriceMinor(std::string_view text, std::string& currency) {
    std::string lower;
    for (const char c : text) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    const auto trimmed = collapseSpace(lower);
    if (trimmed == "free" || trimmed == "kostenlos" || trimmed == "gratis" || trimmed == "frei" ||
        trimmed == "eintritt frei")
        return 0;
    static const std::array<std::pair<std::string_view, std::string_view>, 5> kSymbols{
        {{"\xE2\x82\xAC", "EUR"}, {"\xC2\xA3", "GBP"}, {"$", "USD"}, {"\xC2\xA5", "JPY"}, {"chf", "CHF"}}};
    for (const auto& [symbol, code] : kSymbols)
        if (currency.empty() && trimmed.find(symbol) != std::string::npos) currency = code;
    // An ISO code written next to the number ("EUR 12", "12 usd").
    std::string letters;
    for (const char c : trimmed) {
        if (std::isalpha(static_cast<unsigned char>(c))) letters.push_back(static_cast<char>(std::toupper(c)));
        else if (!letters.empty() && letters.size() != 3) letters.clear();
        else if (letters.size() == 3) break;
    }
    if (letters.size() == 3 && currency.empty() && core::isCurrencyCode(letters)) currency = letters;
    // The first number; '.' or ',' followed by exactly 1-2 digits at its end is the decimal mark,
    // any other '.', ',', ' ', '\'' inside it groups thousands.
    std::string number;
    bool started = false;
    for (const char c : trimmed) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            number.push_back(c);
            started = true;
        } else if (started && (c == '.' || c == ',' || c == '\'')) {
            number.push_back(c);
        } else if (started) {
            break;
        } else if (c == '-') {
            return std::nullopt; // negative prices are not prices
        }
    }
    while (!number.empty() && !std::isdigit(static_cast<unsigned char>(number.back()))) number.pop_back();
    if (number.empty() || number.size() > 18) return std::nullopt;
    std::string whole = number;
    std::string fraction;
    const auto mark = number.find_last_of(".,");
    if (mark != std::string::npos && number.size() - mark - 1 <= 3 &&
        (number.size() - mark - 1 != 3 || number.find_first_of(".,") != mark || number[mark] == '.')) {
        // "12.500" with a single '.' is read as 12.5 (schema.org uses '.' as decimal mark);
        // "1,500" with a single ',' and three digits is 1500.
        if (!(number.size() - mark - 1 == 3 && number[mark] == ',')) {
            whole = number.substr(0, mark);
            fraction = number.substr(mark + 1);
        }
    }
    whole.erase(std::remove_if(whole.begin(), whole.end(), [](char c) { return !std::isdigit(static_cast<unsigned char>(c)); }),
                whole.end());
    const std::int64_t unit = minorUnitsPerMajor(currency.empty() ? "EUR" : currency);
    std::int64_t major = 0;
    for (const char c : whole) major = major * 10 + (c - '0');
    if (major > 1'000'000'000) return std::nullopt;
    std::int64_t minor = 0;
    std::int64_t scale = unit / 10;
    for (const char c : fraction) {
        if (scale == 0) break;
        minor += (c - '0') * scale;
        scale /= 10;
    }
    return major * unit + minor;
}


std::string sha256Hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr);
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out.push_back(kHex[digest[i] >> 4]);
        out.push_back(kHex[digest[i] & 0x0F]);
    }
    return out;
}

std::string uuidV5(std::string_view namespaceUuid, std::string_view name) {
    std::string input;
    for (std::size_t i = 0; i + 1 < namespaceUuid.size(); ++i) {
        if (namespaceUuid[i] == '-') continue;
        const auto hex = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10; };
        input.push_back(static_cast<char>((hex(namespaceUuid[i]) << 4) | hex(namespaceUuid[i + 1])));
        ++i;
    }
    input.append(name);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &size, EVP_sha1(), nullptr);
    digest[6] = static_cast<unsigned char>((digest[6] & 0x0F) | 0x50);
    digest[8] = static_cast<unsigned char>((digest[8] & 0x3F) | 0x80);
    std::array<char, 37> out{};
    std::snprintf(out.data(), out.size(), "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                  digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7], digest[8],
                  digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]);
    return std::string(out.data(), 36);
}

std::string foldForMatch(std::string_view text) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        char mapped = 0;
        if (c == 0xC3 && i + 1 < text.size()) {
            // Latin-1 letters: fold accents so "Café" matches "Cafe".
            const auto n = static_cast<unsigned char>(text[++i]);
            // U+00C0..U+00FF: both halves share one table (0x20 apart).
            static constexpr std::string_view kFold = "aaaaaaaceeeeiiiidnooooo ouuuuyts";
            if (n >= 0x80 && n <= 0xBF) mapped = n == 0xBF ? 'y' : kFold[n & 0x1FU];
        } else if (c >= 0x80) {
            while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
        } else if (std::isalnum(c)) {
            mapped = static_cast<char>(std::tolower(c));
        }
        if (mapped == 0 || mapped == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(mapped);
    }
    return out;
}

} // namespace marquee::server::ingest
