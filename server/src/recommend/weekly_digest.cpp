// The weekly digest pass (see weekly_digest.hpp).
#include "recommend/weekly_digest.hpp"

#include "common/log.hpp"
#include "mail/mail_language.hpp"
#include "mail/unsubscribe.hpp"
#include "mail/wishlist_mails.hpp"
#include "recommend/engine.hpp"
#include "services/api_internal.hpp"

#include <date/date.h>
#include <date/iso_week.h>

#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>

namespace marquee::server::recommend {

namespace {

using detail::exec;
using detail::Statement;

constexpr Statement kDueUsers{
    "digest_due_users",
    "SELECT u.id, u.email, u.display_name, u.language FROM recommendation_settings r JOIN users u ON u.id = r.user_id "
    "WHERE r.weekly_digest AND u.id > $2 "
    "AND NOT EXISTS (SELECT 1 FROM weekly_digests d WHERE d.user_id = r.user_id AND d.iso_week = $1) "
    "ORDER BY u.id LIMIT $3"};
// Claims the user's week: a second instance waits on the key, then finds it taken. Settings
// switched off since the user was read claim nothing.
constexpr Statement kClaimWeek{
    "digest_claim_week",
    "INSERT INTO weekly_digests (user_id, iso_week, event_ids) SELECT $1, $2, '{}' "
    "WHERE EXISTS (SELECT 1 FROM recommendation_settings WHERE user_id = $1 AND weekly_digest) "
    "ON CONFLICT (user_id, iso_week) DO NOTHING RETURNING 1"};
constexpr Statement kRecordDigest{
    "digest_record",
    "UPDATE weekly_digests SET event_ids = $3::uuid[], mail_id = NULLIF($4::bigint, 0) WHERE user_id = $1 AND iso_week = $2"};

// Why the digest picked it, in the recipient's language.
std::string reasonText(const mail::MailLanguage& lang, const Snapshot& snapshot, const Recommendation& r) {
    const auto anchor = r.anchor && *r.anchor < snapshot.events.size() ? snapshot.events[*r.anchor].title : std::string();
    switch (r.reason) {
    case ReasonKind::BecauseYouLiked:
        return anchor.empty() ? lang.tr("People with your taste like it") : lang.tr("Because you liked {1}", anchor);
    case ReasonKind::SimilarTo:
        return anchor.empty() ? lang.tr("Similar to events you liked") : lang.tr("Similar to {1}", anchor);
    case ReasonKind::PopularNearYou: return lang.tr("Popular near you this week");
    case ReasonKind::MatchesInterests: return lang.tr("Matches your interests");
    }
    return "";
}

// One user's digest in its own transaction; true when a mail was enqueued.
std::optional<bool> sendDigest(pqxx::connection& conn, const mail::UnsubscribeLinks& links, const Snapshot& snapshot,
                               const HybridRanker& ranker, const mail::Recipient& to, const std::string& week, std::int64_t nowMs,
                               const DigestOptions& options) {
    pqxx::work tx(conn);
    if (exec(tx, kClaimWeek, to.userId, week).empty()) return std::nullopt; // decided elsewhere, or switched off
    const auto user = loadUserContext(tx, snapshot, to.userId, nowMs);
    // A few spare picks: the snapshot may be minutes old, so some may have been cancelled since.
    const auto picks = ranker.recommend(user, options.eventsPerDigest + 4);
    std::vector<std::string> ids;
    for (const auto& r : picks)
        if (r.score > 0) ids.push_back(snapshot.events[r.item].id); // 0: nothing speaks for it
    std::map<std::string, EventFacts> facts;
    for (auto& f : loadEventFacts(tx, ids)) facts.emplace(f.eventId, std::move(f));
    std::vector<mail::DigestItem> items;
    std::vector<std::string> chosen;
    for (const auto& r : picks) {
        const auto it = facts.find(snapshot.events[r.item].id);
        if (r.score <= 0 || it == facts.end() || it->second.startsAtMs <= nowMs || it->second.status == "cancelled" ||
            it->second.status == "sold_out")
            continue;
        items.push_back({it->second, reasonText(mail::MailLanguage::of(to.language), snapshot, r)});
        chosen.push_back(it->first);
        if (items.size() == options.eventsPerDigest) break;
    }
    std::optional<std::int64_t> mailId;
    if (!items.empty()) {
        try {
            mailId = mail::enqueueWeeklyDigest(tx, links, week, items, to);
        } catch (const std::invalid_argument& e) { // an address the outbox refuses: decided, not mailed
            log::warn("weekly digest not mailed", {{"user_id", std::to_string(to.userId)}, {"error", e.what()}});
            chosen.clear();
        }
    }
    exec(tx, kRecordDigest, to.userId, week, uuidArrayLiteral(chosen), mailId.value_or(0));
    tx.commit();
    return mailId.has_value();
}

} // namespace

std::string isoWeekOf(std::int64_t ms) {
    const auto day = date::floor<date::days>(date::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms)));
    const iso_week::year_weeknum_weekday week{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-W%02u", static_cast<int>(week.year()), static_cast<unsigned>(week.weeknum()));
    return text;
}

std::int64_t isoWeekStartMs(std::int64_t ms) {
    const auto day = date::floor<date::days>(date::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms)));
    const iso_week::year_weeknum_weekday week{day};
    const date::sys_days monday{iso_week::year_weeknum_weekday{week.year(), week.weeknum(), iso_week::mon}};
    return std::chrono::duration_cast<std::chrono::milliseconds>(monday.time_since_epoch()).count();
}

DigestPassReport runWeeklyDigests(pqxx::connection& conn, std::int64_t nowMs, const DigestOptions& options) {
    DigestPassReport report;
    const auto dueMs = isoWeekStartMs(nowMs) + std::chrono::duration_cast<std::chrono::milliseconds>(options.dueAfterWeekStart).count();
    if (nowMs < dueMs) return report;
    const auto week = isoWeekOf(nowMs);
    const auto batch = static_cast<std::int64_t>(std::max<std::size_t>(1, options.usersPerBatch));
    // The snapshot (and the ranker over it) only once someone is due: most passes find nobody.
    std::shared_ptr<const Snapshot> snapshot;
    std::optional<HybridRanker> ranker;
    std::optional<mail::UnsubscribeLinks> links; // the key once for the whole pass
    std::int64_t after = 0;
    for (;;) {
        std::vector<mail::Recipient> users;
        {
            pqxx::read_transaction tx(conn);
            for (const auto& row : exec(tx, kDueUsers, week, after, batch))
                users.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
                                 row[3].as<std::string>()});
            if (!users.empty() && !links) links.emplace(tx);
        }
        if (!users.empty() && !snapshot) {
            snapshot = Engine::instance().current(conn);
            ranker.emplace(snapshot->events, snapshot->content, snapshot->als ? &*snapshot->als : nullptr,
                           snapshot->trending, snapshot->weights);
        }
        for (const auto& to : users) {
            const auto mailed = sendDigest(conn, *links, *snapshot, *ranker, to, week, nowMs, options);
            if (mailed && *mailed) ++report.mailed;
            else if (mailed) ++report.nothingNew;
            after = to.userId;
        }
        if (static_cast<std::int64_t>(users.size()) < batch) break;
    }
    if (report.mailed + report.nothingNew > 0)
        log::info("weekly digests decided", {{"week", week},
                                             {"mailed", std::to_string(report.mailed)},
                                             {"nothing_to_recommend", std::to_string(report.nothingNew)}});
    return report;
}

} // namespace marquee::server::recommend
