// Wishlist alert and weekly digest mails (see wishlist_mails.hpp), in the recipient's language;
// times in the event's own zone with the zone named, money from minor units; each carries a
// one-click unsubscribe link for its own setting when the server has a public URL.
#include "mail/wishlist_mails.hpp"

#include "mail/mail_language.hpp"
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
// wishlist when they…"), so the mail names the box to untick; the catalogs use the client's
// own translations of them (translations/marquee_*.ts).
std::string settingLabel(const MailLanguage& lang, recommend::AlertKind kind) {
    switch (kind) {
    case recommend::AlertKind::SellingOut: return lang.tr("are about to sell out");
    case recommend::AlertKind::PriceDrop: return lang.tr("drop in price");
    case recommend::AlertKind::ScheduleChange: return lang.tr("change date or venue");
    case recommend::AlertKind::Cancelled: return lang.tr("are cancelled");
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
void addUnsubscribe(const MailLanguage& lang, TwoBodies& body, OutgoingMail& mail, const UnsubscribeLinks& links,
                    const Recipient& to, MailSetting setting) {
    mail.listUnsubscribeUrl = links.link(to.userId, setting);
    if (!mail.listUnsubscribeUrl.empty())
        body.paragraphWithLink(setting == MailSetting::WeeklyDigest ? lang.tr("Or switch it off with one click:")
                                                                    : lang.tr("Or switch them off with one click:"),
                               mail.listUnsubscribeUrl);
}

std::string venueText(const MailLanguage& lang, const std::string& name) {
    return name.empty() ? lang.tr("no venue given") : name;
}

std::string fromPrice(const MailLanguage& lang, const recommend::EventFacts& e) {
    return e.priceMinor ? lang.tr("from {1}", lang.money(*e.priceMinor, e.currency)) : "";
}

// Where to find the event: the wishlist, and its id for support or search.
void addEventReference(const MailLanguage& lang, TwoBodies& body, const recommend::EventFacts& event) {
    body.paragraph(lang.tr("Open Marquee and tick \"Wishlist only\" above the event list to find it (event reference "
                           "{1}).",
                           event.eventId));
}

void addTimeZoneNote(const MailLanguage& lang, TwoBodies& body, const recommend::EventFacts& event) {
    body.paragraph(event.timeZone.empty() ? lang.tr("Times are in UTC.")
                                          : lang.tr("Times are the event's local time ({1}).", event.timeZone));
}

struct AlertText {
    std::string subject;
    std::string lead;
    std::vector<std::pair<std::string, std::string>> rows;
};

AlertText alertText(const MailLanguage& lang, recommend::AlertKind kind, const nlohmann::json& d,
                    const recommend::EventFacts& now) {
    using K = recommend::AlertKind;
    const auto& title = now.title;
    const auto when = [&](std::int64_t ms) { return lang.eventTime(ms, now.timeZone); };
    AlertText t;
    switch (kind) {
    case K::SellingOut: {
        const auto left = d.value("remaining", std::int64_t{0});
        const auto capacity = std::to_string(d.value("capacity", std::int64_t{0}));
        t.subject = lang.trn("Almost sold out: {2} ({1} place left)", "Almost sold out: {2} ({1} places left)", left, title);
        t.lead = lang.trn("{2} is about to sell out: only {1} place of {3} is left.",
                          "{2} is about to sell out: only {1} places of {3} are left.", left, title, capacity);
        t.rows = {{lang.tr("When"), when(now.startsAtMs)}, {lang.tr("Where"), venueText(lang, now.venueName)}};
        if (now.priceMinor) t.rows.emplace_back(lang.tr("Price"), fromPrice(lang, now));
        break;
    }
    case K::PriceDrop: {
        const auto& currency = d.value("currency", now.currency);
        const auto before = lang.money(d.value("old_price_minor", std::int64_t{0}), currency);
        const auto after = lang.money(d.value("new_price_minor", std::int64_t{0}), currency);
        t.subject = lang.tr("Price drop: {1} now from {2} (was {3})", title, after, before);
        t.lead = lang.tr("Tickets for {1} are cheaper now.", title);
        t.rows = {{lang.tr("Lowest price"), before + " → " + after},
                  {lang.tr("When"), when(now.startsAtMs)},
                  {lang.tr("Where"), venueText(lang, now.venueName)}};
        break;
    }
    case K::ScheduleChange: {
        const bool postponed = d.value("postponed", false);
        const bool dateChanged = d.value("old_starts_at_ms", std::int64_t{0}) != d.value("new_starts_at_ms", std::int64_t{0});
        const bool venueChanged = d.value("old_venue_id", std::string()) != d.value("new_venue_id", std::string());
        if (postponed) t.subject = lang.tr("Postponed: {1}", title);
        else if (dateChanged && venueChanged) t.subject = lang.tr("New date and venue: {1}", title);
        else if (venueChanged) t.subject = lang.tr("New venue: {1}", title);
        else t.subject = lang.tr("New date: {1}", title);
        t.lead = postponed ? lang.tr("{1} has been postponed.", title) : lang.tr("{1} has changed.", title);
        const auto oldWhen = when(d.value("old_starts_at_ms", std::int64_t{0}));
        const auto newWhen = when(d.value("new_starts_at_ms", std::int64_t{0}));
        t.rows.emplace_back(lang.tr("Date"), dateChanged ? oldWhen + " → " + newWhen : newWhen);
        const auto oldVenue = venueText(lang, d.value("old_venue", std::string()));
        const auto newVenue = venueText(lang, d.value("new_venue", std::string()));
        t.rows.emplace_back(lang.tr("Venue"), venueChanged ? oldVenue + " → " + newVenue : newVenue);
        if (postponed)
            t.rows.emplace_back(lang.tr("Status"), lang.tr("postponed; the organizer may announce a new date"));
        break;
    }
    case K::Cancelled:
        t.subject = lang.tr("Cancelled: {1}", title);
        t.lead = lang.tr("We are sorry: {1} has been cancelled.", title);
        t.rows = {{lang.tr("Was planned for"), when(now.startsAtMs)}, {lang.tr("Where"), venueText(lang, now.venueName)}};
        break;
    }
    return t;
}

} // namespace

void enqueueWishlistAlert(pqxx::transaction_base& tx, const UnsubscribeLinks& links, std::int64_t alertId,
                          recommend::AlertKind kind, const nlohmann::json& details, const recommend::EventFacts& now,
                          const Recipient& to) {
    const auto& lang = MailLanguage::of(to.language);
    const auto text = alertText(lang, kind, details, now);
    TwoBodies body(lang);
    body.paragraph(greeting(lang, to.name));
    body.paragraph(text.lead);
    body.heading(now.title);
    body.rows(text.rows);
    addTimeZoneNote(lang, body, now);
    if (kind == recommend::AlertKind::Cancelled)
        body.paragraph(lang.tr("If you bought tickets, the order mails tell you about your refund."));
    addEventReference(lang, body, now);
    body.paragraph(lang.tr("You get this mail because {1} is on your wishlist. To stop these alerts, open "
                           "Recommendation Settings in Marquee and untick \"{2}\" under \"E-mail me about events on "
                           "my wishlist when they\u2026\".",
                           now.title, settingLabel(lang, kind)));
    OutgoingMail mail;
    addUnsubscribe(lang, body, mail, links, to, mailSetting(kind));

    mail.dedupKey = "wishlist-alert:" + std::to_string(alertId) + ":" + std::to_string(to.userId);
    mail.kind = "wishlist_" + std::string(recommend::alertKindName(kind));
    mail.toAddress = to.address;
    mail.toName = to.name;
    mail.subject = text.subject;
    mail.textBody = body.text();
    mail.htmlBody = body.html(mail.subject);
    enqueueMail(tx, mail);
}

std::int64_t enqueueWeeklyDigest(pqxx::transaction_base& tx, const UnsubscribeLinks& links, const std::string& isoWeek,
                                 const std::vector<DigestItem>& items, const Recipient& to) {
    const auto& lang = MailLanguage::of(to.language);
    // "2026-W47" -> its Monday, "16 November 2026".
    std::string weekOf = isoWeek;
    if (isoWeek.size() == 8) {
        const iso_week::year_weeknum_weekday monday{iso_week::year{std::stoi(isoWeek.substr(0, 4))},
                                                    iso_week::weeknum{static_cast<unsigned>(std::stoi(isoWeek.substr(6)))},
                                                    iso_week::mon};
        weekOf = lang.day(date::sys_days(monday).time_since_epoch().count());
    }

    TwoBodies body(lang);
    body.paragraph(greeting(lang, to.name));
    body.paragraph(lang.trn("Here is an upcoming event we think you will like:",
                            "Here are {1} upcoming events we think you will like:",
                            static_cast<std::int64_t>(items.size())));
    for (const auto& item : items) {
        const auto& e = item.event;
        body.heading(e.title);
        std::vector<std::pair<std::string, std::string>> rows{{lang.tr("When"), lang.eventTime(e.startsAtMs, e.timeZone)}};
        if (const auto where = whereText(e.venueName, e.city); !where.empty()) rows.emplace_back(lang.tr("Where"), where);
        if (e.priceMinor) rows.emplace_back(lang.tr("Price"), fromPrice(lang, e));
        rows.emplace_back(lang.tr("Why"), item.reason);
        rows.emplace_back(lang.tr("Event reference"), e.eventId);
        body.rows(rows);
    }
    body.paragraph(lang.tr("Times are each event's local time. Open Marquee and look for an event by its title, or "
                           "find more on the \"For You\" page."));
    body.paragraph(lang.tr("You get this digest because you switched on the weekly digest. To stop it, open "
                           "Recommendation Settings in Marquee and untick \"Also send me a weekly digest of "
                           "recommended events\"."));
    OutgoingMail mail;
    addUnsubscribe(lang, body, mail, links, to, MailSetting::WeeklyDigest);

    mail.dedupKey = "weekly-digest:" + std::to_string(to.userId) + ":" + isoWeek;
    mail.kind = "weekly_digest";
    mail.toAddress = to.address;
    mail.toName = to.name;
    mail.subject = lang.tr("Your Marquee picks for the week of {1}", weekOf);
    mail.textBody = body.text();
    mail.htmlBody = body.html(mail.subject);
    return enqueueMail(tx, mail);
}

} // namespace marquee::server::mail
