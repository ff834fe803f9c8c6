#pragma once
#include <cstdint>
#include <string_view>

namespace nuanxin {

/// @brief CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as zlib and PNG compute it.
/// Own small implementation: no Debian checksum library is available to both g++ and em++
/// without changing the set-up script (xxhash is not installed; see the issue report).
/// `seed` is a previous result, so that a checksum can be computed over several pieces.
[[nodiscard]] std::uint32_t crc32(std::string_view bytes, std::uint32_t seed = 0);

} // namespace nuanxin
