// Set-based catalog stage: bulk lookups into temporary tables filled by COPY, the matching
// decisions made in record order in memory (so a record sees what earlier records of the
// same payload did, exactly as if they were written one by one), then COPY + one statement
// per table for the writes, missing fields filled from merged sources, and the change log.
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
#include <future>
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

// Per-transaction staging tables (dropped at commit). ord is the record's position in the batch.
constexpr const char* kCreateStaging =
    "CREATE TEMP TABLE ingest_refs (ord int NOT NULL, ref text NOT NULL, alt int NOT NULL, hash text NOT NULL) "
    "ON COMMIT DROP; "
    "CREATE TEMP TABLE ingest_uids (uid text NOT NULL) ON COMMIT DROP; "
    "CREATE TEMP TABLE ingest_probe (ord int NOT NULL, venue_id uuid NOT NULL, starts_ms bigint NOT NULL, "
    "prev_ms bigint NOT NULL, title text NOT NULL) ON COMMIT DROP; "
    "CREATE TEMP TABLE ingest_events (id uuid NOT NULL, title text, description text, category_id text, "
    "performers text[], starts_ms bigint, ends_ms bigint, time_zone text, venue_id text, price_min bigint, "
    "price_max bigint, currency text, status text, image_url text, search_vector tsvector, search_title text) "
    "ON COMMIT DROP; "
    "CREATE TEMP TABLE ingest_prov (ref text NOT NULL, event_id uuid NOT NULL, match_uid text, content_hash text, "
    "data jsonb, status text) ON COMMIT DROP";
constexpr const char* kTruncateStaging =
    "TRUNCATE ingest_refs, ingest_uids, ingest_probe, ingest_events, ingest_prov";

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
constexpr Statement kResolveQuarantine{
    "ingest_resolve_quarantine",
    "UPDATE quarantine q SET resolved_at = now() FROM ingest_refs r "
    "WHERE q.source_id = $1 AND q.ref = r.ref AND r.alt = 0 AND q.resolved_at IS NULL"};
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

} // namespace

// One batch of records: its lookups, decisions and writes, kept apart from the writer's
// committed state until its savepoint commits.
struct CatalogWriter::Batch {
    const StandardEvent* const* records = nullptr;
    std::size_t size = 0;
    const std::string* dataText = nullptr; // per record: provenance data, as stored and hashed
    const std::string* hashes = nullptr;   // per record: its hash

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
    std::unordered_map<std::string, OwnRow> own;          // this source's ref -> its provenance
    std::unordered_set<std::string> knownRefs;            // refs that have a provenance row in the database
    std::unordered_map<std::string, std::string> uids;    // match uid -> event id (first provenance)
    std::unordered_map<std::string, EventState> events;   // event id -> owner, status
    std::vector<std::vector<Candidate>> similar;          // per record, best first
    std::vector<std::string> venueIds;                    // per record ("" = none / not needed)
    std::map<std::string, std::string> newVenues;         // venue key -> id, resolved in this batch
    std::vector<detail::ChangeRow> venueChanges;

    // Decisions.
    std::map<std::string, core::Event> eventRows;         // events this source writes (created / owner updates)
    std::vector<std::string> cancelIds;                   // other sources' events this batch cancels
    std::vector<std::string> provRefs;                    // in write order, each ref once
    std::unordered_map<std::string, std::size_t> provIndex; // ref -> record index whose provenance is written
    std::unordered_map<std::string, std::string> provEvent; // ref -> event id
    std::vector<std::string> deleteRefs;
    std::unordered_set<std::string> attached;             // events this source gained provenance on
    std::unordered_map<std::string, std::set<std::string>> cancelledBy; // event id -> refs of this batch saying cancelled
    OrderedIds changed;
    OrderedIds fill;
    std::size_t created = 0, updated = 0, merged = 0, cancelled = 0, unchanged = 0;

    const StandardEvent& record(std::size_t i) const { return *records[i]; }
};

CatalogWriter::CatalogWriter(pqxx::work& tx, const SourceConfig& source, std::int64_t rawPayloadId,
                             const IngestOptions& options, IngestReport& report)
    : m_tx(tx), m_source(source), m_rawPayloadId(rawPayloadId), m_options(options), m_report(report),
      m_wallMs(wallClockMs()), m_clock(report.stages, options) {}

void CatalogWriter::quarantine(const std::string& ref, const std::string& reason, const std::string& raw) {
    exec(m_tx, kQuarantine, m_source.id, m_rawPayloadId, ref, reason, truncateUtf8(raw, kMaxQuarantineRaw));
    m_report.quarantined.push_back({ref, reason});
}

void CatalogWriter::write(const std::vector<StandardEvent>& records) {
    if (records.empty()) return;
    m_tx.exec0(kCreateStaging);
    // The provenance JSON and its hash (what tells an unchanged record) of every record: the
    // client's largest cost per record, and independent of the database. The first slice's
    // are made on two threads; every later slice's on a second thread while the slice before
    // it is written, so they overlap the database's work.
    m_dataText.assign(records.size(), std::string());
    m_hashes.assign(records.size(), std::string());
    const auto serialise = [this, &records](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            m_dataText[i] = records[i].data().dump();
            m_hashes[i] = sha256Hex(m_dataText[i]);
        }
    };
    // Slices keep the admin screen's progress moving on large feeds; later slices see what
    // earlier ones wrote, as the halves of a refused batch do.
    constexpr std::size_t kSlice = 10'000;
    const auto sliceEnd = [&](std::size_t begin) { return std::min(records.size(), begin + kSlice); };
    inTwoHalves(sliceEnd(0), [&](std::size_t, std::size_t begin, std::size_t end) { serialise(begin, end); });
    m_clock.lap("catalog: provenance JSON and hashes of the first slice");
    std::future<void> nextSlice; // destroyed (joined) before an exception leaves: it writes members
    for (std::size_t begin = 0; begin < records.size(); begin += kSlice) {
        if (nextSlice.valid()) {
            nextSlice.get();
            m_clock.lap("catalog: waiting for provenance JSON and hashes");
        }
        const auto end = sliceEnd(begin);
        if (end < records.size()) nextSlice = std::async(std::launch::async, serialise, end, sliceEnd(end));
        if (m_options.onProgress) m_options.onProgress(Stage::Writing, begin, records.size());
        writeRange(records, begin, end);
    }
    if (m_options.onProgress) m_options.onProgress(Stage::Writing, records.size(), records.size());
}

void CatalogWriter::writeRange(const std::vector<StandardEvent>& records, std::size_t begin, std::size_t end) {
    std::vector<const StandardEvent*> pointers;
    for (std::size_t i = begin; i < end; ++i) pointers.push_back(&records[i]);
    Batch batch;
    batch.records = pointers.data();
    batch.size = pointers.size();
    batch.dataText = &m_dataText[begin];
    batch.hashes = &m_hashes[begin];
    try {
        pqxx::subtransaction sub(m_tx, "ingest_batch");
        writeBatch(sub, batch);
        sub.commit();
    } catch (const pqxx::broken_connection&) {
        throw;
    } catch (const std::exception& e) {
        if (end - begin == 1) {
            quarantine(records[begin].ref, std::string("database refused the record: ") + e.what(), records[begin].raw);
            return;
        }
        // Halves in order, so later records still see what earlier ones did.
        const auto middle = begin + (end - begin) / 2;
        writeRange(records, begin, middle);
        writeRange(records, middle, end);
        return;
    }
    m_venues.insert(batch.newVenues.begin(), batch.newVenues.end());
    m_report.created += batch.created;
    m_report.updated += batch.updated;
    m_report.merged += batch.merged;
    m_report.cancelled += batch.cancelled;
    m_report.unchanged += batch.unchanged;
}

namespace {

// Finds the venue a record's location names, or creates it (a name-based id, so a rebuilt
// database gets the same one). Returns "" for no physical location.
class VenueResolver {
public:
    VenueResolver(pqxx::transaction_base& tx, const std::map<std::string, std::string>& known,
                  std::map<std::string, std::string>& resolved, std::vector<detail::ChangeRow>& changes)
        : m_tx(tx), m_known(known), m_resolved(resolved), m_changes(changes) {}

    std::string resolve(const StandardEvent& s) {
        const auto& loc = s.location;
        if (loc.virtualOnly || loc.name.empty()) return {};
        const auto folded = foldForMatch(loc.name);
        const auto city = foldForMatch(loc.city);
        const bool hasGeo = loc.latitude && loc.longitude;
        const std::string key = folded + "|" + city + "|" +
                                (hasGeo ? std::to_string(*loc.latitude) + "," + std::to_string(*loc.longitude) : "");
        if (const auto it = m_known.find(key); it != m_known.end()) return it->second;
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
    const std::map<std::string, std::string>& m_known;
    std::map<std::string, std::string>& m_resolved;
    std::vector<detail::ChangeRow>& m_changes;
};

} // namespace

void CatalogWriter::writeBatch(pqxx::transaction_base& tx, Batch& b) {
    m_clock.lap("catalog: other");
    tx.exec0(kTruncateStaging);
    b.venueIds.resize(b.size);
    b.similar.resize(b.size);

    // --- Lookups -------------------------------------------------------------------------
    {
        CopyInto<4> refs(tx, "ingest_refs", {"ord", "ref", "alt", "hash"});
        for (std::size_t i = 0; i < b.size; ++i) {
            const auto& s = b.record(i);
            refs.row({std::to_string(i), s.ref, "0", b.hashes[i]});
            for (std::size_t a = 0; a < s.altRefs.size(); ++a)
                refs.row({std::to_string(i), s.altRefs[a], std::to_string(a + 1), b.hashes[i]});
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
    const auto ownFound = [&](const StandardEvent& s) -> std::pair<const Batch::OwnRow*, std::string> {
        if (const auto it = b.own.find(s.ref); it != b.own.end()) return {&it->second, s.ref};
        for (const auto& alt : s.altRefs)
            if (const auto it = b.own.find(alt); it != b.own.end()) return {&it->second, alt};
        return {nullptr, {}};
    };

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
        b.events.emplace(row[1].as<std::string>(), Batch::EventState{row[2].as<std::string>(), row[3].as<std::string>()});
    }

    // Venues, for the records that will need one: changed records of events this source owns,
    // and records that match no known record or UID (UIDs seen earlier in the batch count).
    VenueResolver venues(tx, m_venues, b.newVenues, b.venueChanges);
    std::vector<std::size_t> probes;
    {
        std::unordered_set<std::string> batchUids; // UIDs that earlier records of the batch carry
        for (std::size_t i = 0; i < b.size; ++i) {
            const auto& s = b.record(i);
            const auto [row, foundRef] = ownFound(s);
            const bool uidKnown = !s.matchUid.empty() && (b.uids.count(s.matchUid) || batchUids.count(s.matchUid));
            if (!s.matchUid.empty()) batchUids.insert(s.matchUid);
            if (row) {
                const bool same = row->hash == b.hashes[i] && foundRef == s.ref;
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
            b.events.emplace(row[1].as<std::string>(), Batch::EventState{row[2].as<std::string>(), row[3].as<std::string>()});
        }
    }

    m_clock.lap("catalog: UIDs, venues, duplicate probe");

    // --- Decisions, in record order ------------------------------------------------------
    const auto writeProvenance = [&](std::size_t i, const std::string& eventId) {
        const auto& s = b.record(i);
        if (b.provIndex.emplace(s.ref, i).second) b.provRefs.push_back(s.ref);
        else b.provIndex[s.ref] = i;
        b.provEvent[s.ref] = eventId;
        b.own[s.ref] = {eventId, b.hashes[i], false};
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
        if (firstTime) ++b.merged;
        else ++b.updated;
        auto& state = b.events[eventId];
        if (state.owner == "marquee") return;
        b.fill.add(eventId);
        if (s.event.status == core::EventStatus::Cancelled && state.status != "cancelled") {
            state.status = "cancelled";
            if (const auto it = b.eventRows.find(eventId); it != b.eventRows.end())
                it->second.status = core::EventStatus::Cancelled;
            else b.cancelIds.push_back(eventId);
            ++b.cancelled;
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
            if (row->hash == b.hashes[i] && foundRef == s.ref) {
                ++b.unchanged;
                continue;
            }
            if (foundRef != s.ref) {
                b.deleteRefs.push_back(foundRef);
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
            if (e.status == core::EventStatus::Cancelled && state.status != "cancelled") ++b.cancelled;
            else ++b.updated;
            state.status = statusName(e.status);
            b.eventRows[eventId] = e;
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
        e.id = uuidV5(kIdNamespace, "event\n" + m_source.name + "\n" + s.ref);
        e.venueId = b.venueIds[i];
        b.events[e.id] = {m_source.name, statusName(e.status)};
        b.eventRows[e.id] = e;
        writeProvenance(i, e.id);
        ++b.created;
        b.changed.add(e.id);
    }

    // --- Writes --------------------------------------------------------------------------
    // New events go straight into their table by COPY, with the search vectors built here;
    // existing ones through a staging table and one upsert; provenance rows that do not exist yet go straight into their table by COPY, the others
    // through staging and one upsert. A new event's final row is exactly what this batch wrote.
    std::unordered_map<std::string, std::string> existingEvents; // id -> its tags, joined by ' '
    if (!b.eventRows.empty()) {
        std::vector<std::string> ids;
        ids.reserve(b.eventRows.size());
        for (const auto& [id, e] : b.eventRows) ids.push_back(id);
        for (const auto& row : exec(tx, kExistingEvents, uuidArray(ids)))
            existingEvents.emplace(row[0].as<std::string>(), row[1].as<std::string>());
    }
    // The change-log rows of the events this batch creates (and no other source fills) are
    // their rows as written: encoded on a second thread while the writes below run.
    // b.eventRows is only read from here on.
    std::vector<std::optional<detail::ChangeRow>> newEventChanges(b.changed.ids().size());
    auto encodeNewEvents = std::async(std::launch::async, [&] {
        for (std::size_t k = 0; k < newEventChanges.size(); ++k) {
            const auto& id = b.changed.ids()[k];
            const auto row = b.eventRows.find(id);
            if (row == b.eventRows.end() || existingEvents.count(id) || b.fill.contains(id)) continue;
            auto e = row->second;
            e.updatedAtMs = m_wallMs;
            newEventChanges[k] = eventChange(e);
        }
    });
    m_clock.lap("catalog: decisions");
    if (!b.eventRows.empty()) {
        std::vector<SearchFields> fields;
        fields.reserve(b.eventRows.size());
        for (const auto& [id, e] : b.eventRows) {
            std::string performers;
            for (const auto& p : e.performers) performers += (performers.empty() ? "" : " ") + p;
            const auto existing = existingEvents.find(id);
            fields.push_back({e.title, std::move(performers), e.venueId,
                              existing == existingEvents.end() ? std::string() : existing->second, e.categoryId,
                              e.description});
        }
        std::set<std::string> vocabulary;
        const auto search = m_search.index(tx, fields, vocabulary);
        m_clock.lap("search: vectors built (C++ and lexicon)");
        std::vector<std::string> exactIds;
        std::size_t updates = 0;
        tx.exec(kSearchBulkOn);
        {
            // New rows straight into the table (the per-row search trigger steps aside).
            CopyInto<18> rows(tx, "events",
                              {"id", "title", "description", "category_id", "performers", "starts_at", "ends_at",
                               "time_zone", "venue_id", "price_min_minor", "price_max_minor", "currency", "status",
                               "image_url", "source", "updated_at", "search_vector", "search_title"});
            const auto updatedAt = timestampText(m_wallMs);
            std::size_t i = 0;
            for (const auto& [id, e] : b.eventRows) {
                const auto& indexed = search[i++];
                if (existingEvents.count(id)) {
                    ++updates;
                    continue;
                }
                if (indexed.exact) exactIds.push_back(id);
                rows.row({id, e.title, e.description, e.categoryId, postgresTextArray(e.performers),
                          timestampText(e.startsAtMs), e.endsAtMs > 0 ? timestampText(e.endsAtMs) : std::string(),
                          e.timeZone, e.venueId, std::to_string(e.price.minMinor), std::to_string(e.price.maxMinor),
                          e.price.currency, statusName(e.status), e.imageUrl, m_source.name, updatedAt, indexed.vector,
                          indexed.title},
                         (e.endsAtMs > 0 ? 0U : 1U << 6) | (e.venueId.empty() ? 1U << 8 : 0U));
            }
            rows.complete();
        }
        if (updates > 0) {
            // Rows that exist: through staging and one upsert.
            CopyInto<16> rows(tx, "ingest_events",
                              {"id", "title", "description", "category_id", "performers", "starts_ms", "ends_ms",
                               "time_zone", "venue_id", "price_min", "price_max", "currency", "status", "image_url",
                               "search_vector", "search_title"});
            std::size_t i = 0;
            for (const auto& [id, e] : b.eventRows) {
                const auto& indexed = search[i++];
                if (!existingEvents.count(id)) continue;
                if (indexed.exact) exactIds.push_back(id);
                rows.row({id, e.title, e.description, e.categoryId, postgresTextArray(e.performers),
                          std::to_string(e.startsAtMs), std::to_string(e.endsAtMs), e.timeZone, e.venueId,
                          std::to_string(e.price.minMinor), std::to_string(e.price.maxMinor), e.price.currency,
                          statusName(e.status), e.imageUrl, indexed.vector, indexed.title},
                         indexed.exact ? 1U << 14 : 0U);
            }
            rows.complete();
            if (updates >= kAnalyzeStagingFrom) tx.exec0("ANALYZE ingest_events");
            exec(tx, kUpsertEvents, m_source.name, m_wallMs);
        }
        tx.exec(kSearchBulkOff);
        m_clock.lap("catalog: events written");
        if (!exactIds.empty()) exec(tx, kIndexExactly, uuidArray(exactIds));
        exec(tx, kLearnWords, postgresTextArray({vocabulary.begin(), vocabulary.end()}));
        m_clock.lap("search: exact rows and vocabulary");
    }
    if (!b.cancelIds.empty()) exec(tx, kCancelEvents, uuidArray(b.cancelIds), m_wallMs);
    for (const auto& ref : b.deleteRefs)
        if (!b.provIndex.count(ref)) exec(tx, kDeleteProvenance, m_source.id, ref);
    if (!b.provRefs.empty()) {
        const auto provFields = [&](const std::string& ref) {
            const auto i = b.provIndex[ref];
            const auto& s = b.record(i);
            return std::array<std::string, 6>{ref, b.provEvent[ref], s.matchUid, b.hashes[i], b.dataText[i],
                                              s.sourceStatus};
        };
        std::size_t known = 0;
        {
            CopyInto<8> rows(tx, "event_provenance",
                             {"ref", "event_id", "match_uid", "content_hash", "data", "status", "source_id",
                              "raw_payload_id"});
            const auto sourceId = std::to_string(m_source.id);
            const auto payloadId = std::to_string(m_rawPayloadId);
            for (const auto& ref : b.provRefs) {
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
            CopyInto<6> rows(tx, "ingest_prov", {"ref", "event_id", "match_uid", "content_hash", "data", "status"});
            for (const auto& ref : b.provRefs)
                if (b.knownRefs.count(ref)) rows.row(provFields(ref));
            rows.complete();
            exec(tx, kUpsertProvenance, m_source.id, m_rawPayloadId);
        }
    }
    exec(tx, kResolveQuarantine, m_source.id);
    m_clock.lap("catalog: provenance");
    encodeNewEvents.get();
    std::unordered_set<std::string> filled;
    if (!b.fill.ids().empty())
        for (const auto& row : exec(tx, kFillMissing, uuidArray(b.fill.ids()), m_wallMs)) {
            filled.insert(row[0].as<std::string>());
            b.changed.add(row[0].as<std::string>());
        }
    m_clock.lap("catalog: missing fields filled");

    // Change log: new venues, then the final rows of every event this batch changed.
    std::vector<detail::ChangeRow> changes = std::move(b.venueChanges);
    std::vector<std::string> reload;
    for (const auto& id : b.changed.ids())
        if (existingEvents.count(id) || filled.count(id) || !b.eventRows.count(id)) reload.push_back(id);
    std::unordered_map<std::string, core::Event> reloaded;
    if (!reload.empty())
        for (const auto& row : exec(tx, kLoadEvents, uuidArray(reload))) {
            auto e = detail::eventFromRow(row);
            reloaded.emplace(e.id, std::move(e));
        }
    changes.reserve(changes.size() + b.changed.ids().size());
    for (std::size_t k = 0; k < b.changed.ids().size(); ++k) {
        const auto& id = b.changed.ids()[k];
        if (const auto it = reloaded.find(id); it != reloaded.end()) {
            changes.push_back(eventChange(it->second));
        } else if (k < newEventChanges.size() && newEventChanges[k]) { // ids the fill added come after
            changes.push_back(std::move(*newEventChanges[k]));
        } else {
            auto e = b.eventRows.at(id);
            e.updatedAtMs = m_wallMs;
            changes.push_back(eventChange(e));
        }
    }
    detail::appendChanges(tx, changes);
    m_clock.lap("change log");
}

} // namespace marquee::server::ingest
