// PostgreSQL text[] literals, for a statement parameter or a COPY field: the one place that
// knows the quoting rules (ingest, services, search and the benchmarks use it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace marquee::server::db {

// "{...}" with every element double-quoted and '"' and '\' escaped, so any text round-trips
// (commas, braces, spaces, the word NULL, the empty string). `items`: any range of strings.
template <typename Range>
std::string postgresTextArray(const Range& items) {
    std::string out = "{";
    for (const std::string_view item : items) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (const char c : item) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

// For a braced list ({"a", "b"}) or a vector built in the call.
inline std::string postgresTextArray(const std::vector<std::string>& items) {
    return postgresTextArray<std::vector<std::string>>(items);
}

} // namespace marquee::server::db
