#pragma once
#include <string>
#include <vector>

#include "ui/shell/draw_batch.h"
#include "ui/shell/gl_renderer.h"

struct GLFWwindow;

namespace nuanxin {

class App;

/// @brief How to open the window; the only values that differ between desktop and browser.
struct ShellOptions {
    const char* title = "";
    int width = 1280;
    int height = 800;
    const char* glslVersion = "#version 130"; ///< "#version 300 es" for WebGL 2
    int glMajor = 3;
    int glMinor = 0;
    /// Frames per screen refresh for glfwSwapInterval; 0 leaves it alone (the browser paces
    /// frames through requestAnimationFrame, and Emscripten's glfwSwapInterval would complain
    /// before its main loop exists).
    int swapInterval = 1;
    /// Let ImGui set the mouse cursor shape. Off in the browser: Emscripten's GLFW turns every
    /// cursor update into a pointer-lock exit, which the browser answers with an error each frame.
    bool mouseCursorChanges = true;
};

/// @brief A GLFW window with an OpenGL context and ImGui's GLFW backend and GlRenderer. Both front
/// ends use GLFW (the browser through Emscripten's built-in port), so the window setup and the
/// per-frame sequence are written once, here; their mains only choose options and drive the loop.
class GlfwShell {
public:
    GlfwShell() = default;
    GlfwShell(const GlfwShell&) = delete;
    GlfwShell& operator=(const GlfwShell&) = delete;
    ~GlfwShell();

    /// @brief Creates the window, the GL context and the ImGui context. False with `error` set
    /// when GLFW or the context cannot be created (e.g. no display).
    bool open(const ShellOptions& options, std::string* error);
    /// @brief Polls events and renders one frame of `app`.
    void frame(App& app);
    /// @brief The user asked to close the window.
    [[nodiscard]] bool closeRequested() const;
    void setTitle(const char* title);
    [[nodiscard]] GLFWwindow* window() const { return m_window; }

private:
    void close();
    static int fontFilter();
    static void fill(const std::vector<DrawFill>& fills, int framebufferHeight);

    GLFWwindow* m_window = nullptr;
    bool m_imgui = false;
    DrawBatcher m_batcher;
    GlRenderer m_renderer;
};

} // namespace nuanxin
