// Structured logging: one JSON object per line on stderr, via spdlog.
#pragma once

#include <nlohmann/json.hpp>
#include <spdlog/common.h>

#include <string_view>

namespace marquee::server::log {

// Installs the JSON-lines stderr logger. level: trace, debug, info, warn, error, critical, off.
void init(std::string_view level = "info");
bool isValidLevel(std::string_view level);

void write(spdlog::level::level_enum level, std::string_view message, const nlohmann::json& fields = {});

inline void debug(std::string_view m, const nlohmann::json& f = {}) { write(spdlog::level::debug, m, f); }
inline void info(std::string_view m, const nlohmann::json& f = {}) { write(spdlog::level::info, m, f); }
inline void warn(std::string_view m, const nlohmann::json& f = {}) { write(spdlog::level::warn, m, f); }
inline void error(std::string_view m, const nlohmann::json& f = {}) { write(spdlog::level::err, m, f); }

} // namespace marquee::server::log
