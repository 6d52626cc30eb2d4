// The change-log append used by every catalog and wishlist write, plus small byte helpers.
#include "services/api_internal.hpp"

#include <sodium.h>

#include <array>

namespace marquee::server::detail {

namespace {

constexpr Statement kAppendChange{
    "change_log_append",
    "INSERT INTO change_log (aggregatetype, aggregateid, type, scope_user_id, payload) "
    "VALUES ($1, $2, $3, NULLIF($4::bigint, 0), $5)"};

// Hot path of every pull (bytea text to payload bytes): a plain decode, inputs come from
// PostgreSQL and are always valid hex.
int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

void appendBytea(const pqxx::field& field, std::string& out) {
    const char* text = field.c_str();
    const std::size_t size = field.size();
    if (size >= 2 && text[0] == '\\' && text[1] == 'x') {
        // bytea_output = hex (the PostgreSQL default): decode straight into the target.
        const std::size_t start = out.size();
        out.resize(start + (size - 2) / 2);
        char* dest = out.data() + start;
        for (std::size_t i = 2; i + 1 < size; i += 2)
            *dest++ = static_cast<char>((hexValue(text[i]) << 4) | hexValue(text[i + 1]));
        return;
    }
    const pqxx::binarystring binary(field); // escape format: let libpq decode it
    out.append(binary.get(), binary.size());
}

pqxx::binarystring toBinary(const std::string& bytes) { return pqxx::binarystring(bytes.data(), bytes.size()); }

void appendChange(pqxx::transaction_base& tx, std::string_view aggregateType, std::string_view aggregateId,
                  ChangeOp op, std::int64_t scopeUserId, const std::string& payload) {
    exec(tx, kAppendChange, std::string(aggregateType), std::string(aggregateId),
         op == ChangeOp::Upsert ? "upsert" : "delete", scopeUserId,
         toBinary(op == ChangeOp::Upsert ? payload : std::string()));
}

void appendChanges(pqxx::transaction_base& tx, const std::vector<ChangeRow>& rows) {
    if (rows.empty()) return;
    // COPY: one round trip for any number of rows (bulk loads append 100 000 at once), in
    // vector order (ids follow it). Payloads in bytea hex input form; libpqxx escapes the '\'.
    pqxx::stream_to copy(tx, "change_log",
                         std::vector<std::string>{"aggregatetype", "aggregateid", "type", "scope_user_id", "payload"});
    for (const auto& row : rows) {
        const bool upsert = row.op == ChangeOp::Upsert;
        const std::string scope = std::to_string(row.scopeUserId);
        copy << std::make_tuple(row.aggregateType, row.aggregateId, std::string(upsert ? "upsert" : "delete"),
                                row.scopeUserId == 0 ? nullptr : scope.c_str(), // nullptr: NULL, the public scope
                                "\\x" + (upsert ? toHex(row.payload) : std::string()));
    }
    copy.complete();
}

} // namespace marquee::server::detail
