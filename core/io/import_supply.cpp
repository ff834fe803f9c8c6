// Offers and donors from CSV files, one row each. An offer names its donor by name (a donor
// registered before, or earlier in the same import of donors).
#include <unordered_map>

#include "core/io/import_detail.h"
#include "core/model/validate.h"

namespace nuanxin::io_detail {
namespace {

/// validate() errors of one record → rejects of its row (field names are the import's own).
bool keepIfValid(FieldErrors errors, std::size_t line, const Columns& cols, ImportReport& report,
                 std::size_t rejectsBefore) {
    for (const FieldError& e : errors) {
        std::string field = e.field;
        if (field == "division_code") field = "division";
        if (field == "unit_value_fen") field = "unit_value";
        if (field.compare(0, 9, "coverage[") == 0) field = "coverage";
        report.rejects.push_back(
            RejectedRow{line, cols.header(field), e.value, e.reason, e.detail});
    }
    return report.rejects.size() == rejectsBefore;
}

} // namespace

ImportReport importOffers(Store& store, CsvReader& reader, const Columns& cols,
                          const ImportOptions& options, ImportReport report,
                          std::size_t totalRows) {
    const State& state = store.state();
    std::unordered_map<std::string, DonorId> donorByName;
    for (const Donor& d : state.dataset().donors) donorByName.emplace(d.name, d.id);
    IdCounters ids = state.nextIds();
    std::vector<Unit> units;
    CsvRow row;
    while (reader.next(row)) {
        const std::size_t line = row.line;
        const std::size_t before = report.rejects.size();
        Offer o;
        o.title = cols.cell(row, "title");
        const std::string donor = cols.cell(row, "donor");
        const auto d = donorByName.find(donor);
        if (d == donorByName.end()) {
            reject(report, line, cols, "donor", donor, Str::ErrUnknownDonor);
        } else {
            o.donor = d->second;
        }
        const std::string kind = cols.cell(row, "kind");
        if (auto k = parseLabelled<Kind>(kind)) {
            o.kind = *k;
            o.unit = kindInfo(*k).unit;
        } else {
            reject(report, line, cols, "kind", kind, Str::IoUnknownValue);
        }
        const std::string capacity = cols.cell(row, "capacity");
        if (auto c = parseCount(capacity)) {
            o.capacity = *c;
        } else {
            reject(report, line, cols, "capacity", capacity, Str::ErrNotPositive);
        }
        for (const std::string& code : splitList(cols.cell(row, "coverage")))
            o.coverage.push_back(code);
        const std::string groups = cols.cell(row, "target_groups");
        if (auto set = parseCategories(groups)) {
            o.targetGroups = *set;
        } else {
            reject(report, line, cols, "target_groups", groups, Str::IoUnknownValue);
        }
        for (const char* field : {"window_start", "window_end"}) {
            const std::string text = cols.cell(row, field);
            const auto date = Date::parse(text);
            if (!date) {
                reject(report, line, cols, field, text, Str::ErrDateInvalid);
            } else {
                (std::string(field) == "window_start" ? o.windowStart : o.windowEnd) = *date;
            }
        }
        const std::string cap = cols.cell(row, "per_household_cap");
        if (!cap.empty()) {
            if (auto c = parseCount(cap))
                o.perHouseholdCap = *c;
            else
                reject(report, line, cols, "per_household_cap", cap, Str::ErrNegative);
        }
        const std::string value = cols.cell(row, "unit_value");
        if (!value.empty()) {
            if (auto fen = parseYuanToFen(value))
                o.unitValueFen = *fen;
            else
                reject(report, line, cols, "unit_value", value, Str::IoUnknownValue);
        }
        if (report.rejects.size() == before) {
            o.id = ids.offer;
            if (keepIfValid(validate(o, store.divisions()), line, cols, report, before)) {
                ++ids.offer;
                Unit u;
                u.line = line;
                u.commands.push_back(cmd::AddOffer{std::move(o)});
                units.push_back(std::move(u));
            }
        }
        if (tick(options, ++report.rows, totalRows)) {
            report.cancelled = true;
            return report;
        }
    }
    if (csvBroken(reader, cols, report)) return report;
    commitUnits(store, units, options, report, totalRows);
    sortRejects(report);
    return report;
}

ImportReport importDonors(Store& store, CsvReader& reader, const Columns& cols,
                          const ImportOptions& options, ImportReport report,
                          std::size_t totalRows) {
    const State& state = store.state();
    std::unordered_map<std::string, std::size_t> lineOfName;
    for (const Donor& d : state.dataset().donors) lineOfName.emplace(d.name, 0);
    IdCounters ids = state.nextIds();
    std::vector<Unit> units;
    CsvRow row;
    while (reader.next(row)) {
        const std::size_t line = row.line;
        const std::size_t before = report.rejects.size();
        Donor d;
        d.name = cols.cell(row, "name");
        d.divisionCode = cols.cell(row, "division");
        d.phone = cols.cell(row, "phone");
        const std::string type = cols.cell(row, "type");
        if (!type.empty()) {
            if (auto t = parseLabelled<DonorType>(type))
                d.type = *t;
            else
                reject(report, line, cols, "type", type, Str::IoUnknownValue);
        }
        // Offers name their donor: two donors of one name could not be told apart.
        const auto [it, inserted] = lineOfName.emplace(d.name, line);
        if (!inserted && !d.name.empty()) {
            reject(report, line, cols, "name", d.name, Str::IoDuplicateName,
                   it->second ? "line " + std::to_string(it->second) : "registered");
        }
        if (report.rejects.size() == before) {
            d.id = ids.donor;
            if (keepIfValid(validate(d, store.divisions()), line, cols, report, before)) {
                ++ids.donor;
                Unit u;
                u.line = line;
                u.commands.push_back(cmd::AddDonor{std::move(d)});
                units.push_back(std::move(u));
            }
        }
        if (tick(options, ++report.rows, totalRows)) {
            report.cancelled = true;
            return report;
        }
    }
    if (csvBroken(reader, cols, report)) return report;
    commitUnits(store, units, options, report, totalRows);
    sortRejects(report);
    return report;
}

} // namespace nuanxin::io_detail
