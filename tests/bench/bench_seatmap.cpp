// Seat-map benchmark (issue 3), offscreen raster, on demo::arena(N) (100,000 seats full size):
// cold load, frame time at three zoom levels and while panning, hit test, and repaint after
// 1,000 status changes, for SeatMapView and, in the same run, the baseline: a naive
// QGraphicsScene with one item per seat. Prints both and their ratio.
#include "net/seatingcodec.h"
#include "seatmap/seatmapstyle.h"
#include "seatmap/seatmapview.h"

#include "marquee/core/seating/demo_layouts.hpp"
#include "marquee/protocol/seating_conversions.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>

using namespace marquee;
using namespace marquee::client;
using core::seating::SeatStatus;

namespace {

const QSize kViewport(1280, 800);

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double msSince(const QElapsedTimer& t) { return static_cast<double>(t.nsecsElapsed()) / 1e6; }

// Median of `rounds` timings of fn(), in milliseconds.
double timeMs(int rounds, const std::function<void()>& fn)
{
    std::vector<double> samples;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        samples.push_back(msSince(t));
    }
    return median(samples);
}

QByteArray randomStatus(std::uint32_t seats, std::mt19937& random)
{
    QByteArray status(static_cast<qsizetype>(seats), 0);
    for (std::uint32_t i = 0; i < seats; ++i) {
        const auto r = random() % 100;
        status[i] = char(r < 60 ? SeatStatus::Available : r < 70 ? SeatStatus::Held : r < 95 ? SeatStatus::Sold : SeatStatus::Blocked);
    }
    return status;
}

// The baseline: the obvious Qt implementation. One rotated QGraphicsRectItem per seat,
// brush per status, in a QGraphicsView with the default BSP index.
class NaiveSeatMap {
public:
    explicit NaiveSeatMap(const SeatMapGeometry& geometry) : m_geometry(geometry)
    {
        m_view.resize(kViewport);
        m_view.setScene(&m_scene);
        m_view.setRenderHint(QPainter::Antialiasing);
        m_view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_view.setTransformationAnchor(QGraphicsView::AnchorViewCenter);
        m_view.setFrameShape(QFrame::NoFrame);
        m_view.show(); // lays out the viewport at its real size (offscreen platform)
        QCoreApplication::processEvents();
    }

    void load(const QByteArray& status)
    {
        const double w = m_geometry.seatWidth();
        const double d = m_geometry.seatDepth();
        m_items.reserve(m_geometry.seatCount());
        for (std::uint32_t i = 0; i < m_geometry.seatCount(); ++i) {
            auto* item = new QGraphicsRectItem(-w / 2, -d / 2, w, d);
            item->setPos(m_geometry.centre(i));
            item->setRotation(static_cast<double>(m_geometry.rotation(i)));
            item->setPen(Qt::NoPen);
            item->setBrush(brushFor(i, static_cast<SeatStatus>(status[i])));
            item->setData(0, i);
            m_scene.addItem(item);
            m_items.push_back(item);
        }
        m_scene.setSceneRect(m_geometry.planBounds());
    }

    QBrush brushFor(std::uint32_t seat, SeatStatus status) const
    {
        return seatstyle::fillColour(status, m_geometry.categoryOf(seat));
    }

    void setStatus(std::uint32_t seat, SeatStatus status) { m_items[seat]->setBrush(brushFor(seat, status)); }

    void setScale(double scale)
    {
        m_view.setTransform(QTransform::fromScale(scale, scale));
    }
    void centerOn(QPointF plan) { m_view.centerOn(plan); }

    void frame(QImage& target)
    {
        QPainter painter(&target);
        m_view.render(&painter, QRectF(), m_view.viewport()->rect());
    }

    std::optional<std::uint32_t> hit(QPoint viewportPos) const
    {
        const QGraphicsItem* item = m_view.itemAt(viewportPos);
        if (!item)
            return std::nullopt;
        return item->data(0).toUInt();
    }

    QGraphicsView& view() { return m_view; }

private:
    const SeatMapGeometry& m_geometry;
    QGraphicsScene m_scene;
    QGraphicsView m_view;
    std::vector<QGraphicsRectItem*> m_items;
};

struct Row {
    QString name;
    double ours = 0;
    double baseline = -1; // < 0: no baseline measurement
    QString target;
};

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption seatsOption(QStringLiteral("seats"), QStringLiteral("seats in the arena"), QStringLiteral("n"),
                                   QStringLiteral("100000"));
    QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("frames per measurement"),
                                    QStringLiteral("n"), QStringLiteral("9"));
    QCommandLineOption framesOption(QStringLiteral("save-frames"),
                                    QStringLiteral("write the frame of each zoom level as PNG into this folder"),
                                    QStringLiteral("dir"));
    parser.addOptions({seatsOption, roundsOption, framesOption});
    parser.process(app);
    const QString framesDir = parser.value(framesOption);
    const auto seatsWanted = parser.value(seatsOption).toULongLong();
    const int rounds = std::max(1, parser.value(roundsOption).toInt());

    std::mt19937 random(2024);
    const core::seating::Layout arena = core::seating::demo::arena(seatsWanted);
    // Cold load starts from what the cache holds: the SeatingLayout bytes.
    const std::string payloadBytes = protocol::toProto(arena, false).SerializeAsString();
    const QByteArray payload(payloadBytes.data(), static_cast<qsizetype>(payloadBytes.size()));
    std::vector<Row> rows;
    QImage target(kViewport, QImage::Format_RGB32);

    // --- Cold load: decode, index, first whole-venue frame.
    SeatMapView view;
    view.resize(kViewport);
    QByteArray status;
    const double loadMs = timeMs(std::max(1, rounds / 3), [&] {
        auto layout = decodeLayoutPayload(payload);
        view.setSeatingLayout(layout);
        view.fitToView();
        if (status.isEmpty())
            status = randomStatus(view.geometry().seatCount(), random);
        view.setStatus(status);
        view.dropTileCache();
        view.render(&target);
    });
    const std::uint32_t seats = view.geometry().seatCount();
    const SeatMapGeometry& geometry = view.geometry();

    NaiveSeatMap naive(geometry);
    QElapsedTimer naiveLoad;
    naiveLoad.start();
    naive.load(status);
    naive.setScale(view.fitZoom());
    naive.centerOn(geometry.planBounds().center());
    naive.frame(target);
    rows.push_back({QStringLiteral("cold load (decode, index, first frame) ms"), loadMs, msSince(naiveLoad),
                    QStringLiteral("<= 1000")});

    // --- Frames at three zoom levels. "cold": the first frame after a zoom step (a wheel
    // notch either way, so neither tiles nor seat glyphs at that scale exist yet); "cached":
    // a repaint with tiles cached (hover, selection).
    const QPointF centre = geometry.centre(seats / 3);
    struct Level {
        const char* name;
        double seatPixels; // 0: whole venue
        const char* target;
    };
    const Level levels[] = {{"whole venue", 0, ">= 30 fps"}, {"seats (6 px)", 6, ""}, {"zoomed in (32 px)", 32, ">= 60 fps"}};
    for (const Level& level : levels) {
        const double scale = level.seatPixels > 0 ? level.seatPixels / geometry.seatWidth() : view.fitZoom();
        view.setZoom(scale);
        if (level.seatPixels > 0)
            view.centerOn(centre);
        else
            view.fitToView();
        int step = 0;
        const double cold = timeMs(rounds, [&] {
            view.setZoom(scale * (++step % 2 ? 1.01 : 1.0));
            view.render(&target);
        });
        // The same step made by the user (wheel, pinch, keys): the first frame shows the
        // previous tiles scaled and sharp tiles follow within a budget per frame. Both the
        // frame the user sees at once and the time until every tile is sharp are reported.
        std::vector<double> previewFrames, sharpTimes, frameCounts;
        for (int r = 0; r < rounds; ++r) {
            view.zoomStep(r % 2 ? 1 / 1.01 : 1.01, QPointF(kViewport.width() / 2.0, kViewport.height() / 2.0));
            QElapsedTimer t;
            t.start();
            view.render(&target);
            previewFrames.push_back(msSince(t));
            if (r == 0 && !framesDir.isEmpty())
                target.save(framesDir + QStringLiteral("/seatmap-%1px-first-frame.png").arg(level.seatPixels));
            int frames = 1;
            while (view.cacheStats().tilesPreviewed > 0) {
                view.render(&target);
                ++frames;
            }
            sharpTimes.push_back(msSince(t));
            frameCounts.push_back(frames);
        }
        view.setZoom(scale);
        view.render(&target);
        if (!framesDir.isEmpty())
            target.save(framesDir + QStringLiteral("/seatmap-%1px.png").arg(level.seatPixels));
        const double warm = timeMs(rounds, [&] { view.render(&target); });
        naive.setScale(scale);
        naive.centerOn(level.seatPixels > 0 ? centre : geometry.planBounds().center());
        const double naiveFrame = timeMs(std::max(1, rounds / 3), [&] { naive.frame(target); });
        rows.push_back({QStringLiteral("user zoom step, %1: first frame ms").arg(QLatin1String(level.name)),
                        median(previewFrames), naiveFrame, QLatin1String(level.target)});
        rows.push_back({QStringLiteral("user zoom step, %1: all sharp ms (%2 frames)")
                            .arg(QLatin1String(level.name))
                            .arg(median(frameCounts)),
                        median(sharpTimes), naiveFrame, {}});
        rows.push_back({QStringLiteral("zoom step, %1: sharp in one frame ms").arg(QLatin1String(level.name)), cold,
                        naiveFrame, {}});
        rows.push_back({QStringLiteral("frame, %1, cached ms").arg(QLatin1String(level.name)), warm, naiveFrame, {}});
        if (level.seatPixels == 6 || level.seatPixels == 32) {
            // Panning: 40 px steps to the right, each a frame (new tiles at the edge only).
            const double pan = timeMs(rounds * 3, [&] {
                view.panBy(QPointF(-40, 0));
                view.render(&target);
            });
            const double naivePan = timeMs(std::max(1, rounds / 3), [&] {
                naive.view().translate(-40 / scale, 0);
                naive.frame(target);
            });
            rows.push_back({QStringLiteral("frame while panning, %1 ms").arg(QLatin1String(level.name)), pan, naivePan,
                            QLatin1String(level.target)});
        }
    }

    // --- Hit test at the zoomed-in level: random points over the viewport.
    view.setZoom(32 / geometry.seatWidth());
    view.centerOn(centre);
    naive.setScale(32 / geometry.seatWidth());
    naive.centerOn(centre);
    std::vector<QPoint> points;
    std::uniform_int_distribution<int> px(0, kViewport.width() - 1), py(0, kViewport.height() - 1);
    for (int i = 0; i < 10000; ++i)
        points.emplace_back(px(random), py(random));
    int agree = 0, hits = 0;
    QElapsedTimer hitTimer;
    hitTimer.start();
    for (const QPoint& p : points)
        hits += view.seatAt(p) ? 1 : 0;
    const double hitMs = msSince(hitTimer) / static_cast<double>(points.size());
    std::vector<std::optional<std::uint32_t>> naiveHits;
    naiveHits.reserve(points.size());
    hitTimer.restart();
    for (const QPoint& p : points)
        naiveHits.push_back(naive.hit(p));
    const double naiveHitMs = msSince(hitTimer) / static_cast<double>(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        agree += naiveHits[i] == view.seatAt(points[i]) ? 1 : 0;
    rows.push_back({QStringLiteral("hit test ms (%1% hits, %2% agree with baseline)")
                        .arg(100 * hits / static_cast<int>(points.size()))
                        .arg(100 * agree / static_cast<int>(points.size())),
                    hitMs, naiveHitMs, QStringLiteral("<= 1")});

    // --- 1,000 status changes and the repaint that shows them, at each zoom level.
    for (const Level& level : levels) {
        const double scale = level.seatPixels > 0 ? level.seatPixels / geometry.seatWidth() : view.fitZoom();
        view.setZoom(scale);
        if (level.seatPixels > 0)
            view.centerOn(centre);
        else
            view.fitToView();
        view.render(&target); // tiles cached, as on screen
        naive.setScale(scale);
        naive.centerOn(level.seatPixels > 0 ? centre : geometry.planBounds().center());
        std::vector<std::vector<std::uint32_t>> batches;
        std::vector<QByteArray> values;
        // Changes where the user looks: seats inside the visible part of the plan.
        std::vector<std::uint32_t> visible;
        geometry.forEachSeatNear(view.visiblePlanRect(), [&](std::uint32_t i) { visible.push_back(i); });
        std::uniform_int_distribution<std::size_t> pick(0, visible.size() - 1);
        for (int r = 0; r < rounds; ++r) {
            std::vector<std::uint32_t> batch;
            QByteArray bytes;
            for (int k = 0; k < 1000; ++k) {
                batch.push_back(visible[pick(random)]);
                bytes.append(char(random() % 2 ? SeatStatus::Sold : SeatStatus::Available));
            }
            batches.push_back(std::move(batch));
            values.push_back(bytes);
        }
        int round = 0;
        const double update = timeMs(rounds, [&] {
            view.applyStatusDelta(batches[static_cast<std::size_t>(round)], values[static_cast<std::size_t>(round)]);
            view.render(&target);
            ++round;
        });
        round = 0;
        const double naiveUpdate = timeMs(std::max(1, rounds / 3), [&] {
            const auto& batch = batches[static_cast<std::size_t>(round)];
            for (std::size_t k = 0; k < batch.size(); ++k)
                naive.setStatus(batch[k], static_cast<SeatStatus>(values[static_cast<std::size_t>(round)][static_cast<qsizetype>(k)]));
            naive.frame(target);
            ++round;
        });
        rows.push_back({QStringLiteral("1,000 status changes + repaint, %1 ms").arg(QLatin1String(level.name)), update,
                        naiveUpdate, QStringLiteral("<= 16")});
    }

    std::printf("bench_seatmap: %u seats (demo::arena), viewport %dx%d, offscreen raster, median of %d\n", seats,
                kViewport.width(), kViewport.height(), rounds);
    std::printf("%-62s %12s %14s %9s  %s\n", "measurement", "SeatMapView", "QGraphicsScene", "ratio", "target");
    for (const Row& row : rows) {
        const QString ratio = row.baseline > 0 && row.ours > 0 ? QString::number(row.baseline / row.ours, 'f', 1) + QLatin1Char('x')
                                                             : QStringLiteral("-");
        std::printf("%-62s %12.3f %14.3f %9s  %s\n", qPrintable(row.name), row.ours, row.baseline, qPrintable(ratio),
                    qPrintable(row.target));
    }
    return 0;
}
