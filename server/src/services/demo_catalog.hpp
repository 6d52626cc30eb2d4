// Loads the demo catalog (resources/demo/catalog.json) into an empty catalog.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <string_view>

namespace marquee::server {

struct DemoLoadResult {
    std::size_t categories = 0;
    std::size_t venues = 0;
    std::size_t events = 0;
    std::size_t layouts = 0;      // seat maps stored for demo venues
    std::size_t seatedEvents = 0; // events selling one of them
    bool skipped = false; // the catalog already had events
};

// Event times in the file are relative (day_offset + local_start in the venue's time zone)
// so the demo always shows upcoming events; `todayUtcMs` anchors them (tests fix it).
// Demo venues that suit them get the core demo seat maps (theatre, stadium, club) as house
// layouts, their events sell them, and a few seats per event are blocked, so clients show
// seat maps out of the box. Writes through the change log like any other catalog change. Throws std::runtime_error
// with a clear message on a malformed file.
DemoLoadResult loadDemoCatalog(pqxx::connection& conn, std::string_view json, std::int64_t todayUtcMs);

} // namespace marquee::server
