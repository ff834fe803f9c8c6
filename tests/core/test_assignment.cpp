// OR-Library assignment instances (published optima) and the parser's error messages.
#include <algorithm>
#include <numeric>

#include <boost/test/unit_test.hpp>

#include "core/match/assignment.h"

#include "test_paths.h"

using namespace nuanxin;

namespace {

std::uint64_t splitmix(std::uint64_t& s) {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::int64_t solvedCost(const std::string& file) {
    const auto p = readAssignmentFile(test::sharedDir() + "/orlib/" + file);
    BOOST_REQUIRE_MESSAGE(p.ok(), file << ": " << (p.ok() ? "" : p.errors()[0].describe(Lang::En)));
    const auto s = solveAssignment(p.value());
    BOOST_REQUIRE(s.ok());
    // The solution must be a permutation whose cost is what was reported.
    std::vector<std::size_t> cols = s.value().columnOf;
    std::int64_t sum = 0;
    for (std::size_t r = 0; r < cols.size(); ++r) sum += p.value().costs[r * p.value().n + cols[r]];
    std::sort(cols.begin(), cols.end());
    for (std::size_t c = 0; c < cols.size(); ++c) BOOST_REQUIRE_EQUAL(cols[c], c);
    BOOST_CHECK_EQUAL(sum, s.value().cost);
    return s.value().cost;
}

} // namespace

BOOST_AUTO_TEST_SUITE(match_assignment)

BOOST_AUTO_TEST_CASE(orlib_assign100_is_305) {
    BOOST_CHECK_EQUAL(solvedCost("assign100.txt"), 305);
}

BOOST_AUTO_TEST_CASE(orlib_assign200_is_475) {
    BOOST_CHECK_EQUAL(solvedCost("assign200.txt"), 475);
}

BOOST_AUTO_TEST_CASE(small_random_instances_match_brute_force) {
    std::uint64_t seed = 42;
    for (int round = 0; round < 60; ++round) {
        const std::size_t n = 1 + splitmix(seed) % 6;
        AssignmentProblem p;
        p.n = n;
        for (std::size_t i = 0; i < n * n; ++i) {
            p.costs.push_back(static_cast<std::int64_t>(splitmix(seed) % 41) - 10);
        }
        std::vector<std::size_t> perm(n);
        std::iota(perm.begin(), perm.end(), 0);
        std::int64_t best = std::numeric_limits<std::int64_t>::max();
        do {
            std::int64_t c = 0;
            for (std::size_t r = 0; r < n; ++r) c += p.costs[r * n + perm[r]];
            best = std::min(best, c);
        } while (std::next_permutation(perm.begin(), perm.end()));
        const auto s = solveAssignment(p);
        BOOST_REQUIRE(s.ok());
        BOOST_CHECK_EQUAL(s.value().cost, best);
    }
}

BOOST_AUTO_TEST_CASE(errors_name_file_line_and_reason) {
    auto r = parseAssignment("2\n1 2\n3 x4\n", "bad.txt");
    BOOST_REQUIRE(!r.ok());
    BOOST_CHECK_EQUAL(r.errors()[0].field, "bad.txt:3");
    BOOST_CHECK_EQUAL(r.errors()[0].value, "x4");
    BOOST_CHECK(r.errors()[0].reason == Str::AssignBadToken);

    r = parseAssignment("2\n1 2\n3\n", "short.txt");
    BOOST_REQUIRE(!r.ok());
    BOOST_CHECK(r.errors()[0].reason == Str::AssignTooShort);
    BOOST_CHECK_EQUAL(r.errors()[0].field, "short.txt:4");

    r = parseAssignment("1\n5\n6\n", "long.txt");
    BOOST_REQUIRE(!r.ok());
    BOOST_CHECK(r.errors()[0].reason == Str::AssignTooLong);
    BOOST_CHECK_EQUAL(r.errors()[0].field, "long.txt:3");

    r = parseAssignment("0\n", "zero.txt");
    BOOST_REQUIRE(!r.ok());
    BOOST_CHECK(r.errors()[0].reason == Str::AssignBadSize);

    r = parseAssignment("", "empty.txt");
    BOOST_REQUIRE(!r.ok());

    r = readAssignmentFile("/nonexistent/assign.txt");
    BOOST_REQUIRE(!r.ok());
    BOOST_CHECK(r.errors()[0].reason == Str::SerialFileOpen);
}

BOOST_AUTO_TEST_SUITE_END()
