// Layout validation (one case per problem kind, demo layouts clean) and moving an event to
// another layout version.
#include "marquee/core/seating/demo_layouts.hpp"
#include "marquee/core/seating/generators.hpp"
#include "marquee/core/seating/migration.hpp"
#include "marquee/core/seating/validation.hpp"

#include <QTest>

#include <chrono>

using namespace marquee::core::seating;

namespace {

// One area, two straight rows of six seats inside a generous outline, one category.
Layout smallLayout() {
    Layout layout;
    layout.priceCategories.push_back({layout.allocateId('p'), "Category 1", 5000, "EUR", 0x336699});
    Area area;
    area.id = layout.allocateId('a');
    area.label = "Stalls";
    RowBlockSpec spec;
    spec.origin = {0, 200};
    spec.rowCount = 2;
    spec.seatsPerRow = {6};
    spec.priceCategoryId = layout.priceCategories[0].id;
    generateRows(layout, area, spec);
    area.outline = outlineAround(area, 50);
    layout.areas.push_back(area);
    return layout;
}

std::vector<LayoutProblem> ofKind(const std::vector<LayoutProblem>& problems, LayoutProblemKind kind) {
    std::vector<LayoutProblem> out;
    for (const auto& p : problems)
        if (p.kind == kind) out.push_back(p);
    return out;
}

QByteArray describe(const std::vector<LayoutProblem>& problems) {
    QByteArray text;
    for (const auto& p : problems) text += QByteArray::fromStdString(p.message) + "\n";
    return text;
}

Seat& seatAt(Layout& layout, std::size_t row, std::size_t seat) { return layout.areas[0].rows[row].seats[seat]; }

} // namespace

class TestSeatingValidation : public QObject {
    Q_OBJECT
private slots:
    void cleanLayoutHasNoProblems() {
        const auto problems = validate(smallLayout());
        QVERIFY2(problems.empty(), describe(problems).constData());
    }

    void demoLayoutsValidateClean_data() {
        QTest::addColumn<QByteArray>("name");
        for (const char* name : {"theatre", "stadium", "club", "arena"}) QTest::newRow(name) << QByteArray(name);
    }
    void demoLayoutsValidateClean() {
        QFETCH(QByteArray, name);
        const Layout layout = name == "theatre"   ? demo::theatre()
                              : name == "stadium" ? demo::stadium()
                              : name == "club"    ? demo::club()
                                                  : demo::arena(100'000);
        const auto started = std::chrono::steady_clock::now();
        const auto problems = validate(layout);
        const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
        QVERIFY2(problems.empty(), describe(problems).left(4000).constData());
        qInfo("validate %s (%zu seats): %.1f ms", name.constData(), layout.seatCount(), elapsed.count());
    }

    void overlappingSeats() {
        Layout layout = smallLayout();
        seatAt(layout, 1, 2).position = {seatAt(layout, 0, 2).position.x + 10, seatAt(layout, 0, 2).position.y + 30};
        const auto problems = validate(layout);
        QCOMPARE(problems.size(), 1u);
        const auto& p = problems[0];
        QCOMPARE(p.kind, LayoutProblemKind::OverlappingSeats);
        QCOMPARE(p.seatId, seatAt(layout, 0, 2).id);
        QCOMPARE(p.otherSeatId, seatAt(layout, 1, 2).id);
        QCOMPARE(p.areaId, layout.areas[0].id);
        QCOMPARE(p.where, seatAt(layout, 0, 2).position);
        QVERIFY2(p.message.find("32 cm apart") != std::string::npos, p.message.c_str());
    }

    void overlapsAcrossAreasToo() {
        Layout layout = smallLayout();
        Area copy = layout.areas[0];
        copy.id = layout.allocateId('a');
        copy.label = "Copy";
        for (auto& row : copy.rows) {
            row.id = layout.allocateId('r');
            for (auto& seat : row.seats) seat.id = layout.allocateId('s');
        }
        copy.rows.resize(1);
        layout.areas.push_back(copy);
        const auto overlaps = ofKind(validate(layout), LayoutProblemKind::OverlappingSeats);
        QCOMPARE(overlaps.size(), 6u);
    }

    void degenerateInputStaysBounded() {
        // 20,000 seats on one spot: every pair overlaps; the report is capped and fast.
        Layout layout;
        Area area;
        area.id = "a1";
        area.label = "Pile";
        area.outline = {{-10, -10}, {10, -10}, {10, 10}};
        Row row;
        row.id = "r1";
        row.label = "A";
        for (int i = 0; i < 20'000; ++i) row.seats.push_back({"s" + std::to_string(i + 2), std::to_string(i + 1), {0, 0}, 0, {}, 0});
        area.rows.push_back(row);
        layout.areas.push_back(area);
        const auto overlaps = ofKind(validate(layout), LayoutProblemKind::OverlappingSeats);
        QCOMPARE(overlaps.size(), 1000u);
    }

    void duplicateSeatLabel() {
        Layout layout = smallLayout();
        seatAt(layout, 0, 4).label = seatAt(layout, 0, 1).label;
        const auto problems = validate(layout);
        QCOMPARE(problems.size(), 1u);
        QCOMPARE(problems[0].kind, LayoutProblemKind::DuplicateSeatLabel);
        QCOMPARE(problems[0].seatId, seatAt(layout, 0, 4).id);
        QCOMPARE(problems[0].otherSeatId, seatAt(layout, 0, 1).id);
        QCOMPARE(problems[0].rowId, layout.areas[0].rows[0].id);
    }

    void duplicateRowLabel() {
        Layout layout = smallLayout();
        layout.areas[0].rows[1].label = "A";
        const auto problems = validate(layout);
        QCOMPARE(problems.size(), 1u);
        QCOMPARE(problems[0].kind, LayoutProblemKind::DuplicateRowLabel);
        QCOMPARE(problems[0].rowId, layout.areas[0].rows[1].id);
        QCOMPARE(problems[0].where, seatAt(layout, 1, 0).position);
    }

    void duplicateId() {
        Layout layout = smallLayout();
        seatAt(layout, 1, 3).id = seatAt(layout, 0, 0).id;
        layout.areas[0].rows[1].id = layout.areas[0].id;
        const auto problems = validate(layout);
        QCOMPARE(problems.size(), 2u);
        QCOMPARE(problems[0].kind, LayoutProblemKind::DuplicateId);
        QCOMPARE(problems[0].rowId, layout.areas[0].rows[1].id);
        QVERIFY2(problems[0].message.find("area and again by a row") != std::string::npos, problems[0].message.c_str());
        QCOMPARE(problems[1].kind, LayoutProblemKind::DuplicateId);
        QCOMPARE(problems[1].seatId, seatAt(layout, 0, 0).id);
        QCOMPARE(problems[1].where, seatAt(layout, 1, 3).position);
    }

    void seatOutsideArea() {
        Layout layout = smallLayout();
        seatAt(layout, 1, 5).position.x += 400;
        const auto problems = validate(layout);
        QCOMPARE(problems.size(), 1u);
        QCOMPARE(problems[0].kind, LayoutProblemKind::SeatOutsideArea);
        QCOMPARE(problems[0].seatId, seatAt(layout, 1, 5).id);
        QCOMPARE(problems[0].where, seatAt(layout, 1, 5).position);
        // Far outside any sane plan: reported even when the outline would contain it.
        layout = smallLayout();
        seatAt(layout, 0, 0).position = {5e7, 200};
        layout.areas[0].outline = {{-1e8, -1e8}, {1e8, -1e8}, {1e8, 1e8}, {-1e8, 1e8}};
        QCOMPARE(ofKind(validate(layout), LayoutProblemKind::SeatOutsideArea).size(), 1u);
    }

    void unknownPriceCategory() {
        Layout layout = smallLayout();
        seatAt(layout, 0, 3).priceCategoryId = "p99";
        Area floor;
        floor.id = layout.allocateId('a');
        floor.label = "Floor";
        floor.kind = AreaKind::GeneralAdmission;
        floor.capacity = 100;
        floor.priceCategoryId = "p42";
        floor.outline = {{0, 1000}, {500, 1000}, {500, 1500}, {0, 1500}};
        layout.areas.push_back(floor);
        const auto problems = validate(layout);
        QCOMPARE(problems.size(), 2u);
        QCOMPARE(problems[0].kind, LayoutProblemKind::UnknownPriceCategory);
        QCOMPARE(problems[0].seatId, seatAt(layout, 0, 3).id);
        QCOMPARE(problems[1].kind, LayoutProblemKind::UnknownPriceCategory);
        QCOMPARE(problems[1].areaId, floor.id);
        QCOMPARE(problems[1].where, (Point{250, 1250}));
    }

    void emptyLabels() {
        Layout layout = smallLayout();
        layout.areas[0].label.clear();
        layout.areas[0].rows[1].label.clear();
        seatAt(layout, 0, 2).label.clear();
        const auto problems = validate(layout);
        QCOMPARE(problems.size(), 3u);
        for (const auto& p : problems) QCOMPARE(p.kind, LayoutProblemKind::EmptyLabel);
        QCOMPARE(problems[1].seatId, seatAt(layout, 0, 2).id);
        QCOMPARE(problems[2].rowId, layout.areas[0].rows[1].id);
    }

    void invalidCapacity() {
        Layout layout = smallLayout();
        layout.areas[0].capacity = 12;
        Area floor;
        floor.id = layout.allocateId('a');
        floor.label = "Floor";
        floor.kind = AreaKind::GeneralAdmission;
        floor.outline = {{0, 1000}, {500, 1000}, {500, 1500}};
        layout.areas.push_back(floor);
        const auto problems = validate(layout);
        QCOMPARE(problems.size(), 2u);
        QCOMPARE(problems[0].kind, LayoutProblemKind::InvalidCapacity);
        QCOMPARE(problems[0].areaId, layout.areas[0].id);
        QCOMPARE(problems[1].kind, LayoutProblemKind::InvalidCapacity);
        QCOMPARE(problems[1].areaId, floor.id);
    }

    void invalidOutline() {
        Layout layout = smallLayout();
        layout.areas[0].outline.resize(2);
        const auto problems = validate(layout);
        QCOMPARE(problems.size(), 1u); // and no "outside" noise for every seat
        QCOMPARE(problems[0].kind, LayoutProblemKind::InvalidOutline);
        QCOMPARE(problems[0].areaId, layout.areas[0].id);
    }

    void migrationKeepsSeatsById() {
        const Layout from = demo::theatre();
        Layout to = from;
        to.version = 2;
        // Renumber a row and add one: ids stay, so claims move with them.
        renumberRow(to.areas[0].rows[0], {NumberingOrder::RightToLeft, 1, {}, {}});
        RowBlockSpec spec;
        spec.origin = {0, 9000};
        spec.seatsPerRow = {4};
        generateRows(to, to.areas[2], spec);
        const std::vector<ClaimedSeat> claims = {{from.areas[0].rows[0].seats[0].id, SeatStatus::Sold},
                                                 {from.areas[1].rows[3].seats[7].id, SeatStatus::Held}};
        const auto check = checkMigration(from, to, claims);
        QVERIFY(check.ok());
        QVERIFY(check.priceCategoryChanged.empty());
    }

    void migrationListsLostSeats() {
        const Layout from = demo::theatre();
        Layout to = from;
        to.version = 2;
        const Row removed = to.areas[0].rows[5]; // stalls row F
        to.areas[0].rows.erase(to.areas[0].rows.begin() + 5);
        to.areas[1].rows[0].seats[0].priceCategoryId = to.priceCategories[0].id;
        const std::vector<ClaimedSeat> claims = {{removed.seats[11].id, SeatStatus::Sold},
                                                 {removed.seats[12].id, SeatStatus::Leased},
                                                 {from.areas[0].rows[6].seats[0].id, SeatStatus::Sold},
                                                 {removed.seats[13].id, SeatStatus::Blocked},
                                                 {from.areas[1].rows[0].seats[0].id, SeatStatus::HeldByMe},
                                                 {"s999999", SeatStatus::Held}};
        const auto check = checkMigration(from, to, claims);
        QVERIFY(!check.ok());
        QCOMPARE(check.lost.size(), 4u);
        QCOMPARE(check.lost[0].seatId, removed.seats[11].id);
        QCOMPARE(check.lost[0].description, "Stalls, row F, seat 12 (sold)");
        QCOMPARE(check.lost[0].status, SeatStatus::Sold);
        QCOMPARE(check.lost[1].description, "Stalls, row F, seat 13 (leased)");
        QCOMPARE(check.lost[2].description, "Stalls, row F, seat 14 (blocked)");
        QCOMPARE(check.lost[3].description, "seat s999999 (unknown in the old version too) (held)");
        QCOMPARE(check.priceCategoryChanged, std::vector<std::string>{from.areas[1].rows[0].seats[0].id});
    }

    void describeSeatNamesTablesAndRows() {
        const Layout club = demo::club();
        const SeatIndex index(club);
        QCOMPARE(describeSeat(club, index, 0), "Balcony, row A, seat 1");
        QCOMPARE(describeSeat(club, index, 44), "Balcony, table T1, seat 1");
        QCOMPARE(describeSeat(club, index, 9999), "seat #9999 (not in the layout)");
    }
};

QTEST_APPLESS_MAIN(TestSeatingValidation)
#include "test_seating_validation.moc"
