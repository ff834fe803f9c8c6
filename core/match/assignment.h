#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/error.h"

namespace nuanxin {

/// @brief A linear assignment problem: n rows, n columns, cost[row * n + column].
struct AssignmentProblem {
    std::size_t n = 0;
    std::vector<std::int64_t> costs;
};

/// @brief Optimal assignment: total cost and the column of each row.
struct AssignmentSolution {
    std::int64_t cost = 0;
    std::vector<std::size_t> columnOf;
};

/// @brief Parses the OR-Library format: n, then n*n integer costs, row-major, read as a token
/// stream. Errors name "file:line" in the field, the offending token and the reason.
[[nodiscard]] Result<AssignmentProblem> parseAssignment(std::string_view text,
                                                        std::string_view fileName);
/// @brief Reads and parses a file (errors: cannot open, then as parseAssignment()).
[[nodiscard]] Result<AssignmentProblem> readAssignmentFile(const std::string& path);
/// @brief Minimum-cost perfect assignment by NetworkSimplex (rows supply 1, columns demand 1).
[[nodiscard]] Result<AssignmentSolution> solveAssignment(const AssignmentProblem& problem);

} // namespace nuanxin
