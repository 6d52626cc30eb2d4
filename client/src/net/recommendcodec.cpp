// recommend.proto <-> client types.
#include "net/recommendcodec.h"

#include "marquee/v1/recommend.pb.h"

namespace marquee::client {

namespace {

QStringList toStringList(const google::protobuf::RepeatedPtrField<std::string>& values)
{
    QStringList out;
    out.reserve(values.size());
    for (const std::string& v : values)
        out << QString::fromStdString(v);
    return out;
}

RecommendationReason toReason(v1::RecommendationReason reason)
{
    switch (reason) {
    case v1::REASON_BECAUSE_YOU_LIKED: return RecommendationReason::BecauseYouLiked;
    case v1::REASON_SIMILAR_TO: return RecommendationReason::SimilarTo;
    case v1::REASON_POPULAR_NEAR_YOU: return RecommendationReason::PopularNearYou;
    case v1::REASON_MATCHES_INTERESTS: return RecommendationReason::MatchesInterests;
    default: return RecommendationReason::Unspecified; // a newer server's reason
    }
}

} // namespace

RecommendationListInfo fromProto(const v1::RecommendationList& list)
{
    RecommendationListInfo out;
    out.computedAtMs = list.computed_at_ms();
    out.modelTrainedAtMs = list.model_trained_at_ms();
    out.items.reserve(list.items_size());
    for (const v1::Recommendation& r : list.items())
        out.items.append(RecommendationItem{QString::fromStdString(r.event_id()), r.score(), toReason(r.reason()),
                                            QString::fromStdString(r.anchor_event_id()),
                                            QString::fromStdString(r.anchor_title())});
    return out;
}

RecommendationSettingsInfo fromProto(const v1::RecommendationSettings& s)
{
    RecommendationSettingsInfo out;
    out.tracking = s.tracking();
    out.interestCategories = toStringList(s.interest_categories());
    out.interestWords = toStringList(s.interest_words());
    out.city = QString::fromStdString(s.city());
    out.latitude = s.latitude();
    out.longitude = s.longitude();
    out.radiusKm = s.radius_km();
    out.alertSellingOut = s.alert_selling_out();
    out.alertPriceDrop = s.alert_price_drop();
    out.alertScheduleChange = s.alert_schedule_change();
    out.alertCancelled = s.alert_cancelled();
    out.weeklyDigest = s.weekly_digest();
    return out;
}

void toProto(const RecommendationSettingsInfo& s, v1::RecommendationSettings* out)
{
    out->set_tracking(s.tracking);
    for (const QString& c : s.interestCategories)
        out->add_interest_categories(c.toStdString());
    for (const QString& w : s.interestWords)
        out->add_interest_words(w.toStdString());
    out->set_city(s.city.toStdString());
    out->set_latitude(s.latitude);
    out->set_longitude(s.longitude);
    out->set_radius_km(s.radiusKm);
    out->set_alert_selling_out(s.alertSellingOut);
    out->set_alert_price_drop(s.alertPriceDrop);
    out->set_alert_schedule_change(s.alertScheduleChange);
    out->set_alert_cancelled(s.alertCancelled);
    out->set_weekly_digest(s.weeklyDigest);
}

void toProto(const SignalRecordInfo& record, v1::SignalRecord* out)
{
    out->set_idempotency_key(record.idempotencyKey.toStdString());
    out->set_event_id(record.eventId.toStdString());
    out->set_kind(record.kind == SignalKind::SearchClick ? v1::SIGNAL_SEARCH_CLICK : v1::SIGNAL_VIEW);
    out->set_at_ms(record.atMs);
    out->set_search_query(record.searchQuery.toStdString());
}

} // namespace marquee::client
