// Screen-reader support for SeatMapView: the view reports the seat under keyboard focus
// ("Stalls, row C, seat 12, ...") as its accessible name, updated on every focus move.
#pragma once

class QWidget;

namespace marquee::client {

class SeatMapView;

// Registers the accessible-interface factory for SeatMapView (once per process).
void installSeatMapAccessibility();
// Tells assistive technology that the focused seat (and so the view's name) changed.
void notifySeatMapFocusChanged(SeatMapView* view);

} // namespace marquee::client
