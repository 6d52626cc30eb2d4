// Reconciliation of offline sales (issue 7 figure): a box-office device leases N seats through
// the real marquee-server over WebSockets, sells them offline (one sale per seat, tickets
// signed with its certified key; not timed: the device does that while offline), then on
// "reconnect" uploads the N sales in batches and returns the lease. Timed: the upload and the
// return. The baseline, in the same run against the same server and database: N online cash
// sales at the counter (HoldSeats + CreateOrder each, the walk-up path). Both report wall time
// and the CPU the server process and PostgreSQL's backends used, since the machine is shared.
// Afterwards SQL checks every seat is sold exactly once.
#include "bench_arena.hpp"
#include "bench_process.hpp"
#include "test_uuid.hpp"
#include "test_server.hpp"
#include "ws_test_client.hpp"

#include "marquee/core/tickets/ticket_code.hpp"
#include "marquee/v1/boxoffice.pb.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <pqxx/pqxx>

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <random>


using namespace marquee;
using Clock = std::chrono::steady_clock;
namespace codes = core::tickets;
using bench::cpuSeconds;
using bench::loadAverage;
using bench::postmasterPid;

namespace {

std::string uuidFor(int kind, int n) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "00000000-0000-4%03d-8000-%012d", kind, n);
    return buffer;
}

std::string randomUuid(std::mt19937_64& random) {
    std::array<std::uint8_t, 16> b{};
    for (auto& byte : b) byte = static_cast<std::uint8_t>(random() & 0xff);
    return test::uuidV4(b);
}

// What one timed phase cost: wall clock, and CPU of the server and of PostgreSQL.
struct Cost {
    double wallSeconds = 0;
    double serverCpu = 0;
    double postgresCpu = 0;
};

class Meter {
public:
    Meter(qint64 serverPid, qint64 postgresPid) : m_serverPid(serverPid), m_postgresPid(postgresPid) {
        m_server = cpuSeconds(m_serverPid);
        m_postgres = cpuSeconds(m_postgresPid, true);
        m_start = Clock::now();
    }
    Cost stop() const {
        Cost cost;
        cost.wallSeconds = std::chrono::duration<double>(Clock::now() - m_start).count();
        cost.serverCpu = cpuSeconds(m_serverPid) - m_server;
        cost.postgresCpu = cpuSeconds(m_postgresPid, true) - m_postgres;
        return cost;
    }

private:
    qint64 m_serverPid;
    qint64 m_postgresPid;
    double m_server = 0;
    double m_postgres = 0;
    Clock::time_point m_start;
};

int fail(const std::string& what) {
    std::fprintf(stderr, "bench_reconcile: %s\n", what.c_str());
    return 1;
}

std::string describe(const std::optional<v1::Envelope>& answer) {
    if (!answer) return "no answer";
    if (answer->has_error()) return answer->error().message();
    return "unexpected answer";
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sales"), QStringLiteral("offline sales (= leased seats) and online baseline sales"),
                      QStringLiteral("n"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("batch"), QStringLiteral("sales per UploadOfflineSales"), QStringLiteral("n"),
                      QStringLiteral("100")});
    parser.process(app);
    const int sales = parser.value(QStringLiteral("sales")).toInt();
    const int batch = parser.value(QStringLiteral("batch")).toInt();
    if (sales < 1 || batch < 1 || batch > 500) return fail("need sales >= 1 and batch 1..500");
    if (sodium_init() < 0) return fail("libsodium did not initialise");

    testing::TestServer server;
    QString error;
    if (!server.start(&error, {QStringLiteral("--rate-limit"), QStringLiteral("1000000"), QStringLiteral("--rate-burst"),
                               QStringLiteral("1000000")}))
        return fail("server did not start: " + error.toStdString());
    pqxx::connection conn(server.databaseUrl().toStdString());

    // One event with 2N seats (rows of 100): N for the lease, N for the online baseline.
    server::Api api;
    const auto arena = bench::arenaEvent(api, conn, 2 * sales);
    if (!arena.error.empty()) return fail(arena.error);
    const auto& eventId = arena.eventId;
    auto seatIds = arena.seatIds;
    seatIds.resize(static_cast<std::size_t>(2 * sales));

    // The staff member's session, written directly (a login would time Argon2id).
    std::string token;
    {
        pqxx::work tx(conn);
        const auto id = tx.exec_params1("INSERT INTO users (email, password_hash, role) VALUES ('till@example.org', 'x', "
                                        "'staff') RETURNING id")[0]
                            .as<std::int64_t>();
        std::mt19937_64 random(11);
        token = bench::insertSession(tx, id, random);
        tx.commit();
    }
    test::WsClient device;
    if (!device.connect(server.port(), token) || !device.hello(1, "bench-till")) return fail("the device could not connect");
    const auto key = codes::generateKeyPair();
    {
        v1::Envelope request;
        request.mutable_register_device()->set_public_key(
            std::string(reinterpret_cast<const char*>(key.publicKey.data()), key.publicKey.size()));
        request.mutable_register_device()->set_device_name("Bench till");
        const auto answer = device.call(request);
        if (!answer || !answer->has_device_certificate()) return fail("RegisterDevice: " + describe(answer));
    }
    const auto serverPid = server.processId();
    const auto postgresPid = postmasterPid();

    // Lease N seats (up to 500 per request).
    std::vector<v1::Lease> leases;
    const Meter leaseMeter(serverPid, postgresPid);
    for (int from = 0; from < sales; from += 500) {
        v1::Envelope request;
        request.mutable_lease_seats()->set_idempotency_key(uuidFor(2, from));
        request.mutable_lease_seats()->set_event_id(eventId);
        for (int i = from; i < std::min(sales, from + 500); ++i)
            request.mutable_lease_seats()->mutable_seats()->add_ids(seatIds[static_cast<std::size_t>(i)]);
        const auto answer = device.call(request);
        if (!answer || !answer->has_lease()) return fail("LeaseSeats: " + describe(answer));
        leases.push_back(answer->lease());
    }
    const auto leaseCost = leaseMeter.stop();

    // Offline: one cash sale per leased seat, tickets signed by the device (not timed).
    std::mt19937_64 random(29);
    std::vector<v1::OfflineSale> offline;
    const auto nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    for (const auto& lease : leases)
        for (const auto& seat : lease.seats()) {
            v1::OfflineSale sale;
            sale.set_idempotency_key(randomUuid(random));
            sale.set_lease_id(lease.id());
            sale.set_order_id(randomUuid(random));
            static constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTWXYZ";
            std::string code = "MQ-O";
            for (int c = 0; c < 6; ++c) code += kAlphabet[random() % 29];
            sale.set_order_code(code);
            *sale.add_lines() = seat.line();
            sale.mutable_lines(0)->set_line_no(1);
            codes::TicketClaims claims{randomUuid(random), eventId, 1, nowMs, key.keyId};
            auto* ticket = sale.add_tickets();
            ticket->set_id(claims.ticketId);
            ticket->set_line_no(1);
            ticket->set_seat_id(seat.seat_id());
            ticket->set_code(codes::signTicket(claims, key));
            sale.set_method(v1::PAYMENT_CASH);
            sale.mutable_payment()->set_amount_minor(seat.line().total_minor());
            sale.mutable_payment()->set_tendered_minor(seat.line().total_minor());
            sale.set_buyer_name("Door sale");
            sale.set_sold_at_ms(nowMs);
            offline.push_back(std::move(sale));
        }

    // Reconnect: upload every sale, then return the leases. Timed.
    int confirmed = 0;
    const Meter reconcileMeter(serverPid, postgresPid);
    for (std::size_t from = 0; from < offline.size(); from += static_cast<std::size_t>(batch)) {
        v1::Envelope request;
        for (std::size_t i = from; i < std::min(offline.size(), from + static_cast<std::size_t>(batch)); ++i)
            *request.mutable_upload_offline_sales()->add_sales() = offline[i];
        const auto answer = device.call(request);
        if (!answer || !answer->has_offline_sale_results()) return fail("UploadOfflineSales: " + describe(answer));
        for (const auto& result : answer->offline_sale_results().results()) {
            if (result.outcome() != v1::OFFLINE_SALE_CONFIRMED)
                return fail("a sale was rejected: " + result.reason() + " " + result.message());
            ++confirmed;
        }
    }
    for (const auto& lease : leases) {
        v1::Envelope request;
        request.mutable_return_lease()->set_idempotency_key(uuidFor(3, static_cast<int>(&lease - leases.data())));
        request.mutable_return_lease()->set_lease_id(lease.id());
        const auto answer = device.call(request);
        if (!answer || !answer->has_lease()) return fail("ReturnLease: " + describe(answer));
    }
    const auto reconcileCost = reconcileMeter.stop();

    // Baseline: the same number of online walk-up cash sales (HoldSeats + CreateOrder).
    const Meter onlineMeter(serverPid, postgresPid);
    for (int i = 0; i < sales; ++i) {
        v1::Envelope hold;
        hold.mutable_hold_seats()->set_idempotency_key(uuidFor(4, i));
        hold.mutable_hold_seats()->set_event_id(eventId);
        hold.mutable_hold_seats()->mutable_seats()->add_ids(seatIds[static_cast<std::size_t>(sales + i)]);
        const auto held = device.call(hold);
        if (!held || !held->has_hold_result()) return fail("HoldSeats: " + describe(held));
        v1::Envelope create;
        auto* c = create.mutable_create_order();
        c->set_idempotency_key(uuidFor(5, i));
        c->set_hold_id(held->hold_result().hold_id());
        c->set_buyer_name("Door sale");
        c->set_buyer_email("door@example.org");
        c->set_method(v1::PAYMENT_CASH);
        c->set_cash_tendered_minor(100'000);
        const auto order = device.call(create);
        if (!order || !order->has_order() || order->order().status() != v1::ORDER_CONFIRMED)
            return fail("CreateOrder: " + describe(order));
    }
    const auto onlineCost = onlineMeter.stop();

    // Every seat sold exactly once, one ticket each.
    const auto scalar = [&](const std::string& sql) { return test::scalar(conn, sql); };
    const auto soldSeats = scalar("SELECT count(*) FROM seat_claims WHERE kind = 'sold'");
    const auto distinctSeats = scalar("SELECT count(DISTINCT seat_id) FROM seat_claims");
    const auto liveTickets = scalar("SELECT count(*) FROM tickets WHERE voided_at IS NULL");
    const auto leftLeased = scalar("SELECT count(*) FROM seat_claims WHERE kind = 'leased'");

    const auto perSale = [&](const Cost& cost) { return 1000.0 * cost.wallSeconds / sales; };
    std::printf("bench_reconcile: %d offline sales in batches of %d; load average before the run: %s\n", sales, batch,
                loadAverage().c_str());
    std::printf("  lease %d seats (%zu requests):        %8.2f s wall, server CPU %6.2f s, PostgreSQL CPU %6.2f s\n",
                sales, leases.size(), leaseCost.wallSeconds, leaseCost.serverCpu, leaseCost.postgresCpu);
    std::printf("  reconciliation (upload + return):    %8.2f s wall (%6.2f ms/sale), server CPU %6.2f s, "
                "PostgreSQL CPU %6.2f s\n",
                reconcileCost.wallSeconds, perSale(reconcileCost), reconcileCost.serverCpu, reconcileCost.postgresCpu);
    std::printf("  baseline: %d online cash sales:    %8.2f s wall (%6.2f ms/sale), server CPU %6.2f s, "
                "PostgreSQL CPU %6.2f s\n",
                sales, onlineCost.wallSeconds, perSale(onlineCost), onlineCost.serverCpu, onlineCost.postgresCpu);
    std::printf("  reconciliation / baseline: wall %.2f, server+PostgreSQL CPU %.2f\n",
                reconcileCost.wallSeconds / onlineCost.wallSeconds,
                (reconcileCost.serverCpu + reconcileCost.postgresCpu) /
                    std::max(1e-9, onlineCost.serverCpu + onlineCost.postgresCpu));
    std::printf("  checks: %d confirmed, %lld seats sold (%lld distinct claimed), %lld live tickets, %lld still leased; "
                "load average after: %s\n",
                confirmed, static_cast<long long>(soldSeats), static_cast<long long>(distinctSeats),
                static_cast<long long>(liveTickets), static_cast<long long>(leftLeased), loadAverage().c_str());
    const bool ok = confirmed == sales && soldSeats == 2 * sales && distinctSeats == 2 * sales &&
                    liveTickets == 2 * sales && leftLeased == 0;
    if (!ok) return fail("the checks failed: a seat was not sold exactly once");
    return 0;
}
