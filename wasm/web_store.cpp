#include "wasm/web_store.h"

#include <cstdio>
#include <memory>
#include <string>

#include <emscripten.h>

#include "core/io/export.h"
#include "core/io/import.h"
#include "core/store/store.h"
#include "core/util/json.h"
#include "ui/app.h"
#include "wasm/web_store_js.h"

namespace nuanxin {
namespace {

/// Append files of the store: after a durable sync (the moment Store acknowledges a commit),
/// IDBFS is asked to copy the folder to IndexedDB.
class PersistingAppend final : public AppendFile {
public:
    explicit PersistingAppend(std::unique_ptr<AppendFile> inner) : m_inner(std::move(inner)) {}
    bool append(std::string_view bytes) override { return m_inner->append(bytes); }
    bool sync() override {
        if (!m_inner->sync()) return false;
        webjs::persistStore();
        return true;
    }
    [[nodiscard]] std::uint64_t size() const override { return m_inner->size(); }

private:
    std::unique_ptr<AppendFile> m_inner;
};

/// POSIX calls on Emscripten's in-memory files of the IDBFS mount; every change that must
/// survive (a commit, a snapshot, a cut tail) is followed by a copy to IndexedDB. fsync on
/// these files returns at once, so the copy is what makes a commit last across a reload.
class IdbfsFileSystem final : public FileSystem {
public:
    bool makeDirs(const std::string& path) override { return m_posix.makeDirs(path); }
    [[nodiscard]] bool exists(const std::string& path) const override {
        return m_posix.exists(path);
    }
    [[nodiscard]] std::optional<std::uint64_t> fileSize(const std::string& path) const override {
        return m_posix.fileSize(path);
    }
    [[nodiscard]] std::optional<std::string> read(const std::string& path, std::uint64_t offset,
                                                  std::uint64_t limit) const override {
        return m_posix.read(path, offset, limit);
    }
    [[nodiscard]] std::unique_ptr<AppendFile> openAppend(const std::string& path) override {
        auto inner = m_posix.openAppend(path);
        if (!inner) return nullptr;
        return std::make_unique<PersistingAppend>(std::move(inner));
    }
    bool writeAtomic(const std::string& path, std::string_view bytes) override {
        return persisted(m_posix.writeAtomic(path, bytes));
    }
    bool truncate(const std::string& path, std::uint64_t size) override {
        return persisted(m_posix.truncate(path, size));
    }
    bool remove(const std::string& path) override { return persisted(m_posix.remove(path)); }
    [[nodiscard]] std::string lastError() const override { return m_posix.lastError(); }

private:
    static bool persisted(bool ok) {
        if (ok) webjs::persistStore();
        return ok;
    }
    PosixFileSystem m_posix;
};

struct WebStore {
    IdbfsFileSystem fs;
    std::unique_ptr<Store> store;
    App* app = nullptr;
    std::string problem; ///< why the store could not be opened (English, no personal data)
    bool showingStore = false;
    std::string json; // the last hook's answer (valid until the next call)
};

WebStore& web() {
    static WebStore s;
    return s;
}

/// Fills the "{}" slots of a translated text in order.
std::string fill(Str key, Lang lang, std::initializer_list<std::string> values) {
    std::string text = tr(key, lang);
    std::size_t from = 0;
    for (const std::string& v : values) {
        const auto slot = text.find("{}", from);
        if (slot == std::string::npos) break;
        text.replace(slot, 2, v);
        from = slot + v.size();
    }
    return text;
}

bool holdsData(const State& s) {
    const Dataset& d = s.dataset();
    return !d.households.empty() || !d.needs.empty() || !d.donors.empty() || !d.offers.empty() ||
           !s.data().pending.empty();
}

/// The store's data set on the dashboard, in place of the demo, once it holds anything.
void showStoreIfItHoldsData() {
    WebStore& w = web();
    if (!w.store || !holdsData(w.store->state())) return;
    Dataset view = w.store->state().dataset();
    view.title = storeTitle(w.store->state());
    view.asOf = dateOf(webjs::nowSeconds()); // ages and windows as of today
    w.app->showData(std::move(view), std::string("IndexedDB ") + kWebStoreDir);
    w.showingStore = true;
}

std::string importReportJson(const ImportReport& r, Lang lang, const std::string& message) {
    std::string json = "{\"ok\":" + std::string(r.fatal ? "false" : "true") +
                       ",\"committed\":" + (r.committed ? "true" : "false") +
                       ",\"encoding\":" + jsonQuoted(encodingName(r.encoding)) +
                       ",\"rows\":" + std::to_string(r.rows) +
                       ",\"accepted\":" + std::to_string(r.rowsAccepted) +
                       ",\"added\":" + std::to_string(r.recordsAdded) +
                       ",\"rejected\":" + std::to_string(r.rejects.size()) +
                       ",\"held\":" + std::to_string(r.held.size()) +
                       ",\"message\":" + jsonQuoted(message) + ",\"rejects\":[";
    // The first rejects for the page (values are masked by the import when personal).
    for (std::size_t i = 0; i < r.rejects.size() && i < 20; ++i) {
        const RejectedRow& row = r.rejects[i];
        const FieldError e{row.column, row.value, row.reason, row.detail};
        if (i > 0) json += ',';
        json += jsonQuoted(std::string(tr(Str::IoColLine, lang)) + ' ' + std::to_string(row.line) +
                       ": " + e.describe(lang));
    }
    return json + "]}";
}

} // namespace

void attachWebStore(App& app) {
    WebStore& w = web();
    w.app = &app;
    if (!webjs::storePersistent()) {
        std::fprintf(stderr, "nuanxin: %s\n", tr(Str::WebStoreNotKept, Lang::En));
    }
    auto opened = Store::open(w.fs, kWebStoreDir, DivisionRegistry::builtIn());
    if (!opened.ok()) {
        for (const auto& e : opened.errors()) w.problem += e.describe(Lang::En) + "; ";
        std::fprintf(stderr, "nuanxin: store: %s\n", w.problem.c_str());
        return;
    }
    w.store = std::move(opened.value());
    // Damage found on opening is reported, never hidden (the report holds no personal data).
    const OpenReport& report = w.store->report();
    if (report.snapshotProblem || report.tailCut()) {
        for (const auto& line : report.describe(Lang::En)) {
            std::fprintf(stderr, "nuanxin: store: %s\n", line.c_str());
        }
    }
    showStoreIfItHoldsData();
}

void webStoreTexts(Lang lang) {
    webjs::setImportTexts(tr(Str::WebImportHouseholds, lang), tr(Str::WebImportBusy, lang));
}

} // namespace nuanxin

using nuanxin::web;

/// @brief Imports the households CSV file at `path` (written into the in-memory file system by
/// web_store.js) into the store, as `nuanxin import households` does: valid rows committed in
/// chunks, every bad row reported. Returns the report as JSON (valid until the next call).
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_store_import_households(const char* path,
                                                                           const char* fileName) {
    using namespace nuanxin;
    WebStore& w = web();
    const Lang lang = w.app ? w.app->lang() : Lang::Zh;
    ImportReport report;
    if (!w.store) {
        report.fatal = FieldError{kWebStoreDir, "", Str::StoreReadOnly, w.problem};
    } else {
        PosixFileSystem files; // the uploaded file lies outside the store's mount
        const auto bytes = files.read(path, 0, ~std::uint64_t{0});
        if (!bytes) {
            report.fatal = FieldError{fileName, "", Str::SerialFileOpen, files.lastError()};
        } else {
            ImportOptions options;
            options.who = "browser";
            options.when = webjs::nowSeconds();
            report = importCsv(*w.store, *bytes, ImportTarget::Households, options, fileName);
            // A snapshot after a large import keeps the next page load fast.
            if (report.committed && w.store->bytesSinceSnapshot() > (1U << 20)) {
                std::string error;
                if (!w.store->writeSnapshot(&error)) {
                    std::fprintf(stderr, "nuanxin: snapshot: %s\n", error.c_str());
                }
            }
            if (report.committed) showStoreIfItHoldsData();
        }
    }
    std::string message;
    if (report.fatal) {
        message = std::string(tr(Str::WebImportFailed, lang)) + ": " + report.fatal->describe(lang);
    } else if (report.committed) {
        message = fill(Str::WebImportDone, lang,
                       {std::to_string(report.recordsAdded), std::to_string(report.rejects.size())});
    } else {
        message = fill(Str::WebImportNothing, lang, {std::to_string(report.rejects.size())});
    }
    w.json = importReportJson(report, lang, message);
    return w.json.c_str();
}

/// @brief What the page's store status shows and tests wait for: whether a store is open, which
/// data the dashboard shows, and the store's counts.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_store_status_json() {
    using namespace nuanxin;
    WebStore& w = web();
    std::string json = "{\"open\":" + std::string(w.store ? "true" : "false") +
                       ",\"showing\":" + (w.showingStore ? "\"store\"" : "\"demo\"");
    if (w.store) {
        const Dataset& d = w.store->state().dataset();
        json += ",\"sequence\":" + std::to_string(w.store->state().sequence()) +
                ",\"households\":" + std::to_string(d.households.size()) +
                ",\"needs\":" + std::to_string(d.needs.size()) +
                ",\"snapshot_used\":" + (w.store->report().snapshotUsed ? "true" : "false");
    }
    json += ",\"problem\":" + (w.problem.empty() ? std::string("null") : jsonQuoted(w.problem)) + "}";
    w.json = json;
    return w.json.c_str();
}
