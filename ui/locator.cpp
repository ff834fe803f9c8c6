#include "ui/locator.h"

#include <cstdio>
#include <map>

#include <imgui.h>

#include "core/util/json.h"

namespace nuanxin {
namespace {

struct Rect {
    float x, y, w, h;
};

/// Two maps: the frame being drawn, and the last finished one that the hook reports (a test
/// reading between frames must never see half a frame). Ordered: stable JSON.
std::map<std::string, Rect>& drawing() {
    static std::map<std::string, Rect> m;
    return m;
}
std::map<std::string, Rect>& finished() {
    static std::map<std::string, Rect> m;
    return m;
}

} // namespace

void markItem(const char* id) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    // An item scrolled out of its window is not clickable: leave it out rather than report a
    // rectangle the test would click into something else.
    if (!ImGui::IsItemVisible()) return;
    // A popup's first frame is laid out hidden, before it is centred: its rectangles are not
    // where the widgets will be drawn.
    if (ImGui::IsWindowAppearing()) return;
    drawing()[id] = Rect{min.x, min.y, max.x - min.x, max.y - min.y};
}

void beginLocatorFrame() { drawing().clear(); }

void endLocatorFrame() { finished().swap(drawing()); }

std::string locatorJson() {
    std::string out = "{";
    char rect[96];
    for (const auto& [id, r] : finished()) {
        if (out.size() > 1) out += ',';
        std::snprintf(rect, sizeof rect, ":[%.1f,%.1f,%.1f,%.1f]", r.x, r.y, r.w, r.h);
        out += jsonQuoted(id) + rect;
    }
    return out + "}";
}

} // namespace nuanxin
