// Organizer CSV uploads (RFC 4180 quoting; ',' or ';' separated). The column set is fixed
// and documented in docs/ingest.md; every bad row is reported with its line and column.
#include "ingest/parsers.hpp"
#include "ingest/text.hpp"

#include "marquee/core/validation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace marquee::server::ingest {

namespace {

constexpr std::array<std::string_view, 21> kColumns{
    "id",      "title",     "start",     "end",       "time_zone", "all_day",   "description",
    "category", "venue",    "address",   "city",      "country",   "latitude",  "longitude",
    "price_min", "price_max", "currency", "status",    "url",       "image_url", "performers"};

struct Row {
    std::size_t line = 0; // physical line the row starts on (1-based)
    std::vector<std::string> fields;
    std::string raw;
    std::string error;
};

// Splits RFC 4180 records; quoted fields may hold separators, "" and line breaks.
std::vector<Row> splitRows(const std::string& text, char separator) {
    std::vector<Row> rows;
    std::size_t line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        Row row;
        row.line = line;
        const std::size_t rowStart = i;
        std::string field;
        bool quoted = false;
        bool wasQuoted = false;
        bool done = false;
        while (i < text.size() && !done) {
            const char c = text[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field.push_back('"');
                        ++i;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') ++line;
                    field.push_back(c);
                }
                ++i;
                continue;
            }
            if (c == '"' && field.empty() && !wasQuoted) {
                quoted = wasQuoted = true;
            } else if (c == separator) {
                row.fields.push_back(std::move(field));
                field.clear();
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
                ++line;
                done = true;
            } else if (wasQuoted) {
                if (row.error.empty()) row.error = "text after a closing quote in field " + std::to_string(row.fields.size() + 1);
            } else {
                field.push_back(c);
            }
            ++i;
        }
        if (quoted) row.error = "unterminated quoted field";
        row.fields.push_back(std::move(field));
        row.raw = text.substr(rowStart, i - rowStart);
        while (!row.raw.empty() && (row.raw.back() == '\n' || row.raw.back() == '\r')) row.raw.pop_back();
        const bool blank = row.fields.size() == 1 && row.fields[0].find_first_not_of(" \t") == std::string::npos;
        if (!blank || !row.error.empty()) rows.push_back(std::move(row));
    }
    return rows;
}

std::string lowerTrim(std::string_view s) {
    auto out = collapseSpace(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<double> toDouble(const std::string& s) {
    if (s.empty()) return std::nullopt;
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used != s.size()) return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

ParseResult parseCsv(std::string_view payload, const ParseOptions& options) {
    ParseResult result;
    const auto text = toUtf8(payload);
    const auto headerEnd = text.find_first_of("\r\n");
    const auto headerLine = text.substr(0, headerEnd);
    const char separator = std::count(headerLine.begin(), headerLine.end(), ';') >
                                   std::count(headerLine.begin(), headerLine.end(), ',')
                               ? ';'
                               : ',';
    auto rows = splitRows(text, separator);
    if (rows.empty()) {
        result.fatal = "empty file (a header line is required; see docs/ingest.md)";
        return result;
    }
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < rows[0].fields.size(); ++i) {
        const auto name = lowerTrim(rows[0].fields[i]);
        if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end()) {
            std::string known;
            for (const auto k : kColumns) known += (known.empty() ? "" : ", ") + std::string(k);
            result.fatal = "header: unknown column '" + name + "' (known columns: " + known + ")";
            return result;
        }
        if (!column.emplace(name, i).second) {
            result.fatal = "header: column '" + name + "' appears twice";
            return result;
        }
    }
    for (const char* required : {"title", "start"})
        if (!column.count(required)) {
            result.fatal = std::string("header: required column '") + required + "' is missing";
            return result;
        }

    std::map<std::string, int> refCounts;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (result.records.size() >= options.maxRecords) {
            RawEventRecord overflow;
            overflow.ref = "line " + std::to_string(rows[r].line);
            overflow.problem = "the file has more than " + std::to_string(options.maxRecords) + " rows; the rest were not read";
            result.records.push_back(std::move(overflow));
            break;
        }
        const auto& row = rows[r];
        RawEventRecord rec;
        rec.raw = row.raw;
        std::vector<std::string> errors;
        if (!row.error.empty()) errors.push_back(row.error);
        if (row.fields.size() != rows[0].fields.size())
            errors.push_back("has " + std::to_string(row.fields.size()) + " fields, the header has " +
                             std::to_string(rows[0].fields.size()));
        const auto get = [&](const char* name) -> std::string {
            const auto it = column.find(name);
            if (it == column.end() || it->second >= row.fields.size()) return {};
            return row.fields[it->second];
        };
        const auto bad = [&](const char* name, const std::string& what) { errors.push_back(std::string(name) + ": " + what); };

        const auto id = collapseSpace(get("id"));
        rec.title = collapseSpace(get("title"));
        if (rec.title.empty()) bad("title", "is empty");
        rec.description = get("description");
        if (auto c = collapseSpace(get("category")); !c.empty()) rec.categories.push_back(c);
        rec.location.name = collapseSpace(get("venue"));
        rec.location.address = collapseSpace(get("address"));
        rec.location.city = collapseSpace(get("city"));
        rec.location.country = collapseSpace(get("country"));
        const auto lat = collapseSpace(get("latitude"));
        const auto lon = collapseSpace(get("longitude"));
        if (!lat.empty() || !lon.empty()) {
            const auto la = toDouble(lat);
            const auto lo = toDouble(lon);
            if (!la || *la < -90 || *la > 90) bad("latitude", "'" + lat + "' is not a number from -90 to 90");
            else if (!lo || *lo < -180 || *lo > 180) bad("longitude", "'" + lon + "' is not a number from -180 to 180");
            else {
                rec.location.latitude = la;
                rec.location.longitude = lo;
            }
        }
        auto zone = collapseSpace(get("time_zone"));
        if (zone.empty()) zone = options.defaultZone;
        else if (!isIanaZone(zone)) {
            bad("time_zone", "'" + zone + "' is not an IANA time zone");
            zone = options.defaultZone;
        }
        const auto allDay = lowerTrim(get("all_day"));
        if (!allDay.empty() && allDay != "true" && allDay != "false" && allDay != "yes" && allDay != "no" &&
            allDay != "1" && allDay != "0")
            bad("all_day", "'" + allDay + "' is not true or false");
        const auto startText = collapseSpace(get("start"));
        if (startText.empty()) {
            bad("start", "is empty");
        } else if (const auto start = parseIsoDateTime(startText, zone); !start) {
            bad("start", "'" + startText + "' is not an ISO 8601 date or date-time");
        } else {
            rec.startUtcMs = start->utcMs;
            rec.timeZone = collapseSpace(get("time_zone")).empty() ? start->zone : zone;
            rec.allDay = start->dateOnly || allDay == "true" || allDay == "yes" || allDay == "1";
            if (const auto endText = collapseSpace(get("end")); !endText.empty()) {
                const auto end = parseIsoDateTime(endText, zone);
                if (!end) bad("end", "'" + endText + "' is not an ISO 8601 date or date-time");
                else if (end->utcMs < start->utcMs) bad("end", "is before start");
                else rec.endUtcMs = end->dateOnly ? end->utcMs + 86'400'000 : end->utcMs;
            }
        }
        RawOffer offer;
        offer.price = collapseSpace(get("price_min"));
        offer.highPrice = collapseSpace(get("price_max"));
        offer.currency = collapseSpace(get("currency"));
        for (const auto& [name, value] : {std::pair{"price_min", offer.price}, std::pair{"price_max", offer.highPrice}}) {
            std::string currency = offer.currency;
            if (!value.empty() && !parsePriceMinor(value, currency)) bad(name, "'" + value + "' is not a price");
        }
        if (!offer.currency.empty() && !core::isCurrencyCode(offer.currency))
            bad("currency", "'" + offer.currency + "' is not an ISO 4217 code");
        if (!offer.price.empty() || !offer.highPrice.empty()) rec.offers.push_back(offer);
        const auto status = lowerTrim(get("status"));
        if (status.empty() || status == "scheduled") rec.status = "scheduled";
        else if (status == "cancelled" || status == "canceled") rec.status = "cancelled";
        else if (status == "postponed") rec.status = "postponed";
        else if (status == "rescheduled") rec.status = "rescheduled";
        else bad("status", "'" + status + "' is not scheduled, cancelled, postponed or rescheduled");
        rec.url = collapseSpace(get("url"));
        rec.imageUrl = collapseSpace(get("image_url"));
        const auto performers = get("performers");
        std::size_t start = 0;
        while (start < performers.size()) {
            auto end = performers.find(';', start);
            if (end == std::string::npos) end = performers.size();
            if (auto p = collapseSpace(performers.substr(start, end - start)); !p.empty()) rec.performers.push_back(p);
            start = end + 1;
        }

        std::string ref = !id.empty() ? id : "h:" + sha256Hex(rec.title + '\n' + startText + '\n' + rec.location.name).substr(0, 16);
        if (!errors.empty()) {
            rec.ref = id.empty() ? "line " + std::to_string(row.line) : id;
            std::string joined;
            for (const auto& e : errors) joined += (joined.empty() ? "" : "; ") + e;
            rec.problem = "line " + std::to_string(row.line) + ": " + joined;
        } else {
            const auto n = ++refCounts[ref];
            rec.ref = n == 1 ? ref : ref + "~" + std::to_string(n);
            rec.uid = id.empty() ? std::string() : rec.ref;
        }
        result.records.push_back(std::move(rec));
    }
    return result;
}

ParseResult parse(Format format, std::string_view payload, const ParseOptions& options) {
    switch (format) {
    case Format::Ics: return parseIcs(payload, options);
    case Format::JsonLd: return parseJsonLd(payload, options);
    case Format::Csv: return parseCsv(payload, options);
    }
    return {};
}

const char* formatName(Format format) {
    switch (format) {
    case Format::Ics: return "ics";
    case Format::JsonLd: return "jsonld";
    case Format::Csv: return "csv";
    }
    return "?";
}

std::optional<Format> formatFromName(const std::string& name) {
    if (name == "ics" || name == "ical" || name == "icalendar") return Format::Ics;
    if (name == "jsonld" || name == "json-ld" || name == "html") return Format::JsonLd;
    if (name == "csv") return Format::Csv;
    return std::nullopt;
}

std::optional<Format> sniffFormat(const std::string& fileName, const std::string& content) {
    const auto dot = fileName.rfind('.');
    const auto ext = dot == std::string::npos ? std::string() : lowerTrim(fileName.substr(dot + 1));
    if (ext == "ics" || ext == "ical" || ext == "ifb") return Format::Ics;
    if (ext == "csv") return Format::Csv;
    if (ext == "html" || ext == "htm" || ext == "json" || ext == "jsonld") return Format::JsonLd;
    const auto head = lowerTrim(content.substr(0, 2048));
    if (head.find("begin:vcalendar") != std::string::npos) return Format::Ics;
    if (head.find("<html") != std::string::npos || head.find("ld+json") != std::string::npos ||
        (!head.empty() && (head[0] == '{' || head[0] == '[')))
        return Format::JsonLd;
    return std::nullopt;
}

} // namespace marquee::server::ingest
