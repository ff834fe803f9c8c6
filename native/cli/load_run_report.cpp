// What the load run prints: a line per cycle, a few lines per kill, the figures at the end.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "native/cli/load_run_tally.h"

namespace nuanxin::cli::load {
namespace {

std::string mib(std::uint64_t kb) {
    return grouped((kb + 512) / 1024);
}

std::string ratio(std::uint64_t now, std::uint64_t before) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f",
                  before ? static_cast<double>(now) / static_cast<double>(before) : 0.0);
    return text;
}

/// The longest run of consecutive cycles done by one worker process: where growth of its
/// memory would show (a restarted worker starts small again).
std::pair<const CycleFigures*, const CycleFigures*>
longestStretch(const std::vector<CycleFigures>& cycles) {
    std::pair<const CycleFigures*, const CycleFigures*> best{nullptr, nullptr};
    std::size_t bestLength = 0, start = 0;
    for (std::size_t i = 0; i < cycles.size(); ++i) {
        if (cycles[i].cycle == 0) {
            start = i + 1;
            continue;
        }
        if (i > start && (cycles[i].worker != cycles[i - 1].worker ||
                          cycles[i].cycle != cycles[i - 1].cycle + 1)) {
            start = i;
        }
        if (i - start + 1 >= bestLength) {
            bestLength = i - start + 1;
            best = {&cycles[start], &cycles[i]};
        }
    }
    return best;
}

std::string mb(std::uint64_t bytes) {
    return grouped((bytes + 500000) / 1000000);
}

void say(Str key, const std::vector<std::string>& values, Lang lang) {
    std::cout << fillSlots(tr(key, lang), values) << '\n';
}

} // namespace

std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
    return digits;
}

std::string seconds(std::uint64_t ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(ms) / 1000.0);
    return text;
}

std::string phaseName(const std::string& phase, Lang lang) {
    static const std::pair<const char*, Str> names[] = {
        {"fill", Str::LoadPhaseFill},     {"import", Str::LoadPhaseImport},
        {"supply", Str::LoadPhaseSupply}, {"match", Str::LoadPhaseMatch},
        {"save", Str::LoadPhaseSave},     {"review", Str::LoadPhaseReview},
        {"update", Str::LoadPhaseUpdate}, {"snapshot", Str::LoadPhaseSnapshot}};
    for (const auto& [word, key] : names) {
        if (phase == word) return tr(key, lang);
    }
    return tr(Str::LoadPhaseBetween, lang);
}

void printStart(const Plan& plan, std::uint64_t kills, const std::string& dir, Lang lang) {
    say(Str::LoadRunStart,
        {grouped(plan.households), grouped(plan.offers), grouped(plan.cycles), grouped(kills), dir},
        lang);
    std::cout.flush();
}

void printCycle(const CycleFigures& c, const Plan& plan, Lang lang) {
    if (c.cycle == 0) {
        say(Str::LoadRunFill,
            {grouped(c.households), grouped(c.needs), grouped(c.offers), seconds(c.ms),
             mib(c.rssKb), mib(c.peakKb), mb(c.journalBytes)},
            lang);
    } else {
        say(Str::LoadRunCycle,
            {grouped(c.cycle), grouped(plan.cycles), grouped(c.worker), seconds(c.ms),
             grouped(c.householdsAdded), grouped(c.offersAdded), grouped(c.proposed),
             seconds(c.matchMs), grouped(c.approved), mib(c.rssKb), mib(c.peakKb),
             grouped(c.allocations), mb(c.journalBytes)},
            lang);
    }
    std::cout.flush();
}

void printFinalCheck(const VerifierFigures& v, Lang lang) {
    std::cout << tr(Str::LoadRunFinalCheck, lang) << '\n';
    printKill(0, KillSpec{}, "", 0, 0, v, lang);
}

void printKill(std::uint64_t number, const KillSpec& spec, const std::string& landedIn,
               std::uint64_t msIntoPhase, std::uint64_t reopenKilled, const VerifierFigures& v,
               Lang lang) {
    if (number > 0) {
        say(Str::LoadRunKill,
            {grouped(number), grouped(spec.cycle), phaseName(landedIn, lang), seconds(msIntoPhase),
             phaseName(spec.phase, lang)},
            lang);
    }
    if (reopenKilled > 0) say(Str::LoadRunReopenKilled, {grouped(reopenKilled)}, lang);
    const std::string separator = tr(Str::LoadRunSeparator, lang);
    std::string line = fillSlots(tr(Str::LoadRunReopened, lang), {seconds(v.openMs)});
    if (v.snapshotUsed) {
        line += separator + fillSlots(tr(Str::LoadRunSnapshotUsed, lang), {grouped(v.replayed)});
    }
    line += separator;
    line += v.tailCut ? fillSlots(tr(Str::LoadRunTailCut, lang),
                                  {grouped(v.droppedBytes), grouped(v.droppedRecords)})
                      : std::string(tr(Str::LoadRunTailClean, lang));
    std::cout << line << '\n';
    line = "  ";
    if (v.lost > 0) {
        line += fillSlots(tr(Str::LoadRunLost, lang), {grouped(v.lost)});
    } else if (v.chainOk == 0) {
        line += tr(Str::LoadRunChainMismatch, lang);
    } else {
        line += fillSlots(tr(Str::LoadRunAckedPresent, lang), {grouped(v.acked)});
    }
    if (v.inflight > 0) {
        line += separator + fillSlots(tr(Str::LoadRunInflight, lang), {grouped(v.inflight)});
    }
    if (v.stateOk == 1) line += separator + tr(Str::LoadRunStateEqual, lang);
    if (v.stateOk == 0) line += separator + tr(Str::LoadRunStateMismatch, lang);
    std::cout << line << '\n';
    if (v.checked) {
        std::cout << "  "
                  << (v.checkOk ? fillSlots(tr(Str::LoadRunChecked, lang),
                                            {grouped(v.records), seconds(v.checkMs)})
                                : std::string(tr(Str::LoadRunCheckFailed, lang)))
                  << '\n';
    }
    std::cout.flush();
}

void printSummary(const Tally& t, const Plan& plan, const std::string& dir, Lang lang) {
    const Str verdict = t.interrupted ? Str::LoadRunInterrupted
                        : t.clean()   ? Str::LoadRunDone
                                      : Str::LoadRunFailed;
    std::cout << tr(verdict, lang) << '\n';
    const std::uint64_t totalMs = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t.start).count());
    std::uint64_t fillMs = 0, completed = 0, maxRss = 0, maxPeak = 0;
    const CycleFigures* first = nullptr;
    const CycleFigures* last = nullptr;
    for (const CycleFigures& c : t.cycles) {
        if (c.cycle == 0) {
            fillMs = c.ms;
            maxPeak = std::max(maxPeak, c.peakKb);
            continue;
        }
        ++completed;
        if (!first) first = &c;
        last = &c;
        maxRss = std::max(maxRss, c.rssKb);
        maxPeak = std::max(maxPeak, c.peakKb);
    }
    say(Str::LoadRunDuration, {seconds(totalMs), seconds(fillMs)}, lang);
    say(Str::LoadRunCounts,
        {grouped(completed), grouped(plan.cycles), grouped(t.kills), grouped(t.reopenKills),
         grouped(t.workerStarts)},
        lang);
    say(Str::LoadRunWork,
        {grouped(t.matchRuns), grouped(t.imports), grouped(t.householdsImported),
         grouped(t.offersImported), grouped(t.approvals),
         grouped(t.lastSequence - std::min(t.lastSequence, t.firstSequence)), grouped(t.acks)},
        lang);
    if (first && last) {
        say(Str::LoadRunMemory,
            {mib(first->rssKb), mib(last->rssKb), mib(maxRss), ratio(last->rssKb, first->rssKb),
             mib(maxPeak), mib(t.verifierPeakKb)},
            lang);
        const auto [from, to] = longestStretch(t.cycles);
        if (from && to && to > from) {
            say(Str::LoadRunStretch,
                {grouped(from->cycle), grouped(to->cycle), mib(from->rssKb), mib(to->rssKb),
                 grouped(from->allocations), grouped(to->allocations)},
                lang);
            // Its first cycle warms the heap up (the first match and snapshot of a fresh
            // process); what comes after is where a leak would show.
            const CycleFigures* warm = from + 1;
            say(Str::LoadRunWarm,
                {grouped(warm->cycle), grouped(to->cycle), mib(warm->rssKb), mib(to->rssKb),
                 ratio(to->rssKb, warm->rssKb), grouped(warm->allocations),
                 grouped(to->allocations), ratio(to->allocations, warm->allocations)},
                lang);
        }
        say(Str::LoadRunData,
            {grouped(last->households), grouped(last->needs), grouped(last->offers),
             grouped(last->allocations), grouped(last->withdrawn), grouped(first->allocations)},
            lang);
    }
    if (!t.cycles.empty()) {
        const CycleFigures& c = t.cycles.back();
        say(Str::LoadRunFiles,
            {mb(c.journalBytes), mb(c.snapshotBytes), grouped(t.tailCuts), grouped(t.droppedBytes)},
            lang);
    }
    say(Str::LoadRunLosses,
        {grouped(t.losses), grouped(t.chainMismatches), grouped(t.stateMismatches),
         grouped(t.fullChecksFailed), grouped(t.fullChecks)},
        lang);
    say(Str::LoadRunRefused, {grouped(t.refused), grouped(t.rejectedRows)}, lang);
    if (!t.failure.empty()) say(Str::LoadRunWhy, {t.failure}, lang);
    say(Str::LoadRunStore, {dir}, lang);
    std::cout.flush();
}

} // namespace nuanxin::cli::load
