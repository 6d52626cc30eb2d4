// Venue seating layouts: the Qt-free model shared by the server, the seat-map view, the
// editor and kiosks. Units are centimetres on a flat plan; y grows away from the stage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marquee::core::seating {

struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

// Bit flags on a seat.
enum SeatFlag : std::uint8_t {
    kWheelchairSpace = 1 << 0,
    kCompanionSeat = 1 << 1,
    kRestrictedView = 1 << 2,
    kAisleSeat = 1 << 3,
};

struct Seat {
    std::string id;            // stable for the life of the layout lineage ("s123"); never reused
    std::string label;         // seat number as printed on the ticket ("12")
    Point position;            // centre
    double rotationDeg = 0;    // 0: facing the stage (towards -y)
    std::string priceCategoryId;
    std::uint8_t flags = 0;
    bool operator==(const Seat&) const = default;
};

// A row is seats in physical order, so neighbours in the vector are adjacent for
// best-available (unless a gap wider than the layout's adjacency distance separates them).
// A table is a circular row: the last seat is adjacent to the first.
struct Row {
    std::string id;            // "r12"
    std::string label;         // "A", "12"
    bool circular = false;     // seats around a table
    std::optional<Point> tableCentre;
    double tableRadius = 0;    // drawn table top, when circular
    std::vector<Seat> seats;
    bool operator==(const Row&) const = default;
};

enum class AreaKind : std::uint8_t { Seated = 0, GeneralAdmission = 1 };

struct Area {
    std::string id;            // "a3"
    std::string label;         // section name: "Stalls", "Block 104", "Floor"
    AreaKind kind = AreaKind::Seated;
    std::vector<Point> outline; // closed polygon (last point joins the first); seats lie inside
    std::vector<Row> rows;      // seated areas
    std::uint32_t capacity = 0; // general admission: places sold without a seat
    std::string priceCategoryId; // general admission: the one category
    bool operator==(const Area&) const = default;
};

struct PriceCategory {
    std::string id;            // "pc1"
    std::string name;          // "Category 1", "Premium"
    std::int64_t priceMinor = 0;
    std::string currency;      // ISO 4217
    std::uint32_t colourRgb = 0; // display hint, 0xRRGGBB; the view may override for contrast
    bool operator==(const PriceCategory&) const = default;
};

// A tracing image under the plan in the editor. Not shown to attendees.
struct BackgroundImage {
    std::string mimeType;      // "image/svg+xml" or "image/png"
    std::string dataBase64;
    Point topLeft;
    double width = 0;          // size on the plan, centimetres
    double height = 0;
    double opacity = 0.5;
    bool operator==(const BackgroundImage&) const = default;
};

struct Layout {
    std::string id;            // UUID of the layout lineage
    std::string venueId;       // UUID of the catalog venue
    std::string name;          // "Main hall — concert"
    std::uint32_t version = 1; // a saved version is immutable; events pin (id, version)
    double width = 0;          // plan extent, centimetres
    double height = 0;
    Point focalPoint;          // the stage: best available is closest to it
    std::string focalLabel;    // "Stage", "Pitch"
    double stageWidth = 0;     // drawn stage or pitch around the focal point; 0: a default
    double stageHeight = 0;    // of 12 x 3 seat pitches
    double seatPitch = 50;     // nominal seat width; overlap and adjacency are judged against it
    std::uint64_t nextId = 1;  // id allocator for new seats/rows/areas; survives versions
    std::vector<PriceCategory> priceCategories;
    std::vector<Area> areas;
    std::optional<BackgroundImage> background;
    bool operator==(const Layout&) const = default;

    const PriceCategory* priceCategory(const std::string& categoryId) const;
    std::size_t seatCount() const;
    // A fresh id with the given prefix ('s', 'r', 'a', 'p'), unique within the lineage.
    std::string allocateId(char prefix);
};

} // namespace marquee::core::seating
