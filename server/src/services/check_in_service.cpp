// Check-in at the doors (boxoffice.proto CheckIn, UploadCheckIns, WatchCheckIns; migration
// 0025; docs/boxoffice.md "Check-in"): verify the code (server keys and certified device
// keys), then admit once per ticket under the event's check-in lock.
#include "services/boxoffice.hpp"

#include "db/lock_keys.hpp"
#include "marquee/core/tickets/ticket_trust.hpp"
#include "marquee/core/validation.hpp"
#include "marquee/protocol/ticket_conversions.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>

namespace marquee::server::detail {

namespace {

constexpr std::size_t kMaxGateBytes = 100;
constexpr int kMaxUploadCheckIns = 1000;
constexpr std::size_t kWatchPageRows = 5000;
// An offline clock this far ahead of the server's is refused: it would win every
// "earliest admission" comparison.
constexpr std::int64_t kMaxClockAheadMs = 24LL * 60 * 60 * 1000;

// Device keys also have a ticket_signing_keys row (without a secret): they are left out here and
// found through their published record below, certificate and revocation included.
constexpr Statement kServerKey{
    "checkin_server_key",
    "SELECT k.public_key, coalesce((extract(epoch FROM k.retired_at) * 1000)::bigint, 0) FROM ticket_signing_keys k "
    "WHERE k.key_id = $1 AND NOT EXISTS (SELECT 1 FROM device_keys d WHERE d.key_id = k.key_id)"};
// Device keys are trusted the way every client trusts them: through their published record
// (aggregate "ticket_key" with device_id and certificate, boxoffice.proto DeviceCertificate).
constexpr Statement kPublishedKey{
    "checkin_published_key",
    "SELECT payload FROM change_log WHERE aggregatetype = 'ticket_key' AND aggregateid = $1 AND type = 'upsert' "
    "ORDER BY id DESC LIMIT 1"};
constexpr Statement kEventTitle{"checkin_event_title", "SELECT title FROM events WHERE id = $1::uuid"};
constexpr Statement kLockEvent{"checkin_lock_event", "SELECT pg_advisory_xact_lock($1, hashtext($2))"};
constexpr Statement kStoredAnswer{
    "checkin_stored_answer",
    "SELECT request_hash = $3, answer FROM check_in_answers WHERE device_id = $1 AND idempotency_key = $2::uuid"};
constexpr Statement kStoreAnswer{
    "checkin_store_answer",
    "INSERT INTO check_in_answers (device_id, idempotency_key, request_hash, answer) VALUES ($1, $2::uuid, $3, $4)"};
// A revoked device key's ticket counts only when the server holds its confirmed sale: the
// uploaded ticket with exactly this code.
constexpr Statement kIssuedCode{"checkin_issued_code", "SELECT code = $2 FROM tickets WHERE id = $1::uuid"};
constexpr Statement kTicket{
    "checkin_ticket",
    "SELECT code, voided_at IS NOT NULL, label, holder_name FROM tickets WHERE id = $1::uuid"};

#define MARQUEE_SQL_CHECK_IN_COLUMNS                                                                                   \
    "c.id, c.cursor, c.ticket_id::text, c.event_id::text, c.device_id, c.gate, c.staff_user_id, "                    \
    "(extract(epoch FROM c.checked_in_at) * 1000)::bigint, c.offline, c.duplicate_flagged, c.counted, "             \
    "coalesce(t.label, ''), coalesce(t.holder_name, '')"

constexpr Statement kCountedAdmission{
    "checkin_counted",
    "SELECT " MARQUEE_SQL_CHECK_IN_COLUMNS " FROM check_ins c LEFT JOIN tickets t ON t.id = c.ticket_id "
    "WHERE c.ticket_id = $1::uuid AND c.counted"};
// $6 checked_in_at_ms: 0 for an online check-in (the server's clock, truncated to ms).
constexpr Statement kInsertCheckIn{
    "checkin_insert",
    "WITH ins AS (INSERT INTO check_ins (cursor, ticket_id, event_id, device_id, gate, staff_user_id, checked_in_at, "
    "offline, counted, duplicate_flagged, idempotency_key) VALUES (nextval('check_in_cursor_seq'), $1::uuid, "
    "$2::uuid, $3, $4, $5, coalesce(to_timestamp(NULLIF($6::bigint, 0) / 1000.0), date_trunc('milliseconds', now())), "
    "$6::bigint <> 0, $7, $8, $9::uuid) RETURNING *) "
    "SELECT " MARQUEE_SQL_CHECK_IN_COLUMNS " FROM ins c LEFT JOIN tickets t ON t.id = c.ticket_id"};
constexpr Statement kFlagDisplaced{
    "checkin_flag_displaced",
    "UPDATE check_ins SET counted = false, duplicate_flagged = true, cursor = nextval('check_in_cursor_seq') "
    "WHERE id = $1"};
constexpr Statement kNotify{"checkin_notify", "SELECT pg_notify('marquee_checkins', $1::text || ':c')"};

constexpr Statement kWatchRecords{
    "checkin_watch_records",
    "SELECT " MARQUEE_SQL_CHECK_IN_COLUMNS " FROM check_ins c LEFT JOIN tickets t ON t.id = c.ticket_id "
    "WHERE c.event_id = $1::uuid AND c.cursor > $2 ORDER BY c.cursor LIMIT $3"};
constexpr Statement kWatchVoids{
    "checkin_watch_voids",
    "SELECT ticket_id::text, cursor FROM ticket_void_feed WHERE event_id = $1::uuid AND cursor > $2 AND cursor <= $3 "
    "ORDER BY cursor"};
// Tickets voided before the void feed existed (or before any door watched): the whole set.
constexpr Statement kRevokedKeyCatalog{
    "checkin_revoked_key_catalog",
    "SELECT code_sha256, cursor FROM revoked_key_tickets WHERE event_id = $1::uuid AND cursor > $2 AND cursor <= $3 "
    "ORDER BY cursor"};
constexpr Statement kAllVoids{
    "checkin_all_voids", "SELECT id::text FROM tickets WHERE event_id = $1::uuid AND voided_at IS NOT NULL"};

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void requireDoorStaff(const Principal& who, const std::string& deviceId) {
    if (who.role != core::Role::Staff && who.role != core::Role::Organizer && who.role != core::Role::Admin)
        fail(v1::PERMISSION_DENIED, "check-in is for staff, organizers and admins");
    if (deviceId.empty())
        fail(v1::FAILED_PRECONDITION, "check-in needs a device: send device_id in Hello", {{"reason", "no_device_id"}});
}

std::string requireEvent(pqxx::transaction_base& tx, const std::string& eventId) {
    const auto id = requireUuid(eventId, "event_id");
    if (exec(tx, kEventTitle, id).empty()) fail(v1::NOT_FOUND, "no such event", {{"event_id", id}});
    return id;
}

void requireGate(const std::string& gate) {
    if (gate.size() > kMaxGateBytes || !core::isValidUtf8(gate) ||
        std::any_of(gate.begin(), gate.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        fail(v1::INVALID_ARGUMENT, "gate must be at most 100 bytes of text without control characters",
             {{"field", "gate"}});
}

v1::CheckInRecord recordFromRow(const pqxx::row& row) {
    v1::CheckInRecord record;
    record.set_check_in_id(row[0].as<std::uint64_t>());
    record.set_cursor(row[1].as<std::uint64_t>());
    record.set_ticket_id(row[2].c_str());
    record.set_event_id(row[3].c_str());
    record.set_device_id(row[4].c_str());
    record.set_gate(row[5].c_str());
    record.set_staff_user_id(row[6].as<std::int64_t>());
    record.set_checked_in_at_ms(row[7].as<std::int64_t>());
    record.set_offline(row[8].as<bool>());
    record.set_duplicate_flagged(row[9].as<bool>());
    record.set_counted(row[10].as<bool>());
    record.set_label(row[11].c_str());
    record.set_holder_name(row[12].c_str());
    return record;
}

// The key lookup verifyTrusted() asks: the server's own keys first, then published device keys.
std::optional<core::tickets::TrustedKey> findKey(pqxx::transaction_base& tx, std::string_view keyId) {
    const std::string id(keyId);
    if (const auto rows = exec(tx, kServerKey, id); !rows.empty()) {
        std::string publicKey;
        appendBytea(rows[0][0], publicKey);
        core::tickets::TrustedKey key;
        if (publicKey.size() != key.publicKey.size()) return std::nullopt;
        std::copy(publicKey.begin(), publicKey.end(), key.publicKey.begin());
        key.retiredAtMs = rows[0][1].as<std::int64_t>();
        return key;
    }
    const auto rows = exec(tx, kPublishedKey, id);
    if (rows.empty()) return std::nullopt;
    std::string payload;
    appendBytea(rows[0][0], payload);
    v1::TicketKey published;
    if (!published.ParseFromString(payload) || published.device_id().empty()) return std::nullopt;
    return protocol::trustedKey(published);
}

std::string invalidMessage(core::tickets::Trust trust) {
    switch (trust) {
    case core::tickets::Trust::Malformed: return "not a Marquee ticket code";
    case core::tickets::Trust::UnknownKey: return "signed by a key this server does not know";
    case core::tickets::Trust::BadSignature: return "the code was altered or forged";
    case core::tickets::Trust::AfterRetirement: return "dated after its signing key was retired";
    case core::tickets::Trust::UncertifiedDeviceKey: return "signed by a device key without a valid certificate";
    case core::tickets::Trust::AfterDeviceCertificate: return "issued after its device certificate ran out";
    case core::tickets::Trust::RevokedDeviceKey:
        return "signed by a revoked box-office device, and no confirmed sale of this ticket was uploaded before the "
               "revocation";
    case core::tickets::Trust::Valid: break;
    }
    return "not a valid ticket";
}

// One admission attempt: CheckIn (offlineAtMs empty) or one UploadCheckIns item.
struct Attempt {
    std::string key;
    std::string eventId;
    std::string code;
    std::string gate;
    std::optional<std::int64_t> offlineAtMs;
};

v1::CheckInResult resultOf(const Attempt& attempt, v1::CheckInOutcome outcome, std::string message) {
    v1::CheckInResult result;
    result.set_idempotency_key(attempt.key);
    result.set_outcome(outcome);
    result.set_message(std::move(message));
    return result;
}

// Online or offline and the device's clock are left out on purpose: a door whose CheckIn got
// no answer admits offline and uploads under the same key, and if the CheckIn did reach the
// server, the upload gets its stored answer instead of flagging the door's own admission.
std::string requestHash(const Attempt& attempt) {
    return sha256(attempt.eventId + '\n' + attempt.code + '\n' + attempt.gate);
}

// Checks the request's fields (ApiError on bad ones); the code itself is never an error.
void validate(Attempt& attempt) {
    requireIdempotencyKey(attempt.key);
    attempt.key = core::lowerAscii(attempt.key);
    attempt.eventId = requireUuid(attempt.eventId, "event_id");
    requireGate(attempt.gate);
    if (attempt.offlineAtMs && (*attempt.offlineAtMs <= 0 || *attempt.offlineAtMs > nowMs() + kMaxClockAheadMs))
        fail(v1::INVALID_ARGUMENT, "checked_in_at_ms must be a time no later than a day from now",
             {{"field", "checked_in_at_ms"}});
}

// Decides and records one attempt inside `tx` (the caller commits). The rule for several
// admissions of one ticket (docs/boxoffice.md): the earliest checked_in_at counts; every
// later one is kept, flagged for staff.
v1::CheckInResult admit(pqxx::transaction_base& tx, const Principal& who, const std::string& deviceId,
                        const Attempt& attempt, bool& notify) {
    if (exec(tx, kEventTitle, attempt.eventId).empty()) fail(v1::NOT_FOUND, "no such event", {{"event_id", attempt.eventId}});

    // Hostile codes (10 KB, NUL, emoji) end here: verifyTrusted refuses them unread or unverified.
    const auto verification = core::tickets::verifyTrusted(
        attempt.code, [&](std::string_view keyId) { return findKey(tx, keyId); },
        [&](std::string_view code, const core::tickets::TicketClaims& claims) {
            const auto rows = exec(tx, kIssuedCode, claims.ticketId, std::string(code));
            return !rows.empty() && rows[0][0].as<bool>();
        });
    if (!verification.valid())
        return resultOf(attempt, v1::CHECK_IN_INVALID, "Not a valid ticket: " + invalidMessage(verification.trust));
    const auto& claims = verification.claims;
    if (claims.eventId != attempt.eventId) {
        auto result = resultOf(attempt, v1::CHECK_IN_WRONG_EVENT, "Wrong event");
        result.set_ticket_id(claims.ticketId);
        result.set_ticket_event_id(claims.eventId);
        if (const auto rows = exec(tx, kEventTitle, claims.eventId); !rows.empty()) {
            result.set_ticket_event_title(rows[0][0].c_str());
            result.set_message("Wrong event: the ticket is for \"" + result.ticket_event_title() + "\"");
        }
        return result;
    }

    exec(tx, kLockEvent, db::lockkey::kCheckInEventClass, attempt.eventId);
    const auto hash = toBinary(requestHash(attempt));
    if (const auto stored = exec(tx, kStoredAnswer, deviceId, attempt.key, hash); !stored.empty()) {
        if (!stored[0][0].as<bool>())
            fail(v1::INVALID_ARGUMENT, "idempotency_key reused for a different check-in", {{"field", "idempotency_key"}});
        std::string bytes;
        appendBytea(stored[0][1], bytes);
        v1::CheckInResult replay;
        if (!replay.ParseFromString(bytes)) throw std::runtime_error("stored check-in answer is unreadable");
        replay.set_replayed(true);
        return replay;
    }

    const auto store = [&](v1::CheckInResult result) {
        exec(tx, kStoreAnswer, deviceId, attempt.key, hash, toBinary(result.SerializeAsString()));
        return result;
    };

    bool soldOffline = false;
    std::string code(attempt.code);
    code.erase(0, code.find_first_not_of(" \t\r\n"));
    code.erase(code.find_last_not_of(" \t\r\n") + 1);
    if (const auto ticket = exec(tx, kTicket, claims.ticketId); !ticket.empty()) {
        if (code != ticket[0][0].c_str())
            return resultOf(attempt, v1::CHECK_IN_INVALID, "Not a valid ticket: it does not match the issued ticket");
        if (ticket[0][1].as<bool>()) {
            auto result = resultOf(attempt, v1::CHECK_IN_VOID, "Void: the ticket was refunded or cancelled");
            result.set_ticket_id(claims.ticketId);
            return store(std::move(result));
        }
    } else if (verification.deviceKey) {
        soldOffline = true; // sold offline by that device; its sale is not uploaded yet
    } else {
        return resultOf(attempt, v1::CHECK_IN_INVALID, "Not a valid ticket: no such ticket was issued");
    }

    const auto counted = exec(tx, kCountedAdmission, claims.ticketId);
    const auto insert = [&](bool countedRow) {
        notify = true; // watching doors get the new row
        return recordFromRow(exec(tx, kInsertCheckIn, claims.ticketId, attempt.eventId, deviceId, attempt.gate,
                                  who.userId, attempt.offlineAtMs.value_or(0), countedRow, !countedRow,
                                  attempt.key)[0]);
    };
    v1::CheckInResult result;
    if (counted.empty()) {
        result = resultOf(attempt, v1::CHECK_IN_ADMITTED, "Admitted");
        *result.mutable_admitted() = insert(true);
    } else {
        const auto first = recordFromRow(counted[0]);
        if (!attempt.offlineAtMs) {
            // An online door refuses: nobody got in, nothing to record.
            result = resultOf(attempt, v1::CHECK_IN_ALREADY_ADMITTED, "Already admitted");
            *result.mutable_admitted() = first;
        } else if (first.checked_in_at_ms() <= *attempt.offlineAtMs) {
            const auto flagged = insert(false);
            result = resultOf(attempt, v1::CHECK_IN_ALREADY_ADMITTED,
                              "Already admitted earlier; this offline admission is flagged for staff");
            *result.mutable_admitted() = first;
            result.set_duplicate_flagged(true);
            result.set_check_in_id(flagged.check_in_id());
        } else {
            // This offline admission came first: it counts, the one that counted so far is flagged.
            exec(tx, kFlagDisplaced, first.check_in_id());
            result = resultOf(attempt, v1::CHECK_IN_ADMITTED,
                              "Admitted (earlier than the admission recorded so far, which is now flagged for staff)");
            *result.mutable_admitted() = insert(true);
        }
    }
    result.set_ticket_id(claims.ticketId);
    if (result.outcome() == v1::CHECK_IN_ADMITTED) result.set_check_in_id(result.admitted().check_in_id());
    if (soldOffline) {
        result.set_sold_offline(true);
        result.set_message(result.message() + " (sold offline by device " + verification.deviceId +
                           "; the sale is not uploaded yet)");
    }
    return store(std::move(result));
}

// One attempt in a transaction of its own, committed: CheckIn and each UploadCheckIns item. The
// device's revocation is checked inside it, under the revocation lock, so an item that commits
// after a revocation committed is impossible even in the middle of a long upload.
v1::CheckInResult admitAndCommit(pqxx::connection& conn, const Principal& who, const std::string& deviceId,
                                 const Attempt& attempt) {
    pqxx::work tx(conn);
    refuseRevokedDeviceLocked(tx, deviceId);
    bool notify = false;
    auto result = admit(tx, who, deviceId, attempt, notify);
    if (notify) exec(tx, kNotify, attempt.eventId);
    tx.commit();
    return result;
}

} // namespace

v1::CheckInResult checkIn(pqxx::connection& conn, const Principal& who, const std::string& deviceId,
                          const v1::CheckIn& request) {
    requireDoorStaff(who, deviceId);
    Attempt attempt{request.idempotency_key(), request.event_id(), request.ticket_code(), request.gate(), std::nullopt};
    validate(attempt);
    return admitAndCommit(conn, who, deviceId, attempt);
}

v1::CheckInResults uploadCheckIns(pqxx::connection& conn, const Principal& who, const std::string& deviceId,
                                  const v1::UploadCheckIns& request) {
    requireDoorStaff(who, deviceId);
    if (request.check_ins_size() > kMaxUploadCheckIns)
        fail(v1::INVALID_ARGUMENT, "at most 1,000 check-ins per upload", {{"field", "check_ins"}});
    std::vector<Attempt> attempts;
    for (const auto& item : request.check_ins()) {
        attempts.push_back({item.idempotency_key(), item.event_id(), item.ticket_code(), item.gate(),
                            item.checked_in_at_ms()});
        validate(attempts.back());
    }
    // One transaction per item: a replayed or refused item never holds back the others, and
    // each event's lock is held only for its own item. A revocation committed during the upload
    // fails the rest of it (device_revoked); the items before it stay admitted.
    v1::CheckInResults results;
    for (const auto& attempt : attempts) *results.add_results() = admitAndCommit(conn, who, deviceId, attempt);
    return results;
}

v1::CheckInBatch watchCheckIns(pqxx::connection& conn, const Principal& who, const std::string& deviceId,
                               const v1::WatchCheckIns& request) {
    requireDoorStaff(who, deviceId);
    pqxx::read_transaction tx(conn);
    refuseRevokedDevice(tx, deviceId);
    const auto eventId = requireEvent(tx, request.event_id());
    return checkInsAfter(tx, eventId, request.after_cursor());
}

v1::CheckInBatch checkInsAfter(pqxx::transaction_base& tx, const std::string& eventId, std::uint64_t afterCursor) {
    v1::CheckInBatch batch;
    batch.set_event_id(eventId);
    const auto rows = exec(tx, kWatchRecords, eventId, afterCursor, kWatchPageRows + 1);
    std::uint64_t cursor = afterCursor;
    for (const auto& row : rows) {
        if (static_cast<std::size_t>(batch.records_size()) == kWatchPageRows) {
            batch.set_has_more(true);
            break;
        }
        *batch.add_records() = recordFromRow(row);
        cursor = batch.records().rbegin()->cursor();
    }
    // Voids up to the last record when the page is full; all of them otherwise.
    const std::int64_t voidsUpTo =
        batch.has_more() ? static_cast<std::int64_t>(cursor) : std::numeric_limits<std::int64_t>::max();
    if (afterCursor == 0)
        for (const auto& row : exec(tx, kAllVoids, eventId)) batch.add_voided_ticket_ids(row[0].c_str());
    for (const auto& row : exec(tx, kWatchVoids, eventId, afterCursor, voidsUpTo)) {
        if (afterCursor != 0) batch.add_voided_ticket_ids(row[0].c_str());
        cursor = std::max(cursor, row[1].as<std::uint64_t>());
    }
    for (const auto& row : exec(tx, kRevokedKeyCatalog, eventId, afterCursor, voidsUpTo)) {
        std::string digest;
        appendBytea(row[0], digest);
        batch.add_confirmed_revoked_key_codes(std::move(digest));
        cursor = std::max(cursor, row[1].as<std::uint64_t>());
    }
    batch.set_cursor(cursor);
    return batch;
}

} // namespace marquee::server::detail
