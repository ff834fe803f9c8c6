#include "ui/screens/dashboard_widgets.h"

#include <algorithm>

#include "core/geo/divisions.h"
#include "core/view/household_text.h"
#include "ui/app.h"

namespace nuanxin::widgets {

std::string grouped(std::int64_t value) { return groupedNumber(value); }

double percent(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

std::string areaName(std::string_view code) {
    const Division* division = DivisionRegistry::builtIn().find(code);
    return division != nullptr ? division->name : std::string(code);
}

void sectionTitle(const App& app, Str key) {
    ImGui::PushFont(app.fonts().heading);
    ImGui::TextUnformatted(tr(key, app.lang()));
    ImGui::PopFont();
    ImGui::Spacing();
}

void rightAlignedText(const std::string& text) {
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
    ImGui::TextUnformatted(text.c_str());
}

void mutedText(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

namespace {

/// Writes `text` inside [min.x, fillEnd] when it fits there, else just after fillEnd.
void barText(ImDrawList* draw, ImVec2 min, ImVec2 max, float fillEnd, const char* text) {
    const ImVec2 size = ImGui::CalcTextSize(text);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float y = min.y + (max.y - min.y - size.y) / 2.0f;
    if (fillEnd - min.x >= size.x + 2.0f * pad) {
        draw->AddText(ImVec2(fillEnd - pad - size.x, y), IM_COL32(255, 255, 255, 255), text);
    } else {
        draw->AddText(ImVec2(std::max(min.x + pad, std::min(fillEnd + pad, max.x - size.x - pad)), y),
                      ImGui::GetColorU32(ImGuiCol_Text), text);
    }
}

} // namespace

void valueBar(float fraction, const char* text, const ImVec4& colour, float height, float width) {
    const float w = width > 0.0f ? width : ImGui::GetContentRegionAvail().x;
    const float h = height > 0.0f ? height : ImGui::GetFrameHeight();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + w, min.y + h);
    ImGui::Dummy(ImVec2(w, h));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), rounding);
    const float fillEnd = min.x + w * std::clamp(fraction, 0.0f, 1.0f);
    if (fillEnd > min.x) draw->AddRectFilled(min, ImVec2(fillEnd, max.y), ImGui::GetColorU32(colour), rounding);
    barText(draw, min, max, fillEnd, text);
}

void stackedBar(std::initializer_list<Segment> segments, double scale, const char* text, float height) {
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = height > 0.0f ? height : ImGui::GetFrameHeight();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + w, min.y + h);
    ImGui::Dummy(ImVec2(w, h));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), ImGui::GetStyle().FrameRounding);
    float x = min.x;
    for (const Segment& s : segments) {
        if (s.value <= 0 || scale <= 0) continue;
        const float end = std::min(max.x, x + static_cast<float>(w * s.value / scale));
        if (end > x) draw->AddRectFilled(ImVec2(x, min.y), ImVec2(end, max.y), ImGui::GetColorU32(s.colour));
        x = end;
    }
    barText(draw, min, max, x, text);
}

void legendSwatch(const ImVec4& colour, const char* label) {
    const float size = ImGui::GetTextLineHeight() * 0.8f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float dy = (ImGui::GetTextLineHeight() - size) / 2.0f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + dy), ImVec2(at.x + size, at.y + dy + size),
                                              ImGui::GetColorU32(colour), 2.0f);
    ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0.0f, 4.0f);
    ImGui::TextUnformatted(label);
}

} // namespace nuanxin::widgets
