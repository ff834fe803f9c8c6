#pragma once
// Small drawing helpers shared by the dashboard, matching and audit screens: numbers grouped
// by thousands, section titles and the horizontal bars all three draw.
#include <cstdint>
#include <string>
#include <string_view>

#include <imgui.h>

#include "core/i18n/tr.h"

namespace nuanxin {

class App;

namespace widgets {

inline const ImVec4 kMuted(0.45f, 0.42f, 0.39f, 1.0f);
inline const ImVec4 kNeedBar(0.80f, 0.33f, 0.18f, 1.0f);   ///< warm: what is missing
inline const ImVec4 kOfferBar(0.24f, 0.47f, 0.66f, 1.0f);  ///< calm: what is given
inline const ImVec4 kDoneBar(0.22f, 0.55f, 0.33f, 1.0f);   ///< green: delivered, approved
inline const ImVec4 kRestBar(0.80f, 0.77f, 0.72f, 1.0f);   ///< grey: neither matched nor missing
inline const ImVec4 kErrorText(0.80f, 0.20f, 0.12f, 1.0f);

/// @brief "12,345" (core/view/household_text.h's groupedNumber), short to write in tables.
[[nodiscard]] std::string grouped(std::int64_t value);
/// @brief 100 · part / whole, 0 when whole is 0.
[[nodiscard]] double percent(std::int64_t part, std::int64_t whole);
/// @brief The division's name ("成都市"), else its code.
[[nodiscard]] std::string areaName(std::string_view code);

/// @brief A translated title in the heading face, with a little space below.
void sectionTitle(const App& app, Str key);
/// @brief Text pushed to the right edge of the remaining width.
void rightAlignedText(const std::string& text);
/// @brief Text in the muted colour.
void mutedText(const char* text);

/// @brief A horizontal bar filled to `fraction` (0..1) with `text` inside the fill when it fits
/// there (light on the colour), else just after it: a label never straddles the fill's edge.
void valueBar(float fraction, const char* text, const ImVec4& colour, float height = 0.0f,
              float width = 0.0f);

/// @brief One segment of a stacked bar.
struct Segment {
    double value = 0;
    ImVec4 colour;
};
/// @brief Segments side by side, scaled so that `scale` fills the width (the longest bar of a
/// list), with `text` written after the last segment or inside it when it does not fit.
void stackedBar(std::initializer_list<Segment> segments, double scale, const char* text,
                float height = 0.0f);
/// @brief A small coloured square and its label, for legends.
void legendSwatch(const ImVec4& colour, const char* label);

} // namespace widgets
} // namespace nuanxin
