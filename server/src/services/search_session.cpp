// Search sessions (search_session.hpp): the settings, and which connections carry them.
#include "services/search_session.hpp"

#include <mutex>
#include <unordered_map>

namespace marquee::server::search {

namespace {

// Search statements always read through their indexes: with LIMIT and a broad estimate the
// planner may otherwise pick a sequential scan that finds a rare word only after most of the
// table. A larger work_mem keeps a broad word's bitmap exact (no per-row recheck). Prepared
// statements keep one generic plan per connection (see search_service.cpp).
struct Setting {
    const char* name;
    const char* value;
};
constexpr Setting kSearchSettings[] = {
    {"enable_seqscan", "off"},
    {"work_mem", "'32MB'"},
    {"plan_cache_mode", "force_generic_plan"},
};

// Search sessions by connection, with the backend that was set up: a connection object at a
// reused address, or one libpqxx reconnected without the settings, is not taken for one.
std::mutex g_mutex;
std::unordered_map<const pqxx::connection_base*, int> g_sessions;

} // namespace

const std::string& searchSettingsLocal() {
    static const std::string sql = [] {
        std::string out;
        for (const auto& setting : kSearchSettings)
            out += std::string("SET LOCAL ") + setting.name + " = " + setting.value + "; ";
        return out;
    }();
    return sql;
}

const std::string& defaultSettingsLocal() {
    static const std::string sql = [] {
        std::string out;
        for (const auto& setting : kSearchSettings) out += std::string("SET LOCAL ") + setting.name + " TO DEFAULT; ";
        return out;
    }();
    return sql;
}

void makeSearchSession(pqxx::connection_base& conn) {
    for (const auto& setting : kSearchSettings) conn.set_variable(setting.name, setting.value);
    const std::lock_guard lock(g_mutex);
    g_sessions[&conn] = conn.backendpid();
}

bool isSearchSession(const pqxx::connection_base& conn) {
    const std::lock_guard lock(g_mutex);
    const auto found = g_sessions.find(&conn);
    if (found == g_sessions.end()) return false;
    if (found->second == conn.backendpid()) return true;
    g_sessions.erase(found); // another connection at this address, or a new backend
    return false;
}

} // namespace marquee::server::search
