// Wishlist alerts (issue 8): a saved event that is about to sell out, drops in price, changes
// date or venue, or is cancelled mails its wishlisters, once per change. A pass compares every
// wishlisted upcoming event with what was last seen of it (wishlist_alert_state), records each
// change in wishlist_alerts in the transaction that moves the seen state forward (the state row
// is locked, so two workers never record one change twice), then mails the change's recipients
// in batches through the mail outbox with a dedup key per change and user.
#pragma once

#include "recommend/event_facts.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace marquee::server::recommend {

enum class AlertKind : std::uint8_t { SellingOut, PriceDrop, ScheduleChange, Cancelled };
std::string_view alertKindName(AlertKind kind); // selling_out, price_drop, schedule_change, cancelled
std::optional<AlertKind> alertKindFromName(std::string_view name);

// "About to sell out": at most a tenth of the places left (rounded up, at least 1). The zone is
// left again only above twice that, so a returned ticket or two does not re-arm the alert.
std::int64_t sellingOutThreshold(std::int64_t capacity);
bool inSellingOutZone(const EventFacts& now, bool wasInZone);

struct AlertChange {
    AlertKind kind;
    nlohmann::json details; // what the mail shows: before/after values
};

// The changes between what was seen and the event now (pure). A cancellation is the only change
// reported when it happens; a price rise, a venue renamed or a recovery from "selling out" are
// no alerts (the seen state just follows).
std::vector<AlertChange> compareFacts(const EventFacts& seen, bool seenSellingOut, const EventFacts& now);

struct AlertPassReport {
    std::size_t eventsWatched = 0;   // wishlisted upcoming events looked at
    std::size_t baselines = 0;       // events seen for the first time (no alert)
    std::size_t changes = 0;         // wishlist_alerts rows recorded by this pass
    std::size_t mails = 0;           // alert mails enqueued by this pass
};

struct AlertOptions {
    std::size_t recipientsPerTransaction = 500;
};

// One pass: detect and record changes, then mail every alert not yet fully mailed (including
// those another instance recorded or a crashed pass left half-mailed). nowMs: the clock for
// "upcoming". Safe to run concurrently on several connections; run under the
// db::lockkey::kWishlistAlerts leader lock only to save work.
AlertPassReport runWishlistAlerts(pqxx::connection& conn, std::int64_t nowMs, const AlertOptions& options = {});

// Records what the event looks like now as its baseline unless it already has one; called when
// an event is saved to a wishlist, so a change right after saving is a change, not the baseline.
void recordAlertBaseline(pqxx::transaction_base& tx, const std::string& eventId);

} // namespace marquee::server::recommend
