#pragma once
// The one JSON string writer for the small JSON texts nuanxin builds by hand (test hooks, plugin
// lists, CLI --json output). Large documents go through cereal.
#include <string>
#include <string_view>

namespace nuanxin {

/// @brief `text` (UTF-8) as a JSON string literal, quotes included: ", \ and control characters
/// escaped, everything else (UTF-8 sequences too) copied as is.
[[nodiscard]] std::string jsonQuoted(std::string_view text);

} // namespace nuanxin
