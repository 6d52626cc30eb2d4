// Plane geometry shared by the seating generators, validation and best available (internal).
#pragma once

#include "marquee/core/seating/layout.hpp"

#include <cmath>
#include <numbers>
#include <span>
#include <vector>

namespace marquee::core::seating::geometry {

inline double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

// Generated coordinates are snapped to 1/64 cm (angles to 1/64 degree): such values survive
// the float fields of the wire format unchanged, so a layout round-trips exactly.
inline double snap(double value) { return std::round(value * 64.0) / 64.0; }
inline Point snap(Point p) { return {snap(p.x), snap(p.y)}; }

// Rotation by `degrees` clockwise as drawn (x right, y down, away from the stage).
inline Point rotate(Point p, double degrees) {
    const double c = std::cos(radians(degrees));
    const double s = std::sin(radians(degrees));
    return {p.x * c - p.y * s, p.x * s + p.y * c};
}

inline double distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }
inline double distanceSquared(Point a, Point b) {
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    return dx * dx + dy * dy;
}

// Even-odd rule; points on an edge may land either side.
bool pointInPolygon(Point p, std::span<const Point> polygon);

// Counter-clockwise convex hull (Andrew's monotone chain), without collinear points.
std::vector<Point> convexHull(std::vector<Point> points);

} // namespace marquee::core::seating::geometry
