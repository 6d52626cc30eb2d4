// Standardisation: taxonomy mapping, text cleaning, price parsing and validation.
#include "ingest/standardise.hpp"

#include "ingest/text.hpp"
#include "marquee/core/validation.hpp"

#include <algorithm>
#include <map>

namespace marquee::server::ingest {

const std::vector<core::Category>& taxonomy() {
    static const std::vector<core::Category> categories{
        {"music", "Music", ""}, {"music.classical", "Classical", "music"}, {"music.jazz", "Jazz", "music"},
        {"music.rock", "Rock", "music"}, {"music.pop", "Pop", "music"}, {"music.electronic", "Electronic", "music"},
        {"theatre", "Theatre", ""}, {"theatre.drama", "Drama", "theatre"}, {"theatre.opera", "Opera", "theatre"},
        {"theatre.musical", "Musical", "theatre"}, {"theatre.dance", "Dance", "theatre"},
        {"comedy", "Comedy", ""}, {"comedy.standup", "Stand-up", "comedy"}, {"comedy.improv", "Improv", "comedy"},
        {"comedy.cabaret", "Cabaret", "comedy"}, {"comedy.quiz", "Quiz", "comedy"},
        {"sports", "Sports", ""}, {"sports.football", "Football", "sports"},
        {"sports.basketball", "Basketball", "sports"}, {"sports.ice_hockey", "Ice hockey", "sports"},
        {"family", "Family", ""}, {"family.shows", "Shows", "family"}, {"family.workshops", "Workshops", "family"},
        {"exhibitions", "Exhibitions", ""}, {"exhibitions.science", "Science", "exhibitions"},
        {"exhibitions.tours", "Tours", "exhibitions"},
        {"film", "Film", ""}, {"film.classics", "Classics", "film"}, {"film.premieres", "Premieres", "film"},
        {"film.festivals", "Festivals", "film"},
        {"talks", "Talks", ""}, {"talks.lectures", "Lectures", "talks"}, {"talks.readings", "Readings", "talks"},
        {"talks.workshops", "Workshops", "talks"},
        {"food", "Food", ""}, {"food.markets", "Markets", "food"}, {"food.tastings", "Tastings", "food"},
        {"food.classes", "Classes", "food"},
        {"other", "Other", ""},
    };
    return categories;
}

bool isTaxonomyCategory(const std::string& id) {
    const auto& all = taxonomy();
    return std::any_of(all.begin(), all.end(), [&](const core::Category& c) { return c.id == id; });
}

std::string builtinCategory(const std::string& word) {
    // Folded words (see foldForMatch); schema.org subtypes fold to e.g. "musicevent".
    static const std::map<std::string, std::string> kMap{
        {"musicevent", "music"}, {"music", "music"}, {"musik", "music"}, {"concert", "music"}, {"konzert", "music"},
        {"gig", "music"}, {"live music", "music"}, {"jazz", "music.jazz"}, {"blues", "music.jazz"},
        {"classical", "music.classical"}, {"klassik", "music.classical"}, {"orchestra", "music.classical"},
        {"symphony", "music.classical"}, {"chamber music", "music.classical"}, {"rock", "music.rock"},
        {"metal", "music.rock"}, {"punk", "music.rock"}, {"indie", "music.rock"}, {"pop", "music.pop"},
        {"electronic", "music.electronic"}, {"techno", "music.electronic"}, {"house", "music.electronic"},
        {"dj", "music.electronic"}, {"club", "music.electronic"},
        {"theaterevent", "theatre"}, {"theater", "theatre"}, {"theatre", "theatre"}, {"play", "theatre.drama"},
        {"drama", "theatre.drama"}, {"schauspiel", "theatre.drama"}, {"opera", "theatre.opera"},
        {"oper", "theatre.opera"}, {"musical", "theatre.musical"}, {"danceevent", "theatre.dance"},
        {"dance", "theatre.dance"}, {"ballet", "theatre.dance"}, {"tanz", "theatre.dance"},
        {"comedyevent", "comedy"}, {"comedy", "comedy"}, {"stand up", "comedy.standup"},
        {"standup", "comedy.standup"}, {"improv", "comedy.improv"}, {"improvisation", "comedy.improv"},
        {"cabaret", "comedy.cabaret"}, {"kabarett", "comedy.cabaret"}, {"quiz", "comedy.quiz"},
        {"sportsevent", "sports"}, {"sport", "sports"}, {"sports", "sports"}, {"football", "sports.football"},
        {"soccer", "sports.football"}, {"fussball", "sports.football"}, {"basketball", "sports.basketball"},
        {"ice hockey", "sports.ice_hockey"}, {"hockey", "sports.ice_hockey"}, {"eishockey", "sports.ice_hockey"},
        {"childrensevent", "family"}, {"family", "family"}, {"familie", "family"}, {"kids", "family"},
        {"children", "family"}, {"kinder", "family"},
        {"exhibitionevent", "exhibitions"}, {"visualartsevent", "exhibitions"}, {"exhibition", "exhibitions"},
        {"ausstellung", "exhibitions"}, {"museum", "exhibitions"}, {"art", "exhibitions"},
        {"science", "exhibitions.science"}, {"tour", "exhibitions.tours"}, {"guided tour", "exhibitions.tours"},
        {"fuhrung", "exhibitions.tours"},
        {"screeningevent", "film"}, {"film", "film"}, {"movie", "film"}, {"cinema", "film"}, {"kino", "film"},
        {"premiere", "film.premieres"}, {"film festival", "film.festivals"},
        {"educationevent", "talks"}, {"talk", "talks"}, {"lecture", "talks.lectures"},
        {"vortrag", "talks.lectures"}, {"literaryevent", "talks.readings"}, {"reading", "talks.readings"},
        {"lesung", "talks.readings"}, {"workshop", "talks.workshops"}, {"course", "talks.workshops"},
        {"courseinstance", "talks.workshops"},
        {"foodevent", "food"}, {"food", "food"}, {"market", "food.markets"}, {"markt", "food.markets"},
        {"tasting", "food.tastings"}, {"cooking class", "food.classes"},
        {"other", "other"},
    };
    const auto folded = foldForMatch(word);
    if (const auto it = kMap.find(folded); it != kMap.end()) return it->second;
    // "Jazz & Blues", "live-jazz": try each word.
    std::size_t start = 0;
    while (start < folded.size()) {
        auto end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (const auto it = kMap.find(folded.substr(start, end - start)); it != kMap.end()) return it->second;
        start = end + 1;
    }
    return {};
}

nlohmann::json StandardEvent::data() const {
    nlohmann::json loc{{"name", location.name}, {"address", location.address}, {"city", location.city},
                       {"postal_code", location.postalCode}, {"country", location.country}, {"url", location.url},
                       {"virtual", location.virtualOnly}};
    if (location.latitude && location.longitude) {
        loc["latitude"] = *location.latitude;
        loc["longitude"] = *location.longitude;
    }
    nlohmann::json out{{"title", event.title},
                       {"description", event.description},
                       {"category_id", event.categoryId},
                       {"source_categories", sourceCategories},
                       {"performers", event.performers},
                       {"starts_at_ms", event.startsAtMs},
                       {"ends_at_ms", event.endsAtMs},
                       {"time_zone", event.timeZone},
                       {"price_min_minor", event.price.minMinor},
                       {"price_max_minor", event.price.maxMinor},
                       {"currency", event.price.currency},
                       {"status", sourceStatus},
                       {"image_url", event.imageUrl},
                       {"url", url},
                       {"match_uid", matchUid},
                       {"location", loc}};
    if (previousStartUtcMs) out["previous_starts_at_ms"] = *previousStartUtcMs;
    return out;
}

std::string StandardEvent::contentHash() const { return sha256Hex(data().dump()); }

Standardised standardise(const RawEventRecord& record, const SourceConfig& source) {
    Standardised out;
    const auto reject = [&](std::string why) {
        out.reason = std::move(why);
        return out;
    };
    if (!record.problem.empty()) return reject(record.problem);
    StandardEvent s;
    s.ref = record.ref;
    s.altRefs = record.altRefs;
    s.matchUid = record.uid;
    s.raw = record.raw;
    s.url = record.url;
    s.location = record.location;
    s.sourceStatus = record.status;
    s.previousStartUtcMs = record.previousStartUtcMs;
    s.sourceCategories = record.categories;
    auto& e = s.event;
    e.title = truncateUtf8(collapseSpace(htmlToText(record.title)), core::kMaxTitleLength);
    if (e.title.empty()) return reject("missing title (SUMMARY / name / title)");
    e.description = truncateUtf8(htmlToText(record.description), core::kMaxDescriptionLength);
    if (!record.startUtcMs) return reject("missing start time");
    if (*record.startUtcMs <= 0) return reject("start time is before 1970");
    e.startsAtMs = *record.startUtcMs;
    e.endsAtMs = record.endUtcMs.value_or(0);
    e.timeZone = record.timeZone.empty() ? source.defaultZone : record.timeZone;
    if (!isIanaZone(e.timeZone)) return reject("time zone '" + e.timeZone + "' is not an IANA zone");
    for (const auto& p : record.performers)
        if (auto name = truncateUtf8(collapseSpace(p), 200); !name.empty()) e.performers.push_back(name);
    e.imageUrl = record.imageUrl.rfind("http", 0) == 0 ? truncateUtf8(record.imageUrl, 2000) : std::string();

    // Category: the most specific one any of the source's words maps to.
    std::vector<std::string> unmapped;
    for (const auto& word : record.categories) {
        std::string id;
        if (const auto it = source.categoryMap.find(foldForMatch(word)); it != source.categoryMap.end()) id = it->second;
        if (id.empty()) id = builtinCategory(word);
        if (id.empty()) {
            unmapped.push_back(word);
            continue;
        }
        if (e.categoryId.empty() || (id.find('.') != std::string::npos && e.categoryId.find('.') == std::string::npos))
            e.categoryId = id;
    }
    if (e.categoryId.empty()) {
        if (source.defaultCategory.empty()) {
            std::string words;
            for (const auto& w : unmapped) words += (words.empty() ? "'" : ", '") + w + "'";
            return reject(unmapped.empty() ? "no category, and the source has no default category"
                                           : "no category mapping for " + words + " (add one for source '" +
                                                 source.name + "' and retry)");
        }
        e.categoryId = source.defaultCategory;
    }

    // Price range over all offers, in the offers' currency (or the source's).
    std::optional<std::int64_t> low;
    std::optional<std::int64_t> high;
    std::string currency;
    for (const auto& offer : record.offers) {
        std::string c = offer.currency;
        for (auto& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        for (const auto* text : {&offer.price, &offer.highPrice}) {
            if (text->empty()) continue;
            const auto minor = parsePriceMinor(*text, c);
            if (!minor) return reject("price '" + *text + "' cannot be read");
            low = low ? std::min(*low, *minor) : *minor;
            high = high ? std::max(*high, *minor) : *minor;
        }
        if (!c.empty()) {
            if (!currency.empty() && currency != c) return reject("offers in more than one currency (" + currency + ", " + c + ")");
            currency = c;
        }
    }
    e.price.currency = currency.empty() ? source.defaultCurrency : currency;
    e.price.minMinor = low.value_or(0);
    e.price.maxMinor = high.value_or(0);

    if (record.status == "cancelled") e.status = core::EventStatus::Cancelled;
    else if (record.status == "postponed") e.status = core::EventStatus::Postponed;
    else e.status = core::EventStatus::Scheduled;

    if (const auto errors = core::validateEvent(e); !errors.empty())
        return reject(errors.front().field + " " + errors.front().message);
    out.event = std::move(s);
    return out;
}

} // namespace marquee::server::ingest
