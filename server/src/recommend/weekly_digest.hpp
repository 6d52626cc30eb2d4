// The weekly digest (issue 8): once per ISO week, every user who switched it on gets a mail with
// their top recommendations ("For you", with the reasons), through the mail outbox. The week is
// decided per user in weekly_digests (one row per user and week, written with the mail), so a
// rerun, a restart or a second instance never sends a second digest for the same week.
#pragma once

#include <pqxx/pqxx>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace marquee::server::recommend {

struct DigestOptions {
    std::size_t eventsPerDigest = 8;
    std::size_t usersPerBatch = 200;     // users read per query
    // How long after Monday 00:00 UTC a week's digests are due (morning in Europe, night in America).
    std::chrono::hours dueAfterWeekStart{8};
};

struct DigestPassReport {
    std::size_t mailed = 0;      // digests enqueued
    std::size_t nothingNew = 0;  // opted-in users with nothing to recommend this week (no mail)
};

// "2026-W47": the ISO 8601 week (UTC) `ms` falls in.
std::string isoWeekOf(std::int64_t ms);
// Monday 00:00 UTC of that week, in ms.
std::int64_t isoWeekStartMs(std::int64_t ms);

// One pass: the digests of the week `nowMs` falls in, for every opted-in user not yet decided,
// once the week's digests are due. Uses the engine's current snapshot (recommend/engine.hpp).
DigestPassReport runWeeklyDigests(pqxx::connection& conn, std::int64_t nowMs, const DigestOptions& options = {});

} // namespace marquee::server::recommend
