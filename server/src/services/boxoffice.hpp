// The box office's service entry points (boxoffice.proto; docs/boxoffice.md): device
// certificates (device_service.cpp), seat leases (lease_service.cpp), offline sale upload
// (offline_sale_service.cpp), seat exchange (exchange_service.cpp) and the end-of-day report
// (day_report_service.cpp). Api::handle dispatches envelope 160-169 and 176-178 here.
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

v1::Lease leaseSeats(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::LeaseSeats& request);
v1::Lease returnLease(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::ReturnLease& request);
v1::LeaseList listLeases(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::ListLeases& request);
// Returns the unsold seats of up to `maxLeases` leases past their expiry (the event's start
// plus 6 hours) to general sale and closes them; FOR UPDATE SKIP LOCKED, so every instance's
// hold sweeper may run it. Returns how many leases were closed.
std::size_t sweepExpiredLeases(pqxx::connection& conn, std::size_t maxLeases);

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
