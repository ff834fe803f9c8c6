// nuanxin-desktop: the ImGui front end in a GLFW window.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "native/desktop/desktop_backend.h"
#include "native/desktop/desktop_plugins.h"
#include "ui/app.h"
#include "ui/shell/glfw_shell.h"

namespace {

struct Options {
    std::string data;
    std::optional<nuanxin::Lang> lang;
    bool selfTest = false;
    long frames = 0; ///< 0: run until the window is closed
    int width = 1280;
    int height = 800;
};

constexpr long kSelfTestFrames = 120;

void usage(std::FILE* to) {
    std::fputs("usage: nuanxin-desktop [--data FILE] [--lang zh|en] [--size WxH] [--frames N] [--self-test]\n"
               "  --data FILE   data set to show (default: the demo data set)\n"
               "  --lang zh|en  language of this run (default: the saved choice, else Chinese)\n"
               "  --size WxH    window size in pixels (default 1280x800)\n"
               "  --frames N    quit after N frames\n"
               "  --self-test   render frames (N, default 120), print the test hook's JSON, exit\n",
               to);
}

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--data" && hasValue) {
            o.data = argv[++i];
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

} // namespace

int main(int argc, char** argv) {
    if (argc == 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
        usage(stdout);
        return 0;
    }
    const auto options = parse(argc, argv);
    if (!options) {
        usage(stderr);
        return 2;
    }

    nuanxin::DesktopBackend backend(options->data);
    nuanxin::App app(backend);
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
    app.init(options->lang);
    if (!app.dataLoaded()) std::fprintf(stderr, "nuanxin-desktop: %s\n", app.loadError().c_str());
    // Region plugins: a refused file is reported by name and reason, and the app goes on.
    const nuanxin::DesktopPlugins plugins(backend.dataPath());
    for (const nuanxin::PluginRefusal& r : plugins.host().refusals()) {
        std::fprintf(stderr, "nuanxin-desktop: %s\n", r.describe(app.lang()).c_str());
    }

    std::optional<nuanxin::Lang> titleLang;
    for (long frame = 0; !shell.closeRequested() && (options->frames == 0 || frame < options->frames);
         ++frame) {
        if (titleLang != app.lang()) { // the title follows the language switch
            titleLang = app.lang();
            shell.setTitle(nuanxin::tr(nuanxin::Str::UiWindowTitle, app.lang()));
        }
        shell.frame(app);
    }

    if (options->selfTest) {
        std::printf("%s\n", plugins.fillTestHook(app.testHookJson(), app.lang()).c_str());
        return app.dataLoaded() ? 0 : 1;
    }
    return 0;
}
