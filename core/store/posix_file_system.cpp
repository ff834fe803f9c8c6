#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/store/file_system.h"

namespace nuanxin {
namespace {

bool writeAll(int fd, std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool syncFd(int fd) {
    // fdatasync would do for appends, but not every platform (Emscripten) has it; fsync does.
    while (::fsync(fd) != 0) {
        if (errno != EINTR) return false;
    }
    return true;
}

class PosixAppendFile final : public AppendFile {
public:
    PosixAppendFile(int fd, std::uint64_t size) : m_fd(fd), m_size(size) {}
    ~PosixAppendFile() override { ::close(m_fd); }
    PosixAppendFile(const PosixAppendFile&) = delete;
    PosixAppendFile& operator=(const PosixAppendFile&) = delete;

    bool append(std::string_view bytes) override {
        if (!writeAll(m_fd, bytes)) return false;
        m_size += bytes.size();
        return true;
    }
    bool sync() override { return syncFd(m_fd); }
    [[nodiscard]] std::uint64_t size() const override { return m_size; }

private:
    int m_fd;
    std::uint64_t m_size;
};

} // namespace

std::string parentDir(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

bool PosixFileSystem::fail(const std::string& what) const {
    m_error = what + ": " + std::strerror(errno);
    return false;
}

bool PosixFileSystem::makeDirs(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) return S_ISDIR(st.st_mode) || fail(path);
    const std::string parent = parentDir(path);
    if (parent != path && parent != "." && parent != "/" && !makeDirs(parent)) return false;
    if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) return fail(path);
    return true;
}

bool PosixFileSystem::exists(const std::string& path) const {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

std::optional<std::uint64_t> PosixFileSystem::fileSize(const std::string& path) const {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        fail(path);
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(st.st_size);
}

std::optional<std::string> PosixFileSystem::read(const std::string& path, std::uint64_t offset,
                                                 std::uint64_t limit) const {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) {
        fail(path);
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        fail(path);
        ::close(fd);
        return std::nullopt;
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    std::string out;
    if (offset < size) {
        const std::uint64_t want = size - offset < limit ? size - offset : limit;
        out.resize(static_cast<std::size_t>(want));
        std::size_t done = 0;
        while (done < out.size()) {
            const ssize_t n = ::pread(fd, out.data() + done, out.size() - done,
                                      static_cast<off_t>(offset + done));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        out.resize(done);
    }
    ::close(fd);
    return out;
}

std::unique_ptr<AppendFile> PosixFileSystem::openAppend(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0) {
        fail(path);
        return nullptr;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        fail(path);
        ::close(fd);
        return nullptr;
    }
    return std::make_unique<PosixAppendFile>(fd, static_cast<std::uint64_t>(st.st_size));
}

bool PosixFileSystem::writeAtomic(const std::string& path, std::string_view bytes) {
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return fail(tmp);
    const bool written = writeAll(fd, bytes) && syncFd(fd);
    if (!written) fail(tmp);
    ::close(fd);
    if (!written) {
        ::unlink(tmp.c_str());
        return false;
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        fail(path);
        ::unlink(tmp.c_str());
        return false;
    }
    // The rename itself is durable only once the folder's entry is synced.
    const int dir = ::open(parentDir(path).c_str(), O_RDONLY);
    if (dir >= 0) {
        syncFd(dir); // some file systems refuse fsync on folders; the rename has happened anyway
        ::close(dir);
    }
    return true;
}

bool PosixFileSystem::truncate(const std::string& path, std::uint64_t size) {
    const int fd = ::open(path.c_str(), O_WRONLY);
    if (fd < 0) return fail(path);
    const bool ok = ::ftruncate(fd, static_cast<off_t>(size)) == 0 && syncFd(fd);
    if (!ok) fail(path);
    ::close(fd);
    return ok;
}

std::optional<std::vector<std::string>> PosixFileSystem::list(const std::string& dir) const {
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) {
        fail(dir);
        return std::nullopt;
    }
    std::vector<std::string> names;
    while (const dirent* entry = ::readdir(d)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") names.push_back(name);
    }
    ::closedir(d);
    return names;
}

bool PosixFileSystem::remove(const std::string& path) {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return fail(path);
    return true;
}

} // namespace nuanxin
