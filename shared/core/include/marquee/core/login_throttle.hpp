// Policy for throttling failed logins per account and per address (OWASP: slow down,
// don't lock people out forever).
#pragma once

#include <cstdint>

namespace marquee::core {

struct LoginThrottlePolicy {
    int freeFailures = 5;                 // failures allowed before any delay
    std::int64_t baseDelayMs = 1000;      // delay after the first throttled failure
    std::int64_t maxDelayMs = 15 * 60 * 1000;
    std::int64_t forgetAfterMs = 60 * 60 * 1000; // failures older than this are forgotten

    // How long after the latest failure the next attempt must wait, given the number of
    // consecutive failures. Doubles with each failure past the free ones, capped.
    std::int64_t lockoutMs(int failures) const;
};

} // namespace marquee::core
