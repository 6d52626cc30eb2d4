// schema.org Event JSON-LD: every ld+json script block of a page, @graph and arrays, any
// Event subtype, locations (Place, PostalAddress, VirtualLocation), offers and eventStatus.
#include "ingest/parsers.hpp"
#include "ingest/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

namespace marquee::server::ingest {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kMaxNodes = 100'000;
constexpr std::size_t kMaxRawBytes = 64 * 1024;

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The <script type="application/ld+json"> bodies of an HTML page, in order.
std::vector<std::string> scriptBlocks(const std::string& html) {
    std::vector<std::string> blocks;
    const auto lowered = lower(html);
    std::size_t pos = 0;
    while ((pos = lowered.find("<script", pos)) != std::string::npos) {
        const auto tagEnd = lowered.find('>', pos);
        if (tagEnd == std::string::npos) break;
        const auto tag = lowered.substr(pos, tagEnd - pos);
        const auto bodyEnd = lowered.find("</script", tagEnd);
        const auto end = bodyEnd == std::string::npos ? html.size() : bodyEnd;
        if (tag.find("application/ld+json") != std::string::npos) {
            auto body = html.substr(tagEnd + 1, end - tagEnd - 1);
            // Some CMSs wrap the JSON in CDATA or an HTML comment.
            for (const char* wrap : {"<![CDATA[", "<!--"})
                if (const auto w = body.find(wrap); w != std::string::npos && body.find_first_not_of(" \t\r\n") == w)
                    body.erase(0, w + std::char_traits<char>::length(wrap));
            for (const char* wrap : {"]]>", "-->"})
                if (const auto w = body.rfind(wrap); w != std::string::npos && body.find_last_not_of(" \t\r\n") + 1 == w + std::char_traits<char>::length(wrap))
                    body.erase(w);
            blocks.push_back(std::move(body));
        }
        pos = end;
    }
    return blocks;
}

// Nesting depth outside strings; nlohmann's recursive destructor must never see a deep tree.
std::size_t maxDepth(const std::string& text) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

// "https://schema.org/MusicEvent", "schema:MusicEvent", "MusicEvent" -> "MusicEvent".
std::string shortType(const std::string& t) {
    const auto cut = t.find_last_of("/:#");
    return cut == std::string::npos ? t : t.substr(cut + 1);
}

std::vector<std::string> typesOf(const json& node) {
    std::vector<std::string> out;
    const auto it = node.find("@type");
    if (it == node.end()) return out;
    if (it->is_string()) out.push_back(shortType(it->get<std::string>()));
    else if (it->is_array())
        for (const auto& t : *it)
            if (t.is_string()) out.push_back(shortType(t.get<std::string>()));
    return out;
}

bool isEventType(const std::string& t) {
    static const std::array<std::string_view, 7> kOther{"Festival", "Hackathon", "CourseInstance", "EventSeries",
                                                        "Event", "PublicationEvent", "SaleEvent"};
    return (t.size() > 5 && t.compare(t.size() - 5, 5, "Event") == 0) ||
           std::find(kOther.begin(), kOther.end(), t) != kOther.end();
}

bool isEvent(const json& node) {
    if (!node.is_object()) return false;
    const auto types = typesOf(node);
    return std::any_of(types.begin(), types.end(), isEventType);
}

class JsonLdReader {
public:
    JsonLdReader(const ParseOptions& options, ParseResult& result) : m_options(options), m_result(result) {}

    void readDocument(const json& doc) {
        index(doc, 0);
        walk(doc, 0);
    }

private:
    // @id -> node, so {"@id": "#venue"} references inside a @graph resolve.
    void index(const json& node, std::size_t depth) {
        if (depth > kMaxDepth || ++m_nodes > kMaxNodes) return;
        if (node.is_array()) {
            for (const auto& item : node) index(item, depth + 1);
        } else if (node.is_object()) {
            if (const auto id = node.find("@id"); id != node.end() && id->is_string() && node.size() > 1)
                m_byId.emplace(id->get<std::string>(), &node);
            for (const auto& [key, value] : node.items())
                if (value.is_structured()) index(value, depth + 1);
        }
    }

    const json& resolve(const json& node) const {
        if (node.is_object() && node.size() == 1)
            if (const auto id = node.find("@id"); id != node.end() && id->is_string())
                if (const auto it = m_byId.find(id->get<std::string>()); it != m_byId.end()) return *it->second;
        return node;
    }

    // Events at the top level, in @graph, in arrays, and under "event"/"subEvent"/"events".
    void walk(const json& node, std::size_t depth) {
        if (depth > kMaxDepth) return;
        if (node.is_array()) {
            for (const auto& item : node) walk(item, depth + 1);
            return;
        }
        if (!node.is_object()) return;
        if (isEvent(node)) {
            if (m_seen.insert(&node).second) readEvent(node);
        }
        for (const char* key : {"@graph", "event", "events", "subEvent", "subEvents", "itemListElement", "item"})
            if (const auto it = node.find(key); it != node.end()) walk(resolve(*it), depth + 1);
    }

    static std::string text(const json& node) {
        if (node.is_string()) return node.get<std::string>();
        if (node.is_number_integer()) return std::to_string(node.get<std::int64_t>());
        if (node.is_number()) return json(node).dump();
        if (node.is_array() && !node.empty()) return text(node.front());
        if (node.is_object()) {
            if (const auto v = node.find("@value"); v != node.end()) return text(*v);
            if (const auto n = node.find("name"); n != node.end()) return text(*n);
        }
        return {};
    }

    static std::string field(const json& node, const char* key) {
        const auto it = node.find(key);
        return it == node.end() ? std::string() : collapseSpace(text(*it));
    }

    std::optional<double> number(const json& node, const char* key) const {
        const auto it = node.find(key);
        if (it == node.end()) return std::nullopt;
        if (it->is_number()) return it->get<double>();
        if (it->is_string()) {
            try {
                std::size_t used = 0;
                const auto s = it->get<std::string>();
                const double v = std::stod(s, &used);
                if (used > 0) return v;
            } catch (const std::exception&) {
            }
        }
        return std::nullopt;
    }

    void readAddress(const json& address, RawLocation& loc) const {
        if (address.is_string()) {
            loc.address = collapseSpace(address.get<std::string>());
            return;
        }
        if (!address.is_object()) return;
        loc.address = field(address, "streetAddress");
        loc.city = field(address, "addressLocality");
        loc.postalCode = field(address, "postalCode");
        if (const auto c = address.find("addressCountry"); c != address.end()) loc.country = collapseSpace(text(resolve(*c)));
    }

    void readLocation(const json& raw, RawLocation& loc, std::size_t depth = 0) const {
        if (depth > 4) return;
        const json& node = resolve(raw);
        if (node.is_string()) {
            loc.name = collapseSpace(node.get<std::string>());
            return;
        }
        if (node.is_array()) {
            // Prefer a physical place; a hybrid event also lists its stream.
            for (const auto& item : node) {
                RawLocation candidate;
                readLocation(item, candidate, depth + 1);
                if (!candidate.virtualOnly && !candidate.empty()) {
                    loc = candidate;
                    return;
                }
                if (loc.empty() && loc.url.empty()) loc = candidate;
            }
            return;
        }
        if (!node.is_object()) return;
        const auto types = typesOf(node);
        const auto has = [&](const char* t) { return std::find(types.begin(), types.end(), t) != types.end(); };
        if (has("VirtualLocation")) {
            loc.virtualOnly = true;
            loc.url = field(node, "url");
            loc.name = field(node, "name");
            return;
        }
        if (has("PostalAddress")) {
            readAddress(node, loc);
            return;
        }
        loc.name = field(node, "name");
        if (const auto a = node.find("address"); a != node.end()) readAddress(resolve(*a), loc);
        if (const auto g = node.find("geo"); g != node.end() && resolve(*g).is_object()) {
            const auto& geo = resolve(*g);
            loc.latitude = number(geo, "latitude");
            loc.longitude = number(geo, "longitude");
            if (!loc.latitude || !loc.longitude) loc.latitude = loc.longitude = std::nullopt;
        }
    }

    void readOffers(const json& raw, std::vector<RawOffer>& offers, std::size_t depth = 0) const {
        if (depth > 4) return;
        const json& node = resolve(raw);
        if (node.is_array()) {
            for (const auto& item : node) readOffers(item, offers, depth + 1);
            return;
        }
        if (!node.is_object()) return;
        RawOffer offer;
        offer.currency = field(node, "priceCurrency");
        offer.price = field(node, "price");
        if (offer.price.empty()) offer.price = field(node, "lowPrice");
        offer.highPrice = field(node, "highPrice");
        if (offer.price.empty())
            if (const auto spec = node.find("priceSpecification"); spec != node.end()) {
                readOffers(*spec, offers, depth + 1);
                return;
            }
        if (!offer.price.empty() || !offer.highPrice.empty()) offers.push_back(std::move(offer));
    }

    void readEvent(const json& node) {
        RawEventRecord r;
        r.raw = truncateUtf8(node.dump(-1, ' ', false, json::error_handler_t::replace), kMaxRawBytes);
        const auto id = field(node, "@id");
        r.uid = id;
        r.title = field(node, "name");
        r.description = field(node, "description");
        r.url = field(node, "url");
        for (const auto& t : typesOf(node))
            if (t != "Event") r.categories.push_back(t);
        for (const char* key : {"keywords", "genre", "about"})
            if (const auto k = node.find(key); k != node.end()) {
                if (k->is_array()) {
                    for (const auto& v : *k)
                        if (auto s = collapseSpace(text(v)); !s.empty()) r.categories.push_back(s);
                } else if (auto s = collapseSpace(text(*k)); !s.empty()) {
                    // keywords are often one comma-separated string
                    std::size_t start = 0;
                    while (start <= s.size()) {
                        auto end = s.find(',', start);
                        if (end == std::string::npos) end = s.size();
                        if (auto c = collapseSpace(s.substr(start, end - start)); !c.empty()) r.categories.push_back(c);
                        start = end + 1;
                    }
                }
            }
        if (const auto img = node.find("image"); img != node.end()) {
            const auto& i = resolve(img->is_array() && !img->empty() ? img->front() : *img);
            r.imageUrl = i.is_object() ? field(i, "url") : collapseSpace(text(i));
        }
        if (const auto p = node.find("performer"); p != node.end()) {
            const auto add = [&](const json& v) {
                if (auto s = collapseSpace(text(resolve(v))); !s.empty()) r.performers.push_back(s);
            };
            if (p->is_array())
                for (const auto& v : *p) add(v);
            else add(*p);
        }
        if (const auto loc = node.find("location"); loc != node.end()) readLocation(*loc, r.location);
        if (const auto offers = node.find("offers"); offers != node.end()) readOffers(*offers, r.offers);

        const auto status = lower(shortType(field(node, "eventStatus")));
        if (status == "eventcancelled" || status == "cancelled") r.status = "cancelled";
        else if (status == "eventpostponed" || status == "postponed") r.status = "postponed";
        else if (status == "eventrescheduled" || status == "rescheduled") r.status = "rescheduled";

        const auto startText = field(node, "startDate");
        const auto endText = field(node, "endDate");
        const auto previousText = field(node, "previousStartDate");
        const auto dateRef = [&](const std::string& start) {
            return "h:" + sha256Hex(r.title + '\n' + start).substr(0, 16);
        };
        r.ref = !id.empty() ? id : !r.url.empty() ? r.url + "#" + startText : dateRef(startText);
        if (id.empty() && !previousText.empty()) {
            // Without an @id, the ref includes the start; the event's earlier ref used the old one.
            r.altRefs.push_back(!r.url.empty() ? r.url + "#" + previousText : dateRef(previousText));
        }
        r.ref = uniqueRef(r.ref);
        if (startText.empty()) {
            r.problem = "missing startDate";
        } else if (const auto start = parseIsoDateTime(startText, m_options.defaultZone); !start) {
            r.problem = "startDate '" + startText + "' is not an ISO 8601 date";
        } else {
            r.startUtcMs = start->utcMs;
            r.timeZone = start->zone;
            r.allDay = start->dateOnly;
            if (!endText.empty()) {
                const auto end = parseIsoDateTime(endText, r.timeZone);
                if (!end) r.problem = "endDate '" + endText + "' is not an ISO 8601 date";
                else if (end->dateOnly && start->dateOnly) r.endUtcMs = end->utcMs + 86'400'000; // inclusive day
                else r.endUtcMs = end->utcMs;
                if (r.endUtcMs && *r.endUtcMs < *r.startUtcMs) r.problem = "endDate is before startDate";
            }
        }
        if (!previousText.empty())
            if (const auto prev = parseIsoDateTime(previousText, m_options.defaultZone)) r.previousStartUtcMs = prev->utcMs;
        if (m_result.records.size() >= m_options.maxRecords) return;
        m_result.records.push_back(std::move(r));
    }

    std::string uniqueRef(const std::string& ref) {
        const auto n = ++m_refCounts[ref];
        return n == 1 ? ref : ref + "~" + std::to_string(n);
    }

    const ParseOptions& m_options;
    ParseResult& m_result;
    std::map<std::string, const json*> m_byId;
    std::set<const json*> m_seen;
    std::map<std::string, int> m_refCounts;
    std::size_t m_nodes = 0;
};

} // namespace

ParseResult parseJsonLd(std::string_view payload, const ParseOptions& options) {
    ParseResult result;
    const auto text = toUtf8(payload);
    const auto first = text.find_first_not_of(" \t\r\n");
    std::vector<std::string> blocks;
    if (first != std::string::npos && (text[first] == '{' || text[first] == '['))
        blocks.push_back(text);
    else
        blocks = scriptBlocks(text);
    if (blocks.empty()) {
        result.fatal = "no <script type=\"application/ld+json\"> block and not a JSON document";
        return result;
    }
    JsonLdReader reader(options, result);
    std::vector<json> docs; // kept alive: the reader indexes nodes by address
    docs.reserve(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (maxDepth(blocks[i]) > kMaxDepth) {
            RawEventRecord bad;
            bad.ref = "script " + std::to_string(i + 1);
            bad.raw = truncateUtf8(blocks[i], kMaxRawBytes);
            bad.problem = "JSON-LD block " + std::to_string(i + 1) + " nests deeper than " + std::to_string(kMaxDepth);
            result.records.push_back(std::move(bad));
            continue;
        }
        auto doc = json::parse(blocks[i], nullptr, false);
        if (doc.is_discarded()) {
            RawEventRecord bad;
            bad.ref = "script " + std::to_string(i + 1);
            bad.raw = truncateUtf8(blocks[i], kMaxRawBytes);
            bad.problem = "JSON-LD block " + std::to_string(i + 1) + " is not valid JSON";
            result.records.push_back(std::move(bad));
            continue;
        }
        docs.push_back(std::move(doc));
        reader.readDocument(docs.back());
    }
    return result;
}

} // namespace marquee::server::ingest
