// JSON-lines logger: spdlog supplies levels, thread safety and the sink; we supply the line.
#include "common/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace marquee::server::log {
namespace {
std::shared_ptr<spdlog::logger>& logger() {
    static std::shared_ptr<spdlog::logger> instance = [] {
        auto l = spdlog::stderr_logger_mt("marquee");
        l->set_pattern("%v");
        return l;
    }();
    return instance;
}
} // namespace

bool isValidLevel(std::string_view level) {
    return spdlog::level::from_str(std::string(level)) != spdlog::level::off || level == "off";
}

void init(std::string_view level) {
    logger()->set_level(spdlog::level::from_str(std::string(level)));
    logger()->flush_on(spdlog::level::trace);
}

void write(spdlog::level::level_enum level, std::string_view message, const nlohmann::json& fields) {
    auto& l = logger();
    if (!l->should_log(level)) return;
    nlohmann::json line = nlohmann::json::object();
    const auto now = std::chrono::system_clock::now();
    line["ts"] = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    line["level"] = spdlog::level::to_string_view(level).data();
    line["msg"] = message;
    if (fields.is_object())
        for (const auto& [key, value] : fields.items()) line[key] = value;
    // Replace invalid UTF-8 from hostile input instead of throwing.
    l->log(level, "{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace marquee::server::log
