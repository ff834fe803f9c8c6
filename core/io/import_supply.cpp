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

/// A row read without rejects: the record gets the next id, is validated as a whole and, when
/// valid, queued as one unit of `Add` (AddOffer, AddDonor).
template <class Add, class Record>
void queueIfValid(Record&& r, std::uint64_t& nextId, const DivisionRegistry& divisions,
                  std::size_t line, const Columns& cols, ImportReport& report, std::size_t before,
                  std::vector<Unit>& units) {
    if (report.rejects.size() != before) return;
    r.id = nextId;
    if (!keepIfValid(validate(r, divisions), line, cols, report, before)) return;
    ++nextId;
    Unit u;
    u.line = line;
    u.commands.push_back(Add{std::move(r)});
    units.push_back(std::move(u));
}

/// After the last row: a broken file commits nothing; else the queued units go in.
ImportReport finish(Store& store, const CsvReader& reader, const Columns& cols,
                    const ImportOptions& options, ImportReport report, std::vector<Unit>& units,
                    std::size_t totalRows) {
    if (csvBroken(reader, cols, report)) return report;
    commitUnits(store, units, options, report, totalRows);
    sortRejects(report);
    return report;
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
        queueIfValid<cmd::AddOffer>(std::move(o), ids.offer, store.divisions(), line, cols, report,
                                    before, units);
        if (tick(options, ++report.rows, totalRows)) {
            report.cancelled = true;
            return report;
        }
    }
    return finish(store, reader, cols, options, std::move(report), units, totalRows);
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
        queueIfValid<cmd::AddDonor>(std::move(d), ids.donor, store.divisions(), line, cols, report,
                                    before, units);
        if (tick(options, ++report.rows, totalRows)) {
            report.cancelled = true;
            return report;
        }
    }
    return finish(store, reader, cols, options, std::move(report), units, totalRows);
}

} // namespace nuanxin::io_detail
