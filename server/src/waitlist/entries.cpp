// Waitlist entry reads and the change-log append (see entries.hpp).
#include "waitlist/entries.hpp"

#include "marquee/core/domain.hpp"
#include "services/api_internal.hpp"

#include <nlohmann/json.hpp>

namespace marquee::server::waitlist {

namespace {

using detail::exec;
using detail::Statement;

// The columns entryFromRow() reads, in its order, and the FROM clause. position: 1-based among the event's waiting
// entries in queue order (created_at, then id), 0 when the entry is not waiting.
#define MARQUEE_SQL_WAITLIST_ENTRIES                                                                                   \
    "w.id::text, w.event_id::text, w.price_category_id, w.seats, w.status, coalesce(w.hold_id::text, ''), "           \
    "coalesce((extract(epoch FROM w.offer_expires_at) * 1000)::bigint, 0), array_to_json(w.offered_seat_labels)::text, " \
    "(extract(epoch FROM w.created_at) * 1000)::bigint, e.title, w.seats_apart, w.user_id, "                            \
    "CASE WHEN w.status = 'waiting' THEN (SELECT count(*) FROM waitlist_entries q WHERE q.event_id = w.event_id "    \
    "AND q.status = 'waiting' AND (q.created_at, q.id) <= (w.created_at, w.id)) ELSE 0 END "                          \
    "FROM waitlist_entries w JOIN events e ON e.id = w.event_id "

constexpr Statement kEntryById{"waitlist_entry_by_id", "SELECT " MARQUEE_SQL_WAITLIST_ENTRIES "WHERE w.id = $1::uuid"};
constexpr Statement kLockEntry{"waitlist_lock_entry", "SELECT 1 FROM waitlist_entries WHERE id = $1::uuid FOR UPDATE"};
constexpr Statement kEntryByKey{"waitlist_entry_by_key", "SELECT " MARQUEE_SQL_WAITLIST_ENTRIES
                                                         "WHERE w.user_id = $1 AND w.idempotency_key = $2"};
constexpr Statement kUserEntries{"waitlist_user_entries",
                                 "SELECT " MARQUEE_SQL_WAITLIST_ENTRIES
                                 "WHERE w.user_id = $1 ORDER BY w.status NOT IN ('waiting', 'offered'), "
                                 "w.created_at DESC, w.id LIMIT $2"};

EntryRow entryFromRow(const pqxx::row& row) {
    EntryRow out;
    auto& e = out.entry;
    e.set_id(row[0].as<std::string>());
    e.set_event_id(row[1].as<std::string>());
    e.set_price_category_id(row[2].as<std::string>());
    e.set_seats(row[3].as<std::uint32_t>());
    e.set_status(statusFromText(row[4].as<std::string>()));
    e.set_hold_id(row[5].as<std::string>());
    e.set_offer_expires_at_ms(row[6].as<std::int64_t>());
    for (const auto& label : nlohmann::json::parse(row[7].as<std::string>()))
        e.add_offered_seat_labels(label.get<std::string>());
    e.set_created_at_ms(row[8].as<std::int64_t>());
    e.set_event_title(row[9].as<std::string>());
    e.set_seats_apart(row[10].as<bool>());
    out.userId = row[11].as<std::int64_t>();
    e.set_position(row[12].as<std::uint32_t>());
    return out;
}

} // namespace

v1::WaitlistStatus statusFromText(const std::string& text) {
    if (text == "waiting") return v1::WAITLIST_WAITING;
    if (text == "offered") return v1::WAITLIST_OFFERED;
    if (text == "accepted") return v1::WAITLIST_ACCEPTED;
    if (text == "expired") return v1::WAITLIST_EXPIRED;
    if (text == "left") return v1::WAITLIST_LEFT;
    return v1::WAITLIST_STATUS_UNSPECIFIED;
}

std::optional<EntryRow> loadEntry(pqxx::transaction_base& tx, const std::string& entryId, bool lock) {
    // The entry row alone is locked (FOR UPDATE with the events join would lock the event too).
    if (lock && exec(tx, kLockEntry, entryId).empty()) return std::nullopt;
    const auto rows = exec(tx, kEntryById, entryId);
    if (rows.empty()) return std::nullopt;
    return entryFromRow(rows[0]);
}

std::optional<EntryRow> loadEntryByKey(pqxx::transaction_base& tx, std::int64_t userId, const std::string& key) {
    const auto rows = exec(tx, kEntryByKey, userId, key);
    if (rows.empty()) return std::nullopt;
    return entryFromRow(rows[0]);
}

std::vector<v1::WaitlistEntry> loadUserEntries(pqxx::transaction_base& tx, std::int64_t userId, std::uint32_t limit) {
    std::vector<v1::WaitlistEntry> out;
    for (const auto& row : exec(tx, kUserEntries, userId, static_cast<std::int64_t>(limit)))
        out.push_back(entryFromRow(row).entry);
    return out;
}

void publishEntry(pqxx::transaction_base& tx, const EntryRow& row) {
    detail::appendChange(tx, core::aggregate::kWaitlistEntry, row.entry.id(), detail::ChangeOp::Upsert, row.userId,
                         row.entry.SerializeAsString());
}

} // namespace marquee::server::waitlist
