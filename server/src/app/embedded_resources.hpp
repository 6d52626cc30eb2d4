// Files compiled into the server binary (see cmake/EmbedResources.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace marquee::server::embedded {

struct MigrationFile {
    std::string_view name; // "0001_initial.sql"
    std::string_view sql;
};

// Sorted by name; the leading number is the migration version.
const std::vector<MigrationFile>& migrations();
std::string_view demoCatalogJson();

} // namespace marquee::server::embedded
