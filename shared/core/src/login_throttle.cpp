// Exponential back-off for failed logins.
#include "marquee/core/login_throttle.hpp"

#include <algorithm>

namespace marquee::core {

std::int64_t LoginThrottlePolicy::lockoutMs(int failures) const {
    if (failures < freeFailures) return 0;
    const int doublings = std::min(failures - freeFailures, 30);
    return std::min(maxDelayMs, baseDelayMs << doublings);
}

} // namespace marquee::core
