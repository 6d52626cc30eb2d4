// Converts a protobuf ChangeBatch into client records (payload decoded by aggregate type).
#pragma once

#include "store/records.h"

namespace marquee::v1 {
class ChangeBatch;
}

namespace marquee::client {

ChangeBatchData decodeChangeBatch(const v1::ChangeBatch& batch);

} // namespace marquee::client
