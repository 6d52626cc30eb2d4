// Check-in validations per second OFFLINE (issue 7 figure) through the client's real path:
// CheckInService::checkOffline = signature check against the cached keys (LocalStore), the
// admitted-set and void lookups, and for an admission the SQLite record plus its outbox entry
// (one transaction, synchronous=FULL). Measured for first scans (admissions) and for repeat
// scans (already admitted, no write), beside the baseline of raw core::tickets::verifyTicket
// over the same codes in the same run. Wall and CPU time (getrusage) are both printed: the
// machine may be shared.
#include "checkin/checkinservice.h"
#include "marquee/core/tickets/ticket_code.hpp"
#include "store/localstore.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QVariant>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace marquee;
using namespace marquee::client;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Span {
    double wall = 0;
    double cpu = 0;
};

template <typename Body>
Span measure(Body&& body)
{
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    body();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), cpuSeconds() - cpuStart};
}

void report(const char* what, std::size_t count, const Span& span)
{
    std::printf("%-46s %8zu ops  %10.0f /s wall  %10.0f /s CPU  (%.3f ms CPU per op)\n", what, count,
                static_cast<double>(count) / span.wall, static_cast<double>(count) / span.cpu,
                span.cpu * 1000.0 / static_cast<double>(count));
}

QByteArray bytesOf(const auto& array)
{
    return QByteArray(reinterpret_cast<const char*>(array.data()), static_cast<qsizetype>(array.size()));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::size_t tickets = 2000;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--tickets") == 0)
            tickets = std::stoul(argv[i + 1]);

    QTemporaryDir dir;
    LocalStore store(dir.filePath(QStringLiteral("door.sqlite")));
    QString error;
    if (!store.open(&error)) {
        std::fprintf(stderr, "opening the store failed: %s\n", qPrintable(error));
        return 1;
    }

    // The keys a door holds: the server key and one certified box-office device key (a quarter
    // of the tickets were sold offline with it, so the certificate path is measured too).
    const auto serverKey = core::tickets::generateKeyPair();
    const auto deviceKey = core::tickets::generateKeyPair();
    const std::int64_t validUntil = 4'000'000'000'000;
    const auto certificate = core::tickets::signDeviceCertificate({"kiosk-1", deviceKey.publicKey, validUntil}, serverKey);
    QSqlQuery keys(store.database());
    keys.prepare(QStringLiteral("INSERT INTO ticket_keys(key_id, public_key, valid_from, retired_at, device_id, certified_by, "
                                "certificate, valid_until) VALUES (?,?,0,0,?,?,?,?)"));
    for (const auto& row : {QVariantList{QString::fromStdString(serverKey.keyId), bytesOf(serverKey.publicKey),
                                         QStringLiteral(""), QStringLiteral(""), QByteArray(""), 0},
                            QVariantList{QString::fromStdString(deviceKey.keyId), bytesOf(deviceKey.publicKey),
                                         QStringLiteral("kiosk-1"), QString::fromStdString(serverKey.keyId),
                                         bytesOf(certificate), QVariant::fromValue<qint64>(validUntil)}}) {
        for (const auto& value : row)
            keys.addBindValue(value);
        if (!keys.exec()) {
            std::fprintf(stderr, "storing the keys failed\n");
            return 1;
        }
    }

    const std::string eventId = "3f1d3c2a-5b6e-4c1d-9e8f-0a1b2c3d4e5f";
    std::vector<std::string> codes;
    std::vector<QString> qcodes;
    for (std::size_t i = 0; i < tickets; ++i) {
        const bool offlineSale = i % 4 == 3;
        const auto& key = offlineSale ? deviceKey : serverKey;
        const core::tickets::TicketClaims claims{QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(), eventId,
                                                 static_cast<std::uint32_t>(i + 1), 1'800'000'000'000, key.keyId};
        codes.push_back(core::tickets::signTicket(claims, key));
        qcodes.push_back(QString::fromStdString(codes.back()));
    }

    CheckInService service(&store, nullptr); // no connection: the offline path
    service.setDeviceId(QStringLiteral("door-bench"));
    service.setGate(QStringLiteral("North door"));
    service.setEvent(QString::fromStdString(eventId));

    std::printf("bench_checkin: %zu tickets (1 in 4 signed by a certified device key), SQLite at %s\n", tickets,
                qPrintable(store.path()));
    std::printf("sqlite synchronous=%s journal_mode=%s\n", qPrintable(store.pragma(QStringLiteral("synchronous"))),
                qPrintable(store.pragma(QStringLiteral("journal_mode"))));

    std::size_t valid = 0;
    const auto baseline = measure([&] {
        const auto findKey = [&](std::string_view keyId) -> std::optional<core::tickets::PublicKey> {
            if (keyId == serverKey.keyId)
                return serverKey.publicKey;
            if (keyId == deviceKey.keyId)
                return deviceKey.publicKey;
            return std::nullopt;
        };
        for (const auto& code : codes)
            valid += core::tickets::verifyTicket(code, findKey).verdict == core::tickets::Verdict::Valid ? 1U : 0U;
    });

    std::size_t admitted = 0;
    const auto admissions = measure([&] {
        for (const auto& code : qcodes)
            admitted += service.checkOffline(code).outcome == CheckInService::Outcome::Admitted ? 1U : 0U;
    });
    std::size_t repeats = 0;
    const auto duplicates = measure([&] {
        for (const auto& code : qcodes)
            repeats += service.checkOffline(code).outcome == CheckInService::Outcome::AlreadyAdmitted ? 1U : 0U;
    });

    if (valid != tickets || admitted != tickets || repeats != tickets || service.queuedCount() != static_cast<int>(tickets)) {
        std::fprintf(stderr, "wrong outcomes: valid %zu, admitted %zu, repeats %zu, queued %d of %zu\n", valid, admitted,
                     repeats, service.queuedCount(), tickets);
        return 1;
    }
    report("baseline: core::tickets::verifyTicket", tickets, baseline);
    report("offline check-in, first scan (admit + record)", tickets, admissions);
    report("offline check-in, repeat scan (already admitted)", tickets, duplicates);
    std::printf("ratio to baseline (CPU): admit %.2f, repeat %.2f\n", admissions.cpu / baseline.cpu,
                duplicates.cpu / baseline.cpu);
    std::printf("load average at the end: ");
    if (FILE* load = std::fopen("/proc/loadavg", "r")) {
        char line[128] = {};
        if (std::fgets(line, sizeof line, load))
            std::printf("%s", line);
        std::fclose(load);
    }
    std::printf("\n");
    return 0;
}
