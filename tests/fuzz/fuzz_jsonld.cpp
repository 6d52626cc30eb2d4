// libFuzzer target for the schema.org JSON-LD parser (HTML pages with ld+json blocks, or JSON).
#include "fuzz_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace marquee::server::ingest;
    return fuzz::parseAndStandardise(parseJsonLd, Format::JsonLd, data, size);
}
