// What the wishlist alerts and the weekly digest know of an event: status, date, venue, the
// lowest price a ticket costs and, for events with a seat inventory, how many places are left.
// Read from PostgreSQL in one statement per batch; the price of seated events comes from their
// layout's price categories with the event's fees and tax (what a buyer pays for one ticket).
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marquee::server::recommend {

struct EventFacts {
    std::string eventId;
    std::string title;
    std::string status;                    // scheduled, cancelled, postponed, sold_out
    std::int64_t startsAtMs = 0;
    std::string timeZone;
    std::string venueId;                   // "" when the event has no venue
    std::string venueName;
    std::string city;
    std::optional<std::int64_t> priceMinor; // lowest price of one ticket; nullopt: not known
    std::string currency;
    std::optional<std::int64_t> capacity;  // places for sale (seats + standing − blocked); nullopt: no inventory
    std::int64_t remaining = 0;            // of those, not sold or leased (holds still count as free)
};

// The lowest price of one ticket: with a layout, the cheapest price category that has a seat or a
// standing area, plus its booking fee and tax (orders::priceLine) in the event's currency; without
// one, the event's advertised "from" price when it has a price at all (price_max_minor > 0).
// The capacity counts seated places and standing capacity minus blocked seats; sold and leased
// seats and sold standing places are gone.

// Facts of the given events (unknown ids are left out; order not kept).
std::vector<EventFacts> loadEventFacts(pqxx::transaction_base& tx, const std::vector<std::string>& eventIds);

// The facts of every event on someone's wishlist that starts after `nowMs`, each with what the
// alert worker last saw of it (nullopt: never seen).
struct WatchedEvent {
    EventFacts now;
    std::optional<EventFacts> seen;        // from wishlist_alert_state: status, date, venue, price
    bool seenSellingOut = false;
};
std::vector<WatchedEvent> loadWatchedEvents(pqxx::transaction_base& tx, std::int64_t nowMs);

// What was seen of one event, its row locked FOR UPDATE (nullopt: none yet).
struct SeenState {
    EventFacts facts;
    bool sellingOut = false;
};
std::optional<SeenState> lockSeenState(pqxx::transaction_base& tx, const std::string& eventId);

// "{id1,id2}": a uuid[] parameter from ids that are UUIDs already (read from the database).
std::string uuidArrayLiteral(const std::vector<std::string>& ids);

} // namespace marquee::server::recommend
