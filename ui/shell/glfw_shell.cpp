#include "ui/shell/glfw_shell.h"

// GLFW's header brings the GL 1.x declarations used here (glViewport, glClear) on both
// platforms: the system GL natively, Emscripten's GL emulation headers in the browser.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "ui/app.h"

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
    ImGui_ImplOpenGL3_Init(options.glslVersion);
    m_imgui = true;
    return true;
}

void GlfwShell::frame(App& app) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();

    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(m_window);
}

bool GlfwShell::closeRequested() const {
    return m_window != nullptr && glfwWindowShouldClose(m_window) != 0;
}

void GlfwShell::setTitle(const char* title) {
    if (m_window != nullptr) glfwSetWindowTitle(m_window, title);
}

void GlfwShell::close() {
    if (m_imgui) {
        ImGui_ImplOpenGL3_Shutdown();
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
