#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include <imgui.h>

namespace nuanxin {

/// @brief Folds a frame's ImGui draw data into as few draw calls as it can: every command's
/// triangles are clipped to its scissor rectangle on the CPU, and all commands that sample the
/// same texture are drawn by one call over the whole viewport.
///
/// Why: a software GL renderer (SwiftShader behind headless Chromium's WebGL, llvmpipe under
/// Xvfb) pays a fixed price per draw call (about 0.4 ms measured in headless Chromium here,
/// where a frame of the households screen made 11 of them) on top of its price per pixel. The
/// picture is the same: the clipped triangles cover the pixels the scissor would have let
/// through (the rectangle is the one the OpenGL3 backend would set, in whole framebuffer
/// pixels), and colours and texture coordinates are interpolated linearly, as the rasteriser
/// does. Callbacks end a batch and are passed through in order.
class DrawBatcher {
public:
    /// @brief The folded equivalent of `in`, valid until the next call. 16-bit indices: a batch
    /// is split into further lists when it would pass 65,536 vertices.
    [[nodiscard]] ImDrawData* fold(const ImDrawData& in);

private:
    ImDrawList& nextList();
    void clipCommand(const ImDrawList& list, const ImDrawCmd& cmd, const ImVec4& clip);
    void emitTriangle(const ImDrawVert* const* tri, const ImVec4& clip);
    void ensureCommand(ImTextureID texture, unsigned room);

    std::vector<std::unique_ptr<ImDrawList>> m_lists;
    std::vector<ImDrawList*> m_used;
    ImDrawList* m_current = nullptr;
    ImDrawData m_out;
    ImVec4 m_viewport;
    ImTextureID m_texture = nullptr; ///< the texture of the command being clipped
    // Where each source vertex of the command being copied went (valid where m_stamp equals
    // m_epoch), so a wholly visible mesh keeps its shared vertices.
    std::vector<ImDrawIdx> m_remap;
    std::vector<unsigned> m_stamp;
    unsigned m_epoch = 0;
};

} // namespace nuanxin
