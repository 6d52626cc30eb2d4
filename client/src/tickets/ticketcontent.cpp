// Ticket fields and captions for the client's painters.
#include "tickets/ticketcontent.h"

#include "marquee/protocol/ticket_conversions.hpp"
#include "models/eventformat.h"

#include <QCoreApplication>

namespace marquee::client::tickets {

namespace {

class TicketText {
    Q_DECLARE_TR_FUNCTIONS(TicketText)
public:
    static core::tickets::TicketCaptions captions()
    {
        core::tickets::TicketCaptions out;
        out.heading = tr("TICKET").toStdString();
        out.seat = tr("Seat").toStdString();
        out.category = tr("Category").toStdString();
        out.holder = tr("Name").toStdString();
        out.order = tr("Order").toStdString();
        out.price = tr("Price").toStdString();
        out.voided = tr("VOID", "stamp across a cancelled ticket").toStdString();
        out.voidedNote = tr("This ticket is no longer valid.").toStdString();
        out.scanHint = tr("Show this code at the entrance").toStdString();
        return out;
    }
};

} // namespace

core::tickets::TicketFields ticketFields(const v1::Order& order, const v1::Ticket& ticket, const QLocale& locale)
{
    protocol::TicketFormatters formatters;
    formatters.dateTime = [&locale](std::int64_t utcMs, const std::string& zone) {
        return format::eventDateTime(utcMs, QString::fromStdString(zone), locale, QLocale::LongFormat).toStdString();
    };
    formatters.money = [&locale](std::int64_t minor, const std::string& currency) {
        return format::money(minor, QString::fromStdString(currency), locale).toStdString();
    };
    return protocol::ticketFields(order, ticket, formatters);
}

core::tickets::TicketCaptions ticketCaptions()
{
    return TicketText::captions();
}

} // namespace marquee::client::tickets
