// Token-bucket rate limiter with an injected clock, used per connection on the server.
#pragma once

#include <cstdint>

namespace marquee::core {

class TokenBucket {
public:
    // ratePerSecond tokens are added each second, up to burst.
    TokenBucket(double ratePerSecond, double burst);

    // Takes one token if available at time nowMs (monotonic milliseconds).
    bool tryTake(std::int64_t nowMs);
    // Milliseconds until a token will be available at nowMs; 0 when one is available now.
    std::int64_t msUntilAvailable(std::int64_t nowMs);

private:
    void refill(std::int64_t nowMs);

    double m_rate;
    double m_burst;
    double m_tokens;
    std::int64_t m_lastMs = -1;
};

} // namespace marquee::core
