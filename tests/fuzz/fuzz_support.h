#pragma once
// Helpers of the fuzz targets: a check that stops the run with a message (libFuzzer keeps the
// input that triggered it), and the fixed "now" the targets validate against.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/store/command.h"
#include "core/store/journal.h"

namespace nuanxin::fuzz {

/// 2024-11-15 12:00 UTC: a fixed "today", so a run is the same whenever it is repeated.
constexpr Timestamp kNow = 1731672000;

/// A property every input must keep; a failure is a finding, reported like a crash.
inline void require(bool ok, const char* what, const std::string& detail = {}) {
    if (ok) return;
    std::fprintf(stderr, "fuzz property broken: %s %s\n", what, detail.c_str());
    std::abort();
}

inline std::string_view bytesOf(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// A complete encoding of a store's state (equal bytes: equal states, every field included).
inline std::string fingerprint(const StoreData& data) {
    return encodeSnapshot(data, 0);
}

} // namespace nuanxin::fuzz
