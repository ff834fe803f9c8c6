#include "core/view/volunteer_form.h"

#include <algorithm>

#include "core/model/catalogue.h"
#include "core/model/validate.h"
#include "core/view/household_search.h"
#include "core/view/household_text.h"

namespace nuanxin {
namespace {

void appendEscaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
}

void element(std::string& out, const char* tag, std::string_view text) {
    out += '<';
    out += tag;
    out += '>';
    appendEscaped(out, text);
    out += "</";
    out += tag;
    out += '>';
}

// Black on white, thin rules, no colour or background: what a plain office printer prints well.
constexpr const char* kStyle =
    "body{font-family:sans-serif;font-size:11pt;color:#000;background:#fff;margin:12mm}"
    "h1{font-size:15pt;margin:0 0 2mm}h2{font-size:13pt;margin:6mm 0 1mm}"
    "h3{font-size:11pt;margin:3mm 0 1mm}p{margin:0 0 2mm}"
    "table{border-collapse:collapse;width:100%;page-break-inside:auto}"
    "th,td{border:1px solid #000;padding:1mm 2mm;text-align:left;vertical-align:top}"
    "tr{page-break-inside:avoid}td.sign{width:22mm}";

} // namespace

VolunteerDraft editVolunteerDraft(const Volunteer& v) {
    VolunteerDraft d;
    d.id = v.id;
    d.name = v.name;
    d.divisionCode = v.divisionCode;
    d.kinds = v.kinds;
    d.active = v.active;
    return d;
}

FormResult<Volunteer> readVolunteerDraft(const VolunteerDraft& draft, const Volunteer* original,
                                         const DivisionRegistry& divisions) {
    FormResult<Volunteer> r;
    Volunteer& v = r.value;
    v.id = draft.id != 0 ? draft.id : 1;
    v.name = std::string(trimAscii(draft.name));
    v.phone = withoutSpaces(draft.phone);
    if (v.phone.empty() && original != nullptr) v.phone = original->phone;
    v.divisionCode = std::string(trimAscii(draft.divisionCode));
    v.kinds = draft.kinds;
    std::sort(v.kinds.begin(), v.kinds.end());
    v.kinds.erase(std::unique(v.kinds.begin(), v.kinds.end()), v.kinds.end());
    v.active = draft.active;
    r.errors = validate(v, divisions);
    return r;
}

FieldErrors flatFieldErrors(FieldErrors errors) {
    for (FieldError& e : errors) {
        const std::size_t dot = e.field.rfind('.');
        if (dot != std::string::npos) e.field.erase(0, dot + 1);
    }
    return errors;
}

std::string volunteerSheetHtml(const VolunteerSheet& sheet, Lang lang, const std::string& printedOn) {
    std::string out = "<!DOCTYPE html><html lang=\"";
    out += lang == Lang::Zh ? "zh-CN" : "en";
    out += "\"><head><meta charset=\"utf-8\">";
    const std::string title = fillSlots(tr(Str::UiLifePrintTitle, lang), {sheet.volunteerName});
    element(out, "title", title);
    out += "<style>";
    out += kStyle;
    out += "</style></head><body onload=\"window.print()\">";
    element(out, "h1", title);
    element(out, "p", fillSlots(tr(Str::UiLifePrintSubtitle, lang),
                                {printedOn, groupedNumber(static_cast<std::int64_t>(sheet.open)),
                                 groupedNumber(static_cast<std::int64_t>(sheet.done))}));
    if (sheet.groups.empty()) element(out, "p", tr(Str::UiLifeSheetEmpty, lang));
    std::string county;
    for (const VolunteerGroup& g : sheet.groups) {
        if (g.county != county || &g == &sheet.groups.front()) {
            county = g.county;
            element(out, "h2", g.countyName.empty() ? g.county : g.countyName);
        }
        element(out, "h3", g.township.empty() ? tr(Str::UiLifeNoTownship, lang) : g.township);
        out += "<table><tr>";
        for (const Str head : {Str::UiLifeColAddress, Str::UiLifeColName, Str::UiLifeColIdMasked, Str::UiLifeColPhone,
                               Str::UiLifeColTitle, Str::UiLifeColQuantity, Str::UiLifeColDeadline, Str::UiLifeColStatus}) {
            element(out, "th", tr(head, lang));
        }
        element(out, "th", tr(Str::UiLifePrintSign, lang));
        out += "</tr>";
        for (const VolunteerStop& stop : g.stops) {
            for (const VolunteerTask& t : stop.tasks) {
                out += "<tr>";
                element(out, "td", stop.address); // an institution task's names the institution
                element(out, "td", stop.name);
                element(out, "td", stop.maskedId);
                element(out, "td", stop.phone);
                element(out, "td", t.what.empty() ? std::string(tr(label(t.kind), lang)) : t.what);
                element(out, "td", groupedNumber(t.quantity) + " " + tr(label(t.unit), lang));
                element(out, "td", t.deadline.iso());
                std::string status = tr(label(t.status), lang);
                if (t.advance) status += std::string(" · ") + tr(Str::LifeWordAdvance, lang);
                element(out, "td", status);
                out += "<td class=\"sign\"></td></tr>";
            }
        }
        out += "</table>";
    }
    out += "</body></html>\n";
    return out;
}

} // namespace nuanxin
