// Set-based catalog stage: bulk lookups into temporary tables filled by COPY, the matching
// decisions made for the whole payload in record order in memory (so a record sees what earlier
// records of the same payload did, exactly as if they were written one by one), then the rows
// written in chunks of events (COPY + one statement per table), two chunks at a time on two
// connections, each chunk with its filled fields and change-log rows.
#include "ingest/catalog.hpp"

#include "ingest/halves.hpp"
#include "ingest/text.hpp"
#include "marquee/protocol/conversions.hpp"
#include "services/api_internal.hpp"

#include <date/date.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <atomic>
#include <exception>
#include <future>
#include <iterator>
#include <thread>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace marquee::server::ingest {

namespace {

using detail::exec;
using detail::Statement;

// Namespace for name-based event and venue ids: the same source record or venue gets the
// same id in every database, so ids stay stable even if provenance is rebuilt.
constexpr std::string_view kIdNamespace = "6d61726b-7565-4569-8e67-657374000001";
constexpr std::size_t kMaxQuarantineRaw = 64 * 1024;
// Staging tables this large get fresh statistics before they are joined.
constexpr std::size_t kAnalyzeStagingFrom = 1000;

#define MQ_TS(p) "('epoch'::timestamptz + " p "::bigint * interval '1 millisecond')"
#define MQ_MS(c) "(extract(epoch FROM " c ") * 1000)::bigint"

// Staging tables (dropped at commit). The decision transaction's: ord is the record's position
// in the payload.
constexpr const char* kCreateLookupStaging =
    "CREATE TEMP TABLE ingest_refs (ord int NOT NULL, ref text NOT NULL, alt int NOT NULL, hash text NOT NULL) "
    "ON COMMIT DROP; "
    "CREATE TEMP TABLE ingest_uids (uid text NOT NULL) ON COMMIT DROP; "
    "CREATE TEMP TABLE ingest_probe (ord int NOT NULL, venue_id uuid NOT NULL, starts_ms bigint NOT NULL, "
    "prev_ms bigint NOT NULL, title text NOT NULL) ON COMMIT DROP";
// A chunk's, for the rows that exist already (upserted instead of COPYed straight in).
constexpr const char* kCreateEventStaging =
    "CREATE TEMP TABLE ingest_events (id uuid NOT NULL, title text, description text, category_id text, "
    "performers text[], starts_ms bigint, ends_ms bigint, time_zone text, venue_id text, price_min bigint, "
    "price_max bigint, currency text, status text, image_url text, search_vector tsvector, search_title text) "
    "ON COMMIT DROP";
constexpr const char* kCreateProvenanceStaging =
    "CREATE TEMP TABLE ingest_prov (ref text NOT NULL, event_id uuid NOT NULL, match_uid text, content_hash text, "
    "data jsonb, status text) ON COMMIT DROP";

// The two lookups below probe an index once per staged row (LATERAL ... LIMIT 1 keeps the
// planner from turning them into joins): as a prepared statement's generic plan, a join read
// every provenance row of the source, and the events of each, for every batch of a big feed.
// 1. This source's own earlier records, by ref and by earlier refs (alt > 0). Whether another
// record cancelled the event only matters when the record changed.
constexpr Statement kLookupOwn{
    "ingest_lookup_own",
    "SELECT r.ord, r.alt, p.ref, p.event_id::text, p.content_hash, e.source, e.status, "
    "CASE WHEN r.alt > 0 OR p.content_hash <> r.hash THEN EXISTS (SELECT 1 FROM event_provenance q "
    "  WHERE q.event_id = p.event_id AND q.status = 'cancelled' AND NOT (q.source_id = p.source_id AND q.ref = p.ref)) "
    "ELSE false END "
    "FROM ingest_refs r CROSS JOIN LATERAL (SELECT o.source_id, o.ref, o.event_id, o.content_hash "
    "  FROM event_provenance o WHERE o.source_id = $1 AND o.ref = r.ref LIMIT 1) p "
    "JOIN events e ON e.id = p.event_id"};
// 2. The first provenance (any source) that carried a UID.
constexpr Statement kLookupUids{
    "ingest_lookup_uids",
    "SELECT u.uid, f.event_id::text, f.source, f.status FROM ingest_uids u CROSS JOIN LATERAL ("
    "  SELECT p.event_id, e.source, e.status FROM event_provenance p JOIN events e ON e.id = p.event_id "
    "  WHERE p.match_uid = u.uid AND p.match_uid <> '' ORDER BY p.first_seen_at, p.source_id LIMIT 1) f"};
// 3. Another source's (or Marquee's) events at the same venue within the start tolerance (also
// around previousStartDate) whose folded titles are similar; `mine`: this source already
// describes that event. Events this source owns are always its own, so they are not even
// compared; pr.title is folded already, and search_title is search_fold(title), which is
// ingest_fold(title) with the dictionary named (migration 0007). `mine` reads the event's few
// provenance rows by event id: as EXISTS (event_id, source_id), stale statistics made the
// planner AND it with every provenance row of the source, per candidate.
constexpr Statement kLookupSimilar{
    "ingest_lookup_similar",
    "SELECT pr.ord, c.id::text, c.source, c.status, c.mine FROM ingest_probe pr CROSS JOIN LATERAL ("
    "  SELECT e.id, e.source, e.status, e.created_at, similarity(e.search_title, pr.title) AS sim, "
    "  $1 = ANY (ARRAY(SELECT p.source_id FROM event_provenance p WHERE p.event_id = e.id)) AS mine "
    "  FROM events e WHERE e.venue_id = pr.venue_id AND e.source <> $4 "
    "  AND (e.starts_at BETWEEN " MQ_TS("pr.starts_ms") " - $2 * interval '1 millisecond' "
    "                       AND " MQ_TS("pr.starts_ms") " + $2 * interval '1 millisecond' "
    "    OR (pr.prev_ms > 0 AND e.starts_at BETWEEN " MQ_TS("pr.prev_ms") " - $2 * interval '1 millisecond' "
    "                                           AND " MQ_TS("pr.prev_ms") " + $2 * interval '1 millisecond')) "
    "  AND similarity(e.search_title, pr.title) >= $3 "
    "  ORDER BY sim DESC, e.created_at LIMIT 8) c "
    "ORDER BY pr.ord, c.sim DESC, c.created_at"};

constexpr Statement kVenuesWithOthersEvents{
    "ingest_venues_with_others_events",
    "SELECT DISTINCT v::text FROM unnest($1::uuid[]) AS v "
    "WHERE EXISTS (SELECT 1 FROM events e WHERE e.venue_id = v AND e.source <> $2)"};
constexpr Statement kFindVenues{
    "ingest_find_venues",
    "SELECT id::text, name, city, latitude, longitude, similarity(ingest_fold(name), ingest_fold($1)) AS sim "
    "FROM venues WHERE similarity(ingest_fold(name), ingest_fold($1)) > 0.15 "
    "OR ($2::float8 <> 0 AND abs(latitude - $2::float8) < 0.02 AND abs(longitude - $3::float8) < 0.03) "
    "ORDER BY sim DESC LIMIT 20"};
constexpr Statement kInsertVenue{
    "ingest_insert_venue",
    "INSERT INTO venues (id, name, address, city, country, latitude, longitude, time_zone) "
    "VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id"};

// Every event row this source changes, in one statement, with the search
// vector and title that SearchIndexer built for it (the per-row trigger steps aside:
// marquee.search_bulk, migration 0008).
constexpr Statement kUpsertEvents{
    "ingest_upsert_events",
    "INSERT INTO events (id, title, description, category_id, performers, starts_at, ends_at, time_zone, venue_id, "
    "price_min_minor, price_max_minor, currency, status, image_url, source, updated_at, search_vector, search_title) "
    "SELECT id, title, description, category_id, performers, "
    MQ_TS("starts_ms") ", CASE WHEN ends_ms > 0 THEN " MQ_TS("ends_ms") " END, time_zone, NULLIF(venue_id, '')::uuid, "
    "price_min, price_max, currency, status, image_url, $1, " MQ_TS("$2") ", coalesce(search_vector, ''), "
    "search_title FROM ingest_events "
    "ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description, "
    "category_id = excluded.category_id, performers = excluded.performers, starts_at = excluded.starts_at, "
    "ends_at = excluded.ends_at, time_zone = excluded.time_zone, venue_id = excluded.venue_id, "
    "price_min_minor = excluded.price_min_minor, price_max_minor = excluded.price_max_minor, "
    "currency = excluded.currency, status = excluded.status, image_url = excluded.image_url, "
    "updated_at = excluded.updated_at, search_title = excluded.search_title, search_vector = excluded.search_vector "
    "WHERE events.source <> 'marquee'"};
// The rows SearchIndexer left to SQL: indexed from their final row, exactly as the trigger does.
constexpr Statement kIndexExactly{
    "ingest_index_exactly",
    "UPDATE events SET search_vector = search_document(title, search_event_people(performers, venue_id), "
    "search_event_labels(tags, category_id), description) WHERE id = ANY($1::uuid[]) AND source <> 'marquee'"};
// The vocabulary words of the rows above (what the trigger's search_learn_words adds), sorted
// so that concurrent writers take their row locks in the same order.
constexpr Statement kLearnWords{
    "ingest_learn_words",
    "INSERT INTO search_vocabulary (word) SELECT w FROM unnest($1::text[]) AS w ORDER BY 1 ON CONFLICT (word) DO NOTHING"};
constexpr const char* kSearchBulkOn = "SELECT set_config('marquee.search_bulk', 'on', true)";
constexpr const char* kSearchBulkOff = "SELECT set_config('marquee.search_bulk', 'off', true)";
// Which of the rows exist already, with their tags (an update keeps them; they are indexed).
constexpr Statement kExistingEvents{"ingest_existing_events",
                                    "SELECT id::text, array_to_string(tags, ' ') FROM events WHERE id = ANY($1::uuid[])"};
constexpr Statement kCancelEvents{
    "ingest_cancel_events",
    "UPDATE events SET status = 'cancelled', updated_at = " MQ_TS("$2") " "
    "WHERE id = ANY($1::uuid[]) AND source <> 'marquee' AND status <> 'cancelled'"};
constexpr Statement kDeleteProvenance{"ingest_delete_provenance",
                                      "DELETE FROM event_provenance WHERE source_id = $1 AND ref = $2"};
constexpr Statement kUpsertProvenance{
    "ingest_upsert_provenance",
    "INSERT INTO event_provenance (source_id, ref, event_id, match_uid, content_hash, data, status, raw_payload_id) "
    "SELECT $1, ref, event_id, match_uid, content_hash, data, status, NULLIF($2, 0) FROM ingest_prov "
    "ON CONFLICT (source_id, ref) DO UPDATE SET event_id = excluded.event_id, match_uid = excluded.match_uid, "
    "content_hash = excluded.content_hash, data = excluded.data, status = excluded.status, "
    "raw_payload_id = excluded.raw_payload_id, last_seen_at = now()"};
// Open quarantine entries of the source; those whose record went in are resolved by id.
constexpr Statement kOpenQuarantineRefs{
    "ingest_open_quarantine_refs", "SELECT ref FROM quarantine WHERE source_id = $1 AND resolved_at IS NULL"};
constexpr Statement kResolveQuarantine{
    "ingest_resolve_quarantine",
    "UPDATE quarantine SET resolved_at = now() WHERE source_id = $1 AND ref = ANY($2::text[]) AND resolved_at IS NULL"};
constexpr Statement kDropUnusedVenues{
    "ingest_drop_unused_venues",
    "DELETE FROM venues v WHERE v.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM events e WHERE e.venue_id = v.id) "
    "RETURNING v.id::text"};
constexpr Statement kChunkCommitted{
    "ingest_chunk_committed", "UPDATE ingest_runs SET chunks_committed = chunks_committed + 1 WHERE id = $1"};
constexpr Statement kQuarantine{
    "ingest_quarantine",
    "INSERT INTO quarantine (source_id, raw_payload_id, ref, reason, raw) VALUES ($1, NULLIF($2, 0), $3, $4, $5) "
    "ON CONFLICT (source_id, ref) WHERE resolved_at IS NULL DO UPDATE SET reason = excluded.reason, "
    "raw = excluded.raw, raw_payload_id = excluded.raw_payload_id, attempts = quarantine.attempts + 1, "
    "last_seen_at = now()"};

// Missing fields of a feed-owned event, filled from its provenance: the owner's own value
// when it has one, else the earliest other source's (first seen, then source id). A price is
// taken as a whole (min, max, currency) from the first source that names a non-zero one; an
// end time only when it is after the event's start. Marquee's events are never touched.
#define MQ_PICK(expr, cond)                                                                                            \
    "(array_agg(" expr " ORDER BY c.by_owner DESC, c.first_seen_at, c.source_id, c.ref) FILTER (WHERE " cond "))[1]"
constexpr Statement kFillMissing{
    "ingest_fill_missing",
    "WITH c AS ("
    "  SELECT p.event_id AS id, p.data, s.name = e.source AS by_owner, p.first_seen_at, p.source_id, p.ref, e.starts_at "
    "  FROM unnest($1::uuid[]) AS f(id) JOIN events e ON e.id = f.id AND e.source <> 'marquee' "
    "  JOIN event_provenance p ON p.event_id = e.id JOIN sources s ON s.id = p.source_id), "
    "pick AS ("
    "  SELECT c.id, "
    "  " MQ_PICK("c.data->>'description'", "c.data->>'description' <> ''") " AS description, "
    "  " MQ_PICK("c.data->>'image_url'", "c.data->>'image_url' <> ''") " AS image_url, "
    "  " MQ_PICK("c.data->'performers'", "jsonb_array_length(c.data->'performers') > 0") " AS performers, "
    "  " MQ_PICK("(c.data->>'ends_at_ms')::bigint",
                 "(c.data->>'ends_at_ms')::bigint > " MQ_MS("c.starts_at")) " AS ends_ms, "
    "  " MQ_PICK("c.data", "(c.data->>'price_max_minor')::bigint > 0") " AS priced "
    "  FROM c GROUP BY c.id), "
    "v AS ("
    "  SELECT pk.id, coalesce(pk.description, e.description) AS description, "
    "  coalesce(pk.image_url, e.image_url) AS image_url, "
    "  coalesce(ARRAY(SELECT jsonb_array_elements_text(pk.performers)), e.performers) AS performers, "
    "  coalesce(CASE WHEN pk.ends_ms IS NOT NULL THEN " MQ_TS("pk.ends_ms") " END, e.ends_at) AS ends_at, "
    "  CASE WHEN e.price_max_minor = 0 AND pk.priced IS NOT NULL THEN (pk.priced->>'price_min_minor')::bigint "
    "       ELSE e.price_min_minor END AS price_min, "
    "  CASE WHEN e.price_max_minor = 0 AND pk.priced IS NOT NULL THEN (pk.priced->>'price_max_minor')::bigint "
    "       ELSE e.price_max_minor END AS price_max, "
    "  CASE WHEN e.price_max_minor = 0 AND pk.priced IS NOT NULL THEN pk.priced->>'currency' "
    "       ELSE e.currency END AS currency "
    "  FROM pick pk JOIN events e ON e.id = pk.id) "
    "UPDATE events e SET description = v.description, image_url = v.image_url, performers = v.performers, "
    "ends_at = v.ends_at, price_min_minor = v.price_min, price_max_minor = v.price_max, currency = v.currency, "
    "updated_at = " MQ_TS("$2") " FROM v WHERE e.id = v.id AND (e.description, e.image_url, e.performers, e.ends_at, "
    "e.price_min_minor, e.price_max_minor, e.currency) IS DISTINCT FROM (v.description, v.image_url, v.performers, "
    "v.ends_at, v.price_min, v.price_max, v.currency::bpchar) RETURNING e.id::text"};
#undef MQ_PICK

// The final rows of the events a batch changed, in change-log order.
constexpr Statement kLoadEvents{
    "ingest_load_events",
    "SELECT " MARQUEE_SQL_EVENT_COLUMNS " FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n) "
    "JOIN events USING (id) ORDER BY c.n"};

std::int64_t wallClockMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kEarth = 6'371'000.0;
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double dLat = (lat2 - lat1) * kRad;
    const double dLon = (lon2 - lon1) * kRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarth * std::asin(std::min(1.0, std::sqrt(a)));
}

// Every word of the shorter folded name appears in the longer ("quasimodo" / "quasimodo jazz club").
bool wordsContained(const std::string& a, const std::string& b) {
    const auto& shorter = a.size() <= b.size() ? a : b;
    const auto& longer = a.size() <= b.size() ? b : a;
    if (shorter.empty()) return false;
    const std::string padded = " " + longer + " ";
    std::size_t start = 0;
    while (start < shorter.size()) {
        auto end = shorter.find(' ', start);
        if (end == std::string::npos) end = shorter.size();
        if (padded.find(" " + shorter.substr(start, end - start) + " ") == std::string::npos) return false;
        start = end + 1;
    }
    return true;
}

// A uuid[] literal; ids come from PostgreSQL or uuidV5, so they need no quoting.
std::string uuidArray(const std::vector<std::string>& ids) {
    std::string out = "{";
    for (const auto& id : ids) {
        if (out.size() > 1) out += ',';
        out += id;
    }
    return out + "}";
}

// COPY rows of text fields into a table (libpqxx escapes tabs, line breaks and backslashes).
template <std::size_t N>
class CopyInto {
public:
    CopyInto(pqxx::transaction_base& tx, const char* table, const std::array<const char*, N>& columns)
        : m_stream(tx, table, std::vector<std::string>(columns.begin(), columns.end())) {}
    // Bit i of nullMask: field i is NULL.
    void row(const std::array<std::string, N>& fields, std::uint32_t nullMask = 0) {
        std::array<const char*, N> values{}; // libpqxx 6 streams tuple-like rows; nullptr is NULL
        for (std::size_t i = 0; i < N; ++i) values[i] = (nullMask >> i) & 1U ? nullptr : fields[i].c_str();
        m_stream << values;
    }
    void complete() { m_stream.complete(); }

private:
    pqxx::stream_to m_stream;
};

detail::ChangeRow eventChange(const core::Event& e) {
    v1::Event proto;
    protocol::toProto(e, &proto);
    return {std::string(core::aggregate::kEvent), e.id, detail::ChangeOp::Upsert, 0, proto.SerializeAsString()};
}

// A timestamptz literal for COPY.
std::string timestampText(std::int64_t ms) {
    return date::format("%F %T+00", std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms)));
}

std::string statusName(core::EventStatus status) { return std::string(core::eventStatusName(status)); }

// An ordered set of event ids (first occurrence wins), for the change log.
class OrderedIds {
public:
    void add(const std::string& id) {
        if (m_seen.insert(id).second) m_ids.push_back(id);
    }
    const std::vector<std::string>& ids() const { return m_ids; }
    bool contains(const std::string& id) const { return m_seen.count(id) > 0; }

private:
    std::vector<std::string> m_ids;
    std::unordered_set<std::string> m_seen;
};

// Finds the venue a record's location names, or creates it (a name-based id, so a rebuilt
// database gets the same one). Returns "" for no physical location.
class VenueResolver {
public:
    VenueResolver(pqxx::transaction_base& tx, std::map<std::string, std::string>& resolved,
                  std::vector<detail::ChangeRow>& changes)
        : m_tx(tx), m_resolved(resolved), m_changes(changes) {}

    std::string resolve(const StandardEvent& s) {
        const auto& loc = s.location;
        if (loc.virtualOnly || loc.name.empty()) return {};
        const auto folded = foldForMatch(loc.name);
        const auto city = foldForMatch(loc.city);
        const bool hasGeo = loc.latitude && loc.longitude;
        const std::string key = folded + "|" + city + "|" +
                                (hasGeo ? std::to_string(*loc.latitude) + "," + std::to_string(*loc.longitude) : "");
        if (const auto it = m_resolved.find(key); it != m_resolved.end()) return it->second;
        auto id = findExisting(loc, folded, city);
        if (id.empty()) id = create(s, folded, city);
        m_resolved[key] = id;
        return id;
    }

private:
    std::string findExisting(const RawLocation& loc, const std::string& folded, const std::string& city) {
        const bool hasGeo = loc.latitude && loc.longitude;
        std::string best;
        double bestScore = 0;
        for (const auto& row :
             exec(m_tx, kFindVenues, loc.name, hasGeo ? *loc.latitude : 0.0, hasGeo ? *loc.longitude : 0.0)) {
            const auto name = foldForMatch(row[1].as<std::string>());
            const auto vcity = foldForMatch(row[2].as<std::string>());
            const double lat = row[3].as<double>();
            const double lon = row[4].as<double>();
            const double sim = row[5].as<double>();
            const bool contained = wordsContained(name, folded);
            const bool sameCity = city.empty() || vcity.empty() || city == vcity;
            const bool geoKnown = hasGeo && (lat != 0.0 || lon != 0.0);
            bool ok = false;
            if (geoKnown) {
                const double d = distanceMetres(*loc.latitude, *loc.longitude, lat, lon);
                ok = (d <= 250 && (sim >= 0.3 || contained)) || (d <= 2000 && sim >= 0.6);
            } else {
                ok = sameCity && (sim >= 0.6 || contained);
            }
            const double score = std::max(sim, contained ? 0.8 : 0.0);
            if (ok && score > bestScore) {
                bestScore = score;
                best = row[0].as<std::string>();
            }
        }
        return best;
    }

    std::string create(const StandardEvent& s, const std::string& folded, const std::string& city) {
        const auto& loc = s.location;
        const bool hasGeo = loc.latitude && loc.longitude;
        core::Venue v;
        v.id = uuidV5(kIdNamespace, "venue\n" + folded + "\n" + city);
        v.name = truncateUtf8(loc.name, 300);
        std::string address = loc.address;
        const auto addPart = [&](const std::string& part) {
            if (!part.empty()) address += (address.empty() ? "" : ", ") + part;
        };
        addPart(collapseSpace(loc.postalCode + " " + loc.city));
        if (loc.country.size() != 2) addPart(loc.country);
        v.address = truncateUtf8(address, 1000);
        v.city = loc.city;
        if (loc.country.size() == 2) {
            v.country = loc.country;
            for (auto& c : v.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        v.latitude = hasGeo ? *loc.latitude : 0.0;
        v.longitude = hasGeo ? *loc.longitude : 0.0;
        v.timeZone = s.event.timeZone;
        if (!exec(m_tx, kInsertVenue, v.id, v.name, v.address, v.city, v.country, v.latitude, v.longitude, v.timeZone)
                 .empty()) {
            v1::Venue proto;
            protocol::toProto(v, &proto);
            m_changes.push_back({std::string(core::aggregate::kVenue), v.id, detail::ChangeOp::Upsert, 0,
                                 proto.SerializeAsString()});
        }
        return v.id;
    }

    pqxx::transaction_base& m_tx;
    std::map<std::string, std::string>& m_resolved;
    std::vector<detail::ChangeRow>& m_changes;
};

} // namespace

// The lookups and decisions for one payload, made once for all its records; read-only (and
// shared by the writer threads) once decide() returns.
struct CatalogWriter::Decisions {
    const std::vector<StandardEvent>* records = nullptr;
    const std::vector<std::string>* dataText = nullptr; // per record: provenance data, as stored and hashed
    const std::vector<std::string>* hashes = nullptr;   // per record: its hash
    std::size_t size = 0;

    struct OwnRow {
        std::string eventId;
        std::string hash;
        bool otherCancelled = false;
    };
    struct EventState {
        std::string owner;
        std::string status;
    };
    struct Candidate {
        std::string eventId;
        bool mine = false;
    };
    // What an event's records count as in the report (counted once its chunk commits).
    struct Counts {
        std::size_t created = 0, updated = 0, merged = 0, cancelled = 0;
    };
    std::unordered_map<std::string, OwnRow> own;          // this source's ref -> its provenance
    std::unordered_set<std::string> knownRefs;            // refs that have a provenance row in the database
    std::unordered_map<std::string, std::string> uids;    // match uid -> event id (first provenance)
    std::unordered_map<std::string, EventState> events;   // event id -> owner, status
    std::vector<std::vector<Candidate>> similar;          // per record, best first
    std::vector<std::string> venueIds;                    // per record ("" = none / not needed)
    std::map<std::string, std::string> newVenues;         // venue key -> id, resolved in this run
    std::vector<detail::ChangeRow> venueChanges;

    // Decisions.
    std::unordered_map<std::string, core::Event> eventRows; // events this source writes (created / owner updates)
    std::vector<std::string> cancelIds;                   // other sources' events this payload cancels
    std::vector<std::string> provRefs;                    // in write order, each ref once
    std::unordered_map<std::string, std::size_t> provIndex; // ref -> record index whose provenance is written
    std::unordered_map<std::string, std::string> provEvent; // ref -> event id
    std::unordered_map<std::string, std::vector<std::string>> deleteRefsByEvent; // replaced refs (rescheduled)
    std::unordered_set<std::string> attached;             // events this source gained provenance on
    std::unordered_map<std::string, std::set<std::string>> cancelledBy; // event id -> refs of this payload saying cancelled
    OrderedIds changed;
    OrderedIds fill;
    std::unordered_map<std::string, Counts> counts;       // event id -> its records' outcome
    std::size_t unchanged = 0;

    // Prepared for the writers.
    std::unordered_map<std::string, std::string> existingEvents; // id -> its tags, joined by ' '
    std::unordered_map<std::string, SearchEntry> search;         // id -> its vector and folded title
    std::string vocabulary;                                      // the rows' vocabulary words, a text[] literal
    std::unordered_set<std::string> cancelSet;
    std::unordered_map<std::string, std::vector<std::string>> provRefsByEvent;
    std::vector<std::vector<std::string>> chunks;                // event ids, every touched event once

    const StandardEvent& record(std::size_t i) const { return (*records)[i]; }
    const std::string& hash(std::size_t i) const { return (*hashes)[i]; }
};

CatalogWriter::CatalogWriter(const SourceConfig& source, std::int64_t rawPayloadId, const IngestOptions& options,
                             IngestReport& report)
    : m_source(source), m_rawPayloadId(rawPayloadId), m_options(options), m_report(report), m_wallMs(wallClockMs()),
      m_clock(report.stages, options) {}

CatalogWriter::~CatalogWriter() = default;

void CatalogWriter::quarantine(pqxx::transaction_base& tx, const std::string& ref, const std::string& reason,
                               const std::string& raw) {
    exec(tx, kQuarantine, m_source.id, m_rawPayloadId, ref, reason, truncateUtf8(raw, kMaxQuarantineRaw));
    m_report.quarantined.push_back({ref, reason});
}

void CatalogWriter::decide(pqxx::work& tx, const std::vector<StandardEvent>& records,
                           const std::vector<std::string>& dataText, const std::vector<std::string>& hashes,
                           pqxx::connection* learner) {
    m_decisions = std::make_unique<Decisions>();
    auto& b = *m_decisions;
    b.records = &records;
    b.dataText = &dataText;
    b.hashes = &hashes;
    b.size = records.size();
    if (records.empty()) return;
    if (m_options.onProgress) m_options.onProgress(Stage::Writing, 0, b.size);
    m_clock.skip();
    // The search vectors' words (folding, stemming: the database's part) are learned on the
    // second connection while this one looks up and decides; a feed of unchanged records
    // learns nothing.
    constexpr std::size_t kLearnAheadFrom = 1000;
    SearchIndexer ahead;
    std::future<void> learning;
    const auto learnAhead = [&](std::vector<std::size_t> changed) {
        if (learner == nullptr || changed.size() < kLearnAheadFrom) return;
        learning = std::async(std::launch::async, [&records, &ahead, learner, changed = std::move(changed)] {
            std::vector<std::string> performers(changed.size());
            std::vector<const std::string*> texts;
            texts.reserve(changed.size() * 3);
            for (std::size_t k = 0; k < changed.size(); ++k) {
                const auto& e = records[changed[k]].event;
                for (const auto& p : e.performers) performers[k] += (performers[k].empty() ? "" : " ") + p;
                texts.insert(texts.end(), {&e.title, &performers[k], &e.description});
            }
            pqxx::read_transaction learnTx(*learner);
            ahead.learn(learnTx, texts);
        });
    };
    lookUpAndDecide(tx, b, learnAhead);
    m_clock.lap("catalog: decisions");
    if (learning.valid()) {
        learning.get();
        m_search.absorb(std::move(ahead));
        m_clock.lap("search: waiting for the words learned meanwhile");
    }

    if (!b.eventRows.empty()) {
        std::vector<std::string> ids;
        ids.reserve(b.eventRows.size());
        for (const auto& [id, e] : b.eventRows) ids.push_back(id);
        for (const auto& row : exec(tx, kExistingEvents, uuidArray(ids)))
            b.existingEvents.emplace(row[0].as<std::string>(), row[1].as<std::string>());
        std::vector<SearchFields> fields;
        fields.reserve(b.eventRows.size());
        for (const auto& [id, e] : b.eventRows) {
            std::string performers;
            for (const auto& p : e.performers) performers += (performers.empty() ? "" : " ") + p;
            const auto existing = b.existingEvents.find(id);
            fields.push_back({e.title, std::move(performers), e.venueId,
                              existing == b.existingEvents.end() ? std::string() : existing->second, e.categoryId,
                              e.description});
        }
        std::set<std::string> vocabulary;
        auto entries = m_search.index(tx, fields, vocabulary);
        std::size_t i = 0;
        for (const auto& [id, e] : b.eventRows) b.search.emplace(id, std::move(entries[i++]));
        b.vocabulary = postgresTextArray({vocabulary.begin(), vocabulary.end()});
        m_clock.lap("search: vectors built (C++ and lexicon)");
    }
    // The new venues' change-log rows commit with them, before any event that refers to one.
    detail::appendChanges(tx, b.venueChanges);

    // Chunks of events: an event travels with all its provenance, cancellation, fill-in and
    // change-log rows, so chunks can commit in any order.
    b.cancelSet.insert(b.cancelIds.begin(), b.cancelIds.end());
    OrderedIds touched;
    for (const auto& ref : b.provRefs) {
        const auto& eventId = b.provEvent.at(ref);
        touched.add(eventId);
        b.provRefsByEvent[eventId].push_back(ref);
    }
    const std::size_t chunkEvents = std::max<std::size_t>(1, m_options.chunkEvents);
    for (std::size_t begin = 0; begin < touched.ids().size(); begin += chunkEvents)
        b.chunks.emplace_back(touched.ids().begin() + static_cast<std::ptrdiff_t>(begin),
                              touched.ids().begin() +
                                  static_cast<std::ptrdiff_t>(std::min(touched.ids().size(), begin + chunkEvents)));
    m_clock.lap("catalog: chunks planned");
}

void CatalogWriter::release() { m_decisions.reset(); }

std::size_t CatalogWriter::chunkCount() const { return m_decisions ? m_decisions->chunks.size() : 0; }

void CatalogWriter::writeChunks(const std::vector<pqxx::connection*>& connections, std::int64_t runId) {
    if (!m_decisions) return;
    const auto& b = *m_decisions;
    const auto& chunks = b.chunks;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> committed{0};
    std::atomic<std::size_t> recordsDone{b.unchanged}; // progress counts records, as parsing does
    std::atomic<bool> stop{false};
    std::vector<std::vector<Refusal>> refused(connections.size());
    std::vector<std::exception_ptr> errors(connections.size());
    const auto writer = [&](std::size_t w) {
        try {
            // The last writer first learns the vocabulary, in a transaction of its own, while the
            // other starts on the chunks (no chunk writes the vocabulary table). A word of an
            // event the database then refuses stays, as harmless as any rare word.
            if (w + 1 == connections.size() && !b.vocabulary.empty())
                for (int attempt = 1;; ++attempt) try {
                        pqxx::work tx(*connections[w]);
                        exec(tx, kLearnWords, b.vocabulary);
                        tx.commit();
                        break;
                    } catch (const pqxx::transaction_rollback&) {
                        if (attempt > 1) throw; // a deadlock with a concurrent writer: once more
                    }
            for (std::size_t k = next++; k < chunks.size() && !stop; k = next++) {
                writeRange(*connections[w], chunks[k], runId, refused[w]);
                const auto done = ++committed;
                std::size_t records = 0;
                for (const auto& id : chunks[k]) records += b.provRefsByEvent.at(id).size();
                const auto written = recordsDone += records;
                if (m_options.onProgress) m_options.onProgress(Stage::Writing, std::min(written, b.size), b.size);
                if (m_options.onChunkCommitted) m_options.onChunkCommitted(done, chunks.size());
            }
        } catch (...) {
            errors[w] = std::current_exception();
            stop = true;
        }
    };
    {
        std::vector<std::thread> others;
        for (std::size_t w = 1; w < connections.size(); ++w) others.emplace_back(writer, w);
        writer(0);
        for (auto& thread : others) thread.join();
    }
    for (const auto& error : errors)
        if (error) std::rethrow_exception(error);
    for (auto& part : refused) std::move(part.begin(), part.end(), std::back_inserter(m_refused));
    if (m_options.onProgress) m_options.onProgress(Stage::Writing, b.size, b.size);
    m_clock.lap("catalog: chunks written (events, provenance, change log)");
}

void CatalogWriter::writeRange(pqxx::connection& conn, const std::vector<std::string>& eventIds, std::int64_t runId,
                               std::vector<Refusal>& refused) {
    for (int attempt = 1;; ++attempt) {
        try {
            writeChunk(conn, eventIds, runId);
            return;
        } catch (const pqxx::broken_connection&) {
            throw;
        } catch (const pqxx::in_doubt_error&) {
            throw;
        } catch (const pqxx::transaction_rollback&) {
            // A deadlock or serialisation failure says nothing about the rows: once more.
            if (attempt == 1) continue;
            throw;
        } catch (const std::exception& e) {
            if (eventIds.size() == 1) {
                writeRefusedEvent(conn, eventIds[0], e.what(), refused);
                if (runId != 0) {
                    pqxx::work tx(conn);
                    exec(tx, kChunkCommitted, runId);
                    tx.commit();
                }
                return;
            }
            // Halves, until the refused event is alone; every other event goes in. The chunk
            // counts as committed once, when its halves are done.
            const auto middle = eventIds.begin() + static_cast<std::ptrdiff_t>(eventIds.size() / 2);
            writeRange(conn, {eventIds.begin(), middle}, 0, refused);
            writeRange(conn, {middle, eventIds.end()}, 0, refused);
            if (runId != 0) {
                pqxx::work tx(conn);
                exec(tx, kChunkCommitted, runId);
                tx.commit();
            }
            return;
        }
    }
}

// The database refused an event with all its records. Each record is tried alone with the
// event (rolled back); the records refused there are left out and the event goes in with the
// others. When every record is refused (the event's own row is what the database will not
// take, say), or the rest is refused again, the whole event is.
void CatalogWriter::writeRefusedEvent(pqxx::connection& conn, const std::string& eventId, const std::string& message,
                                      std::vector<Refusal>& refused) {
    const auto& refs = m_decisions->provRefsByEvent.at(eventId);
    // The database's message, or "" when the write went through (a broken connection is thrown).
    const auto attempt = [&](const std::unordered_set<std::string>& leaveOut, bool commit) -> std::string {
        try {
            writeChunk(conn, {eventId}, 0, leaveOut, commit);
            return {};
        } catch (const pqxx::broken_connection&) {
            throw;
        } catch (const pqxx::in_doubt_error&) {
            throw;
        } catch (const std::exception& e) {
            return e.what();
        }
    };
    if (refs.size() > 1) {
        const std::unordered_set<std::string> all(refs.begin(), refs.end());
        std::vector<Refusal> records;
        for (const auto& ref : refs) {
            auto others = all;
            others.erase(ref);
            if (auto error = attempt(others, false); !error.empty()) records.push_back({eventId, ref, std::move(error)});
        }
        if (!records.empty() && records.size() < refs.size()) {
            std::unordered_set<std::string> leaveOut;
            for (const auto& r : records) leaveOut.insert(r.ref);
            if (attempt(leaveOut, true).empty()) { // else together they are refused again: the whole event is
                std::move(records.begin(), records.end(), std::back_inserter(refused));
                return;
            }
        }
    }
    refused.push_back({eventId, {}, message});
}

// One chunk, one transaction: the chunk's events (new ones by COPY, existing ones through
// staging and one upsert), their exact vectors, cancellations, provenance, filled fields and
// change-log rows. Reads the decisions only, so two writers run it at once.
void CatalogWriter::writeChunk(pqxx::connection& conn, const std::vector<std::string>& ids, std::int64_t runId,
                               const std::unordered_set<std::string>& leaveOut, bool commit) {
    const auto& b = *m_decisions;
    pqxx::work tx(conn);
    tx.exec0("SET LOCAL jit = off");
    std::vector<const std::string*> created;
    std::vector<const std::string*> existing;
    for (const auto& id : ids)
        if (b.eventRows.count(id)) (b.existingEvents.count(id) ? existing : created).push_back(&id);
    std::vector<std::string> exactIds;
    if (!created.empty() || !existing.empty()) {
        tx.exec(kSearchBulkOn);
        if (!created.empty()) {
            // New rows straight into the table (the per-row search trigger steps aside).
            CopyInto<18> rows(tx, "events",
                              {"id", "title", "description", "category_id", "performers", "starts_at", "ends_at",
                               "time_zone", "venue_id", "price_min_minor", "price_max_minor", "currency", "status",
                               "image_url", "source", "updated_at", "search_vector", "search_title"});
            const auto updatedAt = timestampText(m_wallMs);
            for (const auto* id : created) {
                const auto& e = b.eventRows.at(*id);
                const auto& indexed = b.search.at(*id);
                if (indexed.exact) exactIds.push_back(*id);
                rows.row({*id, e.title, e.description, e.categoryId, postgresTextArray(e.performers),
                          timestampText(e.startsAtMs), e.endsAtMs > 0 ? timestampText(e.endsAtMs) : std::string(),
                          e.timeZone, e.venueId, std::to_string(e.price.minMinor), std::to_string(e.price.maxMinor),
                          e.price.currency, statusName(e.status), e.imageUrl, m_source.name, updatedAt, indexed.vector,
                          indexed.title},
                         (e.endsAtMs > 0 ? 0U : 1U << 6) | (e.venueId.empty() ? 1U << 8 : 0U));
            }
            rows.complete();
        }
        if (!existing.empty()) {
            // Rows that exist: through staging and one upsert.
            tx.exec0(kCreateEventStaging);
            {
                CopyInto<16> rows(tx, "ingest_events",
                                  {"id", "title", "description", "category_id", "performers", "starts_ms", "ends_ms",
                                   "time_zone", "venue_id", "price_min", "price_max", "currency", "status",
                                   "image_url", "search_vector", "search_title"});
                for (const auto* id : existing) {
                    const auto& e = b.eventRows.at(*id);
                    const auto& indexed = b.search.at(*id);
                    if (indexed.exact) exactIds.push_back(*id);
                    rows.row({*id, e.title, e.description, e.categoryId, postgresTextArray(e.performers),
                              std::to_string(e.startsAtMs), std::to_string(e.endsAtMs), e.timeZone, e.venueId,
                              std::to_string(e.price.minMinor), std::to_string(e.price.maxMinor), e.price.currency,
                              statusName(e.status), e.imageUrl, indexed.vector, indexed.title},
                             indexed.exact ? 1U << 14 : 0U);
                }
                rows.complete();
            }
            if (existing.size() >= kAnalyzeStagingFrom) tx.exec0("ANALYZE ingest_events");
            exec(tx, kUpsertEvents, m_source.name, m_wallMs);
        }
        tx.exec(kSearchBulkOff);
        if (!exactIds.empty()) exec(tx, kIndexExactly, uuidArray(exactIds));
    }
    std::vector<std::string> cancelIds;
    for (const auto& id : ids)
        if (b.cancelSet.count(id)) cancelIds.push_back(id);
    if (!cancelIds.empty()) exec(tx, kCancelEvents, uuidArray(cancelIds), m_wallMs);
    for (const auto& id : ids)
        if (const auto it = b.deleteRefsByEvent.find(id); it != b.deleteRefsByEvent.end())
            for (const auto& ref : it->second)
                if (!b.provIndex.count(ref)) exec(tx, kDeleteProvenance, m_source.id, ref);

    const auto provFields = [&](const std::string& ref) {
        const auto i = b.provIndex.at(ref);
        const auto& s = b.record(i);
        return std::array<std::string, 6>{ref, b.provEvent.at(ref), s.matchUid, b.hash(i), (*b.dataText)[i],
                                          s.sourceStatus};
    };
    std::size_t known = 0;
    {
        CopyInto<8> rows(tx, "event_provenance",
                         {"ref", "event_id", "match_uid", "content_hash", "data", "status", "source_id",
                          "raw_payload_id"});
        const auto sourceId = std::to_string(m_source.id);
        const auto payloadId = std::to_string(m_rawPayloadId);
        for (const auto& id : ids)
            for (const auto& ref : b.provRefsByEvent.at(id)) {
                if (leaveOut.count(ref)) continue;
                if (b.knownRefs.count(ref)) {
                    ++known;
                    continue;
                }
                const auto f = provFields(ref);
                rows.row({f[0], f[1], f[2], f[3], f[4], f[5], sourceId, payloadId}, m_rawPayloadId == 0 ? 1U << 7 : 0U);
            }
        rows.complete();
    }
    if (known > 0) {
        tx.exec0(kCreateProvenanceStaging);
        {
            CopyInto<6> rows(tx, "ingest_prov", {"ref", "event_id", "match_uid", "content_hash", "data", "status"});
            for (const auto& id : ids)
                for (const auto& ref : b.provRefsByEvent.at(id))
                    if (b.knownRefs.count(ref) && !leaveOut.count(ref)) rows.row(provFields(ref));
            rows.complete();
        }
        exec(tx, kUpsertProvenance, m_source.id, m_rawPayloadId);
    }

    std::vector<std::string> fill;
    for (const auto& id : ids)
        if (b.fill.contains(id)) fill.push_back(id);
    std::unordered_set<std::string> filled;
    if (!fill.empty())
        for (const auto& row : exec(tx, kFillMissing, uuidArray(fill), m_wallMs)) filled.insert(row[0].as<std::string>());

    // Change log: the final row of every event of the chunk that changed. A new event's is
    // what was written; the others' are read back.
    std::vector<const std::string*> changed;
    std::vector<std::string> reload;
    for (const auto& id : ids) {
        if (!b.changed.contains(id) && !filled.count(id)) continue;
        changed.push_back(&id);
        if (b.existingEvents.count(id) || filled.count(id) || !b.eventRows.count(id)) reload.push_back(id);
    }
    std::unordered_map<std::string, core::Event> reloaded;
    if (!reload.empty())
        for (const auto& row : exec(tx, kLoadEvents, uuidArray(reload))) {
            auto e = detail::eventFromRow(row);
            reloaded.emplace(e.id, std::move(e));
        }
    std::vector<detail::ChangeRow> changes;
    changes.reserve(changed.size());
    for (const auto* id : changed) {
        if (const auto it = reloaded.find(*id); it != reloaded.end()) {
            changes.push_back(eventChange(it->second));
        } else {
            auto e = b.eventRows.at(*id);
            e.updatedAtMs = m_wallMs;
            changes.push_back(eventChange(e));
        }
    }
    detail::appendChanges(tx, changes);
    if (runId != 0) exec(tx, kChunkCommitted, runId);
    if (commit) tx.commit();
}

void CatalogWriter::finish(pqxx::work& tx) {
    if (!m_decisions) return;
    const auto& b = *m_decisions;
    std::unordered_set<std::string> refusedEvents;
    std::unordered_set<std::string> refusedRefs;
    std::unordered_map<std::string, std::size_t> refusedRecordsOf; // event id -> its records left out
    for (const auto& r : m_refused) {
        if (r.ref.empty()) {
            refusedEvents.insert(r.eventId);
            for (const auto& ref : b.provRefsByEvent.at(r.eventId)) refusedRefs.insert(ref);
        } else {
            refusedRefs.insert(r.ref);
            ++refusedRecordsOf[r.eventId];
        }
    }
    for (const auto& [id, c] : b.counts) {
        if (refusedEvents.count(id)) continue;
        // A record left out of an event that went in is counted as quarantined, not as merged
        // (the records an event gains beyond its first are merges).
        const auto leftOut = refusedRecordsOf.count(id) ? refusedRecordsOf.at(id) : 0;
        m_report.created += c.created;
        m_report.updated += c.updated;
        m_report.merged += c.merged - std::min(c.merged, leftOut);
        m_report.cancelled += c.cancelled;
    }
    m_report.unchanged += b.unchanged;

    // The open quarantine entries (few) of records that went in are resolved.
    std::unordered_set<std::string> open;
    for (const auto& row : exec(tx, kOpenQuarantineRefs, m_source.id)) open.insert(row[0].as<std::string>());
    std::vector<std::string> resolved;
    for (std::size_t i = 0; i < b.size && !open.empty(); ++i) {
        const auto& ref = b.record(i).ref;
        if (open.count(ref) && !refusedRefs.count(ref)) {
            resolved.push_back(ref);
            open.erase(ref);
        }
    }
    if (!resolved.empty()) exec(tx, kResolveQuarantine, m_source.id, detail::textArray(resolved));
    for (const auto& r : m_refused) {
        if (!r.ref.empty()) {
            quarantine(tx, r.ref, "database refused the record: " + r.message, b.record(b.provIndex.at(r.ref)).raw);
            continue;
        }
        for (const auto& ref : b.provRefsByEvent.at(r.eventId))
            quarantine(tx, ref, "database refused the record: " + r.message, b.record(b.provIndex.at(ref)).raw);
    }
    if (!refusedEvents.empty()) dropVenuesOfRefusedEvents(tx);
}

// A venue this run created for records the database then refused has no event: it goes again
// (with a tombstone in the change log), unless an event refers to it by now.
void CatalogWriter::dropVenuesOfRefusedEvents(pqxx::work& tx) {
    const auto& b = *m_decisions;
    std::unordered_set<std::string> created; // inserted by this run (found ones are not in venueChanges)
    for (const auto& change : b.venueChanges) created.insert(change.aggregateId);
    std::set<std::string> candidates;
    for (const auto& r : m_refused)
        if (r.ref.empty())
            for (const auto& ref : b.provRefsByEvent.at(r.eventId)) {
                const auto& venueId = b.venueIds[b.provIndex.at(ref)];
                if (!venueId.empty() && created.count(venueId)) candidates.insert(venueId);
            }
    if (candidates.empty()) return;
    std::vector<detail::ChangeRow> tombstones;
    try {
        pqxx::subtransaction sub(tx, "ingest_drop_venues");
        for (const auto& row : exec(sub, kDropUnusedVenues, uuidArray({candidates.begin(), candidates.end()})))
            tombstones.push_back({std::string(core::aggregate::kVenue), row[0].as<std::string>(), detail::ChangeOp::Delete, 0, {}});
        detail::appendChanges(sub, tombstones);
        sub.commit();
    } catch (const pqxx::broken_connection&) {
        throw;
    } catch (const std::exception&) {
        // Something else refers to the venue by now: it stays, as any venue with no events.
    }
}

void CatalogWriter::lookUpAndDecide(pqxx::transaction_base& tx, Decisions& b,
                                    const std::function<void(std::vector<std::size_t>)>& changedFound) {
    tx.exec0(kCreateLookupStaging);
    b.venueIds.resize(b.size);
    b.similar.resize(b.size);

    // --- Lookups -------------------------------------------------------------------------
    {
        CopyInto<4> refs(tx, "ingest_refs", {"ord", "ref", "alt", "hash"});
        for (std::size_t i = 0; i < b.size; ++i) {
            const auto& s = b.record(i);
            refs.row({std::to_string(i), s.ref, "0", b.hash(i)});
            for (std::size_t a = 0; a < s.altRefs.size(); ++a)
                refs.row({std::to_string(i), s.altRefs[a], std::to_string(a + 1), b.hash(i)});
        }
        refs.complete();
    }
    m_clock.lap("catalog: refs staged");
    if (b.size >= kAnalyzeStagingFrom) tx.exec0("ANALYZE ingest_refs");
    for (const auto& row : exec(tx, kLookupOwn, m_source.id)) {
        b.own[row[2].as<std::string>()] = {row[3].as<std::string>(), row[4].as<std::string>(), row[7].as<bool>()};
        b.knownRefs.insert(row[2].as<std::string>());
        b.events[row[3].as<std::string>()] = {row[5].as<std::string>(), row[6].as<std::string>()};
    }
    m_clock.lap("catalog: lookup of own records");
    const auto ownFound = [&](const StandardEvent& s) -> std::pair<const Decisions::OwnRow*, std::string> {
        if (const auto it = b.own.find(s.ref); it != b.own.end()) return {&it->second, s.ref};
        for (const auto& alt : s.altRefs)
            if (const auto it = b.own.find(alt); it != b.own.end()) return {&it->second, alt};
        return {nullptr, {}};
    };
    {
        std::vector<std::size_t> changed;
        for (std::size_t i = 0; i < b.size; ++i) {
            const auto [row, foundRef] = ownFound(b.record(i));
            if (!row || row->hash != b.hash(i) || foundRef != b.record(i).ref) changed.push_back(i);
        }
        changedFound(std::move(changed));
    }

    // UIDs of records that are not this source's known records.
    {
        CopyInto<1> uids(tx, "ingest_uids", {"uid"});
        std::unordered_set<std::string> staged;
        for (std::size_t i = 0; i < b.size; ++i) {
            const auto& s = b.record(i);
            if (!s.matchUid.empty() && !ownFound(s).first && staged.insert(s.matchUid).second) uids.row({s.matchUid});
        }
        uids.complete();
    }
    for (const auto& row : exec(tx, kLookupUids)) {
        b.uids[row[0].as<std::string>()] = row[1].as<std::string>();
        b.events.emplace(row[1].as<std::string>(), Decisions::EventState{row[2].as<std::string>(), row[3].as<std::string>()});
    }

    // Venues, for the records that will need one: changed records of events this source owns,
    // and records that match no known record or UID (UIDs seen earlier in the batch count).
    VenueResolver venues(tx, b.newVenues, b.venueChanges);
    std::vector<std::size_t> probes;
    {
        std::unordered_set<std::string> batchUids; // UIDs that earlier records of the batch carry
        for (std::size_t i = 0; i < b.size; ++i) {
            const auto& s = b.record(i);
            const auto [row, foundRef] = ownFound(s);
            const bool uidKnown = !s.matchUid.empty() && (b.uids.count(s.matchUid) || batchUids.count(s.matchUid));
            if (!s.matchUid.empty()) batchUids.insert(s.matchUid);
            if (row) {
                const bool same = row->hash == b.hash(i) && foundRef == s.ref;
                if (!same && b.events[row->eventId].owner == m_source.name) b.venueIds[i] = venues.resolve(s);
            } else if (!uidKnown) {
                b.venueIds[i] = venues.resolve(s);
                if (!b.venueIds[i].empty()) probes.push_back(i);
            }
        }
    }
    // Only venues with other sources' events can hold a duplicate (a new city's first feed, or
    // a source alone at its venues, skips this). Asked once per venue and run: a first event
    // of another source that commits at such a venue while this run goes is missed, exactly
    // as if it had committed just after this run (runs of different sources never see each
    // other's uncommitted events anyway).
    if (!probes.empty()) {
        std::vector<std::string> unknown;
        for (const auto i : probes)
            if (m_othersAtVenue.emplace(b.venueIds[i], false).second) unknown.push_back(b.venueIds[i]);
        if (!unknown.empty())
            for (const auto& row : exec(tx, kVenuesWithOthersEvents, uuidArray(unknown), m_source.name))
                m_othersAtVenue[row[0].as<std::string>()] = true;
        std::erase_if(probes, [&](std::size_t i) { return !m_othersAtVenue.at(b.venueIds[i]); });
    }
    if (!probes.empty()) {
        {
            std::vector<std::string> titles;
            titles.reserve(probes.size());
            for (const auto i : probes) titles.push_back(b.record(i).event.title);
            const auto folded = m_search.fold(tx, titles);
            CopyInto<5> probe(tx, "ingest_probe", {"ord", "venue_id", "starts_ms", "prev_ms", "title"});
            for (std::size_t k = 0; k < probes.size(); ++k) {
                const auto& s = b.record(probes[k]);
                probe.row({std::to_string(probes[k]), b.venueIds[probes[k]], std::to_string(s.event.startsAtMs),
                           std::to_string(s.previousStartUtcMs.value_or(0)), folded[k]});
            }
            probe.complete();
        }
        if (probes.size() >= kAnalyzeStagingFrom) tx.exec0("ANALYZE ingest_probe");
        for (const auto& row : exec(tx, kLookupSimilar, m_source.id, m_options.startToleranceMs, m_options.titleSimilarity,
                                    m_source.name)) {
            const auto i = row[0].as<std::size_t>();
            b.similar[i].push_back({row[1].as<std::string>(), row[4].as<bool>()});
            b.events.emplace(row[1].as<std::string>(), Decisions::EventState{row[2].as<std::string>(), row[3].as<std::string>()});
        }
    }

    m_clock.lap("catalog: UIDs, venues, duplicate probe");

    // --- Decisions, in record order ------------------------------------------------------
    const auto writeProvenance = [&](std::size_t i, const std::string& eventId) {
        const auto& s = b.record(i);
        if (b.provIndex.emplace(s.ref, i).second) b.provRefs.push_back(s.ref);
        else b.provIndex[s.ref] = i;
        b.provEvent[s.ref] = eventId;
        b.own[s.ref] = {eventId, b.hash(i), false};
        if (!s.matchUid.empty()) b.uids.emplace(s.matchUid, eventId);
        if (s.sourceStatus == "cancelled") b.cancelledBy[eventId].insert(s.ref);
        else if (const auto it = b.cancelledBy.find(eventId); it != b.cancelledBy.end()) it->second.erase(s.ref);
    };
    // Another source's (or Marquee's) event: record what this source says; a cancellation
    // also cancels a feed-owned event, and the event may take fields it lacks from here.
    const auto attach = [&](std::size_t i, const std::string& eventId, bool firstTime) {
        const auto& s = b.record(i);
        writeProvenance(i, eventId);
        b.attached.insert(eventId);
        if (firstTime) ++b.counts[eventId].merged;
        else ++b.counts[eventId].updated;
        auto& state = b.events[eventId];
        if (state.owner == "marquee") return;
        b.fill.add(eventId);
        if (s.event.status == core::EventStatus::Cancelled && state.status != "cancelled") {
            state.status = "cancelled";
            if (const auto it = b.eventRows.find(eventId); it != b.eventRows.end())
                it->second.status = core::EventStatus::Cancelled;
            else b.cancelIds.push_back(eventId);
            ++b.counts[eventId].cancelled;
            b.changed.add(eventId);
        }
    };

    for (std::size_t i = 0; i < b.size; ++i) {
        const auto& s = b.record(i);
        const auto [row, foundRef] = ownFound(s);
        // 1. This source's own earlier record (also under an earlier ref, for a rescheduled event).
        if (row) {
            const auto eventId = row->eventId;
            const bool otherCancelledBefore = row->otherCancelled;
            if (row->hash == b.hash(i) && foundRef == s.ref) {
                ++b.unchanged;
                continue;
            }
            if (foundRef != s.ref) {
                b.deleteRefsByEvent[eventId].push_back(foundRef);
                b.own.erase(foundRef);
                if (const auto it = b.cancelledBy.find(eventId); it != b.cancelledBy.end()) it->second.erase(foundRef);
            }
            auto& state = b.events[eventId];
            if (state.owner != m_source.name) {
                attach(i, eventId, false);
                continue;
            }
            auto e = s.event;
            e.id = eventId;
            e.venueId = b.venueIds[i];
            bool otherCancelled = otherCancelledBefore;
            if (const auto it = b.cancelledBy.find(eventId); it != b.cancelledBy.end())
                otherCancelled = otherCancelled || std::any_of(it->second.begin(), it->second.end(),
                                                               [&](const std::string& ref) { return ref != s.ref; });
            if (e.status != core::EventStatus::Cancelled && otherCancelled)
                e.status = core::EventStatus::Cancelled; // another source cancelled it; that stands
            if (e.status == core::EventStatus::Cancelled && state.status != "cancelled") ++b.counts[eventId].cancelled;
            else ++b.counts[eventId].updated;
            state.status = statusName(e.status);
            b.eventRows[eventId] = std::move(e);
            writeProvenance(i, eventId);
            b.changed.add(eventId);
            b.fill.add(eventId);
            continue;
        }
        // 2. The same UID from any source.
        if (!s.matchUid.empty())
            if (const auto it = b.uids.find(s.matchUid); it != b.uids.end()) {
                const auto eventId = it->second;
                attach(i, eventId, true);
                continue;
            }
        // 3. A similar title at the same venue around the same time, from another source.
        bool merged = false;
        for (const auto& candidate : b.similar[i]) {
            if (candidate.mine || b.attached.count(candidate.eventId)) continue; // this source's own: distinct
            attach(i, candidate.eventId, true);
            merged = true;
            break;
        }
        if (merged) continue;
        // 4. A new event, with an id derived from (source, ref).
        auto e = s.event;
        const auto id = uuidV5(kIdNamespace, "event\n" + m_source.name + "\n" + s.ref);
        e.id = id;
        e.venueId = b.venueIds[i];
        b.events[id] = {m_source.name, statusName(e.status)};
        b.eventRows[id] = std::move(e);
        writeProvenance(i, id);
        ++b.counts[id].created;
        b.changed.add(id);
    }
}

} // namespace marquee::server::ingest
