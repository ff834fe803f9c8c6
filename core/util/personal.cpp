#include "core/util/personal.h"

#include <vector>

namespace nuanxin {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (!isDigit(c)) return false;
    }
    return !text.empty();
}

bool isContinuation(unsigned char c) { return c >= 0x80 && c <= 0xBF; }

// Byte length of the well-formed UTF-8 character starting at `i`, or 1 for a byte that does not
// start one (so that garbage still advances and counts as one character).
std::size_t charLength(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        if (lead == 0xE0) lo = 0xA0; // overlong
        if (lead == 0xED) hi = 0x9F; // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        if (lead == 0xF0) lo = 0x90; // overlong
        if (lead == 0xF4) hi = 0x8F; // beyond U+10FFFF
    } else {
        return 1;
    }
    if (i + n > text.size()) return 1;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < lo || second > hi) return 1;
    for (std::size_t k = 2; k < n; ++k) {
        if (!isContinuation(static_cast<unsigned char>(text[i + k]))) return 1;
    }
    return n;
}

// Byte offsets where each character starts, plus text.size() at the end.
std::vector<std::size_t> charStarts(std::string_view text) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); i += charLength(text, i)) starts.push_back(i);
    starts.push_back(text.size());
    return starts;
}

bool isMobile(std::string_view p) {
    return p.size() == 11 && allDigits(p) && p[0] == '1' && p[1] >= '3' && p[1] <= '9';
}

// Area code length of a landline written without '-': "010" and "02x" are the only 3-character
// codes (Beijing, and the big cities of the 2 zone); all others have 4.
std::size_t areaCodeLength(std::string_view p) {
    return (p.size() > 1 && (p[1] == '1' || p[1] == '2')) ? 3 : 4;
}

bool isLandline(std::string_view p) {
    if (p.size() < 2 || p[0] != '0' || p[1] == '0') return false; // "00" is the international prefix
    const auto dash = p.find('-');
    std::string_view area, local;
    if (dash == std::string_view::npos) {
        if (!allDigits(p)) return false;
        area = p.substr(0, areaCodeLength(p));
        local = p.substr(area.size());
    } else {
        area = p.substr(0, dash);
        local = p.substr(dash + 1);
        if (!allDigits(area) || !allDigits(local)) return false;
        if (area.size() < 3 || area.size() > 4) return false; // "0" + 2..3 digits
    }
    // Local numbers never start with 0 (trunk prefix) or 1 (service numbers).
    return local.size() >= 7 && local.size() <= 8 && local[0] != '0' && local[0] != '1';
}

// Compound family names (复姓) for which maskName keeps both characters. Left out on purpose:
// those whose first character is also a common single family name (夏侯, 钟离, 单于), where
// keeping two characters could reveal part of the given name of, say, a 钟 family member.
constexpr std::string_view kCompoundSurnames[] = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "尉迟",
    "公孙", "长孙", "宇文", "轩辕", "端木", "南宫", "独孤", "西门", "呼延", "澹台",
    "闻人", "赫连", "太史", "拓跋", "完颜",
};

} // namespace

std::size_t utf8Length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); i += charLength(text, i)) ++count;
    return count;
}

std::string maskMiddle(std::string_view text, std::size_t front, std::size_t back) {
    const auto starts = charStarts(text);
    const std::size_t n = starts.size() - 1;
    if (n == 0) return {};
    if (front + back >= n) {
        front = front < n / 4 ? front : n / 4;
        back = back < n / 4 ? back : n / 4;
    }
    std::string out(text.substr(0, starts[front]));
    out.append(n - front - back, '*');
    out += text.substr(starts[n - back]);
    return out;
}

bool isValidPhone(std::string_view phone) { return isMobile(phone) || isLandline(phone); }

std::string maskPhone(std::string_view phone) {
    if (isMobile(phone)) return maskMiddle(phone, 3, 4);
    if (isLandline(phone)) {
        const auto dash = phone.find('-');
        const std::size_t area = dash == std::string_view::npos ? areaCodeLength(phone) : dash + 1;
        return std::string(phone.substr(0, area)) +
               maskMiddle(phone.substr(area), 0, 2);
    }
    // Not a phone number we know: it may still be one with a typo, so hide all but two.
    return maskMiddle(phone, 0, 2);
}

std::string maskAddress(std::string_view address, std::size_t keep) {
    const auto starts = charStarts(address);
    const std::size_t n = starts.size() - 1;
    if (n == 0) return {};
    // A short address could be mostly house number: keep at most half of it.
    if (keep > n / 2) keep = n / 2;
    return std::string(address.substr(0, starts[keep])) + "***";
}

std::string maskName(std::string_view name) {
    const auto starts = charStarts(name);
    const std::size_t n = starts.size() - 1;
    if (n == 0) return {};
    if (n == 1) return "*"; // the name is its own family name: hide it
    std::size_t keep = 1;
    for (std::string_view surname : kCompoundSurnames) {
        if (n > 2 && name.substr(0, surname.size()) == surname) keep = 2;
    }
    return std::string(name.substr(0, starts[keep])) + std::string(n - keep, '*');
}

} // namespace nuanxin
