// Text and time helpers shared by the parsers and the standardiser: encodings, HTML
// cleaning, ISO 8601 dates, zones, prices, hashes and name-based UUIDs.
#pragma once

#include "db/text_array.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::server::ingest {

// UTF-8 without a BOM. UTF-16 with a BOM is converted; bytes that are not valid UTF-8 are
// read as Windows-1252 (what "odd encodings" in feeds almost always are). NUL bytes go.
std::string toUtf8(std::string_view bytes);

// Collapses runs of white space to one space and trims both ends.
std::string collapseSpace(std::string_view text);
// Plain text from an HTML fragment: tags removed (script/style with their content), block
// tags and <br> become line breaks, entities decoded, blank runs collapsed per line.
std::string htmlToText(std::string_view html);
// Cuts at most maxBytes without splitting a UTF-8 sequence.
std::string truncateUtf8(std::string text, std::size_t maxBytes);

bool isIanaZone(const std::string& name);
// Local wall-clock time in `zone` to UTC ms. A time in a spring-forward gap moves on by the
// gap; an ambiguous one takes the earlier instant. nullopt: unknown zone or bad fields.
std::optional<std::int64_t> localToUtcMs(const std::string& zone, int year, int month, int day, int hour,
                                         int minute, int second);
// Offset (seconds east of UTC) of `zone` at `utcMs`; nullopt for an unknown zone.
std::optional<int> zoneOffsetSeconds(const std::string& zone, std::int64_t utcMs);
// The IANA zone to keep for a time given only with a UTC offset: the default zone when its
// offset matches at that instant, else the fixed "Etc/GMT-2"-style zone for whole hours,
// else the default zone.
std::string zoneForOffset(const std::string& defaultZone, std::int64_t utcMs, int offsetSeconds);

struct IsoDateTime {
    std::int64_t utcMs = 0;
    bool dateOnly = false;
    std::string zone; // IANA zone the value is local to
};
// ISO 8601 / schema.org dates: "2025-05-01", "2025-05-01T20:00", "...:00.000", "...Z",
// "...+02:00", "...+0200", also with a space for 'T'. Values without an offset are local to
// defaultZone. nullopt: not a date.
std::optional<IsoDateTime> parseIsoDateTime(std::string_view text, const std::string& defaultZone);

// Minor units per major unit for an ISO 4217 code (100 for most, 1 for JPY/KRW, 1000 for
// BHD/KWD/...).
std::int64_t minorUnitsPerMajor(std::string_view currency);
// A price as written ("12.50", "12,50 €", "EUR 1.234,50", "free", 15) in minor units.
// `currency` is filled from a symbol or code in the text when it was empty.
std::optional<std::int64_t> parsePriceMinor(std::string_view text, std::string& currency);

std::string sha256Hex(std::string_view bytes);
// A name-based UUID (RFC 4122 version 5, SHA-1) in the given namespace UUID.
std::string uuidV5(std::string_view namespaceUuid, std::string_view name);

using db::postgresTextArray; // text[] literals for parameters and COPY fields

// Lower case, ASCII letters and digits only, single spaces: for comparing names in C++.
std::string foldForMatch(std::string_view text);

} // namespace marquee::server::ingest
