// Kiosk sale latency (issue 7 figure): the time from tapping "Pay by card" on the real kiosk
// widgets (offscreen) to the printed PDF tickets and receipt, p50 and p95 over repeated sales
// of 2 best-available seats at the real card terminal (payment sandbox) through the real
// server. Baseline in the same run: the same purchase through BookingService alone (no UI,
// no printing), from payByTerminal to the confirmed order with its tickets issued. Also the
// printing alone (tickets + receipt PDFs of one order) and the CPU time per sale of the client
// and of the server process, since the machine is shared and wall times are noisy. Offline
// variant: the server killed, a staffed kiosk sells cash from this device's lease (tap "Cash
// received" → printed PDFs), against OfflineSaleService::sell alone.
#include "kioskhelpers.h"

#include "booking/bookingservice.h"
#include "boxoffice/offlinesaleservice.h"
#include "services/clientsession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;
using marquee::testing::SandboxProcess;
using marquee::testing::TestServer;

namespace {

const QString kKioskAccount = QStringLiteral("kiosk-bench@example.org");

double selfCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// utime + stime of another process (/proc/<pid>/stat fields 14 and 15).
double processCpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QString text = QString::fromLatin1(file.readAll());
    const QStringList fields = text.mid(text.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
    if (fields.size() < 13)
        return 0;
    return (fields[11].toDouble() + fields[12].toDouble()) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed() : QStringLiteral("unknown");
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

struct Series {
    std::vector<double> ms;
    double clientCpu = 0;
    double serverCpu = 0;
};

void report(const char* name, const Series& s)
{
    const double n = static_cast<double>(std::max<std::size_t>(1, s.ms.size()));
    std::printf("%-34s n=%3zu  p50 %8.1f ms  p95 %8.1f ms  cpu/sale client %6.1f ms, server %6.1f ms\n", name,
                s.ms.size(), percentile(s.ms, 0.5), percentile(s.ms, 0.95), s.clientCpu * 1000 / n,
                s.serverCpu * 1000 / n);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption salesOption(QStringLiteral("sales"), QStringLiteral("Sales per variant."),
                                         QStringLiteral("n"), QStringLiteral("20"));
    parser.addOption(salesOption);
    parser.process(app);
    const int sales = std::max(1, parser.value(salesOption).toInt());

    SandboxProcess sandbox;
    TestServer server;
    QString error;
    if (!sandbox.start(&error) || !server.start(&error, terminalServerArgs(sandbox))
        || !server.createUser(kKioskAccount, kPassword, QStringLiteral("staff"))) {
        std::fprintf(stderr, "setup failed: %s\n%s\n", qPrintable(error), qPrintable(server.serverLog()));
        return 1;
    }
    QTemporaryDir dataDir;
    QTemporaryDir printDir;
    auto session = loggedInSession(dataDir.path(), server.wsUrl(), kKioskAccount);
    if (!session) {
        std::fprintf(stderr, "the kiosk account could not sign in\n");
        return 1;
    }
    BookingService* booking = session->booking();
    booking->requestPaymentConfig();
    if (!QTest::qWaitFor([&] { return booking->paymentConfig().has_value(); }, kTimeoutMs)) {
        std::fprintf(stderr, "no payment config\n");
        return 1;
    }
    std::printf("bench_kiosk: %d sales of 2 best-available seats per variant, card terminal (sandbox), load %s\n", sales,
                qPrintable(loadAverage()));

    // --- Kiosk: the real widgets, printing PDFs.
    const QString settingsPath = kiosk::KioskSettings::defaultPath(dataDir.path());
    kiosk::KioskSettings settings = kioskSettings(printDir.path(), kiosk::hashPin(QStringLiteral("2468")));
    auto window = std::make_unique<KioskWindow>(session.get(), settings, settingsPath);
    KioskWindow& kioskWindow = *window;
    kioskWindow.resize(1280, 800);
    kioskWindow.show();
    Series kioskSeries;
    QString eventId;
    OrderInfo lastOrder;
    for (int i = 0; i < sales; ++i) {
        if (!tapThroughToSummary(kioskWindow, 2)) {
            std::fprintf(stderr, "kiosk sale %d: could not hold seats\n", i);
            return 1;
        }
        eventId = booking->hold().eventId;
        QSignalSpy printed(&kioskWindow, &KioskWindow::printed);
        const double cpu0 = selfCpuSeconds();
        const double server0 = processCpuSeconds(server.processId());
        QElapsedTimer timer;
        timer.start();
        tap(kioskWindow.summaryScreen()->cardButton());
        if (printed.isEmpty() && !printed.wait(kTimeoutMs)) {
            std::fprintf(stderr, "kiosk sale %d: nothing printed (%s)\n", i, qPrintable(kioskWindow.processingScreen()->detailText()));
            return 1;
        }
        kioskSeries.ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        kioskSeries.clientCpu += selfCpuSeconds() - cpu0;
        kioskSeries.serverCpu += processCpuSeconds(server.processId()) - server0;
        if (!kioskWindow.lastTicketPrint().ok || !kioskWindow.lastReceiptPrint().ok) {
            std::fprintf(stderr, "kiosk sale %d: printing failed\n", i);
            return 1;
        }
        lastOrder = booking->order();
        tap(kioskWindow.doneScreen()->doneButton());
    }

    // --- Baseline: BookingService alone, the same event, seats and terminal; no UI, no printing.
    Series baseline;
    for (int i = 0; i < sales; ++i) {
        HoldRequest request;
        request.kind = HoldRequest::Kind::BestAvailable;
        request.eventId = eventId;
        request.count = 2;
        booking->reset();
        if (!booking->holdSeats(request)
            || !QTest::qWaitFor([&] { return booking->state() == BookingService::State::Held; }, kTimeoutMs)) {
            std::fprintf(stderr, "baseline sale %d: could not hold seats\n", i);
            return 1;
        }
        const double cpu0 = selfCpuSeconds();
        const double server0 = processCpuSeconds(server.processId());
        QElapsedTimer timer;
        timer.start();
        booking->payByTerminal(QStringLiteral("Kiosk customer"), kKioskAccount, settings.terminalId);
        const bool issued = QTest::qWaitFor(
            [&] {
                const OrderInfo order = booking->order();
                return booking->state() == BookingService::State::Confirmed && order.tickets.size() == 2;
            },
            kTimeoutMs);
        if (!issued) {
            std::fprintf(stderr, "baseline sale %d: not confirmed (%s)\n", i, qPrintable(booking->problemText()));
            return 1;
        }
        baseline.ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        baseline.clientCpu += selfCpuSeconds() - cpu0;
        baseline.serverCpu += processCpuSeconds(server.processId()) - server0;
    }
    booking->reset();

    // --- Printing alone: the tickets and the receipt of one order, as the kiosk prints them.
    Series printing;
    printing::PrintService printer(settings.print);
    for (int i = 0; i < sales; ++i) {
        const double cpu0 = selfCpuSeconds();
        QElapsedTimer timer;
        timer.start();
        const auto tickets = printer.printTickets(lastOrder);
        const auto receipt = printer.printReceipt(printing::receiptForOrder(lastOrder, {}));
        printing.ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        printing.clientCpu += selfCpuSeconds() - cpu0;
        if (!tickets.ok || !receipt.ok) {
            std::fprintf(stderr, "printing failed: %s %s\n", qPrintable(tickets.error), qPrintable(receipt.error));
            return 1;
        }
    }

    report("kiosk: tap pay -> printed PDFs", kioskSeries);
    report("baseline: BookingService only", baseline);
    report("printing only (tickets+receipt)", printing);
    std::printf("ratio kiosk/baseline p50: %.2f\n",
                percentile(kioskSeries.ms, 0.5) / std::max(0.001, percentile(baseline.ms, 0.5)));

    // --- Offline: the server is gone; a staffed kiosk sells cash from this device's lease.
    window.reset();
    const QStringList leased =
        installOfflineLease(*session, server, eventId, 4 * sales, core::tickets::generateKeyPair());
    if (leased.size() < 4 * sales) {
        std::fprintf(stderr, "could not lease %d seats for the offline variant\n", 4 * sales);
        return 1;
    }
    server.kill();
    if (!QTest::qWaitFor([&] { return !session->syncClient()->isConnected(); }, kTimeoutMs)) {
        std::fprintf(stderr, "the session did not notice the server was gone\n");
        return 1;
    }
    settings.staffedCash = true;
    window = std::make_unique<KioskWindow>(session.get(), settings, settingsPath);
    window->resize(1280, 800);
    window->show();
    Series offline;
    for (int i = 0; i < sales; ++i) {
        if (!tapThroughToSummary(*window, 2) || !enterCash(*window, QStringLiteral("500"))) {
            std::fprintf(stderr, "offline kiosk sale %d: could not reach the cash step\n", i);
            return 1;
        }
        QSignalSpy printed(window.get(), &KioskWindow::printed);
        const double cpu0 = selfCpuSeconds();
        QElapsedTimer timer;
        timer.start();
        tap(window->cashScreen()->confirmButton());
        if (printed.isEmpty() && !printed.wait(kTimeoutMs)) {
            std::fprintf(stderr, "offline kiosk sale %d: nothing printed (%s)\n", i,
                         qPrintable(window->processingScreen()->detailText()));
            return 1;
        }
        offline.ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        offline.clientCpu += selfCpuSeconds() - cpu0;
        tap(window->doneScreen()->doneButton());
    }
    // Baseline: OfflineSaleService::sell alone (the same SQLite transaction, no UI, no printing).
    Series offlineBaseline;
    for (int i = 0; i < sales; ++i) {
        OfflineSaleRequest request;
        request.eventId = eventId;
        request.seatIds = session->offlineSales()->pickSeats(eventId, 2);
        request.method = PaymentMethod::Cash;
        request.tenderedMinor = 50'000;
        request.buyerName = QStringLiteral("Kiosk customer");
        const double cpu0 = selfCpuSeconds();
        QElapsedTimer timer;
        timer.start();
        const OfflineSaleOutcome outcome = session->offlineSales()->sell(request);
        offlineBaseline.ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        offlineBaseline.clientCpu += selfCpuSeconds() - cpu0;
        if (!outcome.ok) {
            std::fprintf(stderr, "offline baseline sale %d: %s\n", i, qPrintable(outcome.error));
            return 1;
        }
    }
    report("offline kiosk: tap pay -> PDFs", offline);
    report("offline baseline: sell() only", offlineBaseline);
    std::printf("ratio offline kiosk/baseline p50: %.2f   pending offline sales: %d   load at end: %s\n",
                percentile(offline.ms, 0.5) / std::max(0.001, percentile(offlineBaseline.ms, 0.5)),
                session->offlineSales()->pendingCount(), qPrintable(loadAverage()));
    return 0;
}
