#include "ui/screens/life_parts.h"

#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "core/view/household_text.h"
#include "ui/locator.h"
#include "ui/widgets/form_field.h"

namespace nuanxin::life {
namespace {

constexpr Str kTierNames[] = {Str::UiLifeTier0, Str::UiLifeTier1, Str::UiLifeTier2, Str::UiLifeTier3,
                              Str::UiLifeTier4};

} // namespace

std::string workRefText(WorkRef ref, Lang lang) {
    return fillSlots(tr(ref.isTask() ? Str::UiLifeRefTask : Str::UiLifeRefAllocation, lang), {std::to_string(ref.id)});
}

std::string yuanText(std::int64_t fen) {
    const std::int64_t v = fen < 0 ? -fen : fen;
    char cents[8];
    std::snprintf(cents, sizeof cents, ".%02d", static_cast<int>(v % 100));
    return std::string(fen < 0 ? "-¥" : "¥") + groupedNumber(v / 100) + cents;
}

std::string tierText(int tier, Lang lang) {
    if (tier < 0 || tier >= static_cast<int>(std::size(kTierNames))) return tr(Str::UiLifeTierUnknown, lang);
    return fillSlots(tr(Str::UiLifeTierN, lang), {std::to_string(tier), tr(kTierNames[tier], lang)});
}

std::string volunteerText(const Workspace& ws, VolunteerId id) {
    if (id == 0) return "—";
    const Volunteer* v = ws.state().volunteer(id);
    std::string text = "#" + std::to_string(id);
    if (v != nullptr && !v->name.empty()) text += " " + v->name;
    return text;
}

std::string roleText(const Workspace& ws, const UserRole& role, Lang lang) {
    std::string text;
    if (role.approverTier > 0) text = fillSlots(tr(Str::UiLifeRoleApprover, lang), {std::to_string(role.approverTier)});
    if (role.volunteer != 0) {
        if (!text.empty()) text += " · ";
        text += std::string(tr(Str::LifeWordVolunteer, lang)) + " " + volunteerText(ws, role.volunteer);
    }
    return text.empty() ? std::string(tr(Str::UiLifeRoleStaff, lang)) : text;
}

std::string refusalText(const FieldErrors& errors, Lang lang) {
    std::string text;
    for (const FieldError& e : errors) {
        if (!text.empty()) text += '\n';
        text += errorText(e, lang); // the reason and the value; the command's path says nothing to a user
    }
    return text;
}

bool volunteerCombo(const char* id, const Workspace& ws, VolunteerId& chosen, Lang lang,
                    const char* mark, Str none, float width) {
    std::string preview = chosen != 0 ? volunteerText(ws, chosen)
                                      : std::string(tr(none != Str::Count_ ? none : Str::UiLifePickVolunteer, lang));
    if (width > 0.0f) ImGui::SetNextItemWidth(width);
    bool changed = false;
    // Named while closed only: once open, the last item is the popup, not the combo.
    if (!ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        markItem(mark);
        return false;
    }
    const std::string prefix = std::string(mark) + ".";
    if (none != Str::Count_) {
        if (ImGui::Selectable(tr(none, lang), chosen == 0) && chosen != 0) {
            chosen = 0;
            changed = true;
        }
        markItem((prefix + "none").c_str());
    }
    int n = 0;
    for (const Volunteer& v : ws.data().volunteers) {
        if (!v.active) continue;
        char label[64];
        std::snprintf(label, sizeof label, "##v%" PRIu64, v.id);
        const std::string text = volunteerText(ws, v.id) + label;
        if (ImGui::Selectable(text.c_str(), v.id == chosen) && v.id != chosen) {
            chosen = v.id;
            changed = true;
        }
        markItem((prefix + std::to_string(n++)).c_str());
    }
    if (n == 0) ImGui::TextColored(mutedColour(), "%s", tr(Str::UiLifeNoVolunteers, lang));
    ImGui::EndCombo();
    return changed;
}

void ActionLog::draw(Lang lang) {
    if (m_lines.empty()) return;
    if (ImGui::SmallButton(tr(Str::UiLifeDismiss, lang))) {
        m_lines.clear();
        return;
    }
    markItem("life.dismiss");
    for (const Line& line : m_lines) {
        if (line.refusal) {
            ImGui::PushStyleColor(ImGuiCol_Text, errorColour());
            ImGui::TextWrapped("%s", line.text.c_str());
            ImGui::PopStyleColor();
        } else {
            ImGui::TextColored(mutedColour(), "%s", line.text.c_str());
        }
    }
}

} // namespace nuanxin::life
