// The organizer's layout editor: every command undoes and redoes exactly, ids are never
// reused, and the steps of one drag merge into one undo step.
#include "editor/layoutcommands.h"
#include "editor/layoutdocument.h"

#include <QApplication>
#include <QTest>
#include <QUndoStack>

using namespace marquee;
using namespace marquee::client;
namespace cs = marquee::core::seating;

namespace {

// A small hall: one category, 5 straight rows of 12 in "Stalls".
cs::Layout smallHall()
{
    cs::Layout layout;
    layout.name = "Test hall";
    layout.width = 3000;
    layout.height = 2000;
    layout.focalPoint = {1500, 100};
    layout.focalLabel = "Stage";
    layout.priceCategories.push_back({"p0", "Standard", 2500, "EUR", 0x56B4E9});
    layout.nextId = 1;
    cs::Area area;
    area.id = layout.allocateId('a');
    area.label = "Stalls";
    cs::RowBlockSpec spec;
    spec.origin = {1500, 500};
    spec.rowCount = 5;
    spec.seatsPerRow = {12};
    spec.priceCategoryId = "p0";
    cs::generateRows(layout, area, spec);
    area.outline = cs::outlineAround(area, 60);
    layout.areas.push_back(std::move(area));
    return layout;
}

std::set<std::string> rowSeatIds(const cs::Layout& layout, std::size_t area, std::size_t row)
{
    std::set<std::string> ids;
    for (const cs::Seat& seat : layout.areas[area].rows[row].seats)
        ids.insert(seat.id);
    return ids;
}

} // namespace

class TestLayoutEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void commandsUndoAndRedoExactly_data()
    {
        QTest::addColumn<QString>("op");
        for (const char* op : {"addSeatedArea", "addStandingArea", "editArea", "generateStraightNewArea",
                               "generateArcIntoArea", "addTable", "moveSeats", "moveArea", "rotate", "deleteSeats",
                               "deleteArea", "renumberOddEven", "assignCategory", "setFlag", "clearFlag", "setRowLabel",
                               "setSeatLabel", "addCategory", "editCategory", "removeCategory", "setFocalPoint",
                               "setBackground", "clearBackground"})
            QTest::newRow(op) << QString::fromLatin1(op);
    }

    void commandsUndoAndRedoExactly()
    {
        QFETCH(QString, op);
        LayoutDocument doc;
        doc.reset(smallHall(), LayoutDocument::Origin::New);
        const std::string stalls = doc.layout().areas[0].id;
        // Preconditions some operations need, pushed before the snapshot.
        if (op == QLatin1String("clearFlag")) {
            doc.setSelection(rowSeatIds(doc.layout(), 0, 0));
            QVERIFY(editops::setFlag(&doc, cs::kWheelchairSpace, true));
        } else if (op == QLatin1String("removeCategory")) {
            editops::addPriceCategory(&doc, {"", "Unused", 100, "EUR", 0xff0000});
        } else if (op == QLatin1String("clearBackground")) {
            QVERIFY(editops::setBackground(&doc, cs::BackgroundImage{"image/png", "iVBORw0KGgo=", {0, 0}, 100, 100, 0.5}));
        }
        doc.setSelection(rowSeatIds(doc.layout(), 0, 1));
        const int depth = doc.undoStack()->count();
        const cs::Layout before = doc.layout();

        bool changed = false;
        QString error;
        if (op == QLatin1String("addSeatedArea"))
            changed = !editops::addSeatedArea(&doc, QStringLiteral("Circle"), {{0, 0}, {100, 0}, {100, 100}}).empty();
        else if (op == QLatin1String("addStandingArea"))
            changed = !editops::addGeneralAdmissionArea(&doc, QStringLiteral("Floor"), {{0, 0}, {900, 0}, {900, 300}}, 800, "p0").empty();
        else if (op == QLatin1String("editArea"))
            changed = editops::editArea(&doc, stalls, QStringLiteral("Parterre"), 0, {});
        else if (op == QLatin1String("generateStraightNewArea")) {
            cs::RowBlockSpec spec;
            spec.origin = {1500, 1500};
            spec.rowCount = 3;
            spec.seatsPerRow = {8};
            changed = !editops::generateRows(&doc, {}, QStringLiteral("Rear"), spec, &error).empty();
        } else if (op == QLatin1String("generateArcIntoArea")) {
            cs::RowBlockSpec spec;
            spec.shape = cs::RowShape::Arc;
            spec.origin = {1500, -500};
            spec.frontRadius = 1600;
            spec.rowCount = 2;
            spec.seatsPerRow = {10};
            spec.rowLabels.firstLabel = "M";
            spec.numbering.order = cs::NumberingOrder::OddEvenSplit;
            changed = !editops::generateRows(&doc, stalls, {}, spec, &error).empty();
        } else if (op == QLatin1String("addTable"))
            changed = !editops::addTable(&doc, {2500, 1500}, 60, 6, QStringLiteral("T1"), {}, "p0", &error).empty();
        else if (op == QLatin1String("moveSeats"))
            changed = editops::moveSelection(&doc, 35, -12);
        else if (op == QLatin1String("moveArea")) {
            doc.setSelection({}, {stalls});
            changed = editops::moveSelection(&doc, -200, 40);
        } else if (op == QLatin1String("rotate"))
            changed = editops::rotateSelection(&doc, 30, *editops::selectionCentre(&doc));
        else if (op == QLatin1String("deleteSeats"))
            changed = editops::deleteSelection(&doc);
        else if (op == QLatin1String("deleteArea")) {
            doc.setSelection({}, {stalls});
            changed = editops::deleteSelection(&doc);
        } else if (op == QLatin1String("renumberOddEven")) {
            cs::NumberingScheme scheme;
            scheme.order = cs::NumberingOrder::OddEvenSplit;
            scheme.skip = {13};
            changed = editops::renumberSelectedRows(&doc, scheme, &error);
        } else if (op == QLatin1String("assignCategory")) {
            const std::string id = editops::addPriceCategory(&doc, {"", "Premium", 4500, "EUR", 0xE69F00});
            changed = editops::assignPriceCategory(&doc, id);
        } else if (op == QLatin1String("setFlag"))
            changed = editops::setFlag(&doc, cs::kRestrictedView, true);
        else if (op == QLatin1String("clearFlag")) {
            doc.setSelection(rowSeatIds(doc.layout(), 0, 0));
            changed = editops::setFlag(&doc, cs::kWheelchairSpace, false);
        } else if (op == QLatin1String("setRowLabel"))
            changed = editops::setRowLabel(&doc, doc.layout().areas[0].rows[1].id, QStringLiteral("BB"));
        else if (op == QLatin1String("setSeatLabel"))
            changed = editops::setSeatLabel(&doc, doc.layout().areas[0].rows[1].seats[0].id, QStringLiteral("99"));
        else if (op == QLatin1String("addCategory"))
            changed = !editops::addPriceCategory(&doc, {"", "Balcony", 1800, "EUR", 0x009E73}).empty();
        else if (op == QLatin1String("editCategory")) {
            cs::PriceCategory c = doc.layout().priceCategories[0];
            c.priceMinor = 3100;
            c.name = "Standard+";
            changed = editops::editPriceCategory(&doc, c);
        } else if (op == QLatin1String("removeCategory"))
            changed = editops::removePriceCategory(&doc, doc.layout().priceCategories.back().id);
        else if (op == QLatin1String("setFocalPoint"))
            changed = editops::setFocalPoint(&doc, {1500, 50}, QStringLiteral("Screen"));
        else if (op == QLatin1String("setBackground"))
            changed = editops::setBackground(&doc, cs::BackgroundImage{"image/png", "iVBORw0KGgo=", {10, 20}, 3000, 2000, 0.4});
        else if (op == QLatin1String("clearBackground"))
            changed = editops::setBackground(&doc, std::nullopt);
        QVERIFY2(changed, qPrintable(error));
        QVERIFY(doc.isDirty());
        QVERIFY(doc.undoStack()->count() > depth);
        QVERIFY(!(doc.layout() == before));
        const cs::Layout after = doc.layout();

        while (doc.undoStack()->index() > depth)
            doc.undoStack()->undo();
        QVERIFY(doc.layout() == before);
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QVERIFY(doc.layout() == after);
    }

    void idsAreNeverReused()
    {
        LayoutDocument doc;
        doc.reset(smallHall(), LayoutDocument::Origin::New);
        cs::RowBlockSpec spec;
        spec.origin = {1500, 1500};
        spec.seatsPerRow = {6};
        QString error;
        const auto first = editops::generateRows(&doc, {}, QStringLiteral("A"), spec, &error);
        QCOMPARE(first.size(), 6u);
        doc.undoStack()->undo();
        const auto second = editops::generateRows(&doc, {}, QStringLiteral("B"), spec, &error);
        QCOMPARE(second.size(), 6u);
        for (const std::string& id : second)
            QVERIFY2(std::find(first.begin(), first.end(), id) == first.end(), id.c_str());
        // What is saved continues after every id handed out, undone ones included.
        const cs::Layout saved = doc.layoutForSave();
        for (const std::string& id : first)
            QVERIFY(std::stoull(id.substr(1)) < saved.nextId);
    }

    void generateMoveUndoRedo()
    {
        LayoutDocument doc;
        doc.reset(smallHall(), LayoutDocument::Origin::New);
        cs::RowBlockSpec spec;
        spec.origin = {1500, 1400};
        spec.rowCount = 2;
        spec.seatsPerRow = {10};
        QString error;
        const auto seats = editops::generateRows(&doc, {}, QStringLiteral("Rear"), spec, &error);
        QCOMPARE(seats.size(), 20u);
        const cs::Layout generated = doc.layout();
        doc.setSelection(std::set<std::string>(seats.begin(), seats.end()));
        // One drag in three steps: one undo step.
        const int drag = doc.newDragKey();
        QVERIFY(editops::moveSelection(&doc, 10, 0, drag));
        QVERIFY(editops::moveSelection(&doc, 15, 5, drag));
        QVERIFY(editops::moveSelection(&doc, -5, 20, drag));
        QCOMPARE(doc.undoStack()->count(), 2);
        const cs::Layout moved = doc.layout();
        const auto index = doc.seatIndex().indexOf(seats.front());
        QVERIFY(index);
        const cs::Point p = doc.seatIndex().seat(*index).position;
        const cs::SeatIndex generatedIndex(generated);
        const cs::Point q = generatedIndex.seat(*generatedIndex.indexOf(seats.front())).position;
        QCOMPARE(p.x, q.x + 20);
        QCOMPARE(p.y, q.y + 25);
        doc.undoStack()->undo();
        QVERIFY(doc.layout() == generated);
        doc.undoStack()->redo();
        QVERIFY(doc.layout() == moved);
        // The selection survives undo and redo (ids, not positions).
        QCOMPARE(doc.selectedSeats().size(), 20u);
    }
};

QTEST_MAIN(TestLayoutEditor)
#include "test_layout_editor.moc"
