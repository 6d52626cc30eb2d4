// Cluster-wide PostgreSQL advisory-lock keys used by the server. Single-bigint keys live in
// their own key space (PostgreSQL keeps it apart from the two-int4 key space, which seat
// holds use), and all of ours start with 0x4D51 ("MQ") so other apps sharing a database
// are unlikely to collide.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace marquee::server::db::lockkey {

// FNV-1a 32 over the parts one after the other, as int32: the id half of the two-int4 keys
// below that are derived from text (stable across builds and instances).
inline std::int32_t fnv1a32(std::initializer_list<std::string_view> parts) {
    std::uint32_t hash = 2166136261U;
    for (const auto part : parts)
        for (const auto c : part) {
            hash ^= static_cast<std::uint8_t>(c);
            hash *= 16777619U;
        }
    return static_cast<std::int32_t>(hash);
}

// Session lock held while migrations run, so two instances starting together apply each
// migration once.
inline constexpr std::int64_t kMigrations = 0x4D51'0000'0000'0001;
// Session lock held by the sequencer leader for as long as its connection lives.
inline constexpr std::int64_t kSequencer = 0x4D51'0000'0000'0002;

// Session lock held by the one instance whose ingest scheduler runs due sources.
inline constexpr std::int64_t kIngestScheduler = 0x4D51'0000'0000'0003;
// Session lock held by the seat-status stamper leader (workers/seat_stamper). Only saves work:
// stamping itself is serialized per event by the event_seat_state row lock, not by this key.
inline constexpr std::int64_t kSeatStamper = 0x4D51'0000'0000'0004;

// Session lock held by the one instance that trains the recommendation model (any instance
// may take it; the others refresh their snapshot from the stored model).
inline constexpr std::int64_t kRecommendTrainer = 0x4D51'0000'0000'0010;
// Session lock taken for one pass of the wishlist alert and weekly digest worker
// (workers/wishlist_alert_worker) and released after it. Only saves work: a pass is safe on
// several instances at once (state and alert rows are locked; mails have dedup keys).
inline constexpr std::int64_t kWishlistAlerts = 0x4D51'0000'0000'0011;

// Two-int4 keys (class, id) for per-source ingest runs: (kIngestSourceClass, sources.id).
// A run of one source (fetch + ingest + schedule update, and each ingest transaction) holds
// it, so the CLI, the scheduler and other instances never interleave runs of one source.
inline constexpr std::int32_t kIngestSourceClass = 0x4D53; // "MS"

// Two-int4 class for seat holds: pg_try_advisory_xact_lock(kSeatHoldClass, key) with key =
// FNV-1a 32 over "<event id>/<seat id>" as int32 (detail::seatHoldLockKey), taken for every
// seat of a hold in ascending key order inside the hold's transaction, never waited for (a
// key not granted means the seat is being claimed right now: "taken"). A collision between
// two seats only costs a refusal: the unique (event_id, seat_id) on seat_claims is the guard.
// Organizer blocks take none: they insert with ON CONFLICT DO NOTHING and re-check.
inline constexpr std::int32_t kSeatHoldClass = 0x4D48; // "MH"

// Two-int4 class for driving one order's saga: pg_try_advisory_lock(kOrderSagaClass,
// hashtext(<order id>)), a SESSION lock held while a request or the saga runner drives the
// order (across provider calls, with no transaction open) and dropped with the connection if
// the process dies. Never waited for: an order someone else drives is skipped. A collision
// only delays the other order to the runner's next pass.
inline constexpr std::int32_t kOrderSagaClass = 0x4D4F; // "MO"

// Two-int4 class for the waitlist offer worker: pg_try_advisory_lock(kWaitlistEventClass, key),
// a session lock, key = FNV-1a 32 over the event id as int32 (waitlist::eventLockKey). Held
// while one worker offers an event's free seats to its queue (several transactions: each
// offer is a HoldSeats of its own), so workers on several instances take turns per event and
// never race each other down one queue; never waited for (another worker has the event: skip).
// The offer holds themselves take the seat-hold locks above like every hold.
inline constexpr std::int32_t kWaitlistEventClass = 0x4D57; // "MW"

// Two-int4 class for an event's check-in feed: pg_advisory_xact_lock(kCheckInEventClass,
// hashtext(<event id>)), waited for, held to commit by every writer of the event's check-in
// rows and of its ticket_void_feed rows (a trigger on tickets, migration 0025), taken before
// the writer draws a cursor: within one event cursors commit in ascending order, so the
// WatchCheckIns feed never passes a row that commits late. It also serializes the doors of
// one event (one short transaction per scan); the unique "one counted admission per
// ticket" index is the last guard.
inline constexpr std::int32_t kCheckInEventClass = 0x4D43; // "MC"

// Two-int4 class for a box-office device's revocation: (kDeviceRevocationClass,
// hashtext(<device id>)), transaction locks, waited for. RevokeDevice holds it exclusively from
// its start to its commit; a check-in (each CheckIn, each UploadCheckIns item) holds it shared
// from before it reads whether the device is revoked until it commits, so no admission by a
// device commits after its revocation did. Taken before any other lock of either transaction
// (the check-in event lock above comes after it), so it can't close a cycle. A collision of two
// devices' keys only makes one wait for the other's revocation.
inline constexpr std::int32_t kDeviceRevocationClass = 0x4D44; // "MD"

} // namespace marquee::server::db::lockkey
