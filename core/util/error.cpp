#include "core/util/error.h"

namespace nuanxin {

std::string FieldError::describe(Lang lang) const {
    std::string out = field;
    if (!out.empty()) out += ": ";
    out += tr(reason, lang);
    if (!detail.empty()) {
        out += " (";
        out += detail;
        out += ')';
    }
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
