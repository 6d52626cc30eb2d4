// The box office's service entry points (boxoffice.proto; docs/boxoffice.md): device
// certificates (device_service.cpp), seat leases (lease_service.cpp), offline sale upload
// (offline_sale_service.cpp), seat exchange (exchange_service.cpp) and the end-of-day report
// (day_report_service.cpp), device revocation (device_revocation_service.cpp). Api::handle
// dispatches envelope 160-169 and 176-182 here.
#pragma once

#include "marquee/v1/boxoffice.pb.h"
#include "services/api_internal.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace marquee::server::detail {

// Who calls a box-office request: a staff member, organizer or admin on a connection whose
// Hello named its device.
struct BoxOfficeCaller {
    Principal who;
    std::string deviceId;
    bool isAdmin() const { return who.role == core::Role::Admin; }
};
// UNAUTHENTICATED for anonymous connections, PERMISSION_DENIED for attendees,
// FAILED_PRECONDITION reason = no_device_id when the connection's Hello carried none.
BoxOfficeCaller requireBoxOffice(const Principal& who, const std::string& deviceId);

v1::DeviceCertificate registerDevice(pqxx::connection& conn, const BoxOfficeCaller& caller,
                                     const v1::RegisterDevice& request);

// Device revocation (organizers and admins): the registered devices, and revoking one for good
// (its keys published as revoked, its leases returned, its confirmed tickets catalogued for
// the doors). Every box-office and check-in request of a revoked device is refused:
// refuseRevokedDevice fails FAILED_PRECONDITION reason = device_revoked.
v1::DeviceList listDevices(pqxx::connection& conn, const Principal& who, const v1::ListDevices& request);
v1::DeviceInfo revokeDevice(pqxx::connection& conn, const Principal& who, const v1::RevokeDevice& request);
bool isDeviceRevoked(pqxx::transaction_base& tx, const std::string& deviceId);
void refuseRevokedDevice(pqxx::transaction_base& tx, const std::string& deviceId);
// refuseRevokedDevice that cannot miss a revocation in progress: it takes the device's
// revocation lock (db/lock_keys.hpp kDeviceRevocationClass) shared until `tx` ends, so a
// RevokeDevice committing meanwhile is waited for (and refused here), and one that starts later
// waits until `tx` has committed. For writes that must not commit after the revocation
// (check-ins: each one, online and uploaded).
void refuseRevokedDeviceLocked(pqxx::transaction_base& tx, const std::string& deviceId);

v1::Lease leaseSeats(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::LeaseSeats& request);
v1::Lease returnLease(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::ReturnLease& request);
v1::LeaseList listLeases(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::ListLeases& request);
// Returns the unsold seats of up to `maxLeases` leases past their expiry (the event's start
// plus 6 hours) to general sale and closes them; FOR UPDATE SKIP LOCKED, so every instance's
// hold sweeper may run it. Returns how many leases were closed.
std::size_t sweepExpiredLeases(pqxx::connection& conn, std::size_t maxLeases);
// Returns the unsold seats of every active lease of the device (locked FOR UPDATE, so uploads
// in flight finish first) and closes them, inside `tx`. Returns how many seats went back.
std::uint32_t returnDeviceLeases(pqxx::transaction_base& tx, const std::string& deviceId);

v1::OfflineSaleResults uploadOfflineSales(pqxx::connection& conn, const BoxOfficeCaller& caller,
                                          const v1::UploadOfflineSales& request);

// Counter operation: moves lines of a confirmed order to a live hold's seats, settling the
// price difference through `registry`'s providers.
v1::Order exchangeSeats(pqxx::connection& conn, const orders::PaymentRegistry& registry, const BoxOfficeCaller& caller,
                        const v1::ExchangeSeats& request);

// The end-of-day report for one local day (organizers: their events' sales only), and the cash
// the caller counted in this device's drawer (re-recording replaces it).
v1::DayReport getDayReport(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::GetDayReport& request);
v1::Ack recordCashCount(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::RecordCashCount& request);

} // namespace marquee::server::detail
