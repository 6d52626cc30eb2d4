// Recommendations over the protocol (recommend.proto): signals from the client outbox, "For
// you", similar events, trending, settings and deleting one's history. The models live in
// recommend/engine.hpp; this file checks input and turns rankings into answers.
#include "recommend/engine.hpp"
#include "services/api_internal.hpp"

#include "marquee/core/validation.hpp"
#include "marquee/v1/envelope.pb.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace marquee::server::detail {

namespace {

namespace rec = recommend;

constexpr int kMaxSignalsPerRequest = 500;
constexpr std::size_t kMaxQueryBytes = 500;
constexpr std::size_t kMaxInterests = 50;
constexpr std::size_t kMaxInterestBytes = 100;

constexpr Statement kRecordSignals{
    "recommend_record_signals",
    "INSERT INTO user_signals (user_id, event_id, signal, at, search_query, idempotency_key) "
    "SELECT $1, s.event_id::uuid, s.signal, to_timestamp(s.at_ms / 1000.0), s.query, s.key "
    "FROM json_to_recordset($2::json) AS s(event_id text, signal text, at_ms bigint, query text, key text) "
    "WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = s.event_id::uuid) "
    "AND NOT EXISTS (SELECT 1 FROM recommendation_settings r WHERE r.user_id = $1 AND NOT r.tracking) "
    "ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING 1"};
constexpr Statement kRecordServerSignal{
    "recommend_record_server_signal",
    "INSERT INTO user_signals (user_id, event_id, signal, at) SELECT $1, $2::uuid, $3, now() "
    "WHERE NOT EXISTS (SELECT 1 FROM recommendation_settings r WHERE r.user_id = $1 AND NOT r.tracking)"};
constexpr Statement kDeleteHistory{"recommend_delete_history", "DELETE FROM user_signals WHERE user_id = $1"};
constexpr Statement kLoadSettings{
    "recommend_load_settings",
    "SELECT tracking, array_to_json(interest_categories)::text, array_to_json(interest_words)::text, city, "
    "latitude, longitude, radius_km, alert_selling_out, alert_price_drop, alert_schedule_change, alert_cancelled, "
    "weekly_digest FROM recommendation_settings WHERE user_id = $1"};
constexpr Statement kStoreSettings{
    "recommend_store_settings",
    "INSERT INTO recommendation_settings (user_id, tracking, interest_categories, interest_words, city, latitude, "
    "longitude, radius_km, alert_selling_out, alert_price_drop, alert_schedule_change, alert_cancelled, weekly_digest) "
    "SELECT $1, $2, ARRAY(SELECT json_array_elements_text($3::json)), ARRAY(SELECT json_array_elements_text($4::json)), "
    "$5, CASE WHEN $14 THEN $6::double precision END, CASE WHEN $14 THEN $7::double precision END, $8, $9, $10, "
    "$11, $12, $13 "
    "ON CONFLICT (user_id) DO UPDATE SET tracking = EXCLUDED.tracking, interest_categories = EXCLUDED.interest_categories, "
    "interest_words = EXCLUDED.interest_words, city = EXCLUDED.city, latitude = EXCLUDED.latitude, "
    "longitude = EXCLUDED.longitude, radius_km = EXCLUDED.radius_km, alert_selling_out = EXCLUDED.alert_selling_out, "
    "alert_price_drop = EXCLUDED.alert_price_drop, alert_schedule_change = EXCLUDED.alert_schedule_change, "
    "alert_cancelled = EXCLUDED.alert_cancelled, weekly_digest = EXCLUDED.weekly_digest, updated_at = now()"};
constexpr Statement kKnownCategories{
    "recommend_known_categories",
    "SELECT count(*) FROM categories WHERE id = ANY(ARRAY(SELECT json_array_elements_text($1::json)))"};

void requireLogin(const Principal& who) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "log in to get personal recommendations");
}

std::uint32_t limitOf(std::uint32_t requested, std::uint32_t fallback, std::uint32_t cap) {
    return requested == 0 ? fallback : std::min(requested, cap);
}

v1::RecommendationReason toProto(rec::ReasonKind reason) {
    switch (reason) {
    case rec::ReasonKind::BecauseYouLiked: return v1::REASON_BECAUSE_YOU_LIKED;
    case rec::ReasonKind::SimilarTo: return v1::REASON_SIMILAR_TO;
    case rec::ReasonKind::PopularNearYou: return v1::REASON_POPULAR_NEAR_YOU;
    case rec::ReasonKind::MatchesInterests: return v1::REASON_MATCHES_INTERESTS;
    }
    return v1::RECOMMENDATION_REASON_UNSPECIFIED;
}

void addItem(v1::RecommendationList& list, const rec::Snapshot& snapshot, rec::ItemIndex item, float score,
             v1::RecommendationReason reason, std::optional<rec::ItemIndex> anchor) {
    auto& out = *list.add_items();
    out.set_event_id(snapshot.events[item].id);
    out.set_score(score);
    out.set_reason(reason);
    if (anchor && *anchor < snapshot.events.size()) {
        out.set_anchor_event_id(snapshot.events[*anchor].id);
        out.set_anchor_title(snapshot.events[*anchor].title);
    }
}

v1::RecommendationList emptyList(const rec::Snapshot& snapshot, std::int64_t nowMs) {
    v1::RecommendationList list;
    list.set_computed_at_ms(nowMs);
    list.set_model_trained_at_ms(snapshot.modelTrainedAtMs);
    return list;
}

bool upcoming(const rec::EventFeatures& e, std::int64_t nowMs) { return !e.cancelled && !e.soldOut && e.startsAtMs > nowMs; }

void checkCoordinates(double latitude, double longitude, double radiusKm) {
    if (!std::isfinite(latitude) || !std::isfinite(longitude) || std::abs(latitude) > 90 || std::abs(longitude) > 180)
        fail(v1::INVALID_ARGUMENT, "latitude/longitude out of range");
    if (!std::isfinite(radiusKm) || radiusKm < 0 || radiusKm > 20000)
        fail(v1::INVALID_ARGUMENT, "radius_km must be between 0 and 20000");
}

std::vector<std::string> checkedList(const google::protobuf::RepeatedPtrField<std::string>& values, const char* field) {
    if (static_cast<std::size_t>(values.size()) > kMaxInterests)
        fail(v1::INVALID_ARGUMENT, std::string(field) + ": at most 50 entries");
    std::vector<std::string> out;
    for (const auto& v : values) {
        if (v.empty() || v.size() > kMaxInterestBytes || !core::isValidUtf8(v))
            fail(v1::INVALID_ARGUMENT, std::string(field) + ": entries must be 1-100 bytes of UTF-8");
        out.push_back(v);
    }
    return out;
}

} // namespace

void recordServerSignal(pqxx::transaction_base& tx, std::int64_t userId, const std::string& eventId, std::string_view signal) {
    exec(tx, kRecordServerSignal, userId, eventId, std::string(signal));
}

v1::Ack recordSignals(pqxx::connection& conn, const Principal& who, const v1::RecordSignals& request, std::int64_t nowMs) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "log in to record signals");
    if (request.records_size() > kMaxSignalsPerRequest) fail(v1::INVALID_ARGUMENT, "at most 500 signals per request");
    auto rows = nlohmann::json::array();
    for (const auto& s : request.records()) {
        requireIdempotencyKey(s.idempotency_key());
        const auto eventId = requireUuid(s.event_id(), "event_id");
        // Wishlist changes, bookings and check-ins are recorded by the server where they happen.
        if (s.kind() != v1::SIGNAL_VIEW && s.kind() != v1::SIGNAL_SEARCH_CLICK)
            fail(v1::INVALID_ARGUMENT, "clients record views and search clicks only", {{"field", "kind"}});
        if (s.search_query().size() > kMaxQueryBytes || !core::isValidUtf8(s.search_query()))
            fail(v1::INVALID_ARGUMENT, "search_query must be at most 500 bytes of UTF-8");
        const auto at = s.at_ms() <= 0 ? nowMs : std::min(s.at_ms(), nowMs);
        rows.push_back({{"event_id", eventId},
                        {"signal", s.kind() == v1::SIGNAL_VIEW ? "view" : "search_click"},
                        {"at_ms", at},
                        {"query", s.search_query()},
                        {"key", core::lowerAscii(s.idempotency_key())}});
    }
    pqxx::work tx(conn);
    const auto stored = exec(tx, kRecordSignals, who.userId, rows.dump()).size();
    tx.commit();
    v1::Ack ack;
    ack.set_id(std::to_string(stored));
    return ack;
}

v1::RecommendationList getRecommendations(pqxx::connection& conn, const Principal& who,
                                          const v1::GetRecommendations& request, std::int64_t nowMs) {
    requireLogin(who);
    if (request.radius_km() > 0) checkCoordinates(request.latitude(), request.longitude(), request.radius_km());
    const auto snapshot = rec::Engine::instance().current(conn);
    rec::UserContext user;
    {
        pqxx::read_transaction tx(conn);
        user = rec::loadUserContext(tx, *snapshot, who.userId, nowMs);
    }
    if (request.radius_km() > 0) {
        user.latitude = request.latitude();
        user.longitude = request.longitude();
        user.radiusKm = request.radius_km();
    }
    const rec::HybridRanker ranker(snapshot->events, snapshot->content, snapshot->als ? &*snapshot->als : nullptr,
                                   snapshot->trending, snapshot->weights);
    auto list = emptyList(*snapshot, nowMs);
    for (const auto& r : ranker.recommend(user, limitOf(request.limit(), 20, 100)))
        addItem(list, *snapshot, r.item, r.score, toProto(r.reason), r.anchor);
    return list;
}

v1::RecommendationList getSimilarEvents(pqxx::connection& conn, const v1::GetSimilarEvents& request, std::int64_t nowMs) {
    const auto eventId = requireUuid(request.event_id(), "event_id");
    const auto snapshot = rec::Engine::instance().current(conn);
    auto list = emptyList(*snapshot, nowMs);
    const auto it = snapshot->indexOf.find(eventId);
    if (it == snapshot->indexOf.end()) {
        pqxx::read_transaction tx(conn);
        if (tx.exec_params("SELECT 1 FROM events WHERE id = $1::uuid", eventId).empty())
            fail(v1::NOT_FOUND, "no event with this id", {{"id", eventId}});
        return list; // long past or far ahead: nothing to compare it with
    }
    const auto limit = limitOf(request.limit(), 10, 50);
    for (const auto& [item, score] : snapshot->content.similar(it->second, std::size_t{limit} * 4)) {
        if (static_cast<std::uint32_t>(list.items_size()) == limit) break;
        if (upcoming(snapshot->events[item], nowMs)) addItem(list, *snapshot, item, score, v1::REASON_SIMILAR_TO, it->second);
    }
    return list;
}

v1::RecommendationList getTrending(pqxx::connection& conn, const v1::GetTrending& request, std::int64_t nowMs) {
    const bool near = request.radius_km() > 0;
    if (near) checkCoordinates(request.latitude(), request.longitude(), request.radius_km());
    if (request.city().size() > kMaxInterestBytes || request.category_id().size() > kMaxInterestBytes)
        fail(v1::INVALID_ARGUMENT, "city and category_id are at most 100 bytes");
    const auto snapshot = rec::Engine::instance().current(conn);
    const auto city = core::lowerAscii(request.city());
    const auto& category = request.category_id();
    std::vector<std::pair<float, rec::ItemIndex>> ranked;
    for (rec::ItemIndex i = 0; i < snapshot->events.size(); ++i) {
        const auto& e = snapshot->events[i];
        const float score = snapshot->trending.score(i);
        if (score <= 0 || !upcoming(e, nowMs)) continue;
        if (!city.empty() && core::lowerAscii(e.city) != city) continue;
        if (near && (!e.hasLocation || rec::distanceKm(request.latitude(), request.longitude(), e.latitude, e.longitude) >
                                           request.radius_km()))
            continue;
        if (!category.empty() && e.categoryId != category && e.categoryId.rfind(category + ".", 0) != 0) continue;
        ranked.emplace_back(score, i);
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    auto list = emptyList(*snapshot, nowMs);
    const auto limit = limitOf(request.limit(), 20, 100);
    for (std::size_t r = 0; r < ranked.size() && r < limit; ++r)
        addItem(list, *snapshot, ranked[r].second, ranked[r].first, v1::REASON_POPULAR_NEAR_YOU, std::nullopt);
    return list;
}

v1::RecommendationSettings getRecommendationSettings(pqxx::connection& conn, const Principal& who) {
    requireLogin(who);
    pqxx::read_transaction tx(conn);
    v1::RecommendationSettings out;
    const auto rows = exec(tx, kLoadSettings, who.userId);
    if (rows.empty()) { // the defaults of recommendation_settings
        out.set_tracking(true);
        out.set_alert_selling_out(true);
        out.set_alert_price_drop(true);
        out.set_alert_schedule_change(true);
        out.set_alert_cancelled(true);
        return out;
    }
    const auto& row = rows[0];
    out.set_tracking(row[0].as<bool>());
    for (const auto& c : nlohmann::json::parse(row[1].c_str())) out.add_interest_categories(c.get<std::string>());
    for (const auto& w : nlohmann::json::parse(row[2].c_str())) out.add_interest_words(w.get<std::string>());
    out.set_city(row[3].as<std::string>());
    if (!row[4].is_null()) {
        out.set_latitude(row[4].as<double>());
        out.set_longitude(row[5].as<double>());
    }
    out.set_radius_km(row[6].as<double>());
    out.set_alert_selling_out(row[7].as<bool>());
    out.set_alert_price_drop(row[8].as<bool>());
    out.set_alert_schedule_change(row[9].as<bool>());
    out.set_alert_cancelled(row[10].as<bool>());
    out.set_weekly_digest(row[11].as<bool>());
    return out;
}

v1::RecommendationSettings setRecommendationSettings(pqxx::connection& conn, const Principal& who,
                                                     const v1::SetRecommendationSettings& request) {
    requireLogin(who);
    const auto& s = request.settings();
    const auto categories = checkedList(s.interest_categories(), "interest_categories");
    const auto words = checkedList(s.interest_words(), "interest_words");
    checkCoordinates(s.latitude(), s.longitude(), s.radius_km());
    if (s.city().size() > kMaxInterestBytes || !core::isValidUtf8(s.city()))
        fail(v1::INVALID_ARGUMENT, "city must be at most 100 bytes of UTF-8");
    const bool located = s.latitude() != 0 || s.longitude() != 0;
    {
        pqxx::work tx(conn);
        const auto known = exec(tx, kKnownCategories, nlohmann::json(categories).dump())[0][0].as<std::size_t>();
        if (known != std::set<std::string>(categories.begin(), categories.end()).size())
            fail(v1::INVALID_ARGUMENT, "unknown interest category", {{"field", "interest_categories"}});
        exec(tx, kStoreSettings, who.userId, s.tracking(), nlohmann::json(categories).dump(), nlohmann::json(words).dump(),
             s.city(), s.latitude(), s.longitude(), s.radius_km(), s.alert_selling_out(), s.alert_price_drop(),
             s.alert_schedule_change(), s.alert_cancelled(), s.weekly_digest(), located);
        tx.commit();
    }
    return getRecommendationSettings(conn, who);
}

v1::Ack deleteMyHistory(pqxx::connection& conn, const Principal& who) {
    requireLogin(who);
    pqxx::work tx(conn);
    const auto deleted = exec(tx, kDeleteHistory, who.userId).affected_rows();
    tx.commit();
    v1::Ack ack;
    ack.set_id(std::to_string(deleted));
    return ack;
}

} // namespace marquee::server::detail
