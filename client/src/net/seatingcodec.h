// Decodes a stored SeatingLayout payload (protobuf bytes from the change log) into the core
// layout, so that generated types stay inside the net layer.
#pragma once

#include "marquee/core/seating/layout.hpp"

#include <QByteArray>
#include <QString>

#include <memory>

namespace marquee::client {

// nullptr and a reason in *error for bytes that do not parse or do not convert.
std::shared_ptr<const core::seating::Layout> decodeLayoutPayload(const QByteArray& payload, QString* error = nullptr);

} // namespace marquee::client
