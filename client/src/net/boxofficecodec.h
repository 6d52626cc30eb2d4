// Conversions between the box-office protobuf messages (boxoffice.proto) and the client's
// box-office records, plus the end-of-day report as plain Qt types.
#pragma once

#include "store/boxofficerecords.h"

#include <QList>
#include <QString>

namespace marquee::v1 {
class DayReport;
class DeviceCertificate;
class Lease;
class OfflineSaleResult;
} // namespace marquee::v1

namespace marquee::client {

// One payment method's figures in a day report row.
struct PaymentTotalsInfo {
    PaymentMethod method = PaymentMethod::Unspecified;
    quint32 sales = 0;
    qint64 salesMinor = 0;
    quint32 refunds = 0;
    qint64 refundsMinor = 0;
};

// One device and staff member in a day report.
struct DayReportRowInfo {
    QString deviceId;
    QString deviceName;
    qint64 staffUserId = 0;
    QString staffName;
    QList<PaymentTotalsInfo> totals;
    quint32 ticketsSold = 0;
    qint64 cashExpectedMinor = 0;
    bool cashCounted = false;
    qint64 cashCountedMinor = 0;
    qint64 cashDifferenceMinor = 0; // counted - expected
};

struct DayReportInfo {
    QString day; // "2026-11-21"
    QString timeZone;
    QString currency;
    QList<DayReportRowInfo> rows;
    qint64 generatedAtMs = 0;
    bool isValid() const { return !day.isEmpty(); }
};

LeaseInfo fromProto(const v1::Lease& lease);
// The certificate's fields on top of `key` (the key pair stays as stored).
DeviceKeyInfo withCertificate(DeviceKeyInfo key, const v1::DeviceCertificate& certificate);
OfflineSaleResultInfo fromProto(const v1::OfflineSaleResult& result);
DayReportInfo fromProto(const v1::DayReport& report);

} // namespace marquee::client

Q_DECLARE_METATYPE(marquee::client::DayReportInfo)
