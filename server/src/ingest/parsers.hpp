// The three source parsers. Each turns a whole payload into RawEventRecords; none of them
// throws, and each bounds its work (records, recurrence steps, nesting) by ParseOptions.
#pragma once

#include "ingest/model.hpp"

#include <string_view>

namespace marquee::server::ingest {

// iCalendar (RFC 5545) through libical: VTIMEZONE/TZID, floating and all-day times,
// RRULE/RDATE/EXDATE and RECURRENCE-ID overrides expanded in [now, now + horizon].
ParseResult parseIcs(std::string_view payload, const ParseOptions& options);

// schema.org Event JSON-LD from an HTML page (every <script type="application/ld+json">) or
// from a bare JSON document.
ParseResult parseJsonLd(std::string_view payload, const ParseOptions& options);

// Organizer CSV uploads; the columns are documented in docs/ingest.md. Each bad row becomes a
// record with `problem` set to "line N: column: what is wrong".
ParseResult parseCsv(std::string_view payload, const ParseOptions& options);

ParseResult parse(Format format, std::string_view payload, const ParseOptions& options);

} // namespace marquee::server::ingest
