#include "core/io/csv_write.h"

namespace nuanxin {

std::string csvCell(std::string_view v) {
    std::string out = "\"";
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) out += '\'';
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csvLine(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += csvCell(cells[i]);
    }
    out += "\r\n";
    return out;
}

} // namespace nuanxin
