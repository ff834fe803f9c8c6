#pragma once
// Where the named widgets of the last frame were drawn, for end-to-end tests that drive the real
// UI with real mouse and keyboard events (playwright in the browser, xdotool on the desktop):
// the test asks where "match.run" is and clicks there. Read-only: it reports, it never acts.
#include <string>

namespace nuanxin {

/// @brief Records the rectangle of the last ImGui item under `id` (stable, ASCII, e.g.
/// "nav.matching", "match.run", "households.row.0"). Call right after the item.
void markItem(const char* id);
/// @brief Starts a frame's record (the App calls it; marks of the frame before are kept for the
/// hook until this frame ends).
void beginLocatorFrame();
void endLocatorFrame();
/// @brief {"id":[x,y,w,h],...} of the last finished frame, in window pixels.
[[nodiscard]] std::string locatorJson();

} // namespace nuanxin
