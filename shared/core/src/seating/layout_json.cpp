// The JSON exchange format (docs/seatmap-format.md): writer and a strict reader whose errors
// name the JSON path of the offending value.
#include "marquee/core/seating/layout_json.hpp"

#include "marquee/core/base64.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace marquee::core::seating {

namespace {

using nlohmann::json;

constexpr int kFormatVersion = 1;

struct FlagName {
    SeatFlag flag;
    const char* name;
};
constexpr FlagName kFlagNames[] = {
    {kWheelchairSpace, "wheelchair"},
    {kCompanionSeat, "companion"},
    {kRestrictedView, "restrictedView"},
    {kAisleSeat, "aisle"},
};

std::string colourText(std::uint32_t rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06x", rgb & 0xFFFFFFu);
    return text;
}

json pointJson(Point p) { return json{{"x", p.x}, {"y", p.y}}; }

json seatJson(const Seat& seat) {
    json j{{"id", seat.id}, {"label", seat.label}, {"x", seat.position.x}, {"y", seat.position.y}};
    if (seat.rotationDeg != 0) j["rotation"] = seat.rotationDeg;
    if (!seat.priceCategoryId.empty()) j["priceCategory"] = seat.priceCategoryId;
    if (seat.flags != 0) {
        json flags = json::array();
        for (const auto& f : kFlagNames) {
            if (seat.flags & f.flag) flags.push_back(f.name);
        }
        j["flags"] = std::move(flags);
    }
    return j;
}

json rowJson(const Row& row) {
    json j{{"id", row.id}, {"label", row.label}};
    if (row.circular) j["circular"] = true;
    if (row.tableCentre) j["tableCentre"] = pointJson(*row.tableCentre);
    if (row.tableRadius != 0) j["tableRadius"] = row.tableRadius;
    json seats = json::array();
    for (const Seat& seat : row.seats) seats.push_back(seatJson(seat));
    j["seats"] = std::move(seats);
    return j;
}

json areaJson(const Area& area) {
    json j{{"id", area.id}, {"label", area.label},
           {"kind", area.kind == AreaKind::GeneralAdmission ? "generalAdmission" : "seated"}};
    json outline = json::array();
    for (const Point& p : area.outline) outline.push_back(pointJson(p));
    j["outline"] = std::move(outline);
    if (area.kind == AreaKind::GeneralAdmission || area.capacity != 0) j["capacity"] = area.capacity;
    if (!area.priceCategoryId.empty()) j["priceCategory"] = area.priceCategoryId;
    if (area.kind == AreaKind::Seated || !area.rows.empty()) {
        json rows = json::array();
        for (const Row& row : area.rows) rows.push_back(rowJson(row));
        j["rows"] = std::move(rows);
    }
    return j;
}

// A JSON path built only when an error is reported ("areas[2].rows[0].seats[5].x").
struct Path {
    const Path* parent = nullptr;
    const char* key = nullptr;     // object member, or
    std::size_t index = 0;         // array element when key is null

    std::string text() const {
        if (!parent && !key) return {}; // the document itself
        std::string prefix = parent ? parent->text() : std::string();
        if (key) return prefix.empty() ? std::string(key) : prefix + "." + key;
        return prefix + "[" + std::to_string(index) + "]";
    }
    Path member(const char* name) const { return Path{this, name, 0}; }
    Path element(std::size_t i) const { return Path{this, nullptr, i}; }
};

[[noreturn]] void fail(const Path& path, const std::string& what) {
    const std::string where = path.text();
    throw LayoutFormatError((where.empty() ? std::string("document") : where) + ": " + what);
}

const char* typeName(const json& j) { return j.type_name(); }

class Reader {
public:
    // A member of `object`, or null when absent.
    static const json* find(const json& object, const char* name) {
        const auto it = object.find(name);
        return it == object.end() ? nullptr : &*it;
    }
    static const json& require(const json& object, const Path& path, const char* name) {
        const json* value = find(object, name);
        if (!value) fail(path, std::string("missing required field \"") + name + "\"");
        return *value;
    }
    static void expectObject(const json& j, const Path& path) {
        if (!j.is_object()) fail(path, std::string("expected an object, found ") + typeName(j));
    }
    static const json& array(const json& object, const Path& path, const char* name, bool required) {
        static const json empty = json::array();
        const json* value = required ? &require(object, path, name) : find(object, name);
        if (!value) return empty;
        if (!value->is_array()) fail(path.member(name), std::string("expected an array, found ") + typeName(*value));
        return *value;
    }
    static std::string string(const json& object, const Path& path, const char* name, bool required) {
        const json* value = required ? &require(object, path, name) : find(object, name);
        if (!value) return {};
        if (!value->is_string()) fail(path.member(name), std::string("expected a string, found ") + typeName(*value));
        return value->get<std::string>();
    }
    static double number(const json& object, const Path& path, const char* name, bool required, double fallback = 0) {
        const json* value = required ? &require(object, path, name) : find(object, name);
        if (!value) return fallback;
        if (!value->is_number()) fail(path.member(name), std::string("expected a number, found ") + typeName(*value));
        const double d = value->get<double>();
        if (!std::isfinite(d)) fail(path.member(name), "expected a finite number");
        return d;
    }
    template <typename Int>
    static Int integer(const json& object, const Path& path, const char* name, bool required, Int fallback = 0) {
        const json* value = required ? &require(object, path, name) : find(object, name);
        if (!value) return fallback;
        if (value->is_number_unsigned()) {
            const auto v = value->get<std::uint64_t>();
            if (v <= static_cast<std::uint64_t>(std::numeric_limits<Int>::max())) return static_cast<Int>(v);
        } else if (value->is_number_integer()) {
            const auto v = value->get<std::int64_t>();
            if (v >= static_cast<std::int64_t>(std::numeric_limits<Int>::min()) &&
                (v < 0 || static_cast<std::uint64_t>(v) <= static_cast<std::uint64_t>(std::numeric_limits<Int>::max())))
                return static_cast<Int>(v);
        } else {
            fail(path.member(name), std::string("expected an integer, found ") + typeName(*value));
        }
        fail(path.member(name), "integer out of range");
    }
    static bool boolean(const json& object, const Path& path, const char* name) {
        const json* value = find(object, name);
        if (!value) return false;
        if (!value->is_boolean()) fail(path.member(name), std::string("expected true or false, found ") + typeName(*value));
        return value->get<bool>();
    }
    static Point point(const json& j, const Path& path) {
        expectObject(j, path);
        return {number(j, path, "x", true), number(j, path, "y", true)};
    }
};

Seat readSeat(const json& j, const Path& path) {
    Reader::expectObject(j, path);
    Seat seat;
    seat.id = Reader::string(j, path, "id", true);
    seat.label = Reader::string(j, path, "label", true);
    seat.position = {Reader::number(j, path, "x", true), Reader::number(j, path, "y", true)};
    seat.rotationDeg = Reader::number(j, path, "rotation", false);
    seat.priceCategoryId = Reader::string(j, path, "priceCategory", false);
    const json& flags = Reader::array(j, path, "flags", false);
    const Path flagsPath = path.member("flags");
    for (std::size_t i = 0; i < flags.size(); ++i) {
        const json& flag = flags[i];
        bool known = false;
        if (flag.is_string()) {
            for (const auto& f : kFlagNames) {
                if (flag.get_ref<const std::string&>() == f.name) {
                    seat.flags = static_cast<std::uint8_t>(seat.flags | f.flag);
                    known = true;
                }
            }
        }
        if (!known)
            fail(flagsPath.element(i), "unknown seat flag " + flag.dump() + " (wheelchair, companion, restrictedView, aisle)");
    }
    return seat;
}

Row readRow(const json& j, const Path& path) {
    Reader::expectObject(j, path);
    Row row;
    row.id = Reader::string(j, path, "id", true);
    row.label = Reader::string(j, path, "label", true);
    row.circular = Reader::boolean(j, path, "circular");
    if (const json* centre = Reader::find(j, "tableCentre")) row.tableCentre = Reader::point(*centre, path.member("tableCentre"));
    row.tableRadius = Reader::number(j, path, "tableRadius", false);
    if (row.tableRadius < 0) fail(path.member("tableRadius"), "must not be negative");
    const json& seats = Reader::array(j, path, "seats", true);
    const Path seatsPath = path.member("seats");
    row.seats.reserve(seats.size());
    for (std::size_t i = 0; i < seats.size(); ++i) row.seats.push_back(readSeat(seats[i], seatsPath.element(i)));
    return row;
}

Area readArea(const json& j, const Path& path) {
    Reader::expectObject(j, path);
    Area area;
    area.id = Reader::string(j, path, "id", true);
    area.label = Reader::string(j, path, "label", true);
    const std::string kind = Reader::string(j, path, "kind", false);
    if (kind.empty() || kind == "seated") {
        area.kind = AreaKind::Seated;
    } else if (kind == "generalAdmission") {
        area.kind = AreaKind::GeneralAdmission;
    } else {
        fail(path.member("kind"), "unknown area kind \"" + kind + "\" (seated, generalAdmission)");
    }
    const json& outline = Reader::array(j, path, "outline", false);
    const Path outlinePath = path.member("outline");
    for (std::size_t i = 0; i < outline.size(); ++i) area.outline.push_back(Reader::point(outline[i], outlinePath.element(i)));
    area.capacity = Reader::integer<std::uint32_t>(j, path, "capacity", false);
    area.priceCategoryId = Reader::string(j, path, "priceCategory", false);
    const json& rows = Reader::array(j, path, "rows", false);
    const Path rowsPath = path.member("rows");
    for (std::size_t i = 0; i < rows.size(); ++i) area.rows.push_back(readRow(rows[i], rowsPath.element(i)));
    return area;
}

PriceCategory readCategory(const json& j, const Path& path) {
    Reader::expectObject(j, path);
    PriceCategory category;
    category.id = Reader::string(j, path, "id", true);
    category.name = Reader::string(j, path, "name", true);
    category.priceMinor = Reader::integer<std::int64_t>(j, path, "priceMinor", true);
    if (category.priceMinor < 0) fail(path.member("priceMinor"), "a price must not be negative");
    category.currency = Reader::string(j, path, "currency", true);
    if (category.currency.size() != 3 || category.currency.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
        fail(path.member("currency"), "expected a three-letter ISO 4217 code such as \"EUR\"");
    const std::string colour = Reader::string(j, path, "colour", false);
    if (!colour.empty()) {
        std::uint32_t rgb = 0;
        const char* begin = colour.data() + 1;
        const char* end = colour.data() + colour.size();
        const auto [ptr, ec] = std::from_chars(begin, end, rgb, 16);
        if (colour.size() != 7 || colour[0] != '#' || ec != std::errc() || ptr != end)
            fail(path.member("colour"), "expected \"#rrggbb\", found \"" + colour + "\"");
        category.colourRgb = rgb;
    }
    return category;
}

BackgroundImage readBackground(const json& j, const Path& path) {
    Reader::expectObject(j, path);
    BackgroundImage image;
    image.mimeType = Reader::string(j, path, "mimeType", true);
    if (image.mimeType != "image/svg+xml" && image.mimeType != "image/png")
        fail(path.member("mimeType"), "expected \"image/svg+xml\" or \"image/png\", found \"" + image.mimeType + "\"");
    image.dataBase64 = Reader::string(j, path, "data", true);
    if (!base64Decode(image.dataBase64)) fail(path.member("data"), "not valid base64 (RFC 4648, padded, no line breaks)");
    if (const json* topLeft = Reader::find(j, "topLeft")) image.topLeft = Reader::point(*topLeft, path.member("topLeft"));
    image.width = Reader::number(j, path, "width", true);
    image.height = Reader::number(j, path, "height", true);
    if (image.width <= 0) fail(path.member("width"), "must be positive");
    if (image.height <= 0) fail(path.member("height"), "must be positive");
    image.opacity = Reader::number(j, path, "opacity", false, 0.5);
    if (image.opacity < 0 || image.opacity > 1) fail(path.member("opacity"), "must lie between 0 and 1");
    return image;
}

// The highest number used in an id of the form <letter><digits>, so nextId stays ahead of it.
std::uint64_t highestIdNumber(const Layout& layout) {
    std::uint64_t highest = 0;
    const auto consider = [&](const std::string& id) {
        if (id.size() < 2) return;
        std::uint64_t n = 0;
        const auto [ptr, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), n);
        if (ec == std::errc() && ptr == id.data() + id.size() && n > highest) highest = n;
    };
    for (const auto& category : layout.priceCategories) consider(category.id);
    for (const auto& area : layout.areas) {
        consider(area.id);
        for (const auto& row : area.rows) {
            consider(row.id);
            for (const auto& seat : row.seats) consider(seat.id);
        }
    }
    return highest;
}

} // namespace

std::string layoutToJson(const Layout& layout, bool pretty) {
    json j{{"format", kFormatVersion},
           {"id", layout.id},
           {"venueId", layout.venueId},
           {"name", layout.name},
           {"version", layout.version},
           {"width", layout.width},
           {"height", layout.height},
           {"focalPoint", pointJson(layout.focalPoint)},
           {"focalLabel", layout.focalLabel},
           {"stageWidth", layout.stageWidth},
           {"stageHeight", layout.stageHeight},
           {"seatPitch", layout.seatPitch},
           {"nextId", layout.nextId}};
    json categories = json::array();
    for (const auto& c : layout.priceCategories) {
        categories.push_back(json{{"id", c.id},
                                  {"name", c.name},
                                  {"priceMinor", c.priceMinor},
                                  {"currency", c.currency},
                                  {"colour", colourText(c.colourRgb)}});
    }
    j["priceCategories"] = std::move(categories);
    json areas = json::array();
    for (const Area& area : layout.areas) areas.push_back(areaJson(area));
    j["areas"] = std::move(areas);
    if (layout.background) {
        const BackgroundImage& b = *layout.background;
        j["background"] = json{{"mimeType", b.mimeType}, {"data", b.dataBase64}, {"topLeft", pointJson(b.topLeft)},
                               {"width", b.width},       {"height", b.height},  {"opacity", b.opacity}};
    }
    // Replace invalid UTF-8 rather than throw: labels come from people and other tools.
    return j.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

Layout layoutFromJson(std::string_view text) {
    json j;
    try {
        j = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        throw LayoutFormatError(std::string("not valid JSON: ") + e.what());
    }
    const Path root;
    Reader::expectObject(j, root);
    const int format = Reader::integer<int>(j, root, "format", true);
    if (format > kFormatVersion)
        fail(root.member("format"), "version " + std::to_string(format) + " is newer than this program reads (up to " +
                                        std::to_string(kFormatVersion) + "); update Marquee");
    if (format < 1) fail(root.member("format"), "expected a positive format version");

    Layout layout;
    layout.id = Reader::string(j, root, "id", false);
    layout.venueId = Reader::string(j, root, "venueId", false);
    layout.name = Reader::string(j, root, "name", false);
    layout.version = Reader::integer<std::uint32_t>(j, root, "version", false, 1);
    layout.width = Reader::number(j, root, "width", false);
    layout.height = Reader::number(j, root, "height", false);
    if (layout.width < 0 || layout.height < 0) fail(root.member(layout.width < 0 ? "width" : "height"), "must not be negative");
    if (const json* focal = Reader::find(j, "focalPoint")) layout.focalPoint = Reader::point(*focal, root.member("focalPoint"));
    layout.focalLabel = Reader::string(j, root, "focalLabel", false);
    layout.stageWidth = Reader::number(j, root, "stageWidth", false);
    layout.stageHeight = Reader::number(j, root, "stageHeight", false);
    if (layout.stageWidth < 0 || layout.stageHeight < 0)
        fail(root.member(layout.stageWidth < 0 ? "stageWidth" : "stageHeight"), "must not be negative");
    layout.seatPitch = Reader::number(j, root, "seatPitch", false, 50);
    if (layout.seatPitch <= 0) fail(root.member("seatPitch"), "must be positive");

    const json& categories = Reader::array(j, root, "priceCategories", false);
    const Path categoriesPath = root.member("priceCategories");
    for (std::size_t i = 0; i < categories.size(); ++i)
        layout.priceCategories.push_back(readCategory(categories[i], categoriesPath.element(i)));
    const json& areas = Reader::array(j, root, "areas", true);
    const Path areasPath = root.member("areas");
    for (std::size_t i = 0; i < areas.size(); ++i) layout.areas.push_back(readArea(areas[i], areasPath.element(i)));
    if (const json* background = Reader::find(j, "background"); background && !background->is_null())
        layout.background = readBackground(*background, root.member("background"));

    const std::uint64_t highest = highestIdNumber(layout);
    if (Reader::find(j, "nextId")) {
        layout.nextId = Reader::integer<std::uint64_t>(j, root, "nextId", false);
        if (layout.nextId <= highest)
            fail(root.member("nextId"), std::to_string(layout.nextId) + " is not above the highest id number in use (" +
                                            std::to_string(highest) + "); new ids would collide");
    } else {
        if (highest == std::numeric_limits<std::uint64_t>::max()) fail(root.member("nextId"), "ids use up every number; none is left");
        layout.nextId = highest + 1;
    }
    return layout;
}

} // namespace marquee::core::seating
