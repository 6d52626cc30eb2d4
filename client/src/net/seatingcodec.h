// Decodes a stored SeatingLayout payload (protobuf bytes from the change log) into the core
// layout, so that generated types stay inside the net layer.
#pragma once

#include "marquee/core/seating/layout.hpp"

#include <QByteArray>
#include <QString>

#include <QtGlobal>

#include <memory>
#include <optional>

namespace marquee::client {

// nullptr and a reason in *error for bytes that do not parse or do not convert.
std::shared_ptr<const core::seating::Layout> decodeLayoutPayload(const QByteArray& payload, QString* error = nullptr);

// What a list of seat maps shows of one layout version.
struct LayoutSummary {
    QString id;
    QString venueId;
    QString name;
    quint32 version = 0;
    int places = 0;     // seats plus general-admission capacity
    qint64 ownerId = 0; // 0: a house layout of the venue
    qint64 savedAtMs = 0;
};
// nullopt for bytes that do not parse or convert.
std::optional<LayoutSummary> summariseLayoutPayload(const QByteArray& payload);

} // namespace marquee::client
