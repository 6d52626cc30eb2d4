// Test data for client tests: a small catalog written straight into a LocalStore.
#pragma once

#include "store/localstore.h"

#include <QDateTime>
#include <QTimeZone>

namespace marquee::client::testdata {

inline qint64 berlinMs(int y, int m, int d, int h = 20, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone("Europe/Berlin")).toMSecsSinceEpoch();
}

inline ChangeRecord record(ChangeRecord::Kind kind, const std::string& id, decltype(ChangeRecord::record) rec)
{
    ChangeRecord r;
    r.kind = kind;
    r.aggregateId = id;
    r.record = std::move(rec);
    return r;
}

inline core::Event event(const std::string& id, const std::string& title, const std::string& category, qint64 startsAt,
                         core::EventStatus status = core::EventStatus::Scheduled, std::int64_t minPrice = 2500,
                         std::int64_t maxPrice = 8900)
{
    core::Event e;
    e.id = id;
    e.title = title;
    e.description = "An evening with " + title + ". Doors open one hour before the show.";
    e.categoryId = category;
    e.tags = {"live", "indoor"};
    e.performers = {"Berliner Ensemble", "Guest Artist"};
    e.startsAtMs = startsAt;
    e.endsAtMs = startsAt + 2 * 3600 * 1000;
    e.timeZone = "Europe/Berlin";
    e.venueId = "ven-1";
    e.price = {minPrice, maxPrice, "EUR"};
    e.status = status;
    return e;
}

// Seven events in three categories at one venue; the batch covers (0, 20].
inline ChangeBatchData catalogBatch()
{
    using K = ChangeRecord::Kind;
    ChangeBatchData b;
    b.nextCursor = 20;
    b.head = 20;
    b.changes = {
        record(K::Venue, "ven-1",
               core::Venue{"ven-1", "Philharmonie", "Herbert-von-Karajan-Str. 1", "Berlin", "DE", 52.51, 13.37,
                           "Europe/Berlin", 2440}),
        record(K::Category, "music", core::Category{"music", "Music", ""}),
        record(K::Category, "music.jazz", core::Category{"music.jazz", "Jazz", "music"}),
        record(K::Category, "theatre", core::Category{"theatre", "Theatre", ""}),
        record(K::Event, "e1", event("e1", "Berlin Philharmonic", "music", berlinMs(2030, 3, 1))),
        record(K::Event, "e2", event("e2", "Late Night Jazz", "music.jazz", berlinMs(2030, 3, 5, 22, 30))),
        record(K::Event, "e3", event("e3", "Hamlet", "theatre", berlinMs(2030, 3, 7, 19), core::EventStatus::Cancelled)),
        record(K::Event, "e4", event("e4", "Free Jazz Picnic", "music.jazz", berlinMs(2030, 4, 2, 14), core::EventStatus::Scheduled, 0, 0)),
        record(K::Event, "e5", event("e5", "Chamber Music", "music", berlinMs(2030, 4, 10), core::EventStatus::SoldOut)),
        record(K::Event, "e6", event("e6", "Faust", "theatre", berlinMs(2030, 5, 1, 19), core::EventStatus::Postponed)),
        record(K::Event, "e7", event("e7", "Big Band Night", "music.jazz", berlinMs(2030, 5, 20))),
    };
    return b;
}

} // namespace marquee::client::testdata
