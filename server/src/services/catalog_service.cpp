// Catalog and wishlist writes. Every write appends its change-log row in the same
// transaction (appendChange), so a change is either committed with its log row or not at all.
#include "recommend/wishlist_alerts.hpp"
#include "services/api_internal.hpp"

#include "marquee/core/validation.hpp"
#include "marquee/protocol/conversions.hpp"

#include <date/tz.h>
#include <nlohmann/json.hpp>

namespace marquee::server::detail {

namespace {

constexpr const char* kEventColumns = MARQUEE_SQL_EVENT_COLUMNS;

const Statement& selectEvent() {
    static const std::string sql = std::string("SELECT ") + kEventColumns + " FROM events WHERE id = $1::uuid";
    static const Statement stmt{"catalog_select_event", sql.c_str()};
    return stmt;
}

// Arrays travel as JSON text so no SQL is built from strings.
constexpr Statement kInsertEvent{
    "catalog_insert_event",
    "INSERT INTO events (id, title, description, category_id, tags, performers, starts_at, ends_at, time_zone, "
    "venue_id, price_min_minor, price_max_minor, currency, status, image_url, organizer_id) VALUES ("
    "coalesce(NULLIF($1, '')::uuid, gen_random_uuid()), $2, $3, $4, "
    "ARRAY(SELECT jsonb_array_elements_text($5::jsonb)), ARRAY(SELECT jsonb_array_elements_text($6::jsonb)), "
    "'epoch'::timestamptz + $7::bigint * interval '1 millisecond', "
    "CASE WHEN $8::bigint = 0 THEN NULL ELSE 'epoch'::timestamptz + $8::bigint * interval '1 millisecond' END, "
    "$9, NULLIF($10, '')::uuid, $11, $12, $13, $14, $15, NULLIF($16::bigint, 0)) "
    "ON CONFLICT (id) DO NOTHING RETURNING id::text"};
constexpr Statement kUpdateEvent{
    "catalog_update_event",
    "UPDATE events SET title = $2, description = $3, category_id = $4, "
    "tags = ARRAY(SELECT jsonb_array_elements_text($5::jsonb)), "
    "performers = ARRAY(SELECT jsonb_array_elements_text($6::jsonb)), "
    "starts_at = 'epoch'::timestamptz + $7::bigint * interval '1 millisecond', "
    "ends_at = CASE WHEN $8::bigint = 0 THEN NULL ELSE 'epoch'::timestamptz + $8::bigint * interval '1 millisecond' END, "
    "time_zone = $9, venue_id = NULLIF($10, '')::uuid, price_min_minor = $11, price_max_minor = $12, "
    "currency = $13, status = $14, image_url = $15, updated_at = now() WHERE id = $1::uuid"};
constexpr Statement kLockEventOwner{"catalog_lock_event",
                                    "SELECT coalesce(organizer_id, 0) FROM events WHERE id = $1::uuid FOR UPDATE"};
constexpr Statement kCategoryExists{"catalog_category_exists", "SELECT 1 FROM categories WHERE id = $1"};
constexpr Statement kVenueExists{"catalog_venue_exists", "SELECT 1 FROM venues WHERE id = $1::uuid"};
constexpr Statement kEventHasLayout{"catalog_event_has_layout",
                                    "SELECT 1 FROM events WHERE id = $1::uuid AND layout_id IS NOT NULL"};
constexpr Statement kDeleteEvent{"catalog_delete_event", "DELETE FROM events WHERE id = $1::uuid"};
constexpr Statement kDeleteEventWishlists{"catalog_delete_event_wishlists",
                                          "DELETE FROM wishlist WHERE event_id = $1::uuid RETURNING user_id"};

constexpr Statement kEventExists{"wishlist_event_exists", "SELECT 1 FROM events WHERE id = $1::uuid FOR KEY SHARE"};
// (xmax = 0) is true only for a freshly inserted row: an entry already present writes no change.
constexpr Statement kWishlistAdd{
    "wishlist_add",
    "INSERT INTO wishlist (user_id, event_id) VALUES ($1, $2::uuid) "
    "ON CONFLICT (user_id, event_id) DO UPDATE SET added_at = wishlist.added_at "
    "RETURNING (extract(epoch FROM added_at) * 1000)::bigint, (xmax = 0)"};
constexpr Statement kWishlistRemove{"wishlist_remove",
                                    "DELETE FROM wishlist WHERE user_id = $1 AND event_id = $2::uuid RETURNING 1"};

std::string jsonArray(const std::vector<std::string>& values) { return nlohmann::json(values).dump(); }

std::vector<std::string> parseJsonArray(const pqxx::field& field) {
    if (field.is_null()) return {};
    return nlohmann::json::parse(field.c_str()).get<std::vector<std::string>>();
}


std::string encodeEvent(const core::Event& event) {
    v1::Event proto;
    protocol::toProto(event, &proto);
    return proto.SerializeAsString();
}

bool isKnownTimeZone(const std::string& name) {
    try {
        return date::locate_zone(name) != nullptr;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace

core::Event eventFromRow(const pqxx::row& row, pqxx::row::size_type first) {
    core::Event e;
    e.id = row[first + 0].as<std::string>();
    e.title = row[first + 1].as<std::string>();
    e.description = row[first + 2].as<std::string>();
    e.categoryId = row[first + 3].as<std::string>();
    e.tags = parseJsonArray(row[first + 4]);
    e.performers = parseJsonArray(row[first + 5]);
    e.startsAtMs = row[first + 6].as<std::int64_t>();
    e.endsAtMs = row[first + 7].as<std::int64_t>();
    e.timeZone = row[first + 8].as<std::string>();
    e.venueId = row[first + 9].as<std::string>();
    e.price.minMinor = row[first + 10].as<std::int64_t>();
    e.price.maxMinor = row[first + 11].as<std::int64_t>();
    e.price.currency = row[first + 12].as<std::string>();
    e.status = core::eventStatusFromName(row[first + 13].as<std::string>()).value_or(core::EventStatus::Scheduled);
    e.imageUrl = row[first + 14].as<std::string>();
    e.organizerId = row[first + 15].as<std::int64_t>();
    e.updatedAtMs = row[first + 16].as<std::int64_t>();
    return e;
}

bool requireEditor(const Principal& who) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "login required");
    if (who.role == core::Role::Admin) return true;
    if (who.role == core::Role::Organizer) return false;
    fail(v1::PERMISSION_DENIED, "only organizers and admins may change events");
}

std::int64_t requireEventOwner(pqxx::transaction_base& tx, const Principal& who, bool isAdmin,
                               const std::string& eventId) {
    const auto rows = exec(tx, kLockEventOwner, eventId);
    if (rows.empty()) fail(v1::NOT_FOUND, "no event with this id", {{"id", eventId}});
    const auto owner = rows[0][0].as<std::int64_t>();
    if (!isAdmin && owner != who.userId)
        fail(v1::PERMISSION_DENIED, "organizers may only change their own events", {{"id", eventId}});
    return owner;
}

void appendEventChange(pqxx::transaction_base& tx, const std::string& eventId) {
    // Read back what was stored (ids, owner, updated_at) so the synced record is exact.
    const auto stored = eventFromRow(exec(tx, selectEvent(), eventId)[0]);
    appendChange(tx, core::aggregate::kEvent, stored.id, ChangeOp::Upsert, 0, encodeEvent(stored));
}

v1::Ack upsertEvent(pqxx::connection& conn, const Principal& who, const v1::UpsertEvent& request) {
    const bool isAdmin = requireEditor(who);
    if (!request.has_event()) fail(v1::INVALID_ARGUMENT, "event is required", {{"field", "event"}});
    core::Event event = protocol::fromProto(request.event());
    if (const auto errors = core::validateEvent(event); !errors.empty())
        fail(v1::INVALID_ARGUMENT, errors.front().field + " " + errors.front().message,
             {{"field", errors.front().field}});
    if (!isKnownTimeZone(event.timeZone))
        fail(v1::INVALID_ARGUMENT, "time_zone is not a known IANA time zone", {{"field", "time_zone"}});
    if (!core::isValidUtf8(event.categoryId) || !core::isValidUtf8(event.imageUrl))
        fail(v1::INVALID_ARGUMENT, "text fields must be valid UTF-8", {{"field", "category_id"}});
    for (const auto* list : {&event.tags, &event.performers})
        for (const auto& item : *list)
            if (!core::isValidUtf8(item))
                fail(v1::INVALID_ARGUMENT, "tags and performers must be valid UTF-8",
                     {{"field", list == &event.tags ? "tags" : "performers"}});

    pqxx::work tx(conn);
    if (exec(tx, kCategoryExists, event.categoryId).empty())
        fail(v1::INVALID_ARGUMENT, "category_id names no known category", {{"field", "category_id"}});
    if (!event.venueId.empty() && exec(tx, kVenueExists, event.venueId).empty())
        fail(v1::INVALID_ARGUMENT, "venue_id names no known venue", {{"field", "venue_id"}});

    const auto tags = jsonArray(event.tags);
    const auto performers = jsonArray(event.performers);
    const std::string status(core::eventStatusName(event.status));
    // An id the client chose makes creation idempotent: the first request creates the event,
    // a retry finds it and updates it like any edit (same owner check). Empty id: a new
    // event with a server-generated id.
    std::string id = core::lowerAscii(event.id);
    if (!id.empty() && !core::isUuid(id)) fail(v1::INVALID_ARGUMENT, "id must be a UUID or empty", {{"field", "id"}});
    const auto inserted = exec(tx, kInsertEvent, id, event.title, event.description, event.categoryId, tags, performers,
                               event.startsAtMs, event.endsAtMs, event.timeZone, event.venueId, event.price.minMinor,
                               event.price.maxMinor, event.price.currency, status, event.imageUrl, who.userId);
    if (!inserted.empty()) {
        id = inserted[0][0].as<std::string>();
    } else {
        requireEventOwner(tx, who, isAdmin, id);
        exec(tx, kUpdateEvent, id, event.title, event.description, event.categoryId, tags, performers,
             event.startsAtMs, event.endsAtMs, event.timeZone, event.venueId, event.price.minMinor,
             event.price.maxMinor, event.price.currency, status, event.imageUrl);
    }
    appendEventChange(tx, id);
    tx.commit();
    v1::Ack ack;
    ack.set_id(id);
    return ack;
}

v1::Ack deleteEvent(pqxx::connection& conn, const Principal& who, const v1::DeleteEvent& request) {
    const bool isAdmin = requireEditor(who);
    const std::string id = core::lowerAscii(request.event_id());
    if (!core::isUuid(id)) fail(v1::INVALID_ARGUMENT, "event_id must be a UUID", {{"field", "event_id"}});
    pqxx::work tx(conn);
    requireEventOwner(tx, who, isAdmin, id);
    // Wishlists pointing at the event go too, each with a tombstone for its owner's devices.
    for (const auto& row : exec(tx, kDeleteEventWishlists, id))
        appendChange(tx, core::aggregate::kWishlist, id, ChangeOp::Delete, row[0].as<std::int64_t>(), {});
    // Its seat map goes too (claims and status log by ON DELETE CASCADE); clients drop the pin.
    if (!exec(tx, kEventHasLayout, id).empty())
        appendChange(tx, core::aggregate::kEventLayout, id, ChangeOp::Delete, 0, {});
    exec(tx, kDeleteEvent, id);
    appendChange(tx, core::aggregate::kEvent, id, ChangeOp::Delete, 0, {});
    tx.commit();
    v1::Ack ack;
    ack.set_id(id);
    return ack;
}

v1::Ack wishlistMutation(pqxx::connection& conn, const Principal& who, const v1::WishlistMutation& request) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "login required");
    requireIdempotencyKey(request.idempotency_key());
    if (!core::isUuid(request.event_id()))
        fail(v1::INVALID_ARGUMENT, "event_id must be a UUID", {{"field", "event_id"}});

    const std::string eventId = core::lowerAscii(request.event_id());
    // What the key stands for: the same mutation however the client spelled the id.
    const auto requestHash = sha256(std::string("wishlist\n") + eventId + (request.add() ? "\nadd" : "\nremove"));

    pqxx::work tx(conn);
    if (auto stored = claimIdempotencyKey(tx, who.userId, request.idempotency_key(), requestHash)) return *stored;

    if (request.add()) {
        if (exec(tx, kEventExists, eventId).empty()) fail(v1::NOT_FOUND, "no event with this id", {{"id", eventId}});
        const auto row = exec(tx, kWishlistAdd, who.userId, eventId)[0];
        if (row[1].as<bool>()) {
            v1::WishlistEntry entry;
            entry.set_event_id(eventId);
            entry.set_added_at_ms(row[0].as<std::int64_t>());
            appendChange(tx, core::aggregate::kWishlist, eventId, ChangeOp::Upsert, who.userId,
                         entry.SerializeAsString());
            recordServerSignal(tx, who.userId, eventId, "wishlist_add");
            recommend::recordAlertBaseline(tx, eventId); // changes from here on are alerts
        }
    } else if (!exec(tx, kWishlistRemove, who.userId, eventId).empty()) {
        appendChange(tx, core::aggregate::kWishlist, eventId, ChangeOp::Delete, who.userId, {});
        recordServerSignal(tx, who.userId, eventId, "wishlist_remove");
    }

    v1::Ack ack;
    ack.set_id(eventId);
    storeIdempotentAnswer(tx, who.userId, request.idempotency_key(), ack);
    tx.commit();
    return ack;
}

} // namespace marquee::server::detail
