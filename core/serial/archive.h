#pragma once
#include <iosfwd>
#include <string>

#include "core/model/types.h"
#include "core/util/error.h"

namespace nuanxin {

/// @brief File formats of a data set. Both carry cereal class versions for every type, so a
/// file written by an older nuanxin still loads (missing fields take their defaults).
enum class Format { Json, Binary };

/// @brief ".json" → Json, anything else → Binary (".nxd" by convention).
[[nodiscard]] Format formatForPath(const std::string& path);

/// @brief Writes the whole data set. Throws nothing; returns false and sets `error` on I/O failure.
bool writeDataset(const Dataset& data, std::ostream& out, Format format, std::string* error);
/// @brief Reads a data set; errors name the field (cereal's path) and the reason.
[[nodiscard]] Result<Dataset> readDataset(std::istream& in, Format format);

/// @brief File helpers: errors name the file. Writing goes to "path.tmp" then renames, so a
/// failure never leaves a half-written file where a good one was.
bool saveDatasetFile(const Dataset& data, const std::string& path, std::string* error);
[[nodiscard]] Result<Dataset> loadDatasetFile(const std::string& path);

} // namespace nuanxin
