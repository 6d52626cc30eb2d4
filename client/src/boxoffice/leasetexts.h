// What a lease holds, in the states staff must tell apart (to sell, sold offline and not yet
// uploaded, confirmed, returned), and the sentences about it: shared by the box office's
// LeasePanel and the kiosk's lease page so both say the same thing.
#pragma once

#include "store/boxofficerecords.h"

#include <QCoreApplication>
#include <QString>

namespace marquee::client {

class LeaseService;

struct LeaseFigures {
    int leased = 0;      // every seat the lease ever had
    int available = 0;   // can still be sold offline here
    int soldOffline = 0; // sold here, the sale not yet confirmed by the server
    int confirmed = 0;   // sold, and the server has the sale
    int returned = 0;    // back in general sale (or being returned right now)

    static LeaseFigures of(const LeaseInfo& lease);
};

class LeaseTexts {
    Q_DECLARE_TR_FUNCTIONS(LeaseTexts)
public:
    // After a lease request or a return: ready with N seats, or closed.
    static QString leaseChanged(const LeaseInfo& lease);
    // "6 of 10 leased seats left for offline sales." or that there is no lease.
    static QString summary(const LeaseService* leases, const QString& eventId);
    // One rejected offline sale, for staff to check with the buyer.
    static QString rejectedSale(const OfflineSaleInfo& sale);
};

} // namespace marquee::client
