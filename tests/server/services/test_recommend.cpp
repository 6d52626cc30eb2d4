// Recommendations through the API against real PostgreSQL: signals recorded (client views,
// server-side wishlist changes), training stores a model, "For you" with its reasons and
// exclusions, similar events, trending by city, settings, opting out and deleting history,
// and hostile input.
#include "recommend/engine.hpp"
#include "service_helpers.hpp"

#include <QtTest>

#include <chrono>

using namespace marquee;
using namespace marquee::test;
namespace rec = marquee::server::recommend;

namespace {

const char* const kHamburg = "22222222-2222-4222-8222-222222222222";
// Events: ids end in their number.
const char* const kJazzNight = "aaaaaaaa-0000-4000-8000-000000000001";
const char* const kSaxJazz = "aaaaaaaa-0000-4000-8000-000000000002";
const char* const kRock = "aaaaaaaa-0000-4000-8000-000000000003";
const char* const kFootball = "aaaaaaaa-0000-4000-8000-000000000004";
const char* const kPastJazz = "aaaaaaaa-0000-4000-8000-000000000005";
const char* const kCancelledJazz = "aaaaaaaa-0000-4000-8000-000000000006";

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void seedEvents(pqxx::connection& conn) {
    pqxx::work tx(conn);
    tx.exec0("INSERT INTO categories (id, name, parent_id) VALUES ('music.rock', 'Rock', 'music'), "
             "('sports', 'Sports', NULL), ('sports.football', 'Football', 'sports')");
    tx.exec_params0("UPDATE venues SET latitude = 52.52, longitude = 13.40 WHERE id = $1::uuid", kVenueId);
    tx.exec_params0("INSERT INTO venues (id, name, city, country, latitude, longitude, time_zone) "
                    "VALUES ($1::uuid, 'Volkspark', 'Hamburg', 'DE', 53.59, 9.90, 'Europe/Berlin')",
                    kHamburg);
    const auto add = [&](const char* id, const char* title, const char* category, const char* venue, const char* starts,
                         const char* status, const char* tags) {
        tx.exec_params0("INSERT INTO events (id, title, category_id, tags, starts_at, time_zone, venue_id, currency, status) "
                        "VALUES ($1::uuid, $2, $3, $4::text[], now() + $5::interval, 'Europe/Berlin', $6::uuid, 'EUR', $7)",
                        id, title, category, tags, starts, venue, status);
    };
    add(kJazzNight, "Blue Note Jazz Night", "music.jazz", kVenueId, "5 days", "scheduled", "{jazz,saxophone}");
    add(kSaxJazz, "Blue Note Saxophone Jazz", "music.jazz", kVenueId, "9 days", "scheduled", "{jazz,saxophone}");
    add(kRock, "Garage Rock Riot", "music.rock", kVenueId, "7 days", "scheduled", "{rock}");
    add(kFootball, "Derby Day Football", "sports.football", kHamburg, "8 days", "scheduled", "{football}");
    add(kPastJazz, "Yesterday's Jazz Jam", "music.jazz", kVenueId, "-1 day", "scheduled", "{jazz}");
    add(kCancelledJazz, "Cancelled Jazz Brunch", "music.jazz", kVenueId, "4 days", "cancelled", "{jazz}");
    tx.commit();
}

void insertSignal(pqxx::connection& conn, std::int64_t user, const char* event, const char* signal, const char* ago) {
    pqxx::work tx(conn);
    tx.exec_params0("INSERT INTO user_signals (user_id, event_id, signal, at) VALUES ($1, $2::uuid, $3, now() - $4::interval)",
                    user, event, signal, ago);
    tx.commit();
}

v1::SignalRecord view(const char* event, const std::string& key) {
    v1::SignalRecord s;
    s.set_idempotency_key(key);
    s.set_event_id(event);
    s.set_kind(v1::SIGNAL_VIEW);
    s.set_at_ms(nowMs() - 1000);
    return s;
}

std::string key(int n) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "bbbbbbbb-0000-4000-8000-%012d", n);
    return buffer;
}

rec::AlsOptions tinyAls() {
    rec::AlsOptions o;
    o.factors = 4;
    o.iterations = 20;
    o.regularization = 0.1F;
    o.threads = 1;
    return o;
}

} // namespace

class TestRecommend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void forYouSimilarTrendingAndSettings() {
        Fixture f;
        seedEvents(*f.conn);
        std::vector<server::Principal> users;
        for (int i = 0; i < 6; ++i)
            users.push_back(f.user("fan" + std::to_string(i) + "@example.org", core::Role::Attendee));
        // Fans 0-2 book both Blue Note nights; 3-4 rock and football; 5 only the first night.
        for (std::size_t i = 0; i < 3; ++i) {
            insertSignal(*f.conn, users[i].userId, kJazzNight, "booking", "3 days");
            insertSignal(*f.conn, users[i].userId, kSaxJazz, "booking", "3 days");
        }
        for (std::size_t i = 3; i < 5; ++i) {
            insertSignal(*f.conn, users[i].userId, kRock, "booking", "2 days");
            insertSignal(*f.conn, users[i].userId, kFootball, "booking", "2 days");
        }
        // Fan 5's signals come through the API: a view, and a wishlist add the server records.
        auto recorded = call(f.api, *f.conn, users[5], [&](v1::Envelope& e) {
            *e.mutable_record_signals()->add_records() = view(kJazzNight, key(1));
        });
        QVERIFY2(recorded.has_ack(), recorded.DebugString().c_str());
        QCOMPARE(recorded.ack().id(), std::string("1"));
        const auto wish = call(f.api, *f.conn, users[5], [&](v1::Envelope& e) {
            auto* w = e.mutable_wishlist_mutation();
            w->set_idempotency_key(key(2));
            w->set_event_id(kJazzNight);
            w->set_add(true);
        });
        QVERIFY2(wish.has_ack(), wish.DebugString().c_str());
        QCOMPARE(scalar(*f.conn, "SELECT count(*) FROM user_signals WHERE signal = 'wishlist_add'"), 1LL);

        const auto report = rec::Engine::instance().train(*f.conn, tinyAls());
        QCOMPARE(report.users, std::size_t{6});
        QCOMPARE(scalar(*f.conn, "SELECT count(*) FROM recommendation_models"), 1LL);

        const auto forYou = call(f.api, *f.conn, users[5], [](v1::Envelope& e) { e.mutable_get_recommendations(); });
        QVERIFY2(forYou.has_recommendation_list(), forYou.DebugString().c_str());
        const auto& items = forYou.recommendation_list().items();
        QVERIFY(!items.empty());
        QCOMPARE(items[0].event_id(), std::string(kSaxJazz));
        QVERIFY(items[0].reason() == v1::REASON_BECAUSE_YOU_LIKED || items[0].reason() == v1::REASON_SIMILAR_TO);
        QCOMPARE(items[0].anchor_title(), std::string("Blue Note Jazz Night"));
        QVERIFY(forYou.recommendation_list().model_trained_at_ms() > 0);
        for (const auto& item : items) {
            QVERIFY(item.event_id() != kJazzNight);      // seen
            QVERIFY(item.event_id() != kPastJazz);       // over
            QVERIFY(item.event_id() != kCancelledJazz);  // cancelled
        }

        // Similar events are open to everyone.
        const server::Principal anonymous;
        const auto similar = call(f.api, *f.conn, anonymous, [](v1::Envelope& e) {
            e.mutable_get_similar_events()->set_event_id(kJazzNight);
        });
        QVERIFY2(similar.has_recommendation_list(), similar.DebugString().c_str());
        QCOMPARE(similar.recommendation_list().items(0).event_id(), std::string(kSaxJazz));
        QCOMPARE(similar.recommendation_list().items(0).reason(), v1::REASON_SIMILAR_TO);
        QCOMPARE(call(f.api, *f.conn, anonymous, [](v1::Envelope& e) {
                     e.mutable_get_similar_events()->set_event_id("aaaaaaaa-0000-4000-8000-00000000ffff");
                 }).error().code(),
                 v1::NOT_FOUND);
        QCOMPARE(call(f.api, *f.conn, anonymous, [](v1::Envelope& e) { e.mutable_get_similar_events()->set_event_id("x"); })
                     .error()
                     .code(),
                 v1::INVALID_ARGUMENT);

        // Trending in Hamburg: only the football match has signals there.
        const auto hamburg = call(f.api, *f.conn, anonymous, [](v1::Envelope& e) { e.mutable_get_trending()->set_city("hamburg"); });
        QVERIFY2(hamburg.has_recommendation_list(), hamburg.DebugString().c_str());
        QCOMPARE(hamburg.recommendation_list().items_size(), 1);
        QCOMPARE(hamburg.recommendation_list().items(0).event_id(), std::string(kFootball));
        const auto jazz = call(f.api, *f.conn, anonymous, [](v1::Envelope& e) {
            e.mutable_get_trending()->set_category_id("music");
        });
        QCOMPARE(jazz.recommendation_list().items(0).event_id(), std::string(kJazzNight)); // most signals, music.*

        // "For you" needs an account.
        QCOMPARE(call(f.api, *f.conn, anonymous, [](v1::Envelope& e) { e.mutable_get_recommendations(); }).error().code(),
                 v1::UNAUTHENTICATED);

        // Settings: defaults, a stored change, and refusals.
        auto settings = call(f.api, *f.conn, users[5], [](v1::Envelope& e) { e.mutable_get_recommendation_settings(); });
        QVERIFY(settings.recommendation_settings().tracking());
        QVERIFY(settings.recommendation_settings().alert_cancelled());
        QVERIFY(!settings.recommendation_settings().weekly_digest());
        const auto setTo = [&](const std::function<void(v1::RecommendationSettings&)>& fill) {
            return call(f.api, *f.conn, users[5], [&](v1::Envelope& e) {
                auto s = settings.recommendation_settings();
                fill(s);
                *e.mutable_set_recommendation_settings()->mutable_settings() = s;
            });
        };
        settings = setTo([](v1::RecommendationSettings& s) {
            s.add_interest_categories("sports");
            s.set_weekly_digest(true);
            s.set_latitude(53.55);
            s.set_longitude(9.99);
            s.set_radius_km(30);
        });
        QVERIFY2(settings.has_recommendation_settings(), settings.DebugString().c_str());
        QCOMPARE(settings.recommendation_settings().interest_categories(0), std::string("sports"));
        QVERIFY(settings.recommendation_settings().weekly_digest());
        // With the Hamburg radius only the football match is left.
        const auto near = call(f.api, *f.conn, users[5], [](v1::Envelope& e) { e.mutable_get_recommendations(); });
        QCOMPARE(near.recommendation_list().items_size(), 1);
        QCOMPARE(near.recommendation_list().items(0).event_id(), std::string(kFootball));
        QCOMPARE(setTo([](v1::RecommendationSettings& s) { s.add_interest_categories("no.such"); }).error().code(),
                 v1::INVALID_ARGUMENT);
        QCOMPARE(setTo([](v1::RecommendationSettings& s) { s.set_latitude(123); }).error().code(), v1::INVALID_ARGUMENT);

        // Opting out stops recording at once: client signals and wishlist changes alike.
        settings = setTo([](v1::RecommendationSettings& s) { s.set_tracking(false); });
        QVERIFY(!settings.recommendation_settings().tracking());
        const auto before = scalar(*f.conn, "SELECT count(*) FROM user_signals");
        recorded = call(f.api, *f.conn, users[5], [&](v1::Envelope& e) {
            *e.mutable_record_signals()->add_records() = view(kRock, key(3));
        });
        QCOMPARE(recorded.ack().id(), std::string("0"));
        call(f.api, *f.conn, users[5], [&](v1::Envelope& e) {
            auto* w = e.mutable_wishlist_mutation();
            w->set_idempotency_key(key(4));
            w->set_event_id(kRock);
            w->set_add(true);
        });
        QCOMPARE(scalar(*f.conn, "SELECT count(*) FROM user_signals"), before);

        // Deleting history removes every signal of the user, and "For you" stops using it.
        const auto deleted = call(f.api, *f.conn, users[5], [](v1::Envelope& e) { e.mutable_delete_my_history(); });
        QCOMPARE(deleted.ack().id(), std::string("2"));
        QCOMPARE(scalar(*f.conn, "SELECT count(*) FROM user_signals WHERE user_id = " + std::to_string(users[5].userId)),
                 0LL);
        setTo([](v1::RecommendationSettings& s) { s.set_radius_km(0); });
        const auto after = call(f.api, *f.conn, users[5], [](v1::Envelope& e) { e.mutable_get_recommendations(); });
        for (const auto& item : after.recommendation_list().items()) {
            QVERIFY(item.reason() != v1::REASON_BECAUSE_YOU_LIKED);
            QVERIFY(item.reason() != v1::REASON_SIMILAR_TO);
        }
    }

    void hostileSignals() {
        Fixture f;
        seedEvents(*f.conn);
        const auto fan = f.user("fan@example.org", core::Role::Attendee);
        const auto send = [&](const std::function<void(v1::RecordSignals&)>& fill) {
            return call(f.api, *f.conn, fan, [&](v1::Envelope& e) { fill(*e.mutable_record_signals()); });
        };
        QCOMPARE(send([](v1::RecordSignals& r) {
                     auto s = view(kRock, key(1));
                     s.set_kind(v1::SIGNAL_BOOKING); // bookings are the server's to record
                     *r.add_records() = s;
                 }).error().code(),
                 v1::INVALID_ARGUMENT);
        QCOMPARE(send([](v1::RecordSignals& r) { *r.add_records() = view("not-a-uuid", key(1)); }).error().code(),
                 v1::INVALID_ARGUMENT);
        QCOMPARE(send([](v1::RecordSignals& r) { *r.add_records() = view(kRock, "k"); }).error().code(), v1::INVALID_ARGUMENT);
        QCOMPARE(send([](v1::RecordSignals& r) {
                     for (int i = 0; i < 501; ++i) *r.add_records() = view(kRock, key(i));
                 }).error().code(),
                 v1::INVALID_ARGUMENT);
        QCOMPARE(send([](v1::RecordSignals& r) {
                     auto s = view(kRock, key(1));
                     s.set_search_query(std::string(600, 'x'));
                     *r.add_records() = s;
                 }).error().code(),
                 v1::INVALID_ARGUMENT);
        QCOMPARE(scalar(*f.conn, "SELECT count(*) FROM user_signals"), 0LL);
        // Unknown events are skipped, a replayed key is stored once, a future time is clamped.
        const auto stored = send([](v1::RecordSignals& r) {
            *r.add_records() = view("aaaaaaaa-0000-4000-8000-00000000ffff", key(7));
            auto s = view(kRock, key(8));
            s.set_at_ms(s.at_ms() + 86'400'000LL * 365);
            *r.add_records() = s;
            *r.add_records() = view(kRock, key(8));
        });
        QCOMPARE(stored.ack().id(), std::string("1"));
        QCOMPARE(scalar(*f.conn, "SELECT count(*) FROM user_signals WHERE at <= now()"), 1LL);
        QCOMPARE(send([](v1::RecordSignals& r) { *r.add_records() = view(kRock, key(8)); }).ack().id(), std::string("0"));
        const server::Principal anonymous;
        QCOMPARE(call(f.api, *f.conn, anonymous, [](v1::Envelope& e) { *e.mutable_record_signals()->add_records() = view(kRock, key(9)); })
                     .error()
                     .code(),
                 v1::UNAUTHENTICATED);

        // A damaged stored model is ignored (content and trending still answer).
        rec::Engine::instance().train(*f.conn, tinyAls());
        {
            pqxx::work tx(*f.conn);
            tx.exec0("UPDATE recommendation_models SET blob = '\\x00'");
            tx.commit();
        }
        const auto snapshot = rec::Engine::instance().refresh(*f.conn);
        QVERIFY(!snapshot->als);
        QCOMPARE(snapshot->events.size(), std::size_t{6}); // past and cancelled ones too: they carry signals
    }
};

QTEST_GUILESS_MAIN(TestRecommend)
#include "test_recommend.moc"
