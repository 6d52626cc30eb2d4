// Test helper: the QR codes zbar (qr_scan.hpp) finds in a Qt image (a grabbed widget, a
// rasterised PDF page), as a scanner would read them.
#pragma once

#include "qr_scan.hpp"

#include <QImage>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace marquee::test {

inline QStringList scanQrImage(const QImage& image) {
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    std::vector<std::uint8_t> pixels;
    for (int y = 0; y < gray.height(); ++y)
        pixels.insert(pixels.end(), gray.constScanLine(y), gray.constScanLine(y) + gray.width());
    QStringList found;
    for (const auto& text : scanQrCodes(pixels.data(), gray.width(), gray.height()))
        found << QString::fromStdString(text);
    return found;
}

} // namespace marquee::test
