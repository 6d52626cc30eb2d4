// The compiled gettext catalogs of the mails (server/locale/*/LC_MESSAGES/marquee-server.po),
// embedded in the binary at build time (cmake/EmbedCatalogs.cmake).
#pragma once

#include <string_view>

namespace marquee::server::embedded {

// The .mo file of `language` ("de", "fr"), or empty when there is none (English is the source).
std::string_view mailCatalog(std::string_view language);

} // namespace marquee::server::embedded
