// The .ics calendar invitation (RFC 5545/5546 METHOD:REQUEST, libical) that goes with an
// order confirmation, so the buyer's calendar gets the event in the event's own time zone.
#pragma once

#include <cstdint>
#include <string>

namespace marquee::server::mail {

struct Invitation {
    std::string uid;               // stable per order: a resent mail updates, never duplicates
    std::string summary;           // the event title
    std::string location;          // "Venue, address"
    std::string description;       // order code, seats
    std::int64_t startsAtMs = 0;   // UTC
    std::int64_t endsAtMs = 0;     // 0: unknown (no DTEND)
    std::string timeZone;          // IANA; empty or unknown: times in UTC
    std::string organizerName;
    std::string organizerAddress;
    std::string attendeeName;
    std::string attendeeAddress;
    std::int64_t stampMs = 0;      // DTSTAMP
};

// A VCALENDAR with METHOD:REQUEST, the event zone's VTIMEZONE and one VEVENT; CRLF lines.
std::string renderInvitation(const Invitation& invitation);

} // namespace marquee::server::mail
