#include "ui/widgets/reason_prompt.h"

#include <imgui.h>

#include "core/view/household_search.h"
#include "ui/locator.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {

void ReasonPrompt::open() {
    m_opening = true;
    m_text.clear();
}

std::string ReasonPrompt::reason() const { return std::string(trimAscii(m_text)); }

ReasonPrompt::Answer ReasonPrompt::draw(const std::string& title, Lang lang, float heightEm,
                                        const std::function<void()>& extra) {
    // One popup id whatever the title says (the count in it changes).
    const std::string id = title + "###reason";
    if (m_opening) {
        ImGui::OpenPopup(id.c_str());
        m_opening = false;
    }
    placeModal(30.0f, heightEm);
    bool open = true;
    if (!ImGui::BeginPopupModal(id.c_str(), &open)) return Answer::Pending;
    if (extra) extra();
    ImGui::TextUnformatted(tr(Str::UiLifeReason, lang));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1.0f);
    const bool entered = inputString("##reason_text", m_text, tr(Str::UiLifeReasonHint, lang),
                                     ImGuiInputTextFlags_EnterReturnsTrue);
    markItem("reason.text");
    const bool empty = reason().empty();
    if (empty) ImGui::TextColored(mutedColour(), "%s", tr(Str::UiLifeReasonRequired, lang));
    ImGui::Separator();
    ImGui::BeginDisabled(empty);
    const bool ok = ImGui::Button(tr(Str::UiLifeOk, lang)) || (entered && !empty);
    markItem("reason.ok");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button(tr(Str::UiFormCancel, lang));
    markItem("reason.cancel");
    Answer answer = Answer::Pending;
    if (ok && !empty) {
        answer = Answer::Confirmed;
        ImGui::CloseCurrentPopup();
    } else if (cancel || !open) {
        answer = Answer::Dismissed;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return answer;
}

} // namespace nuanxin
