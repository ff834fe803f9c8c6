#include "core/geo/divisions.h"

#include <algorithm>
#include <initializer_list>

#include "core/util/csv.h"

namespace nuanxin::embedded {
extern const char kProvincesCsv[];
extern const unsigned long kProvincesCsv_size;
extern const char kCitiesCsv[];
extern const unsigned long kCitiesCsv_size;
extern const char kAreasCsv[];
extern const unsigned long kAreasCsv_size;
} // namespace nuanxin::embedded

namespace nuanxin {
namespace {

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return !text.empty();
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

// NBS-only county-level zones (开发区, 新区, ...): 5th-6th digits 71..79.
bool isStatisticalOnly(std::string_view countyCode) {
    return countyCode.size() == 6 && countyCode[4] == '7' && countyCode[5] >= '1' &&
           countyCode[5] <= '9';
}

// Names of city-level rows that only group counties (Beijing's 市辖区, Chongqing's 县, the
// provinces' directly administered counties): left out of full names, as on official forms.
bool isGroupingName(std::string_view name) {
    return name == "市辖区" || name == "县" || name == "省直辖县级行政区划" ||
           name == "自治区直辖县级行政区划";
}

/// One data row of a division file: its line and the wanted columns' values, in order.
struct Record {
    std::size_t line = 0;
    std::vector<std::string> values;
};

FieldError fileError(std::string_view file, std::size_t line, std::string_view column, Str reason,
                     std::string value = {}, std::string detail = {}) {
    FieldError e;
    e.field = std::string(file) + ':' + std::to_string(line) + ':' + std::string(column);
    e.value = std::move(value);
    e.reason = reason;
    e.detail = std::move(detail);
    return e;
}

// Reads `text`, finds `columns` by header name (so extra or reordered columns do no harm) and
// returns the rows; problems go to `errors`.
std::vector<Record> readTable(std::string_view text, std::string_view file,
                              std::initializer_list<std::string_view> columns,
                              FieldErrors& errors) {
    std::vector<Record> out;
    const std::size_t errorsBefore = errors.size();
    CsvReader reader(text);
    CsvRow header;
    if (!reader.next(header)) {
        if (reader.error()) {
            errors.push_back(reader.error()->toFieldError(file));
        } else {
            errors.push_back(fileError(file, 1, *columns.begin(), Str::ErrCsvMissingColumn));
        }
        return out;
    }
    std::vector<std::size_t> index;
    for (std::string_view column : columns) {
        const auto i = csvColumn(header, column);
        if (!i) errors.push_back(fileError(file, header.line, column, Str::ErrCsvMissingColumn));
        index.push_back(i.value_or(0));
    }
    if (errors.size() > errorsBefore) return out;

    CsvRow row;
    while (reader.next(row)) {
        if (row.fields.size() != header.fields.size()) {
            errors.push_back(fileError(file, row.line, "", Str::ErrCsvFieldCount, {},
                                       "expected " + std::to_string(header.fields.size()) +
                                           ", got " + std::to_string(row.fields.size())));
            continue;
        }
        Record r;
        r.line = row.line;
        for (std::size_t i : index) r.values.push_back(row.fields[i]);
        out.push_back(std::move(r));
    }
    if (reader.error()) errors.push_back(reader.error()->toFieldError(file));
    return out;
}

bool checkCode(const Record& r, std::string_view file, std::size_t digits, FieldErrors& errors) {
    const std::string& code = r.values[0];
    if (code.size() == digits && allDigits(code)) return true;
    errors.push_back(fileError(file, r.line, "code", Str::ErrCodeFormat, code,
                               "expected " + std::to_string(digits) + " digits"));
    return false;
}

// The parent column must be the code's own prefix: the hierarchy is read from the codes, so a
// row whose parent disagrees is a damaged file, not another way to say the same thing.
bool checkParent(const Record& r, std::size_t column, std::string_view name, std::string_view file,
                 FieldErrors& errors) {
    const std::string& parent = r.values[column];
    if (startsWith(r.values[0], parent) && parent.size() + 2 <= r.values[0].size()) return true;
    errors.push_back(fileError(file, r.line, name, Str::ErrParentMismatch, parent,
                               "code " + r.values[0]));
    return false;
}

} // namespace

Result<DivisionRegistry> DivisionRegistry::fromCsv(std::string_view provincesCsv,
                                                   std::string_view citiesCsv,
                                                   std::string_view areasCsv) {
    DivisionRegistry reg;
    FieldErrors errors;
    constexpr std::string_view kProvinces = "provinces.csv", kCities = "cities.csv",
                               kAreas = "areas.csv";

    auto add = [&](const Record& r, std::string_view file, DivisionLevel level) {
        const std::string& code = r.values[0];
        if (r.values[1].empty()) {
            errors.push_back(fileError(file, r.line, "name", Str::ErrRequired, code));
            return;
        }
        if (reg.m_index.count(code) != 0) {
            errors.push_back(fileError(file, r.line, "code", Str::ErrDuplicateCode, code));
            return;
        }
        reg.m_index.emplace(code, reg.m_all.size());
        reg.m_all.push_back(Division{code, r.values[1], level,
                                     level == DivisionLevel::County && isStatisticalOnly(code)});
    };
    auto known = [&](const std::string& code) { return reg.m_index.count(code) != 0; };

    for (const Record& r : readTable(provincesCsv, kProvinces, {"code", "name"}, errors)) {
        if (checkCode(r, kProvinces, 2, errors)) add(r, kProvinces, DivisionLevel::Province);
    }
    for (const Record& r :
         readTable(citiesCsv, kCities, {"code", "name", "provinceCode"}, errors)) {
        if (!checkCode(r, kCities, 4, errors) ||
            !checkParent(r, 2, "provinceCode", kCities, errors)) {
            continue;
        }
        if (!known(r.values[2])) {
            errors.push_back(fileError(kCities, r.line, "provinceCode", Str::ErrDivisionUnknown,
                                       r.values[2]));
            continue;
        }
        add(r, kCities, DivisionLevel::City);
    }
    for (const Record& r :
         readTable(areasCsv, kAreas, {"code", "name", "cityCode", "provinceCode"}, errors)) {
        if (!checkCode(r, kAreas, 6, errors) || !checkParent(r, 2, "cityCode", kAreas, errors) ||
            !checkParent(r, 3, "provinceCode", kAreas, errors)) {
            continue;
        }
        if (!known(r.values[2])) {
            errors.push_back(
                fileError(kAreas, r.line, "cityCode", Str::ErrDivisionUnknown, r.values[2]));
            continue;
        }
        // Cities without counties (东莞 4419, 中山 4420, 儋州 4604) appear once more as a
        // "county" whose code is the city's padded form (441900). GB/T 2260 knows that code as
        // the city itself, so the row is a placeholder: keeping it would make 441900 mean two
        // divisions and give those cities a fake county.
        if (r.values[0] == r.values[2] + "00") continue;
        add(r, kAreas, DivisionLevel::County);
    }
    if (!errors.empty()) return errors;

    std::sort(reg.m_all.begin(), reg.m_all.end(),
              [](const Division& a, const Division& b) { return a.code < b.code; });
    for (std::size_t i = 0; i < reg.m_all.size(); ++i) reg.m_index[reg.m_all[i].code] = i;
    return reg;
}

const DivisionRegistry& DivisionRegistry::builtIn() {
    // Parsed once, on first use (thread-safe since C++11). The embedded files are checked by the
    // test suite; should they ever fail to parse the registry stays empty and every code is
    // refused, which validation reports field by field instead of crashing the app.
    static const DivisionRegistry registry = [] {
        namespace e = nuanxin::embedded;
        auto parsed = fromCsv(std::string_view(e::kProvincesCsv, e::kProvincesCsv_size),
                              std::string_view(e::kCitiesCsv, e::kCitiesCsv_size),
                              std::string_view(e::kAreasCsv, e::kAreasCsv_size));
        return parsed.ok() ? std::move(parsed.value()) : DivisionRegistry{};
    }();
    return registry;
}

std::string DivisionRegistry::normalize(std::string_view code) {
    if (!allDigits(code)) return std::string(code);
    if (code.size() == 6 && code.substr(2) == "0000") return std::string(code.substr(0, 2));
    if (code.size() == 6 && code.substr(4) == "00") return std::string(code.substr(0, 4));
    if (code.size() == 4 && code.substr(2) == "00") return std::string(code.substr(0, 2));
    return std::string(code);
}

const Division* DivisionRegistry::find(std::string_view code) const {
    const auto it = m_index.find(normalize(code));
    return it == m_index.end() ? nullptr : &m_all[it->second];
}

std::vector<const Division*> DivisionRegistry::chain(std::string_view code) const {
    const std::string c = normalize(code);
    std::vector<const Division*> out;
    if (!allDigits(c)) return out;
    for (std::size_t len = 2; len <= c.size() && len <= 6; len += 2) {
        if (const Division* d = find(std::string_view(c).substr(0, len))) out.push_back(d);
    }
    return out;
}

std::string DivisionRegistry::fullName(std::string_view code) const {
    std::string out;
    for (const Division* d : chain(code)) {
        if (d->level == DivisionLevel::City && isGroupingName(d->name)) continue;
        out += d->name;
    }
    return out;
}

bool DivisionRegistry::isInside(std::string_view code, std::string_view area) {
    const std::string c = normalize(code), a = normalize(area);
    const auto wellFormed = [](const std::string& s) {
        return allDigits(s) && (s.size() == 2 || s.size() == 4 || s.size() == 6);
    };
    return wellFormed(c) && wellFormed(a) && startsWith(c, a);
}

std::vector<const Division*> DivisionRegistry::children(std::string_view code) const {
    const std::string c = normalize(code);
    std::vector<const Division*> out;
    if (!allDigits(c) || (c.size() != 2 && c.size() != 4)) return out;
    // m_all is sorted by code, so everything under `c` follows it in one run.
    auto it = std::lower_bound(m_all.begin(), m_all.end(), c,
                               [](const Division& d, const std::string& k) { return d.code < k; });
    for (; it != m_all.end() && startsWith(it->code, c); ++it) {
        if (it->code.size() == c.size() + 2) out.push_back(&*it);
    }
    return out;
}

std::vector<const Division*> DivisionRegistry::counties(std::string_view area,
                                                        bool withStatisticalOnly) const {
    const std::string a = normalize(area);
    std::vector<const Division*> out;
    if (!allDigits(a) || find(a) == nullptr) return out;
    auto it = std::lower_bound(m_all.begin(), m_all.end(), a,
                               [](const Division& d, const std::string& k) { return d.code < k; });
    for (; it != m_all.end() && startsWith(it->code, a); ++it) {
        if (it->level != DivisionLevel::County) continue;
        if (it->statisticalOnly && !withStatisticalOnly) continue;
        out.push_back(&*it);
    }
    return out;
}

} // namespace nuanxin
