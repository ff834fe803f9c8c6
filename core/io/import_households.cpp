// Households from a CSV file with one row per person. Rows with the same "household" key
// (户编号) form one household, whose address, phone, division, categories and consent come from
// its first row; rows without a key are one-person households. A row may name one need.
#include <unordered_map>

#include "core/id/resident_id.h"
#include "core/io/import_detail.h"
#include "core/model/validate.h"

namespace nuanxin::io_detail {
namespace {

struct Group {
    Household h;
    std::vector<std::size_t> lines; ///< one per member, in order
    std::vector<Need> needs;
    std::vector<std::size_t> badLines;
};

/// Field of validate(Household) → import field, for the column of a reject.
std::string importField(const std::string& validated) {
    static const std::pair<const char*, const char*> map[] = {
        {"division_code", "division"},
        {"address", "address"},
        {"phone", "phone"},
        {"categories", "category"},
        {"name", "name"},
        {"id_number", "id_number"},
        {"birth", "id_number"},
        {"sex", "id_number"},
        {"attributes", "attributes"},
        {"registered_by", "organisation"},
        {"members", "name"},
    };
    for (const auto& [from, to] : map) {
        if (validated == from) return to;
    }
    return validated;
}

class HouseholdReader {
public:
    HouseholdReader(Store& store, const Columns& cols, const ImportOptions& options,
                    ImportReport& report)
        : m_store(store), m_cols(cols), m_report(report), m_today(dateOf(options.when)),
          m_deadline(Date::fromDays(m_today.daysSinceEpoch() + options.defaultDeadlineDays)),
          m_org(options.organisation.empty() ? options.who : options.organisation) {}

    void readRow(const CsvRow& row) {
        const std::size_t line = row.line;
        const std::size_t before = m_report.rejects.size();
        const std::string key = m_cols.cell(row, "household");
        std::size_t g = m_groups.size();
        if (!key.empty()) {
            const auto [it, inserted] = m_groupOfKey.emplace(key, m_groups.size());
            g = it->second;
            if (inserted) m_groups.emplace_back();
        } else {
            m_groups.emplace_back();
        }
        Group& grp = m_groups[g];
        if (grp.lines.empty()) readHouseholdFields(row, grp.h);
        grp.lines.push_back(line);

        Member m;
        m.name = m_cols.cell(row, "name");
        const std::string id = m_cols.cell(row, "id_number");
        if (!id.empty()) {
            auto parsed = parseResidentId(id, m_store.divisions(), m_today);
            if (!parsed.ok()) {
                for (const FieldError& e : parsed.errors()) {
                    reject(m_report, line, m_cols, "id_number", id, e.reason, e.detail);
                }
            } else {
                m.idNumber = parsed.value().number;
                m.birth = parsed.value().birth;
                m.sex = parsed.value().sex;
                const auto [it, inserted] = m_lineOfPerson.emplace(personKey(m.idNumber), line);
                if (!inserted) {
                    reject(m_report, line, m_cols, "id_number", id, Str::ErrDuplicateIdNumber,
                           "line " + std::to_string(it->second));
                }
            }
        }
        const std::string attributes = m_cols.cell(row, "attributes");
        if (auto set = parseAttributes(attributes)) {
            m.attributes = *set;
        } else {
            reject(m_report, line, m_cols, "attributes", attributes, Str::IoUnknownValue);
        }
        readNeed(row, grp);
        grp.h.members.push_back(std::move(m));
        if (m_report.rejects.size() > before) grp.badLines.push_back(line);
    }

    std::vector<Unit> finish() {
        const State& state = m_store.state();
        IdCounters ids = state.nextIds();
        LikelyIndex likely(state);
        std::vector<Unit> units;
        for (Group& grp : m_groups) {
            if (!grp.badLines.empty()) {
                rejectRest(grp);
                continue;
            }
            Household& h = grp.h;
            h.id = ids.household;
            if (!checkHousehold(grp)) continue;
            Unit unit;
            unit.line = grp.lines.front();
            unit.rows = grp.lines.size();
            const auto sharing = householdsSharingPeople(state, h);
            if (!sharing.empty()) {
                const Household* existing = state.household(sharing.front());
                if (existing->registeredBy == m_org) {
                    rejectRegistered(grp, state);
                    continue;
                }
                // Another organisation registered these people: hold for a merge decision.
                ++ids.household;
                const std::uint64_t pendingId = ids.pending++;
                unit.held = HeldDuplicate{unit.line, pendingId, existing->id};
                unit.commands.push_back(cmd::HoldDuplicate{pendingId, std::move(h), existing->id});
                // Its needs wait with it: registered with the household it is merged into.
                for (Need& n : grp.needs) {
                    n.id = ids.need++;
                    n.household = 0;
                    unit.commands.push_back(cmd::HoldNeed{pendingId, std::move(n)});
                }
                units.push_back(std::move(unit));
                continue;
            }
            ++ids.household;
            for (const LikelyDuplicate& d : likely.matches(h)) m_report.likely.push_back(d);
            likely.add(h);
            const HouseholdId hid = h.id;
            unit.commands.push_back(cmd::RegisterHousehold{std::move(h)});
            for (Need& n : grp.needs) {
                n.id = ids.need++;
                n.household = hid;
                unit.commands.push_back(cmd::AddNeed{std::move(n)});
            }
            units.push_back(std::move(unit));
        }
        m_groups.clear();
        return units;
    }

private:
    void readHouseholdFields(const CsvRow& row, Household& h) {
        const std::size_t line = row.line;
        h.divisionCode = m_cols.cell(row, "division");
        h.address = m_cols.cell(row, "address");
        h.phone = m_cols.cell(row, "phone");
        h.registered = m_today;
        h.registeredBy = m_org;
        const std::string categories = m_cols.cell(row, "category");
        if (auto set = parseCategories(categories)) {
            h.categories = *set;
        } else {
            reject(m_report, line, m_cols, "category", categories, Str::IoUnknownValue);
        }
        const std::string consent = m_cols.cell(row, "consent");
        if (!consent.empty()) {
            if (auto yes = parseYesNo(consent)) {
                h.consentToShare = *yes;
            } else {
                reject(m_report, line, m_cols, "consent", consent, Str::IoUnknownValue);
            }
        }
    }

    void readNeed(const CsvRow& row, Group& grp) {
        const std::size_t line = row.line;
        const std::string kind = m_cols.cell(row, "need");
        if (kind.empty()) return;
        Need n;
        n.deadline = m_deadline;
        if (auto k = parseLabelled<Kind>(kind)) {
            n.kind = *k;
            n.unit = kindInfo(*k).unit;
        } else {
            reject(m_report, line, m_cols, "need", kind, Str::IoUnknownValue);
        }
        const std::string quantity = m_cols.cell(row, "quantity");
        const auto q = parseCount(quantity);
        if (!q || *q <= 0) {
            reject(m_report, line, m_cols, "quantity", quantity, Str::ErrNotPositive);
        } else {
            n.quantity = *q;
        }
        const std::string deadline = m_cols.cell(row, "deadline");
        if (!deadline.empty()) {
            if (auto d = Date::parse(deadline)) {
                n.deadline = *d;
            } else {
                reject(m_report, line, m_cols, "deadline", deadline, Str::ErrDateInvalid);
            }
        }
        const std::string urgency = m_cols.cell(row, "urgency");
        if (!urgency.empty()) {
            if (auto u = parseLabelled<Urgency>(urgency)) {
                n.urgency = *u;
            } else {
                reject(m_report, line, m_cols, "urgency", urgency, Str::IoUnknownValue);
            }
        }
        n.note = m_cols.cell(row, "note");
        grp.needs.push_back(std::move(n));
    }

    /// validate() of the whole household; its errors become rejects of the right rows.
    bool checkHousehold(Group& grp) {
        FieldErrors errors = validate(grp.h, m_store.divisions(), m_today);
        for (const Need& n : grp.needs) {
            Need probe = n;
            probe.id = 1;
            probe.household = 1;
            for (FieldError& e : validate(probe)) errors.push_back(e);
        }
        if (errors.empty()) return true;
        for (const FieldError& e : errors) {
            std::size_t line = grp.lines.front();
            std::string field = e.field;
            const std::string prefix = "members[";
            if (field.compare(0, prefix.size(), prefix) == 0) {
                const auto close = field.find(']');
                const std::size_t i =
                    std::stoul(field.substr(prefix.size(), close - prefix.size()));
                if (i < grp.lines.size()) line = grp.lines[i];
                field = field.substr(close + 2);
            }
            // Values from validate() are already masked.
            m_report.rejects.push_back(
                RejectedRow{line, m_cols.header(importField(field)), e.value, e.reason, e.detail});
            grp.badLines.push_back(line);
        }
        rejectRest(grp);
        return false;
    }

    void rejectRegistered(Group& grp, const State& state) {
        for (std::size_t i = 0; i < grp.h.members.size(); ++i) {
            const Member& m = grp.h.members[i];
            const HouseholdId other = m.idNumber.empty() ? 0 : state.householdOfPerson(m.idNumber);
            if (other == 0) continue;
            reject(m_report, grp.lines[i], m_cols, "id_number", m.idNumber,
                   Str::StoreErrPersonRegistered, std::to_string(other));
            grp.badLines.push_back(grp.lines[i]);
        }
        rejectRest(grp);
    }

    /// Rows of a refused household without a reason of their own get one saying why.
    void rejectRest(const Group& grp) {
        for (std::size_t line : grp.lines) {
            bool own = false;
            for (std::size_t bad : grp.badLines) own = own || bad == line;
            if (!own)
                m_report.rejects.push_back(RejectedRow{
                    line, m_cols.header("household"), {}, Str::IoHouseholdRejected, {}});
        }
    }

    Store& m_store;
    const Columns& m_cols;
    ImportReport& m_report;
    Date m_today;
    Date m_deadline;
    std::string m_org;
    std::vector<Group> m_groups;
    std::unordered_map<std::string, std::size_t> m_groupOfKey;
    std::unordered_map<std::string, std::size_t> m_lineOfPerson;
};

} // namespace

ImportReport importHouseholds(Store& store, CsvReader& reader, const Columns& cols,
                              const ImportOptions& options, ImportReport report,
                              std::size_t totalRows) {
    HouseholdReader households(store, cols, options, report);
    CsvRow row;
    while (reader.next(row)) {
        households.readRow(row);
        if (tick(options, ++report.rows, totalRows)) {
            report.cancelled = true;
            return report;
        }
    }
    if (csvBroken(reader, cols, report)) return report;
    std::vector<Unit> units = households.finish();
    sortRejects(report);
    commitUnits(store, units, options, report, totalRows);
    sortRejects(report);
    return report;
}

} // namespace nuanxin::io_detail
