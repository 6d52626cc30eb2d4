// Converts client search types to and from the search protocol messages (search.proto).
#pragma once

#include "store/searchtypes.h"

namespace marquee::v1 {
class SearchRequest;
class SearchResponse;
} // namespace marquee::v1

namespace marquee::client {

// nowZone: the IANA zone sent as the user's zone when the query names none.
void toProto(const SearchQuery& query, const QString& nowZone, v1::SearchRequest* out);
SearchResults fromProto(const v1::SearchResponse& response);

} // namespace marquee::client
