// Token bucket: steady rate with bounded bursts.
#include "marquee/core/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace marquee::core {

TokenBucket::TokenBucket(double ratePerSecond, double burst)
    : m_rate(ratePerSecond), m_burst(burst), m_tokens(burst) {}

void TokenBucket::refill(std::int64_t nowMs) {
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_burst, m_tokens + static_cast<double>(nowMs - m_lastMs) * m_rate / 1000.0);
    if (nowMs > m_lastMs) m_lastMs = nowMs;
}

bool TokenBucket::tryTake(std::int64_t nowMs) {
    refill(nowMs);
    if (m_tokens < 1.0) return false;
    m_tokens -= 1.0;
    return true;
}

std::int64_t TokenBucket::msUntilAvailable(std::int64_t nowMs) {
    refill(nowMs);
    if (m_tokens >= 1.0) return 0;
    return static_cast<std::int64_t>(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate));
}

} // namespace marquee::core
