#include "core/plugin/approvals.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/plugin/sha256.h"

namespace nuanxin {
namespace {

bool isHexDigest(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

} // namespace

std::string fileNameOf(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

PluginApprovals PluginApprovals::parse(std::string_view text) {
    PluginApprovals out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        // "<hash>  <name>" (two spaces, or " *" for sha256sum's binary mode)
        if (line.size() < 67 || !isHexDigest(line.substr(0, 64)) || line[64] != ' ') continue;
        if (line[65] != ' ' && line[65] != '*') continue;
        // A name that is empty or holds a control character (a stray CR, say) could not be
        // written back as the same line, and names no file a folder listing gives.
        const std::string name = fileNameOf(std::string(line.substr(66)));
        if (name.empty() || std::any_of(name.begin(), name.end(), [](char c) {
                return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
            })) {
            continue;
        }
        out.m_hashes[name] = std::string(line.substr(0, 64));
    }
    return out;
}

PluginApprovals PluginApprovals::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str());
}

std::string PluginApprovals::text() const {
    std::string out;
    for (const auto& [name, hash] : m_hashes) out += hash + "  " + name + "\n";
    return out;
}

bool PluginApprovals::save(const std::string& path) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text();
    return static_cast<bool>(out.flush());
}

bool PluginApprovals::approve(const std::string& path) {
    const std::string hash = sha256OfFile(path);
    if (hash.empty()) return false;
    approve(fileNameOf(path), hash);
    return true;
}

void PluginApprovals::approve(const std::string& fileName, const std::string& sha256) {
    m_hashes[fileNameOf(fileName)] = sha256;
}

void PluginApprovals::revoke(const std::string& fileName) {
    m_hashes.erase(fileNameOf(fileName));
}

std::optional<std::string> PluginApprovals::approved(const std::string& path) const {
    const auto it = m_hashes.find(fileNameOf(path));
    if (it == m_hashes.end()) return std::nullopt;
    return it->second;
}

} // namespace nuanxin
