#pragma once
// Fixtures shared by the store, journal, import, export and duplicates suites: made-up people
// with ID numbers whose check character is computed here, independently of core/id, and fresh
// scratch folders.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/model/types.h"

#include "test_paths.h"

namespace nuanxin::test {

/// A whole file's bytes ("" when it cannot be read).
inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Replaces a file's bytes (to damage journals and snapshots on purpose).
inline void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

/// GB 11643 check character, written out from the standard (weights 2^(17-i) mod 11).
inline char checkChar(const std::string& first17) {
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char map[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * weights[i];
    return map[sum % 11];
}

/// An ID number for a county, a birth date "YYYYMMDD" and a 3-digit sequence (odd = male).
inline std::string idNumber(const std::string& county, const std::string& birth, int sequence) {
    std::string seq = std::to_string(sequence);
    while (seq.size() < 3) seq.insert(0, "0");
    const std::string first17 = county + birth + seq;
    return first17 + checkChar(first17);
}

/// A valid one- or two-person household of 锦江区 (510104), distinct per `n` (1..999).
inline Household household(HouseholdId id, int n, const std::string& org = "示例慈善会") {
    Household h;
    h.id = id;
    h.divisionCode = "510104";
    h.address = "四川省成都市锦江区某某街道" + std::to_string(n) + "号";
    h.phone = "139" + std::to_string(10000000 + n);
    h.categories = {Category::Dibao};
    h.consentToShare = true;
    h.registered = Date{2024, 10, 8};
    h.registeredBy = org;
    Member m;
    m.name = "王秀兰";
    m.idNumber = idNumber("510104", "19600101", 2 * n); // even: female
    m.birth = Date{1960, 1, 1};
    m.sex = Sex::Female;
    h.members.push_back(m);
    return h;
}

/// 2024-11-15 12:00 UTC, the "now" of these suites.
constexpr std::int64_t kNow = 1731672000;

/// An empty scratch folder under the build tree's work folder.
inline std::string freshDir(const std::string& name) {
    const std::string dir = workDir() + "/store-suites/" + name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace nuanxin::test
