// Physical sizes on the kiosk's screen: touch targets of at least 9 mm whatever the panel's
// pixel density (from QScreen's physical DPI), and type sized in millimetres too.
#pragma once

class QScreen;
class QWidget;

namespace marquee::client::kiosk {

inline constexpr double kMinTargetMm = 9.0;  // the smallest thing a finger must hit
inline constexpr double kButtonMm = 14.0;    // the usual kiosk button height
inline constexpr double kBodyTextMm = 4.5;   // cap-to-descender of body text

// Device-independent pixels for `mm` on `screen` (the primary screen when null; 96 dpi
// when the platform reports no physical size).
int mmToPixels(double mm, const QScreen* screen = nullptr);
// The screen a widget is shown on (or will be).
const QScreen* screenOf(const QWidget* widget);

} // namespace marquee::client::kiosk
