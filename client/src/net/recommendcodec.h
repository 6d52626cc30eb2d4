// Converts client recommendation types to and from the recommend.proto messages.
#pragma once

#include "store/recommendrecords.h"

namespace marquee::v1 {
class RecommendationList;
class RecommendationSettings;
class SignalRecord;
} // namespace marquee::v1

namespace marquee::client {

RecommendationListInfo fromProto(const v1::RecommendationList& list);
RecommendationSettingsInfo fromProto(const v1::RecommendationSettings& settings);
void toProto(const RecommendationSettingsInfo& settings, v1::RecommendationSettings* out);
void toProto(const SignalRecordInfo& record, v1::SignalRecord* out);

} // namespace marquee::client
