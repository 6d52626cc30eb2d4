// The order and waitlist mails: composed from an order and the event row, sent to the real SMTP
// fixture, parsed back (Python's email package) and the .ics invitation parsed with libical.
#include "ingest/libical.hpp"
#include "mail/mail_language.hpp"
#include "mail/mail_outbox.hpp"
#include "mail/mail_worker.hpp"
#include "mail/notifications.hpp"
#include "orders/order_record.hpp"
#include "smtp_test_server.hpp"
#include "test_db.hpp"

#include <QtTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace marquee;

namespace {

constexpr const char* kEventId = "22222222-2222-4222-8222-222222222222";
constexpr const char* kOrderId = "33333333-3333-4333-8333-333333333333";
// 2025-06-14 17:30 UTC = 19:30 CEST; ends 22:00 CEST.
constexpr std::int64_t kStartsAtMs = 1'749'922'200'000;
constexpr std::int64_t kEndsAtMs = kStartsAtMs + 150 * 60 * 1000;

void seedEvent(pqxx::connection& conn) {
    pqxx::work tx(conn);
    tx.exec0("INSERT INTO categories (id, name, parent_id) VALUES ('theatre', 'Theatre', NULL)");
    tx.exec0("INSERT INTO venues (id, name, address, city, country, time_zone) VALUES "
             "('11111111-1111-4111-8111-111111111111', 'Deutsches Theater', 'Schumannstraße 13a, Berlin', "
             "'Berlin', 'DE', 'Europe/Berlin')");
    tx.exec_params0("INSERT INTO events (id, title, category_id, starts_at, ends_at, time_zone, venue_id, currency) "
                    "VALUES ($1::uuid, 'Faust & Friends', 'theatre', to_timestamp($2::float8 / 1000), "
                    "to_timestamp($3::float8 / 1000), 'Europe/Berlin', '11111111-1111-4111-8111-111111111111', 'EUR')",
                    kEventId, kStartsAtMs, kEndsAtMs);
    tx.commit();
}

v1::Order sampleOrder() {
    v1::Order order;
    order.set_id(kOrderId);
    order.set_code("MQ-7K3F9X");
    order.set_event_id(kEventId);
    order.set_status(v1::ORDER_CONFIRMED);
    order.set_currency("EUR");
    for (const auto& [label, seat] : {std::pair{"Parkett · Reihe 7 · 12", "s12"}, {"Parkett · Reihe 7 · 13", "s13"}}) {
        auto* line = order.add_lines();
        line->set_line_no(static_cast<std::uint32_t>(order.lines_size()));
        line->set_seat_id(seat);
        line->set_label(label);
        line->set_price_category_id("pc1");
        line->set_price_category_name("Kategorie 1");
        line->set_price_minor(2500);
        line->set_fee_minor(100);
        line->set_tax_minor(415);
        line->set_total_minor(2600);
        auto* ticket = order.add_tickets();
        ticket->set_line_no(line->line_no());
        ticket->set_label(label);
        ticket->set_price_category_name("Kategorie 1");
        ticket->set_holder_name("Zoë Müller");
        ticket->set_code("MQT1-test-ticket-" + std::string(seat));
    }
    order.set_subtotal_minor(5000);
    order.set_fees_minor(200);
    order.set_tax_minor(830); // contained in price + fee
    order.set_total_minor(5200);
    order.set_buyer_name("Zoë Müller");
    order.set_buyer_email("zoe@example.org");
    order.set_event_title("Faust & Friends");
    order.set_event_starts_at_ms(kStartsAtMs);
    order.set_event_time_zone("Europe/Berlin");
    order.set_venue_name("Deutsches Theater");
    order.set_venue_address("Schumannstraße 13a, Berlin");
    order.set_created_at_ms(kStartsAtMs - 86'400'000);
    order.set_updated_at_ms(kStartsAtMs - 86'400'000);
    return order;
}

struct OutboxEntry {
    std::string kind;
    std::string subject;
    std::string messageId;
};

std::vector<OutboxEntry> outbox(pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    std::vector<OutboxEntry> rows;
    for (const auto& r : tx.exec("SELECT kind, subject, message_id FROM mail_outbox ORDER BY id"))
        rows.push_back({r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>()});
    return rows;
}

// Sends the outbox to the fixture and returns the parsed message with `messageId`.
nlohmann::json deliverAndInspect(const test::TestDatabase& db, pqxx::connection& conn, const std::string& messageId) {
    server::mail::SmtpSettings smtp;
    smtp.url = test::SmtpFixture::url();
    smtp.caFile = test::SmtpFixture::caFile();
    server::mail::MailWorker worker(db.connectionString(), smtp);
    worker.deliverDue(conn);
    std::string path;
    test::waitForMail(test::SmtpFixture::messages, [&](const auto& mails) {
        for (const auto& m : mails)
            if (m.messageId() == messageId) path = m.path;
        return !path.empty();
    });
    if (path.empty()) return {};
    return test::inspectMail(path);
}

const nlohmann::json* partNamed(const nlohmann::json& parsed, const std::string& contentType) {
    for (const auto& part : parsed["parts"])
        if (part["content_type"] == contentType) return &part;
    return nullptr;
}

std::string stripCr(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
    return text;
}

// The message's raw Subject header line(s), unfolded: what travelled.
std::string rawSubject(const nlohmann::json& parsed) {
    const auto head = parsed["raw_head"].get<std::string>();
    const auto start = head.find("\r\nSubject: ");
    if (start == std::string::npos) return {};
    auto end = head.find("\r\n", start + 2);
    while (end != std::string::npos && end + 2 < head.size() && (head[end + 2] == ' ' || head[end + 2] == '\t'))
        end = head.find("\r\n", end + 2);
    return head.substr(start + 2, end == std::string::npos ? std::string::npos : end - start - 2);
}

// The subject travelled as RFC 2047 encoded words (7-bit) and decodes back to `expected`.
bool subjectEncodedAs(const nlohmann::json& parsed, const std::string& expected) {
    const auto raw = rawSubject(parsed);
    const bool ascii = std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 128; });
    const auto lower = QString::fromStdString(raw).toLower().toStdString();
    return ascii && lower.find("=?utf-8?") != std::string::npos && parsed["headers"]["Subject"] == expected;
}

std::string textBody(const nlohmann::json& parsed) {
    for (const auto& part : parsed["parts"])
        if (part["content_type"] == "text/plain") return stripCr(part["text"].get<std::string>());
    return {};
}

void expectAll(const std::string& body, const std::vector<std::string>& expected) {
    for (const auto& e : expected)
        if (body.find(e) == std::string::npos) QFAIL((e + " not in:\n" + body).c_str());
}

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

// A waitlist entry offered two seats ("Rang · Reihe 2 · 4" and `secondSeat`) until Wednesday
// 11 June, 19:30 CEST, three days before the event.
v1::WaitlistEntry offeredEntry(const std::string& secondSeat, bool seatsApart) {
    v1::WaitlistEntry entry;
    entry.set_id("44444444-4444-4444-8444-444444444444");
    entry.set_event_id(kEventId);
    entry.set_hold_id("55555555-5555-4555-8555-555555555555");
    entry.set_status(v1::WAITLIST_OFFERED);
    entry.set_seats(2);
    entry.set_offer_expires_at_ms(kStartsAtMs - 3 * 86'400'000);
    entry.add_offered_seat_labels("Rang · Reihe 2 · 4");
    entry.add_offered_seat_labels(secondSeat);
    entry.set_seats_apart(seatsApart);
    return entry;
}

} // namespace

class TestNotifications : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!test::TestDatabase::available()) QSKIP("needs the postgres fixture (run through ctest)");
        if (!test::SmtpFixture::available()) QSKIP("needs the smtp fixture (run through ctest)");
        server::mail::setMailSender({"Marquee Tickets", "tickets@marquee.test"});
    }

    void moneyAndTimes() {
        using server::mail::formatEventTime;
        using server::mail::formatMoney;
        QCOMPARE(formatMoney(5200, "EUR"), std::string("EUR 52.00"));
        QCOMPARE(formatMoney(5, "EUR"), std::string("EUR 0.05"));
        QCOMPARE(formatMoney(123'456'789, "USD"), std::string("USD 1,234,567.89"));
        QCOMPARE(formatMoney(1500, "JPY"), std::string("JPY 1,500"));
        QCOMPARE(formatMoney(12'345, "KWD"), std::string("KWD 12.345"));
        QCOMPARE(formatMoney(-300, "EUR"), std::string("-EUR 3.00"));
        QCOMPARE(formatMoney(0, "CHF"), std::string("CHF 0.00"));
        QCOMPARE(formatEventTime(kStartsAtMs, "Europe/Berlin"), std::string("Saturday, 14 June 2025, 19:30 CEST"));
        QCOMPARE(formatEventTime(kStartsAtMs, "America/New_York"), std::string("Saturday, 14 June 2025, 13:30 EDT"));
        QCOMPARE(formatEventTime(kStartsAtMs, ""), std::string("Saturday, 14 June 2025, 17:30 UTC"));
        QCOMPARE(formatEventTime(kStartsAtMs, "Not/AZone"), std::string("Saturday, 14 June 2025, 17:30 UTC"));
        QCOMPARE(server::mail::htmlEscape("<a href=\"x\">Tom & Jerry's</a>"),
                 std::string("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"));
    }

    // How each language writes money and times (docs/mail.md "Languages"); English unchanged.
    void languageFormats() {
        using server::mail::MailLanguage;
        const auto& de = MailLanguage::of("de");
        const auto& fr = MailLanguage::of("fr");
        const auto& en = MailLanguage::of("en");
        QCOMPARE(de.code(), std::string("de"));
        QCOMPARE(MailLanguage::of("de-AT").code(), std::string("de"));
        QCOMPARE(MailLanguage::of("fr_CH").code(), std::string("fr"));
        QCOMPARE(MailLanguage::of("xx").code(), std::string("en"));
        QCOMPARE(MailLanguage::of("").code(), std::string("en"));
        QCOMPARE(de.money(123'450, "EUR"), std::string("1.234,50\u00a0€"));
        QCOMPARE(fr.money(123'450, "EUR"), std::string("1\u202f234,50\u00a0€"));
        QCOMPARE(en.money(123'450, "EUR"), std::string("EUR 1,234.50"));
        QCOMPARE(de.money(5, "EUR"), std::string("0,05\u00a0€"));
        QCOMPARE(de.money(-300, "EUR"), std::string("-3,00\u00a0€"));
        QCOMPARE(de.money(123'456'789, "USD"), std::string("1.234.567,89\u00a0$"));
        QCOMPARE(de.money(1500, "JPY"), std::string("1.500\u00a0¥"));
        QCOMPARE(fr.money(12'345, "KWD"), std::string("12,345\u00a0KWD"));
        QCOMPARE(fr.money(2600, "CHF"), std::string("26,00\u00a0CHF"));
        QCOMPARE(de.money(100, "bad"), std::string("bad 1.00")); // no currency code: the plain form
        QCOMPARE(de.eventTime(kStartsAtMs, "Europe/Berlin"), std::string("Samstag, 14. Juni 2025, 19:30 Uhr MESZ"));
        QCOMPARE(de.eventTime(kStartsAtMs + 200LL * 86'400'000, "Europe/Berlin"),
                 std::string("Mittwoch, 31. Dezember 2025, 18:30 Uhr MEZ"));
        QCOMPARE(fr.eventTime(kStartsAtMs, "Europe/Berlin"), std::string("samedi 14 juin 2025 à 19:30 UTC+2"));
        QCOMPARE(fr.eventTime(kStartsAtMs, "America/New_York"), std::string("samedi 14 juin 2025 à 13:30 UTC\u22124"));
        QCOMPARE(de.eventTime(kStartsAtMs, ""), std::string("Samstag, 14. Juni 2025, 17:30 Uhr UTC"));
        QCOMPARE(de.eventTime(kStartsAtMs, "Not/AZone"), std::string("Samstag, 14. Juni 2025, 17:30 Uhr UTC"));
        QCOMPARE(en.eventTime(kStartsAtMs, "Europe/Berlin"), std::string("Saturday, 14 June 2025, 19:30 CEST"));
        QCOMPARE(de.day(20'408), std::string("16. November 2025"));
        QCOMPARE(fr.day(20'408), std::string("16 novembre 2025"));
        QCOMPARE(en.day(20'408), std::string("16 November 2025"));
        // Plural forms: French counts 0 and 1 as singular, German and English only 1.
        QCOMPARE(de.trn("Your seat:", "Your seats:", 1), std::string("Ihr Platz:"));
        QCOMPARE(de.trn("Your seat:", "Your seats:", 0), std::string("Ihre Plätze:"));
        QCOMPARE(fr.trn("Your seat:", "Your seats:", 0), std::string("Votre place :"));
        QCOMPARE(fr.trn("Your seat:", "Your seats:", 2), std::string("Vos places :"));
        QCOMPARE(en.trn("Your seat:", "Your seats:", 3), std::string("Your seats:"));
        QCOMPARE(fr.tr("Your tickets for {1} ({2})", "Faust", "MQ-1"), std::string("Vos billets pour Faust (MQ-1)"));
        QCOMPARE(en.tr("Your tickets for {1} ({2})", "Faust", "MQ-1"), std::string("Your tickets for Faust (MQ-1)"));
    }

    // Mails are composed on several threads at once in different languages: each keeps its
    // own (no process-global locale is involved).
    void languagesOnManyThreads() {
        using server::mail::MailLanguage;
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 6; ++t)
            threads.emplace_back([t, &wrong] {
                const char* codes[] = {"de", "fr", "en"};
                const auto& lang = MailLanguage::of(codes[t % 3]);
                const std::string expected[] = {"Ihre Tickets für X (Y) 52,00\u00a0€ Samstag, 14. Juni 2025, 19:30 Uhr MESZ",
                                                "Vos billets pour X (Y) 52,00\u00a0€ samedi 14 juin 2025 à 19:30 UTC+2",
                                                "Your tickets for X (Y) EUR 52.00 Saturday, 14 June 2025, 19:30 CEST"};
                for (int i = 0; i < 200; ++i) {
                    const auto text = lang.tr("Your tickets for {1} ({2})", "X", "Y") + " " + lang.money(5200, "EUR") +
                                      " " + lang.eventTime(kStartsAtMs, "Europe/Berlin");
                    if (text != expected[t % 3]) ++wrong;
                }
            });
        for (auto& thread : threads) thread.join();
        QCOMPARE(wrong.load(), 0);
    }

    // A German order: confirmation, cancellation in German with German dates and money, the
    // subject RFC 2047-encoded; the .ics description too.
    void germanOrderMails() {
        test::TestDatabase db;
        auto conn = db.connect();
        seedEvent(*conn);
        auto order = sampleOrder();
        order.set_language("de");
        {
            pqxx::work tx(*conn);
            server::mail::enqueueOrderConfirmation(tx, order);
            tx.commit();
        }
        auto rows = outbox(*conn);
        QCOMPARE(rows.size(), std::size_t(1));
        const std::string subject = "Ihre Tickets für Faust & Friends (MQ-7K3F9X)";
        QCOMPARE(rows[0].subject, subject);
        auto parsed = deliverAndInspect(db, *conn, rows[0].messageId);
        QVERIFY(!parsed.is_null());
        QVERIFY2(parsed["defects"].empty(), parsed["defects"].dump().c_str());
        QVERIFY2(subjectEncodedAs(parsed, subject), rawSubject(parsed).c_str());
        QVERIFY(parsed["ascii_only"].get<bool>());
        expectAll(textBody(parsed),
                  {"Guten Tag Zoë Müller,", "Vielen Dank für Ihre Bestellung MQ-7K3F9X.",
                   "Wann: Samstag, 14. Juni 2025, 19:30 Uhr MESZ", "Wo: Deutsches Theater, Schumannstraße 13a, Berlin",
                   "Bestellung: MQ-7K3F9X", "Ihre Plätze:", "Parkett · Reihe 7 · 12 (Kategorie 1) 26,00\u00a0€",
                   "Tickets: 50,00\u00a0€", "Buchungsgebühren: 2,00\u00a0€", "Enthaltene Steuern: 8,30\u00a0€", "Gesamt: 52,00\u00a0€"});
        const auto* html = partNamed(parsed, "text/html");
        QVERIFY(html);
        QVERIFY((*html)["text"].get<std::string>().find("<html lang=\"de\">") != std::string::npos);
        // The PDF tickets are German too (pdftotext reads them back).
        const auto* pdf = partNamed(parsed, "application/pdf");
        QVERIFY(pdf);
        const auto pdfText = (*pdf)["pdf_text"].get<std::string>();
        expectAll(pdfText, {"TICKET", "Platz", "Kategorie", "Bestellung", "Preis", "26,00", "Sa., 14. Juni 2025",
                            "Zeigen Sie diesen Code am Einlass vor"});
        QVERIFY2(pdfText.find("Seat") == std::string::npos, pdfText.c_str());
        const auto* ics = partNamed(parsed, "text/calendar");
        QVERIFY(ics);
        QVERIFY2((*ics)["text"].get<std::string>().find("Bestellung MQ-7K3F9X") != std::string::npos,
                 (*ics)["text"].get<std::string>().c_str());

        auto cancelled = order;
        cancelled.set_status(v1::ORDER_CANCELLED);
        cancelled.mutable_payment()->set_refunded_minor(5200);
        for (auto& ticket : *cancelled.mutable_tickets()) ticket.set_voided(true);
        {
            pqxx::work tx(*conn);
            server::mail::enqueueOrderCancelled(tx, cancelled, "event_cancelled", "cancel-1");
            tx.commit();
        }
        rows = outbox(*conn);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[1].subject, std::string("Abgesagt: Faust & Friends (MQ-7K3F9X)"));
        parsed = deliverAndInspect(db, *conn, rows[1].messageId);
        QVERIFY(!parsed.is_null());
        expectAll(textBody(parsed), {"Es tut uns leid: Faust & Friends wurde vom Veranstalter abgesagt.",
                                     "Veranstaltung: Faust & Friends", "Wann: Samstag, 14. Juni 2025, 19:30 Uhr MESZ",
                                     "Erstattet: 52,00\u00a0€", "Diese Tickets sind nicht mehr gültig:",
                                     "Die Erstattung geht auf dem Weg zurück"});
    }

    // An order remembers the language of the account that placed it (migration 0032's
    // trigger), so its later mails match even after the account's language changed; a French
    // partial refund and a French waitlist offer; a language the mails don't speak is English.
    void orderLanguageFromTheAccount() {
        test::TestDatabase db;
        auto conn = db.connect();
        seedEvent(*conn);
        {
            pqxx::work tx(*conn);
            const auto user = tx.exec1("INSERT INTO users (email, password_hash, role, language) VALUES "
                                       "('zoe@example.org', 'x', 'attendee', 'fr') RETURNING id")[0]
                                  .as<std::int64_t>();
            tx.exec_params0("INSERT INTO orders (id, code, event_id, user_id, idempotency_key, request_hash, currency, "
                            "subtotal_minor, fees_minor, tax_minor, total_minor, payment_method, buyer_name, buyer_email) "
                            "VALUES ($1::uuid, 'MQ-7K3F9X', $2::uuid, $3, 'k1', '\\x00', 'EUR', 5000, 200, 830, 5200, "
                            "'cash', 'Zoë Müller', 'zoe@example.org')",
                            kOrderId, kEventId, user);
            tx.exec_params0("UPDATE users SET language = 'de' WHERE id = $1", user); // changed after buying
            tx.commit();
        }
        std::string language;
        {
            pqxx::read_transaction tx(*conn);
            language = server::orders::loadOrder(tx, kOrderId)->language();
        }
        QCOMPARE(language, std::string("fr"));

        auto partial = sampleOrder();
        partial.set_language(language);
        partial.mutable_payment()->set_refunded_minor(2600);
        partial.mutable_tickets(1)->set_voided(true);
        auto unknown = sampleOrder();
        unknown.set_id("66666666-6666-4666-8666-666666666666");
        unknown.set_language("xx");
        unknown.mutable_payment()->set_refunded_minor(2600);
        {
            pqxx::work tx(*conn);
            server::mail::enqueueOrderCancelled(tx, partial, "Je ne peux pas venir", "refund-line-2");
            server::mail::enqueueOrderCancelled(tx, unknown, "Cannot come", "refund-1");
            tx.commit();
        }
        const auto rows = outbox(*conn);
        QCOMPARE(rows.size(), std::size_t(2));
        const std::string subject = "Commande MQ-7K3F9X annulée : Faust & Friends";
        QCOMPARE(rows[0].subject, subject);
        QCOMPARE(rows[1].subject, std::string("Order MQ-7K3F9X cancelled: Faust & Friends"));
        auto parsed = deliverAndInspect(db, *conn, rows[0].messageId);
        QVERIFY(!parsed.is_null());
        QVERIFY2(subjectEncodedAs(parsed, subject), rawSubject(parsed).c_str());
        const auto body = textBody(parsed);
        expectAll(body, {"Bonjour Zoë Müller,", "Votre commande MQ-7K3F9X pour Faust & Friends a été partiellement annulée.",
                         "Quand : samedi 14 juin 2025 à 19:30 UTC+2", "Remboursé : 26,00\u00a0€",
                         "Motif : Je ne peux pas venir", "Ce billet n’est plus valable :",
                         "Parkett · Reihe 7 · 13 (Kategorie 1)"});
        parsed = deliverAndInspect(db, *conn, rows[1].messageId);
        QVERIFY(!parsed.is_null());
        expectAll(textBody(parsed), {"Hello Zoë Müller,", "has been partly cancelled", "Refunded: EUR 26.00",
                                     "When: Saturday, 14 June 2025, 19:30 CEST"});
    }

    void frenchWaitlistOffer() {
        test::TestDatabase db;
        auto conn = db.connect();
        seedEvent(*conn);
        const auto entry = offeredEntry("Rang · Reihe 2 · 9", true);
        {
            pqxx::work tx(*conn);
            server::mail::enqueueWaitlistOffer(tx, entry, "wait@example.org", "Élodie", "fr");
            tx.commit();
        }
        const auto rows = outbox(*conn);
        QCOMPARE(rows.size(), std::size_t(1));
        const std::string subject = "Des places vous attendent : Faust & Friends";
        QCOMPARE(rows[0].subject, subject);
        const auto parsed = deliverAndInspect(db, *conn, rows[0].messageId);
        QVERIFY(!parsed.is_null());
        QVERIFY(parsed["headers"]["To"].get<std::string>() == "Élodie <wait@example.org>");
        expectAll(textBody(parsed),
                  {"Bonjour Élodie,", "Bonne nouvelle : des places se sont libérées pour Faust & Friends",
                   "Réservées jusqu’au : mercredi 11 juin 2025 à 19:30 UTC+2", "Quand : samedi 14 juin 2025 à 19:30 UTC+2",
                   "Les places réservées pour vous :", "ces places ne sont donc pas ensemble",
                   "«\u00a0Ma liste d’attente\u00a0»"});
    }

    void orderConfirmation() {
        test::TestDatabase db;
        auto conn = db.connect();
        seedEvent(*conn);
        const auto order = sampleOrder();
        for (int i = 0; i < 2; ++i) { // the saga step replayed: still one mail
            pqxx::work tx(*conn);
            server::mail::enqueueOrderConfirmation(tx, order);
            tx.commit();
        }
        const auto rows = outbox(*conn);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].kind, std::string("order_confirmation"));
        QCOMPARE(rows[0].subject, std::string("Your tickets for Faust & Friends (MQ-7K3F9X)"));

        const auto parsed = deliverAndInspect(db, *conn, rows[0].messageId);
        QVERIFY(!parsed.is_null());
        QCOMPARE(parsed["headers"]["To"].get<std::string>(), std::string("Zoë Müller <zoe@example.org>"));
        QVERIFY2(parsed["defects"].empty(), parsed["defects"].dump().c_str());

        const auto* text = partNamed(parsed, "text/plain");
        QVERIFY(text);
        const auto body = stripCr((*text)["text"].get<std::string>());
        for (const std::string expected :
             {"Hello Zoë Müller,", "order MQ-7K3F9X", "When: Saturday, 14 June 2025, 19:30 CEST",
              "Where: Deutsches Theater, Schumannstraße 13a, Berlin", "Parkett · Reihe 7 · 12 (Kategorie 1) EUR 26.00",
              "Parkett · Reihe 7 · 13 (Kategorie 1) EUR 26.00", "Tickets: EUR 50.00", "Booking fees: EUR 2.00",
              "Included tax: EUR 8.30", "Total: EUR 52.00"})
            QVERIFY2(body.find(expected) != std::string::npos, (expected + " not in:\n" + body).c_str());
        const auto* html = partNamed(parsed, "text/html");
        QVERIFY(html);
        const auto htmlBody = (*html)["text"].get<std::string>();
        QVERIFY(htmlBody.find("<h2>Faust &amp; Friends</h2>") != std::string::npos);
        QVERIFY(htmlBody.find("EUR 52.00") != std::string::npos);

        const auto* pdf = partNamed(parsed, "application/pdf");
        QVERIFY(pdf);
        QCOMPARE((*pdf)["filename"].get<std::string>(), std::string("tickets-MQ-7K3F9X.pdf"));
        QCOMPARE((*pdf)["pdf_header"].get<std::string>(), std::string("%PDF-"));
        QCOMPARE((*pdf)["pdf_pages"].get<int>(), 2); // one page per ticket

        const auto* ics = partNamed(parsed, "text/calendar");
        QVERIFY(ics);
        QCOMPARE((*ics)["filename"].get<std::string>(), std::string("invitation.ics"));
        QCOMPARE((*ics)["params"]["method"].get<std::string>(), std::string("REQUEST"));
        const auto icsText = (*ics)["text"].get<std::string>();
        const std::unique_ptr<icalcomponent, ComponentFree> calendar(icalparser_parse_string(icsText.c_str()));
        QVERIFY(calendar);
        QCOMPARE(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
        QCOMPARE(icalcomponent_get_method(calendar.get()), ICAL_METHOD_REQUEST);
        icalcomponent* vtimezone = icalcomponent_get_first_component(calendar.get(), ICAL_VTIMEZONE_COMPONENT);
        QVERIFY(vtimezone);
        QCOMPARE(std::string(icalproperty_get_tzid(icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY))),
                 std::string("Europe/Berlin"));
        icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
        QVERIFY(event);
        QCOMPARE(std::string(icalcomponent_get_uid(event)), std::string("order-") + kOrderId + "@marquee.test");
        QCOMPARE(std::string(icalcomponent_get_summary(event)), std::string("Faust & Friends"));
        QCOMPARE(std::string(icalcomponent_get_location(event)), std::string("Deutsches Theater, Schumannstraße 13a, Berlin"));
        const std::string description = icalcomponent_get_description(event);
        QVERIFY(description.find("MQ-7K3F9X") != std::string::npos);
        QVERIFY(description.find("Parkett · Reihe 7 · 13") != std::string::npos);
        icalproperty* dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
        QCOMPARE(std::string(icalparameter_get_tzid(icalproperty_get_first_parameter(dtstart, ICAL_TZID_PARAMETER))),
                 std::string("Europe/Berlin"));
        const auto start = icalproperty_get_dtstart(dtstart);
        QCOMPARE(start.hour, 19); // local time in the event's zone
        QCOMPARE(start.minute, 30);
        // Through the calendar's own VTIMEZONE, the start is the event's instant.
        icaltimezone* zone = icalcomponent_get_timezone(calendar.get(), "Europe/Berlin");
        QVERIFY(zone);
        QCOMPARE(static_cast<std::int64_t>(icaltime_as_timet_with_zone(start, zone)) * 1000, kStartsAtMs);
        const auto end = icalproperty_get_dtend(icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY));
        QCOMPARE(static_cast<std::int64_t>(icaltime_as_timet_with_zone(end, zone)) * 1000, kEndsAtMs);
        QCOMPARE(std::string(icalproperty_get_organizer(icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY))),
                 std::string("mailto:tickets@marquee.test"));
        QCOMPARE(std::string(icalproperty_get_attendee(icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY))),
                 std::string("mailto:zoe@example.org"));
    }

    void cancellations() {
        test::TestDatabase db;
        auto conn = db.connect();
        seedEvent(*conn);
        auto order = sampleOrder();
        order.set_status(v1::ORDER_CANCELLED);
        order.mutable_payment()->set_refunded_minor(5200);
        for (auto& ticket : *order.mutable_tickets()) ticket.set_voided(true);
        {
            pqxx::work tx(*conn);
            server::mail::enqueueOrderCancelled(tx, order, "event_cancelled", "cancel-1");
            server::mail::enqueueOrderCancelled(tx, order, "event_cancelled", "cancel-1"); // replayed
            tx.commit();
        }
        auto partial = sampleOrder();
        partial.mutable_payment()->set_refunded_minor(2600);
        partial.mutable_tickets(1)->set_voided(true);
        {
            pqxx::work tx(*conn);
            server::mail::enqueueOrderCancelled(tx, partial, "Cannot come", "refund-line-2");
            tx.commit();
        }
        const auto rows = outbox(*conn);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].kind, std::string("event_cancelled"));
        QCOMPARE(rows[0].subject, std::string("Cancelled: Faust & Friends (MQ-7K3F9X)"));
        QCOMPARE(rows[1].kind, std::string("order_cancelled"));

        auto parsed = deliverAndInspect(db, *conn, rows[0].messageId);
        QVERIFY(!parsed.is_null());
        auto body = stripCr((*partNamed(parsed, "text/plain"))["text"].get<std::string>());
        for (const std::string expected : {"Faust & Friends has been cancelled by the organizer", "Refunded: EUR 52.00",
                                           "Parkett · Reihe 7 · 12 (Kategorie 1)", "Parkett · Reihe 7 · 13 (Kategorie 1)"})
            QVERIFY2(body.find(expected) != std::string::npos, (expected + " not in:\n" + body).c_str());

        parsed = deliverAndInspect(db, *conn, rows[1].messageId);
        QVERIFY(!parsed.is_null());
        body = stripCr((*partNamed(parsed, "text/plain"))["text"].get<std::string>());
        for (const std::string expected : {"has been partly cancelled", "Refunded: EUR 26.00", "Reason: Cannot come",
                                           "Parkett · Reihe 7 · 13 (Kategorie 1)"})
            QVERIFY2(body.find(expected) != std::string::npos, (expected + " not in:\n" + body).c_str());
        QVERIFY2(body.find("Reihe 7 · 12 (Kategorie 1)") == std::string::npos, body.c_str()); // still valid
    }

    void waitlistOffer() {
        test::TestDatabase db;
        auto conn = db.connect();
        seedEvent(*conn);
        const auto entry = offeredEntry("Rang · Reihe 2 · 5", false);
        {
            pqxx::work tx(*conn);
            server::mail::enqueueWaitlistOffer(tx, entry, "wait@example.org", "Wanda", "en");
            server::mail::enqueueWaitlistOffer(tx, entry, "wait@example.org", "Wanda", "en");
            tx.commit();
        }
        const auto rows = outbox(*conn);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].kind, std::string("waitlist_offer"));
        QCOMPARE(rows[0].subject, std::string("Seats are waiting for you: Faust & Friends"));
        const auto parsed = deliverAndInspect(db, *conn, rows[0].messageId);
        QVERIFY(!parsed.is_null());
        const auto body = stripCr((*partNamed(parsed, "text/plain"))["text"].get<std::string>());
        for (const std::string expected : {"Hello Wanda,", "Held until: Wednesday, 11 June 2025, 19:30 CEST",
                                           "When: Saturday, 14 June 2025, 19:30 CEST", "Rang · Reihe 2 · 4",
                                           "Rang · Reihe 2 · 5"})
            QVERIFY2(body.find(expected) != std::string::npos, (expected + " not in:\n" + body).c_str());
    }
};

QTEST_GUILESS_MAIN(TestNotifications)
#include "test_notifications.moc"
