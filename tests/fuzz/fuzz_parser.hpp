// The body both libFuzzer targets share: bytes -> parser -> standardise every record. Any
// crash, hang, leak or undefined behaviour (ASan/UBSan) is a finding, whatever the input.
#pragma once

#include "ingest/parsers.hpp"
#include "ingest/standardise.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace marquee::server::ingest::fuzz {

template <typename Parser>
int parseAndStandardise(Parser parser, Format format, const std::uint8_t* data, std::size_t size) {
    ParseOptions options;
    options.nowMs = 1'735'689'600'000; // 2025-01-01: a fixed window keeps runs reproducible
    options.maxRecords = 2'000;        // bounded work per input (the limits have their own tests)
    options.maxRecurrenceSteps = 20'000;
    const auto result = parser(std::string_view(reinterpret_cast<const char*>(data), size), options);
    SourceConfig source;
    source.format = format;
    for (const auto& record : result.records) (void)standardise(record, source);
    return 0;
}

} // namespace marquee::server::ingest::fuzz
