// The change-log append used by every catalog and wishlist write, plus small byte helpers.
#include "services/api_internal.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include <array>

namespace marquee::server::detail {

namespace {

constexpr Statement kAppendChange{
    "change_log_append",
    "INSERT INTO change_log (aggregatetype, aggregateid, type, scope_user_id, payload) "
    "VALUES ($1, $2, $3, NULLIF($4::bigint, 0), $5)"};

// The rows travel as one JSON parameter; payloads as hex.
constexpr Statement kAppendChanges{
    "change_log_append_many",
    "INSERT INTO change_log (aggregatetype, aggregateid, type, scope_user_id, payload) "
    "SELECT r.t, r.id, r.op, NULLIF(r.scope, 0), decode(r.p, 'hex') "
    "FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (t text, id text, op text, scope bigint, p text)) "
    "WITH ORDINALITY AS r(t, id, op, scope, p, n) "
    "ORDER BY r.n"};

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
    auto array = nlohmann::json::array();
    for (const auto& row : rows)
        array.push_back({{"t", row.aggregateType},
                         {"id", row.aggregateId},
                         {"op", row.op == ChangeOp::Upsert ? "upsert" : "delete"},
                         {"scope", row.scopeUserId},
                         {"p", row.op == ChangeOp::Upsert ? toHex(row.payload) : std::string()}});
    exec(tx, kAppendChanges, array.dump());
}

} // namespace marquee::server::detail
