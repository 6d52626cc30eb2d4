// Best available: worked examples, and rapidcheck properties against the brute-force
// reference (validity, nothing-found agreement, optimality).
#include "best_available_reference.hpp"

#include "marquee/core/seating/demo_layouts.hpp"
#include "marquee/core/seating/generators.hpp"

#include <QTest>
#include <rapidcheck.h>

#include <chrono>
#include <cmath>
#include <numbers>
#include <random>

using namespace marquee;
using namespace marquee::core::seating;

namespace {

constexpr double kPitch = 50;

double snapped(double v) { return std::round(v * 64) / 64; }

// A straight row along x at height y; `aisleAfter` lists seat positions followed by an aisle.
Row straightRow(Layout& layout, double y, int seats, const std::vector<int>& aisleAfter = {}, const std::string& category = "p1") {
    Row row;
    row.id = layout.allocateId('r');
    row.label = "R" + row.id;
    double x = 0;
    for (int i = 0; i < seats; ++i) {
        row.seats.push_back({layout.allocateId('s'), std::to_string(i + 1), {x, y}, 0, category, 0});
        x += std::find(aisleAfter.begin(), aisleAfter.end(), i) != aisleAfter.end() ? 2.2 * kPitch : kPitch;
    }
    return row;
}

Row tableRow(Layout& layout, Point centre, int seats, const std::string& category = "p1") {
    Row row;
    row.id = layout.allocateId('r');
    row.label = "T" + row.id;
    row.circular = true;
    row.tableCentre = centre;
    const double radius = kPitch / (2 * std::sin(std::numbers::pi / seats));
    for (int i = 0; i < seats; ++i) {
        const double a = 2 * std::numbers::pi * i / seats;
        row.seats.push_back({layout.allocateId('s'), std::to_string(i + 1),
                             {snapped(centre.x + radius * std::sin(a)), snapped(centre.y - radius * std::cos(a))}, 0, category, 0});
    }
    return row;
}

Layout singleArea(std::vector<Row> rows, Point focal = {0, -500}) {
    Layout layout;
    layout.focalPoint = focal;
    layout.priceCategories = {{"p1", "One", 1000, "EUR", 0}, {"p2", "Two", 500, "EUR", 0}};
    Area area;
    area.id = "a1";
    area.label = "Stalls";
    area.rows = std::move(rows);
    layout.areas.push_back(std::move(area));
    return layout;
}

struct Scenario {
    Layout layout;
    std::vector<SeatStatus> status;
    BestAvailableRequest request;
};

std::optional<std::vector<std::uint32_t>> run(const Scenario& s) {
    const SeatIndex index(s.layout);
    return bestAvailable(s.layout, index, s.status, s.request);
}

using Seats = std::vector<std::uint32_t>;

// rapidcheck scales inRange with the test size (small values first); layouts and occupancy
// need the whole range from the first case on.
template <typename T>
T uniform(T low, T high) {
    return *rc::gen::resize(rc::kNominalSize, rc::gen::inRange<T>(low, high));
}

// A random small layout: straight rows with random aisles, tables, categories, flags.
Layout randomLayout() {
    Layout layout;
    layout.focalPoint = {static_cast<double>(uniform(-400, 1200)), static_cast<double>(uniform(-600, 800))};
    layout.priceCategories = {{"p1", "One", 1000, "EUR", 0}, {"p2", "Two", 800, "EUR", 0}, {"p3", "Three", 500, "EUR", 0}};
    const int areas = uniform(1, 3);
    for (int a = 0; a < areas; ++a) {
        Area area;
        area.id = layout.allocateId('a');
        area.label = "Area " + area.id;
        const int rows = uniform(1, 5);
        for (int r = 0; r < rows; ++r) {
            const double y = 1000.0 * a + 100.0 * r;
            const bool table = uniform(0, 5) == 0;
            const int seats = table ? uniform(3, 11) : uniform(1, 13);
            Row row = table ? tableRow(layout, {1500, y}, seats) : straightRow(layout, y, seats);
            if (!table) {
                // Random aisles: push the rest of the row further right.
                double shift = 0;
                for (auto& seat : row.seats) {
                    if (uniform(0, 10) == 0) shift += 1.3 * kPitch;
                    seat.position.x += shift;
                }
            }
            // Mostly one category per row, with the odd change of category along it.
            std::string category = *rc::gen::element<std::string>("p1", "p1", "p2", "p3");
            for (auto& seat : row.seats) {
                if (uniform(0, 8) == 0) category = *rc::gen::element<std::string>("p1", "p2", "p3");
                seat.priceCategoryId = category;
                const int flag = uniform(0, 30);
                seat.flags = flag == 0 ? kWheelchairSpace : flag == 1 ? kCompanionSeat : flag == 2 ? kRestrictedView : 0;
            }
            area.rows.push_back(std::move(row));
        }
        layout.areas.push_back(std::move(area));
    }
    return layout;
}

Scenario randomScenario() {
    Scenario s;
    s.layout = randomLayout();
    const std::size_t seats = s.layout.seatCount();
    const int occupancy = *rc::gen::element(0, 5, 10, 20, 30, 50, 70, 90); // percent taken
    for (std::size_t i = 0; i < seats; ++i) {
        const bool taken = uniform(0, 100) < occupancy;
        s.status.push_back(taken ? static_cast<SeatStatus>(uniform(1, int(kSeatStatusCount))) : SeatStatus::Available);
    }
    s.request.count = uniform(1, 6);
    // Usually a category some seat has, sometimes any, rarely one nobody has.
    const int pick = uniform(0, 10);
    if (pick == 0) {
        s.request.priceCategoryId = "p4";
    } else if (pick < 7 && seats > 0) {
        const auto flat = static_cast<std::uint32_t>(uniform<std::size_t>(0, seats));
        s.request.priceCategoryId = SeatIndex(s.layout).seat(flat).priceCategoryId;
    }
    s.request.accessible = uniform(0, 4) == 0;
    if (uniform(0, 4) == 0) s.request.areaId = s.layout.areas[0].id;
    return s;
}

} // namespace

class TestBestAvailable : public QObject {
    Q_OBJECT
private slots:
    void picksTheMiddleOfTheFrontRow() {
        Layout layout;
        auto front = straightRow(layout, 0, 10);
        auto back = straightRow(layout, 90, 10);
        for (auto* row : {&front, &back})
            for (auto& seat : row->seats) seat.position.x -= 4.5 * kPitch; // centred on x = 0
        Scenario s{singleArea({front, back}), std::vector<SeatStatus>(20, SeatStatus::Available), {}};
        s.request.count = 2;
        QCOMPARE(run(s), std::optional(Seats{4, 5}));
        s.request.count = 4;
        QCOMPARE(run(s), std::optional(Seats{3, 4, 5, 6}));
        // The middle of the front row sold: two seats beside it, leaving no single seat.
        s.status[4] = s.status[5] = SeatStatus::Sold;
        s.request.count = 2;
        const auto seats = run(s);
        QVERIFY(seats == Seats({6, 7}) || seats == Seats({2, 3}));
        QCOMPARE(seats, std::optional(Seats{2, 3})); // tie: the lower flat index
    }

    void neverLeavesASingleSeat() {
        Layout layout;
        Scenario s{singleArea({straightRow(layout, 0, 5)}), std::vector<SeatStatus>(5, SeatStatus::Available), {}};
        s.status[0] = SeatStatus::Sold;
        s.request.count = 3;
        // 1-3 strands seat 5 at the row end, 2-4 strands seat 2 beside the sold seat 1.
        QCOMPARE(run(s), std::nullopt);
        s.request.count = 2;
        QCOMPARE(run(s), std::optional(Seats{1, 2}));
        s.request.count = 4;
        QCOMPARE(run(s), std::optional(Seats{1, 2, 3, 4}));
    }

    void aislesBreakAdjacencyAndDoNotStrand() {
        Layout layout;
        // Seats 0-3 | aisle | 4-7
        Scenario s{singleArea({straightRow(layout, 0, 8, {3})}, {375, -500}), std::vector<SeatStatus>(8, SeatStatus::Available), {}};
        s.request.count = 5;
        QCOMPARE(run(s), std::nullopt); // no block of five without crossing the aisle
        s.request.count = 3;
        s.status[4] = SeatStatus::Sold;
        // 5-7 is beside a sold seat and the row end: fine. 1-3 would strand seat 0 at the
        // row end; 0-2 would strand seat 3 at the aisle.
        QCOMPARE(run(s), std::optional(Seats{5, 6, 7}));
        s.request.count = 4;
        QCOMPARE(run(s), std::optional(Seats{0, 1, 2, 3}));
    }

    void staysInOneCategory() {
        Layout layout;
        auto row = straightRow(layout, 0, 6);
        for (int i = 3; i < 6; ++i) row.seats[static_cast<std::size_t>(i)].priceCategoryId = "p2";
        Scenario s{singleArea({row}, {0, -500}), std::vector<SeatStatus>(6, SeatStatus::Available), {}};
        s.request.count = 3;
        QCOMPARE(run(s), std::optional(Seats{0, 1, 2})); // never 1-3 across the category edge
        s.request.priceCategoryId = "p2";
        QCOMPARE(run(s), std::optional(Seats{3, 4, 5}));
        s.request.count = 4;
        QCOMPARE(run(s), std::nullopt);
    }

    void wheelchairSpacesOnlyWhenAsked() {
        Layout layout;
        auto row = straightRow(layout, 0, 4);
        row.seats[0].flags = kWheelchairSpace;
        row.seats[1].flags = kCompanionSeat;
        Scenario s{singleArea({row}, {0, -500}), std::vector<SeatStatus>(4, SeatStatus::Available), {}};
        s.request.count = 2;
        // Without `accessible`, the only block is 2-3; it strands no seat because 0 and 1 are
        // both still available together.
        QCOMPARE(run(s), std::optional(Seats{2, 3}));
        s.request.accessible = true;
        QCOMPARE(run(s), std::optional(Seats{0, 1}));
    }

    void heldByMeCountsAsTaken() {
        Layout layout;
        Scenario s{singleArea({straightRow(layout, 0, 3)}), {SeatStatus::HeldByMe, SeatStatus::Available, SeatStatus::Available}, {}};
        s.request.count = 2;
        QCOMPARE(run(s), std::optional(Seats{1, 2}));
        s.request.count = 3;
        QCOMPARE(run(s), std::nullopt);
    }

    void tablesWrapAround() {
        Layout layout;
        Scenario s{singleArea({tableRow(layout, {0, 0}, 6)}, {0, -1000}), std::vector<SeatStatus>(6, SeatStatus::Available), {}};
        s.status[2] = s.status[3] = SeatStatus::Sold;
        s.request.count = 2;
        // Seats 4-5, 5-0 and 0-1 are free pairs; 5-0 would strand 4 beside the sold seat 3.
        const auto pair = run(s);
        QVERIFY(pair == Seats({0, 1}) || pair == Seats({4, 5}));
        s.request.count = 3;
        QCOMPARE(run(s), std::nullopt); // 4-5-0 strands 1, 5-0-1 strands 4
        s.status[3] = SeatStatus::Available;
        s.status[1] = SeatStatus::Sold;
        s.request.count = 4;
        QCOMPARE(run(s), std::optional(Seats{3, 4, 5, 0})); // wraps past the last seat
        s.status.assign(6, SeatStatus::Available);
        s.request.count = 6;
        QCOMPARE(run(s), std::optional(Seats{0, 1, 2, 3, 4, 5}));
        s.request.count = 5;
        QCOMPARE(run(s), std::nullopt); // one seat would be left alone at the table
    }

    void restrictsToTheAskedArea() {
        Layout layout = demo::club();
        const SeatIndex index(layout);
        std::vector<SeatStatus> status(index.size(), SeatStatus::Available);
        BestAvailableRequest request;
        request.count = 2;
        request.areaId = layout.areas[0].id; // the standing floor has no seats
        QCOMPARE(bestAvailable(layout, index, status, request), std::nullopt);
        request.areaId = layout.areas[1].id;
        const auto seats = bestAvailable(layout, index, status, request);
        QVERIFY(seats.has_value());
        QCOMPARE(index.area(seats->front()).id, layout.areas[1].id);
    }

    void rejectsBadRequests() {
        Layout layout;
        Scenario s{singleArea({straightRow(layout, 0, 3)}), std::vector<SeatStatus>(2, SeatStatus::Available), {}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, run(s));
        s.status.resize(3);
        s.request.count = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, run(s));
    }

    void demoTheatreFirstChoiceIsInTheFrontCentre() {
        const Layout layout = demo::theatre();
        const SeatIndex index(layout);
        std::vector<SeatStatus> status(index.size(), SeatStatus::Available);
        BestAvailableRequest request;
        request.count = 4;
        const auto seats = bestAvailable(layout, index, status, request);
        QVERIFY(seats.has_value());
        QCOMPARE(index.area(seats->front()).label, "Stalls");
        QCOMPARE(index.row(seats->front()).label, "A");
        const auto reference = test::referenceBestAvailable(layout, index, status, request);
        QVERIFY(reference.has_value());
        QCOMPARE(*seats, reference->seats);
    }

    // Properties on random layouts and occupancy. The reference is written from the rules,
    // independently of the one-pass algorithm.
    void propertyResultIsValid() {
        QVERIFY(rc::check("a returned block is adjacent, in one category, available and strands no seat", [] {
            const Scenario s = randomScenario();
            const SeatIndex index(s.layout);
            const auto seats = bestAvailable(s.layout, index, s.status, s.request);
            if (!seats) return;
            RC_ASSERT(seats->size() == static_cast<std::size_t>(s.request.count));
            const Row& row = index.row(seats->front());
            for (std::uint32_t seat : *seats) RC_ASSERT(&index.row(seat) == &row);
            const std::uint32_t rowStart = seats->front() - index.location(seats->front()).seat;
            RC_ASSERT(test::blockProblem(s.layout, row, rowStart, s.status, s.request, *seats) == std::string());
        }));
    }

    void propertyNothingFoundMeansNothingExists() {
        QVERIFY(rc::check("nullopt only when brute force finds no block either", [] {
            const Scenario s = randomScenario();
            const SeatIndex index(s.layout);
            const bool fast = bestAvailable(s.layout, index, s.status, s.request).has_value();
            const bool reference = test::referenceBestAvailable(s.layout, index, s.status, s.request).has_value();
            RC_TAG(fast ? "found" : "none");
            RC_ASSERT(fast == reference);
        }));
    }

    void propertyResultIsOptimal() {
        QVERIFY(rc::check("the block is the brute-force optimum, ties to the lower index", [] {
            const Scenario s = randomScenario();
            const SeatIndex index(s.layout);
            const auto seats = bestAvailable(s.layout, index, s.status, s.request);
            const auto reference = test::referenceBestAvailable(s.layout, index, s.status, s.request);
            RC_PRE(reference.has_value());
            RC_ASSERT(seats.has_value());
            // Coordinates are multiples of 1/64 cm, so both centroid sums are exact.
            RC_ASSERT(*seats == reference->seats);
        }));
    }

    // 100,000 seats: time per query on the arena (figures only; benchmarks live in tests/bench).
    void arenaQueriesAreFast() {
        const Layout layout = demo::arena(100'000);
        const SeatIndex index(layout);
        std::mt19937 random(7);
        std::vector<SeatStatus> status(index.size());
        for (auto& s : status) s = random() % 100 < 85 ? SeatStatus::Sold : SeatStatus::Available;
        BestAvailableRequest request;
        request.count = 4;
        const auto started = std::chrono::steady_clock::now();
        const auto seats = bestAvailable(layout, index, status, request);
        const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
        QVERIFY(seats.has_value());
        const auto reference = test::referenceBestAvailable(layout, index, status, request);
        QCOMPARE(*seats, reference->seats);
        qInfo("best available, %u seats, 85%% sold, 4 seats: %.2f ms", index.size(), elapsed.count());
    }
};

QTEST_APPLESS_MAIN(TestBestAvailable)
#include "test_best_available.moc"
