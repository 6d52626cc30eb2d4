// SQL for the change-log head, kept in one place: the sequencer stamps above it, the stamp
// listener catches up to it, and pulls report it.
#pragma once

// greatest(horizon, max(seq)): compaction may delete the newest rows (old tombstones), and
// the head must never go backwards nor a seq be handed out twice. A macro, not a constant,
// so that it can be spliced into the string literals of prepared statements.
#define MARQUEE_SQL_CHANGE_LOG_HEAD                                                                                    \
    "greatest((SELECT horizon FROM sync_meta), (SELECT coalesce(max(seq), 0) FROM change_log))"

namespace marquee::server::db {

inline constexpr const char* kSelectChangeLogHead = "SELECT " MARQUEE_SQL_CHANGE_LOG_HEAD;

} // namespace marquee::server::db
