// Seating payload decoding (see seatingcodec.h).
#include "net/seatingcodec.h"

#include "net/protobytes.h"

#include "marquee/protocol/seating_conversions.hpp"
#include "marquee/v1/seating.pb.h"

#include <QCoreApplication>

namespace marquee::client {

std::shared_ptr<const core::seating::Layout> decodeLayoutPayload(const QByteArray& payload, QString* error)
{
    v1::SeatingLayout message;
    if (!parseMessage(message, payload)) {
        if (error)
            *error = QCoreApplication::translate("SeatingService", "The stored seat map is damaged.");
        return nullptr;
    }
    try {
        return std::make_shared<const core::seating::Layout>(protocol::fromProto(message));
    } catch (const std::exception& e) {
        if (error)
            *error = QCoreApplication::translate("SeatingService", "The stored seat map cannot be read: %1")
                         .arg(QString::fromUtf8(e.what()));
        return nullptr;
    }
}

std::optional<LayoutSummary> summariseLayoutPayload(const QByteArray& payload)
{
    v1::SeatingLayout message;
    if (!parseMessage(message, payload))
        return std::nullopt;
    try {
        const core::seating::Layout layout = protocol::fromProto(message);
        std::size_t places = layout.seatCount();
        for (const core::seating::Area& area : layout.areas)
            if (area.kind == core::seating::AreaKind::GeneralAdmission)
                places += area.capacity;
        return LayoutSummary{QString::fromStdString(layout.id), QString::fromStdString(layout.venueId),
                             QString::fromStdString(layout.name), layout.version, static_cast<int>(places),
                             message.owner_id(), message.created_at_ms()};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace marquee::client
