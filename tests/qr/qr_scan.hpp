// Test helper: finds and decodes QR symbols in an 8-bit grayscale image with zbar, so ticket
// tests check what a scanner would read off the rendered matrix, PNG or widget.
#pragma once

#include <zbar.h>

#include <cstdint>
#include <string>
#include <vector>

namespace marquee::test {

// `gray`: width * height bytes, row-major, 0 = black.
inline std::vector<std::string> scanQrCodes(const std::uint8_t* gray, int width, int height) {
    using namespace zbar; // zbar.h puts its C API into namespace zbar when compiled as C++
    zbar_image_scanner_t* scanner = zbar_image_scanner_create();
    zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_t* image = zbar_image_create();
    zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image, static_cast<unsigned>(width), static_cast<unsigned>(height));
    zbar_image_set_data(image, gray, static_cast<unsigned long>(width) * static_cast<unsigned long>(height), nullptr);
    std::vector<std::string> found;
    if (zbar_scan_image(scanner, image) > 0)
        for (auto* symbol = zbar_image_first_symbol(image); symbol; symbol = zbar_symbol_next(symbol))
            found.emplace_back(zbar_symbol_get_data(symbol), zbar_symbol_get_data_length(symbol));
    zbar_image_destroy(image);
    zbar_image_scanner_destroy(scanner);
    return found;
}

} // namespace marquee::test
