#include "wasm/web_store.h"

#include <memory>
#include <utility>

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

bool persisted(bool ok) {
    if (ok) webjs::persistStore();
    return ok;
}

} // namespace

std::unique_ptr<AppendFile> WebFileSystem::openAppend(const std::string& path) {
    auto inner = m_posix.openAppend(path);
    if (!inner) return nullptr;
    return std::make_unique<PersistingAppend>(std::move(inner));
}

bool WebFileSystem::writeAtomic(const std::string& path, std::string_view bytes) {
    return persisted(m_posix.writeAtomic(path, bytes));
}

bool WebFileSystem::truncate(const std::string& path, std::uint64_t size) {
    return persisted(m_posix.truncate(path, size));
}

bool WebFileSystem::remove(const std::string& path) {
    return persisted(m_posix.remove(path));
}

} // namespace nuanxin
