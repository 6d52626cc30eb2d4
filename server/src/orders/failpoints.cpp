// failpoint() (see failpoints.hpp).
#include "orders/failpoints.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <set>
#include <string>

namespace marquee::server::orders {

namespace {

const std::set<std::string, std::less<>>& armedFailpoints() {
    static const std::set<std::string, std::less<>> armed = [] {
        std::set<std::string, std::less<>> names;
        const char* env = std::getenv("MARQUEE_FAILPOINTS");
        std::string list = env ? env : "";
        std::size_t start = 0;
        while (start <= list.size()) {
            const auto end = std::min(list.find(',', start), list.size());
            if (end > start) names.insert(list.substr(start, end - start));
            start = end + 1;
        }
        return names;
    }();
    return armed;
}

} // namespace

void failpoint(std::string_view name) {
    const auto& armed = armedFailpoints();
    if (armed.empty() || armed.find(name) == armed.end()) return;
    const std::string line = "marquee-server: failpoint " + std::string(name) + " reached; SIGKILL\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, line.data(), line.size());
    ::kill(::getpid(), SIGKILL);
}

} // namespace marquee::server::orders
