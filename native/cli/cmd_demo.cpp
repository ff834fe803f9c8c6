// nuanxin demo --households N --seed S --out FILE
#include <csignal>
#include <fstream>
#include <iostream>

#include "core/demo/generator.h"
#include "core/serial/archive.h"
#include "native/cli/cli.h"

namespace nuanxin::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int) {
    g_interrupted = 1;
}

/// Size of the written file, for the report line (0 when it cannot be read back).
std::uint64_t fileSize(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    return in ? static_cast<std::uint64_t>(in.tellg()) : 0;
}

} // namespace

int runDemo(Args& args) {
    const Lang lang = args.lang();
    DemoOptions options;
    std::uint64_t households = options.households;
    if (auto v = args.option("--households")) households = parseCount("--households", *v);
    if (auto v = args.option("--seed")) options.seed = parseCount("--seed", *v, true);
    const auto out = args.option("--out");
    if (!out) throw UsageError{Str::CliMissingArgument, "--out FILE"};
    args.finish();
    // A bound that also keeps the count inside a 32-bit size_t (the Emscripten build).
    if (households > 1000000) throw UsageError{Str::CliBadNumber, "--households <= 1000000"};
    options.households = static_cast<std::size_t>(households);

    // Generation is one call; a Ctrl-C during it is honoured before anything is written, so an
    // interrupted run never leaves a file behind (saveDatasetFile renames only complete files).
    std::signal(SIGINT, onInterrupt);
    std::cerr << tr(Str::CliDemoProgress, lang) << ": " << options.households << " / seed "
              << options.seed << " ..." << std::endl;
    const Dataset data = generateDemo(options, DivisionRegistry::builtIn());
    if (g_interrupted) {
        std::cerr << tr(Str::CliInterrupted, lang) << '\n';
        return kInterrupted;
    }
    std::string error;
    if (!saveDatasetFile(data, *out, &error)) {
        std::cerr << "nuanxin: " << error << '\n';
        return kFailed;
    }
    std::size_t members = 0;
    for (const auto& h : data.households) members += h.members.size();
    const bool json = formatForPath(*out) == Format::Json;
    std::cout << tr(Str::CliDemoWrote, lang) << ' ' << *out << " ("
              << tr(json ? Str::CliFormatJson : Str::CliFormatBinary, lang) << ", "
              << fileSize(*out) << " bytes): " << tr(Str::Households, lang) << ' '
              << data.households.size() << ", " << tr(Str::Members, lang) << ' ' << members << ", "
              << tr(Str::Needs, lang) << ' ' << data.needs.size() << ", " << tr(Str::Donors, lang)
              << ' ' << data.donors.size() << ", " << tr(Str::Offers, lang) << ' '
              << data.offers.size() << ", " << tr(Str::Volunteers, lang) << ' '
              << data.volunteers.size() << '\n';
    return kOk;
}

} // namespace nuanxin::cli
