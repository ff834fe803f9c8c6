#pragma once
// Writing CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF, every cell quoted.
#include <string>
#include <string_view>
#include <vector>

namespace nuanxin {

constexpr std::string_view kUtf8Bom{"\xEF\xBB\xBF", 3};

/// @brief One quoted cell. A leading '=', '+', '-' or '@' gets a "'" before it, so that Excel
/// shows the text instead of running it as a formula (CSV injection).
[[nodiscard]] std::string csvCell(std::string_view value);
/// @brief Quoted cells joined with ',' and ended with CRLF.
[[nodiscard]] std::string csvLine(const std::vector<std::string>& cells);

} // namespace nuanxin
