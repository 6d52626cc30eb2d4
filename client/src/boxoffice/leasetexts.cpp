// LeaseFigures and LeaseTexts (see leasetexts.h).
#include "boxoffice/leasetexts.h"

#include "boxoffice/leaseservice.h"
#include "models/eventformat.h"
#include "net/bookingcodec.h"

namespace marquee::client {

LeaseFigures LeaseFigures::of(const LeaseInfo& lease)
{
    LeaseFigures f;
    f.leased = static_cast<int>(lease.seats.size());
    f.available = lease.countIn(LeasedSeatState::Available);
    f.soldOffline = lease.countIn(LeasedSeatState::SoldOffline);
    f.confirmed = lease.countIn(LeasedSeatState::Sold);
    f.returned = lease.countIn(LeasedSeatState::Returned) + lease.countIn(LeasedSeatState::Returning);
    return f;
}

QString LeaseTexts::leaseChanged(const LeaseInfo& lease)
{
    return lease.status == LeaseStatus::Active
               ? tr("Lease ready: %n seat(s) can be sold offline.", "", lease.countIn(LeasedSeatState::Available))
               : tr("Lease closed: its unsold seats are back in general sale.");
}

QString LeaseTexts::summary(const LeaseService* leases, const QString& eventId)
{
    if (leases->activeLeases(eventId).isEmpty())
        return tr("This device has no lease for this event. Lease seats while online to keep selling when the "
                  "network drops.");
    return tr("%1 of %2 leased seats left for offline sales.").arg(leases->availableSeats(eventId)).arg(leases->leasedSeats(eventId));
}

QString LeaseTexts::rejectedSale(const OfflineSaleInfo& sale)
{
    const QString currency = decodeOrderPayload(sale.orderPayload).value_or(OrderInfo{}).currency;
    return tr("%1 · %2 · %3 — %4").arg(sale.orderCode, sale.buyerName, format::money(sale.totalMinor, currency), sale.reason);
}

} // namespace marquee::client
