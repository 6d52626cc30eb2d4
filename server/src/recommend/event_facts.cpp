// Event facts for the wishlist alerts and the digest (see event_facts.hpp).
#include "recommend/event_facts.hpp"

#include "orders/pricing.hpp"
#include "services/api_internal.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace marquee::server::recommend {

namespace {

using detail::exec;
using detail::Statement;

// Columns read by factsFromRow, then the joins they come from. Seat claims, standing counters and
// standing holds are summed per event (LATERAL: one index lookup each).
#define MQ_FACTS_COLUMNS                                                                                            \
    "e.id::text, e.title, e.status, (extract(epoch FROM e.starts_at) * 1000)::bigint, e.time_zone, "               \
    "coalesce(e.venue_id::text, ''), coalesce(v.name, ''), coalesce(v.city, ''), e.price_min_minor, "             \
    "e.price_max_minor, e.currency, coalesce(e.layout_id::text, ''), coalesce(e.layout_version, 0), "             \
    "coalesce(lv.seat_count, 0), coalesce(sc.sold, 0), coalesce(sc.blocked, 0), coalesce(ga.capacity, 0), "       \
    "coalesce(ga.taken, 0), coalesce(gh.held, 0)"
#define MQ_FACTS_FROM                                                                                               \
    "FROM events e LEFT JOIN venues v ON v.id = e.venue_id "                                                      \
    "LEFT JOIN seating_layout_versions lv ON lv.layout_id = e.layout_id AND lv.version = e.layout_version "        \
    "LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE c.kind IN ('sold', 'leased')) AS sold, "                    \
    "  count(*) FILTER (WHERE c.kind = 'blocked') AS blocked FROM seat_claims c WHERE c.event_id = e.id) sc ON true " \
    "LEFT JOIN LATERAL (SELECT sum(g.capacity) AS capacity, sum(g.taken) AS taken FROM seat_ga_counters g "       \
    "  WHERE g.event_id = e.id) ga ON true "                                                                       \
    "LEFT JOIN LATERAL (SELECT sum(h.ga_count) AS held FROM seat_holds h WHERE h.event_id = e.id) gh ON true "
constexpr int kSeenColumn = 19; // the first wishlist_alert_state column in kWatched

constexpr Statement kFactsOf{"alerts_facts_of", "SELECT " MQ_FACTS_COLUMNS " " MQ_FACTS_FROM
                                                "WHERE e.id = ANY($1::uuid[])"};
constexpr Statement kWatched{
    "alerts_watched",
    "SELECT " MQ_FACTS_COLUMNS ", s.event_id IS NOT NULL, coalesce(s.status, ''), "
    "coalesce((extract(epoch FROM s.starts_at) * 1000)::bigint, 0), coalesce(s.venue_id::text, ''), "
    "coalesce(s.venue_name, ''), s.price_minor, coalesce(s.currency, ''), coalesce(s.selling_out, false) " MQ_FACTS_FROM
    "LEFT JOIN wishlist_alert_state s ON s.event_id = e.id "
    "WHERE e.starts_at > to_timestamp($1::bigint / 1000.0) AND EXISTS (SELECT 1 FROM wishlist w WHERE w.event_id = e.id) "
    "ORDER BY e.starts_at, e.id"};
constexpr Statement kLockSeen{
    "alerts_lock_seen",
    "SELECT true, status, (extract(epoch FROM starts_at) * 1000)::bigint, coalesce(venue_id::text, ''), venue_name, "
    "price_minor, currency, selling_out FROM wishlist_alert_state WHERE event_id = $1::uuid FOR UPDATE"};
constexpr Statement kChargesOf{
    "alerts_charges_of",
    "SELECT event_id::text, price_category_id, fee_minor, tax_basis_points, tax_included FROM event_charges "
    "WHERE event_id = ANY($1::uuid[])"};

#undef MQ_FACTS_COLUMNS
#undef MQ_FACTS_FROM

// A layout version's price categories that something is sold in (a seat or a standing area).
struct CategoryPrice {
    std::string id;
    std::int64_t priceMinor = 0;
    std::string currency;
};

// Versions never change, so what was derived from one stays true; bounded by starting afresh.
class LayoutPriceCache {
public:
    std::vector<CategoryPrice> pricesOf(pqxx::transaction_base& tx, const std::string& layoutId, std::uint32_t version) {
        const auto key = layoutId + "@" + std::to_string(version);
        {
            const std::lock_guard lock(m_mutex);
            if (const auto it = m_byVersion.find(key); it != m_byVersion.end()) return it->second;
        }
        std::vector<CategoryPrice> prices;
        if (const auto loaded = detail::loadLayout(tx, layoutId, version)) {
            const auto& layout = loaded->layout;
            std::vector<std::string> used;
            for (const auto& area : layout.areas) {
                if (area.kind == core::seating::AreaKind::GeneralAdmission) used.push_back(area.priceCategoryId);
                for (const auto& row : area.rows)
                    for (const auto& seat : row.seats) used.push_back(seat.priceCategoryId);
            }
            std::sort(used.begin(), used.end());
            used.erase(std::unique(used.begin(), used.end()), used.end());
            for (const auto& category : layout.priceCategories)
                if (std::binary_search(used.begin(), used.end(), category.id))
                    prices.push_back({category.id, category.priceMinor, category.currency});
        }
        const std::lock_guard lock(m_mutex);
        if (m_byVersion.size() >= kCapacity) m_byVersion.clear();
        m_byVersion.emplace(key, prices);
        return prices;
    }

private:
    static constexpr std::size_t kCapacity = 4096;
    std::mutex m_mutex;
    std::unordered_map<std::string, std::vector<CategoryPrice>> m_byVersion;
};

LayoutPriceCache& layoutPrices() {
    static LayoutPriceCache cache;
    return cache;
}

std::optional<std::int64_t> optionalInt(const pqxx::field& f) {
    if (f.is_null()) return std::nullopt;
    return f.as<std::int64_t>();
}

// The facts of one row, except the price of seated events (see withLayoutPrice).
struct FactsRow {
    EventFacts facts;
    std::string layoutId;
    std::uint32_t layoutVersion = 0;
};

FactsRow factsFromRow(const pqxx::row& row) {
    FactsRow out;
    auto& f = out.facts;
    f.eventId = row[0].as<std::string>();
    f.title = row[1].as<std::string>();
    f.status = row[2].as<std::string>();
    f.startsAtMs = row[3].as<std::int64_t>();
    f.timeZone = row[4].as<std::string>();
    f.venueId = row[5].as<std::string>();
    f.venueName = row[6].as<std::string>();
    f.city = row[7].as<std::string>();
    const auto priceMin = row[8].as<std::int64_t>();
    const auto priceMax = row[9].as<std::int64_t>();
    f.currency = row[10].as<std::string>();
    out.layoutId = row[11].as<std::string>();
    out.layoutVersion = row[12].as<std::uint32_t>();
    if (out.layoutId.empty()) {
        if (priceMax > 0) f.priceMinor = priceMin;
        return out;
    }
    const auto seats = row[13].as<std::int64_t>();
    const auto sold = row[14].as<std::int64_t>();
    const auto blocked = row[15].as<std::int64_t>();
    const auto standing = row[16].as<std::int64_t>();
    const auto standingSold = row[17].as<std::int64_t>() - row[18].as<std::int64_t>(); // taken minus held
    const auto capacity = seats + standing - blocked;
    if (capacity > 0) {
        f.capacity = capacity;
        f.remaining = std::clamp<std::int64_t>(capacity - sold - std::max<std::int64_t>(standingSold, 0), 0, capacity);
    }
    return out;
}

std::vector<EventFacts> finish(pqxx::transaction_base& tx, std::vector<FactsRow> rows) {
    std::vector<std::string> seated;
    for (const auto& r : rows)
        if (!r.layoutId.empty()) seated.push_back(r.facts.eventId);
    std::map<std::string, orders::ChargeTable> charges;
    if (!seated.empty())
        for (const auto& c : exec(tx, kChargesOf, uuidArrayLiteral(seated)))
            charges[c[0].as<std::string>()].set(
                c[1].as<std::string>(), {c[2].as<std::int64_t>(), c[3].as<std::uint32_t>(), c[4].as<bool>()});
    std::vector<EventFacts> out;
    out.reserve(rows.size());
    for (auto& r : rows) {
        auto& f = r.facts;
        if (!r.layoutId.empty()) {
            const auto& table = charges[f.eventId];
            for (const auto& category : layoutPrices().pricesOf(tx, r.layoutId, r.layoutVersion)) {
                if (!category.currency.empty() && category.currency != f.currency) continue;
                try {
                    const auto total = orders::priceLine(category.priceMinor, table.forCategory(category.id)).totalMinor;
                    if (!f.priceMinor || total < *f.priceMinor) f.priceMinor = total;
                } catch (const std::invalid_argument&) {
                    // out of range: not a price anyone can pay, so not the lowest one either
                }
            }
        }
        out.push_back(std::move(f));
    }
    return out;
}

EventFacts seenFromRow(const pqxx::row& row, pqxx::row::size_type first, const EventFacts& now) {
    EventFacts seen;
    seen.eventId = now.eventId;
    seen.title = now.title;
    seen.timeZone = now.timeZone;
    seen.status = row[first + 1].as<std::string>();
    seen.startsAtMs = row[first + 2].as<std::int64_t>();
    seen.venueId = row[first + 3].as<std::string>();
    seen.venueName = row[first + 4].as<std::string>();
    seen.priceMinor = optionalInt(row[first + 5]);
    seen.currency = row[first + 6].as<std::string>();
    return seen;
}

} // namespace

std::string uuidArrayLiteral(const std::vector<std::string>& ids) {
    std::string out = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + ids[i];
    return out + "}";
}

std::vector<EventFacts> loadEventFacts(pqxx::transaction_base& tx, const std::vector<std::string>& eventIds) {
    if (eventIds.empty()) return {};
    std::vector<FactsRow> rows;
    for (const auto& row : exec(tx, kFactsOf, uuidArrayLiteral(eventIds))) rows.push_back(factsFromRow(row));
    return finish(tx, std::move(rows));
}

std::vector<WatchedEvent> loadWatchedEvents(pqxx::transaction_base& tx, std::int64_t nowMs) {
    const auto result = exec(tx, kWatched, nowMs);
    std::vector<FactsRow> rows;
    for (const auto& row : result) rows.push_back(factsFromRow(row));
    auto facts = finish(tx, std::move(rows));
    std::vector<WatchedEvent> out;
    out.reserve(facts.size());
    for (std::size_t i = 0; i < facts.size(); ++i) {
        WatchedEvent w;
        w.now = std::move(facts[i]);
        const auto& row = result[static_cast<pqxx::result::size_type>(i)];
        if (row[kSeenColumn].as<bool>()) {
            w.seen = seenFromRow(row, kSeenColumn, w.now);
            w.seenSellingOut = row[kSeenColumn + 7].as<bool>();
        }
        out.push_back(std::move(w));
    }
    return out;
}

std::optional<SeenState> lockSeenState(pqxx::transaction_base& tx, const std::string& eventId) {
    const auto rows = exec(tx, kLockSeen, eventId);
    if (rows.empty()) return std::nullopt;
    EventFacts now;
    now.eventId = eventId;
    return SeenState{seenFromRow(rows[0], 0, now), rows[0][7].as<bool>()};
}

} // namespace marquee::server::recommend
