// Api: dispatches one request to its service and turns every failure into a typed v1::Error.
#include "services/api.hpp"

#include "common/log.hpp"
#include "services/api_internal.hpp"

#include <stdexcept>

namespace marquee::server {

namespace {

constexpr int kMaxAttempts = 4; // serialization failures and deadlocks are retried

void setError(v1::Envelope& out, v1::ErrorCode code, const std::string& message,
              const std::map<std::string, std::string>& details = {}) {
    auto* error = out.mutable_error();
    error->set_code(code);
    error->set_message(message);
    for (const auto& [key, value] : details) (*error->mutable_details())[key] = value;
}

const char* bodyName(v1::Envelope::BodyCase body) {
    switch (body) {
    case v1::Envelope::kRegister: return "register";
    case v1::Envelope::kLogin: return "login";
    case v1::Envelope::kLogout: return "logout";
    case v1::Envelope::kPullChanges: return "pull_changes";
    case v1::Envelope::kWishlistMutation: return "wishlist_mutation";
    case v1::Envelope::kUpsertEvent: return "upsert_event";
    case v1::Envelope::kDeleteEvent: return "delete_event";
    default: return "other";
    }
}

} // namespace

Api::Api() : Api(Options{}) {}

Api::Api(Options options) : m_options(std::move(options)) {
    if (m_options.pullDefaultLimit == 0) m_options.pullDefaultLimit = 5000;
}

std::optional<Principal> Api::authenticate(pqxx::connection& conn, std::string_view bearerToken) {
    return detail::authenticate(conn, bearerToken);
}

v1::Envelope Api::handle(pqxx::connection& conn, const Principal& who, const RequestMeta& meta,
                         const v1::Envelope& request) {
    v1::Envelope out;
    out.set_request_id(request.request_id());
    for (int attempt = 1;; ++attempt) {
        try {
            switch (request.body_case()) {
            case v1::Envelope::kRegister:
                *out.mutable_session() = detail::registerUser(conn, m_options, request.register_());
                break;
            case v1::Envelope::kLogin:
                *out.mutable_session() = detail::login(conn, m_options, meta, request.login());
                break;
            case v1::Envelope::kLogout: *out.mutable_ack() = detail::logout(conn, who); break;
            case v1::Envelope::kPullChanges:
                *out.mutable_change_batch() = detail::pullChanges(conn, m_options, who, request.pull_changes());
                break;
            case v1::Envelope::kWishlistMutation:
                *out.mutable_ack() = detail::wishlistMutation(conn, who, request.wishlist_mutation());
                break;
            case v1::Envelope::kUpsertEvent:
                *out.mutable_ack() = detail::upsertEvent(conn, who, request.upsert_event());
                break;
            case v1::Envelope::kDeleteEvent:
                *out.mutable_ack() = detail::deleteEvent(conn, who, request.delete_event());
                break;
            case v1::Envelope::kHello:
                setError(out, v1::FAILED_PRECONDITION, "Hello is answered by the connection, not the API");
                break;
            case v1::Envelope::BODY_NOT_SET:
                setError(out, v1::UNIMPLEMENTED, "unknown or empty request");
                break;
            default:
                setError(out, v1::UNIMPLEMENTED, "this message is not a request");
                break;
            }
            return out;
        } catch (const detail::ApiError& e) {
            out.clear_body();
            setError(out, e.code, e.message, e.details);
            return out;
        } catch (const pqxx::transaction_rollback& e) {
            // serialization_failure / deadlock_detected: the transaction rolled back whole.
            if (attempt < kMaxAttempts) {
                log::debug("retrying request after transaction rollback",
                           {{"request", bodyName(request.body_case())}, {"attempt", attempt}, {"error", e.what()}});
                out.clear_body();
                continue;
            }
            log::error("request failed after retries", {{"request", bodyName(request.body_case())}, {"error", e.what()}});
            out.clear_body();
            setError(out, v1::UNAVAILABLE, "the server is busy; try again");
            return out;
        } catch (const pqxx::broken_connection& e) {
            log::warn("database unavailable", {{"request", bodyName(request.body_case())}, {"error", e.what()}});
            out.clear_body();
            setError(out, v1::UNAVAILABLE, "the database is unavailable; try again later");
            return out;
        } catch (const pqxx::in_doubt_error& e) {
            // The commit may or may not have happened; idempotent retries make that safe.
            log::warn("commit outcome unknown", {{"request", bodyName(request.body_case())}, {"error", e.what()}});
            out.clear_body();
            setError(out, v1::UNAVAILABLE, "the database connection was lost; try again");
            return out;
        } catch (const std::exception& e) {
            log::error("request failed", {{"request", bodyName(request.body_case())}, {"error", e.what()}});
            out.clear_body();
            setError(out, v1::INTERNAL, "internal server error");
            return out;
        }
    }
}

std::vector<FeedChange> Api::changesInRange(pqxx::connection& conn, std::uint64_t after, std::uint64_t upTo) {
    return detail::changesInRange(conn, after, upTo);
}

std::uint64_t Api::head(pqxx::connection& conn) { return detail::head(conn); }

std::int64_t Api::createUser(pqxx::connection& conn, std::string_view email, std::string_view password,
                             core::Role role) {
    return detail::createUser(conn, email, password, role, {});
}

} // namespace marquee::server
