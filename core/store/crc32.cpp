#include "core/store/crc32.h"

#include <array>

namespace nuanxin {
namespace {

using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

/// Table k gives the CRC of a byte followed by k zero bytes, so that eight input bytes can be
/// folded in at once ("slicing by 8"): about four times faster than a byte at a time, which
/// matters when a snapshot of a million households is checked on every opening.
constexpr Tables makeTables() {
    Tables t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1U) ? (0xEDB88320U ^ (c >> 1)) : (c >> 1);
        t[0][i] = c;
    }
    for (std::uint32_t i = 0; i < 256; ++i) {
        for (std::size_t k = 1; k < 8; ++k)
            t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFFU];
    }
    return t;
}

constexpr Tables kTables = makeTables();

std::uint32_t byteAt(std::string_view b, std::size_t i) {
    return static_cast<unsigned char>(b[i]);
}

} // namespace

std::uint32_t crc32(std::string_view bytes, std::uint32_t seed) {
    std::uint32_t c = seed ^ 0xFFFFFFFFU;
    std::size_t i = 0;
    // Bytes are assembled explicitly (not read as words), so the result does not depend on the
    // platform's byte order or alignment rules.
    for (; i + 8 <= bytes.size(); i += 8) {
        const std::uint32_t lo = c ^ (byteAt(bytes, i) | byteAt(bytes, i + 1) << 8 |
                                      byteAt(bytes, i + 2) << 16 | byteAt(bytes, i + 3) << 24);
        c = kTables[7][lo & 0xFFU] ^ kTables[6][(lo >> 8) & 0xFFU] ^
            kTables[5][(lo >> 16) & 0xFFU] ^ kTables[4][lo >> 24] ^
            kTables[3][byteAt(bytes, i + 4)] ^ kTables[2][byteAt(bytes, i + 5)] ^
            kTables[1][byteAt(bytes, i + 6)] ^ kTables[0][byteAt(bytes, i + 7)];
    }
    for (; i < bytes.size(); ++i) c = kTables[0][(c ^ byteAt(bytes, i)) & 0xFFU] ^ (c >> 8);
    return c ^ 0xFFFFFFFFU;
}

} // namespace nuanxin
