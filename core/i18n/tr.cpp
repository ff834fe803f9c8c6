#include "core/i18n/tr.h"

#include <cstddef>

namespace nuanxin {
namespace {

struct Entry {
    const char* key;
    const char* zh;
    const char* en;
};

constexpr Entry kEntries[] = {
#define NX_STR(key, zh, en) {#key, zh, en},
#include "core/i18n/strings.inc"
#undef NX_STR
};
static_assert(sizeof(kEntries) / sizeof(kEntries[0]) == static_cast<std::size_t>(Str::Count_),
              "one entry per key");

} // namespace

const char* tr(Str key, Lang lang) {
    const auto i = static_cast<std::size_t>(key);
    if (i >= static_cast<std::size_t>(Str::Count_)) return "?";
    return lang == Lang::Zh ? kEntries[i].zh : kEntries[i].en;
}

const char* keyName(Str key) {
    const auto i = static_cast<std::size_t>(key);
    return i < static_cast<std::size_t>(Str::Count_) ? kEntries[i].key : "?";
}

std::optional<Str> keyFromName(std::string_view name) {
    for (std::size_t i = 0; i < static_cast<std::size_t>(Str::Count_); ++i) {
        if (name == kEntries[i].key) return static_cast<Str>(i);
    }
    return std::nullopt;
}

std::optional<Lang> parseLang(std::string_view code) {
    if (code == "zh" || code == "zh_CN" || code == "zh-CN") return Lang::Zh;
    if (code == "en") return Lang::En;
    return std::nullopt;
}

std::string fillSlots(std::string_view text, const std::vector<std::string>& values) {
    std::string out;
    std::size_t next = 0;
    while (!text.empty()) {
        const auto slot = text.find("{}");
        out += text.substr(0, slot);
        if (slot == std::string_view::npos) break;
        if (next < values.size()) out += values[next];
        ++next;
        text.remove_prefix(slot + 2);
    }
    return out;
}

} // namespace nuanxin
