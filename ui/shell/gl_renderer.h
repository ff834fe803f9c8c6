#pragma once
#include <string>

#include <imgui.h>

namespace nuanxin {

/// @brief Draws ImGui's draw data with OpenGL 3 (desktop) or OpenGL ES 3 (WebGL 2 in the
/// browser): one program, one vertex array, ImGui's font atlas as a texture.
///
/// Why not ImGui's OpenGL3 backend: it is written for applications that share their GL context,
/// so every frame it reads 16 pieces of GL state (glGetIntegerv, glIsEnabled) to put them back
/// afterwards. This context belongs to the shell alone. In the browser each of those reads is a
/// synchronous round trip to Chromium's GPU process: measured on the households screen, 0.9 ms
/// of the 2.0 ms a frame's work took, and half of its p95. Here the state a frame needs is set,
/// never read back.
class GlRenderer {
public:
    GlRenderer() = default;
    GlRenderer(const GlRenderer&) = delete;
    GlRenderer& operator=(const GlRenderer&) = delete;
    ~GlRenderer();

    /// @brief Compiles the program for `glslVersion` (e.g. "#version 130", "#version 300 es")
    /// and makes the buffers. Needs the context current. False with `error` set on failure.
    bool init(const char* glslVersion, std::string* error);
    /// @brief Uploads ImGui's font atlas the first time (after the app has added its fonts) and
    /// sets the filter it is sampled with (GL_NEAREST or GL_LINEAR).
    void prepareFonts(int filter);
    /// @brief Draws `data` into the current framebuffer (viewport already set).
    void render(const ImDrawData& data);
    /// @brief Frees the GL objects (the context must still be current).
    void shutdown();

private:
    void setState(const ImDrawData& data) const;

    unsigned m_program = 0;
    unsigned m_vertexArray = 0;
    unsigned m_vertices = 0;
    unsigned m_indices = 0;
    unsigned m_fontTexture = 0;
    int m_fontFilter = 0;
    int m_projection = -1; ///< uniform location
    int m_sampler = -1;    ///< uniform location
};

} // namespace nuanxin
