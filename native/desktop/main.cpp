// nuanxin-desktop: the ImGui front end in a GLFW window.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include <GLFW/glfw3.h>

#include "native/desktop/desktop_backend.h"
#include "native/desktop/desktop_hook.h"
#include "native/desktop/desktop_plugins.h"
#include "ui/app.h"
#include "ui/shell/glfw_shell.h"

namespace {

struct Options {
    std::string data;
    std::string store;
    std::string hook; ///< file the test hook's JSON is kept in (empty: none)
    std::optional<nuanxin::Lang> lang;
    bool selfTest = false;
    long frames = 0; ///< 0: run until the window is closed
    int width = 0; ///< 0: the size the window had when it was last closed, else 1280x800
    int height = 0;
};

constexpr long kSelfTestFrames = 120;

void usage(std::FILE* to) {
    std::fputs("usage: nuanxin-desktop [--store DIR] [--data FILE] [--lang zh|en] [--size WxH] [--frames N]\n"
               "                       [--hook FILE] [--self-test]\n"
               "  --store DIR   store folder to open (default: the last one used, else\n"
               "                $XDG_DATA_HOME/nuanxin/store); plugins come from DIR/../plugins\n"
               "  --data FILE   demo data set the empty store offers to load (default: the built-in demo)\n"
               "  --lang zh|en  language of this run (default: the saved choice, else Chinese)\n"
               "  --size WxH    window size in pixels (default: the size at the last close, else 1280x800)\n"
               "  --frames N    quit after N frames\n"
               "  --hook FILE   keep FILE up to date (every 100 ms and at exit, written atomically) with\n"
               "                {\"summary\": counts, plugins, window size; \"locate\": widget rectangles}\n"
               "  --self-test   render frames (N, default 120), print the test hook's JSON, exit\n"
               "Ctrl+Q, closing the window or SIGTERM quit cleanly (window size and store saved).\n",
               to);
}

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--data" && hasValue) {
            o.data = argv[++i];
        } else if (arg == "--store" && hasValue) {
            o.store = argv[++i];
        } else if (arg == "--hook" && hasValue) {
            o.hook = argv[++i];
        } else if (arg == "--lang" && hasValue) {
            o.lang = nuanxin::parseLang(argv[++i]);
            if (!o.lang) return std::nullopt;
        } else if (arg == "--frames" && hasValue) {
            char* end = nullptr;
            o.frames = std::strtol(argv[++i], &end, 10);
            if (end == nullptr || *end != '\0' || o.frames <= 0) return std::nullopt;
        } else if (arg == "--size" && hasValue) {
            if (std::sscanf(argv[++i], "%dx%d", &o.width, &o.height) != 2 || o.width < 320 ||
                o.height < 240) {
                return std::nullopt;
            }
        } else if (arg == "--self-test") {
            o.selfTest = true;
        } else {
            return std::nullopt;
        }
    }
    if (o.selfTest && o.frames == 0) o.frames = kSelfTestFrames;
    return o;
}

constexpr const char* kWindowSetting = "window";

/// The window size asked for, else the remembered one, else 1280x800.
void chooseSize(const nuanxin::Backend& backend, Options& o) {
    if (o.width > 0) return;
    o.width = 1280;
    o.height = 800;
    if (const auto saved = backend.loadSetting(kWindowSetting)) {
        int w = 0;
        int h = 0;
        if (std::sscanf(saved->c_str(), "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240) {
            o.width = w;
            o.height = h;
        }
    }
}

nuanxin::App* g_app = nullptr;

/// SIGTERM / SIGINT: leave the loop at the end of the frame and close as the window would.
std::atomic<bool> g_quit{false};
extern "C" void onSignal(int /*signal*/) { g_quit.store(true); }

/// Ctrl+Q quits. A key callback (chained to ImGui's), not a poll: ImGui 1.86 keeps no input
/// queue, so a press and release within one frame (xdotool, a fast typist) would be missed.
GLFWkeyfun g_imguiKeys = nullptr;
void onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
    if (g_imguiKeys != nullptr) g_imguiKeys(window, key, scancode, action, mods);
    if (key == GLFW_KEY_Q && action == GLFW_PRESS && (mods & GLFW_MOD_CONTROL) != 0) {
        glfwSetWindowShouldClose(window, GLFW_TRUE);
    }
}

/// Files dropped on the window go to the import screen, like the browser's drag-and-drop.
void onDrop(GLFWwindow* /*window*/, int count, const char** paths) {
    if (g_app == nullptr) return;
    for (int i = 0; i < count; ++i) {
        std::ifstream in(paths[i], std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.bad()) {
            g_app->receiveFile(nuanxin::FilePurpose::Dropped,
                               std::filesystem::path(paths[i]).filename().string(), std::move(bytes));
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
        usage(stdout);
        return 0;
    }
    auto options = parse(argc, argv);
    if (!options) {
        usage(stderr);
        return 2;
    }

    nuanxin::DesktopBackend backend(options->data, options->store);
    chooseSize(backend, *options);
    nuanxin::App app(backend);
    g_app = &app;
    nuanxin::GlfwShell shell;
    nuanxin::ShellOptions shellOptions;
    const nuanxin::Lang startLang = options->lang.value_or(nuanxin::Lang::Zh);
    shellOptions.width = options->width;
    shellOptions.height = options->height;
    shellOptions.title = nuanxin::tr(nuanxin::Str::UiWindowTitle, startLang);
    std::string error;
    if (!shell.open(shellOptions, &error)) {
        std::fprintf(stderr, "nuanxin-desktop: %s\n", error.c_str());
        return 1;
    }
    glfwSetDropCallback(shell.window(), onDrop);
    g_imguiKeys = glfwSetKeyCallback(shell.window(), onKey);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    app.init(options->lang);
    if (app.workspace() == nullptr) std::fprintf(stderr, "nuanxin-desktop: %s\n", app.storeError().c_str());
    // Region plugins: a refused file is reported by name and reason, and the app goes on.
    const nuanxin::DesktopPlugins& plugins = backend.desktopPlugins();
    for (const nuanxin::PluginRefusal& r : plugins.host().refusals()) {
        std::fprintf(stderr, "nuanxin-desktop: %s\n", r.describe(app.lang()).c_str());
    }

    nuanxin::HookFile hook(options->hook);
    int width = 0;
    int height = 0;
    std::optional<nuanxin::Lang> titleLang;
    for (long frame = 0; !shell.closeRequested() && !g_quit.load() &&
                         (options->frames == 0 || frame < options->frames);
         ++frame) {
        if (titleLang != app.lang()) { // the title follows the language switch
            titleLang = app.lang();
            shell.setTitle(nuanxin::tr(nuanxin::Str::UiWindowTitle, app.lang()));
        }
        shell.frame(app);
        glfwGetWindowSize(shell.window(), &width, &height);
        hook.update(app, plugins, width, height);
    }

    glfwGetWindowSize(shell.window(), &width, &height);
    g_app = nullptr;
    if (options->selfTest) {
        hook.update(app, plugins, width, height, true);
        std::printf("%s\n", nuanxin::desktopHookJson(app, plugins, width, height).c_str());
        return app.workspace() != nullptr ? 0 : 1;
    }
    // A clean close: the size for the next start, the store's snapshot, the last hook state.
    if (width >= 320 && height >= 240) {
        backend.saveSetting(kWindowSetting, std::to_string(width) + "x" + std::to_string(height));
    }
    backend.saveStore(app);
    hook.update(app, plugins, width, height, true);
    return 0;
}
