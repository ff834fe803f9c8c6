#include "core/match/assignment.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/match/flow.h"

namespace nuanxin {
namespace {

/// Largest n accepted: n*n arcs must stay addressable and the costs' sum within int64.
constexpr std::size_t kMaxN = 20000;
/// Costs are bounded so that potentials (about 2n nodes x largest cost) stay far from 2^62.
constexpr std::int64_t kMaxAbsCost = std::int64_t{1} << 40;

FieldError errorAt(std::string_view file, std::size_t line, std::string_view token, Str reason,
                   std::string detail = {}) {
    return FieldError{std::string(file) + ":" + std::to_string(line), std::string(token), reason,
                      std::move(detail)};
}

} // namespace

Result<AssignmentProblem> parseAssignment(std::string_view text, std::string_view fileName) {
    AssignmentProblem p;
    std::size_t line = 1;
    std::size_t pos = 0;
    std::size_t expected = 0;
    bool haveN = false;
    while (true) {
        while (pos < text.size() &&
               (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r' || text[pos] == '\n')) {
            if (text[pos] == '\n') ++line;
            ++pos;
        }
        if (pos >= text.size()) break;
        std::size_t end = pos;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\r' &&
               text[end] != '\n') {
            ++end;
        }
        const std::string_view token = text.substr(pos, end - pos);
        pos = end;
        std::int64_t value = 0;
        const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
        if (ec != std::errc() || ptr != token.data() + token.size()) {
            return errorAt(fileName, line, token, Str::AssignBadToken);
        }
        if (!haveN) {
            if (value < 1 || static_cast<std::uint64_t>(value) > kMaxN) {
                return errorAt(fileName, line, token, Str::AssignBadSize,
                               "1.." + std::to_string(kMaxN));
            }
            haveN = true;
            p.n = static_cast<std::size_t>(value);
            expected = p.n * p.n;
            // Never more than the text can hold (each cost takes two bytes at least): a file
            // that only says "20000" must not reserve 3.2 GB.
            p.costs.reserve(std::min(expected, text.size() / 2 + 1));
            continue;
        }
        if (p.costs.size() == expected) {
            return errorAt(fileName, line, token, Str::AssignTooLong,
                           "n*n=" + std::to_string(expected));
        }
        if (value > kMaxAbsCost || value < -kMaxAbsCost) {
            return errorAt(fileName, line, token, Str::AssignBadToken, "|cost| <= 2^40");
        }
        p.costs.push_back(value);
    }
    if (!haveN) return errorAt(fileName, line, "", Str::AssignBadSize, "empty file");
    if (p.costs.size() < expected) {
        return errorAt(fileName, line, "", Str::AssignTooShort,
                       std::to_string(p.costs.size()) + " < " + std::to_string(expected));
    }
    return p;
}

Result<AssignmentProblem> readAssignmentFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return FieldError{path, "", Str::SerialFileOpen, {}};
    std::ostringstream text;
    text << in.rdbuf();
    const std::string name = path.substr(path.find_last_of('/') + 1);
    return parseAssignment(text.str(), name);
}

Result<AssignmentSolution> solveAssignment(const AssignmentProblem& problem) {
    const std::size_t n = problem.n;
    if (n == 0 || problem.costs.size() != n * n) {
        return FieldError{"n", std::to_string(n), Str::AssignBadSize, {}};
    }
    // Rows 0..n-1 supply one unit each, columns n..2n-1 take one each.
    std::vector<std::int64_t> supply(2 * n, 1);
    for (std::size_t c = 0; c < n; ++c) supply[n + c] = -1;
    std::vector<FlowArc> arcs;
    arcs.reserve(n * n);
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t c = 0; c < n; ++c) {
            arcs.push_back({static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(n + c), 1,
                            problem.costs[r * n + c]});
        }
    }
    std::vector<std::int64_t> flow;
    if (!minCostFlow(supply, arcs, flow)) {
        return FieldError{"flow", std::to_string(n), Str::MatchInfeasible, {}};
    }
    AssignmentSolution s;
    s.columnOf.assign(n, 0);
    for (std::size_t a = 0; a < arcs.size(); ++a) {
        if (flow[a] == 0) continue;
        s.columnOf[a / n] = a % n;
        s.cost += arcs[a].cost;
    }
    return s;
}

} // namespace nuanxin
