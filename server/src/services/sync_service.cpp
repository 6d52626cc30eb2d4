// Change-log reads: paged pulls for one principal, the head, and ranges for live fan-out.
#include "services/api_internal.hpp"

#include "db/change_log_sql.hpp"

namespace marquee::server::detail {

namespace {

// One statement, so head, horizon and rows come from the same snapshot: when a page is not
// full, every visible row up to head is in it, and next_cursor = head is safe even if rows
// of other users (invisible here) lie in between. Fetches limit + 1 rows to know has_more.
// The range scan runs on the unique index on seq.
constexpr Statement kPull{
    "sync_pull",
    "SELECT h.head, h.horizon, c.seq, c.aggregatetype, c.aggregateid, c.type, c.payload "
    "FROM (SELECT (SELECT horizon FROM sync_meta) AS horizon, "
    "             " MARQUEE_SQL_CHANGE_LOG_HEAD " AS head) h "
    "LEFT JOIN LATERAL ("
    "  SELECT seq, aggregatetype, aggregateid, type, payload FROM change_log "
    "  WHERE seq > $1 AND (scope_user_id IS NULL OR scope_user_id = $2) "
    "  ORDER BY seq LIMIT $3) c ON true "
    "ORDER BY c.seq"};
// Planner settings for the pull's transaction only. Right after a bulk load and its stamping
// the statistics are stale (null fraction of scope_user_id unknown), and the planner sorts
// every row above the cursor for each page (bitmap scan + sort, O(N) per page, O(N^2) for a
// cold sync). Without sort the ordered seq index is the only sensible plan; the outer sort
// of one page still runs, and jit=off keeps its disable_cost from triggering JIT compiles.
constexpr Statement kPullPlan{
    "sync_pull_plan", "SELECT set_config('enable_sort', 'off', true), set_config('jit', 'off', true)"};
constexpr Statement kHead{"sync_head", db::kSelectChangeLogHead};
constexpr Statement kRange{
    "sync_range",
    "SELECT seq, aggregatetype, aggregateid, type, payload, coalesce(scope_user_id, 0) FROM change_log "
    "WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3"};

void fillChange(const pqxx::row& row, pqxx::row::size_type first, v1::Change& change) {
    change.set_seq(row[first].as<std::uint64_t>());
    change.set_aggregate_type(row[first + 1].c_str(), row[first + 1].size());
    change.set_aggregate_id(row[first + 2].c_str(), row[first + 2].size());
    change.set_op(std::string_view(row[first + 3].c_str()) == "delete" ? v1::CHANGE_OP_DELETE : v1::CHANGE_OP_UPSERT);
    appendBytea(row[first + 4], *change.mutable_payload());
}

} // namespace

v1::ChangeBatch pullChanges(pqxx::connection& conn, const Api::Options& options, const Principal& who,
                            const v1::PullChanges& request) {
    const std::uint32_t cap = options.pullLimitCap;
    const std::uint32_t limit = request.limit() == 0 ? cap : std::min(request.limit(), cap);
    const std::uint64_t cursor = request.cursor();

    v1::ChangeBatch batch;
    batch.set_from_cursor(cursor);
    pqxx::read_transaction tx(conn);
    exec(tx, kPullPlan);
    const auto rows = exec(tx, kPull, static_cast<std::int64_t>(std::min<std::uint64_t>(cursor, INT64_MAX)),
                           who.userId, static_cast<std::int64_t>(limit) + 1);
    const auto head = rows[0][0].as<std::uint64_t>();
    const auto horizon = rows[0][1].as<std::uint64_t>();
    batch.set_head(head);

    // A cursor the retained log cannot continue: tombstones it never saw were compacted, or
    // it is ahead of this database (restored or replaced server). Start over from 0.
    if ((cursor > 0 && cursor < horizon) || cursor > head) {
        batch.set_reset(true);
        batch.set_next_cursor(0);
        batch.set_has_more(head > 0);
        return batch;
    }

    const bool firstIsEmpty = rows[0][2].is_null();
    const std::size_t found = firstIsEmpty ? 0 : rows.size();
    const std::size_t take = std::min<std::size_t>(found, limit);
    auto* changes = batch.mutable_changes();
    changes->Reserve(static_cast<int>(take));
    std::size_t bytes = 0;
    bool overBudget = false;
    for (std::size_t i = 0; i < take; ++i) {
        // Always at least one row, however large, so a pull makes progress.
        if (i > 0 && bytes >= options.pullByteBudget) {
            overBudget = true;
            break;
        }
        auto& change = *changes->Add();
        fillChange(rows[static_cast<pqxx::result::size_type>(i)], 2, change);
        bytes += change.payload().size();
    }

    if (found > limit || overBudget) {
        batch.set_has_more(true);
        batch.set_next_cursor(batch.changes(batch.changes_size() - 1).seq());
    } else {
        batch.set_has_more(false);
        batch.set_next_cursor(std::max(cursor, head));
    }
    return batch;
}

std::uint64_t head(pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    return exec(tx, kHead)[0][0].as<std::uint64_t>();
}

FeedRange changesInRange(pqxx::connection& conn, std::uint64_t after, std::uint64_t upTo, std::size_t maxRows,
                         std::size_t maxBytes) {
    FeedRange out;
    if (upTo <= after) return out;
    pqxx::read_transaction tx(conn);
    const auto rows = exec(tx, kRange, static_cast<std::int64_t>(std::min<std::uint64_t>(after, INT64_MAX)),
                           static_cast<std::int64_t>(std::min<std::uint64_t>(upTo, INT64_MAX)),
                           static_cast<std::int64_t>(maxRows) + 1);
    if (rows.size() > maxRows) {
        out.tooLarge = true;
        return out;
    }
    out.changes.reserve(rows.size());
    std::size_t bytes = 0;
    for (const auto& row : rows) {
        FeedChange feed;
        fillChange(row, 0, feed.change);
        feed.scopeUserId = row[5].as<std::int64_t>();
        bytes += feed.change.payload().size();
        if (bytes > maxBytes) {
            out.changes.clear();
            out.tooLarge = true;
            return out;
        }
        out.changes.push_back(std::move(feed));
    }
    return out;
}

} // namespace marquee::server::detail
