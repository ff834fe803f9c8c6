// The browser front end: the same App as the desktop, driven by the browser's frame callback.
// Compiled without exceptions: it calls EM_JS functions (see wasm/CMakeLists.txt).
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <imgui.h>

#include "ui/app.h"
#include "ui/frame_stats.h"
#include "ui/locator.h"
#include "ui/shell/glfw_shell.h"
#include "wasm/web_backend.h"
#include "wasm/web_store_js.h"

namespace {

// emscripten_set_main_loop never returns to main(), so the state lives at namespace scope.
struct Web {
    nuanxin::WebBackend backend;
    nuanxin::App app{backend};
    nuanxin::GlfwShell shell;
    /// The time the page spends building and submitting each frame (the App's own frame times
    /// are the intervals between frames, which the browser paces to the display).
    nuanxin::FrameStats work;
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
    const auto start = std::chrono::steady_clock::now();
    fitCanvas(web.shell.window());
    const nuanxin::Lang before = web.app.lang();
    web.shell.frame(web.app);
    web.work.add(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    const char* title = nuanxin::tr(nuanxin::Str::UiWindowTitle, web.app.lang());
    if (!web.announced) {
        web.announced = true;
        nx_page_ready(title);
    } else if (web.app.lang() != before) {
        nx_set_title(title);
    }
}

} // namespace

/// @brief The read-only test hook behind window.nuanxin.summary(): App::testHookJson() with the
/// page's own figures added ("work_ms_p50"/"work_ms_p95": time spent in a frame, "persistent":
/// IndexedDB loaded). The returned text stays valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_summary_json() {
    static std::string json;
    if (!g_web) {
        json = R"({"households":0,"needs":0,"offers":0,"allocations":0,"plugins":[],)"
               R"("frame_ms_p50":0,"frame_ms_p95":0,"frames":0,"lang":null,"error":"starting"})";
        return json.c_str();
    }
    json = g_web->app.testHookJson();
    char extra[160];
    std::snprintf(extra, sizeof extra, ",\"work_ms_p50\":%.3f,\"work_ms_p95\":%.3f,\"persistent\":%s",
                  g_web->work.percentile(50.0), g_web->work.percentile(95.0),
                  nuanxin::webjs::storePersistent() ? "true" : "false");
    if (const auto end = json.rfind('}'); end != std::string::npos) json.insert(end, extra);
    return json.c_str();
}

/// @brief Where the widgets marked with markItem() were drawn in the last finished frame:
/// {"id":[x,y,w,h],...} in the canvas's pixels (window.nuanxin.locate() turns them into CSS
/// pixels of the page).
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_locator_json() {
    static std::string json;
    json = nuanxin::locatorJson();
    return json.c_str();
}

/// @brief A file the user picked in the page's file input or dropped on the canvas
/// (nuanxin_glue.js): `purpose` is a FilePurpose, `bytes` `size` bytes on the heap (the page
/// frees them after this call).
extern "C" EMSCRIPTEN_KEEPALIVE void nuanxin_receive_file(int purpose, const char* name,
                                                          const char* bytes, int size) {
    if (!g_web || purpose < 0 || purpose > static_cast<int>(nuanxin::FilePurpose::Dropped)) return;
    g_web->app.receiveFile(static_cast<nuanxin::FilePurpose>(purpose), name,
                           std::string(bytes, static_cast<std::size_t>(size)));
}

namespace {

/// Mouse wheel → ImGui, in notches. Emscripten's GLFW (3.1.6) hands the DOM event's raw deltaY to
/// the scroll callback: pixels, and the sign of a page scroll (down is positive) where GLFW's is
/// up, so a wheel turned down once moved the table 100 notches up. Converted here from the DOM's
/// units instead (a notch is 100 pixels or 3 lines, as Emscripten's own Browser helper counts).
EM_BOOL onWheel(int /*type*/, const EmscriptenWheelEvent* event, void* /*data*/) {
    double per = 1.0;
    switch (event->deltaMode) {
    case DOM_DELTA_PIXEL: per = 100.0; break;
    case DOM_DELTA_LINE: per = 3.0; break;
    default: break; // DOM_DELTA_PAGE: a page is a notch
    }
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel -= static_cast<float>(event->deltaY / per);
    io.MouseWheelH -= static_cast<float>(event->deltaX / per);
    return EM_TRUE; // the page itself does not scroll
}

} // namespace

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
    glfwSetScrollCallback(g_web->shell.window(), nullptr); // see onWheel
    emscripten_set_wheel_callback("#canvas", nullptr, EM_TRUE, onWheel);
    // The store and the demo (?demo) open in init(); the plugin hooks read the app after it.
    g_web->app.init(std::nullopt);
    nuanxin::webPlugins().attach(g_web->app);
    if (g_web->app.workspace() == nullptr) {
        std::fprintf(stderr, "nuanxin: store: %s\n", g_web->app.storeError().c_str());
    }
    if (!nuanxin::webjs::storePersistent()) {
        // Said on the status line, in the page's language: the data will not outlast the page.
        g_web->app.notify(nuanxin::tr(nuanxin::Str::WebStoreNotKept, g_web->app.lang()), true);
    }
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
