// SeatMapView offscreen: click and keyboard selection, pixels after a status delta, level of
// detail, hit testing on rotated/arc rows against brute force, the legend, accessibility,
// and PNGs of the demo venues (MARQUEE_SCREENSHOT_DIR) to look at.
#include "seatmap/seatmaplegend.h"
#include "seatmap/seatmapstyle.h"
#include "seatmap/seatmapview.h"

#include "marquee/core/seating/demo_layouts.hpp"
#include "marquee/core/seating/generators.hpp"

#include <QAccessible>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <random>

using namespace marquee;
using namespace marquee::client;
using core::seating::SeatStatus;

namespace {

void saveShot(QWidget& w, const QString& name)
{
    const QString dir = qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// Five straight rows of ten seats (A..E), one price category: predictable neighbours.
std::shared_ptr<const core::seating::Layout> gridLayout()
{
    core::seating::Layout layout;
    layout.id = "grid";
    layout.name = "Grid";
    layout.focalPoint = {0, -200};
    layout.focalLabel = "Stage";
    layout.priceCategories.push_back({layout.allocateId('p'), "Category 1", 4500, "EUR", 0x0072B2});
    core::seating::Area area;
    area.id = layout.allocateId('a');
    area.label = "Stalls";
    core::seating::RowBlockSpec spec;
    spec.origin = {0, 0};
    spec.rowCount = 5;
    spec.seatsPerRow = {10};
    spec.priceCategoryId = layout.priceCategories[0].id;
    core::seating::generateRows(layout, area, spec);
    area.outline = core::seating::outlineAround(area, 60);
    layout.areas.push_back(std::move(area));
    return std::make_shared<const core::seating::Layout>(std::move(layout));
}

QColor pixelAt(const QImage& image, QPointF widgetPos)
{
    return image.pixelColor(widgetPos.toPoint());
}

bool near(const QColor& a, const QColor& b, int tolerance = 6)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

// Pixels inside the seat's inner footprint close to the given colour.
int countNear(const QImage& image, const QRectF& box, const QColor& colour, int tolerance)
{
    int n = 0;
    const QRect r = box.toAlignedRect() & image.rect();
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += near(image.pixelColor(x, y), colour, tolerance) ? 1 : 0;
    return n;
}

} // namespace

class TestSeatMap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland)); }

    void clickSelectsSeat()
    {
        SeatMapView view;
        view.resize(800, 600);
        view.setSeatingLayout(gridLayout());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToView();
        QSignalSpy selection(&view, &SeatMapView::selectionChanged);
        QSignalSpy activated(&view, &SeatMapView::seatActivated);
        const std::uint32_t seat = 23; // row C, fourth seat
        const QPointF at = view.mapFromPlan(view.geometry().centre(seat));
        QCOMPARE(view.seatAt(at.toPoint()), std::optional<std::uint32_t>(seat));
        QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(view.selectedSeats(), std::vector<std::uint32_t>{seat});
        QCOMPARE(selection.count(), 1);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).value<std::uint32_t>(), seat);

        // Single mode: another click moves the selection; Multiple mode: clicks toggle.
        const QPointF other = view.mapFromPlan(view.geometry().centre(seat + 1));
        QTest::mouseClick(&view, Qt::LeftButton, {}, other.toPoint());
        QCOMPARE(view.selectedSeats(), std::vector<std::uint32_t>{seat + 1});
        view.setSelectionMode(SeatMapView::SelectionMode::Multiple);
        QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(view.selectedSeats(), (std::vector<std::uint32_t>{seat, seat + 1}));
        QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(view.selectedSeats(), std::vector<std::uint32_t>{seat + 1});

        // A sold seat is not selectable for attendees (activation still reports it).
        QByteArray status(static_cast<qsizetype>(view.geometry().seatCount()), char(SeatStatus::Available));
        status[seat] = char(SeatStatus::Sold);
        view.setStatus(status);
        QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(view.selectedSeats(), std::vector<std::uint32_t>{seat + 1});
        // The editor selects anything.
        view.setSelectionMode(SeatMapView::SelectionMode::Editor);
        QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(view.selectedSeats(), std::vector<std::uint32_t>{seat});
        QTest::mouseClick(&view, Qt::LeftButton, Qt::ControlModifier, other.toPoint());
        QCOMPARE(view.selectedSeats(), (std::vector<std::uint32_t>{seat, seat + 1}));

        // A drag pans and selects nothing.
        const QPointF before = view.mapFromPlan(QPointF(0, 0));
        QTest::mousePress(&view, Qt::LeftButton, {}, at.toPoint());
        QTest::mouseMove(&view, at.toPoint() + QPoint(40, 0));
        QTest::mouseMove(&view, at.toPoint() + QPoint(80, 10));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, at.toPoint() + QPoint(80, 10));
        QCOMPARE(view.mapFromPlan(QPointF(0, 0)) - before, QPointF(80, 10));
        QCOMPARE(view.selectedSeats(), (std::vector<std::uint32_t>{seat, seat + 1}));
    }

    void keyboardNavigation()
    {
        SeatMapView view;
        view.resize(800, 600);
        view.setSeatingLayout(gridLayout());
        view.setSelectionMode(SeatMapView::SelectionMode::Multiple);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        const auto& index = view.geometry().index();
        auto label = [&](std::uint32_t seat) {
            return QString::fromStdString(index.row(seat).label + index.seat(seat).label);
        };
        view.setCurrentSeat(22u); // row C, the third seat from house left
        const QString start = label(22);
        QTest::keyClick(&view, Qt::Key_Right);
        QVERIFY(view.currentSeat());
        QCOMPARE(*view.currentSeat(), 23u);
        QTest::keyClick(&view, Qt::Key_Down); // away from the stage: row D
        QCOMPARE(*view.currentSeat(), 33u);
        QTest::keyClick(&view, Qt::Key_Up);
        QTest::keyClick(&view, Qt::Key_Up);   // row B
        QCOMPARE(*view.currentSeat(), 13u);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(*view.currentSeat(), 12u);
        QCOMPARE(label(12).left(1), QStringLiteral("B"));
        QVERIFY(start.startsWith(QLatin1Char('C')));
        QTest::keyClick(&view, Qt::Key_Space);
        QCOMPARE(view.selectedSeats(), std::vector<std::uint32_t>{12});
        QTest::keyClick(&view, Qt::Key_Right);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(view.selectedSeats(), (std::vector<std::uint32_t>{12, 13}));
        // Past a row's end the arrows go on like text: Right at B10 to C1, Left back to B10,
        // and at the very first and last seat they stay put.
        view.setCurrentSeat(19u);
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(label(*view.currentSeat()), QStringLiteral("C1"));
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(*view.currentSeat(), 19u);
        view.setCurrentSeat(0u);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(*view.currentSeat(), 0u);
        view.setCurrentSeat(49u);
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(*view.currentSeat(), 49u);
        view.setCurrentSeat(19u);

        // Screen readers hear the focused seat.
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(accessible);
        QCOMPARE(accessible->role(), QAccessible::Canvas);
        QCOMPARE(accessible->text(QAccessible::Name), view.seatDescription(19));
        QVERIFY(accessible->text(QAccessible::Name).contains(QStringLiteral("row B")));
        QVERIFY(accessible->text(QAccessible::Name).contains(QStringLiteral("€45.00")));
    }

    void keyboardNavigationOnArcs()
    {
        // Every arrow step moves in the arrow's direction, also where rows curve.
        SeatMapView view;
        view.resize(900, 700);
        view.setSeatingLayout(std::make_shared<const core::seating::Layout>(core::seating::demo::theatre()));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        view.setCurrentSeat(0u);
        const std::pair<Qt::Key, QPointF> moves[] = {
            {Qt::Key_Right, {1, 0}}, {Qt::Key_Down, {0, 1}}, {Qt::Key_Left, {-1, 0}}, {Qt::Key_Up, {0, -1}}};
        int moved = 0;
        for (int round = 0; round < 6; ++round) {
            for (const auto& [key, direction] : moves) {
                const std::uint32_t from = *view.currentSeat();
                QTest::keyClick(&view, key);
                const std::uint32_t to = *view.currentSeat();
                if (to == from)
                    continue;
                ++moved;
                const QPointF d = view.geometry().centre(to) - view.geometry().centre(from);
                QVERIFY2(QPointF::dotProduct(d, direction) > 0.5 * std::hypot(d.x(), d.y()),
                         qPrintable(QStringLiteral("key %1 went the wrong way").arg(int(key))));
            }
        }
        QVERIFY(moved >= 12);

    }

    void keyboardWrapsAcrossAisles()
    {
        // One area, two blocks of rows A-C with an aisle between: Right past the end of row A
        // in the right-hand block goes on at the left end of row B across the house.
        core::seating::Layout layout;
        layout.id = "aisle";
        layout.name = "Aisle";
        layout.focalPoint = {0, -200};
        layout.priceCategories.push_back({layout.allocateId('p'), "Category 1", 4500, "EUR", 0x0072B2});
        core::seating::Area area;
        area.id = layout.allocateId('a');
        area.label = "Stalls";
        for (const double x : {-300.0, 300.0}) {
            core::seating::RowBlockSpec spec;
            spec.origin = {x, 0};
            spec.rowCount = 3;
            spec.seatsPerRow = {8};
            spec.priceCategoryId = layout.priceCategories[0].id;
            core::seating::generateRows(layout, area, spec);
        }
        area.outline = core::seating::outlineAround(area, 60);
        layout.areas.push_back(std::move(area));
        SeatMapView view;
        view.resize(800, 600);
        view.setSeatingLayout(std::make_shared<const core::seating::Layout>(std::move(layout)));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        const SeatMapGeometry& g = view.geometry();
        auto extreme = [&](const QString& label, bool right) {
            std::optional<std::uint32_t> best;
            for (std::uint32_t i = 0; i < g.seatCount(); ++i)
                if (g.rows()[g.rowOf(i)].label == label
                    && (!best || (right ? g.centre(i).x() > g.centre(*best).x() : g.centre(i).x() < g.centre(*best).x())))
                    best = i;
            return *best;
        };
        view.setCurrentSeat(extreme(QStringLiteral("A"), false));
        for (int k = 0; k < 15; ++k) // along row A, across the aisle, to its right end
            QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(*view.currentSeat(), extreme(QStringLiteral("A"), true));
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(*view.currentSeat(), extreme(QStringLiteral("B"), false));
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(*view.currentSeat(), extreme(QStringLiteral("A"), true));
    }

    void statusDeltaChangesPixel_data()
    {
        QTest::addColumn<double>("seatPixels");
        QTest::addColumn<int>("status");
        QTest::newRow("flat seats, sold") << 10.0 << int(SeatStatus::Sold);
        QTest::newRow("flat seats, held") << 10.0 << int(SeatStatus::Held);
        QTest::newRow("labelled seats, sold") << 40.0 << int(SeatStatus::Sold);
        QTest::newRow("labelled seats, blocked") << 40.0 << int(SeatStatus::Blocked);
    }

    void statusDeltaChangesPixel()
    {
        QFETCH(double, seatPixels);
        QFETCH(int, status);
        SeatMapView view;
        view.resize(800, 600);
        view.setMinimapVisible(false);
        auto layout = std::make_shared<const core::seating::Layout>(core::seating::demo::theatre());
        view.setSeatingLayout(layout);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const std::uint32_t n = view.geometry().seatCount();
        view.setStatus(QByteArray(static_cast<qsizetype>(n), char(SeatStatus::Available)));
        // A seat of the first category, away from the edges.
        std::uint32_t seat = n / 3;
        while (view.geometry().categoryOf(seat) != 1)
            ++seat;
        view.setZoom(seatPixels / view.geometry().seatWidth());
        view.centerOn(view.geometry().centre(seat));
        const QPointF centre = view.mapFromPlan(view.geometry().centre(seat));
        QImage before = view.grab().toImage();
        const QColor available = seatstyle::fillColour(SeatStatus::Available, 1);
        // The label sits in the middle of labelled seats: probe a little below it.
        const QPointF probe = seatPixels > 20 ? centre + QPointF(0, view.geometry().seatDepth() * view.zoom() * 0.3) : centre;
        QVERIFY2(near(pixelAt(before, probe), available), qPrintable(pixelAt(before, probe).name()));

        view.resetCacheStats();
        view.applyStatusDelta({seat}, QByteArray(1, char(status)));
        const QImage after = view.grab().toImage();
        const QColor now = pixelAt(after, probe);
        QVERIFY2(!near(now, available, 30), qPrintable(now.name()));
        if (status == int(SeatStatus::Sold))
            QVERIFY2(near(now, seatstyle::fillColour(SeatStatus::Sold, 1)), qPrintable(now.name()));
        // Only the changed seat was repainted into the cached tiles: no tile was rebuilt.
        QCOMPARE(view.cacheStats().tilesRendered, 0);
        QVERIFY(view.cacheStats().regionsRepainted >= 1);
        // Its neighbours look as before.
        const QPointF neighbour = view.mapFromPlan(view.geometry().centre(seat + 1));
        QCOMPARE(pixelAt(after, neighbour), pixelAt(before, neighbour));
    }

    void userZoomStepSharpensToTheSameImage()
    {
        // A user zoom step first shows the old tiles scaled, then sharp tiles arrive frame by
        // frame; the end result is exactly the picture a direct zoom draws.
        auto layout = std::make_shared<const core::seating::Layout>(core::seating::demo::theatre());
        const QByteArray status(static_cast<qsizetype>(core::seating::SeatIndex(*layout).size()), char(SeatStatus::Sold));
        auto prepare = [&](SeatMapView& view) {
            view.resize(800, 600);
            view.setMinimapVisible(false);
            view.setSeatingLayout(layout);
            view.setStatus(status);
            view.setZoom(30 / view.geometry().seatWidth());
            view.centerOn(view.geometry().centre(view.geometry().seatCount() / 2));
            view.grab(); // every tile sharp at this zoom
        };
        SeatMapView stepped;
        prepare(stepped);
        stepped.setTileBudget(std::chrono::nanoseconds(0)); // one new tile per frame
        stepped.zoomStep(1.25, QPointF(300, 200));
        QImage frame = stepped.grab().toImage();
        int previewed = stepped.cacheStats().tilesPreviewed;
        QVERIFY(previewed > 0);
        int frames = 1;
        while (stepped.cacheStats().tilesPreviewed > 0 && frames < 200) {
            frame = stepped.grab().toImage();
            QVERIFY(stepped.cacheStats().tilesPreviewed < previewed); // progress every frame
            previewed = stepped.cacheStats().tilesPreviewed;
            ++frames;
        }
        QCOMPARE(stepped.cacheStats().tilesPreviewed, 0);

        SeatMapView direct;
        prepare(direct);
        direct.zoomAt(1.25, QPointF(300, 200));
        QCOMPARE(direct.zoom(), stepped.zoom());
        QCOMPARE(direct.grab().toImage(), frame);
    }

    void levelOfDetail()
    {
        SeatMapView view;
        view.resize(1000, 700);
        view.setMinimapVisible(false);
        view.setSeatingLayout(std::make_shared<const core::seating::Layout>(core::seating::demo::stadium()));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const std::uint32_t n = view.geometry().seatCount();
        QByteArray status(static_cast<qsizetype>(n), char(SeatStatus::Available));
        view.setStatus(status);

        // Whole venue: sections are blocks; a seat's position shows its block's colour, not
        // a seat, and the view reports block detail.
        view.fitToView();
        QCOMPARE(view.detail(), SeatMapRenderer::Detail::Blocks);
        const auto& area = view.geometry().areas().front();
        const std::uint32_t seat = area.firstSeat;
        const QImage blocks = view.grab().toImage();
        // Most seat positions of the block show the block fill (the label covers a few).
        const QColor block = seatstyle::categoryColour(view.geometry().categoryOf(seat));
        auto blockPixels = [&](const QImage& image) {
            int matching = 0;
            for (std::uint32_t i = area.firstSeat; i < area.firstSeat + area.seatCount; ++i)
                matching += near(pixelAt(image, view.mapFromPlan(view.geometry().centre(i))), block, 12) ? 1 : 0;
            return matching;
        };
        QVERIFY2(blockPixels(blocks) > int(area.seatCount) * 6 / 10, qPrintable(QString::number(blockPixels(blocks))));
        QVERIFY(!view.seatAt(view.mapFromPlan(view.geometry().centre(seat)).toPoint())); // blocks are not seats

        // Selling every seat of the block turns it grey and hatched and changes its count.
        const QString freeBefore = SeatMapRenderer::availabilityText(view.geometry(), SeatMapState{status, {area.seatCount}, {}}, 0);
        std::vector<std::uint32_t> seats;
        for (std::uint32_t i = area.firstSeat; i < area.firstSeat + area.seatCount; ++i)
            seats.push_back(i);
        view.applyStatusDelta(seats, QByteArray(static_cast<qsizetype>(seats.size()), char(SeatStatus::Sold)));
        QCOMPARE(view.availableInArea(0), 0u);
        QVERIFY(freeBefore.contains(QLocale().toString(area.seatCount)));
        QCOMPARE(blockPixels(view.grab().toImage()), 0);

        // Zoomed in: seats with their labels (white text on the dark category fill).
        const std::uint32_t other = view.geometry().areas()[1].firstSeat + 5;
        view.setZoom(44 / view.geometry().seatWidth());
        view.centerOn(view.geometry().centre(other));
        QCOMPARE(view.detail(), SeatMapRenderer::Detail::Labelled);
        const QImage labelled = view.grab().toImage();
        const QRectF seatBox = view.seatRectInWidget(other);
        const QRectF inner(seatBox.center() - QPointF(seatBox.width() / 5, seatBox.height() / 5),
                           QSizeF(seatBox.width() / 2.5, seatBox.height() / 2.5));
        const QColor fill = seatstyle::fillColour(SeatStatus::Available, view.geometry().categoryOf(other));
        const QColor text = seatstyle::textOn(fill);
        QVERIFY(countNear(labelled, inner, text, 40) > 3);
        // One step out (flat seats) has no labels.
        view.setZoom(10 / view.geometry().seatWidth());
        view.centerOn(view.geometry().centre(other));
        QCOMPARE(view.detail(), SeatMapRenderer::Detail::Seats);
        const QImage flat = view.grab().toImage();
        const QRectF flatBox = view.seatRectInWidget(other);
        QCOMPARE(countNear(flat, QRectF(flatBox.center() - QPointF(2, 2), QSizeF(4, 4)), text, 40), 0);
    }

    void hitTestOnRotatedAndArcRows()
    {
        auto layout = std::make_shared<const core::seating::Layout>(core::seating::demo::arena(5000));
        SeatMapGeometry geometry(layout);
        const double w = geometry.seatWidth();
        const double d = geometry.seatDepth();
        int rotated = 0;
        for (std::uint32_t i = 0; i < geometry.seatCount(); i += 7) {
            const QPointF c = geometry.centre(i);
            const double a = static_cast<double>(geometry.rotation(i)) * M_PI / 180.0;
            auto toPlan = [&](double lx, double ly) {
                return c + QPointF(lx * std::cos(a) - ly * std::sin(a), lx * std::sin(a) + ly * std::cos(a));
            };
            if (std::abs(std::remainder(static_cast<double>(geometry.rotation(i)), 90.0)) > 10)
                ++rotated;
            QCOMPARE(geometry.seatAt(c), std::optional<std::uint32_t>(i));
            // Corners of the rotated footprint belong to the seat ...
            QCOMPARE(geometry.seatAt(toPlan(0.45 * w, 0.45 * d)), std::optional<std::uint32_t>(i));
            QCOMPARE(geometry.seatAt(toPlan(-0.45 * w, -0.45 * d)), std::optional<std::uint32_t>(i));
            // ... the point just behind the seat (the aisle between rows) does not.
            QVERIFY(geometry.seatAt(toPlan(0, 0.5 * d + 4)) != std::optional<std::uint32_t>(i));
        }
        QVERIFY(rotated > 100);

        // The grid agrees with brute force everywhere (random points over the plan).
        std::mt19937 random(42);
        const QRectF plan = geometry.planBounds();
        std::uniform_real_distribution<double> x(plan.left(), plan.right()), y(plan.top(), plan.bottom());
        int hits = 0;
        for (int k = 0; k < 5000; ++k) {
            const QPointF p(x(random), y(random));
            std::optional<std::uint32_t> brute;
            double best = 0;
            for (std::uint32_t i = 0; i < geometry.seatCount(); ++i) {
                const QPointF v = p - geometry.centre(i);
                const double a = -static_cast<double>(geometry.rotation(i)) * M_PI / 180.0;
                const double lx = v.x() * std::cos(a) - v.y() * std::sin(a);
                const double ly = v.x() * std::sin(a) + v.y() * std::cos(a);
                if (std::abs(lx) <= w / 2 && std::abs(ly) <= d / 2 && (!brute || lx * lx + ly * ly < best)) {
                    brute = i;
                    best = lx * lx + ly * ly;
                }
            }
            hits += brute ? 1 : 0;
            QCOMPARE(geometry.seatAt(p), brute);
        }
        QVERIFY(hits > 10);

        // Through the view: widget pixels of a rotated seat's corner.
        SeatMapView view;
        view.resize(800, 600);
        view.setSeatingLayout(layout);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setZoom(40 / w);
        const std::uint32_t seat = geometry.seatCount() / 5;
        view.centerOn(geometry.centre(seat));
        QCOMPARE(view.seatAt(view.mapFromPlan(geometry.centre(seat)).toPoint()), std::optional<std::uint32_t>(seat));
        QCOMPARE(view.mapToPlan(view.mapFromPlan(QPointF(123.5, -77.25))), QPointF(123.5, -77.25));
    }

    void legendShowsPricesAndCounts()
    {
        SeatMapView view;
        SeatMapLegend legend(&view);
        view.setSeatingLayout(gridLayout());
        legend.rebuild();
        QCOMPARE(legend.categoryTexts(), QStringList{QStringLiteral("Category 1 — €45.00")});
        QByteArray status(50, char(SeatStatus::Sold));
        status[3] = char(SeatStatus::Available);
        status[4] = char(SeatStatus::Available);
        view.setStatus(status);
        QTRY_COMPARE(legend.categoryTexts(), QStringList{QStringLiteral("Category 1 — €45.00\n2 free")});
    }

    void rejectsMismatchedStatus()
    {
        SeatMapView view;
        view.setSeatingLayout(gridLayout());
        QTest::ignoreMessage(QtWarningMsg, "SeatMapView: status for 3 seats, layout has 50; ignored");
        view.setStatus(QByteArray(3, 0));
        QVERIFY(!view.hasStatus());
        // Unknown status bytes from a newer server are never offered for sale.
        QByteArray status(50, 0);
        status[7] = char(99);
        view.setStatus(status);
        QCOMPARE(view.seatStatus(7), SeatStatus::Blocked);
        view.applyStatusDelta({7, 9999}, QByteArray("\x00\x03", 2)); // out of range index ignored
        QCOMPARE(view.seatStatus(7), SeatStatus::Available);
        view.applyStatusDelta({1, 2}, QByteArray(1, 3)); // lengths disagree: ignored
        QCOMPARE(view.seatStatus(1), SeatStatus::Available);
    }

    void demoVenuesRender()
    {
        // Screenshots to look at; each must show more than the background.
        struct Shot {
            const char* name;
            core::seating::Layout layout;
            double seatPixels; // 0: whole venue
            const char* around = nullptr; // an area label: centre on the top of that area
        };
        const Shot shots[] = {{"seatmap-theatre", core::seating::demo::theatre(), 0},
                              {"seatmap-theatre-mid", core::seating::demo::theatre(), 10, "Circle"},
                              {"seatmap-theatre-labels", core::seating::demo::theatre(), 20, "Circle"},
                              {"seatmap-theatre-zoomed", core::seating::demo::theatre(), 34},
                              {"seatmap-stadium", core::seating::demo::stadium(), 0},
                              {"seatmap-stadium-mid", core::seating::demo::stadium(), 8},
                              {"seatmap-stadium-zoomed", core::seating::demo::stadium(), 30},
                              {"seatmap-club", core::seating::demo::club(), 0}};
        for (const Shot& shot : shots) {
            SeatMapView view;
            view.resize(1000, 700);
            view.setSeatingLayout(std::make_shared<const core::seating::Layout>(shot.layout));
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            const std::uint32_t n = view.geometry().seatCount();
            // A mix of every status so each look shows up.
            QByteArray status(static_cast<qsizetype>(n), 0);
            std::mt19937 random(7);
            for (std::uint32_t i = 0; i < n; ++i) {
                const auto r = random() % 100;
                status[i] = char(r < 55 ? 0 : r < 65 ? 1 : r < 70 ? 2 : r < 90 ? 3 : r < 95 ? 4 : 5);
            }
            view.setStatus(status);
            QHash<QString, GeneralAdmission> ga;
            for (const auto& area : view.geometry().areas())
                if (area.generalAdmission)
                    ga.insert(area.id, GeneralAdmission{area.capacity, area.capacity / 3});
            view.setGeneralAdmission(ga);
            if (shot.seatPixels > 0) {
                view.setZoom(shot.seatPixels / view.geometry().seatWidth());
                view.centerOn(view.geometry().centre(n / 2));
                for (const auto& area : view.geometry().areas())
                    if (shot.around && area.label == QLatin1String(shot.around))
                        view.centerOn(QPointF(area.bounds.center().x(), area.bounds.top()));
                view.setCurrentSeat(n / 2, false);
                view.setSelectedSeats({n / 2 + 1});
            }
            const QImage image = view.grab().toImage();
            int differentFromBackground = 0;
            for (int y = 0; y < image.height(); y += 7)
                for (int x = 0; x < image.width(); x += 7)
                    differentFromBackground += image.pixelColor(x, y) != seatstyle::background() ? 1 : 0;
            QVERIFY2(differentFromBackground > 500, shot.name);
            saveShot(view, QString::fromLatin1(shot.name));
        }
    }
};

QTEST_MAIN(TestSeatMap)
#include "test_seatmap.moc"
