// Internals shared by the Api's service files: typed errors, prepared-statement execution,
// hex/bytea helpers and the one change-log append every catalog write goes through.
#pragma once

#include "common/digest.hpp"

#include "marquee/v1/common.pb.h"
#include "services/api.hpp"
#include "services/principal.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marquee::server::detail {

// A request failure the client is told about (never carries SQL text).
struct ApiError {
    v1::ErrorCode code = v1::INTERNAL;
    std::string message;
    std::map<std::string, std::string> details;
};

[[noreturn]] inline void fail(v1::ErrorCode code, std::string message, std::map<std::string, std::string> details = {}) {
    throw ApiError{code, std::move(message), std::move(details)};
}

// A named statement, prepared lazily per connection on first use.
struct Statement {
    const char* name;
    const char* sql;
};

template <typename... Args>
pqxx::result exec(pqxx::transaction_base& tx, const Statement& stmt, Args&&... args) {
    // libpqxx 6 treats an identical re-definition as a no-op, and a fresh connection (after a
    // reconnect) has none: defining on each use keeps every connection correct.
    tx.conn().prepare(stmt.name, stmt.sql);
    return tx.exec_prepared(stmt.name, std::forward<Args>(args)...);
}

// Hex and SHA-256 come from common/digest.hpp (one implementation for the whole server).
using server::fromHex;
using server::sha256;
using server::toHex;
// Appends the bytes of a bytea field (text format "\x..." hex) to `out` without a temporary.
void appendBytea(const pqxx::field& field, std::string& out);
pqxx::binarystring toBinary(const std::string& bytes);

enum class ChangeOp { Upsert, Delete };

// Appends one change-log row inside the caller's transaction; the sequencer stamps it after
// commit. scopeUserId 0: public. payload: encoded record (empty for a delete).
void appendChange(pqxx::transaction_base& tx, std::string_view aggregateType, std::string_view aggregateId,
                  ChangeOp op, std::int64_t scopeUserId, const std::string& payload);

// The same, for many rows in one statement (bulk loads); rows are appended in vector order.
struct ChangeRow {
    std::string aggregateType;
    std::string aggregateId;
    ChangeOp op = ChangeOp::Upsert;
    std::int64_t scopeUserId = 0;
    std::string payload;
};
void appendChanges(pqxx::transaction_base& tx, const std::vector<ChangeRow>& rows);

// A finished step with `fill` applied to the answer envelope.
template <typename Fill>
ApiStep answered(Fill&& fill) {
    ApiStep step;
    step.answer.emplace();
    fill(*step.answer);
    return step;
}

// Service entry points (one file per area), called by Api::handle inside its error mapping.
// They throw ApiError for client errors and let pqxx exceptions through.
// Register and Login are step chains (see ApiStep): checks, then db and hashing steps.
ApiStep registerUser(const Api::Options& options, const RequestMeta& meta, const v1::RegisterRequest& request);
ApiStep login(const Api::Options& options, const RequestMeta& meta, const v1::LoginRequest& request);
v1::Ack logout(pqxx::connection& conn, const Principal& who);
std::optional<Principal> authenticate(pqxx::connection& conn, std::string_view bearerToken);
std::int64_t createUser(pqxx::connection& conn, std::string_view email, std::string_view password, core::Role role,
                        std::string_view displayName);

v1::ChangeBatch pullChanges(pqxx::connection& conn, const Api::Options& options, const Principal& who,
                            const v1::PullChanges& request);
std::uint64_t head(pqxx::connection& conn);
FeedRange changesInRange(pqxx::connection& conn, std::uint64_t after, std::uint64_t upTo, std::size_t maxRows,
                         std::size_t maxBytes);

v1::Ack wishlistMutation(pqxx::connection& conn, const Principal& who, const v1::WishlistMutation& request);
v1::Ack upsertEvent(pqxx::connection& conn, const Principal& who, const v1::UpsertEvent& request);
v1::Ack deleteEvent(pqxx::connection& conn, const Principal& who, const v1::DeleteEvent& request);

} // namespace marquee::server::detail
