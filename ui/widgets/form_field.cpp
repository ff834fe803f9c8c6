#include "ui/widgets/form_field.h"

#include <algorithm>

#include "ui/locator.h"

namespace nuanxin {
namespace {

int growString(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

} // namespace

ImVec4 errorColour() { return ImVec4(0.80f, 0.16f, 0.10f, 1.0f); }

ImVec4 mutedColour() { return ImVec4(0.45f, 0.42f, 0.39f, 1.0f); }

float labelColumn(std::initializer_list<const char*> labels) {
    float w = 0.0f;
    for (const char* l : labels) w = std::max(w, ImGui::CalcTextSize(l).x);
    return w + ImGui::GetStyle().ItemSpacing.x * 2.0f + ImGui::GetStyle().WindowPadding.x;
}

void placeModal(float widthEm, float heightEm) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(widthEm * em, vp->WorkSize.x - 40.0f),
                                    std::min(heightEm * em, vp->WorkSize.y - 40.0f)),
                             ImGuiCond_Appearing);
}

int formFooter(const FormErrors& errors, Lang lang, const char* mark) {
    ImGui::Separator();
    int result = 0;
    const std::string prefix = mark != nullptr ? mark : "";
    if (ImGui::Button(tr(Str::UiFormSave, lang))) result = 1;
    if (mark != nullptr) markItem((prefix + ".save").c_str());
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::UiFormCancel, lang))) result = -1;
    if (mark != nullptr) markItem((prefix + ".cancel").c_str());
    if (!errors.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(errorColour(), "%s", tr(Str::UiFormFix, lang));
    }
    return result;
}

bool categoryCheckboxes(const char* id, CategorySet& set, Lang lang) {
    float widest = 0.0f;
    for (Category c : allOf<Category>()) {
        widest = std::max(widest, ImGui::CalcTextSize(tr(label(c), lang)).x);
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float cell = widest + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                       style.CellPadding.x * 2.0f + style.ItemSpacing.x;
    const int columns =
        std::clamp(static_cast<int>(ImGui::GetContentRegionAvail().x / cell), 1, 4);
    bool changed = false;
    if (ImGui::BeginTable(id, columns, ImGuiTableFlags_SizingStretchSame)) {
        for (Category c : allOf<Category>()) {
            ImGui::TableNextColumn();
            bool on = set.has(c);
            if (ImGui::Checkbox(tr(label(c), lang), &on)) {
                set.set(c, on);
                changed = true;
            }
        }
        ImGui::EndTable();
    }
    return changed;
}

float formFooterHeight() {
    return ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2.0f + 2.0f;
}

bool inputString(const char* id, std::string& value, const char* hint, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    // ImGui writes the terminating zero into the buffer: give it the string's own storage,
    // which always has room for one past size().
    if (hint != nullptr) {
        return ImGui::InputTextWithHint(id, hint, value.data(), value.capacity() + 1, flags,
                                        growString, &value);
    }
    return ImGui::InputText(id, value.data(), value.capacity() + 1, flags, growString, &value);
}

std::string errorText(const FieldError& error, Lang lang) {
    FieldError shown = error;
    shown.field.clear();
    return shown.describe(lang);
}

void FormErrors::set(FieldErrors errors) {
    m_errors = std::move(errors);
    m_claimed.assign(m_errors.size(), 0);
}

void FormErrors::beginFrame() { std::fill(m_claimed.begin(), m_claimed.end(), 0); }

bool FormErrors::matches(std::string_view errorField, std::string_view field, bool nested) {
    if (errorField == field) return true;
    if (!nested || errorField.size() <= field.size() || errorField.compare(0, field.size(), field) != 0) {
        return false;
    }
    const char next = errorField[field.size()];
    return next == '[' || next == '.';
}

bool FormErrors::has(std::string_view field, bool nested) const {
    for (const FieldError& e : m_errors) {
        if (matches(e.field, field, nested)) return true;
    }
    return false;
}

void FormErrors::drawFor(std::string_view field, Lang lang, bool nested, float indent) {
    for (std::size_t i = 0; i < m_errors.size(); ++i) {
        // Claimed already by a more precise field this frame: said once is enough.
        if (m_claimed[i] != 0 || !matches(m_errors[i].field, field, nested)) continue;
        m_claimed[i] = 1;
        if (indent > 0.0f) ImGui::SetCursorPosX(indent);
        ImGui::PushStyleColor(ImGuiCol_Text, errorColour());
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(errorText(m_errors[i], lang).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

void FormErrors::drawRest(Lang lang) {
    bool heading = false;
    for (std::size_t i = 0; i < m_errors.size(); ++i) {
        if (m_claimed[i] != 0) continue;
        if (!heading) {
            ImGui::TextUnformatted(tr(Str::UiFormOther, lang));
            heading = true;
        }
        ImGui::PushStyleColor(ImGuiCol_Text, errorColour());
        ImGui::PushTextWrapPos(0.0f);
        // Not next to a field: the path says which record and field it is about.
        ImGui::BulletText("%s", m_errors[i].describe(lang).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

float formLabel(const char* label, float labelWidth, float inputWidth) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(labelWidth);
    ImGui::SetNextItemWidth(inputWidth > 0.0f ? inputWidth : -1.0f);
    return labelWidth;
}

bool formText(const char* label, const char* id, std::string& value, FormErrors& errors,
              std::string_view field, Lang lang, float labelWidth, const char* hint,
              ImGuiInputTextFlags flags, float inputWidth, const char* mark) {
    const float x = formLabel(label, labelWidth, inputWidth);
    const bool bad = errors.has(field);
    if (bad) ImGui::PushStyleColor(ImGuiCol_Border, errorColour());
    if (bad) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    const bool edited = inputString(id, value, hint, flags);
    if (mark != nullptr) markItem(mark);
    if (bad) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
    errors.drawFor(field, lang, false, x);
    return edited;
}

} // namespace nuanxin
