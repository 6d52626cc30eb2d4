// The end-of-day report (GetDayReport, RecordCashCount; boxoffice.proto, docs/boxoffice.md):
// the money that moved at each box-office device and by each staff member during one local
// day, read from the payment operations (what the providers confirmed, not what orders say
// now): sales by payment method on the day they were made (an offline sale by the device's
// clock), refunds of cancellations and partial refunds, exchange differences, tickets sold, and
// the cash the drawer should hold against the cash counted. The day's bounds are computed in
// SQL from the IANA time zone (a 23- or 25-hour day on a daylight-saving change).
#include "services/boxoffice.hpp"

#include "marquee/core/validation.hpp"
#include "orders/payment_registry.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <map>
#include <set>

namespace marquee::server::detail {

namespace {

constexpr std::size_t kMaxTimeZoneLength = 64;

// Every succeeded money movement of a box-office order, attributed to a device and a staff
// member: the capture of a sale (to its seller, at sold_at for offline sales), a refund (to the
// box-office user who asked for it, else to the seller), an exchange's difference (to whoever
// made the exchange). $1 day, $2 time zone, $3 device filter (''), $4 staff filter (0), $5
// organizer filter (0: every event).
constexpr Statement kDayMovements{
    "day_report_movements",
    "WITH bounds AS (SELECT ($1::date)::timestamp AT TIME ZONE $2 AS day_start, "
    "($1::date + 1)::timestamp AT TIME ZONE $2 AS day_end), "
    "moves AS ("
    "SELECT o.device_id AS device_id, o.sold_by_user_id AS staff, o.payment_method AS method, 'sale' AS what, "
    "p.amount_minor AS amount, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS tickets, "
    "coalesce(o.sold_at, p.updated_at) AS at, o.currency, o.event_id "
    "FROM payment_operations p JOIN orders o ON o.id = p.order_id "
    "WHERE p.kind = 'capture' AND p.status = 'succeeded' AND o.sold_by_user_id IS NOT NULL "
    "UNION ALL "
    "SELECT coalesce(NULLIF(r.device_id, ''), o.device_id), "
    "CASE WHEN u.role IN ('staff', 'organizer', 'admin') THEN r.requested_by ELSE o.sold_by_user_id END, "
    "o.payment_method, 'refund', p.amount_minor, 0, p.updated_at, o.currency, o.event_id "
    "FROM payment_operations p JOIN orders o ON o.id = p.order_id "
    "JOIN order_refunds r ON r.order_id = p.order_id AND p.idempotency_key = p.order_id::text || ':refund:' || r.refund_no "
    "LEFT JOIN users u ON u.id = r.requested_by WHERE p.kind = 'refund' AND p.status = 'succeeded' "
    "UNION ALL "
    "SELECT x.device_id, x.requested_by, x.method, CASE p.kind WHEN 'exchange_charge' THEN 'sale' ELSE 'refund' END, "
    "p.amount_minor, 0, p.updated_at, o.currency, o.event_id "
    "FROM payment_operations p JOIN orders o ON o.id = p.order_id JOIN order_exchanges x ON x.order_id = p.order_id "
    "AND p.idempotency_key IN (p.order_id::text || ':exchange:' || x.exchange_no, "
    "p.order_id::text || ':exchange:' || x.exchange_no || ':refund') "
    "WHERE p.kind IN ('exchange_charge', 'exchange_refund') AND p.status = 'succeeded') "
    "SELECT m.device_id, m.staff, m.method, m.what, count(*), sum(m.amount)::bigint, sum(m.tickets)::bigint, m.currency "
    "FROM moves m CROSS JOIN bounds b JOIN events e ON e.id = m.event_id "
    "WHERE m.at >= b.day_start AND m.at < b.day_end AND m.staff IS NOT NULL AND ($3 = '' OR m.device_id = $3) "
    "AND ($4 = 0 OR m.staff = $4) AND ($5 = 0 OR e.organizer_id = $5) "
    "GROUP BY m.device_id, m.staff, m.method, m.what, m.currency ORDER BY m.device_id, m.staff, m.method, m.what"};
constexpr Statement kCashCounts{
    "day_report_cash_counts",
    "SELECT device_id, staff_user_id, counted_minor, currency FROM cash_counts WHERE day = $1::date "
    "AND ($2 = '' OR device_id = $2) AND ($3 = 0 OR staff_user_id = $3)"};
constexpr Statement kDeviceNames{
    "day_report_device_names",
    "SELECT DISTINCT ON (device_id) device_id, device_name FROM device_keys "
    "WHERE device_id = ANY($1::text[]) ORDER BY device_id, created_at DESC"};
constexpr Statement kStaffNames{
    "day_report_staff_names",
    "SELECT id, coalesce(NULLIF(display_name, ''), email) FROM users WHERE id = ANY($1::bigint[])"};
constexpr Statement kNowMs{"day_report_now_ms", "SELECT floor(extract(epoch FROM now()) * 1000)::bigint"};
constexpr Statement kRecordCount{
    "day_report_record_count",
    "INSERT INTO cash_counts (device_id, staff_user_id, day, time_zone, counted_minor, currency) "
    "VALUES ($1, $2, $3::date, $4, $5, $6) ON CONFLICT (device_id, staff_user_id, day) DO UPDATE SET "
    "time_zone = EXCLUDED.time_zone, counted_minor = EXCLUDED.counted_minor, currency = EXCLUDED.currency, "
    "recorded_at = now()"};

// "YYYY-MM-DD", a real date; INVALID_ARGUMENT otherwise.
std::string requireDay(const std::string& day) {
    const auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (day[i] < '0' || day[i] > '9') return -1;
            value = value * 10 + (day[i] - '0');
        }
        return value;
    };
    if (day.size() == 10 && day[4] == '-' && day[7] == '-') {
        const auto year = digits(0, 4), month = digits(5, 2), dayOfMonth = digits(8, 2);
        if (year > 0 && month > 0 && dayOfMonth > 0 &&
            date::year_month_day(date::year(year), date::month(static_cast<unsigned>(month)),
                                 date::day(static_cast<unsigned>(dayOfMonth)))
                .ok())
            return day;
    }
    fail(v1::INVALID_ARGUMENT, "day must be a date like 2026-11-21", {{"field", "day"}});
}

// An IANA time zone the server's tz database knows; INVALID_ARGUMENT otherwise.
std::string requireTimeZone(const std::string& zone) {
    if (!zone.empty() && zone.size() <= kMaxTimeZoneLength && core::isValidUtf8(zone)) {
        try {
            if (date::locate_zone(zone)) return zone;
        } catch (const std::exception&) {
            // unknown zone: refused below
        }
    }
    fail(v1::INVALID_ARGUMENT, "time_zone must be an IANA time zone like Europe/Berlin", {{"field", "time_zone"}});
}

v1::PaymentMethodTotals& totalsFor(v1::DayReportRow& row, v1::PaymentMethodKind method) {
    for (auto& totals : *row.mutable_totals())
        if (totals.method() == method) return totals;
    auto* totals = row.add_totals();
    totals->set_method(method);
    return *totals;
}

} // namespace

v1::DayReport getDayReport(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::GetDayReport& request) {
    const auto day = requireDay(request.day());
    const auto zone = requireTimeZone(request.time_zone());
    if (request.device_id().size() > 64 || !core::isValidUtf8(request.device_id()))
        fail(v1::INVALID_ARGUMENT, "device_id is at most 64 bytes", {{"field", "device_id"}});
    if (request.staff_user_id() < 0) fail(v1::INVALID_ARGUMENT, "staff_user_id is negative", {{"field", "staff_user_id"}});
    const std::int64_t organizerOnly = caller.who.role == core::Role::Organizer ? caller.who.userId : 0;

    pqxx::read_transaction tx(conn);
    v1::DayReport report;
    report.set_day(day);
    report.set_time_zone(zone);
    report.set_generated_at_ms(exec(tx, kNowMs)[0][0].as<std::int64_t>());
    std::map<std::pair<std::string, std::int64_t>, v1::DayReportRow> rows;
    const auto rowFor = [&](const std::string& device, std::int64_t staff) -> v1::DayReportRow& {
        auto& row = rows[{device, staff}];
        row.set_device_id(device);
        row.set_staff_user_id(staff);
        return row;
    };
    std::set<std::string> currencies;
    for (const auto& r : exec(tx, kDayMovements, day, zone, request.device_id(), request.staff_user_id(), organizerOnly)) {
        auto& row = rowFor(r[0].as<std::string>(), r[1].as<std::int64_t>());
        const auto method = orders::methodFromName(r[2].as<std::string>());
        auto& totals = totalsFor(row, method);
        const auto count = r[4].as<std::uint32_t>();
        const auto amount = r[5].as<std::int64_t>();
        const bool sale = r[3].as<std::string>() == "sale";
        if (sale) {
            totals.set_sales(totals.sales() + count);
            totals.set_sales_minor(totals.sales_minor() + amount);
            row.set_tickets_sold(row.tickets_sold() + r[6].as<std::uint32_t>());
        } else {
            totals.set_refunds(totals.refunds() + count);
            totals.set_refunds_minor(totals.refunds_minor() + amount);
        }
        if (method == v1::PAYMENT_CASH) row.set_cash_expected_minor(row.cash_expected_minor() + (sale ? amount : -amount));
        currencies.insert(r[7].as<std::string>());
    }
    for (const auto& r : exec(tx, kCashCounts, day, request.device_id(), request.staff_user_id())) {
        if (organizerOnly != 0 && !rows.count({r[0].as<std::string>(), r[1].as<std::int64_t>()})) continue;
        auto& row = rowFor(r[0].as<std::string>(), r[1].as<std::int64_t>());
        row.set_cash_counted_recorded(true);
        row.set_cash_counted_minor(r[2].as<std::int64_t>());
        currencies.insert(r[3].as<std::string>());
    }
    if (currencies.size() > 1)
        fail(v1::FAILED_PRECONDITION, "the day's sales are in several currencies", {{"reason", "mixed_currencies"}});
    if (!currencies.empty()) report.set_currency(*currencies.begin());

    std::vector<std::string> devices;
    std::vector<std::int64_t> staff;
    for (const auto& [key, row] : rows) {
        devices.push_back(key.first);
        staff.push_back(key.second);
    }
    std::map<std::string, std::string> deviceNames;
    for (const auto& r : exec(tx, kDeviceNames, textArray(devices))) deviceNames[r[0].as<std::string>()] = r[1].as<std::string>();
    std::map<std::int64_t, std::string> staffNames;
    for (const auto& r : exec(tx, kStaffNames, integerArray(staff))) staffNames[r[0].as<std::int64_t>()] = r[1].as<std::string>();
    for (auto& [key, row] : rows) {
        row.set_device_name(deviceNames.count(key.first) ? deviceNames[key.first] : key.first);
        row.set_staff_name(staffNames[key.second]);
        if (row.cash_counted_recorded())
            row.set_cash_difference_minor(row.cash_counted_minor() - row.cash_expected_minor());
        *report.add_rows() = std::move(row);
    }
    return report;
}

v1::Ack recordCashCount(pqxx::connection& conn, const BoxOfficeCaller& caller, const v1::RecordCashCount& request) {
    const auto day = requireDay(request.day());
    const auto zone = requireTimeZone(request.time_zone());
    if (request.counted_minor() < 0)
        fail(v1::INVALID_ARGUMENT, "counted_minor must not be negative", {{"field", "counted_minor"}});
    const auto& currency = request.currency();
    if (currency.size() != 3 || !std::all_of(currency.begin(), currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        fail(v1::INVALID_ARGUMENT, "currency must be an ISO 4217 code like EUR", {{"field", "currency"}});
    pqxx::work tx(conn);
    exec(tx, kRecordCount, caller.deviceId, caller.who.userId, day, zone, request.counted_minor(), currency);
    tx.commit();
    v1::Ack ack;
    ack.set_id(caller.deviceId + "/" + std::to_string(caller.who.userId) + "/" + day);
    return ack;
}

} // namespace marquee::server::detail
