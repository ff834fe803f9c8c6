#pragma once
#include <string>

struct ImFont;
struct ImVec4;

namespace nuanxin {

/// @brief The three faces of the UI, all cut from the one CJK subset file.
struct Fonts {
    ImFont* body = nullptr;    ///< every glyph of the subset, reading size
    ImFont* heading = nullptr; ///< the texts of the translation table only, larger
    ImFont* figure = nullptr;  ///< ASCII only, large: the headline numbers
    bool cjkLoaded = false;    ///< false: ImGui's built-in font (no Chinese) stands in
};

/// @brief Adds the fonts to ImGui's atlas (before the renderer's first frame). `extraText`
/// (e.g. the data set's title) is also baked into the heading face.
[[nodiscard]] Fonts loadFonts(const std::string& fontPath, const std::string& extraText);

/// @brief Colours and spacing: a light, warm theme (the app is called "warm heart").
void applyTheme();

/// @brief The colour a frame is cleared to before ImGui draws: the panels' (ChildBg), which
/// then draw no background of their own (App::frame paints the margins around them).
[[nodiscard]] ImVec4 canvasColour();

} // namespace nuanxin
