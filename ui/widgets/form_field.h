#pragma once
// Form inputs that show their own errors: a label, the input, and under it in red each reason
// the last save was refused for that field (translated), so the user sees what to fix where
// they fix it. Errors are the FieldErrors of core/model/validate.h and of the Workspace.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/i18n/tr.h"
#include "core/model/catalogue.h"
#include "core/util/error.h"

namespace nuanxin {

/// @brief ImGui::InputText over a std::string that grows as the user types.
bool inputString(const char* id, std::string& value, const char* hint = nullptr,
                 ImGuiInputTextFlags flags = 0);

/// @brief A refusal's text for the place next to its field: the reason (with its detail) and
/// the offending value, without the field path the position already says.
[[nodiscard]] std::string errorText(const FieldError& error, Lang lang);

/// @brief The errors of the last refused save of one form, and which of them a field has
/// claimed in the current frame (the rest are listed at the foot of the form).
class FormErrors {
public:
    void set(FieldErrors errors);
    void clear() { set({}); }
    [[nodiscard]] bool empty() const { return m_errors.empty(); }
    [[nodiscard]] const FieldErrors& all() const { return m_errors; }
    /// @brief Call once per frame before the fields are drawn.
    void beginFrame();
    /// @brief True when `field` (or, with `nested`, any "field[i]..." below it) has an error.
    [[nodiscard]] bool has(std::string_view field, bool nested = false) const;
    /// @brief Draws the errors of `field` (and, with `nested`, of "field[i]..." and
    /// "field.x") that no call claimed before in this frame, in red at the current line,
    /// indented by `indent` (window x; 0: where the cursor is), and claims them.
    void drawFor(std::string_view field, Lang lang, bool nested = false, float indent = 0.0f);
    /// @brief Draws the errors no field claimed this frame (record-level ones, fields the form
    /// does not show) under a heading.
    void drawRest(Lang lang);

private:
    [[nodiscard]] static bool matches(std::string_view errorField, std::string_view field,
                                      bool nested);
    FieldErrors m_errors;
    std::vector<char> m_claimed;
};

/// @brief Lays out one labelled row of a form: the label in a column of `labelWidth`, then the
/// input on the same line with the rest of the width (minus `inputWidth` when > 0: that width).
/// Returns the x where inputs start, for errors drawn under them.
float formLabel(const char* label, float labelWidth, float inputWidth = 0.0f);

/// @brief A labelled text input with its field's errors under it; true when edited. `mark`
/// names the input for the end-to-end tests (ui/locator.h).
bool formText(const char* label, const char* id, std::string& value, FormErrors& errors,
              std::string_view field, Lang lang, float labelWidth, const char* hint = nullptr,
              ImGuiInputTextFlags flags = 0, float inputWidth = 0.0f, const char* mark = nullptr);

/// @brief The red used for refusals.
[[nodiscard]] ImVec4 errorColour();
/// @brief The grey of secondary text (hints, counts, "none").
[[nodiscard]] ImVec4 mutedColour();

/// @brief The widest of some labels plus a gap: where a form's inputs start (for formLabel).
[[nodiscard]] float labelColumn(std::initializer_list<const char*> labels);
/// @brief Centres the next modal in the window, `widthEm` × `heightEm` font sizes (less on a
/// small window), when it appears.
void placeModal(float widthEm, float heightEm);
/// @brief Save and cancel at the foot of a form, with "not saved: correct the fields marked in
/// red" beside them while `errors` holds a refusal. 1: save, -1: cancel, 0: neither.
/// `mark` names the buttons "<mark>.save" and "<mark>.cancel" for the end-to-end tests.
int formFooter(const FormErrors& errors, Lang lang, const char* mark = nullptr);
/// @brief The height formFooter() needs under a scrolling form body.
[[nodiscard]] float formFooterHeight();

/// @brief One checkbox per category in as many columns as the widest label allows (at most
/// four); true when one changed.
bool categoryCheckboxes(const char* id, CategorySet& set, Lang lang);

/// @brief A combo over every value of an enum (catalogue labels, translated).
template <class E>
bool enumCombo(const char* id, E& value, Lang lang) {
    bool changed = false;
    if (ImGui::BeginCombo(id, tr(label(value), lang))) {
        for (E v : allOf<E>()) {
            if (ImGui::Selectable(tr(label(v), lang), v == value) && v != value) {
                value = v;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

/// @brief A filter combo: "all" (-1), then the enum's values from `from` on; `chosen` holds the
/// value as an int. True when the choice changed.
template <class E>
bool filterCombo(const char* id, int& chosen, Str all, Lang lang, float width, int from = 0) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const char* preview = chosen < 0 ? tr(all, lang) : tr(label(static_cast<E>(chosen)), lang);
    if (ImGui::BeginCombo(id, preview)) {
        if (ImGui::Selectable(tr(all, lang), chosen < 0) && chosen >= 0) {
            chosen = -1;
            changed = true;
        }
        for (E value : allOf<E>()) {
            const int v = static_cast<int>(value);
            if (v < from) continue;
            if (ImGui::Selectable(tr(label(value), lang), chosen == v) && chosen != v) {
                chosen = v;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

} // namespace nuanxin
