// Helpers for the booking UI tests against the real server (offscreen): picking available seats
// on the Seats page, holding them through its booking panel up to the CheckoutDialog, and
// saving a widget as PNG for review when MARQUEE_SCREENSHOT_DIR is set.
#pragma once

#include "serverhelpers.h"

#include "booking/bookingpanel.h"
#include "booking/checkoutdialog.h"
#include "seatmap/seatmapview.h"
#include "views/seatsdialog.h"

#include <QCoreApplication>
#include <QPushButton>

#include <vector>

namespace marquee::client::testing {

inline void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("MARQUEE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents(); // widgets added just now are shown by a queued call
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// Up to `count` seats the page shows available and selectable, from seat index `from` on.
inline std::vector<std::uint32_t> availableSeats(const SeatsDialog& page, std::size_t count, std::uint32_t from)
{
    std::vector<std::uint32_t> out;
    const SeatMapView* view = page.seatMap();
    for (std::uint32_t i = from; i < view->geometry().seatCount() && out.size() < count; ++i)
        if (view->seatStatus(i) == core::seating::SeatStatus::Available && view->isSelectable(i))
            out.push_back(i);
    return out;
}

// Shows the Seats page, selects `count` available seats from `from` on and holds them through
// the booking panel; the checkout it opens, or null when any step did not happen in time.
inline CheckoutDialog* holdThroughPage(SeatsDialog& page, std::size_t count, std::uint32_t from)
{
    page.show();
    if (!QTest::qWaitFor([&] { return page.seatMap()->hasStatus(); }, kTimeoutMs))
        return nullptr;
    page.seatMap()->setSelectedSeats(availableSeats(page, count, from));
    BookingPanel* panel = page.bookingPanel();
    if (!panel->holdSelectedButton()->isEnabled())
        return nullptr;
    panel->holdSelectedButton()->click();
    if (!QTest::qWaitFor([&] { return panel->checkoutDialog() != nullptr; }, kTimeoutMs))
        return nullptr;
    return panel->checkoutDialog();
}

} // namespace marquee::client::testing
