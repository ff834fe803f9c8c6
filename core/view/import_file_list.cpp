#include "core/view/import_file_list.h"

#include <algorithm>
#include <cstdio>

namespace nuanxin {
namespace {

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lowerAscii(c);
    return out;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

} // namespace

std::vector<std::string> acceptedExtensions(std::string_view accept) {
    std::vector<std::string> out;
    while (!accept.empty()) {
        const auto comma = accept.find(',');
        const std::string_view item = trimmed(accept.substr(0, comma));
        accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
        // ".csv" is an extension; "text/csv", "*" and ".*" say nothing a folder listing can use.
        if (item.size() < 2 || item.front() != '.' || item.find('*') != std::string_view::npos) {
            continue;
        }
        std::string ext = lowerAscii(item);
        if (std::find(out.begin(), out.end(), ext) == out.end()) out.push_back(std::move(ext));
    }
    return out;
}

bool acceptsFile(std::string_view name, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    const std::string lower = lowerAscii(name);
    for (const std::string& ext : extensions) {
        // The extension alone is not a name: ".csv" is a hidden file without one.
        if (lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) {
            return true;
        }
    }
    return false;
}

std::vector<FileEntry> listedEntries(std::vector<FileEntry> entries,
                                     const std::vector<std::string>& extensions, bool showHidden) {
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const FileEntry& e) {
                                     if (e.name.empty() || e.name == "." || e.name == "..") return true;
                                     if (!showHidden && e.name.front() == '.') return true;
                                     return !e.folder && !acceptsFile(e.name, extensions);
                                 }),
                  entries.end());
    std::sort(entries.begin(), entries.end(), [](const FileEntry& a, const FileEntry& b) {
        if (a.folder != b.folder) return a.folder;
        const std::string la = lowerAscii(a.name);
        const std::string lb = lowerAscii(b.name);
        if (la != lb) return la < lb;
        return a.name < b.name;
    });
    return entries;
}

std::string formatFileSize(std::uint64_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " B";
    static constexpr const char* kUnits[] = {"KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(kUnits)) {
        value /= 1024.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[unit]);
    return text;
}

std::string nameWithExtension(std::string_view name, std::string_view extension) {
    std::string out(trimmed(name));
    if (out.empty()) return out;
    const auto dot = out.rfind('.');
    if (dot == std::string::npos || dot == 0) out += extension;
    return out;
}

} // namespace nuanxin
