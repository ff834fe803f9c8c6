#include "core/view/household_search.h"

namespace nuanxin {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

std::string_view trimAscii(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

std::string withoutSpaces(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '\t') out += c;
    }
    return out;
}

std::optional<std::uint64_t> digitsValue(std::string_view text) {
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : text) {
        if (!isDigit(c)) return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return v;
}

SearchTerm SearchTerm::parse(std::string_view text) {
    SearchTerm term;
    text = trimAscii(text);
    if (text.empty()) return term;
    term.any = false;
    term.id = digitsValue(text);
    const bool suffixX = text.size() == 4 && isDigit(text[0]) && isDigit(text[1]) &&
                         isDigit(text[2]) && (text[3] == 'x' || text[3] == 'X');
    if ((term.id && text.size() == 4) || suffixX) {
        term.idSuffix = std::string(text);
        if (term.idSuffix[3] == 'x') term.idSuffix[3] = 'X';
    }
    if (!term.id && term.idSuffix.empty()) term.text = std::string(text);
    return term;
}

bool SearchTerm::matchesIdNumber(std::string_view idNumber) const {
    if (idSuffix.empty() || idNumber.size() < idSuffix.size()) return false;
    const std::string_view end = idNumber.substr(idNumber.size() - idSuffix.size());
    for (std::size_t i = 0; i < end.size(); ++i) {
        const char c = end[i] == 'x' ? 'X' : end[i];
        if (c != idSuffix[i]) return false;
    }
    return true;
}

} // namespace nuanxin
