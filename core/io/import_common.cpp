// What the importers share: header mapping, rejects, cell parsers, committing in chunks.
#include <algorithm>
#include <cstring>

#include "core/id/resident_id.h"
#include "core/io/import_detail.h"
#include "core/util/personal.h"

namespace nuanxin {

namespace {

std::string trim(std::string_view s) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    // A full-width space (U+3000) is common around Chinese cells.
    while (s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
    while (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
    return std::string(s);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

struct Alias {
    const char* header;
    const char* field;
};

// Headers seen in office spreadsheets, and the English field names themselves.
constexpr Alias kHouseholdAliases[] = {
    {"户编号", "household"},
    {"家庭编号", "household"},
    {"户号", "household"},
    {"姓名", "name"},
    {"成员姓名", "name"},
    {"身份证号", "id_number"},
    {"身份证号码", "id_number"},
    {"公民身份号码", "id_number"},
    {"所属区划", "division"},
    {"区划代码", "division"},
    {"行政区划代码", "division"},
    {"division_code", "division"},
    {"类别", "category"},
    {"对象类别", "category"},
    {"categories", "category"},
    {"特殊情况", "attributes"},
    {"人员属性", "attributes"},
    {"需求", "need"},
    {"需求类别", "need"},
    {"kind", "need"},
    {"数量", "quantity"},
    {"需求数量", "quantity"},
    {"截止日期", "deadline"},
    {"紧急程度", "urgency"},
    {"备注", "note"},
    {"电话", "phone"},
    {"联系电话", "phone"},
    {"手机", "phone"},
    {"住址", "address"},
    {"家庭住址", "address"},
    {"地址", "address"},
    {"同意共享", "consent"},
    {"授权共享", "consent"},
};
constexpr Alias kOfferAliases[] = {
    {"名称", "title"},
    {"项目名称", "title"},
    {"捐赠方", "donor"},
    {"捐赠单位", "donor"},
    {"物资类别", "kind"},
    {"类别", "kind"},
    {"数量", "capacity"},
    {"总量", "capacity"},
    {"覆盖区划", "coverage"},
    {"区划", "coverage"},
    {"对象类别", "target_groups"},
    {"受助对象", "target_groups"},
    {"开始日期", "window_start"},
    {"结束日期", "window_end"},
    {"每户上限", "per_household_cap"},
    {"单价", "unit_value"},
    {"单价（元）", "unit_value"},
};
constexpr Alias kDonorAliases[] = {
    {"名称", "name"},         {"捐赠方", "name"}, {"类型", "type"},      {"所属区划", "division"},
    {"区划代码", "division"}, {"电话", "phone"},  {"联系电话", "phone"},
};

template <std::size_t N> void addAll(HeaderMap& map, const Alias (&aliases)[N]) {
    for (const Alias& a : aliases) map.set(a.header, a.field);
}

} // namespace

HeaderMap HeaderMap::defaults(ImportTarget target) {
    HeaderMap map;
    for (const std::string& f : fields(target)) map.set(f, f);
    if (target == ImportTarget::Households) addAll(map, kHouseholdAliases);
    if (target == ImportTarget::Offers) addAll(map, kOfferAliases);
    if (target == ImportTarget::Donors) addAll(map, kDonorAliases);
    return map;
}

void HeaderMap::set(const std::string& header, const std::string& field) {
    m_map[lower(trim(header))] = field;
}

std::optional<std::string> HeaderMap::field(std::string_view header) const {
    const auto it = m_map.find(lower(trim(header)));
    if (it == m_map.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> HeaderMap::fields(ImportTarget target) {
    switch (target) {
    case ImportTarget::Households:
        return {"name",       "id_number", "division", "household", "category",
                "attributes", "need",      "quantity", "deadline",  "urgency",
                "note",       "phone",     "address",  "consent"};
    case ImportTarget::Offers:
        return {"title",         "donor",        "kind",       "capacity",          "coverage",
                "target_groups", "window_start", "window_end", "per_household_cap", "unit_value"};
    case ImportTarget::Donors:
        return {"name", "type", "division", "phone"};
    }
    return {};
}

std::vector<std::string> HeaderMap::requiredFields(ImportTarget target) {
    switch (target) {
    case ImportTarget::Households:
        return {"name", "id_number", "division"};
    case ImportTarget::Offers:
        return {"title", "donor", "kind", "capacity", "coverage", "window_start", "window_end"};
    case ImportTarget::Donors:
        return {"name", "division"};
    }
    return {};
}

namespace io_detail {

std::optional<std::size_t> Columns::of(const std::string& field) const {
    const auto it = byField.find(field);
    if (it == byField.end()) return std::nullopt;
    return it->second;
}

std::string Columns::header(const std::string& field) const {
    const auto col = of(field);
    return col ? headers[*col] : field;
}

std::string Columns::cell(const CsvRow& row, const std::string& field) const {
    const auto col = of(field);
    if (!col || *col >= row.fields.size()) return {};
    return trim(row.fields[*col]);
}

Result<Columns> readColumns(CsvReader& reader, ImportTarget target, const ImportOptions& options,
                            std::string_view file) {
    CsvRow header;
    if (!reader.next(header)) {
        if (reader.error()) return reader.error()->toFieldError(file);
        return FieldError{std::string(file) + ":1", "", Str::IoEmptyFile, ""};
    }
    const HeaderMap map = options.headers ? *options.headers : HeaderMap::defaults(target);
    Columns cols;
    cols.file = std::string(file);
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        cols.headers.push_back(trim(header.fields[i]));
        if (auto f = map.field(header.fields[i])) cols.byField.emplace(*f, i); // first one wins
    }
    FieldErrors missing;
    for (const std::string& f : HeaderMap::requiredFields(target)) {
        if (!cols.of(f)) {
            missing.push_back(FieldError{std::string(file) + ":1", "", Str::IoMissingColumn, f});
        }
    }
    if (!missing.empty()) return missing;
    return cols;
}

void reject(ImportReport& report, std::size_t line, const Columns& cols, const std::string& field,
            std::string_view value, Str reason, std::string detail) {
    std::string shown;
    if (field == "id_number") {
        shown = maskIdNumber(value);
    } else if (field == "phone") {
        shown = maskPhone(value);
    } else if (field == "address") {
        shown = maskAddress(value);
    } else if (field == "name") {
        shown = maskName(value);
    } else {
        shown = std::string(value.substr(0, 60));
    }
    report.rejects.push_back(
        RejectedRow{line, cols.header(field), shown, reason, std::move(detail)});
}

std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < text.size();) {
        const std::string_view rest = text.substr(i);
        std::size_t sep = 0;
        if (rest[0] == ';' || rest[0] == '|' || rest[0] == ',')
            sep = 1;
        else if (rest.substr(0, 3) == "\xEF\xBC\x9B" || rest.substr(0, 3) == "\xE3\x80\x81")
            sep = 3; // ；、
        if (sep) {
            if (!trim(cur).empty()) out.push_back(trim(cur));
            cur.clear();
            i += sep;
        } else {
            cur += rest[0];
            ++i;
        }
    }
    if (!trim(cur).empty()) out.push_back(trim(cur));
    return out;
}

template <class E> std::optional<EnumSet<E>> parseSet(std::string_view text) {
    EnumSet<E> set;
    for (const std::string& item : splitList(text)) {
        const auto v = parseLabelled<E>(item);
        if (!v) return std::nullopt;
        set.set(*v);
    }
    return set;
}

std::optional<CategorySet> parseCategories(std::string_view text) {
    return parseSet<Category>(text);
}
std::optional<AttributeSet> parseAttributes(std::string_view text) {
    return parseSet<Attribute>(text);
}

std::optional<bool> parseYesNo(std::string_view text) {
    const std::string t = lower(text);
    if (t == "是" || t == "yes" || t == "y" || t == "1" || t == "true" || t == "同意") return true;
    if (t == "否" || t == "no" || t == "n" || t == "0" || t == "false" || t == "不同意")
        return false;
    return std::nullopt;
}

std::optional<std::int64_t> parseCount(std::string_view text) {
    if (text.empty() || text.size() > 15) return std::nullopt;
    std::int64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<std::int64_t> parseYuanToFen(std::string_view text) {
    const auto dot = text.find('.');
    const auto whole = parseCount(text.substr(0, dot));
    if (!whole) return std::nullopt;
    std::int64_t fen = *whole * 100;
    if (dot != std::string_view::npos) {
        const std::string_view frac = text.substr(dot + 1);
        if (frac.empty() || frac.size() > 2) return std::nullopt;
        const auto f = parseCount(frac);
        if (!f) return std::nullopt;
        fen += frac.size() == 1 ? *f * 10 : *f;
    }
    return fen;
}

std::size_t countLines(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

bool cancelled(const ImportOptions& options) {
    return options.cancel && options.cancel->load();
}

bool tick(const ImportOptions& options, std::size_t rows, std::size_t totalRows) {
    if (rows % 10000 != 0) return false;
    if (options.progress) options.progress(rows, totalRows);
    return cancelled(options);
}

bool csvBroken(const CsvReader& reader, const Columns& cols, ImportReport& report) {
    if (!reader.error()) return false;
    report.fatal = reader.error()->toFieldError(cols.file);
    return true;
}

void sortRejects(ImportReport& report) {
    std::stable_sort(report.rejects.begin(), report.rejects.end(),
                     [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
}

template <class E> std::optional<E> parseLabelled(std::string_view text) {
    for (E v : allOf<E>()) {
        if (text == name(v) || text == tr(label(v), Lang::Zh) ||
            lower(text) == lower(tr(label(v), Lang::En))) {
            return v;
        }
    }
    return std::nullopt;
}
template std::optional<Urgency> parseLabelled<Urgency>(std::string_view);
template std::optional<Kind> parseLabelled<Kind>(std::string_view);
template std::optional<DonorType> parseLabelled<DonorType>(std::string_view);

} // namespace io_detail
} // namespace nuanxin
