// Internals shared by the Api's service files: typed errors, prepared-statement execution,
// hex/bytea helpers and the one change-log append every catalog write goes through.
#pragma once

#include "common/digest.hpp"
#include "db/text_array.hpp"
#include "marquee/core/domain.hpp"

#include "marquee/core/seating/layout.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/v1/booking.pb.h"
#include "marquee/v1/boxoffice.pb.h"
#include "marquee/v1/common.pb.h"
#include "marquee/v1/order.pb.h"
#include "marquee/v1/recommend.pb.h"
#include "services/api.hpp"
#include "services/principal.hpp"

#include <pqxx/pqxx>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marquee::server::orders {
class PaymentRegistry;
} // namespace marquee::server::orders

namespace marquee::server::detail {

// A request failure the client is told about (never carries SQL text).
struct ApiError {
    v1::ErrorCode code = v1::INTERNAL;
    std::string message;
    std::map<std::string, std::string> details;
};

[[noreturn]] inline void fail(v1::ErrorCode code, std::string message, std::map<std::string, std::string> details = {}) {
    throw ApiError{code, std::move(message), std::move(details)};
}

// A named statement, prepared lazily per connection on first use.
struct Statement {
    const char* name;
    const char* sql;
};

template <typename... Args>
pqxx::result exec(pqxx::transaction_base& tx, const Statement& stmt, Args&&... args) {
    // libpqxx 6 treats an identical re-definition as a no-op, and a fresh connection (after a
    // reconnect) has none: defining on each use keeps every connection correct.
    tx.conn().prepare(stmt.name, stmt.sql);
    return tx.exec_prepared(stmt.name, std::forward<Args>(args)...);
}

// Numbers as a PostgreSQL array literal ("{1,2,3}"), for an $n::integer[] / bigint[] parameter.
std::string integerArray(const auto& values) {
    std::string out = "{";
    for (const auto value : values) {
        if (out.size() > 1) out += ',';
        out += std::to_string(value);
    }
    return out + "}";
}
// Strings as a PostgreSQL text[] literal: every element quoted, '"' and '\\' escaped.
std::string textArray(const auto& values) { return db::postgresTextArray(values); }

// Hex and SHA-256 come from common/digest.hpp (one implementation for the whole server).
using server::fromHex;
using server::sha256;
using server::toHex;
// Appends the bytes of a bytea field (text format "\x..." hex) to `out` without a temporary.
void appendBytea(const pqxx::field& field, std::string& out);
pqxx::binarystring toBinary(const std::string& bytes);

// The events columns eventFromRow() reads, in its order (a macro so that prepared statements
// can splice it into their literals).
#define MARQUEE_SQL_EVENT_COLUMNS                                                                                      \
    "id::text, title, description, category_id, array_to_json(tags)::text, array_to_json(performers)::text, "         \
    "(extract(epoch FROM starts_at) * 1000)::bigint, coalesce((extract(epoch FROM ends_at) * 1000)::bigint, 0), "     \
    "time_zone, coalesce(venue_id::text, ''), price_min_minor, price_max_minor, currency, status, image_url, "       \
    "coalesce(organizer_id, 0), (extract(epoch FROM updated_at) * 1000)::bigint"
// One events row selected with MARQUEE_SQL_EVENT_COLUMNS, starting at column `first`.
core::Event eventFromRow(const pqxx::row& row, pqxx::row::size_type first = 0);

enum class ChangeOp { Upsert, Delete };

// Appends one change-log row inside the caller's transaction; the sequencer stamps it after
// commit. scopeUserId 0: public. payload: encoded record (empty for a delete).
void appendChange(pqxx::transaction_base& tx, std::string_view aggregateType, std::string_view aggregateId,
                  ChangeOp op, std::int64_t scopeUserId, const std::string& payload);

// The same, for many rows in one statement (bulk loads); rows are appended in vector order.
struct ChangeRow {
    std::string aggregateType;
    std::string aggregateId;
    ChangeOp op = ChangeOp::Upsert;
    std::int64_t scopeUserId = 0;
    std::string payload;
};
void appendChanges(pqxx::transaction_base& tx, const std::vector<ChangeRow>& rows);

// Idempotent mutations (protocol.md): claims `key` for `userId` inside the caller's
// transaction. nullopt: the key is new, apply the mutation and storeIdempotentAnswer().
// Otherwise the stored answer with replayed=true; INVALID_ARGUMENT when the key was used for a
// different request (requestHash: SHA-256 of the canonical request). A concurrent request
// with the same key waits for the first one to commit.
std::optional<v1::Ack> claimIdempotencyKey(pqxx::transaction_base& tx, std::int64_t userId, const std::string& key,
                                           const std::string& requestHash);
void storeIdempotentAnswer(pqxx::transaction_base& tx, std::int64_t userId, const std::string& key, const v1::Ack& ack);
// INVALID_ARGUMENT unless `key` is a UUID.
void requireIdempotencyKey(const std::string& key);

// The lower-cased UUID in `value`; INVALID_ARGUMENT naming `field` otherwise.
std::string requireUuid(const std::string& value, const char* field);

// Error details of a refusal that lists items: details[prefix + "." + key] = value for the
// first kMaxDetails entries, the total in details["count"].
class DetailList {
public:
    static constexpr std::size_t kMaxDetails = 100;
    explicit DetailList(std::string prefix) : m_prefix(std::move(prefix)) {}
    void add(const std::string& key, const std::string& value) {
        if (m_count++ < kMaxDetails) m_details[m_prefix + "." + key] = value;
    }
    bool empty() const { return m_count == 0; }
    std::size_t size() const { return m_count; }
    std::map<std::string, std::string> take() {
        m_details["count"] = std::to_string(m_count);
        return std::move(m_details);
    }

private:
    std::string m_prefix;
    std::size_t m_count = 0;
    std::map<std::string, std::string> m_details;
};

// Role and ownership checks shared by catalog and seating writes. requireEditor: organizer
// or admin (returns true for an admin). requireEventOwner: locks the event row FOR UPDATE
// (NOT_FOUND, PERMISSION_DENIED unless the caller owns it or is an admin) and returns its
// organizer id.
bool requireEditor(const Principal& who);
std::int64_t requireEventOwner(pqxx::transaction_base& tx, const Principal& who, bool isAdmin,
                               const std::string& eventId);

// A finished step with `fill` applied to the answer envelope.
template <typename Fill>
ApiStep answered(Fill&& fill) {
    ApiStep step;
    step.answer.emplace();
    fill(*step.answer);
    return step;
}

// Service entry points (one file per area), called by Api::handle inside its error mapping.
// They throw ApiError for client errors and let pqxx exceptions through.
// Register and Login are step chains (see ApiStep): checks, then db and hashing steps.
ApiStep registerUser(const Api::Options& options, const RequestMeta& meta, const v1::RegisterRequest& request);
ApiStep login(const Api::Options& options, const RequestMeta& meta, const v1::LoginRequest& request);
v1::Ack logout(pqxx::connection& conn, const Principal& who);
std::optional<Principal> authenticate(pqxx::connection& conn, std::string_view bearerToken);
// The mail language of a Register/Login/Hello language field (auth_service.cpp), and storing
// it as the account's (a no-op when unchanged).
std::optional<std::string> mailLanguageOf(std::string_view tag);
void setMailLanguage(pqxx::transaction_base& tx, std::int64_t userId, const std::string& language);
// Hello's database step (hello_service.cpp): refuses a revoked device, records a signed-in
// client's UI language, reads the head. Throws ApiError like the service entry points.
v1::HelloOk hello(pqxx::connection& conn, const Principal& who, const v1::Hello& request);
std::int64_t createUser(pqxx::connection& conn, std::string_view email, std::string_view password, core::Role role,
                        std::string_view displayName);

v1::ChangeBatch pullChanges(pqxx::connection& conn, const Api::Options& options, const Principal& who,
                            const v1::PullChanges& request);
std::uint64_t head(pqxx::connection& conn);
FeedRange changesInRange(pqxx::connection& conn, std::uint64_t after, std::uint64_t upTo, std::size_t maxRows,
                         std::size_t maxBytes);

v1::Ack wishlistMutation(pqxx::connection& conn, const Principal& who, const v1::WishlistMutation& request);
v1::Ack upsertEvent(pqxx::connection& conn, const Principal& who, const v1::UpsertEvent& request);
v1::Ack deleteEvent(pqxx::connection& conn, const Principal& who, const v1::DeleteEvent& request);

// Seating (seating_service.cpp).
v1::Ack saveLayout(pqxx::connection& conn, const Principal& who, const v1::SaveLayout& request);
v1::SeatingLayout getLayout(pqxx::connection& conn, const Principal& who, const v1::GetLayout& request);
v1::Ack assignEventLayout(pqxx::connection& conn, const Principal& who, const v1::AssignEventLayout& request);
v1::Ack setSeatsBlocked(pqxx::connection& conn, const Principal& who, const v1::SetSeatsBlocked& request);
v1::SeatSnapshot subscribeSeats(pqxx::connection& conn, const Principal& who, const v1::SubscribeSeats& request);
SeatChangeRange seatChangesAfter(pqxx::connection& conn, const std::string& eventId, std::uint64_t after,
                                 std::size_t maxRows);
std::vector<std::pair<std::string, std::uint64_t>> seatStatusSeqs(pqxx::connection& conn,
                                                                  const std::vector<std::string>& eventIds);
std::size_t pruneSeatStatusLog(pqxx::connection& conn, std::chrono::seconds retention);
// A seat as people read it, the same on holds, order lines and tickets: "Stalls · A · 12"
// (the row label left out when empty).
std::string seatLabel(const core::seating::SeatIndex& index, std::uint32_t seatIndex);

// Booking holds (booking_service.cpp).
v1::HoldResult holdSeats(pqxx::connection& conn, const Principal& who, const v1::HoldSeats& request);
v1::HoldResult extendHold(pqxx::connection& conn, const Principal& who, const v1::ExtendHold& request);
v1::Ack releaseHold(pqxx::connection& conn, const Principal& who, const v1::ReleaseHold& request);
// Releases up to `maxHolds` lapsed holds (FOR UPDATE SKIP LOCKED: safe on every instance at
// once) and announces their seats; returns how many were released.
std::size_t sweepExpiredHolds(pqxx::connection& conn, std::size_t maxHolds);
// The two-int4 advisory-lock id of a seat (class db::lockkey::kSeatHoldClass): FNV-1a 32 over
// "<event id>/<seat id>".
std::int32_t seatHoldLockKey(std::string_view eventId, std::string_view seatId);
// A hold locked FOR UPDATE and live at the moment the lock was granted. The order saga
// confirms through this inside its confirming transaction: the sweeper skips a locked hold
// and ExtendHold waits for it, so a hold that lapsed is never confirmed and a confirmed hold is
// never swept. nullopt: gone or lapsed; PERMISSION_DENIED when it is another user's.
struct LiveHold {
    std::string holdId;
    std::string eventId;
};
std::optional<LiveHold> lockLiveHold(pqxx::transaction_base& tx, const Principal& who, const std::string& holdId);

// Stores `layout` (id, venue, version set; its lineage row exists) as a new immutable version
// and appends its change-log row; the background goes to its own column. Returns the stored
// encoding (SeatingLayout without background). SaveLayout and the demo data use it.
std::string insertLayoutVersion(pqxx::transaction_base& tx, const core::seating::Layout& layout, std::int64_t ownerId,
                                std::int64_t createdBy);

// A decoded layout version with its seat index (shared, immutable: versions never change).
struct LoadedLayout {
    std::string key;
    std::size_t encodedSize = 0;
    core::seating::Layout layout;
    core::seating::SeatIndex index;
};
// The stored version (layout_id, version; 0: newest), from a per-process cache; nullptr when
// it does not exist.
std::shared_ptr<const LoadedLayout> loadLayout(pqxx::transaction_base& tx, const std::string& layoutId,
                                               std::uint32_t version);
// The same for an exact version whose encoded size the caller read with its own query (the
// hold path reads it with the event's pin): no query when the cache has it.
std::shared_ptr<const LoadedLayout> loadLayoutVersion(pqxx::transaction_base& tx, const std::string& layoutId,
                                                      std::uint32_t version, std::size_t encodedSize);

// One seat's new status inside a status-changing transaction.
struct SeatStatusRow {
    std::uint32_t seatIndex = 0;
    std::uint8_t status = 0;        // core::seating::SeatStatus (never HeldByMe)
    std::int64_t holderUserId = 0;  // holds: who holds it (turned into HeldByMe for them)
};
// A general-admission area's counter after a change.
struct GaCounterRow {
    std::string areaId;
    std::uint32_t capacity = 0;
    std::uint32_t taken = 0;
};
// Records one seat-status change of an event inside the caller's transaction: one
// seat_status_changes row and its status-log rows (seats, general-admission counters), one
// statement. It takes no lock: the change gets its status_seq after commit, from a stamper
// (stampSeatChanges, or SubscribeSeats for the changes its snapshot shows), which numbers
// committed changes per event gap-free. Every seat-status writer (blocks, holds, the sweeper,
// sales) goes through it, after writing the claims the change describes (so two changes of one
// seat are numbered in the order they committed). Returns the change's id (not a status_seq).
// width 2 (bump 2) makes the seq skip one: every subscriber resubscribes (a layout move).
std::uint64_t recordSeatChanges(pqxx::transaction_base& tx, const std::string& eventId,
                                const std::vector<SeatStatusRow>& rows, std::uint64_t bump = 1);
std::uint64_t recordSeatChanges(pqxx::transaction_base& tx, const std::string& eventId,
                                const std::vector<SeatStatusRow>& rows, const std::vector<GaCounterRow>& areas,
                                std::uint8_t width = 1);
// Stamps the committed unstamped changes of up to `maxEvents` events (skipping events another
// stamper is stamping right now) and NOTIFYs "marquee_seats" per event; returns how many
// changes. Safe to run anywhere at any time; the SeatStamper leader runs it in a loop.
std::size_t stampSeatChanges(pqxx::connection& conn, std::size_t maxEvents);

// Waitlist (waitlist_service.cpp; the offer worker is waitlist/waitlist.hpp). Logged-in users
// only; an entry is its user's alone.
v1::WaitlistEntry joinWaitlist(pqxx::connection& conn, const Principal& who, const v1::JoinWaitlist& request);
v1::WaitlistEntry leaveWaitlist(pqxx::connection& conn, const Principal& who, const v1::LeaveWaitlist& request);
v1::WaitlistList listWaitlist(pqxx::connection& conn, const Principal& who, const v1::ListWaitlist& request);

// Search is open to anonymous connections (the public catalog). nowMs: the clock that "not
// yet over" and the date presets are resolved against.
v1::SearchResponse search(pqxx::connection& conn, const v1::SearchRequest& request, std::int64_t nowMs);
v1::SuggestResponse suggest(pqxx::connection& conn, const v1::SuggestRequest& request, std::int64_t nowMs);

// Ingest administration (admin only, PERMISSION_DENIED otherwise): thin wrappers over
// ingest/fetcher.hpp and ingest/ingest.hpp (the same functions as `marquee-server sources`).
void requireAdmin(const Principal& who);
v1::SourceList listIngestSources(pqxx::connection& conn, const Principal& who);
v1::SourceRunResult runIngestSource(pqxx::connection& conn, const Principal& who, const v1::RunSource& request);
v1::IngestRunList listIngestRuns(pqxx::connection& conn, const Principal& who, const v1::ListIngestRuns& request);
v1::QuarantineList listQuarantine(pqxx::connection& conn, const Principal& who, const v1::ListQuarantine& request);
v1::RetryResults retryQuarantined(pqxx::connection& conn, const Principal& who, const v1::RetryQuarantined& request);
v1::Ack setCategoryMapping(pqxx::connection& conn, const Principal& who, const v1::SetCategoryMapping& request);
v1::SourceList addIngestSource(pqxx::connection& conn, const Principal& who, const v1::AddSource& request);
v1::Ack setIngestSourcePaused(pqxx::connection& conn, const Principal& who, const v1::SetSourcePaused& request);
v1::CategoryMappingList listCategoryMappings(pqxx::connection& conn, const Principal& who,
                                             const v1::ListCategoryMappings& request);

// Orders (order_service.cpp; the saga itself is server/src/orders). CreateOrder and
// CancelOrder drive the order's saga inline (provider calls outside any transaction) before
// answering; CancelEvent leaves the per-order refunds to the saga runner.
// appendEventChange (catalog_service.cpp): the event's current row to the change log.
void appendEventChange(pqxx::transaction_base& tx, const std::string& eventId);
// deviceId: the connection's device (RequestMeta::deviceId), recorded as the order's device_id.
v1::Order createOrder(pqxx::connection& conn, const orders::PaymentRegistry& registry, const Principal& who,
                      const std::string& deviceId, const v1::CreateOrder& request);
v1::Order getOrder(pqxx::connection& conn, const Principal& who, const v1::GetOrder& request);
v1::OrderList listOrders(pqxx::connection& conn, const Principal& who, const v1::ListOrders& request);
v1::OrderList findOrders(pqxx::connection& conn, const Principal& who, const v1::FindOrders& request);
// deviceId: the connection's device, recorded on the refund (the end-of-day report's till).
v1::Order cancelOrder(pqxx::connection& conn, const orders::PaymentRegistry& registry, const Principal& who,
                      const std::string& deviceId, const v1::CancelOrder& request);
v1::Ack cancelEvent(pqxx::connection& conn, const Principal& who, const v1::CancelEvent& request);
v1::BookingRules setBookingRules(pqxx::connection& conn, const Principal& who, const v1::SetBookingRules& request);
v1::BookingRules getBookingRules(pqxx::connection& conn, const Principal& who, const v1::GetBookingRules& request);
v1::PaymentConfig getPaymentConfig(const orders::PaymentRegistry& registry, const Principal& who);

// Recommendations (recommend_service.cpp). recordServerSignal: a signal the server itself
// observed (wishlist changes, bookings), dropped when the user switched tracking off.
void recordServerSignal(pqxx::transaction_base& tx, std::int64_t userId, const std::string& eventId,
                        std::string_view signal);
v1::Ack recordSignals(pqxx::connection& conn, const Principal& who, const v1::RecordSignals& request, std::int64_t nowMs);
v1::RecommendationList getRecommendations(pqxx::connection& conn, const Principal& who,
                                          const v1::GetRecommendations& request, std::int64_t nowMs);
v1::RecommendationList getSimilarEvents(pqxx::connection& conn, const v1::GetSimilarEvents& request, std::int64_t nowMs);
v1::RecommendationList getTrending(pqxx::connection& conn, const v1::GetTrending& request, std::int64_t nowMs);
v1::RecommendationSettings getRecommendationSettings(pqxx::connection& conn, const Principal& who);
v1::RecommendationSettings setRecommendationSettings(pqxx::connection& conn, const Principal& who,
                                                     const v1::SetRecommendationSettings& request);
v1::Ack deleteMyHistory(pqxx::connection& conn, const Principal& who);

// Check-in at the doors (check_in_service.cpp; boxoffice.proto 170-175). Staff, organizers
// and admins on a connection with a device id. checkInsAfter: an event's check-in records and
// voided tickets after a WatchCheckIns cursor (one page), for the answer and the live feed.
v1::CheckInResult checkIn(pqxx::connection& conn, const Principal& who, const std::string& deviceId,
                          const v1::CheckIn& request);
v1::CheckInResults uploadCheckIns(pqxx::connection& conn, const Principal& who, const std::string& deviceId,
                                  const v1::UploadCheckIns& request);
v1::CheckInBatch watchCheckIns(pqxx::connection& conn, const Principal& who, const std::string& deviceId,
                               const v1::WatchCheckIns& request);
v1::CheckInBatch checkInsAfter(pqxx::transaction_base& tx, const std::string& eventId, std::uint64_t afterCursor);

} // namespace marquee::server::detail
