// nuanxin match / solve-assignment / bench match: the matching engine from the command line.
#include <csignal>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "core/match/assignment.h"
#include "core/match/bench.h"
#include "core/match/match.h"
#include "core/serial/archive.h"
#include "native/cli/cli.h"

namespace nuanxin::cli {
namespace {

void printErrors(Str what, const FieldErrors& errors, Lang lang) {
    std::cerr << "nuanxin: " << tr(what, lang) << '\n';
    for (const auto& e : errors) std::cerr << "  " << e.describe(lang) << '\n';
}

std::string percent(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return "-";
    std::ostringstream s;
    s << std::fixed << std::setprecision(1)
      << 100.0 * static_cast<double>(part) / static_cast<double>(whole) << '%';
    return s.str();
}

void printMatchSummary(const MatchResult& r, const std::vector<AllocationChange>& changes,
                       Lang lang) {
    const MatchStats& st = r.stats;
    std::cout << tr(Str::CliMatchDone, lang) << '\n'
              << "  " << tr(Str::Needs, lang) << ": " << st.needs << "  " << tr(Str::Offers, lang)
              << ": " << st.offers << "  " << tr(Str::CliMatchClasses, lang) << ": " << st.classes
              << "  " << tr(Str::CliMatchArcs, lang) << ": " << st.arcs << '\n'
              << "  " << tr(Str::CliMatchProposed, lang) << ": "
              << r.allocations.size() - r.lockedCount << "  " << tr(Str::CliMatchLocked, lang)
              << ": " << r.lockedCount << "  " << tr(Str::CliMatchTime, lang) << ": " << std::fixed
              << std::setprecision(1) << st.totalMs << " ms\n";
    std::cout << tr(Str::CliMatchPerTier, lang) << '\n';
    for (int t = 0; t < r.tierCount; ++t) {
        const TierTotal& tt = r.tiers[static_cast<std::size_t>(t)];
        if (tt.needs == 0) continue;
        std::cout << "  " << tr(Str::CliMatchTier, lang) << ' ' << t << ": " << tr(Str::Needs, lang)
                  << ' ' << tt.needs << ", " << tr(Str::CliMatchDemand, lang) << ' ' << tt.demand
                  << ", " << tr(Str::CliMatchServed, lang) << ' ' << tt.served << " ("
                  << percent(tt.served, tt.demand) << "), " << tr(Str::CliMatchLocked, lang) << ' '
                  << tt.locked << '\n';
    }
    std::map<Str, std::pair<std::size_t, std::int64_t>> why; // ordered by key: stable output
    for (const auto& u : r.unmet) {
        auto& slot = why[u.reason];
        ++slot.first;
        slot.second += u.quantity;
    }
    if (!why.empty()) std::cout << tr(Str::CliMatchUnmet, lang) << '\n';
    for (const auto& [reason, count] : why) {
        std::cout << "  " << tr(reason, lang) << ": " << count.first << " ("
                  << tr(Str::Quantity, lang) << ' ' << count.second << ")\n";
    }
    std::cout << tr(Str::CliMatchChanged, lang) << ": " << changes.size() << '\n';
}

} // namespace

int runMatch(Args& args) {
    const Lang lang = args.lang();
    const auto data = args.option("--data");
    const auto out = args.option("--out");
    args.finish();
    if (!data) throw UsageError{Str::CliMissingArgument, "--data"};
    auto loaded = loadDatasetFile(*data);
    if (!loaded) {
        printErrors(Str::CliLoadFailed, loaded.errors(), lang);
        return kFailed;
    }
    Dataset& dataset = loaded.value();
    const NationalDefaultPolicy policy;
    auto result = match(dataset, policy);
    if (!result) {
        printErrors(Str::CliMatchFailed, result.errors(), lang);
        return kFailed;
    }
    // What changed against the proposals the file held before (a re-run with new offers).
    const auto changes = diffAllocations(dataset.allocations, result.value().allocations);
    printMatchSummary(result.value(), changes, lang);
    if (out) {
        dataset.allocations = std::move(result.value().allocations);
        std::string error;
        if (!saveDatasetFile(dataset, *out, &error)) {
            std::cerr << "nuanxin: " << error << '\n';
            return kFailed;
        }
        std::cout << tr(Str::CliDemoWrote, lang) << ' ' << *out << '\n';
    }
    return kOk;
}

int runSolveAssignment(Args& args) {
    const Lang lang = args.lang();
    const std::string path = args.positional("FILE");
    args.finish();
    const auto problem = readAssignmentFile(path);
    if (!problem) {
        printErrors(Str::CliLoadFailed, problem.errors(), lang);
        return kFailed;
    }
    const auto solution = solveAssignment(problem.value());
    if (!solution) {
        printErrors(Str::CliMatchFailed, solution.errors(), lang);
        return kFailed;
    }
    std::cout << "n " << problem.value().n << '\n';
    std::cout << "optimum " << solution.value().cost << '\n';
    return kOk;
}

int runBenchMatch(Args& args) {
    (void)args.positional("match"); // main() dispatched on it
    BenchOptions options;
    // parseCount gives 64 bits; size_t is 32 bits in the browser build.
    if (auto v = args.option("--needs"))
        options.needs = static_cast<std::size_t>(parseCount("--needs", *v));
    if (auto v = args.option("--offers"))
        options.offers = static_cast<std::size_t>(parseCount("--offers", *v));
    if (auto v = args.option("--seed")) options.seed = parseCount("--seed", *v, true);
    if (auto v = args.option("--repeats"))
        options.repeats = static_cast<int>(parseCount("--repeats", *v));
    const bool json = args.flag("--json");
    if (args.flag("--no-reference")) options.reference = false;
    if (args.flag("--no-greedy")) options.greedy = false;
    if (auto v = args.option("--threads"))
        options.threads = static_cast<unsigned>(parseCount("--threads", *v));
    args.finish();
    std::cerr << tr(Str::CliBenchRunning, args.lang()) << " (" << options.needs << " / "
              << options.offers << ")\n";
    const auto report = runBench(options, DivisionRegistry::builtIn(), NationalDefaultPolicy{});
    if (!report) {
        printErrors(Str::CliMatchFailed, report.errors(), args.lang());
        return kFailed;
    }
    std::cout << (json ? benchJson(report.value()) + "\n" : benchText(report.value()));
    return kOk;
}

} // namespace nuanxin::cli
