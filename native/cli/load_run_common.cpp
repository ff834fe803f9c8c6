// What the three roles of the load run share: the plan's options, messages, memory figures.
#include <cstdio>
#include <fstream>
#include <unistd.h>

#include "native/cli/load_run.h"

namespace nuanxin::cli::load {
namespace {

/// The plan's options, with the member each one sets.
struct PlanOption {
    const char* name;
    std::uint64_t Plan::*field;
    bool allowZero;
};
constexpr PlanOption kPlanOptions[] = {
    {"--households", &Plan::households, false},
    {"--offers", &Plan::offers, false},
    {"--cycles", &Plan::cycles, false},
    {"--seed", &Plan::seed, true},
    {"--batch", &Plan::batch, true},
    {"--fill-batch", &Plan::fillBatch, false},
    {"--offers-per-cycle", &Plan::offersPerCycle, true},
    {"--threads", &Plan::threads, true},
    {"--snapshot-every", &Plan::snapshotEvery, false},
};

} // namespace

std::uint64_t parseHex(const std::string& option, const std::string& text) {
    if (text.empty() || text.size() > 16) throw UsageError{Str::CliBadNumber, option + " " + text};
    std::uint64_t v = 0;
    for (char c : text) {
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) throw UsageError{Str::CliBadNumber, option + " " + text};
        v = v * 16 + static_cast<std::uint64_t>(digit);
    }
    return v;
}

void Plan::read(Args& args) {
    for (const PlanOption& o : kPlanOptions) {
        if (auto v = args.option(o.name)) this->*o.field = parseCount(o.name, *v, o.allowZero);
    }
}

std::vector<std::string> Plan::options() const {
    std::vector<std::string> out;
    for (const PlanOption& o : kPlanOptions) {
        out.emplace_back(o.name);
        out.push_back(std::to_string(this->*o.field));
    }
    return out;
}

std::uint64_t Plan::perCycleOffers() const {
    if (offersPerCycle > 0) return offersPerCycle;
    return offers / 100 > 0 ? offers / 100 : 1;
}

std::uint64_t Plan::totalOffers() const {
    return offers + cycles * perCycleOffers();
}

Message& Message::add(std::uint64_t value) {
    m_line += ' ';
    m_line += std::to_string(value);
    return *this;
}

Message& Message::add(const std::string& value) {
    m_line += ' ';
    m_line += value.empty() ? "-" : value;
    return *this;
}

Message& Message::hex(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%llx", static_cast<unsigned long long>(value));
    return add(std::string(text));
}

void Message::send() const {
    const std::string line = m_line + '\n';
    // Lines are far shorter than PIPE_BUF: one write puts a whole line in the pipe or none.
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, line.data() + done, line.size() - done);
        if (n <= 0) return; // the parent is gone; the next kill or exit ends this process
        done += static_cast<std::size_t>(n);
    }
}

std::uint64_t millisSince(Clock::time_point start) {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

Memory memoryNow() {
    Memory m;
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") status >> m.rssKb;
        if (key == "VmHWM:") status >> m.peakKb;
        status.ignore(256, '\n');
    }
    return m;
}

Timestamp cycleTime(std::uint64_t cycle) {
    // 2026-12-01 08:00 UTC: the offers' windows open that day and the demo households were
    // registered before it.
    const Timestamp start = Date{2026, 12, 1}.daysSinceEpoch() * 86400 + 8 * 3600;
    return start + static_cast<Timestamp>(cycle) * 3600;
}

JournalPoint readPoint(Args& args) {
    JournalPoint p;
    if (auto v = args.option("--chain-sequence"))
        p.sequence = parseCount("--chain-sequence", *v, true);
    if (auto v = args.option("--chain-offset")) p.offset = parseCount("--chain-offset", *v, true);
    if (auto v = args.option("--chain"))
        p.chain = static_cast<std::uint32_t>(parseHex("--chain", *v));
    if (auto v = args.option("--chain-when"))
        p.when = static_cast<Timestamp>(parseCount("--chain-when", *v, true));
    return p;
}

std::vector<std::string> pointOptions(const JournalPoint& point) {
    char chain[9];
    std::snprintf(chain, sizeof chain, "%x", point.chain);
    return {"--chain-sequence", std::to_string(point.sequence),
            "--chain-offset",   std::to_string(point.offset),
            "--chain",          chain,
            "--chain-when",     std::to_string(point.when)};
}

} // namespace nuanxin::cli::load
