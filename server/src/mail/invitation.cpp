// renderInvitation (see invitation.hpp) with libical 3.
#include "mail/invitation.hpp"

#include "ingest/libical.hpp"

#include <ctime>
#include <memory>
#include <stdexcept>

namespace marquee::server::mail {

namespace {

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};

icaltimetype timeIn(std::int64_t ms, icaltimezone* zone) {
    return icaltime_from_timet_with_zone(static_cast<time_t>(ms / 1000), 0, zone);
}

// DTSTART/DTEND in the event's zone (TZID names the VTIMEZONE we include), or UTC.
icalproperty* withZone(icalproperty* property, const std::string& tzid) {
    if (!tzid.empty()) icalproperty_add_parameter(property, icalparameter_new_tzid(tzid.c_str()));
    return property;
}

icalproperty* person(icalproperty* property, const std::string& name) {
    if (!name.empty()) icalproperty_add_parameter(property, icalparameter_new_cn(name.c_str()));
    return property;
}

} // namespace

std::string renderInvitation(const Invitation& invitation) {
    if (invitation.uid.empty() || invitation.startsAtMs == 0) throw std::invalid_argument("invitation needs a UID and a start");
    icaltimezone* utc = icaltimezone_get_utc_timezone();
    icaltimezone* zone = invitation.timeZone.empty() ? nullptr
                                                     : icaltimezone_get_builtin_timezone(invitation.timeZone.c_str());

    const std::unique_ptr<icalcomponent, ComponentFree> calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Marquee//Tickets//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_REQUEST));

    std::string tzid;
    if (zone != nullptr) {
        // libical names its built-in zones with a vendor prefix; calendars expect the IANA name.
        icalcomponent* vtimezone = icalcomponent_new_clone(icaltimezone_get_component(zone));
        icalproperty* tzidProperty = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY);
        if (tzidProperty != nullptr) {
            tzid = invitation.timeZone;
            icalproperty_set_tzid(tzidProperty, tzid.c_str());
            icalcomponent_add_component(calendar.get(), vtimezone);
        } else {
            icalcomponent_free(vtimezone);
            zone = nullptr;
        }
    }
    icaltimezone* eventZone = zone != nullptr ? zone : utc;

    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(event, icalproperty_new_uid(invitation.uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(timeIn(invitation.stampMs, utc)));
    icalcomponent_add_property(event, icalproperty_new_sequence(0));
    icalcomponent_add_property(event, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
    icalcomponent_add_property(event,
                               withZone(icalproperty_new_dtstart(timeIn(invitation.startsAtMs, eventZone)), tzid));
    if (invitation.endsAtMs > invitation.startsAtMs)
        icalcomponent_add_property(event,
                                   withZone(icalproperty_new_dtend(timeIn(invitation.endsAtMs, eventZone)), tzid));
    icalcomponent_add_property(event, icalproperty_new_summary(invitation.summary.c_str()));
    if (!invitation.location.empty())
        icalcomponent_add_property(event, icalproperty_new_location(invitation.location.c_str()));
    if (!invitation.description.empty())
        icalcomponent_add_property(event, icalproperty_new_description(invitation.description.c_str()));
    icalcomponent_add_property(event, person(icalproperty_new_organizer(("mailto:" + invitation.organizerAddress).c_str()),
                                             invitation.organizerName));
    // The buyer has their tickets: attending, and no reply expected from their calendar.
    icalproperty* attendee = person(icalproperty_new_attendee(("mailto:" + invitation.attendeeAddress).c_str()),
                                    invitation.attendeeName);
    icalproperty_add_parameter(attendee, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
    icalproperty_add_parameter(attendee, icalparameter_new_partstat(ICAL_PARTSTAT_ACCEPTED));
    icalproperty_add_parameter(attendee, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
    icalcomponent_add_property(event, attendee);
    icalcomponent_add_component(calendar.get(), event);

    char* text = icalcomponent_as_ical_string_r(calendar.get());
    if (text == nullptr) throw std::runtime_error("rendering the invitation failed");
    std::string result(text);
    icalmemory_free_buffer(text);
    return result;
}

} // namespace marquee::server::mail
