// Who is using the app: the name in the menu bar, the users known to the store with their
// roles, and the lifecycle figures the test hook adds. This is NOT authentication: nuanxin is a
// local tool on the user's own machine or page, and the name only says who the journal records
// and which view (approver, volunteer) to offer. Anyone at the keyboard may type any name.
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <string>

#include <imgui.h>

#include "core/model/catalogue.h"
#include "core/util/json.h"
#include "core/view/dashboard_figures.h"
#include "core/view/household_search.h"
#include "ui/locator.h"
#include "ui/screens/life_parts.h"
#include "ui/screens/screen.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {
namespace {

/// The control's state between frames (one App per process).
struct UserControl {
    const Workspace* workspace = nullptr; ///< the store the remembered user was given to
    std::string name;                      ///< being typed
};
UserControl& control() {
    static UserControl c;
    return c;
}

/// Makes `name` the workspace's user, remembers it, and opens the view of the user's role.
void applyUser(App& app, std::string name) {
    Workspace& ws = *app.workspace();
    if (name.empty() || name == ws.user()) return;
    ws.setUser(name);
    app.backend().saveSetting(life::kUserSetting, name);
    const UserRole role = WorkspaceTasks(ws).role(name);
    app.notify(fillSlots(tr(Str::UiLifeUserNow, app.lang()), {name, life::roleText(ws, role, app.lang())}));
    if (role.volunteer != 0) {
        app.show(ScreenId::Volunteer);
    } else if (role.approverTier > 0) {
        app.show(ScreenId::Work);
    }
}

void knownUsers(App& app, UserControl& c) {
    Workspace& ws = *app.workspace();
    const Lang lang = app.lang();
    if (!ImGui::BeginCombo("##users", nullptr, ImGuiComboFlags_NoPreview | ImGuiComboFlags_PopupAlignLeft |
                                                   ImGuiComboFlags_HeightLarge)) {
        markItem("user.list");
        return;
    }
    const auto& users = ws.state().data().users;
    bool any = false;
    for (const auto& [name, role] : users) {
        any = true;
        const std::string text = name + "  ·  " + life::roleText(ws, role, lang) + "##u" + name;
        if (ImGui::Selectable(text.c_str(), name == ws.user())) {
            c.name = name;
            applyUser(app, name);
        }
    }
    if (users.count(ws.user()) == 0) {
        const std::string text = ws.user() + "  ·  " + tr(Str::UiLifeRoleStaff, lang) + "##current";
        ImGui::Selectable(text.c_str(), true);
        any = true;
    }
    if (!any) ImGui::TextColored(mutedColour(), "%s", tr(Str::UiLifeNoUsers, lang));
    ImGui::EndCombo();
}

} // namespace

void drawUserControl(App& app) {
    Workspace* ws = app.workspace();
    if (ws == nullptr) return;
    UserControl& c = control();
    if (c.workspace != ws) {
        // Another store (or the first frame): the remembered user works in it too.
        c.workspace = ws;
        if (const auto saved = app.backend().loadSetting(life::kUserSetting); saved && !saved->empty()) {
            ws->setUser(*saved);
        }
        c.name = ws->user();
    }
    const Lang lang = app.lang();
    ImGui::TextUnformatted(tr(Str::UiLifeColUser, lang));
    // Dark text on a light field inside the red bar, which sets white text for its own labels.
    const ImVec4 dark(0.15f, 0.12f, 0.10f, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, dark);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(1, 1, 1, 0.92f));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(1, 1, 1, 0.80f));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(0.80f, 0.33f, 0.18f, 0.25f));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    const bool entered = inputString("##user_name", c.name, tr(Str::UiLifeUserHint, lang),
                                     ImGuiInputTextFlags_AutoSelectAll | ImGuiInputTextFlags_EnterReturnsTrue);
    markItem("user.name");
    ImGui::SameLine(0.0f, 2.0f);
    knownUsers(app, c);
    ImGui::SameLine();
    const std::string typed(trimAscii(c.name));
    ImGui::BeginDisabled(typed.empty() || typed == ws->user());
    const bool apply = ImGui::SmallButton(tr(Str::UiLifeUserApply, lang));
    markItem("user.apply");
    ImGui::EndDisabled();
    ImGui::PopStyleColor(5);
    if ((apply || entered) && !typed.empty()) {
        c.name = typed;
        applyUser(app, typed);
    }
    // The role in words, when it fits before the language switch at the bar's right end (on a
    // narrow window the users' list above still says it).
    const std::string role = life::roleText(*ws, WorkspaceTasks(*ws).role(ws->user()), lang);
    const float languageSwitch = ImGui::CalcTextSize(tr(Str::Language, lang)).x +
                                 ImGui::CalcTextSize(tr(Str::LanguageName, Lang::Zh)).x +
                                 ImGui::CalcTextSize(tr(Str::LanguageName, Lang::En)).x +
                                 ImGui::GetStyle().ItemSpacing.x * 8.0f;
    if (ImGui::GetContentRegionAvail().x > ImGui::CalcTextSize(role.c_str()).x + languageSwitch) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.88f, 0.80f, 1));
        ImGui::TextUnformatted(role.c_str());
        ImGui::PopStyleColor();
    }
}

std::string lifecycleHookJson(const Workspace* ws) {
    if (ws == nullptr) return {};
    // The dashboard's own figures, made once per revision: the hook is read every frame by the
    // tests, and a million needs would cost a pass each time.
    struct Cache {
        std::uint64_t revision = 0;
        GapFigures total;
    };
    static Cache cache;
    if (cache.revision != ws->revision()) {
        cache.revision = ws->revision();
        cache.total = computeDashboard(ws->state(), TierOf{}, 0).total;
    }
    std::array<std::size_t, static_cast<std::size_t>(AllocationStatus::Count_)> statuses{};
    for (const Allocation& a : ws->data().allocations) {
        if (a.status < AllocationStatus::Count_) ++statuses[static_cast<std::size_t>(a.status)];
    }
    std::size_t approvals = 0;
    for (const auto& [id, progress] : ws->state().data().progress) approvals += progress.approvals.size();
    std::size_t tasksDone = 0;
    const auto& tasks = ws->state().data().tasks;
    for (const Task& t : tasks) {
        if (t.status == AllocationStatus::Delivered || t.status == AllocationStatus::Confirmed) ++tasksDone;
    }
    std::string json = ",\"user\":" + jsonQuoted(ws->user());
    char numbers[256];
    std::snprintf(numbers, sizeof numbers,
                  ",\"delivered\":%lld,\"gap\":%lld,\"matched_units\":%lld,\"needs_delivered\":%zu,"
                  "\"volunteers\":%zu,\"users\":%zu,\"approvals\":%zu,\"tasks\":%zu,\"tasks_done\":%zu",
                  static_cast<long long>(cache.total.delivered), static_cast<long long>(cache.total.gap),
                  static_cast<long long>(cache.total.matched), cache.total.needsDelivered,
                  ws->data().volunteers.size(), ws->state().data().users.size(), approvals, tasks.size(),
                  tasksDone);
    json += numbers;
    json += ",\"statuses\":{";
    for (const AllocationStatus s : allOf<AllocationStatus>()) {
        if (s != AllocationStatus::Proposed) json += ',';
        json += jsonQuoted(std::string(name(s))) + ':' + std::to_string(statuses[static_cast<std::size_t>(s)]);
    }
    return json + "}";
}

} // namespace nuanxin
