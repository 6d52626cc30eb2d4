// Stage 2 of ingestion, without the database: a parsed record becomes a clean catalog event
// (plain-text description, UTC times with an IANA zone, taxonomy category, minor-unit prices)
// or a reason to quarantine it.
#pragma once

#include "ingest/model.hpp"
#include "marquee/core/domain.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace marquee::server::ingest {

// Marquee's category taxonomy (ids as in the demo catalog, plus "other").
const std::vector<core::Category>& taxonomy();
bool isTaxonomyCategory(const std::string& id);
// Built-in mapping of a source's category word (any case) to a taxonomy id; empty if none.
std::string builtinCategory(const std::string& word);

struct SourceConfig {
    std::int64_t id = 0;
    std::string name;
    Format format = Format::Ics;
    std::string defaultZone = "Europe/Berlin";
    std::string defaultCurrency = "EUR";
    std::string defaultCategory = "other"; // empty: records whose categories do not map are quarantined
    int horizonDays = 180;
    std::map<std::string, std::string> categoryMap; // folded source word -> taxonomy id
};

struct StandardEvent {
    std::string ref;
    std::vector<std::string> altRefs;
    std::string matchUid;
    core::Event event; // id and venueId are filled by the catalog stage
    RawLocation location;
    std::string sourceStatus; // as the source said: scheduled, cancelled, postponed, rescheduled
    std::optional<std::int64_t> previousStartUtcMs;
    std::vector<std::string> sourceCategories;
    std::string url;
    std::string raw;
    // What this source said, as stored in event_provenance.data, and its hash.
    nlohmann::json data() const;
    std::string contentHash() const;
};

struct Standardised {
    std::optional<StandardEvent> event;
    std::string reason; // set when event is empty
};

Standardised standardise(const RawEventRecord& record, const SourceConfig& source);

} // namespace marquee::server::ingest
