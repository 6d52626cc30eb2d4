// Server tickets against a real PostgreSQL: issuing (idempotent, verifiable codes), the signing
// key (created once even when instances race, published as "ticket_key", rotation), voiding,
// refusals, and the PDF/PNG rendering (pages counted, the QR decoded back with zbar).
#include "qr_scan.hpp"
#include "service_helpers.hpp"

#include "marquee/core/tickets/ticket_code.hpp"
#include "services/api_internal.hpp"
#include "tickets/signing_keys.hpp"
#include "tickets/ticket_issuer.hpp"
#include "tickets/ticket_render.hpp"
#include "workers/sequencer.hpp"

#include <cairo.h>

#include <QtTest>

#include <barrier>
#include <cstring>
#include <fstream>
#include <regex>
#include <thread>

using namespace marquee;
using marquee::test::Fixture;
using marquee::test::scalar;
namespace tickets = marquee::server::tickets;
namespace core_tickets = marquee::core::tickets;

namespace {

// key id -> public key, from what the server publishes.
std::function<std::optional<core_tickets::PublicKey>(std::string_view)> lookupOf(
    const std::vector<v1::TicketKey>& keys) {
    return [keys](std::string_view keyId) -> std::optional<core_tickets::PublicKey> {
        for (const auto& key : keys) {
            if (key.key_id() != keyId || key.public_key().size() != 32) continue;
            core_tickets::PublicKey publicKey{};
            std::copy(key.public_key().begin(), key.public_key().end(), publicKey.begin());
            return publicKey;
        }
        return std::nullopt;
    };
}

int pdfPageCount(const std::string& pdf) {
    // cairo writes page objects uncompressed: "/Type /Page" (not "/Pages").
    static const std::regex kPage(R"(/Type\s*/Page[^s])");
    return static_cast<int>(std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), kPage), std::sregex_iterator()));
}

std::vector<std::string> decodeQrInPng(const std::string& png) {
    struct Reader {
        const std::string* data;
        std::size_t at = 0;
    } reader{&png};
    cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(
        [](void* closure, unsigned char* out, unsigned int length) {
            auto* r = static_cast<Reader*>(closure);
            if (r->at + length > r->data->size()) return CAIRO_STATUS_READ_ERROR;
            std::memcpy(out, r->data->data() + r->at, length);
            r->at += length;
            return CAIRO_STATUS_SUCCESS;
        },
        &reader);
    const int width = cairo_image_surface_get_width(surface);
    const int height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* argb = cairo_image_surface_get_data(surface);
    std::vector<unsigned char> gray(static_cast<std::size_t>(width * height));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint32_t pixel = 0;
            std::memcpy(&pixel, argb + y * stride + x * 4, 4);
            gray[static_cast<std::size_t>(y * width + x)] =
                static_cast<unsigned char>(((pixel >> 16 & 0xff) + (pixel >> 8 & 0xff) + (pixel & 0xff)) / 3);
        }
    cairo_surface_destroy(surface);
    return test::scanQrCodes(gray.data(), width, height);
}

} // namespace

class TestTickets : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Fixture> f;
    server::Principal buyer;
    std::string eventId;
    int orderCounter = 0;

    // A confirmed order with `lines` lines (seats "s1".., the last one GA when lines > 1).
    std::string makeOrder(int lines, const std::string& status = "confirmed") {
        pqxx::work tx(*f->conn);
        const std::string code = "MQ-TEST" + std::to_string(++orderCounter);
        const std::string orderId =
            tx.exec_params1("INSERT INTO orders (code, event_id, user_id, idempotency_key, request_hash, status, "
                            "currency, subtotal_minor, fees_minor, tax_minor, total_minor, payment_method, "
                            "buyer_name, buyer_email) VALUES ($1, $2::uuid, $3, $1, '\\x00', $4, 'EUR', 0, 0, 0, 0, "
                            "'cash', 'Ana Müller', 'ana@example.org') RETURNING id::text",
                            code, eventId, buyer.userId, status)[0]
                .c_str();
        for (int line = 1; line <= lines; ++line) {
            const bool ga = lines > 1 && line == lines;
            tx.exec_params0("INSERT INTO order_lines (order_id, line_no, seat_id, ga_area_id, label, "
                            "price_category_id, price_category_name, price_minor, fee_minor, tax_minor, total_minor) "
                            "VALUES ($1::uuid, $2, $3, $4, $5, 'pc1', 'Category 1', 8500, 400, 0, 8900)",
                            orderId, line, ga ? nullptr : ("s" + std::to_string(line)).c_str(),
                            ga ? "ga1" : nullptr,
                            ga ? std::string("Floor (standing)") : "Stalls · Row B · " + std::to_string(line));
        }
        tx.commit();
        return orderId;
    }

    std::vector<v1::Ticket> issue(const std::string& orderId) {
        pqxx::work tx(*f->conn);
        auto issued = tickets::issueTickets(tx, orderId);
        tx.commit();
        return issued;
    }

    std::vector<v1::TicketKey> keys() {
        pqxx::read_transaction tx(*f->conn);
        return tickets::publicTicketKeys(tx);
    }

    v1::Order orderWith(const std::vector<v1::Ticket>& issued, const std::string& zone = "Europe/Berlin") {
        v1::Order order;
        order.set_id(issued.empty() ? "" : issued.front().order_id());
        order.set_code("MQ-7K3F9X");
        order.set_event_title("Die Zauberflöte");
        order.set_event_starts_at_ms(1749925800000); // 2025-06-14 18:30 UTC
        order.set_event_time_zone(zone);
        order.set_venue_name("Staatsoper Unter den Linden");
        order.set_venue_address("Unter den Linden 7, 10117 Berlin");
        order.set_currency("EUR");
        order.set_buyer_name("Ana Müller");
        order.set_status(v1::ORDER_CONFIRMED);
        for (const auto& ticket : issued) {
            *order.add_tickets() = ticket;
            auto* line = order.add_lines();
            line->set_line_no(ticket.line_no());
            line->set_total_minor(8900);
        }
        return order;
    }

private slots:
    void initTestCase() {
        if (!test::TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
    }

    void init() {
        f = std::make_unique<Fixture>();
        buyer = f->user("buyer@example.org", core::Role::Attendee);
        const auto organizer = f->user("org@example.org", core::Role::Organizer);
        QVERIFY(test::upsert(f->api, *f->conn, organizer, test::validEvent()).has_ack());
        pqxx::read_transaction tx(*f->conn);
        eventId = tx.exec1("SELECT id::text FROM events")[0].c_str();
    }

    void cleanup() { f.reset(); }

    void issueIsIdempotentAndVerifiable() {
        const std::string orderId = makeOrder(3);
        const auto first = issue(orderId);
        QCOMPARE(first.size(), std::size_t{3});
        const auto lookup = lookupOf(keys());
        for (std::size_t i = 0; i < first.size(); ++i) {
            const auto& ticket = first[i];
            QCOMPARE(ticket.line_no(), static_cast<std::uint32_t>(i + 1));
            QCOMPARE(ticket.order_id(), orderId);
            QCOMPARE(ticket.event_id(), eventId);
            QCOMPARE(ticket.holder_name(), std::string("Ana Müller"));
            QCOMPARE(ticket.price_category_name(), std::string("Category 1"));
            QVERIFY(!ticket.voided());
            const auto result = core_tickets::verifyTicket(ticket.code(), lookup);
            QCOMPARE(result.verdict, core_tickets::Verdict::Valid);
            QCOMPARE(result.claims.ticketId, ticket.id());
            QCOMPARE(result.claims.eventId, eventId);
            QCOMPARE(result.claims.lineNo, ticket.line_no());
            QCOMPARE(result.claims.issuedAtMs, ticket.issued_at_ms());
        }
        QCOMPARE(first[0].seat_id(), std::string("s1"));
        QCOMPARE(first[2].seat_id(), std::string()); // general admission
        QCOMPARE(first[2].label(), std::string("Floor (standing)"));

        const auto again = issue(orderId);
        QCOMPARE(again.size(), first.size());
        for (std::size_t i = 0; i < first.size(); ++i) {
            QCOMPARE(again[i].id(), first[i].id());
            QCOMPARE(again[i].code(), first[i].code());
            QCOMPARE(again[i].issued_at_ms(), first[i].issued_at_ms());
        }
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM tickets"), 3LL);

        // A line added later (never happens in the saga, but the step is per line) gets its own.
        {
            pqxx::work tx(*f->conn);
            tx.exec_params0("INSERT INTO order_lines (order_id, line_no, seat_id, label, price_category_id, "
                            "price_category_name, price_minor, fee_minor, tax_minor, total_minor) "
                            "VALUES ($1::uuid, 4, 's9', 'Stalls · Row C · 9', 'pc1', 'Category 1', 1, 0, 0, 1)",
                            orderId);
            tx.commit();
        }
        const auto withFourth = issue(orderId);
        QCOMPARE(withFourth.size(), std::size_t{4});
        QCOMPARE(withFourth[0].code(), first[0].code());
        QCOMPARE(core_tickets::verifyTicket(withFourth[3].code(), lookup).verdict, core_tickets::Verdict::Valid);
    }

    void keyIsPublishedOnceThroughTheChangeLog() {
        issue(makeOrder(2));
        issue(makeOrder(1));
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM ticket_signing_keys"), 1LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'ticket_key'"), 1LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'ticket_key' "
                                  "AND scope_user_id IS NULL"),
                 1LL);
        // An attendee who bought nothing pulls it like any public record.
        server::workers::Sequencer::stampPending(*f->conn);
        const auto stranger = f->user("stranger@example.org", core::Role::Attendee);
        const auto batch = test::pull(f->api, *f->conn, stranger, 0, 1000).change_batch();
        const auto published = keys();
        QCOMPARE(published.size(), std::size_t{1});
        int seen = 0;
        for (const auto& change : batch.changes()) {
            if (change.aggregate_type() != "ticket_key") continue;
            ++seen;
            v1::TicketKey key;
            QVERIFY(key.ParseFromString(change.payload()));
            QCOMPARE(change.aggregate_id(), key.key_id());
            QCOMPARE(key.key_id(), published[0].key_id());
            QCOMPARE(key.public_key(), published[0].public_key());
            QCOMPARE(key.public_key().size(), std::size_t{32});
            QVERIFY(key.valid_from_ms() > 0);
            QCOMPARE(key.retired_at_ms(), std::int64_t{0});
        }
        QCOMPARE(seen, 1);
        // The secret never leaves the table.
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM change_log c JOIN ticket_signing_keys k "
                                  "ON position(substring(k.secret_key FROM 1 FOR 32) IN c.payload) > 0"),
                 0LL);
    }

    // Instance A creates the first key and has not committed; instance B wants one too, waits on
    // the unique index, and after A commits uses A's key. Nothing is published twice.
    void twoRacingFirstUsesAgreeOnOneKey() {
        const std::string orderA = makeOrder(1);
        const std::string orderB = makeOrder(1);
        auto connA = f->db.connect();
        auto connB = f->db.connect();
        pqxx::work txA(*connA);
        const auto ticketsA = tickets::issueTickets(txA, orderA);
        const int pidB = connB->backendpid();
        std::vector<v1::Ticket> ticketsB;
        std::string errorB;
        std::thread instanceB([&] {
            try {
                pqxx::work txB(*connB);
                ticketsB = tickets::issueTickets(txB, orderB);
                txB.commit();
            } catch (const std::exception& e) {
                errorB = e.what();
            }
        });
        // B is blocked on A's uncommitted key row (a condition, polled; not a sleep for time).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        bool waiting = false;
        while (!waiting && std::chrono::steady_clock::now() < deadline) {
            waiting = scalar(*f->conn, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + std::to_string(pidB) +
                                           " AND wait_event_type = 'Lock'") == 1;
            if (!waiting) std::this_thread::yield();
        }
        QVERIFY(waiting);
        txA.commit();
        instanceB.join();
        QCOMPARE(errorB, std::string());
        QCOMPARE(ticketsB.size(), std::size_t{1});
        const auto claimsA = core_tickets::verifyTicket(ticketsA[0].code(), lookupOf(keys()));
        const auto claimsB = core_tickets::verifyTicket(ticketsB[0].code(), lookupOf(keys()));
        QCOMPARE(claimsA.verdict, core_tickets::Verdict::Valid);
        QCOMPARE(claimsB.verdict, core_tickets::Verdict::Valid);
        QCOMPARE(claimsB.claims.keyId, claimsA.claims.keyId);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM ticket_signing_keys"), 1LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'ticket_key'"), 1LL);
    }

    // The same with eight instances released at once.
    void manyRacingFirstUses() {
        constexpr int kInstances = 8;
        std::vector<std::string> orders;
        for (int i = 0; i < kInstances; ++i) orders.push_back(makeOrder(2));
        std::vector<std::unique_ptr<pqxx::connection>> connections;
        for (int i = 0; i < kInstances; ++i) connections.push_back(f->db.connect());
        std::barrier start(kInstances);
        std::vector<std::string> keyIds(kInstances), errors(kInstances);
        std::vector<std::thread> threads;
        for (int i = 0; i < kInstances; ++i)
            threads.emplace_back([&, i] {
                try {
                    pqxx::work tx(*connections[static_cast<std::size_t>(i)]);
                    start.arrive_and_wait();
                    const auto issued = tickets::issueTickets(tx, orders[static_cast<std::size_t>(i)]);
                    tx.commit();
                    keyIds[static_cast<std::size_t>(i)] =
                        core_tickets::verifyTicket(issued.at(0).code(), nullptr).claims.keyId;
                } catch (const std::exception& e) {
                    errors[static_cast<std::size_t>(i)] = e.what();
                }
            });
        for (auto& thread : threads) thread.join();
        for (int i = 0; i < kInstances; ++i) {
            QCOMPARE(errors[static_cast<std::size_t>(i)], std::string());
            QCOMPARE(keyIds[static_cast<std::size_t>(i)], keyIds[0]);
        }
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM ticket_signing_keys"), 1LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'ticket_key'"), 1LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM tickets"), static_cast<long long>(kInstances * 2));
    }

    void voidingLinesAndWholeOrders() {
        const std::string orderId = makeOrder(3);
        issue(orderId);
        {
            pqxx::work tx(*f->conn);
            QCOMPARE(tickets::voidTickets(tx, orderId, {2}), std::size_t{1});
            QCOMPARE(tickets::voidTickets(tx, orderId, {2}), std::size_t{0}); // already void
            QCOMPARE(tickets::voidTickets(tx, orderId, {7}), std::size_t{0}); // no such line
            tx.commit();
        }
        {
            pqxx::read_transaction tx(*f->conn);
            const auto now = tickets::ticketsOfOrder(tx, orderId);
            QCOMPARE(now.size(), std::size_t{3});
            QVERIFY(!now[0].voided() && now[1].voided() && !now[2].voided());
        }
        // Issuing again does not bring a void ticket back.
        QVERIFY(issue(orderId)[1].voided());
        {
            pqxx::work tx(*f->conn);
            QCOMPARE(tickets::voidTickets(tx, orderId), std::size_t{2});
            tx.commit();
        }
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM tickets WHERE voided_at IS NULL"), 0LL);
        // A line refunded before its ticket was issued gets a void ticket.
        const std::string refunded = makeOrder(2);
        {
            pqxx::work tx(*f->conn);
            tx.exec_params0("UPDATE order_lines SET refunded = true WHERE order_id = $1::uuid AND line_no = 1", refunded);
            tx.commit();
        }
        const auto issued = issue(refunded);
        QVERIFY(issued[0].voided() && !issued[1].voided());
    }

    void refusals() {
        const std::string pending = makeOrder(1, "pending");
        const std::string failed = makeOrder(1, "failed");
        const std::string cancelled = makeOrder(1, "cancelled");
        pqxx::work tx(*f->conn);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 tickets::issueTickets(tx, "00000000-0000-4000-8000-000000000000"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tickets::issueTickets(tx, "'; DROP TABLE tickets; --"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tickets::issueTickets(tx, ""));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, tickets::issueTickets(tx, pending));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, tickets::issueTickets(tx, failed));
        QVERIFY(tickets::issueTickets(tx, cancelled).empty());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tickets::voidTickets(tx, "nope"));
        tx.commit();
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM tickets"), 0LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM ticket_signing_keys"), 0LL); // no key for nothing
    }

    void rotationKeepsOldTicketsValid() {
        const auto before = issue(makeOrder(1));
        {
            pqxx::work tx(*f->conn);
            const auto fresh = tickets::rotateSigningKey(tx);
            tx.commit();
            QVERIFY(fresh.keyId != core_tickets::verifyTicket(before[0].code(), nullptr).claims.keyId);
        }
        const auto after = issue(makeOrder(1));
        const auto published = keys();
        QCOMPARE(published.size(), std::size_t{2});
        QVERIFY(published[0].retired_at_ms() > 0);
        QCOMPARE(published[1].retired_at_ms(), std::int64_t{0});
        QCOMPARE(core_tickets::verifyTicket(before[0].code(), lookupOf(published)).verdict,
                 core_tickets::Verdict::Valid);
        const auto newer = core_tickets::verifyTicket(after[0].code(), lookupOf(published));
        QCOMPARE(newer.verdict, core_tickets::Verdict::Valid);
        QCOMPARE(newer.claims.keyId, published[1].key_id());
        // Created, retired (the same key again, now with retired_at), and the new one.
        QCOMPARE(scalar(*f->conn, "SELECT count(*) FROM change_log WHERE aggregatetype = 'ticket_key'"), 3LL);
        QCOMPARE(scalar(*f->conn, "SELECT count(DISTINCT aggregateid) FROM change_log WHERE aggregatetype = 'ticket_key'"),
                 2LL);
    }

    void fieldsInTheEventsZone() {
        v1::Ticket ticket;
        ticket.set_line_no(1);
        ticket.set_label("Stalls · Row B · 12");
        ticket.set_price_category_name("Category 1");
        ticket.set_code("MQT1.x.y");
        const v1::Order order = orderWith({ticket});
        auto fields = tickets::ticketFields(order, ticket);
        QCOMPARE(fields.dateTime, std::string("Sat 14 Jun 2025, 20:30 CEST"));
        QCOMPARE(fields.priceText, std::string("EUR 89.00"));
        QCOMPARE(fields.holderName, std::string("Ana Müller"));
        QCOMPARE(fields.orderCode, std::string("MQ-7K3F9X"));
        QVERIFY(!fields.voided);
        fields = tickets::ticketFields(orderWith({ticket}, "America/New_York"), ticket);
        QCOMPARE(fields.dateTime, std::string("Sat 14 Jun 2025, 14:30 EDT"));
        fields = tickets::ticketFields(orderWith({ticket}, "Not/AZone"), ticket);
        QCOMPARE(fields.dateTime, std::string("Sat 14 Jun 2025, 18:30 UTC"));
        v1::Order yen = orderWith({ticket});
        yen.set_currency("JPY");
        yen.mutable_lines(0)->set_total_minor(5000);
        QCOMPARE(tickets::ticketFields(yen, ticket).priceText, std::string("JPY 5000"));
        v1::Order cancelled = orderWith({ticket});
        cancelled.set_status(v1::ORDER_CANCELLED);
        QVERIFY(tickets::ticketFields(cancelled, ticket).voided);
    }

    void pdfHasOnePagePerTicket() {
        const auto issued = issue(makeOrder(3));
        const v1::Order order = orderWith(issued);
        const std::string pdf = tickets::renderTicketsPdf(order);
        QVERIFY(pdf.starts_with("%PDF-"));
        QVERIFY(pdf.find("%%EOF") != std::string::npos);
        QCOMPARE(pdfPageCount(pdf), 3);
        // A6 in points: 297.638 x 419.528.
        QVERIFY(pdf.find("/MediaBox [ 0 0 297.637795 419.527559 ]") != std::string::npos);
        if (const char* dir = std::getenv("MARQUEE_TICKET_PREVIEW_DIR")) { // to look at it by hand
            std::ofstream(std::string(dir) + "/tickets.pdf", std::ios::binary) << pdf;
        }
        QCOMPARE(pdfPageCount(tickets::renderTicketsPdf(orderWith({issued[0]}))), 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tickets::renderTicketsPdf(orderWith({})));
        v1::Order noCode = orderWith(issued);
        noCode.mutable_tickets(1)->clear_code();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tickets::renderTicketsPdf(noCode));
    }

    void renderedQrScansBack() {
        const auto issued = issue(makeOrder(1));
        const v1::Order order = orderWith(issued);
        const std::string png = tickets::renderTicketPng(order, issued[0], 8);
        if (const char* dir = std::getenv("MARQUEE_TICKET_PREVIEW_DIR"))
            std::ofstream(std::string(dir) + "/ticket.png", std::ios::binary) << png;
        const auto decoded = decodeQrInPng(png);
        QCOMPARE(decoded.size(), std::size_t{1});
        QCOMPARE(decoded[0], issued[0].code());
        QCOMPARE(core_tickets::verifyTicket(decoded[0], lookupOf(keys())).verdict, core_tickets::Verdict::Valid);
        // The receipt-printer strip (issue 7), at 8 dots/mm like a 203 dpi thermal printer.
        const std::string receipt = tickets::renderTicketPng(order, issued[0], 8, core_tickets::TicketFormat::Receipt80mm);
        if (const char* dir = std::getenv("MARQUEE_TICKET_PREVIEW_DIR"))
            std::ofstream(std::string(dir) + "/ticket-receipt.png", std::ios::binary) << receipt;
        QCOMPARE(decodeQrInPng(receipt), std::vector<std::string>{issued[0].code()});
    }

    void hostileOrderFieldsStillRender() {
        const auto issued = issue(makeOrder(1));
        v1::Order order = orderWith(issued);
        order.set_event_title(std::string(100'000, 'W'));
        order.set_venue_address("line\nbreak\ttab\x01\x02 control");
        order.set_buyer_name("");
        order.mutable_tickets(0)->set_holder_name("");
        order.mutable_tickets(0)->set_label("日本語 · ترتيب · Ελληνικά");
        order.set_event_starts_at_ms(-62'000'000'000'000); // year 4 BC or so: still a date
        const std::string pdf = tickets::renderTicketsPdf(order);
        QVERIFY(pdf.starts_with("%PDF-"));
        QCOMPARE(pdfPageCount(pdf), 1);
        order.mutable_tickets(0)->set_voided(true);
        const std::string png = tickets::renderTicketPng(order, order.tickets(0), 4);
        if (const char* dir = std::getenv("MARQUEE_TICKET_PREVIEW_DIR"))
            std::ofstream(std::string(dir) + "/ticket-void.png", std::ios::binary) << png;
        QVERIFY(png.starts_with("\x89PNG"));
    }
};

QTEST_GUILESS_MAIN(TestTickets)
#include "test_tickets.moc"
