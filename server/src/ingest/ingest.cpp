// Stage 1 (raw payload), the driver of stage 2 (standardise) and stage 3 (catalog: venue
// matching, de-duplication across sources, provenance, cancellation, change log).
#include "ingest/ingest.hpp"

#include "ingest/parsers.hpp"
#include "ingest/text.hpp"
#include "marquee/protocol/conversions.hpp"
#include "services/api_internal.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <stdexcept>

namespace marquee::server::ingest {

namespace {

using detail::exec;
using detail::Statement;

// Namespace for name-based event and venue ids: the same source record or venue gets the
// same id in every database, so ids stay stable even if provenance is rebuilt.
constexpr std::string_view kIdNamespace = "6d61726b-7565-4569-8e67-657374000001";
constexpr std::size_t kMaxQuarantineRaw = 64 * 1024;

#define MQ_TS(p) "('epoch'::timestamptz + " p "::bigint * interval '1 millisecond')"
#define MQ_MS(c) "(extract(epoch FROM " c ") * 1000)::bigint"

constexpr Statement kInsertCategories{
    "ingest_insert_categories",
    "INSERT INTO categories (id, name, parent_id) "
    "SELECT r.id, r.name, NULLIF(r.parent_id, '') FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, parent_id text) "
    "ON CONFLICT (id) DO NOTHING RETURNING id, name, coalesce(parent_id, '')"};
constexpr Statement kCreateSource{
    "ingest_create_source",
    "INSERT INTO sources (name, format, default_category) VALUES ($1, $2, 'other') ON CONFLICT (name) DO NOTHING"};
constexpr Statement kSourceByName{"ingest_source_by_name", "SELECT id FROM sources WHERE name = $1"};
constexpr Statement kLoadSource{
    "ingest_load_source",
    "SELECT id, name, format, default_zone, default_currency, coalesce(default_category, ''), horizon_days "
    "FROM sources WHERE id = $1"};
constexpr Statement kLoadMap{"ingest_load_map", "SELECT external, category_id FROM source_category_map WHERE source_id = $1"};
constexpr Statement kInsertRaw{
    "ingest_insert_raw",
    "INSERT INTO raw_payloads (source_id, origin, content, sha256) VALUES ($1, $2, $3, $4) RETURNING id"};
constexpr Statement kFindProvenance{
    "ingest_find_provenance",
    "SELECT p.event_id::text, p.content_hash, e.source, e.status FROM event_provenance p "
    "JOIN events e ON e.id = p.event_id WHERE p.source_id = $1 AND p.ref = $2"};
constexpr Statement kFindByUid{
    "ingest_find_by_uid",
    "SELECT p.event_id::text, e.source, e.status FROM event_provenance p JOIN events e ON e.id = p.event_id "
    // "<> ''" repeated so a generic plan can still use the partial index.
    "WHERE p.match_uid = $1 AND p.match_uid <> '' ORDER BY p.first_seen_at, p.source_id LIMIT 1"};
constexpr Statement kFindSimilar{
    "ingest_find_similar",
    "SELECT e.id::text, e.source, e.status, "
    // A scalar subquery, not NOT EXISTS: the planner would turn that into an anti-join over
    // all of this source's provenance for every record (quadratic in the feed size).
    "EXISTS (SELECT 1 FROM event_provenance p WHERE p.event_id = e.id AND p.source_id = $5) FROM events e "
    "WHERE e.venue_id = $1::uuid "
    "AND (e.starts_at BETWEEN " MQ_TS("$2") " - $3 * interval '1 millisecond' AND " MQ_TS("$2") " + $3 * interval '1 millisecond' "
    "  OR ($4::bigint > 0 AND e.starts_at BETWEEN " MQ_TS("$4") " - $3 * interval '1 millisecond' AND " MQ_TS("$4") " + $3 * interval '1 millisecond')) "
    "AND similarity(ingest_fold(e.title), ingest_fold($6)) >= $7 "
    "ORDER BY similarity(ingest_fold(e.title), ingest_fold($6)) DESC, e.created_at LIMIT 8"};
constexpr Statement kUpsertEvent{
    "ingest_upsert_event",
    "INSERT INTO events (id, title, description, category_id, performers, starts_at, ends_at, time_zone, venue_id, "
    "price_min_minor, price_max_minor, currency, status, image_url, source, updated_at) "
    "VALUES ($1::uuid, $2, $3, $4, ARRAY(SELECT jsonb_array_elements_text($5::jsonb)), " MQ_TS("$6") ", "
    "CASE WHEN $7::bigint > 0 THEN " MQ_TS("$7") " END, $8, NULLIF($9, '')::uuid, $10, $11, $12, $13, $14, $15, " MQ_TS("$16") ") "
    "ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description, "
    "category_id = excluded.category_id, performers = excluded.performers, starts_at = excluded.starts_at, "
    "ends_at = excluded.ends_at, time_zone = excluded.time_zone, venue_id = excluded.venue_id, "
    "price_min_minor = excluded.price_min_minor, price_max_minor = excluded.price_max_minor, "
    "currency = excluded.currency, status = excluded.status, image_url = excluded.image_url, "
    "updated_at = excluded.updated_at WHERE events.source <> 'marquee'"};
constexpr Statement kCancelEvent{
    "ingest_cancel_event",
    "UPDATE events SET status = 'cancelled', updated_at = " MQ_TS("$2") " "
    "WHERE id = $1::uuid AND source <> 'marquee' AND status <> 'cancelled' RETURNING id"};
constexpr Statement kLoadEvent{
    "ingest_load_event",
    "SELECT id::text, title, description, category_id, array_to_json(tags)::text, array_to_json(performers)::text, "
    MQ_MS("starts_at") ", coalesce(" MQ_MS("ends_at") ", 0), time_zone, coalesce(venue_id::text, ''), "
    "price_min_minor, price_max_minor, currency, status, image_url, coalesce(organizer_id, 0), " MQ_MS("updated_at") " "
    "FROM events WHERE id = $1::uuid"};
constexpr Statement kOtherCancelled{
    "ingest_other_cancelled",
    "SELECT EXISTS (SELECT 1 FROM event_provenance WHERE event_id = $1::uuid AND status = 'cancelled' "
    "AND NOT (source_id = $2 AND ref = $3))"};
constexpr Statement kUpsertProvenance{
    "ingest_upsert_provenance",
    "INSERT INTO event_provenance (source_id, ref, event_id, match_uid, content_hash, data, status, raw_payload_id) "
    "VALUES ($1, $2, $3::uuid, $4, $5, $6::jsonb, $7, NULLIF($8, 0)) "
    "ON CONFLICT (source_id, ref) DO UPDATE SET event_id = excluded.event_id, match_uid = excluded.match_uid, "
    "content_hash = excluded.content_hash, data = excluded.data, status = excluded.status, "
    "raw_payload_id = excluded.raw_payload_id, last_seen_at = now()"};
constexpr Statement kDeleteProvenance{"ingest_delete_provenance",
                                      "DELETE FROM event_provenance WHERE source_id = $1 AND ref = $2"};
constexpr Statement kQuarantine{
    "ingest_quarantine",
    "INSERT INTO quarantine (source_id, raw_payload_id, ref, reason, raw) VALUES ($1, NULLIF($2, 0), $3, $4, $5) "
    "ON CONFLICT (source_id, ref) WHERE resolved_at IS NULL DO UPDATE SET reason = excluded.reason, "
    "raw = excluded.raw, raw_payload_id = excluded.raw_payload_id, attempts = quarantine.attempts + 1, "
    "last_seen_at = now()"};
constexpr Statement kResolveQuarantine{
    "ingest_resolve_quarantine",
    "UPDATE quarantine SET resolved_at = now() WHERE source_id = $1 AND ref = $2 AND resolved_at IS NULL"};
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
constexpr Statement kQuarantineById{
    "ingest_quarantine_by_id",
    "SELECT q.source_id, coalesce(q.raw_payload_id, 0), q.ref, r.origin, r.content FROM quarantine q "
    "LEFT JOIN raw_payloads r ON r.id = q.raw_payload_id WHERE q.id = $1"};

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

core::Event loadEvent(pqxx::transaction_base& tx, const std::string& id) {
    const auto row = exec(tx, kLoadEvent, id).at(0);
    core::Event e;
    e.id = row[0].as<std::string>();
    e.title = row[1].as<std::string>();
    e.description = row[2].as<std::string>();
    e.categoryId = row[3].as<std::string>();
    e.tags = nlohmann::json::parse(row[4].as<std::string>()).get<std::vector<std::string>>();
    e.performers = nlohmann::json::parse(row[5].as<std::string>()).get<std::vector<std::string>>();
    e.startsAtMs = row[6].as<std::int64_t>();
    e.endsAtMs = row[7].as<std::int64_t>();
    e.timeZone = row[8].as<std::string>();
    e.venueId = row[9].as<std::string>();
    e.price = {row[10].as<std::int64_t>(), row[11].as<std::int64_t>(), row[12].as<std::string>()};
    e.status = core::eventStatusFromName(row[13].as<std::string>()).value_or(core::EventStatus::Scheduled);
    e.imageUrl = row[14].as<std::string>();
    e.organizerId = row[15].as<std::int64_t>();
    e.updatedAtMs = row[16].as<std::int64_t>();
    return e;
}

detail::ChangeRow eventChange(const core::Event& e) {
    v1::Event proto;
    protocol::toProto(e, &proto);
    return {std::string(core::aggregate::kEvent), e.id, detail::ChangeOp::Upsert, 0, proto.SerializeAsString()};
}

// Writes one ingest run's records; per-record savepoints keep one bad record from costing
// the others, and change-log rows are only kept for records whose savepoint committed.
class CatalogWriter {
public:
    CatalogWriter(pqxx::work& tx, const SourceConfig& source, std::int64_t rawPayloadId, const IngestOptions& options,
                  IngestReport& report)
        : m_tx(tx), m_source(source), m_rawPayloadId(rawPayloadId), m_options(options), m_report(report),
          m_wallMs(wallClockMs()) {}

    void write(const StandardEvent& s) {
        std::vector<detail::ChangeRow> pending;
        std::map<std::string, std::string> pendingVenues;
        Counts counts;
        try {
            pqxx::subtransaction sub(m_tx, "ingest_record");
            writeOne(sub, s, pending, pendingVenues, counts);
            sub.commit();
        } catch (const pqxx::broken_connection&) {
            throw;
        } catch (const std::exception& e) {
            quarantine(s.ref, std::string("database refused the record: ") + e.what(), s.raw);
            return;
        }
        m_changes.insert(m_changes.end(), std::make_move_iterator(pending.begin()), std::make_move_iterator(pending.end()));
        m_venues.insert(pendingVenues.begin(), pendingVenues.end());
        m_report.created += counts.created;
        m_report.updated += counts.updated;
        m_report.merged += counts.merged;
        m_report.cancelled += counts.cancelled;
        m_report.unchanged += counts.unchanged;
    }

    void quarantine(const std::string& ref, const std::string& reason, const std::string& raw) {
        exec(m_tx, kQuarantine, m_source.id, m_rawPayloadId, ref, reason, truncateUtf8(raw, kMaxQuarantineRaw));
        m_report.quarantined.push_back({ref, reason});
    }

    void finish() { detail::appendChanges(m_tx, m_changes); }

private:
    struct Counts {
        std::size_t created = 0, updated = 0, merged = 0, cancelled = 0, unchanged = 0;
    };

    std::string resolveVenue(pqxx::transaction_base& tx, const StandardEvent& s,
                             std::vector<detail::ChangeRow>& pending, std::map<std::string, std::string>& pendingVenues) {
        const auto& loc = s.location;
        if (loc.virtualOnly || loc.name.empty()) return {};
        const auto folded = foldForMatch(loc.name);
        const auto city = foldForMatch(loc.city);
        const bool hasGeo = loc.latitude && loc.longitude;
        const std::string key = folded + "|" + city + "|" +
                                (hasGeo ? std::to_string(*loc.latitude) + "," + std::to_string(*loc.longitude) : "");
        if (const auto it = m_venues.find(key); it != m_venues.end()) return it->second;
        if (const auto it = pendingVenues.find(key); it != pendingVenues.end()) return it->second;

        std::string best;
        double bestScore = 0;
        for (const auto& row : exec(tx, kFindVenues, loc.name, hasGeo ? *loc.latitude : 0.0, hasGeo ? *loc.longitude : 0.0)) {
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
        if (best.empty()) {
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
            if (!exec(tx, kInsertVenue, v.id, v.name, v.address, v.city, v.country, v.latitude, v.longitude, v.timeZone)
                     .empty()) {
                v1::Venue proto;
                protocol::toProto(v, &proto);
                pending.push_back({std::string(core::aggregate::kVenue), v.id, detail::ChangeOp::Upsert, 0,
                                   proto.SerializeAsString()});
            }
            best = v.id;
        }
        pendingVenues[key] = best;
        return best;
    }

    void upsertProvenance(pqxx::transaction_base& tx, const StandardEvent& s, const std::string& eventId,
                          const std::string& hash) {
        exec(tx, kUpsertProvenance, m_source.id, s.ref, eventId, s.matchUid, hash, s.data().dump(), s.sourceStatus,
             m_rawPayloadId);
        exec(tx, kResolveQuarantine, m_source.id, s.ref);
    }

    // Another source's (or Marquee's) event: record what this source says; only a
    // cancellation changes the event itself.
    void attach(pqxx::transaction_base& tx, const StandardEvent& s, const std::string& eventId, const std::string& owner,
                const std::string& hash, std::vector<detail::ChangeRow>& pending, Counts& counts, bool firstTime) {
        upsertProvenance(tx, s, eventId, hash);
        if (firstTime) ++counts.merged;
        else ++counts.updated;
        if (s.event.status == core::EventStatus::Cancelled && owner != "marquee" &&
            !exec(tx, kCancelEvent, eventId, m_wallMs).empty()) {
            ++counts.cancelled;
            pending.push_back(eventChange(loadEvent(tx, eventId)));
        }
    }

    void writeOne(pqxx::transaction_base& tx, const StandardEvent& s, std::vector<detail::ChangeRow>& pending,
                  std::map<std::string, std::string>& pendingVenues, Counts& counts) {
        const auto hash = s.contentHash();
        // 1. This source's own earlier record (also under an earlier ref, for a rescheduled event).
        pqxx::result own = exec(tx, kFindProvenance, m_source.id, s.ref);
        std::string foundRef = s.ref;
        for (std::size_t i = 0; own.empty() && i < s.altRefs.size(); ++i) {
            own = exec(tx, kFindProvenance, m_source.id, s.altRefs[i]);
            foundRef = s.altRefs[i];
        }
        if (!own.empty()) {
            const auto eventId = own[0][0].as<std::string>();
            const auto owner = own[0][2].as<std::string>();
            const auto oldStatus = own[0][3].as<std::string>();
            if (own[0][1].as<std::string>() == hash && foundRef == s.ref) {
                ++counts.unchanged;
                exec(tx, kResolveQuarantine, m_source.id, s.ref);
                return;
            }
            if (foundRef != s.ref) exec(tx, kDeleteProvenance, m_source.id, foundRef);
            if (owner != m_source.name) {
                attach(tx, s, eventId, owner, hash, pending, counts, false);
                return;
            }
            auto e = s.event;
            e.id = eventId;
            e.venueId = resolveVenue(tx, s, pending, pendingVenues);
            if (e.status != core::EventStatus::Cancelled &&
                exec(tx, kOtherCancelled, eventId, m_source.id, s.ref)[0][0].as<bool>())
                e.status = core::EventStatus::Cancelled; // another source cancelled it; that stands
            upsertEvent(tx, e);
            upsertProvenance(tx, s, eventId, hash);
            if (e.status == core::EventStatus::Cancelled && oldStatus != "cancelled") ++counts.cancelled;
            else ++counts.updated;
            pending.push_back(eventChange(loadEvent(tx, eventId)));
            return;
        }
        // 2. The same UID from any source.
        if (!s.matchUid.empty())
            if (const auto byUid = exec(tx, kFindByUid, s.matchUid); !byUid.empty()) {
                attach(tx, s, byUid[0][0].as<std::string>(), byUid[0][1].as<std::string>(), hash, pending, counts, true);
                return;
            }
        // 3. A similar title at the same venue around the same time, from another source.
        const auto venueId = resolveVenue(tx, s, pending, pendingVenues);
        if (!venueId.empty())
            for (const auto& candidate : exec(tx, kFindSimilar, venueId, s.event.startsAtMs, m_options.startToleranceMs,
                                              s.previousStartUtcMs.value_or(0), m_source.id, s.event.title,
                                              m_options.titleSimilarity)) {
                if (candidate[3].as<bool>()) continue; // this source's own other record: a distinct event
                attach(tx, s, candidate[0].as<std::string>(), candidate[1].as<std::string>(), hash, pending, counts,
                       true);
                return;
            }
        // 4. A new event, with an id derived from (source, ref).
        auto e = s.event;
        e.id = uuidV5(kIdNamespace, "event\n" + m_source.name + "\n" + s.ref);
        e.venueId = venueId;
        upsertEvent(tx, e);
        upsertProvenance(tx, s, e.id, hash);
        ++counts.created;
        pending.push_back(eventChange(loadEvent(tx, e.id)));
    }

    void upsertEvent(pqxx::transaction_base& tx, const core::Event& e) {
        exec(tx, kUpsertEvent, e.id, e.title, e.description, e.categoryId, nlohmann::json(e.performers).dump(),
             e.startsAtMs, e.endsAtMs, e.timeZone, e.venueId, e.price.minMinor, e.price.maxMinor, e.price.currency,
             std::string(core::eventStatusName(e.status)), e.imageUrl, m_source.name, m_wallMs);
    }

    pqxx::work& m_tx;
    const SourceConfig& m_source;
    std::int64_t m_rawPayloadId;
    const IngestOptions& m_options;
    IngestReport& m_report;
    std::int64_t m_wallMs;
    std::vector<detail::ChangeRow> m_changes;
    std::map<std::string, std::string> m_venues; // venue key -> id, for this run
};

IngestReport run(pqxx::connection& conn, const SourceConfig& source, const std::string& payload,
                 const std::string& origin, const IngestOptions& options, std::int64_t existingRawId) {
    IngestReport report;
    ParseOptions parseOptions;
    parseOptions.defaultZone = source.defaultZone;
    parseOptions.nowMs = options.nowMs != 0 ? options.nowMs : wallClockMs();
    parseOptions.horizonDays = source.horizonDays;
    parseOptions.maxRecords = options.maxRecords;
    // Parsing happens before the transaction: it may take a while and needs no database.
    const auto parsed = parse(source.format, payload, parseOptions);
    report.outsideHorizon = parsed.outsideHorizon;

    pqxx::work tx(conn);
    // The run reads the tables it is growing, in one transaction: statistics from before the
    // run (an empty catalog, say) make sequential scans look cheapest for every point lookup,
    // which turns a large feed quadratic. All lookups here have an index.
    tx.exec0("SET LOCAL enable_seqscan = off");
    ensureTaxonomy(tx);
    report.rawPayloadId = existingRawId;
    if (report.rawPayloadId == 0)
        report.rawPayloadId = exec(tx, kInsertRaw, source.id, origin, detail::toBinary(payload), sha256Hex(payload))[0][0]
                                  .as<std::int64_t>();
    CatalogWriter writer(tx, source, report.rawPayloadId, options, report);
    if (!parsed.fatal.empty()) {
        report.fatal = parsed.fatal;
        writer.quarantine("payload", parsed.fatal, toUtf8(payload));
    }
    for (const auto& record : parsed.records) {
        const auto result = standardise(record, source);
        if (!result.event) writer.quarantine(record.ref, result.reason, record.raw);
        else writer.write(*result.event);
    }
    writer.finish();
    tx.commit();
    if (report.created + report.merged > 1000) {
        // Fresh statistics for the next run and for the sync queries over the grown catalog.
        pqxx::nontransaction analyze(conn);
        analyze.exec0("ANALYZE events, venues, event_provenance");
    }
    return report;
}

} // namespace

nlohmann::json IngestReport::toJson() const {
    auto q = nlohmann::json::array();
    for (const auto& item : quarantined) q.push_back({{"ref", item.ref}, {"reason", item.reason}});
    nlohmann::json out{{"new", created},         {"updated", updated},
                       {"merged", merged},       {"cancelled", cancelled},
                       {"quarantined", q},       {"unchanged", unchanged},
                       {"outside_horizon", outsideHorizon}};
    if (!fatal.empty()) out["error"] = fatal;
    return out;
}

void ensureTaxonomy(pqxx::transaction_base& tx) {
    auto rows = nlohmann::json::array();
    for (const auto& c : taxonomy()) rows.push_back({{"id", c.id}, {"name", c.name}, {"parent_id", c.parentId}});
    std::vector<detail::ChangeRow> changes;
    for (const auto& row : exec(tx, kInsertCategories, rows.dump())) {
        core::Category c{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()};
        v1::Category proto;
        protocol::toProto(c, &proto);
        changes.push_back({std::string(core::aggregate::kCategory), c.id, detail::ChangeOp::Upsert, 0,
                           proto.SerializeAsString()});
    }
    detail::appendChanges(tx, changes);
}

SourceConfig loadSource(pqxx::transaction_base& tx, std::int64_t sourceId) {
    const auto rows = exec(tx, kLoadSource, sourceId);
    if (rows.empty()) throw std::invalid_argument("no source with id " + std::to_string(sourceId));
    const auto& row = rows[0];
    SourceConfig s;
    s.id = row[0].as<std::int64_t>();
    s.name = row[1].as<std::string>();
    s.format = formatFromName(row[2].as<std::string>()).value_or(Format::Ics);
    s.defaultZone = row[3].as<std::string>();
    s.defaultCurrency = row[4].as<std::string>();
    s.defaultCategory = row[5].as<std::string>();
    s.horizonDays = row[6].as<int>();
    for (const auto& m : exec(tx, kLoadMap, sourceId)) s.categoryMap[foldForMatch(m[0].as<std::string>())] = m[1].as<std::string>();
    return s;
}

SourceConfig ensureSource(pqxx::connection& conn, const std::string& name, Format format) {
    if (name.empty() || name == "marquee" || name.size() > 200)
        throw std::invalid_argument("a source name must be 1-200 characters and not 'marquee'");
    pqxx::work tx(conn);
    ensureTaxonomy(tx);
    exec(tx, kCreateSource, name, std::string(formatName(format)));
    const auto id = exec(tx, kSourceByName, name)[0][0].as<std::int64_t>();
    auto source = loadSource(tx, id);
    tx.commit();
    return source;
}

IngestReport ingestPayload(pqxx::connection& conn, const SourceConfig& source, const std::string& payload,
                           const std::string& origin, const IngestOptions& options) {
    return run(conn, source, payload, origin, options, 0);
}

IngestReport retryQuarantine(pqxx::connection& conn, std::int64_t quarantineId, const IngestOptions& options) {
    SourceConfig source;
    std::string content;
    std::string origin;
    std::int64_t rawId = 0;
    {
        pqxx::read_transaction tx(conn);
        const auto rows = exec(tx, kQuarantineById, quarantineId);
        if (rows.empty()) throw std::invalid_argument("no quarantine entry " + std::to_string(quarantineId));
        rawId = rows[0][1].as<std::int64_t>();
        if (rawId == 0 || rows[0][4].is_null())
            throw std::invalid_argument("quarantine entry " + std::to_string(quarantineId) + " has no raw payload any more");
        origin = rows[0][3].as<std::string>();
        content.clear();
        detail::appendBytea(rows[0][4], content);
        source = loadSource(tx, rows[0][0].as<std::int64_t>());
    }
    return run(conn, source, content, origin, options, rawId);
}

} // namespace marquee::server::ingest
