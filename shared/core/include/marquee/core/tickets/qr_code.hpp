// QR codes for tickets (libqrencode): the module matrix only, so every painter (QPainter in the
// client, cairo on the server) draws the same symbol from it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace marquee::core::tickets {

// A horizontal run of dark modules: painters fill one rectangle per run (fewer shapes, and no
// hairline seams between neighbouring modules in PDF viewers).
struct QrRun {
    int x = 0;
    int y = 0;
    int length = 0;
};

struct QrMatrix {
    // ISO/IEC 18004 asks for a light margin of 4 modules around the symbol; painters leave it.
    static constexpr int kQuietZone = 4;

    int version = 0;                  // 1..40
    int size = 0;                     // modules per side (17 + 4 * version)
    std::vector<std::uint8_t> dark;   // size * size, row-major, 1 = dark module

    bool isDark(int x, int y) const {
        return x >= 0 && y >= 0 && x < size && y < size &&
               dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)] != 0;
    }
    // Side length in modules including the quiet zone on both sides.
    int sizeWithQuietZone() const { return size + 2 * kQuietZone; }
    // Every dark module exactly once, row by row.
    std::vector<QrRun> darkRuns() const;
};

// Encodes `data` as 8-bit bytes with error correction level M (15 % of the symbol may be
// damaged), in the smallest version that fits. Throws std::length_error when the data does
// not fit into a version 40 symbol, std::runtime_error when libqrencode fails otherwise.
QrMatrix encodeQr(std::string_view data);

} // namespace marquee::core::tickets
