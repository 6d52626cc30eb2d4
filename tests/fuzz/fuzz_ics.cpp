// libFuzzer target for the iCalendar parser (libical, zones, recurrence expansion).
#include "fuzz_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace marquee::server::ingest;
    return fuzz::parseAndStandardise(parseIcs, Format::Ics, data, size);
}
