// The organizer's layout editor offscreen: every command undoes and redoes exactly, ids are
// never reused, drags merge into one undo step, validation markers appear at an overlap,
// JSON import/export, and a malformed file is refused with an error and changes nothing.
#include "editor/editorinteraction.h"
#include "editor/layoutcommands.h"
#include "editor/layoutdocument.h"
#include "editor/layouteditorwindow.h"
#include "editor/layoutproblemmodel.h"
#include "marquee/core/seating/demo_layouts.hpp"
#include "marquee/core/seating/layout_json.hpp"
#include "seatmap/seatmaprenderer.h"
#include "seatmap/seatmapview.h"

#include <QApplication>
#include <QBuffer>
#include <QListView>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace marquee;
using namespace marquee::client;
namespace cs = marquee::core::seating;

namespace {

void saveShot(QWidget* w, const char* name)
{
    const QString dir = qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

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

// Closes the next message box that opens and keeps its text.
QString* closeNextMessageBox()
{
    auto* text = new QString;
    QTimer::singleShot(0, qApp, [text] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
                *text = box->text() + QLatin1Char('\n') + box->detailedText();
                box->close();
                return;
            }
    });
    return text;
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

    void overlapShowsMarkerAndProblemSelects()
    {
        LayoutEditorWindow window(nullptr);
        window.resize(1200, 800);
        window.document()->reset(smallHall(), LayoutDocument::Origin::New);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.view()->fitToView();
        QCOMPARE(window.problemModel()->rowCount(), 0);

        // Seat 2 of row 3 onto seat 1.
        const cs::Row& row = window.document()->layout().areas[0].rows[2];
        const std::string moving = row.seats[1].id;
        const std::string target = row.seats[0].id;
        const cs::Point from = row.seats[1].position;
        const cs::Point to = row.seats[0].position;
        window.document()->setSelection({moving});
        QVERIFY(editops::moveSelection(window.document(), to.x - from.x + 5, to.y - from.y));
        QVERIFY(window.problemModel()->rowCount() >= 1);
        const auto& problems = window.document()->problems();
        const auto overlap = std::find_if(problems.begin(), problems.end(), [](const cs::LayoutProblem& p) {
            return p.kind == cs::LayoutProblemKind::OverlappingSeats;
        });
        QVERIFY(overlap != problems.end());
        const QString text = window.problemModel()->data(window.problemModel()->index(0), Qt::DisplayRole).toString();
        QVERIFY2(text.contains(QStringLiteral("overlaps")), qPrintable(text));

        // The marker is painted where the problem is: vermilion at its centre.
        window.document()->clearSelection();
        QApplication::processEvents();
        const QImage shot = window.view()->grab().toImage();
        const QPointF at = window.view()->mapFromPlan(QPointF(overlap->where.x, overlap->where.y));
        const QColor pixel = shot.pixelColor(at.toPoint() + QPoint(0, 5)); // below the "!" glyph
        QVERIFY2(pixel.red() > 180 && pixel.green() < 130 && pixel.blue() < 60, qPrintable(pixel.name()));
        saveShot(&window, "layout_editor_overlap");

        // Clicking the problem selects both seats and centres the view on them.
        const int rowOfOverlap = static_cast<int>(overlap - problems.begin());
        window.showProblem(rowOfOverlap);
        QVERIFY(window.document()->selectedSeats().count(moving));
        QVERIFY(window.document()->selectedSeats().count(target));
        const QPointF centre = window.view()->mapToPlan(QPointF(window.view()->width() / 2.0, window.view()->height() / 2.0));
        QVERIFY(std::abs(centre.x() - overlap->where.x) < 50 && std::abs(centre.y() - overlap->where.y) < 50);
    }

    void mouseSelectsAndDragsSeats()
    {
        LayoutEditorWindow window(nullptr);
        window.resize(1200, 800);
        window.document()->reset(smallHall(), LayoutDocument::Origin::New);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SeatMapView* view = window.view();
        const cs::Seat seat = window.document()->layout().areas[0].rows[0].seats[3];
        view->setZoom(SeatMapRenderer::kLabelPx * 2 / window.document()->layout().seatPitch);
        view->centerOn(QPointF(seat.position.x, seat.position.y));
        const QPoint at = view->mapFromPlan(QPointF(seat.position.x, seat.position.y)).toPoint();

        QTest::mouseClick(view, Qt::LeftButton, {}, at);
        QCOMPARE(window.document()->selectedSeats(), std::set<std::string>{seat.id});
        QCOMPARE(view->selectedSeats().size(), 1u);

        // Drag it 40 px to the right: one undo step, moved by 40 px in plan units.
        const double zoom = view->zoom();
        QTest::mousePress(view, Qt::LeftButton, {}, at);
        for (int dx = 5; dx <= 40; dx += 5) {
            QMouseEvent move(QEvent::MouseMove, QPointF(at + QPoint(dx, 0)), view->mapToGlobal(QPointF(at + QPoint(dx, 0))),
                             Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(view, &move);
        }
        QTest::mouseRelease(view, Qt::LeftButton, {}, at + QPoint(40, 0));
        QCOMPARE(window.document()->undoStack()->count(), 1);
        const auto index = window.document()->seatIndex().indexOf(seat.id);
        const double movedBy = window.document()->seatIndex().seat(*index).position.x - seat.position.x;
        QVERIFY2(std::abs(movedBy - 40 / zoom) <= 1.0, qPrintable(QString::number(movedBy)));

        // Rubber band over the first row's seats selects all twelve.
        window.view()->fitToView();
        const cs::Row& row = window.document()->layout().areas[0].rows[0];
        QRectF band;
        for (const cs::Seat& s : row.seats)
            band = band.united(QRectF(view->mapFromPlan(QPointF(s.position.x, s.position.y)), QSizeF(1, 1)));
        band.adjust(-3, -3, 3, 3);
        // Start the band clear of the first seat's footprint, or the press would grab that seat.
        const int clear = static_cast<int>(std::ceil(window.document()->layout().seatPitch * view->zoom())) + 4;
        QTest::mousePress(view, Qt::LeftButton, {}, band.topLeft().toPoint() - QPoint(clear, clear));
        QMouseEvent move(QEvent::MouseMove, band.bottomRight(), view->mapToGlobal(band.bottomRight()), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view, &move);
        QTest::mouseRelease(view, Qt::LeftButton, {}, band.bottomRight().toPoint());
        QCOMPARE(window.document()->selectedSeats(), rowSeatIds(window.document()->layout(), 0, 0));

        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(window.document()->layout().areas[0].rows.size(), 4u);
        window.undoAction()->trigger();
        QCOMPARE(window.document()->layout().areas[0].rows.size(), 5u);
    }

    void jsonExportImportRoundTrip()
    {
        QTemporaryDir dir;
        LayoutEditorWindow window(nullptr);
        window.document()->reset(cs::demo::theatre(), LayoutDocument::Origin::New);
        const QString path = dir.filePath(QStringLiteral("theatre.json"));
        QVERIFY(window.exportJsonFile(path));
        const cs::Layout exported = window.document()->layoutForSave();
        LayoutEditorWindow other(nullptr);
        QVERIFY(other.importJsonFile(path));
        QVERIFY(other.document()->layout() == exported);
        QCOMPARE(other.document()->origin(), LayoutDocument::Origin::File);
        QVERIFY(!other.document()->isDirty());
    }

    void malformedJsonIsRefusedAndChangesNothing()
    {
        QTemporaryDir dir;
        LayoutEditorWindow window(nullptr);
        window.document()->reset(smallHall(), LayoutDocument::Origin::New);
        window.document()->setSelection(rowSeatIds(window.document()->layout(), 0, 0));
        QVERIFY(editops::moveSelection(window.document(), 10, 10));
        const cs::Layout before = window.document()->layout();
        const int depth = window.document()->undoStack()->count();

        for (const QByteArray& content : {QByteArray("{\"format\": 1, \"areas\": [ {"), QByteArray("[1, 2, 3]"),
                                          QByteArray("{\"format\": 1, \"name\": \"x\", \"areas\": \"many\"}")}) {
            const QString path = dir.filePath(QStringLiteral("broken.json"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(content);
            file.close();
            std::unique_ptr<QString> shown(closeNextMessageBox());
            QVERIFY(!window.importJsonFile(path));
            QVERIFY2(shown->contains(QStringLiteral("broken.json")), qPrintable(*shown));
            QVERIFY(window.document()->layout() == before);
            QCOMPARE(window.document()->undoStack()->count(), depth);
            QVERIFY(window.document()->isDirty());
        }
        std::unique_ptr<QString> shown(closeNextMessageBox());
        QVERIFY(!window.importJsonFile(dir.filePath(QStringLiteral("missing.json"))));
        QVERIFY(!shown->isEmpty());
        QVERIFY(window.document()->layout() == before);
    }

    void tracingImageIsDrawnUnderTheSeats()
    {
        LayoutEditorWindow window(nullptr);
        window.resize(1000, 700);
        window.document()->reset(smallHall(), LayoutDocument::Origin::New);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SeatMapView* view = window.view();
        const cs::Seat seat = window.document()->layout().areas[0].rows[2].seats[5];
        const QPointF seatPoint(seat.position.x, seat.position.y);
        const QPointF emptyPoint(1700, 300); // between the stage and the area: plan background
        view->setZoom(SeatMapRenderer::kLabelPx * 2 / window.document()->layout().seatPitch);
        view->centerOn(seatPoint);
        const QColor seatColour = view->grab().toImage().pixelColor(view->mapFromPlan(seatPoint).toPoint());

        // An opaque black PNG over the whole plan, fully opaque.
        QImage black(64, 64, QImage::Format_RGB32);
        black.fill(Qt::black);
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(black.save(&buffer, "PNG"));
        QVERIFY(editops::setBackground(window.document(),
                                       cs::BackgroundImage{"image/png", png.toBase64().toStdString(), {0, 0}, 3000, 2000, 1.0}));
        QApplication::processEvents();
        view->centerOn(seatPoint);
        QCOMPARE(view->zoom(), SeatMapRenderer::kLabelPx * 2 / window.document()->layout().seatPitch);
        const QImage shot = view->grab().toImage();
        // The seat keeps its colour: the image is under it, not over it.
        QCOMPARE(shot.pixelColor(view->mapFromPlan(seatPoint).toPoint()), seatColour);
        // Between the seats' area and the plan's edge the image shows.
        view->centerOn(emptyPoint);
        const QColor underneath = view->grab().toImage().pixelColor(view->mapFromPlan(emptyPoint).toPoint());
        QVERIFY2(underneath.lightness() < 20, qPrintable(underneath.name()));
        // Inside the area the fill lets it through (darker than the area fill without it).
        const QPointF inArea(seat.position.x + window.document()->layout().seatPitch / 2, seat.position.y + 45);
        view->centerOn(inArea);
        const QColor areaWithImage = view->grab().toImage().pixelColor(view->mapFromPlan(inArea).toPoint());
        QVERIFY2(areaWithImage.lightness() < 200, qPrintable(areaWithImage.name()));

        // Undo removes it again: the tiles are re-rendered without it.
        window.undoAction()->trigger();
        QApplication::processEvents();
        view->centerOn(emptyPoint);
        const QColor without = view->grab().toImage().pixelColor(view->mapFromPlan(emptyPoint).toPoint());
        QVERIFY2(without.lightness() > 230, qPrintable(without.name()));
    }

    void demoVenuesInTheEditor_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("theatre") << QStringLiteral("theatre");
        QTest::newRow("stadium") << QStringLiteral("stadium");
        QTest::newRow("club") << QStringLiteral("club");
    }

    void demoVenuesInTheEditor()
    {
        QFETCH(QString, name);
        const cs::Layout layout = name == QLatin1String("theatre") ? cs::demo::theatre()
            : name == QLatin1String("stadium")                     ? cs::demo::stadium()
                                                                   : cs::demo::club();
        LayoutEditorWindow window(nullptr);
        window.resize(1280, 800);
        window.document()->reset(layout, LayoutDocument::Origin::New);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.view()->fitToView();
        QCOMPARE(window.problemModel()->rowCount(), 0);

        // The whole plan, the stage and the tracing image are in view after fitting.
        const QRectF visible = window.view()->visiblePlanRect();
        QVERIFY(visible.contains(window.view()->geometry().planBounds()));
        QVERIFY(visible.contains(window.view()->geometry().stageRect()));
        if (layout.background) {
            const cs::BackgroundImage& bg = *layout.background;
            QVERIFY(visible.contains(QRectF(bg.topLeft.x, bg.topLeft.y, bg.width, bg.height)));
        }
        // No area's outline reaches over another area's seats (validation already checks
        // that every seat is inside its own area).
        for (const cs::Area& other : layout.areas) {
            QPolygonF outline;
            for (const cs::Point& p : other.outline)
                outline << QPointF(p.x, p.y);
            const QRectF box = outline.boundingRect();
            for (const cs::Area& area : layout.areas) {
                if (&other == &area)
                    continue;
                for (const cs::Row& row : area.rows)
                    for (const cs::Seat& seat : row.seats) {
                        const QPointF at(seat.position.x, seat.position.y);
                        QVERIFY2(!box.contains(at) || !outline.containsPoint(at, Qt::OddEvenFill),
                                 (other.label + " covers a seat of " + area.label).c_str());
                    }
            }
        }
        if (!layout.areas.empty() && !layout.areas[0].rows.empty()) {
            window.document()->setSelection(rowSeatIds(window.document()->layout(), 0, 0), {});
            QVERIFY(window.interaction()->rotateHandle().has_value());
        }
        QApplication::processEvents();
        saveShot(&window, qPrintable(QStringLiteral("layout_editor_") + name));
    }
};

QTEST_MAIN(TestLayoutEditor)
#include "test_layout_editor.moc"
