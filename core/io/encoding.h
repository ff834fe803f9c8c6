#pragma once
// Text encodings of imported files: UTF-8 (with or without a byte-order mark) and GB18030
// (a superset of GBK and GB2312, what Chinese government offices and Excel export).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/error.h"

namespace nuanxin {

enum class Encoding : std::uint8_t { Auto, Utf8, Gb18030 };

/// @brief "auto", "utf8"/"utf-8", "gb18030"/"gbk"/"gb2312" (case-insensitive); nullopt otherwise.
[[nodiscard]] std::optional<Encoding> parseEncoding(std::string_view name);
[[nodiscard]] const char* encodingName(Encoding e);

/// @brief Byte offset of the first byte that is not well-formed UTF-8; nullopt when all are.
[[nodiscard]] std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes);

/// @brief Text converted to UTF-8 and the encoding it was read as.
struct DecodedText {
    std::string text;
    Encoding encoding = Encoding::Utf8;
};

/// @brief Converts file bytes to UTF-8. Auto: valid UTF-8 (a GB18030 file with Chinese text
/// almost never is) is taken as UTF-8, anything else as GB18030. Errors name the line
/// (1-based) of the first byte that cannot be converted.
[[nodiscard]] Result<DecodedText> decodeText(std::string_view bytes, Encoding requested,
                                             std::string_view file);

/// @brief UTF-8 to GB18030 (for exports to offices that need it, and test fixtures).
[[nodiscard]] Result<std::string> encodeGb18030(std::string_view utf8);

} // namespace nuanxin
