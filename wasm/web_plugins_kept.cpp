// Uploaded region plugins kept across page loads. A regional administrator uploads a side module
// once and expects it after a reload, so an accepted upload is copied into the folder plugins/ of
// the IndexedDB mount (wasm/web_store.js loads the mount before main() and saves it when asked)
// and, because the upload is the administrator's approval, its SHA-256 is recorded in that
// folder's approvals.sha256, in the desktop's format (core/plugin/approvals.h). At start-up
// nuanxin_glue.js loads the kept files after the deployed ones, through the same checks as
// those: a file whose bytes changed since is refused as such, by name, before its code is set up.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <map>
#include <string>
#include <sys/stat.h>
#include <vector>

#include <emscripten.h>

#include "core/plugin/approvals.h"
#include "core/plugin/host.h"
#include "core/plugin/sha256.h"
#include "core/util/json.h"
#include "wasm/web_plugins.h"
#include "wasm/web_store.h"
#include "wasm/web_store_js.h"

namespace nuanxin {
namespace {

const std::string& keptDir() {
    static const std::string dir = std::string(kWebStoreMount) + "/plugins";
    return dir;
}

std::string approvalsPath() {
    return keptDir() + "/" + kApprovalsFileName;
}

struct Kept {
    /// Uploads of this page load: the path the module was loaded from (a fresh name per upload,
    /// since a compiled module stays bound to its path) -> its kept copy ("" when none could be
    /// written). Files loaded at start-up were loaded from the kept copy itself.
    std::map<std::string, std::string> uploads;
    std::string json; // the last hook's answer (valid until the next call)
};

Kept& kept() {
    static Kept k;
    return k;
}

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

bool endsWithSo(const std::string& name) {
    return name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0;
}

bool inKeptDir(const std::string& path) {
    return path.compare(0, keptDir().size() + 1, keptDir() + "/") == 0;
}

/// A plain name for the kept copy: letters, digits, '_', '-', '.', not starting with '.', and
/// ending in ".so" (Emscripten's preload plugin compiles only those); "-2", "-3"... when taken,
/// so that an upload never overwrites another one's file.
std::string freeName(const std::string& uploadName) {
    std::string base = fileNameOf(uploadName);
    if (endsWithSo(base)) base.resize(base.size() - 3);
    for (char& c : base) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
        if (!plain) c = '_';
    }
    base.erase(0, std::min(base.size(), base.find_first_not_of('.')));
    if (base.empty()) base = "plugin";
    std::string name = base + ".so";
    for (int n = 2; exists(keptDir() + "/" + name); ++n)
        name = base + "-" + std::to_string(n) + ".so";
    return name;
}

bool copyFile(const std::string& from, const std::string& to) {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    if (!in || !out) return false;
    out << in.rdbuf();
    return static_cast<bool>(out.flush());
}

/// The file plugin loaded from `origin`; null when none is.
const Plugin* loadedFrom(const std::string& origin) {
    for (const Plugin* p : webPluginHost().plugins()) {
        if (!p->builtIn() && p->origin() == origin) return p;
    }
    return nullptr;
}

/// Where the plugin of a kept file was loaded from: the file itself (at start-up) or the path
/// of this page load's upload it was kept for; empty when it is not in force.
std::string originOfKept(const std::string& path) {
    if (loadedFrom(path) != nullptr) return path;
    for (const auto& [origin, copy] : kept().uploads) {
        if (copy == path && loadedFrom(origin) != nullptr) return origin;
    }
    return {};
}

/// Uploads only: deployed files and built-ins are the site's and the release's to change.
bool isUpload(const std::string& origin) {
    return inKeptDir(origin) || kept().uploads.count(origin) != 0;
}

const char* answer(std::string json) {
    kept().json = std::move(json);
    return kept().json.c_str();
}

const char* failure(const std::string& what, Str reason) {
    return answer(
        "{\"ok\":false,\"error\":" + jsonQuoted(what + ": " + tr(reason, webPluginLang())) + "}");
}

} // namespace
} // namespace nuanxin

using namespace nuanxin;

/// @brief Keeps the upload just loaded from `loadedPath` (named `uploadName` by the
/// administrator): a copy in the mount's plugins/ folder and its approval. The page then saves
/// the mount to IndexedDB. {"ok":true,"file":<kept copy>} or, when it will not outlast the page,
/// {"ok":false,"file":...,"warning":<text>} (the plugin stays loaded for this page either way).
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_keep(const char* loadedPath,
                                                                const char* uploadName) {
    const Plugin* plugin = loadedFrom(loadedPath);
    if (plugin == nullptr) return failure(loadedPath, Str::PluginUnknown);
    Kept& k = kept();
    k.uploads[loadedPath] = "";
    if (::mkdir(keptDir().c_str(), 0755) != 0 && errno != EEXIST) {
        std::fprintf(stderr, "nuanxin: %s: cannot create the folder\n", keptDir().c_str());
    }
    const std::string name = freeName(uploadName);
    const std::string path = keptDir() + "/" + name;
    // The approval is the hash of the bytes the host checked and loaded; the copy must match it.
    bool written = copyFile(loadedPath, path) && sha256OfFile(path) == plugin->sha256();
    if (written) {
        PluginApprovals approvals = PluginApprovals::load(approvalsPath());
        approvals.approve(name, plugin->sha256());
        written = approvals.save(approvalsPath());
    }
    if (!written) {
        std::remove(path.c_str()); // no unapproved leftover to be refused at the next start
        return answer("{\"ok\":false,\"file\":null,\"warning\":" +
                      jsonQuoted(tr(Str::PluginNotKept, webPluginLang())) + "}");
    }
    k.uploads[loadedPath] = path;
    // Without IndexedDB (it could not be read at start) the copy lives in memory only.
    if (!webjs::storePersistent()) {
        return answer("{\"ok\":false,\"file\":" + jsonQuoted(path) +
                      ",\"warning\":" + jsonQuoted(tr(Str::PluginNotKept, webPluginLang())) + "}");
    }
    return answer("{\"ok\":true,\"file\":" + jsonQuoted(path) + "}");
}

/// @brief Removes an upload, named by its plugin id or by its kept file (name or path): out of
/// the host at once (a built-in it replaced is in force again) and out of the mount's plugins/
/// folder with its approval (the page then saves the mount). A kept file refused at start-up
/// (changed, duplicate id...) is removed by its name. {"ok":true,"id":<id or null>,
/// "file":<kept copy or null>} or {"ok":false,"error":"<what>: <reason>"}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_remove(const char* what) {
    const std::string target(what);
    Kept& k = kept();
    std::string origin;
    std::string file;
    for (const Plugin* p : webPluginHost().plugins()) {
        if (!p->builtIn() && p->id() == target && isUpload(p->origin())) origin = p->origin();
    }
    const std::string name = fileNameOf(target);
    const std::string byName = keptDir() + "/" + name;
    const bool namesKeptFile =
        (target == name || target == byName) && endsWithSo(name) &&
        (exists(byName) || PluginApprovals::load(approvalsPath()).approved(name));
    if (origin.empty() && namesKeptFile) {
        file = byName;
        origin = originOfKept(file);
    } else if (!origin.empty()) {
        file = inKeptDir(origin) ? origin : k.uploads[origin];
    } else {
        const bool known = webPluginHost().find(target) != nullptr || loadedFrom(target) != nullptr;
        return failure(target, known ? Str::PluginNotUploaded : Str::PluginUnknown);
    }
    std::string id;
    if (const Plugin* p = loadedFrom(origin)) id = p->id();
    if (!origin.empty()) {
        webPluginHost().unloadFile(origin);
        k.uploads.erase(origin);
    }
    if (!file.empty()) {
        if (exists(file) && std::remove(file.c_str()) != 0) {
            return failure(file, Str::PluginRemoveFailed);
        }
        PluginApprovals approvals = PluginApprovals::load(approvalsPath());
        approvals.revoke(fileNameOf(file));
        if (!approvals.save(approvalsPath()))
            return failure(approvalsPath(), Str::PluginRemoveFailed);
    }
    return answer("{\"ok\":true,\"id\":" + (id.empty() ? "null" : jsonQuoted(id)) +
                  ",\"file\":" + (file.empty() ? "null" : jsonQuoted(file)) + "}");
}

/// @brief The kept uploads, in the order the page loads them at start-up (by name):
/// {"dir","approvals","files":[{"file":<name>,"path","sha256":<approved hash or null>,
/// "id":<plugin id in force from it, or null>}]}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugins_kept_json() {
    std::vector<std::string> names;
    if (DIR* d = opendir(keptDir().c_str())) {
        while (const dirent* e = readdir(d)) {
            if (endsWithSo(e->d_name)) names.emplace_back(e->d_name);
        }
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    const PluginApprovals approvals = PluginApprovals::load(approvalsPath());
    std::string files;
    for (const std::string& name : names) {
        const std::string path = keptDir() + "/" + name;
        const auto hash = approvals.approved(name);
        const Plugin* p = loadedFrom(originOfKept(path));
        if (!files.empty()) files += ',';
        files += "{\"file\":" + jsonQuoted(name) + ",\"path\":" + jsonQuoted(path) +
                 ",\"sha256\":" + (hash ? jsonQuoted(*hash) : "null") +
                 ",\"id\":" + (p != nullptr ? jsonQuoted(p->id()) : "null") + "}";
    }
    return answer("{\"dir\":" + jsonQuoted(keptDir()) +
                  ",\"approvals\":" + jsonQuoted(approvalsPath()) + ",\"files\":[" + files + "]}");
}

/// @brief The text of a key of plugin.inc in the page's language, for the few messages the page
/// composes itself (saving to IndexedDB failed after an upload or a removal); "" for no such key.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_text(const char* key) {
    const auto k = keyFromName(key);
    return k ? tr(*k, webPluginLang()) : "";
}
