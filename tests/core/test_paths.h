#pragma once
// Paths that CTest hands to the core suites after "--": --data-dir, --shared-dir, --work-dir.
#include <string>
#include <string_view>

namespace nuanxin::test {

/// @brief tests/data of the source tree (fixtures committed with the tests).
[[nodiscard]] std::string dataDir();
/// @brief ../shared/data beside the project (OR-Library instances, divisions); tests only.
[[nodiscard]] std::string sharedDir();
/// @brief A writable scratch folder in the build tree.
[[nodiscard]] std::string workDir();
/// @brief The value of `--name=value` among the arguments CTest passes after "--"; throws when
/// it is missing (a test never guesses a path).
[[nodiscard]] std::string testArgument(std::string_view name);

} // namespace nuanxin::test
