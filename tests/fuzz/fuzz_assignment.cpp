// The OR-Library reader (core/match/assignment.h parseAssignment) on any text; small problems it
// accepts are also solved, and the solution checked: a permutation, its cost the sum of its
// entries, and (up to 6 x 6) equal to the best of all permutations.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "core/match/assignment.h"
#include "fuzz_support.h"

using namespace nuanxin;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parsed = parseAssignment(fuzz::bytesOf(data, size), "fuzz.txt");
    if (!parsed.ok()) return 0;
    const AssignmentProblem& p = parsed.value();
    fuzz::require(p.n >= 1 && p.costs.size() == p.n * p.n, "accepted a problem of the wrong size");
    if (p.n > 12) return 0; // solving bigger ones tests the solver, not the reader
    const auto solved = solveAssignment(p);
    fuzz::require(solved.ok(), "a complete assignment problem has no solution");
    const AssignmentSolution& s = solved.value();
    std::vector<bool> used(p.n, false);
    std::int64_t sum = 0;
    for (std::size_t r = 0; r < p.n; ++r) {
        const std::size_t c = s.columnOf[r];
        fuzz::require(c < p.n && !used[c], "solution is not a permutation");
        used[c] = true;
        sum += p.costs[r * p.n + c];
    }
    fuzz::require(sum == s.cost, "solution cost is not the sum of its entries");
    if (p.n <= 6) {
        std::vector<std::size_t> perm(p.n);
        std::iota(perm.begin(), perm.end(), std::size_t{0});
        std::int64_t best = INT64_MAX;
        do {
            std::int64_t c = 0;
            for (std::size_t r = 0; r < p.n; ++r) c += p.costs[r * p.n + perm[r]];
            best = std::min(best, c);
        } while (std::next_permutation(perm.begin(), perm.end()));
        fuzz::require(best == s.cost, "solution is not optimal");
    }
    return 0;
}
