#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include <imgui.h>

namespace nuanxin {

/// @brief An opaque rectangle taken out of the triangles, for the caller to fill (a scissored
/// clear) before it draws them: framebuffer pixels [x0, x1) × [y0, y1), counted from the top.
struct DrawFill {
    int x0 = 0;
    int y0 = 0;
    int x1 = 0;
    int y1 = 0;
    ImU32 colour = 0; ///< ImGui's packed colour, alpha 255
};

/// @brief A texel of a texture that is opaque white (ImGui's font atlas has one for solid fills),
/// so a rectangle drawn from it in one opaque colour is that colour, whatever the filter.
struct WhiteTexel {
    ImTextureID texture = nullptr;
    ImVec2 uv;
};

/// @brief Folds a frame's ImGui draw data into as few draw calls as it can: every command's
/// triangles are clipped to its scissor rectangle on the CPU, and all commands that sample the
/// same texture are drawn by one call over the whole viewport.
///
/// Why: a software GL renderer (SwiftShader behind headless Chromium's WebGL, llvmpipe under
/// Xvfb) pays a fixed price per draw call (about 0.4 ms measured in headless Chromium here,
/// where a frame of the households screen made 11 of them) on top of its price per pixel. The
/// picture is the same: the clipped triangles cover the pixels the scissor would have let
/// through (the rectangle is the one GlRenderer would set, in whole framebuffer
/// pixels), and colours and texture coordinates are interpolated linearly, as the rasteriser
/// does. Callbacks end a batch and are passed through in order.
///
/// Opaque solid rectangles (ImGui's rectangle of 4 vertices, one colour, the white texel) with
/// whole-pixel edges that nothing drawn before them touches become fills(). Why: SwiftShader
/// spends about 24 ns of CPU per rasterised pixel here, a scissored clear a small fraction of
/// that, and the households screen's row stripes, margins and bars are half of the pixels its
/// triangles cover. The picture is the same: such a rectangle covers exactly the pixels whose
/// centres lie inside it, and nothing under it is drawn before it either way.
class DrawBatcher {
public:
    /// @brief The folded equivalent of `in` (less fills(), which come first), valid until the
    /// next call. 16-bit indices: a batch is split into further lists when it would pass 65,536
    /// vertices. Without a `white` texture nothing becomes a fill.
    [[nodiscard]] ImDrawData* fold(const ImDrawData& in, const WhiteTexel& white = {});
    /// @brief The rectangles of the last fold() to fill, in order, before its draw data.
    [[nodiscard]] const std::vector<DrawFill>& fills() const { return m_fills; }
    /// @brief Comparisons of rectangles with earlier triangles a fold() may spend finding fills:
    /// past it rectangles stay triangles (a slower frame under software GL, never a wrong one),
    /// so a screen of many bars after many glyphs costs a bounded time.
    static constexpr std::size_t kFillScanBudget = std::size_t{1} << 18;

private:
    ImDrawList& nextList();
    void clipCommand(const ImDrawList& list, const ImDrawCmd& cmd, const ImVec4& clip);
    void emitTriangle(const ImDrawVert* const* tri, const ImVec4& clip);
    void ensureCommand(ImTextureID texture, unsigned room);
    bool takeFill(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first, const ImVec4& clip);
    void drawn(const ImVec2* pos, const float* alpha, int n);

    std::vector<std::unique_ptr<ImDrawList>> m_lists;
    std::vector<ImDrawList*> m_used;
    ImDrawList* m_current = nullptr;
    ImDrawData m_out;
    ImVec4 m_viewport;
    ImTextureID m_texture = nullptr; ///< the texture of the command being clipped
    WhiteTexel m_white;
    ImVec2 m_origin;  ///< DisplayPos: ImGui's coordinates of the framebuffer's corner
    ImVec2 m_scale;   ///< FramebufferScale
    bool m_filling = false; ///< no callback seen yet (it may draw anything anywhere)
    std::vector<DrawFill> m_fills;
    /// Framebuffer pixels (inclusive columns and rows) a triangle kept so far may change.
    struct Span {
        int x0, y0, x1, y1;
    };
    std::vector<Span> m_drawn;
    std::size_t m_scanBudget = 0; ///< what is left of kFillScanBudget in this fold()
    // Where each source vertex of the command being copied went (valid where m_stamp equals
    // m_epoch), so a wholly visible mesh keeps its shared vertices.
    std::vector<ImDrawIdx> m_remap;
    std::vector<unsigned> m_stamp;
    unsigned m_epoch = 0;
};

} // namespace nuanxin
