// The volunteer's side of the lifecycle (workspace_tasks.h): only their own work, grouped by
// county and township, with only the personal data needed at the door; their list as CSV.
#include <algorithm>
#include <map>
#include <tuple>

#include "core/id/resident_id.h"
#include "core/io/csv_write.h"
#include "core/session/workspace_tasks.h"

namespace nuanxin {
namespace {

bool done(AllocationStatus s) {
    return s == AllocationStatus::Delivered || s == AllocationStatus::Confirmed;
}

/// Where a township name ends, as addresses are written (乡, 镇, 街道, 苏木).
constexpr const char* kTownshipEnds[] = {"街道", "苏木", "镇", "乡"};
/// What a leading province, city or county name ends with ("四川省成都市武侯区…").
constexpr const char* kDivisionEnds[] = {"自治区", "自治州", "省", "市", "州", "盟", "县", "区", "旗"};
/// A leading division name is at most this many bytes (ten characters of three bytes).
constexpr std::size_t kDivisionBytes = 30;

/// The first occurrence at or after `from` of any of `words`: (position, length).
template <std::size_t N>
std::pair<std::size_t, std::size_t> firstOf(const std::string& text, std::size_t from,
                                            const char* const (&words)[N]) {
    std::pair<std::size_t, std::size_t> best{std::string::npos, 0};
    for (const char* w : words) {
        const std::size_t at = text.find(w, from);
        if (at < best.first) best = {at, std::char_traits<char>::length(w)};
    }
    return best;
}

} // namespace

std::string townshipOf(const std::string& address) {
    // Skip a written-out province, city and county first: their names may hold a 乡 too
    // ("乡宁县"). A township's end that comes before a division's end is the township. A name
    // has at least one character before its end, so ends are looked for after the first byte
    // (UTF-8 never matches inside a character).
    std::size_t start = 0;
    for (;;) {
        const auto division = firstOf(address, start + 1, kDivisionEnds);
        const auto township = firstOf(address, start + 1, kTownshipEnds);
        if (division.first == std::string::npos || division.first - start > kDivisionBytes ||
            township.first <= division.first) {
            break;
        }
        start = division.first + division.second;
    }
    if (start >= address.size()) return {};
    const auto end = firstOf(address, start + 1, kTownshipEnds);
    if (end.first == std::string::npos) return {};
    return address.substr(start, end.first + end.second - start);
}

VolunteerSheet WorkspaceTasks::volunteerSheet(VolunteerId volunteer, bool includeDone) const {
    const State& s = m_ws.state();
    VolunteerSheet sheet;
    sheet.volunteer = volunteer;
    if (const Volunteer* v = s.volunteer(volunteer)) sheet.volunteerName = v->name;
    // (county, township) → (address, household) → stop.
    using StopKey = std::tuple<std::string, HouseholdId>;
    std::map<std::pair<std::string, std::string>, std::map<StopKey, VolunteerStop>> groups;

    const auto take = [&](const WorkItem& it) {
        if (it.progress.volunteer != volunteer) return;
        const bool isDone = done(it.status);
        if (it.status != AllocationStatus::Assigned && !(includeDone && isDone)) return;
        VolunteerStop stop;
        stop.household = it.household;
        if (const Household* h = it.household ? s.household(it.household) : nullptr) {
            stop.address = h->address;
            stop.phone = h->phone;
            if (!h->members.empty()) {
                stop.name = h->members.front().name;
                stop.maskedId = maskIdNumber(h->members.front().idNumber);
            }
        } else {
            stop.address = m_ws.divisions().fullName(it.county) + tr(Str::LifeInstitution, m_ws.lang());
        }
        const std::string township = it.household ? townshipOf(stop.address) : std::string();
        auto& stops = groups[{it.county, township}];
        const auto at = stops.emplace(StopKey{stop.address, stop.household}, std::move(stop)).first;
        VolunteerTask t;
        t.ref = it.ref;
        t.status = it.status;
        t.kind = it.kind;
        t.unit = it.unit;
        t.quantity = it.quantity;
        t.what = it.what;
        t.deadline = it.deadline;
        t.advance = it.progress.advance && !it.progress.approved;
        t.done = isDone;
        at->second.tasks.push_back(std::move(t));
        ++(isDone ? sheet.done : sheet.open);
    };
    for (const auto& [id, p] : s.data().progress) {
        if (p.volunteer != volunteer) continue;
        if (const auto it = item(WorkRef::allocation(id))) take(*it);
    }
    for (const Task& t : s.data().tasks) {
        if (t.progress.volunteer != volunteer) continue;
        if (const auto it = item(WorkRef::task(t.id))) take(*it);
    }
    for (auto& [key, stops] : groups) {
        VolunteerGroup g;
        g.county = key.first;
        g.countyName = m_ws.divisions().fullName(key.first);
        g.township = key.second;
        for (auto& [stopKey, stop] : stops) g.stops.push_back(std::move(stop));
        sheet.groups.push_back(std::move(g));
    }
    return sheet;
}

Result<VolunteerTaskCard> WorkspaceTasks::openTask(VolunteerId volunteer, WorkRef work) const {
    const auto it = item(work);
    if (!it) {
        return FieldError{work.isTask() ? "task" : "allocation", std::to_string(work.id),
                          work.isTask() ? Str::LifeErrUnknownTask : Str::StoreErrUnknownAllocation,
                          ""};
    }
    // Someone else's, or nobody's: the volunteer learns nothing of the household.
    if (volunteer == 0 || it->progress.volunteer != volunteer) {
        return FieldError{work.isTask() ? "task" : "allocation", std::to_string(work.id),
                          Str::LifeErrNotYourTask, ""};
    }
    const VolunteerSheet sheet = volunteerSheet(volunteer, true);
    for (const VolunteerGroup& g : sheet.groups) {
        for (const VolunteerStop& stop : g.stops) {
            for (const VolunteerTask& t : stop.tasks) {
                if (t.ref != work) continue;
                VolunteerTaskCard card;
                card.where = g;
                card.where.stops = {stop};
                card.where.stops.front().tasks = {t};
                card.progress = it->progress;
                return card;
            }
        }
    }
    // Assigned to them but no longer on their list (rejected or cancelled meanwhile).
    const std::string from(name(it->status));
    return FieldError{"status", from, Str::StoreErrTransition, from};
}

Result<std::uint64_t> WorkspaceTasks::markDone(VolunteerId volunteer, WorkRef work,
                                               Delivery delivery) {
    const auto card = openTask(volunteer, work);
    if (!card.ok()) return card.errors();
    delivery.volunteer = volunteer;
    return recordDelivery(work, std::move(delivery));
}

std::string volunteerSheetCsv(const VolunteerSheet& sheet, Lang lang) {
    std::string out(kUtf8Bom);
    out += csvLine({tr(Str::ColTownship, lang), tr(Str::ColAddress, lang), tr(Str::ColName, lang),
                    tr(Str::ColIdMasked, lang), tr(Str::ColPhone, lang), tr(Str::ColKind, lang),
                    tr(Str::ColWhat, lang), tr(Str::ColQuantity, lang), tr(Str::ColUnit, lang),
                    tr(Str::ColDeadline, lang), tr(Str::ColStatus, lang)});
    for (const VolunteerGroup& g : sheet.groups) {
        for (const VolunteerStop& stop : g.stops) {
            for (const VolunteerTask& t : stop.tasks) {
                out += csvLine({g.township, stop.address, stop.name, stop.maskedId, stop.phone,
                                tr(label(t.kind), lang), t.what, std::to_string(t.quantity),
                                tr(label(t.unit), lang), t.deadline.iso(),
                                tr(label(t.status), lang)});
            }
        }
    }
    return out;
}

} // namespace nuanxin
