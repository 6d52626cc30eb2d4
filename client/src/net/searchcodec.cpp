// Search protocol conversions; match ranges arrive in code points and leave as QString
// (UTF-16) positions.
#include "net/searchcodec.h"

#include "marquee/protocol/conversions.hpp"
#include "marquee/v1/search.pb.h"

namespace marquee::client {

namespace {

v1::DatePreset toProto(core::DatePreset preset)
{
    switch (preset) {
    case core::DatePreset::Tonight: return v1::DATE_PRESET_TONIGHT;
    case core::DatePreset::Today: return v1::DATE_PRESET_TODAY;
    case core::DatePreset::Tomorrow: return v1::DATE_PRESET_TOMORROW;
    case core::DatePreset::ThisWeekend: return v1::DATE_PRESET_THIS_WEEKEND;
    case core::DatePreset::Next7Days: return v1::DATE_PRESET_NEXT_7_DAYS;
    case core::DatePreset::Later: return v1::DATE_PRESET_LATER;
    case core::DatePreset::Any: break;
    }
    return v1::DATE_PRESET_ANY;
}

HighlightedString fromProto(const v1::HighlightedText& in)
{
    HighlightedString out;
    out.text = QString::fromStdString(in.text());
    // Code point index -> UTF-16 index: characters outside the BMP take two units.
    QList<int> utf16At;
    utf16At.reserve(out.text.size() + 1);
    for (int i = 0; i < out.text.size(); ++i) {
        utf16At.append(i);
        if (out.text.at(i).isHighSurrogate())
            ++i;
    }
    utf16At.append(static_cast<int>(out.text.size()));
    for (const auto& range : in.matches()) {
        const auto start = static_cast<qsizetype>(range.start());
        const auto end = static_cast<qsizetype>(range.start() + range.length());
        if (end >= utf16At.size() || start >= end)
            continue; // a range past the text: ignore rather than paint garbage
        out.matches.append({utf16At.at(start), utf16At.at(end) - utf16At.at(start)});
    }
    return out;
}

QList<FacetValue> fromProto(const google::protobuf::RepeatedPtrField<v1::FacetCount>& in)
{
    QList<FacetValue> out;
    for (const auto& f : in)
        out.append({QString::fromStdString(f.value()), QString::fromStdString(f.label()), static_cast<qint64>(f.count()),
                    f.range_min_minor(), f.range_max_minor()});
    return out;
}

} // namespace

void toProto(const SearchQuery& query, const QString& nowZone, v1::SearchRequest* out)
{
    out->set_query(query.text.toStdString());
    out->set_limit(static_cast<std::uint32_t>(qMax(0, query.limit)));
    out->set_cursor(query.cursor.toStdString());
    out->set_include_facets(query.includeFacets);
    switch (query.sort) {
    case SearchQuery::Sort::Date: out->set_sort(v1::SEARCH_SORT_DATE); break;
    case SearchQuery::Sort::Distance: out->set_sort(v1::SEARCH_SORT_DISTANCE); break;
    case SearchQuery::Sort::Popularity: out->set_sort(v1::SEARCH_SORT_POPULARITY); break;
    case SearchQuery::Sort::Relevance: out->set_sort(v1::SEARCH_SORT_RELEVANCE); break;
    }
    const SearchFilters& f = query.filters;
    auto* filters = out->mutable_filters();
    filters->set_date(toProto(f.date));
    filters->set_time_zone((query.timeZone.isEmpty() ? nowZone : query.timeZone).toStdString());
    filters->set_category_id(f.categoryId.toStdString());
    if (f.priceMinMinor)
        filters->set_price_min_minor(*f.priceMinMinor);
    if (f.priceMaxMinor)
        filters->set_price_max_minor(*f.priceMaxMinor);
    filters->set_free_only(f.freeOnly);
    filters->set_venue_id(f.venueId.toStdString());
    if (f.hasPoint) {
        filters->mutable_near()->set_latitude(f.latitude);
        filters->mutable_near()->set_longitude(f.longitude);
        filters->mutable_near()->set_radius_km(f.radiusKm);
    }
    filters->set_seats_available(f.seatsAvailable);
}

SearchResults fromProto(const v1::SearchResponse& response)
{
    SearchResults out;
    for (const auto& h : response.hits()) {
        const core::Event event = protocol::fromProto(h.event());
        SearchHit hit;
        hit.eventId = QString::fromStdString(event.id);
        hit.title = fromProto(h.title());
        hit.snippet = fromProto(h.snippet());
        hit.startsAtMs = event.startsAtMs;
        hit.timeZone = QString::fromStdString(event.timeZone);
        hit.venueName = QString::fromStdString(h.venue_name());
        hit.city = QString::fromStdString(h.venue_city());
        hit.categoryId = QString::fromStdString(event.categoryId);
        hit.priceMinMinor = event.price.minMinor;
        hit.priceMaxMinor = event.price.maxMinor;
        hit.currency = QString::fromStdString(event.price.currency);
        hit.status = event.status;
        hit.hasDistance = h.has_distance();
        hit.distanceKm = h.distance_km();
        out.hits.append(hit);
    }
    out.categories = fromProto(response.facets().categories());
    out.dates = fromProto(response.facets().dates());
    out.prices = fromProto(response.facets().prices());
    out.total = response.has_facets() ? static_cast<qint64>(response.total()) : -1;
    out.counts = response.facets_estimated() ? SearchResults::Counts::Estimated
                 : response.facets_sampled() ? SearchResults::Counts::AtLeast
                                             : SearchResults::Counts::Exact;
    out.nextCursor = QByteArray::fromStdString(response.next_cursor());
    for (const auto& word : response.corrected_words())
        out.correctedWords << QString::fromStdString(word);
    return out;
}

} // namespace marquee::client
