// QR matrix through libqrencode (QRcode_encodeData: binary-safe 8-bit mode, level M).
#include "marquee/core/tickets/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <stdexcept>
#include <string>

namespace marquee::core::tickets {

std::vector<QrRun> QrMatrix::darkRuns() const {
    std::vector<QrRun> runs;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size;) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < size && isDark(x, y)) ++x;
            runs.push_back({start, y, x - start});
        }
    }
    return runs;
}

QrMatrix encodeQr(std::string_view data) {
    if (data.empty()) throw std::invalid_argument("QR data is empty");
    if (data.size() > 7089) throw std::length_error("QR data too long"); // max of version 40-L, any mode
    errno = 0;
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(data.size()), reinterpret_cast<const unsigned char*>(data.data()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!code) {
        if (errno == ERANGE) throw std::length_error("QR data too long for level M");
        throw std::runtime_error("libqrencode failed to encode " + std::to_string(data.size()) + " bytes");
    }
    QrMatrix matrix;
    matrix.version = code->version;
    matrix.size = code->width;
    const auto cells = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.dark.resize(cells);
    // libqrencode packs flags into each byte; bit 0 is the module colour.
    for (std::size_t i = 0; i < cells; ++i) matrix.dark[i] = code->data[i] & 1U;
    return matrix;
}

} // namespace marquee::core::tickets
