// The order and waitlist mails (see notifications.hpp): text and HTML bodies in the order's
// (or waitlist user's) language, built from the order, times in the event's zone, money from
// minor units; the confirmation carries the PDF tickets and an .ics invitation.
#include "mail/notifications.hpp"

#include "mail/invitation.hpp"
#include "mail/mail_language.hpp"
#include "mail/mail_outbox.hpp"
#include "mail/mail_text.hpp"
#include "services/api_internal.hpp"
#include "tickets/ticket_issuer.hpp"

#include <date/tz.h>

#include <chrono>
#include <algorithm>
#include <map>
#include <stdexcept>
#include <optional>

namespace marquee::server::mail {

namespace {

using detail::Statement;

constexpr Statement kEventDetails{
    "mail_event_details",
    "SELECT e.title, (extract(epoch FROM e.starts_at) * 1000)::bigint, "
    "coalesce((extract(epoch FROM e.ends_at) * 1000)::bigint, 0), e.time_zone, "
    "coalesce(v.name, ''), coalesce(v.address, '') "
    "FROM events e LEFT JOIN venues v ON v.id = e.venue_id WHERE e.id = $1::uuid"};

struct EventDetails {
    std::string title;
    std::int64_t startsAtMs = 0;
    std::int64_t endsAtMs = 0;
    std::string timeZone;
    std::string venueName;
    std::string venueAddress;
};

std::optional<EventDetails> eventDetails(pqxx::transaction_base& tx, const std::string& eventId) {
    const auto rows = detail::exec(tx, kEventDetails, eventId);
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    return EventDetails{r[0].as<std::string>(), r[1].as<std::int64_t>(), r[2].as<std::int64_t>(),
                        r[3].as<std::string>(), r[4].as<std::string>(), r[5].as<std::string>()};
}

} // namespace

int minorDigits(const std::string& currency) {
    static const std::map<std::string, int> exceptions{
        {"BIF", 0}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"ISK", 0}, {"JPY", 0}, {"KMF", 0}, {"KRW", 0},
        {"PYG", 0}, {"RWF", 0}, {"UGX", 0}, {"VND", 0}, {"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0},
        {"BHD", 3}, {"IQD", 3}, {"JOD", 3}, {"KWD", 3}, {"LYD", 3}, {"OMR", 3}, {"TND", 3}};
    const auto it = exceptions.find(currency);
    return it == exceptions.end() ? 2 : it->second;
}

// "EUR 1,234.50", "JPY 1,500", "-EUR 3.00": integer arithmetic only.
std::string formatMoney(std::int64_t minor, const std::string& currency) {
    const int digits = minorDigits(currency);
    std::int64_t scale = 1;
    for (int i = 0; i < digits; ++i) scale *= 10;
    const auto magnitude = minor < 0 ? -static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
    const auto units = std::to_string(magnitude / static_cast<std::uint64_t>(scale));
    std::string grouped;
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (i > 0 && (units.size() - i) % 3 == 0) grouped += ',';
        grouped += units[i];
    }
    std::string text = (minor < 0 ? "-" : "") + currency + " " + grouped;
    if (digits > 0) {
        auto fraction = std::to_string(magnitude % static_cast<std::uint64_t>(scale));
        text += "." + std::string(static_cast<std::size_t>(digits) - fraction.size(), '0') + fraction;
    }
    return text;
}

// "Saturday, 14 June 2025, 19:30 CEST" in `timeZone` (UTC when empty or unknown).
std::string formatEventTime(std::int64_t ms, const std::string& timeZone) {
    using namespace std::chrono;
    const sys_time<milliseconds> when{milliseconds(ms)};
    const date::time_zone* zone = nullptr;
    try {
        if (!timeZone.empty()) zone = date::locate_zone(timeZone);
    } catch (const std::exception&) {
        zone = nullptr;
    }
    if (zone == nullptr) return date::format("%A, %d %B %Y, %H:%M UTC", floor<minutes>(when));
    return date::format("%A, %d %B %Y, %H:%M %Z", date::make_zoned(zone, floor<minutes>(when)));
}

std::string htmlEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace {

std::string lineText(const MailLanguage& lang, const v1::OrderLine& line, const std::string& currency) {
    return line.label() + " (" + line.price_category_name() + ") " + lang.money(line.total_minor(), currency);
}

void addTotals(const MailLanguage& lang, TwoBodies& body, const v1::Order& order) {
    const auto& c = order.currency();
    // Tax is either contained in price + fees (EU consumer prices) or added on top.
    const bool taxAdded = order.subtotal_minor() + order.fees_minor() + order.tax_minor() == order.total_minor();
    body.rows({{lang.tr("Tickets"), lang.money(order.subtotal_minor(), c)},
               {lang.tr("Booking fees"), lang.money(order.fees_minor(), c)},
               {taxAdded ? lang.tr("Tax") : lang.tr("Included tax"), lang.money(order.tax_minor(), c)},
               {lang.tr("Total"), lang.money(order.total_minor(), c)}});
}

} // namespace

namespace {

// The tickets' words and formats in the order's language (English: the renderer's own).
tickets::TicketWording ticketWording(const MailLanguage& lang) {
    tickets::TicketWording wording;
    if (lang.code() == "en") return wording;
    auto& c = wording.captions;
    c.heading = lang.tr("TICKET");
    c.seat = lang.tr("Seat");
    c.category = lang.tr("Category");
    c.holder = lang.tr("Name");
    c.order = lang.tr("Order");
    c.price = lang.tr("Price");
    // Translators: stamped across a cancelled ticket.
    c.voided = lang.tr("VOID");
    c.voidedNote = lang.tr("This ticket is no longer valid.");
    c.scanHint = lang.tr("Show this code at the entrance");
    wording.format.dateTime = [&lang](std::int64_t ms, const std::string& zone) { return lang.shortEventTime(ms, zone); };
    wording.format.money = [&lang](std::int64_t minor, const std::string& currency) { return lang.money(minor, currency); };
    return wording;
}

// The order with its valid tickets only (read from the database when the caller's copy has
// none): what the PDF shows.
v1::Order withValidTickets(pqxx::transaction_base& tx, const v1::Order& order) {
    v1::Order copy = order;
    if (copy.tickets().empty())
        for (auto& ticket : tickets::ticketsOfOrder(tx, order.id())) *copy.add_tickets() = std::move(ticket);
    auto* list = copy.mutable_tickets();
    list->erase(std::remove_if(list->begin(), list->end(), [](const v1::Ticket& t) { return t.voided(); }), list->end());
    if (copy.tickets().empty())
        throw std::invalid_argument("order " + order.code() + " has no valid tickets to confirm");
    return copy;
}

} // namespace

void enqueueOrderConfirmation(pqxx::transaction_base& tx, const v1::Order& order) {
    const auto event = eventDetails(tx, order.event_id());
    const auto& title = order.event_title().empty() && event ? event->title : order.event_title();
    const auto startsAt = order.event_starts_at_ms() != 0 || !event ? order.event_starts_at_ms() : event->startsAtMs;
    const auto& zone = order.event_time_zone().empty() && event ? event->timeZone : order.event_time_zone();
    const auto& lang = MailLanguage::of(order.language());
    const auto where = whereText(order.venue_name(), order.venue_address());
    const auto when = lang.eventTime(startsAt, zone);

    std::vector<std::string> seats;
    for (const auto& line : order.lines()) seats.push_back(lineText(lang, line, order.currency()));

    TwoBodies body(lang);
    body.paragraph(greeting(lang, order.buyer_name()));
    body.paragraph(lang.tr("Thank you for your order {1}. Your tickets are attached as a PDF: show the QR code on your "
                           "phone or on paper at the entrance. The calendar invitation adds the event to your calendar.",
                           order.code()));
    body.heading(title);
    body.rows({{lang.tr("When"), when}, {lang.tr("Where"), where}, {lang.tr("Order"), order.code()}});
    body.paragraph(lang.trn("Your seat:", "Your seats:", static_cast<std::int64_t>(seats.size())));
    body.list(seats);
    addTotals(lang, body, order);

    OutgoingMail mail;
    mail.dedupKey = "order-confirmation:" + order.id();
    mail.kind = "order_confirmation";
    mail.toAddress = order.buyer_email();
    mail.toName = order.buyer_name();
    mail.subject = lang.tr("Your tickets for {1} ({2})", title, order.code());
    mail.textBody = body.text();
    mail.htmlBody = body.html(mail.subject);

    const auto sender = mailSender();
    Invitation invitation;
    invitation.uid = "order-" + order.id() + "@" + sender.domain();
    invitation.summary = title;
    invitation.location = where;
    std::string description = lang.tr("Order {1}", order.code()) + "\n";
    for (const auto& seat : seats) description += seat + "\n";
    invitation.description = description;
    invitation.startsAtMs = startsAt;
    invitation.endsAtMs = event ? event->endsAtMs : 0;
    invitation.timeZone = zone;
    invitation.organizerName = sender.name;
    invitation.organizerAddress = sender.address;
    invitation.attendeeName = order.buyer_name();
    invitation.attendeeAddress = order.buyer_email();
    invitation.stampMs = order.updated_at_ms() != 0 ? order.updated_at_ms() : order.created_at_ms();
    mail.attachments.push_back(
        {"tickets-" + order.code() + ".pdf", "application/pdf", tickets::renderTicketsPdf(withValidTickets(tx, order), ticketWording(lang))});
    if (startsAt != 0)
        mail.attachments.push_back({"invitation.ics", "text/calendar; method=REQUEST; charset=utf-8",
                                    renderInvitation(invitation)});
    enqueueMail(tx, mail);
}

void enqueueOrderCancelled(pqxx::transaction_base& tx, const v1::Order& order, const std::string& reason,
                           const std::string& refundKey) {
    const bool eventCancelled = reason == "event_cancelled";
    const auto& currency = order.currency();
    const auto& lang = MailLanguage::of(order.language());

    std::vector<std::string> voided;
    for (const auto& ticket : order.tickets())
        if (ticket.voided()) voided.push_back(ticket.label() + " (" + ticket.price_category_name() + ")");

    TwoBodies body(lang);
    body.paragraph(greeting(lang, order.buyer_name()));
    if (eventCancelled)
        body.paragraph(lang.tr("We are sorry: {1} has been cancelled by the organizer.", order.event_title()));
    else if (order.status() == v1::ORDER_CANCELLED)
        body.paragraph(lang.tr("Your order {1} for {2} has been cancelled.", order.code(), order.event_title()));
    else
        body.paragraph(lang.tr("Your order {1} for {2} has been partly cancelled.", order.code(), order.event_title()));
    body.rows({{lang.tr("Event"), order.event_title()},
               {lang.tr("When"), lang.eventTime(order.event_starts_at_ms(), order.event_time_zone())},
               {lang.tr("Order"), order.code()},
               {lang.tr("Refunded"), lang.money(order.payment().refunded_minor(), currency)}});
    // The reason is the person's own words (or a code from the saga), shown as given.
    if (!eventCancelled && !reason.empty()) body.paragraph(lang.tr("Reason: {1}", reason));
    if (!voided.empty()) {
        body.paragraph(lang.trn("This ticket is no longer valid:", "These tickets are no longer valid:",
                                static_cast<std::int64_t>(voided.size())));
        body.list(voided);
    }
    body.paragraph(lang.tr("The refund goes back the way you paid; your bank may take a few days to show it."));

    OutgoingMail mail;
    mail.dedupKey = "order-cancelled:" + order.id() + ":" + refundKey;
    mail.kind = eventCancelled ? "event_cancelled" : "order_cancelled";
    mail.toAddress = order.buyer_email();
    mail.toName = order.buyer_name();
    mail.subject = eventCancelled ? lang.tr("Cancelled: {1} ({2})", order.event_title(), order.code())
                                  : lang.tr("Order {1} cancelled: {2}", order.code(), order.event_title());
    mail.textBody = body.text();
    mail.htmlBody = body.html(mail.subject);
    enqueueMail(tx, mail);
}

void enqueueWaitlistOffer(pqxx::transaction_base& tx, const v1::WaitlistEntry& entry, const std::string& toAddress,
                          const std::string& toName, const std::string& language) {
    const auto event = eventDetails(tx, entry.event_id());
    const auto& title = entry.event_title().empty() && event ? event->title : entry.event_title();
    const std::string zone = event ? event->timeZone : "";

    const auto& lang = MailLanguage::of(language);

    std::vector<std::string> seats(entry.offered_seat_labels().begin(), entry.offered_seat_labels().end());
    TwoBodies body(lang);
    body.paragraph(greeting(lang, toName));
    body.paragraph(lang.tr("Good news: seats for {1} came free, and we are holding them for you.", title));
    std::vector<std::pair<std::string, std::string>> facts{{lang.tr("Event"), title}};
    if (event) {
        facts.emplace_back(lang.tr("When"), lang.eventTime(event->startsAtMs, zone));
        facts.emplace_back(lang.tr("Where"), whereText(event->venueName, event->venueAddress));
    }
    facts.emplace_back(lang.tr("Held until"), lang.eventTime(entry.offer_expires_at_ms(), zone));
    body.rows(facts);
    if (!seats.empty()) {
        body.paragraph(lang.trn("The seat held for you:", "The seats held for you:", static_cast<std::int64_t>(seats.size())));
        body.list(seats);
        if (entry.seats_apart())
            body.paragraph(lang.tr("No seats side by side were free, so these seats are not together."));
    }
    body.paragraph(lang.tr("To book them, open Marquee, go to your waitlist and complete the order before the hold "
                           "ends. After that the seats are offered to the next person in line."));

    OutgoingMail mail;
    // One mail per offer: a later offer to the same entry has another hold.
    mail.dedupKey = "waitlist-offer:" + entry.id() + ":" + entry.hold_id();
    mail.kind = "waitlist_offer";
    mail.toAddress = toAddress;
    mail.toName = toName;
    mail.subject = lang.tr("Seats are waiting for you: {1}", title);
    mail.textBody = body.text();
    mail.htmlBody = body.html(mail.subject);
    enqueueMail(tx, mail);
}

} // namespace marquee::server::mail
