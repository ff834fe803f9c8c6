// Uploaded region plugins kept across page loads. A regional administrator uploads a side module
// once and expects it after a reload, so an upload is kept in the folder plugins/ of the
// IndexedDB mount (wasm/web_store.js loads the mount before main() and saves it when asked), and
// its SHA-256, once approved, in that folder's approvals.sha256, in the desktop's format
// (core/plugin/approvals.h). Two ways in:
//  - the plugins screen (PluginAdmin): add() keeps the file unapproved, approve() records its hash
//    and has the page compile and load it;
//  - window.nuanxinPlugins.upload(): the upload is the approval, loaded first, then kept.
// At start-up nuanxin_glue.js loads the kept files after the deployed ones, through the same
// checks as those: a file whose bytes changed since is refused as such, by name, before its code
// is set up.
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
    /// Files of this page load: the path the module was loaded from (a fresh name per load,
    /// since a compiled module stays bound to its path) -> its kept copy ("" when none could be
    /// written). Files loaded at start-up were loaded from the kept copy itself.
    std::map<std::string, std::string> uploads;
    /// Why an approved kept file could not be loaded in this page (kept path -> refusal).
    std::map<std::string, PluginRefusal> refused;
    std::string json; // the last hook's answer (valid until the next call)
};

Kept& kept() {
    static Kept k;
    return k;
}

PluginHost& host() {
    return webPlugins().host();
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

void makeKeptDir() {
    if (::mkdir(keptDir().c_str(), 0755) != 0 && errno != EEXIST) {
        std::fprintf(stderr, "nuanxin: %s: cannot create the folder\n", keptDir().c_str());
    }
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

bool writeFile(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out.flush());
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
    for (const Plugin* p : host().plugins()) {
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

/// The outcome of removing an upload (see nuanxin_plugin_remove).
struct Removal {
    bool ok = false;
    std::string id;    ///< the plugin taken out of force, if any
    std::string file;  ///< the kept copy deleted, if any
    std::string error; ///< "<what>: <reason>" when not ok
};

Removal failed(const std::string& what, Str reason) {
    return Removal{false, {}, {}, what + ": " + tr(reason, webPlugins().lang())};
}

/// Removes an upload named by its plugin id or by its kept file (name or path): out of the host
/// at once (a built-in it replaced is in force again) and out of the folder with its approval.
Removal removeUpload(const std::string& target) {
    Kept& k = kept();
    std::string origin;
    std::string file;
    for (const Plugin* p : host().plugins()) {
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
        const bool known = host().find(target) != nullptr || loadedFrom(target) != nullptr;
        return failed(target, known ? Str::PluginNotUploaded : Str::PluginUnknown);
    }
    Removal out;
    if (const Plugin* p = loadedFrom(origin)) out.id = p->id();
    if (!origin.empty()) {
        host().unloadFile(origin);
        k.uploads.erase(origin);
    }
    if (!file.empty()) {
        k.refused.erase(file);
        if (exists(file) && std::remove(file.c_str()) != 0) return failed(file, Str::PluginRemoveFailed);
        PluginApprovals approvals = PluginApprovals::load(approvalsPath());
        approvals.revoke(fileNameOf(file));
        if (!approvals.save(approvalsPath())) return failed(approvalsPath(), Str::PluginRemoveFailed);
    }
    out.ok = true;
    out.file = file;
    return out;
}

const char* answer(std::string json) {
    kept().json = std::move(json);
    return kept().json.c_str();
}

const char* failure(const std::string& what, Str reason) {
    return answer("{\"ok\":false,\"error\":" +
                  jsonQuoted(what + ": " + tr(reason, webPlugins().lang())) + "}");
}

std::vector<std::string> keptNames() {
    std::vector<std::string> names;
    if (DIR* d = opendir(keptDir().c_str())) {
        while (const dirent* e = readdir(d)) {
            if (endsWithSo(e->d_name)) names.emplace_back(e->d_name);
        }
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

std::vector<PluginFileInfo> keptPluginFiles(const PluginHost& plugins, Lang lang) {
    const PluginApprovals approvals = PluginApprovals::load(approvalsPath());
    std::vector<PluginFileInfo> out;
    for (const std::string& name : keptNames()) {
        const std::string path = keptDir() + "/" + name;
        PluginFileInfo info;
        info.file = name;
        info.sha256 = sha256OfFile(path);
        info.approved = !info.sha256.empty() && approvals.approved(name) == info.sha256;
        if (const Plugin* p = loadedFrom(originOfKept(path))) {
            info.loaded = true;
            info.pluginId = p->id();
        } else if (const auto r = kept().refused.find(path); r != kept().refused.end()) {
            info.problem = r->second.describe(lang);
        } else {
            info.problem = newestRefusal(plugins, path, lang);
        }
        out.push_back(std::move(info));
    }
    return out;
}

void WebPlugins::add(const std::string& name, std::string bytes) {
    makeKeptDir();
    const std::string path = keptDir() + "/" + freeName(name);
    if (!writeFile(path, bytes)) {
        std::fprintf(stderr, "nuanxin: %s: cannot be written\n", path.c_str());
        std::remove(path.c_str());
        return;
    }
    webjs::persistStore();
}

void WebPlugins::approve(const std::string& file) {
    const std::string path = keptDir() + "/" + fileNameOf(file);
    if (fileNameOf(file) != file || !endsWithSo(file) || !exists(path)) return; // not an upload
    PluginApprovals approvals = PluginApprovals::load(approvalsPath());
    if (!approvals.approve(path) || !approvals.save(approvalsPath())) return;
    webjs::persistStore();
    // An approved replacement of a file in force: out first, the new bytes in when compiled.
    if (const std::string origin = originOfKept(path); !origin.empty()) {
        m_host.unloadFile(origin);
        kept().uploads.erase(origin);
    }
    kept().refused.erase(path);
    webjs::compileKeptPlugin(path);
}

void WebPlugins::remove(const std::string& file) {
    if (removeUpload(file).ok) webjs::persistStore();
}

} // namespace nuanxin

using namespace nuanxin;

/// @brief Loads the kept file `keptPath`, approved on the plugins screen, from `loadedPath`, the
/// fresh copy the page compiled (nuanxin_glue.js), with the kept approval checked once more:
/// {"ok":true,"id":...} or {"ok":false,"refusal":...} (then also on the plugins screen).
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_load_kept(const char* loadedPath,
                                                                    const char* keptPath) {
    const Lang lang = webPlugins().lang();
    const auto hash = PluginApprovals::load(approvalsPath()).approved(fileNameOf(keptPath));
    PluginApprovals approvals; // the kept approval, under the name of the compiled copy
    if (hash) approvals.approve(fileNameOf(loadedPath), *hash);
    if (const auto refused = host().loadFile(loadedPath, &approvals)) {
        kept().refused[keptPath] = *refused;
        return answer("{\"ok\":false,\"refusal\":" + jsonQuoted(refused->describe(lang)) + "}");
    }
    kept().uploads[loadedPath] = keptPath;
    return answer("{\"ok\":true,\"id\":" + jsonQuoted(host().plugins().back()->id()) + "}");
}

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
    makeKeptDir();
    const std::string name = freeName(uploadName);
    const std::string path = keptDir() + "/" + name;
    // The approval is the hash of the bytes the host checked and loaded; the copy must match it.
    bool written = copyFile(loadedPath, path) && sha256OfFile(path) == plugin->sha256();
    if (written) {
        PluginApprovals approvals = PluginApprovals::load(approvalsPath());
        approvals.approve(name, plugin->sha256());
        written = approvals.save(approvalsPath());
    }
    const std::string notKept = jsonQuoted(tr(Str::PluginNotKept, webPlugins().lang()));
    if (!written) {
        std::remove(path.c_str()); // no unapproved leftover to be refused at the next start
        return answer("{\"ok\":false,\"file\":null,\"warning\":" + notKept + "}");
    }
    k.uploads[loadedPath] = path;
    // Without IndexedDB (it could not be read at start) the copy lives in memory only.
    if (!webjs::storePersistent()) {
        return answer("{\"ok\":false,\"file\":" + jsonQuoted(path) + ",\"warning\":" + notKept + "}");
    }
    return answer("{\"ok\":true,\"file\":" + jsonQuoted(path) + "}");
}

/// @brief Removes an upload, named by its plugin id or by its kept file (name or path): out of
/// the host at once (a built-in it replaced is in force again) and out of the mount's plugins/
/// folder with its approval (the page then saves the mount). A kept file refused at start-up
/// (changed, duplicate id...) is removed by its name. {"ok":true,"id":<id or null>,
/// "file":<kept copy or null>} or {"ok":false,"error":"<what>: <reason>"}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_remove(const char* what) {
    const Removal r = removeUpload(what);
    if (!r.ok) return answer("{\"ok\":false,\"error\":" + jsonQuoted(r.error) + "}");
    return answer("{\"ok\":true,\"id\":" + (r.id.empty() ? "null" : jsonQuoted(r.id)) +
                  ",\"file\":" + (r.file.empty() ? "null" : jsonQuoted(r.file)) + "}");
}

/// @brief The kept uploads, in the order the page loads them at start-up (by name):
/// {"dir","approvals","files":[{"file":<name>,"path","sha256":<approved hash or null>,
/// "id":<plugin id in force from it, or null>}]}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugins_kept_json() {
    const PluginApprovals approvals = PluginApprovals::load(approvalsPath());
    std::string files;
    for (const std::string& name : keptNames()) {
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
    return k ? tr(*k, webPlugins().lang()) : "";
}
