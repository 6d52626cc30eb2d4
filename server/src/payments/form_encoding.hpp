// application/x-www-form-urlencoded, the request format of Stripe-style APIs: the providers
// encode their parameters ("metadata[order_id]=…") and the payment sandbox decodes them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marquee::server::payments {

using FormParams = std::vector<std::pair<std::string, std::string>>;

// "a=1&b=x%20y": names and values percent-encoded (RFC 3986 unreserved characters kept).
std::string formEncode(const FormParams& params);
// Percent-decodes one component; '+' is a space. nullopt on a malformed escape.
std::optional<std::string> formDecodeComponent(std::string_view text);
// Splits and decodes "a=1&b=2" (a query string or a form body) into name → value; a name
// given twice keeps its last value. nullopt when any component is malformed.
std::optional<std::map<std::string, std::string>> parseForm(std::string_view text);

} // namespace marquee::server::payments
