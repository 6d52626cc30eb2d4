// Waitlist entries as rows and as v1::WaitlistEntry: the one column list every read uses,
// the queue position, and the change-log append every entry change goes through.
#pragma once

#include "marquee/v1/order.pb.h"

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>

namespace marquee::server::waitlist {

struct EntryRow {
    v1::WaitlistEntry entry;
    std::int64_t userId = 0;
};

// One entry by id, with its queue position; FOR UPDATE when `lock` (the entry row only).
std::optional<EntryRow> loadEntry(pqxx::transaction_base& tx, const std::string& entryId, bool lock = false);
// The entry a user made with an idempotency key.
std::optional<EntryRow> loadEntryByKey(pqxx::transaction_base& tx, std::int64_t userId, const std::string& key);
// A user's entries, open ones first, then newest first; at most `limit`.
std::vector<v1::WaitlistEntry> loadUserEntries(pqxx::transaction_base& tx, std::int64_t userId, std::uint32_t limit);

// Appends the entry's change-log row (aggregate "waitlist_entry", scope: its user, payload:
// the entry as it is now, position included).
void publishEntry(pqxx::transaction_base& tx, const EntryRow& row);

// Status names as stored in waitlist_entries.status.
v1::WaitlistStatus statusFromText(const std::string& text);

} // namespace marquee::server::waitlist
