// Seating model: generators and numbering schemes, demo layouts, seat index, and exact round
// trips through the JSON format and the protobuf wire form.
#include "marquee/core/seating/demo_layouts.hpp"
#include "marquee/core/seating/generators.hpp"
#include "marquee/core/seating/layout_json.hpp"
#include "marquee/core/seating/seat_index.hpp"
#include "marquee/core/seating/validation.hpp"
#include "marquee/protocol/seating_conversions.hpp"

#include <QTest>

#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

using namespace marquee;
using namespace marquee::core::seating;

Q_DECLARE_METATYPE(NumberingOrder)

namespace {

// Labels joined with spaces, so the data tables read like the printed row.
QByteArray joined(const std::vector<std::string>& labels) {
    QByteArray out;
    for (const auto& l : labels) out += (out.isEmpty() ? "" : " ") + QByteArray::fromStdString(l);
    return out;
}

std::vector<int> toInts(const QByteArray& csv) {
    std::vector<int> out;
    for (const auto& part : csv.split(',')) if (!part.isEmpty()) out.push_back(part.toInt());
    return out;
}

double distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

Layout demoByName(const QByteArray& name) {
    if (name == "theatre") return demo::theatre();
    if (name == "stadium") return demo::stadium();
    if (name == "club") return demo::club();
    return demo::arena(5000);
}

void addDemoRows() {
    QTest::addColumn<QByteArray>("name");
    for (const char* name : {"theatre", "stadium", "club", "arena"}) QTest::newRow(name) << QByteArray(name);
}

} // namespace

class TestSeatingModel : public QObject {
    Q_OBJECT
private slots:
    void seatLabels_data() {
        QTest::addColumn<NumberingOrder>("order");
        QTest::addColumn<int>("start");
        QTest::addColumn<QByteArray>("skip");
        QTest::addColumn<QByteArray>("prefix");
        QTest::addColumn<int>("count");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("left to right") << NumberingOrder::LeftToRight << 1 << QByteArray() << QByteArray() << 4 << QByteArray("1 2 3 4");
        QTest::newRow("right to left") << NumberingOrder::RightToLeft << 1 << QByteArray() << QByteArray() << 4 << QByteArray("4 3 2 1");
        QTest::newRow("odd/even even count") << NumberingOrder::OddEvenSplit << 1 << QByteArray() << QByteArray() << 6
                                             << QByteArray("5 3 1 2 4 6");
        QTest::newRow("odd/even odd count") << NumberingOrder::OddEvenSplit << 1 << QByteArray() << QByteArray() << 5
                                            << QByteArray("5 3 1 2 4");
        QTest::newRow("custom start") << NumberingOrder::LeftToRight << 101 << QByteArray() << QByteArray() << 3 << QByteArray("101 102 103");
        QTest::newRow("skip 13") << NumberingOrder::LeftToRight << 11 << QByteArray("13") << QByteArray("") << 4 << QByteArray("11 12 14 15");
        QTest::newRow("skip, right to left") << NumberingOrder::RightToLeft << 1 << QByteArray("2,3") << QByteArray("") << 3
                                             << QByteArray("5 4 1");
        QTest::newRow("odd/even skip 13") << NumberingOrder::OddEvenSplit << 9 << QByteArray("13") << QByteArray("") << 6
                                          << QByteArray("15 11 9 10 12 14");
        QTest::newRow("prefix") << NumberingOrder::LeftToRight << 1 << QByteArray("") << QByteArray("B") << 3 << QByteArray("B1 B2 B3");
        QTest::newRow("start at zero") << NumberingOrder::LeftToRight << 0 << QByteArray() << QByteArray() << 2 << QByteArray("0 1");
        QTest::newRow("empty row") << NumberingOrder::LeftToRight << 1 << QByteArray() << QByteArray() << 0 << QByteArray("");
        QTest::newRow("single seat odd/even") << NumberingOrder::OddEvenSplit << 1 << QByteArray() << QByteArray() << 1 << QByteArray("1");
    }
    void seatLabels() {
        QFETCH(NumberingOrder, order);
        QFETCH(int, start);
        QFETCH(QByteArray, skip);
        QFETCH(QByteArray, prefix);
        QFETCH(int, count);
        QFETCH(QByteArray, expected);
        const NumberingScheme scheme{order, start, toInts(skip), prefix.toStdString()};
        QCOMPARE(joined(core::seating::seatLabels(count, scheme)), expected);
    }

    void seatLabelsRejectsImpossibleSchemes() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::seating::seatLabels(-1, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::seating::seatLabels(3, {NumberingOrder::LeftToRight, -5, {}, {}}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::seating::seatLabels(3, {static_cast<NumberingOrder>(9), 1, {}, {}}));
    }

    void rowLabels_data() {
        QTest::addColumn<bool>("letters");
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("skip");
        QTest::addColumn<bool>("frontToBack");
        QTest::addColumn<int>("count");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("letters skip I and O") << true << QByteArray("G") << QByteArray("I,O") << true << 4 << QByteArray("G H J K");
        QTest::newRow("letters past Z") << true << QByteArray("Y") << QByteArray("I,O") << true << 4 << QByteArray("Y Z AA AB");
        QTest::newRow("double letters skip I") << true << QByteArray("AH") << QByteArray("I,O") << true << 2 << QByteArray("AH AJ");
        QTest::newRow("letters back to front") << true << QByteArray("A") << QByteArray("") << false << 3 << QByteArray("C B A");
        QTest::newRow("numbers") << false << QByteArray("1") << QByteArray("") << true << 3 << QByteArray("1 2 3");
        QTest::newRow("numbers skip 13") << false << QByteArray("12") << QByteArray("13") << true << 3 << QByteArray("12 14 15");
    }
    void rowLabels() {
        QFETCH(bool, letters);
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, skip);
        QFETCH(bool, frontToBack);
        QFETCH(int, count);
        QFETCH(QByteArray, expected);
        RowLabelScheme scheme{letters, first.toStdString(), {}, frontToBack};
        for (const auto& s : skip.split(',')) if (!s.isEmpty()) scheme.skip.push_back(s.toStdString());
        QCOMPARE(joined(core::seating::rowLabels(count, scheme)), expected);
    }

    void rowLabelsRejectBadFirstLabel() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::seating::rowLabels(2, {true, "a1", {}, true}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::seating::rowLabels(2, {false, "x", {}, true}));
    }

    void straightRowsHaveSpacingRotationAndAisles() {
        Layout layout;
        Area area;
        RowBlockSpec spec;
        spec.origin = {1000, 500};
        spec.rotationDeg = 90; // facing +x: rows go back towards -x
        spec.rowCount = 3;
        spec.seatsPerRow = {4, 5, 6};
        spec.seatSpacing = 50;
        spec.rowSpacing = 90;
        spec.numbering.order = NumberingOrder::RightToLeft;
        spec.priceCategoryId = "p1";
        const auto rows = generateRows(layout, area, spec);
        QCOMPARE(rows.size(), 3u);
        QCOMPARE(area.rows[0].label, "A");
        QCOMPARE(area.rows[2].seats.size(), 6u);
        // Front row centred on the origin, seats along +y (the audience's left to right).
        const auto& front = area.rows[0].seats;
        QCOMPARE(front[0].position, (Point{1000, 425}));
        QCOMPARE(front[3].position, (Point{1000, 575}));
        QCOMPARE(front[0].label, "4");
        QCOMPARE(front[0].rotationDeg, 90.0);
        QCOMPARE(area.rows[1].seats[2].position, (Point{910, 500}));
        QVERIFY(front[0].flags & kAisleSeat);
        QVERIFY(!(front[1].flags & kAisleSeat));
        QVERIFY(front[3].flags & kAisleSeat);
        QCOMPARE(front[2].priceCategoryId, "p1");
        // Ids are unique and come from the layout's allocator.
        QCOMPARE(area.rows[0].id, "r1");
        QCOMPARE(front[0].id, "s2");
        QCOMPARE(layout.nextId, 1u + 3u + 4u + 5u + 6u);
    }

    void arcRowsFollowTheRadius() {
        Layout layout;
        Area area;
        RowBlockSpec spec;
        spec.shape = RowShape::Arc;
        spec.origin = {0, -1000};
        spec.frontRadius = 1500;
        spec.rowSpacing = 100;
        spec.rowCount = 4;
        spec.seatsPerRow = {20};
        spec.growSeatsWithRadius = true;
        spec.seatSpacing = 50;
        generateRows(layout, area, spec);
        for (std::size_t r = 0; r < area.rows.size(); ++r) {
            const auto& seats = area.rows[r].seats;
            const double radius = 1500 + 100.0 * static_cast<double>(r);
            for (const auto& seat : seats) QVERIFY(std::abs(distance(seat.position, spec.origin) - radius) < 0.05);
            for (std::size_t i = 1; i < seats.size(); ++i) {
                QVERIFY(seats[i].position.x > seats[i - 1].position.x); // left to right
                QVERIFY(std::abs(distance(seats[i].position, seats[i - 1].position) - 50) < 0.5);
            }
            // Symmetric about the centre line, facing the centre of curvature.
            QVERIFY(std::abs(seats.front().position.x + seats.back().position.x) < 0.05);
            QVERIFY(std::abs(seats.front().rotationDeg + seats.back().rotationDeg) < 0.05);
        }
        QCOMPARE(area.rows[0].seats.size(), 20u);
        QVERIFY(area.rows[3].seats.size() > area.rows[0].seats.size());
        QCOMPARE(area.rows[3].seats.size(), std::size_t(1 + std::floor(19 * 1800.0 / 1500.0)));
        // A seat at +x of the centre line is turned to look back at the centre (towards -x).
        QVERIFY(area.rows[0].seats.back().rotationDeg < 0);
    }

    void arcFillsTheSweep() {
        Layout layout;
        Area area;
        RowBlockSpec spec;
        spec.shape = RowShape::Arc;
        spec.frontRadius = 1000;
        spec.startAngleDeg = -30;
        spec.endAngleDeg = 30;
        spec.seatSpacing = 50;
        spec.rowCount = 2;
        generateRows(layout, area, spec);
        const double sweep = std::numbers::pi / 3;
        QCOMPARE(area.rows[0].seats.size(), std::size_t(std::floor(sweep * 1000 / 50)) + 1);
        QCOMPARE(area.rows[1].seats.size(), std::size_t(std::floor(sweep * 1090 / 50)) + 1);
    }

    void generatorRejectsImpossibleSpecs() {
        Layout layout;
        Area area;
        RowBlockSpec spec;
        spec.seatsPerRow = {10, 10};
        spec.rowCount = 3;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateRows(layout, area, spec));
        spec.seatsPerRow = {0};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateRows(layout, area, spec));
        spec.seatsPerRow = {10};
        spec.seatSpacing = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateRows(layout, area, spec));
        spec.seatSpacing = 50;
        spec.shape = RowShape::Arc;
        spec.frontRadius = 10; // 10 seats cannot fit around a 10 cm circle
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateRows(layout, area, spec));
        spec.shape = RowShape::Straight;
        spec.rowCount = 1000;
        spec.seatsPerRow = {9000}; // nine million seats: refused before any is made
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateRows(layout, area, spec));
        QVERIFY(area.rows.empty());
        QCOMPARE(layout.nextId, 1u);
    }

    void tablesAreCircularRows() {
        Layout layout;
        const Row table = generateTable(layout, {300, 400}, 45, 6, "T1", {}, "p3");
        QVERIFY(table.circular);
        QCOMPARE(table.tableCentre, (Point{300, 400}));
        QCOMPARE(table.seats.size(), 6u);
        QCOMPARE(table.seats[0].label, "1");
        QVERIFY(table.seats[0].position.y < 400); // first seat on the stage side
        QVERIFY(table.seats[1].position.x > 300); // then clockwise as drawn
        const double radius = distance(table.seats[0].position, {300, 400});
        QVERIFY(radius >= 45 + 25);
        for (std::size_t i = 0; i < 6; ++i) {
            const Seat& seat = table.seats[i];
            QVERIFY(std::abs(distance(seat.position, {300, 400}) - radius) < 0.05);
            const Seat& next = table.seats[(i + 1) % 6];
            const double gap = distance(seat.position, next.position);
            QVERIFY(gap >= 0.9 * layout.seatPitch && gap <= 1.5 * layout.seatPitch); // no overlap, adjacent
            QCOMPARE(seat.priceCategoryId, "p3");
        }
    }

    void renumberKeepsIdsAndPositions() {
        Layout layout;
        Area area;
        RowBlockSpec spec;
        spec.seatsPerRow = {5};
        generateRows(layout, area, spec);
        Row before = area.rows[0];
        renumberRow(area.rows[0], {NumberingOrder::OddEvenSplit, 1, {}, "S"});
        QCOMPARE(joined({area.rows[0].seats[0].label, area.rows[0].seats[2].label, area.rows[0].seats[4].label}),
                 QByteArray("S5 S1 S4"));
        for (std::size_t i = 0; i < 5; ++i) {
            QCOMPARE(area.rows[0].seats[i].id, before.seats[i].id);
            QCOMPARE(area.rows[0].seats[i].position, before.seats[i].position);
        }
    }

    void outlineEnclosesEverySeat() {
        Layout layout;
        Area area;
        RowBlockSpec spec;
        spec.shape = RowShape::Arc;
        spec.rowCount = 5;
        generateRows(layout, area, spec);
        area.rows.push_back(generateTable(layout, {0, 2500}, 60, 8, "T1", {}, {}));
        const double margin = 40;
        const auto outline = outlineAround(area, margin);
        QVERIFY(outline.size() >= 3);
        // Convex and counter-clockwise in maths orientation: every seat lies left of every
        // edge by at least the margin (allowing for the 1/64 cm snapping).
        for (const auto& row : area.rows) {
            for (const auto& seat : row.seats) {
                for (std::size_t i = 0; i < outline.size(); ++i) {
                    const Point a = outline[i];
                    const Point b = outline[(i + 1) % outline.size()];
                    const double cross = (b.x - a.x) * (seat.position.y - a.y) - (b.y - a.y) * (seat.position.x - a.x);
                    QVERIFY(cross / distance(a, b) >= margin - 0.1);
                }
            }
        }
        QVERIFY(outlineAround(Area{}, 10).empty());
    }

    void seatIndexNumbersSeatsInLayoutOrder() {
        const Layout layout = demo::club();
        const SeatIndex index(layout);
        QCOMPARE(std::size_t(index.size()), layout.seatCount());
        QCOMPARE(index.rowStarts().size(), 11u); // the balcony rail and ten tables
        std::uint32_t flat = 0;
        for (std::uint32_t a = 0; a < layout.areas.size(); ++a) {
            for (std::uint32_t r = 0; r < layout.areas[a].rows.size(); ++r) {
                for (std::uint32_t s = 0; s < layout.areas[a].rows[r].seats.size(); ++s, ++flat) {
                    const Seat& seat = layout.areas[a].rows[r].seats[s];
                    QCOMPARE(index.indexOf(seat.id), std::optional<std::uint32_t>(flat));
                    QCOMPARE(&index.seat(flat), &seat);
                    QCOMPARE(index.location(flat).area, a);
                    QCOMPARE(index.location(flat).row, r);
                    QCOMPARE(&index.row(flat), &layout.areas[a].rows[r]);
                    QCOMPARE(&index.area(flat), &layout.areas[a]);
                }
            }
        }
        QVERIFY(!index.indexOf("nope"));
    }

    void demoLayoutsHaveTheirShape() {
        const Layout theatre = demo::theatre();
        QVERIFY2(theatre.seatCount() >= 1900 && theatre.seatCount() <= 2100, std::to_string(theatre.seatCount()).c_str());
        QCOMPARE(theatre.priceCategories.size(), 4u);
        for (const auto& c : theatre.priceCategories) QCOMPARE(c.currency, "EUR");
        std::vector<std::string> areaLabels;
        for (const auto& a : theatre.areas) areaLabels.push_back(a.label);
        QCOMPARE(areaLabels, (std::vector<std::string>{"Stalls", "Circle", "Box A", "Box B", "Box C", "Box D"}));
        int wheelchair = 0, companion = 0, restricted = 0;
        for (const auto& a : theatre.areas)
            for (const auto& r : a.rows)
                for (const auto& s : r.seats) {
                    wheelchair += (s.flags & kWheelchairSpace) ? 1 : 0;
                    companion += (s.flags & kCompanionSeat) ? 1 : 0;
                    restricted += (s.flags & kRestrictedView) ? 1 : 0;
                }
        QCOMPARE(wheelchair, 4);
        QCOMPARE(companion, 4);
        QVERIFY(restricted > 0);
        QVERIFY(theatre.background.has_value());

        const Layout stadium = demo::stadium();
        QVERIFY2(stadium.seatCount() >= 59'000 && stadium.seatCount() <= 61'000, std::to_string(stadium.seatCount()).c_str());
        QCOMPARE(stadium.focalLabel, "Pitch");

        const Layout club = demo::club();
        QCOMPARE(club.areas.size(), 2u);
        QCOMPARE(club.areas[0].kind, AreaKind::GeneralAdmission);
        QCOMPARE(club.areas[0].capacity, 800u);
        int tables = 0;
        for (const auto& r : club.areas[1].rows) tables += r.circular ? 1 : 0;
        QCOMPARE(tables, 10);

        const Layout arena = demo::arena(100'000);
        QVERIFY2(arena.seatCount() >= 100'000 && arena.seatCount() <= 101'500, std::to_string(arena.seatCount()).c_str());
        QVERIFY(demo::arena(2'000).seatCount() >= 2'000);
        QVERIFY(demo::arena(2'000).seatCount() < 3'000);
    }

    void demoLayoutsAreDeterministic_data() { addDemoRows(); }
    void demoLayoutsAreDeterministic() {
        QFETCH(QByteArray, name);
        QCOMPARE(demoByName(name), demoByName(name));
    }

    // Seats keep a seat's width apart, sit inside their outline, and face the stage side.
    void demoLayoutsAreGeometricallySensible_data() { addDemoRows(); }
    void demoLayoutsAreGeometricallySensible() {
        QFETCH(QByteArray, name);
        const Layout layout = demoByName(name);
        std::vector<Point> seats;
        for (const auto& a : layout.areas)
            for (const auto& r : a.rows)
                for (const auto& s : r.seats) {
                    seats.push_back(s.position);
                    // Facing direction (sin, -cos) of the rotation points to the focal side.
                    const double rad = s.rotationDeg * std::numbers::pi / 180;
                    const Point facing{std::sin(rad), -std::cos(rad)};
                    const Point toFocal{layout.focalPoint.x - s.position.x, layout.focalPoint.y - s.position.y};
                    if (!r.circular) QVERIFY(facing.x * toFocal.x + facing.y * toFocal.y > 0);
                }
        // Sorted sweep on x: only neighbours within the pitch are compared.
        std::sort(seats.begin(), seats.end(), [](Point a, Point b) { return a.x < b.x; });
        double closest = 1e9;
        for (std::size_t i = 0; i < seats.size(); ++i)
            for (std::size_t j = i + 1; j < seats.size() && seats[j].x - seats[i].x < layout.seatPitch; ++j)
                closest = std::min(closest, distance(seats[i], seats[j]));
        QVERIFY2(closest >= 0.9 * layout.seatPitch, std::to_string(closest).c_str());
        QVERIFY(layout.width > 0 && layout.height > 0);
    }

    void jsonRoundTrip_data() { addDemoRows(); }
    void jsonRoundTrip() {
        QFETCH(QByteArray, name);
        const Layout layout = demoByName(name);
        QCOMPARE(layoutFromJson(layoutToJson(layout)), layout);
        QCOMPARE(layoutFromJson(layoutToJson(layout, false)), layout);
    }

    void protoRoundTrip_data() { addDemoRows(); }
    void protoRoundTrip() {
        QFETCH(QByteArray, name);
        const Layout layout = demoByName(name);
        v1::SeatingLayout wire;
        QVERIFY(wire.ParseFromString(protocol::toProto(layout, true).SerializeAsString()));
        QCOMPARE(protocol::fromProto(wire), layout);
        const Layout withoutBackground = protocol::fromProto(protocol::toProto(layout, false));
        QVERIFY(!withoutBackground.background);
        Layout expected = layout;
        expected.background.reset();
        QCOMPARE(withoutBackground, expected);
    }

    void protoReferencesCategoriesByIndex() {
        const Layout layout = demo::club();
        const v1::SeatingLayout wire = protocol::toProto(layout, false);
        QCOMPARE(wire.areas(0).price_category(), 1u);
        QCOMPARE(wire.areas(1).rows(0).seats(0).price_category(), 2u);
        QCOMPARE(wire.areas(1).rows(1).seats(0).price_category(), 3u);
        v1::SeatingLayout bad = wire;
        bad.mutable_areas(1)->mutable_rows(2)->mutable_seats(4)->set_price_category(9);
        try {
            protocol::fromProto(bad);
            QFAIL("an out-of-range category was accepted");
        } catch (const LayoutFormatError& e) {
            QCOMPARE(std::string(e.what()), "areas[1].rows[2].seats[4].price_category: price category 9 but the layout has 3");
        }
        bad = wire;
        bad.mutable_areas(1)->mutable_rows(0)->mutable_seats(1)->set_x(std::numeric_limits<float>::quiet_NaN());
        QVERIFY_THROWS_EXCEPTION(LayoutFormatError, protocol::fromProto(bad));
        bad = wire;
        bad.set_seat_pitch(0);
        QVERIFY_THROWS_EXCEPTION(LayoutFormatError, protocol::fromProto(bad));
        bad = wire;
        bad.mutable_background()->set_mime_type("image/gif");
        QVERIFY_THROWS_EXCEPTION(LayoutFormatError, protocol::fromProto(bad));
    }

    void jsonFieldsAreDocumentedNames() {
        const std::string json = layoutToJson(demo::club());
        for (const char* field : {"\"format\": 1", "\"focalPoint\"", "\"priceCategories\"", "\"kind\": \"generalAdmission\"",
                                  "\"capacity\": 800", "\"circular\": true", "\"tableCentre\"", "\"colour\": \"#"})
            QVERIFY2(json.find(field) != std::string::npos, field);
    }

    void jsonErrorsNameThePath_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray seat = QByteArray(R"({"format":1,"areas":[{"id":"a1","label":"S","rows":[{"id":"r1","label":"A","seats":[%1]}]}]})");
        QTest::newRow("syntax") << QByteArray("{\"format\":1,") << QByteArray("not valid JSON");
        QTest::newRow("not an object") << QByteArray("[1]") << QByteArray("document: expected an object, found array");
        QTest::newRow("no format") << QByteArray("{\"areas\":[]}") << QByteArray("document: missing required field \"format\"");
        QTest::newRow("newer format") << QByteArray("{\"format\":2,\"areas\":[]}") << QByteArray("format: version 2 is newer");
        QTest::newRow("missing areas") << QByteArray("{\"format\":1}") << QByteArray("document: missing required field \"areas\"");
        QTest::newRow("seat x wrong type") << QByteArray(seat).replace("%1", R"({"id":"s1","label":"1","x":"3","y":0})")
                                           << QByteArray("areas[0].rows[0].seats[0].x: expected a number, found string");
        QTest::newRow("seat without label") << QByteArray(seat).replace("%1", R"({"id":"s1","x":0,"y":0},{"id":"s2","x":1})")
                                            << QByteArray("areas[0].rows[0].seats[0]: missing required field \"label\"");
        QTest::newRow("unknown flag") << QByteArray(seat).replace("%1", R"({"id":"s1","label":"1","x":0,"y":0,"flags":["aisle","vip"]})")
                                      << QByteArray("areas[0].rows[0].seats[0].flags[1]: unknown seat flag \"vip\"");
        QTest::newRow("area kind") << QByteArray(R"({"format":1,"areas":[{"id":"a1","label":"F","kind":"vip"}]})")
                                   << QByteArray("areas[0].kind: unknown area kind \"vip\"");
        QTest::newRow("capacity range") << QByteArray(R"({"format":1,"areas":[{"id":"a1","label":"F","capacity":-4}]})")
                                        << QByteArray("areas[0].capacity: integer out of range");
        QTest::newRow("currency") << QByteArray(R"({"format":1,"areas":[],"priceCategories":[{"id":"p1","name":"A","priceMinor":1,"currency":"euro"}]})")
                                  << QByteArray("priceCategories[0].currency: expected a three-letter ISO 4217 code");
        QTest::newRow("colour") << QByteArray(R"({"format":1,"areas":[],"priceCategories":[{"id":"p1","name":"A","priceMinor":1,"currency":"EUR","colour":"red"}]})")
                                << QByteArray("priceCategories[0].colour: expected \"#rrggbb\"");
        QTest::newRow("background base64") << QByteArray(R"({"format":1,"areas":[],"background":{"mimeType":"image/png","data":"a$==","width":1,"height":1}})")
                                           << QByteArray("background.data: not valid base64");
        QTest::newRow("background type") << QByteArray(R"({"format":1,"areas":[],"background":{"mimeType":"image/gif","data":"","width":1,"height":1}})")
                                         << QByteArray("background.mimeType: expected \"image/svg+xml\" or \"image/png\"");
        QTest::newRow("nextId behind ids") << QByteArray(seat).replace("%1", R"({"id":"s7","label":"1","x":0,"y":0})").replace("\"format\":1", "\"format\":1,\"nextId\":3")
                                           << QByteArray("nextId: 3 is not above the highest id number in use (7)");
    }
    void jsonErrorsNameThePath() {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, expected);
        try {
            layoutFromJson(json.toStdString());
            QFAIL("accepted");
        } catch (const LayoutFormatError& e) {
            QVERIFY2(QByteArray(e.what()).contains(expected), e.what());
        }
    }

    // The example in docs/seatmap-format.md is a real file: it reads, validates and
    // round-trips.
    void documentedExampleIsValid() {
        std::ifstream file(MARQUEE_SOURCE_DIR "/docs/seatmap-format.md");
        QVERIFY(file.good());
        std::stringstream text;
        text << file.rdbuf();
        const std::string doc = text.str();
        const auto begin = doc.find("```json\n");
        QVERIFY(begin != std::string::npos);
        const auto end = doc.find("\n```", begin + 8);
        const Layout layout = layoutFromJson(doc.substr(begin + 8, end - begin - 8));
        const auto problems = validate(layout);
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().message.c_str());
        QCOMPARE(layout.seatCount(), 11u);
        QCOMPARE(layout.areas[1].capacity, 120u);
        QVERIFY(layout.areas[0].rows[2].circular);
        QVERIFY(layout.background.has_value());
        QCOMPARE(layoutFromJson(layoutToJson(layout)), layout);
        // Row B is numbered odd/even, as the generator would number it.
        std::vector<std::string> rowB;
        for (const auto& seat : layout.areas[0].rows[1].seats) rowB.push_back(seat.label);
        QCOMPARE(rowB, core::seating::seatLabels(4, {NumberingOrder::OddEvenSplit, 1, {}, {}}));
    }

    void jsonDefaultsForOptionalFields() {
        const Layout layout = layoutFromJson(
            R"({"format":1,"areas":[{"id":"a2","label":"S","rows":[{"id":"r3","label":"A","seats":[{"id":"s9","label":"1","x":1.5,"y":-2}]}]}]})");
        QCOMPARE(layout.seatPitch, 50.0);
        QCOMPARE(layout.version, 1u);
        QCOMPARE(layout.nextId, 10u); // past the highest id in use
        QCOMPARE(layout.areas[0].kind, AreaKind::Seated);
        QCOMPARE(layout.areas[0].rows[0].seats[0].position, (Point{1.5, -2}));
        QVERIFY(!layout.background);
    }
};

QTEST_APPLESS_MAIN(TestSeatingModel)
#include "test_seating_model.moc"
