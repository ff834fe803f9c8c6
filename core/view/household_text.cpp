#include "core/view/household_text.h"

#include <cstdio>

#include "core/util/error.h"

namespace nuanxin {
namespace {

/// Chinese lists take the enumeration comma, English ones a comma and a space.
const char* listSeparator(Lang lang) { return lang == Lang::Zh ? "\xE3\x80\x81" : ", "; }

} // namespace

Str shortLabel(Category category) {
    switch (category) {
    case Category::Dibao: return Str::UiHhCatShortDibao;
    case Category::Tekun: return Str::UiHhCatShortTekun;
    case Category::DibaoEdge: return Str::UiHhCatShortDibaoEdge;
    case Category::Monitored: return Str::UiHhCatShortMonitored;
    case Category::RigidExpense: return Str::UiHhCatShortRigidExpense;
    case Category::OtherLowIncome: return Str::UiHhCatShortOtherLowIncome;
    case Category::Homeless: return Str::UiHhCatShortHomeless;
    case Category::DisasterStranded:
    case Category::Count_: break;
    }
    return Str::UiHhCatShortDisasterStranded;
}

std::string categoryList(CategorySet categories, Lang lang, bool shortLabels) {
    std::string out;
    for (Category c : allOf<Category>()) {
        if (!categories.has(c)) continue;
        if (!out.empty()) out += listSeparator(lang);
        out += tr(shortLabels ? shortLabel(c) : label(c), lang);
    }
    return out;
}

std::string attributeList(AttributeSet attributes, Lang lang) {
    std::string out;
    for (Attribute a : allOf<Attribute>()) {
        if (!attributes.has(a)) continue;
        if (!out.empty()) out += listSeparator(lang);
        out += tr(label(a), lang);
    }
    return out;
}

std::string reasonText(const Reason& reason, Lang lang) {
    // The same wording rule as a refusal's (FieldError::describe), without field or value.
    return FieldError{{}, {}, reason.code, reason.detail}.describe(lang);
}

std::string timeText(Timestamp when) {
    const std::int64_t day = when >= 0 ? when / 86400 : (when - 86399) / 86400;
    const std::int64_t second = when - day * 86400;
    char clock[16];
    std::snprintf(clock, sizeof clock, " %02d:%02d", static_cast<int>(second / 3600),
                  static_cast<int>(second % 3600 / 60));
    return Date::fromDays(day).iso() + clock;
}

std::string groupedNumber(std::int64_t value) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::string trFill(Str key, Lang lang, std::string_view value) {
    return fillSlots(tr(key, lang), {std::string(value)});
}

} // namespace nuanxin
