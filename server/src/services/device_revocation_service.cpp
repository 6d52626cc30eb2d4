// Device revocation (ListDevices, RevokeDevice; boxoffice.proto; migration 0030;
// docs/boxoffice.md "Device revocation"): organizers and admins list the registered box-office
// devices and revoke a lost or stolen one. Revoking marks every key of the device revoked and
// publishes it again, returns its leases' unsold seats, and copies the tickets it sold and
// uploaded before the revocation into the door devices' catalog (revoked_key_tickets).
#include "services/boxoffice.hpp"

#include "db/lock_keys.hpp"
#include "marquee/core/validation.hpp"
#include "tickets/signing_keys.hpp"

namespace marquee::server::detail {

namespace {

constexpr std::size_t kMaxReasonBytes = 500;
constexpr std::size_t kMaxDeviceIdBytes = 200;

constexpr Statement kRevocation{"devices_revocation", "SELECT 1 FROM device_revocations WHERE device_id = $1"};
constexpr Statement kLockRevocation{"devices_lock_revocation", "SELECT pg_advisory_xact_lock($1, hashtext($2))"};
constexpr Statement kLockRevocationShared{"devices_lock_revocation_shared",
                                          "SELECT pg_advisory_xact_lock_shared($1, hashtext($2))"};

#define MQ_MS(expr) "coalesce((extract(epoch FROM " expr ") * 1000)::bigint, 0)"
// One row per device: its current key (the newest when every key was replaced), who
// registered it, the latest activity the server recorded, its leases and its revocation.
// $1: one device ('' for all); $2: include revoked devices.
constexpr Statement kDevices{
    "devices_list",
    "WITH current AS (SELECT DISTINCT ON (device_id) device_id, key_id, device_name, registered_by, created_at, "
    "valid_until FROM device_keys WHERE $1 = '' OR device_id = $1 "
    "ORDER BY device_id, (replaced_at IS NULL) DESC, created_at DESC) "
    "SELECT c.device_id, c.device_name, c.key_id, coalesce(c.registered_by, 0), coalesce(ru.display_name, ''), "
    MQ_MS("c.created_at") ", " MQ_MS("c.valid_until") ", "
    MQ_MS("greatest((SELECT max(issued_at) FROM device_keys k WHERE k.device_id = c.device_id), "
          "(SELECT max(created_at) FROM seat_leases l WHERE l.device_id = c.device_id), uploads.last_upload, "
          "(SELECT max(recorded_at) FROM check_ins ci WHERE ci.device_id = c.device_id))") ", "
    MQ_MS("uploads.last_upload") ", "
    "(SELECT count(*) FROM seat_leases l WHERE l.device_id = c.device_id), "
    "(SELECT count(*) FROM seat_leases l WHERE l.device_id = c.device_id AND l.status = 'active'), "
    "(SELECT count(*) FROM device_keys k WHERE k.device_id = c.device_id), "
    MQ_MS("r.revoked_at") ", coalesce(r.reason, ''), coalesce(r.revoked_by, 0), coalesce(bu.display_name, '') "
    "FROM current c LEFT JOIN users ru ON ru.id = c.registered_by "
    "LEFT JOIN device_revocations r ON r.device_id = c.device_id LEFT JOIN users bu ON bu.id = r.revoked_by "
    "LEFT JOIN LATERAL (SELECT max(o.created_at) AS last_upload FROM orders o WHERE o.device_id = c.device_id "
    "AND o.sold_by_user_id IS NOT NULL AND o.lease_id IS NOT NULL) uploads ON true "
    "WHERE $2 OR r.device_id IS NULL ORDER BY c.created_at DESC, c.device_id"};
#undef MQ_MS
// Every key of the device, locked: a RegisterDevice racing the revocation waits for it.
constexpr Statement kLockKeys{
    "devices_lock_keys", "SELECT key_id FROM device_keys WHERE device_id = $1 ORDER BY key_id FOR UPDATE"};
constexpr Statement kInsertRevocation{
    "devices_insert_revocation",
    "INSERT INTO device_revocations (device_id, revoked_by, reason) VALUES ($1, $2, $3) "
    "ON CONFLICT (device_id) DO NOTHING RETURNING 1"};
constexpr Statement kMarkKeysRevoked{
    "devices_mark_keys_revoked",
    "UPDATE device_keys SET revoked_at = now() WHERE device_id = $1 AND revoked_at IS NULL RETURNING key_id"};
// The device's confirmed, live tickets signed by its own keys (its uploaded offline sales),
// read through the box-office order index. Called after its leases are locked, so an upload in
// flight has committed (and is included) or will find the revocation.
#define MQ_CONFIRMED_TICKETS                                                                                           \
    "FROM orders o JOIN tickets t ON t.order_id = o.id JOIN device_keys d ON d.key_id = t.key_id "                   \
    "WHERE o.device_id = $1 AND o.sold_by_user_id IS NOT NULL AND d.device_id = $1 AND t.voided_at IS NULL "
constexpr Statement kConfirmedTicketEvents{
    "devices_confirmed_ticket_events",
    "SELECT DISTINCT t.event_id::text " MQ_CONFIRMED_TICKETS "ORDER BY 1"};
constexpr Statement kCatalogConfirmedTickets{
    "devices_catalog_confirmed_tickets",
    "INSERT INTO revoked_key_tickets (ticket_id, event_id, key_id, code_sha256, cursor) "
    "SELECT t.id, t.event_id, t.key_id, sha256(convert_to(t.code, 'UTF8')), nextval('check_in_cursor_seq') "
    MQ_CONFIRMED_TICKETS "AND t.event_id = $2::uuid ON CONFLICT (ticket_id) DO NOTHING"};
#undef MQ_CONFIRMED_TICKETS
constexpr Statement kLockCheckInEvent{"devices_lock_checkin_event", "SELECT pg_advisory_xact_lock($1, hashtext($2))"};
constexpr Statement kNotifyDoors{"devices_notify_doors", "SELECT pg_notify('marquee_checkins', $1::text || ':c')"};
// Every instance's revocation listener ends the device's open connections (delivered at commit).
constexpr Statement kNotifySessions{"devices_notify_sessions", "SELECT pg_notify('marquee_device_revoked', $1)"};

void requireDeviceManager(const Principal& who) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "log in first");
    // Admins only: box-office devices serve every organizer's events, so one organizer must not
    // see or revoke the tills and doors another organizer's sales depend on.
    if (who.role != core::Role::Admin) fail(v1::PERMISSION_DENIED, "only admins manage box-office devices");
}

v1::DeviceInfo deviceFromRow(const pqxx::row& r) {
    v1::DeviceInfo device;
    device.set_device_id(r[0].c_str());
    device.set_device_name(r[1].c_str());
    device.set_key_id(r[2].c_str());
    device.set_registered_by_user_id(r[3].as<std::int64_t>());
    device.set_registered_by_name(r[4].c_str());
    device.set_registered_at_ms(r[5].as<std::int64_t>());
    device.set_valid_until_ms(r[6].as<std::int64_t>());
    device.set_last_seen_ms(r[7].as<std::int64_t>());
    device.set_last_upload_ms(r[8].as<std::int64_t>());
    device.set_leases(r[9].as<std::uint32_t>());
    device.set_active_leases(r[10].as<std::uint32_t>());
    device.set_keys(r[11].as<std::uint32_t>());
    device.set_revoked_at_ms(r[12].as<std::int64_t>());
    device.set_revocation_reason(r[13].c_str());
    device.set_revoked_by_user_id(r[14].as<std::int64_t>());
    device.set_revoked_by_name(r[15].c_str());
    return device;
}

} // namespace

bool isDeviceRevoked(pqxx::transaction_base& tx, const std::string& deviceId) {
    return !exec(tx, kRevocation, deviceId).empty();
}

void refuseRevokedDevice(pqxx::transaction_base& tx, const std::string& deviceId) {
    if (isDeviceRevoked(tx, deviceId))
        fail(v1::FAILED_PRECONDITION, "this device was revoked by staff; it can no longer sell, lease or check in",
             {{"reason", "device_revoked"}});
}

void refuseRevokedDeviceLocked(pqxx::transaction_base& tx, const std::string& deviceId) {
    // Under the lock, a fresh statement: READ COMMITTED sees a revocation that committed while
    // this transaction waited.
    exec(tx, kLockRevocationShared, db::lockkey::kDeviceRevocationClass, deviceId);
    refuseRevokedDevice(tx, deviceId);
}

v1::DeviceList listDevices(pqxx::connection& conn, const Principal& who, const v1::ListDevices& request) {
    requireDeviceManager(who);
    pqxx::read_transaction tx(conn);
    v1::DeviceList list;
    for (const auto& row : exec(tx, kDevices, std::string(), request.include_revoked()))
        *list.add_devices() = deviceFromRow(row);
    return list;
}

v1::DeviceInfo revokeDevice(pqxx::connection& conn, const Principal& who, const v1::RevokeDevice& request) {
    requireDeviceManager(who);
    const auto& deviceId = request.device_id();
    if (deviceId.empty() || deviceId.size() > kMaxDeviceIdBytes || !core::isValidUtf8(deviceId))
        fail(v1::INVALID_ARGUMENT, "device_id must be 1 to 200 bytes of UTF-8", {{"field", "device_id"}});
    if (request.reason().empty() || request.reason().size() > kMaxReasonBytes || !core::isValidUtf8(request.reason()))
        fail(v1::INVALID_ARGUMENT, "say why the device is revoked (1 to 500 bytes of UTF-8)", {{"field", "reason"}});

    pqxx::work tx(conn);
    // First: check-ins of this device in flight commit before it, later ones find the revocation.
    exec(tx, kLockRevocation, db::lockkey::kDeviceRevocationClass, deviceId);
    if (exec(tx, kLockKeys, deviceId).empty())
        fail(v1::NOT_FOUND, "no device registered under this id", {{"device_id", deviceId}});
    std::uint32_t seatsReturned = 0;
    if (!exec(tx, kInsertRevocation, deviceId, who.userId, request.reason()).empty()) {
        for (const auto& row : exec(tx, kMarkKeysRevoked, deviceId))
            tickets::publishTicketKey(tx, row[0].as<std::string>());
        seatsReturned = returnDeviceLeases(tx, deviceId);
        for (const auto& row : exec(tx, kConfirmedTicketEvents, deviceId)) {
            const auto eventId = row[0].as<std::string>();
            // The event's check-in lock before its cursors, as every writer of its feed does.
            exec(tx, kLockCheckInEvent, db::lockkey::kCheckInEventClass, eventId);
            if (exec(tx, kCatalogConfirmedTickets, deviceId, eventId).affected_rows() > 0)
                exec(tx, kNotifyDoors, eventId);
        }
    }
    // Also when it was revoked before: a connection that outlived a listener outage ends now.
    exec(tx, kNotifySessions, deviceId);
    const auto rows = exec(tx, kDevices, deviceId, true);
    if (rows.empty()) throw std::logic_error("revokeDevice: the device vanished");
    auto device = deviceFromRow(rows[0]);
    device.set_seats_returned(seatsReturned);
    tx.commit();
    return device;
}

} // namespace marquee::server::detail
