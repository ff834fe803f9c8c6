#include "ui/shell/glfw_shell.h"


// GLFW's header brings the GL 1.x declarations used here (glViewport, glClear) on both
// platforms: the system GL natively, Emscripten's GL emulation headers in the browser.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include "ui/app.h"
#include "ui/shell/gl_renderer.h"
#include "ui/theme.h"

namespace nuanxin {

GlfwShell::~GlfwShell() { close(); }

bool GlfwShell::open(const ShellOptions& options, std::string* error) {
    if (glfwInit() == GLFW_FALSE) {
        if (error) *error = "glfwInit failed (no display?)";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, options.glMajor);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, options.glMinor);
    m_window = glfwCreateWindow(options.width, options.height, options.title, nullptr, nullptr);
    if (m_window == nullptr) {
        if (error) *error = "glfwCreateWindow failed (no OpenGL 3 context?)";
        glfwTerminate();
        return false;
    }
    glfwMakeContextCurrent(m_window);
    if (options.swapInterval > 0) glfwSwapInterval(options.swapInterval);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    if (!options.mouseCursorChanges) {
        ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    }
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    m_imgui = true;
    if (!m_renderer.init(options.glslVersion, error)) {
        close();
        return false;
    }
    return true;
}

void GlfwShell::frame(App& app) {
    glfwPollEvents();
    ImGui_ImplGlfw_NewFrame();
    m_renderer.prepareFonts(fontFilter());
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();

    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 bg = canvasColour();
    glDisable(GL_SCISSOR_TEST); // GlRenderer leaves its last scissor set: clear everything
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    ImDrawData* batched = m_batcher.fold(*ImGui::GetDrawData(), WhiteTexel{atlas.TexID, atlas.TexUvWhitePixel});
    fill(m_batcher.fills(), height);
    m_renderer.render(*batched);
    glfwSwapBuffers(m_window);
}

// A scissored clear per rectangle: a software renderer fills those rows at memory speed instead
// of rasterising two triangles over them (see DrawBatcher). GlRenderer sets its own scissor.
void GlfwShell::fill(const std::vector<DrawFill>& fills, int framebufferHeight) {
    if (fills.empty()) return;
    glEnable(GL_SCISSOR_TEST);
    for (const DrawFill& f : fills) {
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(f.colour);
        glScissor(f.x0, framebufferHeight - f.y1, f.x1 - f.x0, f.y1 - f.y0);
        glClearColor(c.x, c.y, c.z, c.w);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    glDisable(GL_SCISSOR_TEST);
}

// At one framebuffer pixel per point every glyph (pixel-snapped, not oversampled) and every
// solid fill lands texel for pixel, so nearest sampling draws the very picture linear sampling
// does, for less work per fragment: work a software renderer (SwiftShader in headless Chromium,
// llvmpipe under Xvfb) pays for every pixel of every frame. Scaled displays keep linear.
int GlfwShell::fontFilter() {
    const ImGuiIO& io = ImGui::GetIO();
    const bool exact = io.DisplayFramebufferScale.x == 1.0f && io.DisplayFramebufferScale.y == 1.0f;
    return exact ? GL_NEAREST : GL_LINEAR;
}

bool GlfwShell::closeRequested() const {
    return m_window != nullptr && glfwWindowShouldClose(m_window) != 0;
}

void GlfwShell::setTitle(const char* title) {
    if (m_window != nullptr) glfwSetWindowTitle(m_window, title);
}

void GlfwShell::close() {
    if (m_imgui) {
        m_renderer.shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        m_imgui = false;
    }
    if (m_window != nullptr) {
        glfwDestroyWindow(m_window);
        m_window = nullptr;
        glfwTerminate();
    }
}

} // namespace nuanxin
