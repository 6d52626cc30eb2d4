// Millimetres to pixels from the screen's physical DPI.
#include "kiosk/touchmetrics.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <cmath>

namespace marquee::client::kiosk {

int mmToPixels(double mm, const QScreen* screen)
{
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    // physicalDotsPerInch is in device-independent pixels, the unit widget sizes use.
    double dpi = screen ? screen->physicalDotsPerInch() : 0.0;
    if (!(dpi > 20.0 && dpi < 2000.0))
        dpi = 96.0;
    return static_cast<int>(std::ceil(mm * dpi / 25.4));
}

const QScreen* screenOf(const QWidget* widget)
{
    if (widget && widget->screen())
        return widget->screen();
    return QGuiApplication::primaryScreen();
}

} // namespace marquee::client::kiosk
