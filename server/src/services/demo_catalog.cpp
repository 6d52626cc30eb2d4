// Demo catalog loader: validates the whole file first, converts local start times to UTC
// with the system tz database, then writes categories, venues, events and their change-log
// rows in one transaction with one bulk statement per table.
#include "services/demo_catalog.hpp"

#include "common/log.hpp"
#include "marquee/core/seating/demo_layouts.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/core/validation.hpp"
#include "marquee/protocol/conversions.hpp"
#include "services/api_internal.hpp"

#include <date/date.h>
#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

namespace marquee::server {

namespace {

using nlohmann::json;

constexpr detail::Statement kHasEvents{"demo_has_events", "SELECT EXISTS (SELECT 1 FROM events)"};
constexpr detail::Statement kInsertCategories{
    "demo_insert_categories",
    "INSERT INTO categories (id, name, parent_id) "
    "SELECT r.id, r.name, NULLIF(r.parent_id, '') FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, parent_id text) "
    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, updated_at = now()"};
constexpr detail::Statement kInsertVenues{
    "demo_insert_venues",
    "INSERT INTO venues (id, name, address, city, country, latitude, longitude, time_zone, capacity) "
    "SELECT r.id, r.name, r.address, r.city, r.country, r.latitude, r.longitude, r.time_zone, r.capacity "
    "FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, address text, city text, country text, "
    "latitude float8, longitude float8, time_zone text, capacity int) "
    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, city = excluded.city, "
    "country = excluded.country, latitude = excluded.latitude, longitude = excluded.longitude, "
    "time_zone = excluded.time_zone, capacity = excluded.capacity, updated_at = now()"};
constexpr detail::Statement kInsertEvents{
    "demo_insert_events",
    "INSERT INTO events (id, title, description, category_id, tags, performers, starts_at, ends_at, time_zone, "
    "venue_id, price_min_minor, price_max_minor, currency, status, image_url, source, updated_at) "
    "SELECT r.id, r.title, r.description, r.category_id, ARRAY(SELECT jsonb_array_elements_text(r.tags)), "
    "ARRAY(SELECT jsonb_array_elements_text(r.performers)), "
    "'epoch'::timestamptz + r.starts_at_ms * interval '1 millisecond', "
    "'epoch'::timestamptz + r.ends_at_ms * interval '1 millisecond', r.time_zone, r.venue_id, "
    "r.price_min_minor, r.price_max_minor, r.currency, r.status, r.image_url, 'demo', "
    "'epoch'::timestamptz + r.updated_at_ms * interval '1 millisecond' "
    "FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, title text, description text, category_id text, tags jsonb, "
    "performers jsonb, starts_at_ms bigint, ends_at_ms bigint, time_zone text, venue_id uuid, "
    "price_min_minor bigint, price_max_minor bigint, currency text, status text, image_url text, updated_at_ms bigint)"};

constexpr detail::Statement kDemoInsertLineage{
    "demo_insert_lineage",
    "INSERT INTO seating_layouts (id, venue_id, name) VALUES ($1::uuid, $2::uuid, $3)"};
constexpr detail::Statement kDemoPinEvents{
    "demo_pin_events",
    "UPDATE events e SET layout_id = r.layout_id, layout_version = r.version "
    "FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, layout_id uuid, version integer) WHERE e.id = r.id"};
constexpr detail::Statement kDemoSeatState{
    "demo_seat_state",
    "INSERT INTO event_seat_state (event_id) SELECT r.id FROM jsonb_to_recordset($1::jsonb) AS r(id uuid)"};
constexpr detail::Statement kDemoGaCounters{
    "demo_ga_counters",
    "INSERT INTO seat_ga_counters (event_id, area_id, capacity) SELECT r.event_id, r.area_id, r.capacity "
    "FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, area_id text, capacity integer)"};
constexpr detail::Statement kDemoBlocks{
    "demo_blocks",
    "INSERT INTO seat_claims (event_id, seat_id, seat_index, kind) SELECT r.event_id, r.seat_id, r.idx, 'blocked' "
    "FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, seat_id text, idx integer)"};

// Which demo venue gets which generated seat map (fixed layout ids, so a demo is the same on
// every machine).
struct DemoSeating {
    const char* venueId;
    const char* layoutId;
    core::seating::Layout (*generate)();
};
constexpr DemoSeating kDemoSeating[] = {
    {"6a1c2cdd-7a95-540c-aab5-1f342635f70e", "5ea70000-0000-4000-8000-000000000001", &core::seating::demo::theatre}, // Theater des Westens
    {"e57bc9ac-cf97-5903-9348-1a6b00c75df5", "5ea70000-0000-4000-8000-000000000002", &core::seating::demo::theatre}, // Staatsoper
    {"fa5fce28-d727-5041-9a8f-8581a60afd71", "5ea70000-0000-4000-8000-000000000003", &core::seating::demo::stadium}, // Olympiastadion
    {"66f57375-0706-519a-837e-c643494c1dac", "5ea70000-0000-4000-8000-000000000004", &core::seating::demo::club},    // SO36
};

// Seats blocked in a demo event: a mixing-desk run in the middle of the house and two seats
// that differ per event, so maps do not all look alike.
std::vector<std::uint32_t> demoBlockedSeats(std::uint32_t seatCount, std::size_t eventOrdinal) {
    std::set<std::uint32_t> seats;
    if (seatCount == 0) return {};
    for (std::uint32_t i = 0; i < 6 && seatCount / 2 + i < seatCount; ++i) seats.insert(seatCount / 2 + i);
    seats.insert(static_cast<std::uint32_t>((eventOrdinal * 37 + 11) % seatCount));
    seats.insert(static_cast<std::uint32_t>((eventOrdinal * 101 + 7) % seatCount));
    return {seats.begin(), seats.end()};
}

// Stores the demo seat maps and pins the events of their venues to them (one statement per table).
void loadDemoSeating(pqxx::work& tx, const json& eventsJson, const std::map<std::string, std::string>& venueNames,
                     DemoLoadResult& result) {
    auto pins = json::array();
    auto ids = json::array();
    auto counters = json::array();
    auto blocks = json::array();
    std::vector<detail::ChangeRow> changes;
    for (const auto& demo : kDemoSeating) {
        const auto venue = venueNames.find(demo.venueId);
        if (venue == venueNames.end()) continue;
        auto layout = demo.generate();
        layout.id = demo.layoutId;
        layout.venueId = demo.venueId;
        layout.name = venue->second + " – " + layout.name;
        layout.version = 1;
        detail::exec(tx, kDemoInsertLineage, layout.id, layout.venueId, layout.name);
        detail::insertLayoutVersion(tx, layout, 0, 0);
        ++result.layouts;

        const core::seating::SeatIndex index(layout);
        std::size_t ordinal = 0;
        for (const auto& event : eventsJson) {
            if (event["venue_id"].get<std::string>() != demo.venueId) continue;
            const auto eventId = event["id"].get<std::string>();
            pins.push_back({{"id", eventId}, {"layout_id", layout.id}, {"version", layout.version}});
            ids.push_back({{"id", eventId}});
            for (const auto& area : layout.areas)
                if (area.kind == core::seating::AreaKind::GeneralAdmission)
                    counters.push_back({{"event_id", eventId}, {"area_id", area.id}, {"capacity", area.capacity}});
            for (const auto seat : demoBlockedSeats(index.size(), ordinal++))
                blocks.push_back({{"event_id", eventId}, {"seat_id", index.seat(seat).id}, {"idx", seat}});
            v1::EventLayout pin;
            pin.set_event_id(eventId);
            pin.set_layout_id(layout.id);
            pin.set_layout_version(layout.version);
            changes.push_back({std::string(core::aggregate::kEventLayout), eventId, detail::ChangeOp::Upsert, 0,
                               pin.SerializeAsString()});
            ++result.seatedEvents;
        }
    }
    detail::exec(tx, kDemoPinEvents, pins.dump());
    detail::exec(tx, kDemoSeatState, ids.dump());
    detail::exec(tx, kDemoGaCounters, counters.dump());
    detail::exec(tx, kDemoBlocks, blocks.dump());
    detail::appendChanges(tx, changes);
}

[[noreturn]] void bad(const std::string& where, const std::string& what) {
    throw std::runtime_error("demo catalog: " + where + ": " + what);
}

std::string text(const json& obj, const char* key, const std::string& where, bool required = true) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) bad(where, std::string("missing '") + key + "'");
        return {};
    }
    if (!it->is_string()) bad(where, std::string("'") + key + "' must be a string");
    return it->get<std::string>();
}

template <typename T>
T number(const json& obj, const char* key, const std::string& where, std::optional<T> fallback = std::nullopt) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (fallback) return *fallback;
        bad(where, std::string("missing '") + key + "'");
    }
    if (!it->is_number()) bad(where, std::string("'") + key + "' must be a number");
    return it->get<T>();
}

std::vector<std::string> strings(const json& obj, const char* key, const std::string& where) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return {};
    if (!it->is_array()) bad(where, std::string("'") + key + "' must be an array of strings");
    std::vector<std::string> out;
    for (const auto& v : *it) {
        if (!v.is_string()) bad(where, std::string("'") + key + "' must be an array of strings");
        out.push_back(v.get<std::string>());
    }
    return out;
}

const json& array(const json& root, const char* key) {
    const auto it = root.find(key);
    if (it == root.end() || !it->is_array()) bad("top level", std::string("'") + key + "' must be an array");
    return *it;
}

const date::time_zone* zone(const std::string& name, const std::string& where) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        bad(where, "unknown time zone '" + name + "'");
    }
}

// day_offset days after the load date (in the venue's zone), at local_start wall-clock time.
std::int64_t localStartToUtcMs(const date::time_zone* tz, std::int64_t todayUtcMs, int dayOffset,
                               const std::string& localStart, const std::string& where) {
    int hh = 0;
    int mm = 0;
    if (localStart.size() != 5 || localStart[2] != ':' || std::sscanf(localStart.c_str(), "%2d:%2d", &hh, &mm) != 2 ||
        hh < 0 || hh > 23 || mm < 0 || mm > 59)
        bad(where, "'local_start' must be HH:MM, got '" + localStart + "'");
    using namespace std::chrono;
    const sys_time<milliseconds> now{milliseconds{todayUtcMs}};
    const auto localNow = tz->to_local(now);
    const auto localDay = date::floor<date::days>(localNow) + date::days{dayOffset};
    auto local = localDay + hours{hh} + minutes{mm};
    // A start inside a spring-forward gap moves on by the size of the gap (02:30 -> 03:30);
    // an ambiguous one (autumn) takes the first occurrence.
    const auto info = tz->get_info(local);
    if (info.result == date::local_info::nonexistent) local += duration_cast<minutes>(info.second.offset - info.first.offset);
    return duration_cast<milliseconds>(tz->to_sys(local, date::choose::earliest).time_since_epoch()).count();
}

} // namespace

DemoLoadResult loadDemoCatalog(pqxx::connection& conn, std::string_view jsonText, std::int64_t todayUtcMs) {
    json root;
    try {
        root = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        throw std::runtime_error(std::string("demo catalog: not valid JSON: ") + e.what());
    }
    if (!root.is_object()) bad("top level", "must be an object");

    // Validate and convert everything before touching the database.
    std::vector<detail::ChangeRow> changes;
    auto categoriesJson = json::array();
    std::set<std::string> categoryIds;
    for (const auto& c : array(root, "categories")) {
        const std::string where = "category " + std::to_string(categoriesJson.size());
        core::Category cat{text(c, "id", where), text(c, "name", where), text(c, "parent_id", where, false)};
        if (cat.id.empty() || !categoryIds.insert(cat.id).second) bad(where, "empty or repeated id '" + cat.id + "'");
        categoriesJson.push_back({{"id", cat.id}, {"name", cat.name}, {"parent_id", cat.parentId}});
        v1::Category proto;
        protocol::toProto(cat, &proto);
        changes.push_back({std::string(core::aggregate::kCategory), cat.id, detail::ChangeOp::Upsert, 0,
                           proto.SerializeAsString()});
    }
    for (const auto& c : categoriesJson)
        if (const auto parent = c["parent_id"].get<std::string>(); !parent.empty() && !categoryIds.contains(parent))
            bad("category " + c["id"].get<std::string>(), "parent_id '" + parent + "' is not in the file");

    auto venuesJson = json::array();
    std::map<std::string, const date::time_zone*> venueZones;
    std::map<std::string, std::string> venueNames;
    for (const auto& v : array(root, "venues")) {
        const std::string where = "venue " + std::to_string(venuesJson.size());
        core::Venue venue;
        venue.id = text(v, "id", where);
        venue.name = text(v, "name", where);
        venue.address = text(v, "address", where, false);
        venue.city = text(v, "city", where, false);
        venue.country = text(v, "country", where, false);
        venue.latitude = number<double>(v, "latitude", where, 0.0);
        venue.longitude = number<double>(v, "longitude", where, 0.0);
        venue.timeZone = text(v, "time_zone", where);
        venue.capacity = number<std::int32_t>(v, "capacity", where, 0);
        if (!core::isUuid(venue.id)) bad(where, "id must be a UUID");
        venueZones[venue.id] = zone(venue.timeZone, where);
        venueNames[venue.id] = venue.name;
        venuesJson.push_back({{"id", venue.id}, {"name", venue.name}, {"address", venue.address},
                              {"city", venue.city}, {"country", venue.country}, {"latitude", venue.latitude},
                              {"longitude", venue.longitude}, {"time_zone", venue.timeZone},
                              {"capacity", venue.capacity}});
        v1::Venue proto;
        protocol::toProto(venue, &proto);
        changes.push_back({std::string(core::aggregate::kVenue), venue.id, detail::ChangeOp::Upsert, 0,
                           proto.SerializeAsString()});
    }

    const auto updatedAtMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    auto eventsJson = json::array();
    for (const auto& e : array(root, "events")) {
        const std::string where = "event " + std::to_string(eventsJson.size());
        core::Event event;
        event.id = text(e, "id", where);
        event.title = text(e, "title", where);
        event.description = text(e, "description", where, false);
        event.categoryId = text(e, "category_id", where);
        event.tags = strings(e, "tags", where);
        event.performers = strings(e, "performers", where);
        event.venueId = text(e, "venue_id", where);
        const auto venue = venueZones.find(event.venueId);
        if (venue == venueZones.end()) bad(where, "venue_id '" + event.venueId + "' is not in the file");
        if (!categoryIds.contains(event.categoryId)) bad(where, "category_id '" + event.categoryId + "' is not in the file");
        const auto* tz = venue->second;
        event.timeZone = tz->name();
        event.startsAtMs = localStartToUtcMs(tz, todayUtcMs, number<int>(e, "day_offset", where),
                                             text(e, "local_start", where), where);
        event.endsAtMs = event.startsAtMs + number<std::int64_t>(e, "duration_minutes", where, 120) * 60'000;
        event.price = {number<std::int64_t>(e, "price_min_minor", where, 0),
                       number<std::int64_t>(e, "price_max_minor", where, 0), text(e, "currency", where)};
        const auto status = core::eventStatusFromName(text(e, "status", where, false).empty()
                                                          ? "scheduled"
                                                          : text(e, "status", where, false));
        if (!status) bad(where, "unknown status '" + text(e, "status", where, false) + "'");
        event.status = *status;
        event.imageUrl = text(e, "image_url", where, false);
        event.updatedAtMs = updatedAtMs;
        if (const auto errors = core::validateEvent(event); !errors.empty())
            bad(where, errors.front().field + " " + errors.front().message);
        eventsJson.push_back({{"id", event.id}, {"title", event.title}, {"description", event.description},
                              {"category_id", event.categoryId}, {"tags", event.tags}, {"performers", event.performers},
                              {"starts_at_ms", event.startsAtMs}, {"ends_at_ms", event.endsAtMs},
                              {"time_zone", event.timeZone}, {"venue_id", event.venueId},
                              {"price_min_minor", event.price.minMinor}, {"price_max_minor", event.price.maxMinor},
                              {"currency", event.price.currency}, {"status", core::eventStatusName(event.status)},
                              {"image_url", event.imageUrl}, {"updated_at_ms", event.updatedAtMs}});
        v1::Event proto;
        protocol::toProto(event, &proto);
        changes.push_back({std::string(core::aggregate::kEvent), event.id, detail::ChangeOp::Upsert, 0,
                           proto.SerializeAsString()});
    }

    DemoLoadResult result;
    pqxx::work tx(conn);
    if (detail::exec(tx, kHasEvents)[0][0].as<bool>()) {
        result.skipped = true;
        return result;
    }
    detail::exec(tx, kInsertCategories, categoriesJson.dump());
    detail::exec(tx, kInsertVenues, venuesJson.dump());
    detail::exec(tx, kInsertEvents, eventsJson.dump());
    detail::appendChanges(tx, changes);
    loadDemoSeating(tx, eventsJson, venueNames, result);
    tx.commit();
    result.categories = categoriesJson.size();
    result.venues = venuesJson.size();
    result.events = eventsJson.size();
    log::info("demo catalog loaded",
              {{"categories", result.categories}, {"venues", result.venues}, {"events", result.events},
               {"layouts", result.layouts}, {"seated_events", result.seatedEvents}});
    return result;
}

} // namespace marquee::server
