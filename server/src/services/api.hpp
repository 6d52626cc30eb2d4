// The database-backed request API: one entry point the network layer calls for every
// request except Hello. Runs on a db::Pool worker thread with that worker's connection.
#pragma once

#include "marquee/core/login_throttle.hpp"
#include "marquee/v1/envelope.pb.h"
#include "services/principal.hpp"

#include <pqxx/pqxx>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marquee::server {

// A stamped change with its audience, for live fan-out.
struct FeedChange {
    v1::Change change;
    std::int64_t scopeUserId = 0; // 0: public; otherwise only that user's connections see it
};

class Api {
public:
    struct Options {
        std::uint32_t pullDefaultLimit = 5000; // also the cap
        core::LoginThrottlePolicy throttle;
        std::chrono::hours sessionLifetime{24 * 30};
    };

    Api();
    explicit Api(Options options);

    // Validates a bearer token from the WebSocket upgrade. nullopt: unknown, expired, revoked or
    // malformed (never throws for a bad token). Throws pqxx::broken_connection / pqxx::failure
    // when the database cannot answer: reply 503 then, not 401.
    std::optional<Principal> authenticate(pqxx::connection& conn, std::string_view bearerToken);

    // Handles one request. Never throws: failures come back as an Envelope with an Error
    // body (no SQL text reaches the client). The request_id is echoed.
    v1::Envelope handle(pqxx::connection& conn, const Principal& who, const RequestMeta& meta,
                        const v1::Envelope& request);

    // Stamped changes with after < seq <= upTo, every scope, in seq order (for fan-out).
    std::vector<FeedChange> changesInRange(pqxx::connection& conn, std::uint64_t after, std::uint64_t upTo);
    // Newest stamped seq (0 when the log is empty).
    std::uint64_t head(pqxx::connection& conn);

    // Account administration for the CLI (`create-user`). Throws std::invalid_argument with a
    // clear message on bad input or an existing e-mail.
    std::int64_t createUser(pqxx::connection& conn, std::string_view email, std::string_view password,
                            core::Role role);

private:
    Options m_options;
};

} // namespace marquee::server
