// The recommendation mails (issue 8): wishlist alerts (selling out, price drop, date or venue
// changed, cancelled) and the weekly digest, composed in text and HTML and put in the outbox
// inside the caller's transaction. Each names the setting that switches it off.
#pragma once

#include "recommend/event_facts.hpp"
#include "recommend/wishlist_alerts.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <string>
#include <vector>

namespace marquee::server::mail {

struct Recipient {
    std::int64_t userId = 0;
    std::string address;
    std::string name;
    std::string language = "en"; // users.language; anything unknown gets English
};

class UnsubscribeLinks;

// One change of a saved event to one user; dedup key "wishlist-alert:<alert id>:<user id>".
// `details` is the change's AlertChange::details; `now` the event as it is; `links` the pass's
// unsubscribe links (mail/unsubscribe.hpp).
void enqueueWishlistAlert(pqxx::transaction_base& tx, const UnsubscribeLinks& links, std::int64_t alertId,
                          recommend::AlertKind kind, const nlohmann::json& details, const recommend::EventFacts& now,
                          const Recipient& to);

struct DigestItem {
    recommend::EventFacts event;
    std::string reason;            // "Because you liked Blue Note Jazz Night", "Popular near you"
};

// The weekly digest of `isoWeek` ("2026-W47"); dedup key "weekly-digest:<user id>:<week>".
// Returns the outbox id.
std::int64_t enqueueWeeklyDigest(pqxx::transaction_base& tx, const UnsubscribeLinks& links, const std::string& isoWeek,
                                 const std::vector<DigestItem>& items, const Recipient& to);

} // namespace marquee::server::mail
