// Wishlist alerts: detection, recording and the mail fan-out (see wishlist_alerts.hpp).
#include "recommend/wishlist_alerts.hpp"

#include "common/log.hpp"
#include "mail/unsubscribe.hpp"
#include "mail/wishlist_mails.hpp"
#include "services/api_internal.hpp"

#include <stdexcept>

namespace marquee::server::recommend {

namespace {

using detail::exec;
using detail::Statement;

// $6 = -1: no known price.
#define MQ_SEEN_VALUES                                                                                              \
    "($1::uuid, $2, 'epoch'::timestamptz + $3::bigint * interval '1 millisecond', NULLIF($4, '')::uuid, $5, "     \
    "NULLIF($6::bigint, -1), $7, $8)"
constexpr Statement kInsertSeen{
    "alerts_insert_seen",
    "INSERT INTO wishlist_alert_state (event_id, status, starts_at, venue_id, venue_name, price_minor, currency, "
    "selling_out) VALUES " MQ_SEEN_VALUES " ON CONFLICT (event_id) DO NOTHING"};
constexpr Statement kUpdateSeen{
    "alerts_update_seen",
    "INSERT INTO wishlist_alert_state (event_id, status, starts_at, venue_id, venue_name, price_minor, currency, "
    "selling_out) VALUES " MQ_SEEN_VALUES " ON CONFLICT (event_id) DO UPDATE SET status = EXCLUDED.status, "
    "starts_at = EXCLUDED.starts_at, venue_id = EXCLUDED.venue_id, venue_name = EXCLUDED.venue_name, "
    "price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency, selling_out = EXCLUDED.selling_out, "
    "seen_at = now()"};
#undef MQ_SEEN_VALUES
constexpr Statement kInsertAlert{
    "alerts_insert_alert",
    "INSERT INTO wishlist_alerts (event_id, kind, details) VALUES ($1::uuid, $2, $3::jsonb) RETURNING id"};
// Events over for a day, or on nobody's wishlist any more, need no baseline (a new wishlister
// records a fresh one); completed alerts are kept half a year as a record of what was mailed.
constexpr Statement kPruneSeen{
    "alerts_prune_seen",
    "DELETE FROM wishlist_alert_state s USING events e WHERE e.id = s.event_id AND "
    "(e.starts_at < to_timestamp($1::bigint / 1000.0) - interval '1 day' "
    "OR NOT EXISTS (SELECT 1 FROM wishlist w WHERE w.event_id = s.event_id))"};
constexpr Statement kPruneAlerts{
    "alerts_prune_alerts",
    "DELETE FROM wishlist_alerts WHERE completed_at < to_timestamp($1::bigint / 1000.0) - interval '180 days'"};

constexpr Statement kPendingAlerts{
    "alerts_pending", "SELECT id FROM wishlist_alerts WHERE completed_at IS NULL ORDER BY id LIMIT 100"};
constexpr Statement kLockAlert{
    "alerts_lock_alert",
    "SELECT event_id::text, kind, details::text, mailed_through FROM wishlist_alerts "
    "WHERE id = $1 AND completed_at IS NULL FOR UPDATE"};
// Wishlisters after the cursor whose setting for the kind is on (the defaults of
// recommendation_settings when they never saved any). Buyers are told about cancellations by
// their order mails and need no price or availability news; date and venue changes go to all.
constexpr Statement kRecipients{
    "alerts_recipients",
    "SELECT u.id, u.email, u.display_name, u.language FROM wishlist w JOIN users u ON u.id = w.user_id "
    "LEFT JOIN recommendation_settings r ON r.user_id = w.user_id "
    "WHERE w.event_id = $1::uuid AND w.user_id > $2 AND CASE $3 "
    "  WHEN 'selling_out' THEN coalesce(r.alert_selling_out, true) "
    "  WHEN 'price_drop' THEN coalesce(r.alert_price_drop, true) "
    "  WHEN 'schedule_change' THEN coalesce(r.alert_schedule_change, true) "
    "  ELSE coalesce(r.alert_cancelled, true) END "
    "AND ($3 = 'schedule_change' OR NOT EXISTS (SELECT 1 FROM orders o WHERE o.event_id = w.event_id "
    "  AND o.user_id = w.user_id AND o.confirmed_at IS NOT NULL)) "
    "ORDER BY w.user_id LIMIT $4"};
constexpr Statement kAdvanceAlert{
    "alerts_advance",
    "UPDATE wishlist_alerts SET mailed_through = $2, recipients = recipients + $3, "
    "completed_at = CASE WHEN $4 THEN now() END WHERE id = $1"};

constexpr const char* kCancelled = "cancelled";

void storeSeen(pqxx::transaction_base& tx, const Statement& stmt, const EventFacts& f, bool sellingOut) {
    exec(tx, stmt, f.eventId, f.status, f.startsAtMs, f.venueId, f.venueName, f.priceMinor.value_or(-1), f.currency,
         sellingOut);
}

// Whether the stored state no longer matches the event (a change, or something to follow silently).
bool stateDiffers(const EventFacts& seen, bool seenSellingOut, const EventFacts& now) {
    return seen.status != now.status || seen.startsAtMs != now.startsAtMs || seen.venueId != now.venueId ||
           seen.venueName != now.venueName || seen.priceMinor != now.priceMinor || seen.currency != now.currency ||
           seenSellingOut != inSellingOutZone(now, seenSellingOut);
}

// Detects and records the changes of one event under its state row's lock; returns how many.
std::size_t recordChanges(pqxx::connection& conn, const std::string& eventId) {
    pqxx::work tx(conn);
    // Lock first, read the event after: once another worker's update of this row has committed,
    // the facts read here are at least as new as the ones it stored (a stale read could
    // otherwise move the state back and report the same change again).
    const auto seen = lockSeenState(tx, eventId);
    const auto facts = loadEventFacts(tx, {eventId});
    if (facts.empty()) return 0; // deleted meanwhile
    const auto& now = facts.front();
    if (!seen) { // pruned meanwhile: start again from here
        storeSeen(tx, kInsertSeen, now, inSellingOutZone(now, false));
        tx.commit();
        return 0;
    }
    const auto changes = compareFacts(seen->facts, seen->sellingOut, now);
    for (const auto& change : changes)
        exec(tx, kInsertAlert, eventId, std::string(alertKindName(change.kind)), change.details.dump());
    storeSeen(tx, kUpdateSeen, now, inSellingOutZone(now, seen->sellingOut));
    tx.commit();
    for (const auto& change : changes)
        log::info("wishlist alert recorded", {{"event_id", eventId}, {"kind", std::string(alertKindName(change.kind))}});
    return changes.size();
}

struct BatchResult {
    std::size_t mailed = 0;
    bool more = false; // recipients may be left for another batch
};

// Mails one batch of an alert's recipients under the alert row's lock (a second instance waits,
// then continues after the cursor or finds the alert complete).
BatchResult mailBatch(pqxx::connection& conn, const mail::UnsubscribeLinks& links, std::int64_t alertId,
                      std::int64_t nowMs, std::size_t batch) {
    pqxx::work tx(conn);
    const auto rows = exec(tx, kLockAlert, alertId);
    if (rows.empty()) return {};
    const auto eventId = rows[0][0].as<std::string>();
    const auto kindName = rows[0][1].as<std::string>();
    const auto details = nlohmann::json::parse(rows[0][2].as<std::string>(), nullptr, false);
    const auto cursor = rows[0][3].as<std::int64_t>();
    const auto kind = alertKindFromName(kindName);
    const auto facts = loadEventFacts(tx, {eventId});
    // Started meanwhile (or unreadable): nothing worth telling any more.
    if (!kind || details.is_discarded() || facts.empty() || facts.front().startsAtMs <= nowMs) {
        exec(tx, kAdvanceAlert, alertId, cursor, 0, true);
        tx.commit();
        return {};
    }
    const auto recipients = exec(tx, kRecipients, eventId, cursor, kindName, static_cast<std::int64_t>(batch));
    std::size_t mailed = 0;
    std::int64_t last = cursor;
    for (const auto& r : recipients) {
        const mail::Recipient to{r[0].as<std::int64_t>(), r[1].as<std::string>(), r[2].as<std::string>(),
                                    r[3].as<std::string>()};
        last = to.userId;
        try {
            mail::enqueueWishlistAlert(tx, links, alertId, *kind, details, facts.front(), to);
            ++mailed;
        } catch (const std::invalid_argument& e) { // an address the outbox refuses: skip that user
            log::warn("wishlist alert not mailed", {{"alert_id", std::to_string(alertId)},
                                                    {"user_id", std::to_string(to.userId)}, {"error", e.what()}});
        }
    }
    const bool done = recipients.size() < batch;
    exec(tx, kAdvanceAlert, alertId, last, static_cast<std::int64_t>(mailed), done);
    tx.commit();
    return {mailed, !done};
}

} // namespace

std::string_view alertKindName(AlertKind kind) {
    switch (kind) {
    case AlertKind::SellingOut: return "selling_out";
    case AlertKind::PriceDrop: return "price_drop";
    case AlertKind::ScheduleChange: return "schedule_change";
    case AlertKind::Cancelled: return "cancelled";
    }
    return "";
}

std::optional<AlertKind> alertKindFromName(std::string_view name) {
    for (const auto kind : {AlertKind::SellingOut, AlertKind::PriceDrop, AlertKind::ScheduleChange, AlertKind::Cancelled})
        if (alertKindName(kind) == name) return kind;
    return std::nullopt;
}

std::int64_t sellingOutThreshold(std::int64_t capacity) { return std::max<std::int64_t>(1, (capacity + 9) / 10); }

bool inSellingOutZone(const EventFacts& now, bool wasInZone) {
    if (!now.capacity) return false;
    const auto threshold = sellingOutThreshold(*now.capacity);
    if (now.remaining <= threshold) return true;
    return wasInZone && now.remaining <= 2 * threshold;
}

std::vector<AlertChange> compareFacts(const EventFacts& seen, bool seenSellingOut, const EventFacts& now) {
    std::vector<AlertChange> out;
    if (now.status == kCancelled) {
        if (seen.status != kCancelled) out.push_back({AlertKind::Cancelled, {{"old_status", seen.status}}});
        return out;
    }
    const bool postponed = now.status == "postponed" && seen.status != "postponed";
    if (postponed || now.startsAtMs != seen.startsAtMs || now.venueId != seen.venueId)
        out.push_back({AlertKind::ScheduleChange,
                       {{"old_starts_at_ms", seen.startsAtMs},
                        {"new_starts_at_ms", now.startsAtMs},
                        {"old_venue_id", seen.venueId},
                        {"new_venue_id", now.venueId},
                        {"old_venue", seen.venueName},
                        {"new_venue", now.venueName},
                        {"postponed", postponed}}});
    const bool soldOut = now.status == "sold_out"; // nothing to buy at any price
    if (!soldOut && seen.priceMinor && now.priceMinor && seen.currency == now.currency &&
        *now.priceMinor < *seen.priceMinor)
        out.push_back({AlertKind::PriceDrop,
                       {{"old_price_minor", *seen.priceMinor}, {"new_price_minor", *now.priceMinor}, {"currency", now.currency}}});
    if (!seenSellingOut && !soldOut && now.remaining > 0 && inSellingOutZone(now, false))
        out.push_back({AlertKind::SellingOut, {{"remaining", now.remaining}, {"capacity", now.capacity.value_or(0)}}});
    return out;
}

void recordAlertBaseline(pqxx::transaction_base& tx, const std::string& eventId) {
    const auto facts = loadEventFacts(tx, {eventId});
    if (!facts.empty()) storeSeen(tx, kInsertSeen, facts.front(), inSellingOutZone(facts.front(), false));
}

AlertPassReport runWishlistAlerts(pqxx::connection& conn, std::int64_t nowMs, const AlertOptions& options) {
    AlertPassReport report;
    std::vector<WatchedEvent> watched;
    {
        pqxx::read_transaction tx(conn);
        watched = loadWatchedEvents(tx, nowMs);
    }
    report.eventsWatched = watched.size();
    for (const auto& w : watched) {
        if (!w.seen) {
            pqxx::work tx(conn);
            storeSeen(tx, kInsertSeen, w.now, inSellingOutZone(w.now, false));
            tx.commit();
            ++report.baselines;
        } else if (stateDiffers(*w.seen, w.seenSellingOut, w.now)) {
            report.changes += recordChanges(conn, w.now.eventId);
        }
    }
    {
        pqxx::work tx(conn);
        exec(tx, kPruneSeen, nowMs);
        exec(tx, kPruneAlerts, nowMs);
        tx.commit();
    }
    // Mail every unfinished alert, this pass's and any left over (another instance's, a crash's).
    std::vector<std::int64_t> pending;
    std::optional<mail::UnsubscribeLinks> links; // the key once for the whole pass
    {
        pqxx::read_transaction tx(conn);
        for (const auto& row : exec(tx, kPendingAlerts)) pending.push_back(row[0].as<std::int64_t>());
        if (!pending.empty()) links.emplace(tx);
    }
    const auto batch = std::max<std::size_t>(1, options.recipientsPerTransaction);
    for (const auto alertId : pending) {
        BatchResult result;
        do {
            result = mailBatch(conn, *links, alertId, nowMs, batch);
            report.mails += result.mailed;
        } while (result.more);
    }
    return report;
}

} // namespace marquee::server::recommend
