// Wishlist alert and weekly digest mails (see wishlist_mails.hpp). English like the other mails;
// times in the event's own zone with the zone named, money from minor units; each carries a
// one-click unsubscribe link for its own setting when the server has a public URL.
#include "mail/wishlist_mails.hpp"

#include "mail/mail_outbox.hpp"
#include "mail/mail_text.hpp"
#include "mail/notifications.hpp"
#include "mail/unsubscribe.hpp"

#include <date/date.h>
#include <date/iso_week.h>

#include <stdexcept>

namespace marquee::server::mail {

namespace {

// The client's words for the settings (Recommendation Settings, "E-mail me about events on my
// wishlist when they…"), so the mail names the box to untick.
constexpr const char* kSettingsPlace = "open Recommendation Settings in Marquee and untick ";
constexpr const char* kAlertsGroup = " under \"E-mail me about events on my wishlist when they\u2026\"";

std::string settingLabel(recommend::AlertKind kind) {
    switch (kind) {
    case recommend::AlertKind::SellingOut: return "are about to sell out";
    case recommend::AlertKind::PriceDrop: return "drop in price";
    case recommend::AlertKind::ScheduleChange: return "change date or venue";
    case recommend::AlertKind::Cancelled: return "are cancelled";
    }
    return "";
}

MailSetting mailSetting(recommend::AlertKind kind) {
    switch (kind) {
    case recommend::AlertKind::SellingOut: return MailSetting::AlertSellingOut;
    case recommend::AlertKind::PriceDrop: return MailSetting::AlertPriceDrop;
    case recommend::AlertKind::ScheduleChange: return MailSetting::AlertScheduleChange;
    case recommend::AlertKind::Cancelled: return MailSetting::AlertCancelled;
    }
    throw std::logic_error("unknown alert kind");
}

// The one-click link (when the server has a public URL) after the words that say where the
// setting is in the client; the same link goes into List-Unsubscribe.
void addUnsubscribe(TwoBodies& body, OutgoingMail& mail, pqxx::transaction_base& tx, const Recipient& to,
                    MailSetting setting) {
    mail.listUnsubscribeUrl = unsubscribeLink(tx, to.userId, setting);
    if (!mail.listUnsubscribeUrl.empty())
        body.paragraphWithLink("Or switch them off with one click:", mail.listUnsubscribeUrl);
}

std::string venueText(const std::string& name) { return name.empty() ? "no venue given" : name; }

std::string fromPrice(const recommend::EventFacts& e) {
    return e.priceMinor ? "from " + formatMoney(*e.priceMinor, e.currency) : "";
}

// Where to find the event: the wishlist, and its id for support or search.
void addEventReference(TwoBodies& body, const recommend::EventFacts& event) {
    body.paragraph("Open Marquee and tick \"Wishlist only\" above the event list to find it (event reference " +
                   event.eventId + ").");
}

void addTimeZoneNote(TwoBodies& body, const recommend::EventFacts& event) {
    body.paragraph(event.timeZone.empty() ? "Times are in UTC."
                                          : "Times are the event's local time (" + event.timeZone + ").");
}

struct AlertText {
    std::string subject;
    std::string lead;
    std::vector<std::pair<std::string, std::string>> rows;
};

AlertText alertText(recommend::AlertKind kind, const nlohmann::json& d, const recommend::EventFacts& now) {
    using K = recommend::AlertKind;
    const auto& title = now.title;
    const auto when = [&](std::int64_t ms) { return formatEventTime(ms, now.timeZone); };
    AlertText t;
    switch (kind) {
    case K::SellingOut: {
        const auto left = d.value("remaining", std::int64_t{0});
        const auto places = std::to_string(left) + (left == 1 ? " place" : " places");
        t.subject = "Almost sold out: " + title + " (" + places + " left)";
        t.lead = title + " is about to sell out: only " + places + " of " +
                 std::to_string(d.value("capacity", std::int64_t{0})) + " are left.";
        t.rows = {{"When", when(now.startsAtMs)}, {"Where", venueText(now.venueName)}};
        if (now.priceMinor) t.rows.emplace_back("Price", fromPrice(now));
        break;
    }
    case K::PriceDrop: {
        const auto& currency = d.value("currency", now.currency);
        const auto before = formatMoney(d.value("old_price_minor", std::int64_t{0}), currency);
        const auto after = formatMoney(d.value("new_price_minor", std::int64_t{0}), currency);
        t.subject = "Price drop: " + title + " now from " + after + " (was " + before + ")";
        t.lead = "Tickets for " + title + " are cheaper now.";
        t.rows = {{"Lowest price", before + " → " + after},
                  {"When", when(now.startsAtMs)},
                  {"Where", venueText(now.venueName)}};
        break;
    }
    case K::ScheduleChange: {
        const bool postponed = d.value("postponed", false);
        const bool dateChanged = d.value("old_starts_at_ms", std::int64_t{0}) != d.value("new_starts_at_ms", std::int64_t{0});
        const bool venueChanged = d.value("old_venue_id", std::string()) != d.value("new_venue_id", std::string());
        if (postponed) t.subject = "Postponed: " + title;
        else if (dateChanged && venueChanged) t.subject = "New date and venue: " + title;
        else if (venueChanged) t.subject = "New venue: " + title;
        else t.subject = "New date: " + title;
        t.lead = postponed ? title + " has been postponed." : title + " has changed.";
        const auto oldWhen = when(d.value("old_starts_at_ms", std::int64_t{0}));
        const auto newWhen = when(d.value("new_starts_at_ms", std::int64_t{0}));
        t.rows.emplace_back("Date", dateChanged ? oldWhen + " → " + newWhen : newWhen);
        const auto oldVenue = venueText(d.value("old_venue", std::string()));
        const auto newVenue = venueText(d.value("new_venue", std::string()));
        t.rows.emplace_back("Venue", venueChanged ? oldVenue + " → " + newVenue : newVenue);
        if (postponed) t.rows.emplace_back("Status", "postponed; the organizer may announce a new date");
        break;
    }
    case K::Cancelled:
        t.subject = "Cancelled: " + title;
        t.lead = "We are sorry: " + title + " has been cancelled.";
        t.rows = {{"Was planned for", when(now.startsAtMs)}, {"Where", venueText(now.venueName)}};
        break;
    }
    return t;
}

} // namespace

void enqueueWishlistAlert(pqxx::transaction_base& tx, std::int64_t alertId, recommend::AlertKind kind,
                          const nlohmann::json& details, const recommend::EventFacts& now, const Recipient& to) {
    const auto text = alertText(kind, details, now);
    TwoBodies body;
    body.paragraph(greeting(to.name));
    body.paragraph(text.lead);
    body.heading(now.title);
    body.rows(text.rows);
    addTimeZoneNote(body, now);
    if (kind == recommend::AlertKind::Cancelled)
        body.paragraph("If you bought tickets, the order mails tell you about your refund.");
    addEventReference(body, now);
    body.paragraph("You get this mail because " + now.title + " is on your wishlist. To stop these alerts, " +
                   kSettingsPlace + "\"" + settingLabel(kind) + "\"" + kAlertsGroup + ".");
    OutgoingMail mail;
    addUnsubscribe(body, mail, tx, to, mailSetting(kind));

    mail.dedupKey = "wishlist-alert:" + std::to_string(alertId) + ":" + std::to_string(to.userId);
    mail.kind = "wishlist_" + std::string(recommend::alertKindName(kind));
    mail.toAddress = to.address;
    mail.toName = to.name;
    mail.subject = text.subject;
    mail.textBody = body.text();
    mail.htmlBody = body.html(mail.subject);
    enqueueMail(tx, mail);
}

std::int64_t enqueueWeeklyDigest(pqxx::transaction_base& tx, const std::string& isoWeek,
                                 const std::vector<DigestItem>& items, const Recipient& to) {
    // "2026-W47" -> its Monday, "16 November 2026".
    std::string weekOf = isoWeek;
    if (isoWeek.size() == 8) {
        const iso_week::year_weeknum_weekday monday{iso_week::year{std::stoi(isoWeek.substr(0, 4))},
                                                    iso_week::weeknum{static_cast<unsigned>(std::stoi(isoWeek.substr(6)))},
                                                    iso_week::mon};
        weekOf = date::format("%d %B %Y", date::sys_days(monday));
        if (!weekOf.empty() && weekOf[0] == '0') weekOf.erase(0, 1);
    }

    TwoBodies body;
    body.paragraph(greeting(to.name));
    body.paragraph(items.size() == 1 ? "Here is an upcoming event we think you will like:"
                                     : "Here are " + std::to_string(items.size()) +
                                           " upcoming events we think you will like:");
    for (const auto& item : items) {
        const auto& e = item.event;
        body.heading(e.title);
        std::vector<std::pair<std::string, std::string>> rows{{"When", formatEventTime(e.startsAtMs, e.timeZone)}};
        if (const auto where = whereText(e.venueName, e.city); !where.empty()) rows.emplace_back("Where", where);
        if (e.priceMinor) rows.emplace_back("Price", fromPrice(e));
        rows.emplace_back("Why", item.reason);
        rows.emplace_back("Event reference", e.eventId);
        body.rows(rows);
    }
    body.paragraph("Times are each event's local time. Open Marquee and look for an event by its title, or find "
                   "more on the \"For You\" page.");
    body.paragraph(std::string("You get this digest because you switched on the weekly digest. To stop it, ") +
                   kSettingsPlace + "\"Also send me a weekly digest of recommended events\".");
    OutgoingMail mail;
    addUnsubscribe(body, mail, tx, to, MailSetting::WeeklyDigest);

    mail.dedupKey = "weekly-digest:" + std::to_string(to.userId) + ":" + isoWeek;
    mail.kind = "weekly_digest";
    mail.toAddress = to.address;
    mail.toName = to.name;
    mail.subject = "Your Marquee picks for the week of " + weekOf;
    mail.textBody = body.text();
    mail.htmlBody = body.html(mail.subject);
    return enqueueMail(tx, mail);
}

} // namespace marquee::server::mail
