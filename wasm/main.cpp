// The browser front end: the same App as the desktop, driven by the browser's frame callback.
#include <cstdio>
#include <memory>
#include <string>

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "ui/app.h"
#include "ui/shell/glfw_shell.h"
#include "wasm/web_backend.h"
#include "wasm/web_plugins.h"
#include "wasm/web_store.h"

namespace {

// emscripten_set_main_loop never returns to main(), so the state lives at namespace scope.
struct Web {
    nuanxin::WebBackend backend;
    nuanxin::App app{backend};
    nuanxin::GlfwShell shell;
    bool announced = false;
};
std::unique_ptr<Web> g_web;

EM_JS(void, nx_page_ready, (const char* title), {
    document.title = UTF8ToString(title);
    if (Module.onFirstFrame) Module.onFirstFrame();
});

EM_JS(void, nx_set_title, (const char* title), { document.title = UTF8ToString(title); });

// Resizes the canvas through Emscripten's Browser helper, which also tells its GLFW the new
// window size. Not glfwSetWindowSize: Emscripten's GLFW reads a size equal to the screen's as a
// wish for fullscreen and asks the browser for it (and pointer lock) every frame, which the
// browser refuses with an error each time when the page fills the screen.
EM_JS(void, nx_set_canvas_size, (int width, int height), { Browser.setCanvasSize(width, height); });

/// Keeps the GL drawing buffer the size of the canvas as laid out by CSS (the full window).
void fitCanvas(GLFWwindow* window) {
    double cssWidth = 0.0;
    double cssHeight = 0.0;
    emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
    int width = 0;
    int height = 0;
    glfwGetWindowSize(window, &width, &height);
    const int wanted[2] = {static_cast<int>(cssWidth), static_cast<int>(cssHeight)};
    if (wanted[0] > 0 && wanted[1] > 0 && (wanted[0] != width || wanted[1] != height)) {
        nx_set_canvas_size(wanted[0], wanted[1]);
    }
}

void frame() {
    Web& web = *g_web;
    fitCanvas(web.shell.window());
    const nuanxin::Lang before = web.app.lang();
    web.shell.frame(web.app);
    const char* title = nuanxin::tr(nuanxin::Str::UiWindowTitle, web.app.lang());
    if (!web.announced) {
        web.announced = true;
        nx_page_ready(title);
        nuanxin::webStoreTexts(web.app.lang());
    } else if (web.app.lang() != before) {
        nx_set_title(title);
        nuanxin::webStoreTexts(web.app.lang());
    }
}

} // namespace

/// @brief The read-only test hook behind window.nuanxin.summary(): JSON from App::testHookJson().
/// The returned text stays valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_summary_json() {
    static std::string json;
    json = g_web ? g_web->app.testHookJson()
                 : std::string(R"({"households":0,"needs":0,"offers":0,"allocations":0,)"
                               R"("plugins":[],"frame_ms_p50":0,"frame_ms_p95":0,"frames":0,)"
                               R"("lang":null,"error":"starting"})");
    return json.c_str();
}

int main() {
    g_web = std::make_unique<Web>();
    nuanxin::ShellOptions options;
    options.title = nuanxin::tr(nuanxin::Str::AppName, nuanxin::Lang::Zh);
    options.glslVersion = "#version 300 es"; // WebGL 2
    options.swapInterval = 0;
    options.mouseCursorChanges = false;
    std::string error;
    if (!g_web->shell.open(options, &error)) {
        std::fprintf(stderr, "nuanxin: %s\n", error.c_str());
        return 1;
    }
    g_web->app.init(std::nullopt);
    nuanxin::attachWebPlugins(g_web->app);
    // After init(): the store, once it holds data, replaces the demo data set on the dashboard.
    nuanxin::attachWebStore(g_web->app);
    if (!g_web->app.dataLoaded()) std::fprintf(stderr, "nuanxin: %s\n", g_web->app.loadError().c_str());
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
