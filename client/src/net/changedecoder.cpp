// Payload decoding for change-log rows; unknown aggregate types are kept as Unknown.
#include "net/changedecoder.h"

#include "marquee/protocol/conversions.hpp"
#include "marquee/v1/order.pb.h"
#include "marquee/v1/seating.pb.h"
#include "marquee/v1/sync.pb.h"

#include <QLoggingCategory>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcDecode, "marquee.sync.decode")

namespace {

// "<layout id>@<version>": the aggregate id of a layout version (tombstones carry no payload).
bool splitLayoutId(const std::string& aggregateId, LayoutPayload& out)
{
    const auto at = aggregateId.rfind('@');
    if (at == std::string::npos || at == 0)
        return false;
    const QString version = QString::fromStdString(aggregateId.substr(at + 1));
    bool ok = false;
    out.version = version.toUInt(&ok);
    out.layoutId = aggregateId.substr(0, at);
    return ok;
}

// Booking aggregates (order.proto's header): the buyer's orders, the user's waitlist entries
// and the public ticket keys.
constexpr std::string_view kOrderAggregate = "order";
constexpr std::string_view kWaitlistAggregate = "waitlist_entry";
constexpr std::string_view kTicketKeyAggregate = "ticket_key";

} // namespace

ChangeBatchData decodeChangeBatch(const v1::ChangeBatch& batch)
{
    ChangeBatchData out;
    out.fromCursor = batch.from_cursor();
    out.nextCursor = batch.next_cursor();
    out.head = batch.head();
    out.hasMore = batch.has_more();
    out.reset = batch.reset();
    out.changes.reserve(static_cast<std::size_t>(batch.changes_size()));
    for (const v1::Change& change : batch.changes()) {
        ChangeRecord rec;
        rec.seq = change.seq();
        rec.aggregateId = change.aggregate_id();
        rec.deleted = change.op() == v1::CHANGE_OP_DELETE;
        const std::string& type = change.aggregate_type();
        bool ok = true;
        if (type == core::aggregate::kEvent) {
            rec.kind = ChangeRecord::Kind::Event;
            if (!rec.deleted) {
                v1::Event msg;
                ok = msg.ParseFromString(change.payload());
                rec.record = protocol::fromProto(msg);
            }
        } else if (type == core::aggregate::kVenue) {
            rec.kind = ChangeRecord::Kind::Venue;
            if (!rec.deleted) {
                v1::Venue msg;
                ok = msg.ParseFromString(change.payload());
                rec.record = protocol::fromProto(msg);
            }
        } else if (type == core::aggregate::kCategory) {
            rec.kind = ChangeRecord::Kind::Category;
            if (!rec.deleted) {
                v1::Category msg;
                ok = msg.ParseFromString(change.payload());
                rec.record = protocol::fromProto(msg);
            }
        } else if (type == core::aggregate::kWishlist) {
            rec.kind = ChangeRecord::Kind::Wishlist;
            if (!rec.deleted) {
                v1::WishlistEntry msg;
                ok = msg.ParseFromString(change.payload());
                rec.record = protocol::fromProto(msg);
            }
        } else if (type == core::aggregate::kLayout) {
            rec.kind = ChangeRecord::Kind::Layout;
            LayoutPayload layout;
            ok = splitLayoutId(rec.aggregateId, layout);
            if (ok && !rec.deleted) {
                // Kept as bytes: parsed once here to refuse a broken row, decoded again only
                // when a seat map opens.
                v1::SeatingLayout msg;
                ok = msg.ParseFromString(change.payload());
                layout.payload = change.payload();
            }
            rec.record = std::move(layout);
        } else if (type == core::aggregate::kEventLayout) {
            rec.kind = ChangeRecord::Kind::EventLayout;
            if (!rec.deleted) {
                v1::EventLayout msg;
                ok = msg.ParseFromString(change.payload());
                rec.record = EventLayoutPin{rec.aggregateId, msg.layout_id(), msg.layout_version()};
            }
        } else if (type == kOrderAggregate) {
            rec.kind = ChangeRecord::Kind::Order;
            if (!rec.deleted) {
                // Kept as bytes (the cache shows them through net/bookingcodec.h); parsed here
                // for the indexed columns and to refuse a broken row.
                v1::Order msg;
                ok = msg.ParseFromString(change.payload());
                rec.record = OrderRecord{change.payload(), msg.event_id(), static_cast<int>(msg.status()),
                                         msg.created_at_ms(), msg.updated_at_ms()};
            }
        } else if (type == kWaitlistAggregate) {
            rec.kind = ChangeRecord::Kind::WaitlistEntry;
            if (!rec.deleted) {
                v1::WaitlistEntry msg;
                ok = msg.ParseFromString(change.payload());
                rec.record = WaitlistRecord{change.payload(), msg.event_id(), static_cast<int>(msg.status()),
                                            msg.created_at_ms()};
            }
        } else if (type == kTicketKeyAggregate) {
            rec.kind = ChangeRecord::Kind::TicketKey;
            if (!rec.deleted) {
                v1::TicketKey msg;
                ok = msg.ParseFromString(change.payload()) && msg.public_key().size() == 32;
                rec.record = TicketKeyRecord{msg.public_key(), msg.valid_from_ms(), msg.retired_at_ms(), msg.device_id(),
                                             msg.certified_by_key_id(), msg.certificate(), msg.valid_until_ms(),
                                             msg.revoked_at_ms()};
            }
        }
        if (!ok) {
            // A broken row must not stop the sync: skip it, the cursor still advances.
            qCWarning(lcDecode) << "undecodable payload for" << QString::fromStdString(type)
                                << QString::fromStdString(rec.aggregateId);
            rec.kind = ChangeRecord::Kind::Unknown;
            rec.record = std::monostate{};
        }
        out.changes.push_back(std::move(rec));
    }
    return out;
}

} // namespace marquee::client
