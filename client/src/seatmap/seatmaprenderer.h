// SeatMapRenderer: paints a region of a seat map at one scale and level of detail. The view
// uses it for its tiles and dirty regions, the minimap for its thumbnail.
#pragma once

#include "seatmap/seatmapgeometry.h"

#include <QByteArray>
#include <QHash>
#include <QRectF>

#include <functional>
#include <vector>

class QPainter;

namespace marquee::client {

// General-admission availability of one area.
struct GeneralAdmission {
    std::uint32_t capacity = 0;
    std::uint32_t taken = 0;
    bool operator==(const GeneralAdmission&) const = default;
};

// What the map shows per seat and area; owned by the view, read by the renderer.
struct SeatMapState {
    QByteArray status;                        // one SeatStatus per seat; empty: no live status
    std::vector<std::uint32_t> areaAvailable; // available seats per area (kept with status)
    QHash<QString, GeneralAdmission> generalAdmission; // by area id
    bool hasStatus() const { return !status.isEmpty(); }
    core::seating::SeatStatus statusOf(std::uint32_t seat) const
    {
        return hasStatus() ? static_cast<core::seating::SeatStatus>(status[static_cast<qsizetype>(seat)])
                           : core::seating::SeatStatus::Available;
    }
};

class SeatMapRenderer {
public:
    enum class Detail { Blocks, Seats, Labelled };

    // Below this many pixels per seat, sections are drawn as blocks; at and above kLabelPx
    // seats are drawn with their marks, rows and labels.
    static constexpr double kSeatsPx = 4.0;
    static constexpr double kLabelPx = 16.0;
    static Detail detailFor(const SeatMapGeometry& geometry, double scale);

    // Drawn over the background and under everything else (the editor's tracing image), in
    // the painter's plan * scale coordinates. Returns whether there is an underlay at all
    // (even outside this region): area fills are then translucent, alike in every tile.
    using Underlay = std::function<bool(QPainter& painter, double scale)>;

    // Paints the plan rectangle `planRect` at `scale` pixels per centimetre. The painter's
    // coordinates are plan * scale (the caller translates for its tile or widget).
    static void render(QPainter& painter, const SeatMapGeometry& geometry, const SeatMapState& state, double scale,
                       const QRectF& planRect, const Underlay& underlay = {});
    // The minimap's thumbnail: blocks in their colours and the stage, no text (at 160 px
    // labels would only cover the blocks and the viewport marker).
    static void renderThumbnail(QPainter& painter, const SeatMapGeometry& geometry, const SeatMapState& state,
                                double scale, const QRectF& planRect);
    // Text of a block at low zoom: "1,234 free" / "Sold out" (translated).
    static QString availabilityText(const SeatMapGeometry& geometry, const SeatMapState& state, std::uint32_t area);

private:
    static void renderAreas(QPainter& painter, const SeatMapGeometry& geometry, const SeatMapState& state, double scale,
                            const QRectF& planRect, Detail detail, bool translucentFills, bool labels = true);
    static void renderSeatsFlat(QPainter& painter, const SeatMapGeometry& geometry, const SeatMapState& state,
                                double scale, const QRectF& planRect);
    static void renderSeatsLabelled(QPainter& painter, const SeatMapGeometry& geometry, const SeatMapState& state,
                                    double scale, const QRectF& planRect);
};

} // namespace marquee::client
