#include "ui/widgets/data_table.h"

#include <cinttypes>
#include <cstdio>

#include <imgui.h>

#include "ui/locator.h"
#include "ui/widgets/form_field.h"

namespace nuanxin {

bool takeSortChange(int& column, bool& descending, int fallback) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs == nullptr || !specs->SpecsDirty) return false;
    const bool any = specs->SpecsCount > 0;
    column = any ? static_cast<int>(specs->Specs[0].ColumnUserID) : fallback;
    descending = any && specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    specs->SpecsDirty = false;
    return true;
}

void emptyTableRow(const char* text) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextColored(mutedColour(), "%s", text);
}

bool selectableIdCell(std::uint64_t id, bool selected, const char* markPrefix, int& marked) {
    ImGui::TableSetColumnIndex(0);
    // The id is drawn over a selectable that spans the row, so the row's name points at the
    // first cell: a click in the middle of the row could land on a column border and resize
    // the column instead of selecting.
    char text[64];
    std::snprintf(text, sizeof text, "##row%" PRIu64, id);
    const bool clicked = ImGui::Selectable(
        text, selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
    ImGui::SameLine(0.0f, 0.0f);
    ImGui::Text("%" PRIu64, id);
    if (marked < 10 && ImGui::IsItemVisible()) {
        std::snprintf(text, sizeof text, "%s.%d", markPrefix, marked++);
        markItem(text);
        // The same row by its id: a test can tell which rows are in view (scrolling).
        std::snprintf(text, sizeof text, "%s.id.%" PRIu64, markPrefix, id);
        markItem(text);
    }
    return clicked;
}

} // namespace nuanxin
