// Snapshot building, training and user contexts against PostgreSQL (see engine.hpp).
#include "recommend/engine.hpp"

#include "common/log.hpp"
#include "recommend/evaluation.hpp"
#include "services/api_internal.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace marquee::server::recommend {

namespace {

using detail::exec;
using detail::Statement;

constexpr std::int64_t kDayMs = 86'400'000;
// The catalog a snapshot covers: events that started at most this long ago (their signals
// teach the collaborative model) up to a year ahead.
constexpr std::int64_t kPastWindowMs = 180 * kDayMs;
constexpr std::int64_t kFutureWindowMs = 400 * kDayMs;
constexpr std::int64_t kTrendingWindowMs = 21 * kDayMs;
constexpr std::int64_t kValidationMs = 14 * kDayMs;
constexpr std::size_t kKeptModels = 3;

constexpr Statement kLoadEvents{
    "recommend_load_events",
    "SELECT e.id::text, e.title, e.description, array_to_json(e.tags)::text, e.category_id, "
    "array_to_json(e.performers)::text, coalesce(e.venue_id::text, ''), coalesce(v.city, ''), "
    "coalesce(v.latitude, 0), coalesce(v.longitude, 0), "
    "coalesce(v.latitude <> 0 OR v.longitude <> 0, false), (extract(epoch FROM e.starts_at) * 1000)::bigint, "
    "extract(isodow FROM e.starts_at AT TIME ZONE e.time_zone)::int - 1, "
    "extract(hour FROM e.starts_at AT TIME ZONE e.time_zone)::int, e.status = 'cancelled', e.status = 'sold_out' "
    "FROM events e LEFT JOIN venues v ON v.id = e.venue_id "
    "WHERE e.starts_at > to_timestamp($1::bigint / 1000.0) AND e.starts_at < to_timestamp($2::bigint / 1000.0) "
    "ORDER BY e.starts_at, e.id"};

// Recorded signals plus one booking per confirmed order; opted-out users are left out.
constexpr Statement kLoadSignals{
    "recommend_load_signals",
    "SELECT s.user_id, s.event_id::text, s.signal, (extract(epoch FROM s.at) * 1000)::bigint FROM user_signals s "
    "WHERE s.at > to_timestamp($1::bigint / 1000.0) "
    "AND NOT EXISTS (SELECT 1 FROM recommendation_settings r WHERE r.user_id = s.user_id AND NOT r.tracking) "
    "UNION ALL "
    "SELECT o.user_id, o.event_id::text, 'booking', (extract(epoch FROM coalesce(o.confirmed_at, o.created_at)) * 1000)::bigint "
    "FROM orders o WHERE o.status = 'confirmed' AND coalesce(o.confirmed_at, o.created_at) > to_timestamp($1::bigint / 1000.0) "
    "AND NOT EXISTS (SELECT 1 FROM recommendation_settings r WHERE r.user_id = o.user_id AND NOT r.tracking)"};

constexpr Statement kLatestModel{
    "recommend_latest_model",
    "SELECT (extract(epoch FROM trained_at) * 1000)::bigint, array_to_json(user_ids)::text, "
    "array_to_json(event_ids)::text, weights::text, blob FROM recommendation_models ORDER BY id DESC LIMIT 1"};
constexpr Statement kStoreModel{
    "recommend_store_model",
    "INSERT INTO recommendation_models (user_ids, event_ids, weights, metrics, blob) "
    "VALUES ($1::bigint[], $2::uuid[], $3::jsonb, $4::jsonb, $5)"};
constexpr Statement kPruneModels{
    "recommend_prune_models",
    "DELETE FROM recommendation_models WHERE id NOT IN (SELECT id FROM recommendation_models ORDER BY id DESC LIMIT $1)"};

constexpr Statement kUserSignals{
    "recommend_user_signals",
    "SELECT event_id::text, signal FROM user_signals WHERE user_id = $1 AND at > to_timestamp($2::bigint / 1000.0) "
    "ORDER BY at"};
constexpr Statement kUserBooked{
    "recommend_user_booked",
    "SELECT DISTINCT event_id::text FROM orders WHERE user_id = $1 AND status = 'confirmed'"};
constexpr Statement kUserSettings{
    "recommend_user_settings",
    "SELECT array_to_json(interest_categories)::text, array_to_json(interest_words)::text, city, latitude, longitude, "
    "radius_km FROM recommendation_settings WHERE user_id = $1"};

std::int64_t wallClockMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::vector<std::string> jsonStrings(const pqxx::field& f) {
    if (f.is_null()) return {};
    const auto parsed = nlohmann::json::parse(f.c_str(), nullptr, false);
    if (!parsed.is_array()) return {};
    std::vector<std::string> out;
    for (const auto& v : parsed)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::optional<Signal> signalFromName(std::string_view name) {
    for (const auto s : {Signal::View, Signal::SearchClick, Signal::WishlistAdd, Signal::WishlistRemove, Signal::Booking,
                         Signal::CheckIn})
        if (signalName(s) == name) return s;
    return std::nullopt;
}

std::vector<EventFeatures> loadEvents(pqxx::transaction_base& tx, std::int64_t nowMs) {
    std::vector<EventFeatures> events;
    for (const auto& row : exec(tx, kLoadEvents, nowMs - kPastWindowMs, nowMs + kFutureWindowMs)) {
        EventFeatures e;
        e.id = row[0].as<std::string>();
        e.title = row[1].as<std::string>();
        e.description = row[2].as<std::string>();
        e.tags = jsonStrings(row[3]);
        e.categoryId = row[4].as<std::string>();
        e.performers = jsonStrings(row[5]);
        e.venueId = row[6].as<std::string>();
        e.city = row[7].as<std::string>();
        e.latitude = row[8].as<double>();
        e.longitude = row[9].as<double>();
        e.hasLocation = row[10].as<bool>();
        e.startsAtMs = row[11].as<std::int64_t>();
        e.localWeekday = row[12].as<int>();
        e.localHour = row[13].as<int>();
        e.cancelled = row[14].as<bool>();
        e.soldOut = row[15].as<bool>();
        events.push_back(std::move(e));
    }
    return events;
}

// Signals on the given events since `sinceMs`; users numbered in order of appearance.
struct LoadedSignals {
    std::vector<Interaction> interactions;
    std::vector<std::int64_t> userIds; // UserIndex -> users.id
};

LoadedSignals loadSignals(pqxx::transaction_base& tx, const std::unordered_map<std::string, ItemIndex>& indexOf,
                          std::int64_t sinceMs, std::int64_t nowMs) {
    LoadedSignals out;
    std::unordered_map<std::int64_t, UserIndex> users;
    for (const auto& row : exec(tx, kLoadSignals, sinceMs)) {
        const auto item = indexOf.find(row[1].as<std::string>());
        const auto signal = signalFromName(row[2].as<std::string>());
        if (item == indexOf.end() || !signal) continue;
        const auto userId = row[0].as<std::int64_t>();
        const auto [it, inserted] = users.try_emplace(userId, static_cast<UserIndex>(out.userIds.size()));
        if (inserted) out.userIds.push_back(userId);
        out.interactions.push_back({it->second, item->second, *signal, std::min(nowMs, row[3].as<std::int64_t>())});
    }
    std::sort(out.interactions.begin(), out.interactions.end(),
              [](const Interaction& a, const Interaction& b) { return a.atMs < b.atMs; });
    return out;
}

std::unordered_map<std::string, ItemIndex> indexEvents(const std::vector<EventFeatures>& events) {
    std::unordered_map<std::string, ItemIndex> indexOf;
    for (ItemIndex i = 0; i < events.size(); ++i) indexOf.emplace(events[i].id, i);
    return indexOf;
}

HybridWeights weightsFromJson(const std::string& text) {
    HybridWeights w;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return w;
    w.content = j.value("content", w.content);
    w.collaborative = j.value("collaborative", w.collaborative);
    w.trending = j.value("trending", w.trending);
    return w;
}

} // namespace

Engine& Engine::instance() {
    static Engine engine;
    return engine;
}

std::shared_ptr<const Snapshot> Engine::current(pqxx::connection& conn, std::chrono::seconds maxAge) {
    {
        std::lock_guard lock(m_mutex);
        if (m_snapshot && wallClockMs() - m_snapshot->builtAtMs <= maxAge.count() * 1000) return m_snapshot;
    }
    return refresh(conn);
}

std::shared_ptr<const Snapshot> Engine::refresh(pqxx::connection& conn, std::int64_t nowMs) {
    if (nowMs == 0) nowMs = wallClockMs();
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->builtAtMs = wallClockMs();
    {
        pqxx::read_transaction tx(conn);
        snapshot->events = loadEvents(tx, nowMs);
        snapshot->indexOf = indexEvents(snapshot->events);
        const auto recent = loadSignals(tx, snapshot->indexOf, nowMs - kTrendingWindowMs, nowMs);
        snapshot->trending = TrendingModel::build(recent.interactions, snapshot->events.size(), nowMs);
        const auto model = exec(tx, kLatestModel);
        if (!model.empty()) {
            const auto& row = model[0];
            const pqxx::binarystring blob(row[4]);
            if (auto als = AlsModel::deserialize(std::string_view(reinterpret_cast<const char*>(blob.data()), blob.size()))) {
                const auto users = nlohmann::json::parse(row[1].c_str());
                const auto events = nlohmann::json::parse(row[2].c_str());
                if (users.size() == als->users() && events.size() == als->items()) {
                    std::vector<std::optional<ItemIndex>> rowOf(snapshot->events.size());
                    for (std::size_t r = 0; r < events.size(); ++r)
                        if (const auto it = snapshot->indexOf.find(events[r].get<std::string>()); it != snapshot->indexOf.end())
                            rowOf[it->second] = static_cast<ItemIndex>(r);
                    for (std::size_t r = 0; r < users.size(); ++r)
                        snapshot->alsUserOf.emplace(users[r].get<std::int64_t>(), static_cast<UserIndex>(r));
                    snapshot->modelTrainedAtMs = row[0].as<std::int64_t>();
                    snapshot->weights = weightsFromJson(row[3].as<std::string>());
                    snapshot->als = als->withItemRows(rowOf);
                } else {
                    log::warn("stored recommendation model does not match its id lists; ignored");
                }
            } else {
                log::warn("stored recommendation model is damaged; ignored");
            }
        }
    }
    snapshot->content = ContentModel::build(snapshot->events);
    std::lock_guard lock(m_mutex);
    m_snapshot = snapshot;
    return snapshot;
}

TrainingReport Engine::train(pqxx::connection& conn, const AlsOptions& options, std::int64_t nowMs) {
    if (nowMs == 0) nowMs = wallClockMs();
    const auto started = std::chrono::steady_clock::now();
    TrainingReport report;
    std::vector<EventFeatures> events;
    LoadedSignals signals;
    {
        pqxx::read_transaction tx(conn);
        events = loadEvents(tx, nowMs);
        signals = loadSignals(tx, indexEvents(events), nowMs - kPastWindowMs, nowMs);
    }
    const auto users = static_cast<std::uint32_t>(signals.userIds.size());
    const auto items = static_cast<std::uint32_t>(events.size());
    report.users = users;
    report.events = items;
    report.signals = signals.interactions.size();

    // Tune the blend on the last two weeks (models trained on what came before them).
    const auto content = ContentModel::build(events);
    const auto splitMs = nowMs - kValidationMs;
    const auto validation = temporalSplit(signals.interactions, events, users, splitMs, nowMs);
    constexpr std::size_t kMinValidationUsers = 20;
    if (validation.evaluated.size() >= kMinValidationUsers) {
        const auto before = AlsModel::train(ImplicitMatrix::fromInteractions(signals.interactions, users, items, splitMs), options);
        const auto trending = TrendingModel::build(signals.interactions, items, splitMs);
        HybridRanker ranker(events, content, &before, trending);
        report.weights = tuneWeights(ranker, validation, 10, 1000);
        report.validationNdcg = evaluate(validation, [&](UserIndex u, std::size_t k) {
                                    std::vector<ItemIndex> out;
                                    for (const auto& r : ranker.recommend(validation.contexts[u], k)) out.push_back(r.item);
                                    return out;
                                }, 10, 1000).ndcg;
    }
    const auto model = AlsModel::train(ImplicitMatrix::fromInteractions(signals.interactions, users, items), options);
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::vector<std::string> eventIds;
    for (const auto& e : events) eventIds.push_back(e.id);
    const nlohmann::json weights{{"content", report.weights.content},
                                 {"collaborative", report.weights.collaborative},
                                 {"trending", report.weights.trending}};
    const nlohmann::json metrics{{"users", report.users},           {"events", report.events},
                                 {"signals", report.signals},       {"validation_users", validation.evaluated.size()},
                                 {"validation_ndcg10", report.validationNdcg}, {"seconds", report.seconds}};
    const auto arrayLiteral = [](const auto& values) {
        std::string out = "{";
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i) out += ',';
            if constexpr (std::is_same_v<std::decay_t<decltype(values[i])>, std::string>) out += values[i];
            else out += std::to_string(values[i]);
        }
        return out + "}";
    };
    {
        pqxx::work tx(conn);
        exec(tx, kStoreModel, arrayLiteral(signals.userIds), arrayLiteral(eventIds), weights.dump(), metrics.dump(),
             detail::toBinary(model.serialize()));
        exec(tx, kPruneModels, static_cast<long>(kKeptModels));
        tx.commit();
    }
    log::info("recommendation model trained", {{"users", std::to_string(report.users)},
                                               {"events", std::to_string(report.events)},
                                               {"signals", std::to_string(report.signals)},
                                               {"seconds", std::to_string(report.seconds)}});
    refresh(conn, nowMs);
    return report;
}

UserContext loadUserContext(pqxx::transaction_base& tx, const Snapshot& snapshot, std::int64_t userId,
                            std::int64_t nowMs) {
    UserContext user;
    user.nowMs = nowMs;
    std::map<ItemIndex, float> weights;
    for (const auto& row : exec(tx, kUserSignals, userId, nowMs - kPastWindowMs)) {
        const auto it = snapshot.indexOf.find(row[0].as<std::string>());
        const auto signal = signalFromName(row[1].as<std::string>());
        if (it == snapshot.indexOf.end() || !signal) continue;
        weights[it->second] += signalWeight(*signal);
        if (*signal == Signal::Booking) user.booked.push_back(it->second);
    }
    for (const auto& row : exec(tx, kUserBooked, userId)) {
        if (const auto it = snapshot.indexOf.find(row[0].as<std::string>()); it != snapshot.indexOf.end()) {
            user.booked.push_back(it->second);
            weights[it->second] += signalWeight(Signal::Booking);
        }
    }
    for (const auto& [item, weight] : weights) {
        if (weight <= 0) continue;
        user.history.push_back(item);
        user.historyWeights.push_back(weight);
    }
    if (const auto settings = exec(tx, kUserSettings, userId); !settings.empty()) {
        const auto& row = settings[0];
        user.interestCategories = jsonStrings(row[0]);
        user.interestWords = jsonStrings(row[1]);
        user.city = row[2].as<std::string>();
        if (!row[3].is_null() && !row[4].is_null()) {
            user.latitude = row[3].as<double>();
            user.longitude = row[4].as<double>();
        }
        user.radiusKm = row[5].as<double>();
    }
    // The trained row speaks for the user only while they still have history (deleted
    // history stops counting at once, before the next training drops the row).
    if (!user.history.empty())
        if (const auto it = snapshot.alsUserOf.find(userId); it != snapshot.alsUserOf.end()) user.alsUser = it->second;
    return user;
}

} // namespace marquee::server::recommend
