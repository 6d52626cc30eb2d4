// iCalendar parser: libical reads the text (unfolding, escapes, VTIMEZONE); times and
// recurrences are resolved here so every occurrence leaves with a UTC start and an IANA zone.
#include "ingest/libical.hpp"
#include "ingest/parsers.hpp"
#include "ingest/text.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <future>
#include <memory>
#include <mutex>
#include <set>

namespace marquee::server::ingest {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::size_t kMaxRawBytes = 64 * 1024;
constexpr std::int64_t kMaxDurationMs = 366 * kDayMs;

void initLibical() {
    static std::once_flag once;
    // libical's default may abort() on a malformed value; a feed must never do that.
    std::call_once(once, [] { icalerror_set_errors_are_fatal(0); });
}

struct ComponentDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

std::string str(const char* s) { return s ? std::string(s) : std::string(); }

// Outlook and Exchange write Windows zone names; these are the ones seen in feeds.
const std::map<std::string, std::string>& windowsZones() {
    static const std::map<std::string, std::string> zones{
        {"W. Europe Standard Time", "Europe/Berlin"},
        {"Central Europe Standard Time", "Europe/Budapest"},
        {"Central European Standard Time", "Europe/Warsaw"},
        {"Romance Standard Time", "Europe/Paris"},
        {"GMT Standard Time", "Europe/London"},
        {"Greenwich Standard Time", "Atlantic/Reykjavik"},
        {"E. Europe Standard Time", "Europe/Chisinau"},
        {"FLE Standard Time", "Europe/Kiev"},
        {"GTB Standard Time", "Europe/Bucharest"},
        {"Russian Standard Time", "Europe/Moscow"},
        {"Eastern Standard Time", "America/New_York"},
        {"Central Standard Time", "America/Chicago"},
        {"Mountain Standard Time", "America/Denver"},
        {"Pacific Standard Time", "America/Los_Angeles"},
        {"AUS Eastern Standard Time", "Australia/Sydney"},
        {"Tokyo Standard Time", "Asia/Tokyo"},
        {"China Standard Time", "Asia/Shanghai"},
        {"India Standard Time", "Asia/Kolkata"},
        {"Singapore Standard Time", "Asia/Singapore"},
        {"UTC", "Etc/UTC"},
        {"Coordinated Universal Time", "Etc/UTC"},
    };
    return zones;
}

// "/mozilla.org/20050126_1/Europe/Berlin", "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin",
// "custom_Europe/Berlin" -> an IANA name if one is inside.
std::string ianaFromTzid(const std::string& tzid) {
    if (isIanaZone(tzid)) return tzid;
    if (const auto it = windowsZones().find(tzid); it != windowsZones().end()) return it->second;
    // Try every '/'-separated suffix ("a/b/Europe/Berlin" -> "Europe/Berlin", "Berlin").
    for (std::size_t pos = tzid.find('/'); pos != std::string::npos; pos = tzid.find('/', pos + 1)) {
        const auto tail = tzid.substr(pos + 1);
        if (tail.find('/') != std::string::npos && isIanaZone(tail)) return tail;
    }
    for (const char* prefix : {"custom_", "tzone://Microsoft/"})
        if (tzid.rfind(prefix, 0) == 0 && isIanaZone(tzid.substr(std::char_traits<char>::length(prefix))))
            return tzid.substr(std::char_traits<char>::length(prefix));
    return {};
}

// How a DATE-TIME value's wall-clock fields become an instant.
struct ZoneRef {
    enum class Kind { Utc, Floating, Iana, FileZone } kind = Kind::Floating;
    std::string iana;                 // Iana: the zone; FileZone: the IANA name it stands for, if any
    icaltimezone* fileZone = nullptr; // the file's own VTIMEZONE (RFC 5545 says it wins)
};

bool validFields(const icaltimetype& t) {
    if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1 ||
        t.day > icaltime_days_in_month(t.month, t.year))
        return false;
    if (t.is_date) return true;
    return t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59 && t.second >= 0 && t.second <= 60;
}

class IcsReader {
public:
    IcsReader(const ParseOptions& options, ParseResult& result) : m_options(options), m_result(result) {
        m_windowStart = options.nowMs;
        m_windowEnd = options.nowMs + std::int64_t{options.horizonDays} * kDayMs;
    }

    // The roots' VEVENTs in order: one root, or the halves of a file libical parsed in two.
    void read(const std::vector<icalcomponent*>& roots) {
        std::vector<std::pair<icalcomponent*, icalcomponent*>> events; // (calendar, event)
        for (auto* root : roots) collect(root, nullptr, events);
        // Overrides (RECURRENCE-ID) first, so their masters can skip the instances they replace.
        for (const auto& [calendar, event] : events)
            if (icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY)) {
                const auto uid = str(icalcomponent_get_uid(event));
                if (const auto rid = recurrenceIdUtc(calendar, event)) m_overrides[uid].insert(*rid);
            }
        // The VEVENT spans the normaliser found line up with the collected components when
        // there are as many (both in document order); otherwise every record falls back.
        const bool spansAlign = m_sourceSpans.size() == events.size();
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto& [calendar, event] = events[i];
            if (m_result.records.size() >= m_options.maxRecords) {
                RawEventRecord overflow;
                overflow.ref = "overflow";
                overflow.problem = "the feed has more than " + std::to_string(m_options.maxRecords) +
                                   " events; the rest were not read";
                m_result.records.push_back(std::move(overflow));
                return;
            }
            readEvent(calendar, event, spansAlign ? m_sourceSpans[i] : std::string_view());
        }
    }

    // The text of each top-level VEVENT (inside VCALENDARs), in document order.
    void setSourceSpans(std::vector<std::string_view> spans) { m_sourceSpans = std::move(spans); }

private:
    void collect(icalcomponent* c, icalcomponent* calendar,
                 std::vector<std::pair<icalcomponent*, icalcomponent*>>& out) {
        const auto kind = icalcomponent_isa(c);
        if (kind == ICAL_VEVENT_COMPONENT) {
            out.emplace_back(calendar, c);
            return;
        }
        if (kind == ICAL_VCALENDAR_COMPONENT) calendar = c;
        if (kind != ICAL_VCALENDAR_COMPONENT && kind != ICAL_XROOT_COMPONENT) return;
        std::vector<icalcomponent*> children;
        for (auto* child = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); child;
             child = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
            children.push_back(child);
        for (auto* child : children) collect(child, calendar, out);
    }

    // Resolves a property's TZID (or its absence) to a ZoneRef; the error names the TZID.
    std::optional<ZoneRef> zoneOf(icalcomponent* calendar, icalproperty* prop, const icaltimetype& t,
                                  std::string& error) {
        ZoneRef z;
        if (icaltime_is_utc(t)) {
            z.kind = ZoneRef::Kind::Utc;
            return z;
        }
        auto* param = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
        if (!param) {
            z.kind = ZoneRef::Kind::Floating; // RFC 5545: local to whoever reads it -> the source's zone
            z.iana = m_options.defaultZone;
            return z;
        }
        const auto tzid = str(icalparameter_get_tzid(param));
        if (calendar)
            if (auto* zone = icalcomponent_get_timezone(calendar, tzid.c_str())) {
                z.kind = ZoneRef::Kind::FileZone;
                z.fileZone = zone;
                z.iana = ianaFromTzid(tzid);
                if (z.iana.empty()) z.iana = ianaFromTzid(str(icaltimezone_get_location(zone)));
                return z;
            }
        z.iana = ianaFromTzid(tzid);
        if (z.iana.empty()) {
            error = "unknown time zone TZID '" + tzid + "' (no VTIMEZONE in the file and not an IANA name)";
            return std::nullopt;
        }
        z.kind = ZoneRef::Kind::Iana;
        return z;
    }

    // Wall-clock fields in a zone -> UTC ms. Dates are midnight in the zone (or the source's).
    std::optional<std::int64_t> toUtc(icaltimetype t, const ZoneRef& z) const {
        if (!validFields(t)) return std::nullopt;
        const int hour = t.is_date ? 0 : t.hour;
        const int minute = t.is_date ? 0 : t.minute;
        const int second = t.is_date ? 0 : t.second;
        switch (z.kind) {
        case ZoneRef::Kind::Utc:
            return localToUtcMs("Etc/UTC", t.year, t.month, t.day, hour, minute, second);
        case ZoneRef::Kind::Floating:
        case ZoneRef::Kind::Iana:
            return localToUtcMs(z.iana.empty() ? m_options.defaultZone : z.iana, t.year, t.month, t.day, hour, minute,
                                second);
        case ZoneRef::Kind::FileZone: {
            if (t.is_date) {
                t.is_date = 0;
                t.hour = t.minute = t.second = 0;
            }
            t.zone = nullptr;
            return static_cast<std::int64_t>(icaltime_as_timet_with_zone(t, z.fileZone)) * 1000;
        }
        }
        return std::nullopt;
    }

    // The IANA zone to keep with the event.
    std::string keepZone(const ZoneRef& z, icaltimetype t, std::int64_t utcMs) const {
        if (!z.iana.empty()) return z.iana;
        if (z.kind == ZoneRef::Kind::FileZone) {
            // A VTIMEZONE with no recognisable name: keep the offset it gives at that instant.
            t.zone = nullptr;
            int isDaylight = 0;
            const int offset = icaltimezone_get_utc_offset(z.fileZone, &t, &isDaylight);
            return zoneForOffset(m_options.defaultZone, utcMs, offset);
        }
        return m_options.defaultZone; // UTC values: the source's zone is where the event is local
    }

    std::optional<std::int64_t> recurrenceIdUtc(icalcomponent* calendar, icalcomponent* event) {
        auto* prop = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY);
        if (!prop) return std::nullopt;
        const auto t = icalproperty_get_recurrenceid(prop);
        std::string error;
        const auto z = zoneOf(calendar, prop, t, error);
        if (!z) return std::nullopt;
        return toUtc(t, *z);
    }

    static std::string compactUtc(std::int64_t ms) {
        const auto tp = date::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms}};
        return date::format("%Y%m%dT%H%M%SZ", date::floor<std::chrono::seconds>(tp));
    }

    static std::string errorsOf(icalcomponent* event) {
        std::string out;
        for (auto* p = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY); p;
             p = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY)) {
            if (!out.empty()) out += "; ";
            out += str(icalproperty_get_xlicerror(p));
        }
        return out;
    }

    void readEvent(icalcomponent* calendar, icalcomponent* event, std::string_view sourceText) {
        RawEventRecord base;
        // The record's own lines as the file has them; libical's re-serialisation is the
        // fallback (it costs more than parsing the component did).
        const char* uidText = icalcomponent_get_uid(event);
        if (!sourceText.empty() && (uidText == nullptr || sourceText.find(uidText) != std::string_view::npos)) {
            base.raw = truncateUtf8(std::string(sourceText.substr(0, kMaxRawBytes + 4)), kMaxRawBytes);
        } else if (char* text = icalcomponent_as_ical_string_r(event)) {
            base.raw = truncateUtf8(text, kMaxRawBytes);
            icalmemory_free_buffer(text);
        }
        const auto uid = collapseSpace(str(icalcomponent_get_uid(event)));
        base.uid = uid;
        base.title = str(icalcomponent_get_summary(event));
        base.description = str(icalcomponent_get_description(event));
        const auto location = collapseSpace(str(icalcomponent_get_location(event)));
        if (const auto comma = location.find(','); comma != std::string::npos) {
            base.location.name = collapseSpace(location.substr(0, comma));
            base.location.address = collapseSpace(location.substr(comma + 1));
        } else {
            base.location.name = location;
        }
        if (auto* geo = icalcomponent_get_first_property(event, ICAL_GEO_PROPERTY)) {
            const auto g = icalproperty_get_geo(geo);
            if (g.lat >= -90 && g.lat <= 90 && g.lon >= -180 && g.lon <= 180 && (g.lat != 0.0 || g.lon != 0.0)) {
                base.location.latitude = g.lat;
                base.location.longitude = g.lon;
            }
        }
        for (auto* p = icalcomponent_get_first_property(event, ICAL_CATEGORIES_PROPERTY); p;
             p = icalcomponent_get_next_property(event, ICAL_CATEGORIES_PROPERTY)) {
            const auto all = str(icalproperty_get_categories(p));
            std::size_t start = 0;
            while (start <= all.size()) {
                auto end = all.find(',', start);
                if (end == std::string::npos) end = all.size();
                if (auto c = collapseSpace(all.substr(start, end - start)); !c.empty()) base.categories.push_back(c);
                start = end + 1;
            }
        }
        if (auto* p = icalcomponent_get_first_property(event, ICAL_URL_PROPERTY)) base.url = str(icalproperty_get_url(p));
        if (icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED) base.status = "cancelled";

        const std::string baseRef = !uid.empty() ? uid
                                                 : "h:" + sha256Hex(base.title + '\n' + base.raw).substr(0, 16);
        auto* startProp = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
        const auto fail = [&](std::string why) {
            base.ref = uniqueRef(baseRef);
            const auto errors = errorsOf(event);
            base.problem = errors.empty() ? std::move(why) : why + " (" + errors + ")";
            m_result.records.push_back(std::move(base));
        };
        if (!startProp) return fail("missing or unreadable DTSTART");
        const auto start = icalproperty_get_dtstart(startProp);
        if (icaltime_is_null_time(start) || !validFields(start)) return fail("invalid DTSTART");
        std::string zoneError;
        const auto startZone = zoneOf(calendar, startProp, start, zoneError);
        if (!startZone) return fail(zoneError);
        const auto startMs = toUtc(start, *startZone);
        if (!startMs) return fail("DTSTART cannot be converted to UTC");
        base.allDay = start.is_date != 0;
        base.timeZone = keepZone(*startZone, start, *startMs);

        // Duration from DTEND or DURATION; all-day events without either last one day.
        std::optional<std::int64_t> durationMs;
        if (auto* endProp = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)) {
            const auto end = icalproperty_get_dtend(endProp);
            if (icaltime_is_null_time(end) || !validFields(end)) return fail("invalid DTEND");
            const auto endZone = zoneOf(calendar, endProp, end, zoneError);
            if (!endZone) return fail(zoneError);
            const auto endMs = toUtc(end, *endZone);
            if (!endMs) return fail("DTEND cannot be converted to UTC");
            if (*endMs < *startMs) return fail("DTEND is before DTSTART");
            if (*endMs - *startMs > kMaxDurationMs) return fail("DTEND is more than a year after DTSTART");
            durationMs = *endMs - *startMs;
            // DTEND equal to a DATE DTSTART is a common exporter slip for "that one day".
            if (base.allDay && *durationMs == 0) durationMs = kDayMs;
        } else if (auto* durProp = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
            const auto d = icalproperty_get_duration(durProp);
            if (icaldurationtype_is_bad_duration(d) || d.is_neg) return fail("invalid DURATION");
            // Summed in 64 bits: icaldurationtype_as_int overflows for absurd values.
            const std::int64_t seconds = ((std::int64_t{d.weeks} * 7 + d.days) * 24 + d.hours) * 3600 +
                                         std::int64_t{d.minutes} * 60 + d.seconds;
            if (seconds > kMaxDurationMs / 1000) return fail("DURATION is longer than a year");
            durationMs = seconds * 1000;
        } else if (base.allDay) {
            durationMs = kDayMs;
        }

        auto* rruleProp = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
        auto* rdateProp = icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY);
        const bool isOverride = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) != nullptr;
        if ((!rruleProp && !rdateProp) || isOverride) {
            base.startUtcMs = *startMs;
            if (durationMs) base.endUtcMs = *startMs + *durationMs;
            std::string ref = baseRef;
            if (isOverride) {
                const auto rid = recurrenceIdUtc(calendar, event);
                if (!rid) return fail("invalid RECURRENCE-ID");
                ref += "#" + compactUtc(*rid);
                base.uid = uid.empty() ? std::string() : ref;
                // An override far outside the window is as out of scope as its series' instances.
                if (*startMs + durationMs.value_or(0) < m_windowStart || *startMs > m_windowEnd) {
                    ++m_result.outsideHorizon;
                    return;
                }
            }
            base.ref = uniqueRef(ref);
            m_result.records.push_back(std::move(base));
            return;
        }

        // Recurring: collect instance starts (UTC ms), then remove EXDATEs and overridden ones.
        std::set<std::int64_t> starts;
        starts.insert(*startMs);
        std::string problem;
        if (rruleProp) expandRule(calendar, event, start, *startZone, durationMs.value_or(0), starts, problem);
        if (!problem.empty()) return fail(problem);
        for (auto* p = rdateProp; p; p = icalcomponent_get_next_property(event, ICAL_RDATE_PROPERTY)) {
            const auto rd = icalproperty_get_rdate(p);
            const auto t = icaltime_is_null_time(rd.time) ? rd.period.start : rd.time;
            if (icaltime_is_null_time(t)) continue; // an empty RDATE adds nothing
            auto t2 = t;
            if (!t2.is_date && start.is_date) t2.is_date = 1;
            const auto z = zoneOf(calendar, p, t2, zoneError);
            if (!z) return fail("RDATE: " + zoneError);
            const auto ms = toUtc(t2, *z);
            if (!ms) return fail("invalid RDATE");
            starts.insert(*ms);
        }
        for (auto* p = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY); p;
             p = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY)) {
            auto t = icalproperty_get_exdate(p);
            if (icaltime_is_null_time(t)) continue;
            // An EXDATE without TZID on a zoned series means the series' zone (common in feeds).
            auto z = zoneOf(calendar, p, t, zoneError);
            if (!z) return fail("EXDATE: " + zoneError);
            if (z->kind == ZoneRef::Kind::Floating) z = startZone;
            if (t.is_date && !start.is_date) {
                // A date-only EXDATE on a timed series removes that day's occurrence.
                const auto dayStart = toUtc(t, *z);
                if (!dayStart) continue;
                for (auto it = starts.lower_bound(*dayStart); it != starts.end() && *it < *dayStart + kDayMs;)
                    it = starts.erase(it);
                continue;
            }
            if (const auto ms = toUtc(t, *z)) starts.erase(*ms);
        }
        const auto overrides = m_overrides.find(uid);
        std::size_t kept = 0;
        bool any = false;
        for (const auto ms : starts) {
            if (overrides != m_overrides.end() && overrides->second.count(ms)) {
                any = true;
                continue;
            }
            if (ms + durationMs.value_or(0) < m_windowStart || ms > m_windowEnd) continue;
            any = true;
            if (++kept > m_options.maxInstancesPerSeries) break;
            RawEventRecord instance = base;
            instance.startUtcMs = ms;
            if (durationMs) instance.endUtcMs = ms + *durationMs;
            instance.ref = uniqueRef(baseRef + "#" + compactUtc(ms));
            instance.uid = uid.empty() ? std::string() : baseRef + "#" + compactUtc(ms);
            m_result.records.push_back(std::move(instance));
        }
        if (!any) ++m_result.outsideHorizon;
    }

    // RRULE instances up to the window end (and UNTIL), bounded in steps. Each instance is
    // generated in the series' wall-clock time and converted with the series' zone, so a
    // 19:00 concert stays at 19:00 local across a DST change.
    void expandRule(icalcomponent* calendar, icalcomponent* event, icaltimetype start, const ZoneRef& zone,
                    std::int64_t durationMs, std::set<std::int64_t>& starts, std::string& problem) {
        for (auto* p = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY); p;
             p = icalcomponent_get_next_property(event, ICAL_RRULE_PROPERTY)) {
            auto rule = icalproperty_get_rrule(p);
            if (rule.freq == ICAL_NO_RECURRENCE) {
                problem = "invalid RRULE (no FREQ)";
                return;
            }
            std::optional<std::int64_t> untilMs;
            if (!icaltime_is_null_time(rule.until)) {
                const auto u = rule.until;
                ZoneRef uz = icaltime_is_utc(u) ? ZoneRef{ZoneRef::Kind::Utc, {}, nullptr} : zone;
                untilMs = toUtc(u, uz);
                if (u.is_date && untilMs) *untilMs += kDayMs - 1; // UNTIL=date includes that day
                if (!untilMs) {
                    problem = "invalid RRULE UNTIL";
                    return;
                }
                rule.until = icaltime_null_time(); // enforced below in UTC
            }
            auto local = start;
            local.zone = nullptr;
            std::unique_ptr<icalrecur_iterator, void (*)(icalrecur_iterator*)> it(
                icalrecur_iterator_new(rule, local), icalrecur_iterator_free);
            if (!it) {
                problem = "RRULE cannot be expanded";
                return;
            }
            (void)calendar;
            std::size_t steps = 0;
            std::size_t inWindow = 0;
            for (auto t = icalrecur_iterator_next(it.get()); !icaltime_is_null_time(t);
                 t = icalrecur_iterator_next(it.get())) {
                if (++steps > m_options.maxRecurrenceSteps) {
                    problem = "RRULE needs more than " + std::to_string(m_options.maxRecurrenceSteps) +
                              " steps to reach the ingest window";
                    return;
                }
                const auto ms = toUtc(t, zone);
                if (!ms) continue;
                if (untilMs && *ms > *untilMs) break;
                if (*ms > m_windowEnd) break;
                if (*ms + durationMs >= m_windowStart) {
                    starts.insert(*ms);
                    if (++inWindow > m_options.maxInstancesPerSeries) break;
                }
            }
        }
    }

    std::string uniqueRef(const std::string& ref) {
        const auto n = ++m_refCounts[ref];
        return n == 1 ? ref : ref + "~" + std::to_string(n);
    }

    const ParseOptions& m_options;
    ParseResult& m_result;
    std::int64_t m_windowStart = 0;
    std::int64_t m_windowEnd = 0;
    std::map<std::string, std::set<std::int64_t>> m_overrides; // UID -> RECURRENCE-ID instants
    std::map<std::string, int> m_refCounts;
    std::vector<std::string_view> m_sourceSpans;
};

// libical parses a big single-calendar file as two documents on two threads: each is the
// file without its VEVENTs (the VCALENDAR's properties, its VTIMEZONEs) plus one half of the
// VEVENTs, in place of the first. Read one after the other, the halves give the VEVENTs in
// document order, each with its calendar's zones.
std::vector<std::unique_ptr<icalcomponent, ComponentDeleter>>
parseInHalves(const std::string& normalised, const std::vector<std::pair<std::size_t, std::size_t>>& eventSpans) {
    std::string tail; // the calendar after its first VEVENT, without VEVENTs
    for (std::size_t i = 0; i < eventSpans.size(); ++i) {
        const auto end = i + 1 < eventSpans.size() ? eventSpans[i + 1].first : normalised.size();
        tail.append(normalised, eventSpans[i].second, end - eventSpans[i].second);
    }
    const auto middle = eventSpans.size() / 2;
    std::array<std::string, 2> halves;
    for (auto& half : halves) half.assign(normalised, 0, eventSpans.front().first);
    for (std::size_t i = 0; i < eventSpans.size(); ++i)
        halves[i < middle ? 0 : 1].append(normalised, eventSpans[i].first, eventSpans[i].second - eventSpans[i].first);
    for (auto& half : halves) half += tail;
    std::vector<std::unique_ptr<icalcomponent, ComponentDeleter>> roots(2);
    auto first = std::async(std::launch::async, [&] { roots[0].reset(icalparser_parse_string(halves[0].c_str())); });
    roots[1].reset(icalparser_parse_string(halves[1].c_str()));
    first.get();
    return roots;
}

} // namespace

ParseResult parseIcs(std::string_view payload, const ParseOptions& options) {
    initLibical();
    ParseResult result;
    auto text = toUtf8(payload);
    // Lone CRs (old Mac exports) would otherwise hide every line after the first from libical;
    // blank lines are not allowed in iCalendar and some exporters put them inside folded lines.
    // Components a truncated download left open are closed, so the complete events still count.
    std::string normalised;
    normalised.reserve(text.size() + 64);
    std::vector<std::string> open;
    std::size_t calendars = 0;        // top-level VCALENDARs
    std::size_t calendarEvents = 0;   // VEVENTs directly inside one (not at the top level)
    std::vector<std::pair<std::size_t, std::size_t>> eventSpans; // [begin, end) in `normalised`
    std::size_t eventStart = std::string::npos; // npos: not inside a top-level VEVENT
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find_first_of("\r\n", pos);
        if (end == std::string::npos) end = text.size();
        const auto line = std::string_view(text).substr(pos, end - pos);
        pos = end;
        if (pos < text.size() && text[pos] == '\r') ++pos;
        if (pos < text.size() && text[pos] == '\n') ++pos;
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        std::string upperLine;
        for (const char c : line.substr(0, 64)) upperLine.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        bool closesEvent = false;
        if (upperLine.rfind("BEGIN:", 0) == 0) {
            auto name = collapseSpace(upperLine.substr(6));
            if (name == "VEVENT" && std::all_of(open.begin(), open.end(), [](const std::string& o) { return o == "VCALENDAR"; })) {
                eventStart = normalised.size();
                if (open.size() == 1) ++calendarEvents;
            }
            if (name == "VCALENDAR" && open.empty()) ++calendars;
            open.push_back(std::move(name));
        } else if (upperLine.rfind("END:", 0) == 0) {
            const auto name = collapseSpace(upperLine.substr(4));
            const auto it = std::find(open.rbegin(), open.rend(), name);
            if (it != open.rend()) open.erase(std::next(it).base(), open.end());
            closesEvent = eventStart != std::string::npos && std::find(open.begin(), open.end(), "VEVENT") == open.end();
        }
        normalised.append(line);
        normalised.push_back('\n');
        if (closesEvent) {
            eventSpans.emplace_back(eventStart, normalised.size());
            eventStart = std::string::npos;
        }
    }
    const bool complete = open.empty() && eventStart == std::string::npos;
    for (auto it = open.rbegin(); it != open.rend(); ++it)
        if (!it->empty()) normalised += "END:" + *it + "\n";
    if (eventStart != std::string::npos) eventSpans.emplace_back(eventStart, normalised.size());
    std::string upper;
    upper.reserve(std::min<std::size_t>(normalised.size(), 4096));
    for (std::size_t i = 0; i < normalised.size() && i < 4096; ++i)
        upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(normalised[i]))));
    if (upper.find("BEGIN:") == std::string::npos) {
        result.fatal = "not an iCalendar file (no BEGIN: line)";
        return result;
    }
    std::vector<std::unique_ptr<icalcomponent, ComponentDeleter>> roots;
    // Only a well-formed file with one calendar that holds every VEVENT: then a half is the same
    // calendar with fewer events, and nothing moves from one component into another.
    if (complete && calendars == 1 && calendarEvents == eventSpans.size() &&
        eventSpans.size() >= std::max<std::size_t>(2, options.parseInHalvesFrom)) {
        roots = parseInHalves(normalised, eventSpans);
    } else {
        roots.emplace_back(icalparser_parse_string(normalised.c_str()));
    }
    if (std::any_of(roots.begin(), roots.end(), [](const auto& root) { return !root; })) {
        result.fatal = "libical could not parse the file";
        return result;
    }
    IcsReader reader(options, result);
    std::vector<std::string_view> spans;
    for (const auto& [begin, end] : eventSpans) spans.push_back(std::string_view(normalised).substr(begin, end - begin));
    reader.setSourceSpans(std::move(spans));
    std::vector<icalcomponent*> parsed;
    for (const auto& root : roots) parsed.push_back(root.get());
    reader.read(parsed);
    if (roots.size() == 2) { // freeing a big tree takes a while too
        auto first = std::async(std::launch::async, [&roots] { roots[0].reset(); });
        roots[1].reset();
        first.get();
    }
    return result;
}

} // namespace marquee::server::ingest
