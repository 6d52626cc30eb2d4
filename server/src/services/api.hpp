// The database-backed request API: one entry point the network layer calls for every
// request except Hello. Runs on a db::Pool worker thread with that worker's connection.
#pragma once

#include "marquee/core/login_throttle.hpp"
#include "marquee/v1/boxoffice.pb.h"
#include "marquee/v1/envelope.pb.h"
#include "services/principal.hpp"

#include <pqxx/pqxx>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marquee::server {

namespace orders {
class PaymentRegistry;
} // namespace orders

// A stamped change with its audience, for live fan-out.
struct FeedChange {
    v1::Change change;
    std::int64_t scopeUserId = 0; // 0: public; otherwise only that user's connections see it
};

// A range of stamped changes for fan-out. tooLarge: the range exceeded the fan-out limits and
// `changes` is empty; the hub then pushes an empty batch that starts at the range's end, and
// every client behind it pulls the range in bounded pages instead (protocol rule: a push
// whose from_cursor is past the client's cursor means "pull").
struct FeedRange {
    std::vector<FeedChange> changes;
    bool tooLarge = false;
};

// One committed seat-status change of an event (every log row of one status_seq), for the
// live seat feed. `delta` shows holds as Held; holders[i] is who holds delta.seat_index[i]
// (0: nobody), so the feed can show HeldByMe to that user alone.
struct SeatChange {
    v1::SeatDelta delta;
    std::vector<std::int64_t> holders;
};
// An event's changes after a status_seq. current: the event's status_seq now (may be ahead of
// the last change when rows were pruned or a layout change forced a resubscribe);
// truncated: more rows follow, read again after the last change.
struct SeatChangeRange {
    std::uint64_t current = 0;
    std::vector<SeatChange> changes;
    bool truncated = false;
};

// The most rows one PullChanges answer holds: the default when the client asks for 0, and the cap.
inline constexpr std::uint32_t kPullLimitCap = 5000;

// One step of a request. Either the answer, or the next piece of work: on a db worker (`db`)
// or on the password hasher (`cpu`, Argon2id, no connection held). Register and Login take
// several steps; everything else one db step.
struct ApiStep {
    std::optional<v1::Envelope> answer;
    std::function<ApiStep(pqxx::connection&)> db;
    std::function<ApiStep()> cpu;
};

class Api {
public:
    struct Options {
        std::uint32_t pullLimitCap = kPullLimitCap;
        // A pull answer stops after the row that takes it past this many payload bytes (it
        // always holds at least one row), so a page stays far below the client's 64 MiB cap.
        std::size_t pullByteBudget = 4 * 1024 * 1024;
        // A live push carries at most this many rows and pullByteBudget payload bytes; a
        // larger range (a bulk load, an ingest, compaction moving rows) makes clients pull.
        std::size_t fanOutRowCap = 2000;
        core::LoginThrottlePolicy throttle;
        // Registrations per address: every attempt counts, successful or not.
        core::LoginThrottlePolicy registrationThrottle{20, 1000, 15 * 60 * 1000, 60 * 60 * 1000};
        std::chrono::hours sessionLifetime{24 * 30};
        // Payment providers by method (orders/payment_registry.hpp); null: cash only.
        std::shared_ptr<orders::PaymentRegistry> payments;
    };

    Api();
    explicit Api(Options options);

    // Validates a bearer token from the WebSocket upgrade. nullopt: unknown, expired, revoked or
    // malformed (never throws for a bad token). Throws pqxx::broken_connection / pqxx::failure
    // when the database cannot answer: reply 503 then, not 401.
    std::optional<Principal> authenticate(pqxx::connection& conn, std::string_view bearerToken);

    // Handles one request on the calling thread (hashing included). Never throws: failures
    // come back as an Envelope with an Error body (no SQL text reaches the client). The
    // request_id is echoed.
    v1::Envelope handle(pqxx::connection& conn, const Principal& who, const RequestMeta& meta,
                        const v1::Envelope& request);

    // The same request as steps, for callers that run db and hashing work on different
    // executors. begin() needs no connection; runDb/runCpu run one step with the error
    // mapping of handle(). None of them throws. A finished answer echoes the request_id.
    ApiStep begin(const Principal& who, const RequestMeta& meta, const v1::Envelope& request);
    ApiStep runDb(pqxx::connection& conn, const v1::Envelope& request,
                  const std::function<ApiStep(pqxx::connection&)>& step);
    ApiStep runCpu(const v1::Envelope& request, const std::function<ApiStep()>& step);

    // Stamped changes with after < seq <= upTo, every scope, in seq order (for fan-out).
    FeedRange changesInRange(pqxx::connection& conn, std::uint64_t after, std::uint64_t upTo);
    // Newest stamped seq (0 when the log is empty).
    std::uint64_t head(pqxx::connection& conn);
    // The answer to a Hello (its form already checked by the connection): HelloOk, or an Error
    // with handle()'s mapping (a malformed language; FAILED_PRECONDITION reason = device_revoked
    // for a revoked box-office device, after which the connection closes). Never throws.
    v1::Envelope hello(pqxx::connection& conn, const Principal& who, const v1::Envelope& request);

    // Live seat feed (net/seat_feed): an event's changes after `after`, at most about
    // `maxRows` log rows (always whole status_seq groups); the current status_seq of events
    // (events without a seat map are left out); and the pruning of old status-log rows
    // (never an event's newest group). The first two throw on database errors.
    SeatChangeRange seatChangesAfter(pqxx::connection& conn, const std::string& eventId, std::uint64_t after,
                                     std::size_t maxRows = 50'000);
    std::vector<std::pair<std::string, std::uint64_t>> seatStatusSeqs(pqxx::connection& conn,
                                                                      const std::vector<std::string>& eventIds);
    std::size_t pruneSeatStatusLog(pqxx::connection& conn, std::chrono::seconds retention);
    // Numbers committed seat-status changes (workers/seat_stamper; tests and tools may call it
    // any time): up to `maxEvents` events per call; returns how many changes it stamped.
    std::size_t stampSeatChanges(pqxx::connection& conn, std::size_t maxEvents = 1000);

    // The hold sweeper (a workers/periodic_worker): releases up to `maxHolds` lapsed holds and
    // announces their seats; safe to run on every instance at once. Throws on database errors.
    std::size_t sweepExpiredHolds(pqxx::connection& conn, std::size_t maxHolds = 500);
    // The same for box-office seat leases past their expiry (the event's start plus 6 hours):
    // their unsold seats go back on sale (the hold sweeper runs both). Returns leases closed.
    std::size_t sweepExpiredLeases(pqxx::connection& conn, std::size_t maxLeases = 100);

    // The live check-in feed (net/check_in_feed): an event's check-in records and voided
    // tickets after `after` (one page; has_more says when another follows). Throws on
    // database errors.
    v1::CheckInBatch checkInsAfter(pqxx::connection& conn, const std::string& eventId, std::uint64_t after);

    // Account administration for the CLI (`create-user`): the checks and hashing of
    // RegisterRequest, any role. Throws std::invalid_argument with a clear message on bad
    // input or an existing e-mail.
    std::int64_t createUser(pqxx::connection& conn, std::string_view email, std::string_view password,
                            core::Role role);

private:
    ApiStep finish(const v1::Envelope& request, v1::Envelope answer) const;

    Options m_options;
};

} // namespace marquee::server
