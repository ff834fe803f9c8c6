#include "core/util/error.h"

namespace nuanxin {

std::string FieldError::describe(Lang lang) const {
    std::string out = field;
    if (!out.empty()) out += ": ";
    // A text with "{}" takes the detail in its own word order (Chinese and English differ);
    // otherwise the detail follows in brackets.
    std::string text = tr(reason, lang);
    if (const auto slot = text.find("{}"); slot != std::string::npos) {
        text.replace(slot, 2, detail);
    } else if (!detail.empty()) {
        text += " (" + detail + ')';
    }
    out += text;
    if (!value.empty()) {
        out += " [";
        out += value;
        out += ']';
    }
    return out;
}

void prefixFields(FieldErrors& errors, const std::string& prefix) {
    for (FieldError& e : errors) {
        // A record-level error (no field) gets the record's path without a dangling dot.
        if (e.field.empty() && !prefix.empty() && prefix.back() == '.') {
            e.field = prefix.substr(0, prefix.size() - 1);
        } else {
            e.field.insert(0, prefix);
        }
    }
}

} // namespace nuanxin
