#include "ui/theme.h"

#include <imgui.h>

#include "core/i18n/tr.h"

namespace nuanxin {
namespace {

constexpr float kBodySize = 17.0f;
constexpr float kHeadingSize = 21.0f;
constexpr float kFigureSize = 32.0f;

ImVec4 rgba(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                  static_cast<float>(b) / 255.0f, a);
}

} // namespace

Fonts loadFonts(const std::string& fontPath, const std::string& extraText) {
    ImGuiIO& io = ImGui::GetIO();
    Fonts fonts;

    ImFontConfig cjk;
    // CJK glyphs are dense: horizontal oversampling would triple the atlas for no visible gain.
    cjk.OversampleH = 1;
    cjk.OversampleV = 1;
    cjk.PixelSnapH = true;
    // The subset holds only what the app needs, so asking for the full range bakes just those.
    fonts.body = io.Fonts->AddFontFromFileTTF(fontPath.c_str(), kBodySize, &cjk,
                                              io.Fonts->GetGlyphRangesChineseFull());
    if (fonts.body == nullptr) {
        fonts.body = io.Fonts->AddFontDefault();
        fonts.heading = fonts.body;
        fonts.figure = fonts.body;
        return fonts;
    }
    fonts.cjkLoaded = true;

    // Headings only ever show translation-table texts and the title: bake just those glyphs
    // at the larger size instead of the whole subset a second time.
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    for (unsigned i = 0; i < static_cast<unsigned>(Str::Count_); ++i) {
        builder.AddText(tr(static_cast<Str>(i), Lang::Zh));
        builder.AddText(tr(static_cast<Str>(i), Lang::En));
    }
    builder.AddText(extraText.c_str());
    // The ranges must outlive the atlas build, which happens at the renderer's first frame.
    static ImVector<ImWchar> headingRanges;
    headingRanges.clear();
    builder.BuildRanges(&headingRanges);
    fonts.heading = io.Fonts->AddFontFromFileTTF(fontPath.c_str(), kHeadingSize, &cjk,
                                                 headingRanges.Data);

    ImFontConfig figure;
    // Whole pixels, like the other faces: the shell samples the atlas nearest at 1:1.
    figure.OversampleH = 1;
    figure.PixelSnapH = true;
    fonts.figure = io.Fonts->AddFontFromFileTTF(fontPath.c_str(), kFigureSize, &figure,
                                                io.Fonts->GetGlyphRangesDefault());
    if (fonts.heading == nullptr) fonts.heading = fonts.body;
    if (fonts.figure == nullptr) fonts.figure = fonts.body;
    return fonts;
}

void applyTheme() {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    // Lines drawn from the atlas' baked textures need linear filtering; the shell samples the
    // atlas nearest at 1:1 (GlfwShell::matchFontFilter), so lines are drawn as geometry.
    style.AntiAliasedLinesUseTex = false;
    style.WindowPadding = ImVec2(16, 12);
    style.FramePadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(10, 7);
    style.CellPadding = ImVec2(8, 4);
    style.WindowRounding = 0.0f;
    style.ChildRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.ScrollbarRounding = 6.0f;
    style.WindowBorderSize = 0.0f;
    style.ChildBorderSize = 1.0f;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgba(40, 36, 33);
    c[ImGuiCol_TextDisabled] = rgba(120, 112, 105);
    c[ImGuiCol_WindowBg] = rgba(250, 247, 243);
    c[ImGuiCol_ChildBg] = rgba(255, 255, 255);
    c[ImGuiCol_PopupBg] = rgba(255, 255, 255);
    c[ImGuiCol_Border] = rgba(226, 218, 209);
    c[ImGuiCol_MenuBarBg] = rgba(168, 58, 34);
    c[ImGuiCol_FrameBg] = rgba(241, 235, 228);
    c[ImGuiCol_PlotHistogram] = rgba(204, 84, 46);
    c[ImGuiCol_Header] = rgba(240, 214, 196);
    c[ImGuiCol_HeaderHovered] = rgba(236, 199, 174);
    c[ImGuiCol_HeaderActive] = rgba(229, 182, 150);
    c[ImGuiCol_Button] = rgba(240, 214, 196);
    c[ImGuiCol_ButtonHovered] = rgba(236, 190, 160);
    c[ImGuiCol_ButtonActive] = rgba(222, 160, 124);
    c[ImGuiCol_TableHeaderBg] = rgba(244, 232, 220);
    c[ImGuiCol_TableBorderStrong] = rgba(214, 201, 188);
    c[ImGuiCol_TableBorderLight] = rgba(232, 223, 214);
    c[ImGuiCol_TableRowBgAlt] = rgba(250, 245, 240);
}

ImVec4 canvasColour() { return ImGui::GetStyle().Colors[ImGuiCol_ChildBg]; }

} // namespace nuanxin
