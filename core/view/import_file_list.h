#pragma once
// What the desktop's in-app file browser lists of a folder: which entries a picker asking for
// ".csv,text/csv" shows (folders always, files by extension), in which order (folders first,
// then by name), and how it writes a size. The folder is read by the screen (std::filesystem);
// this part is plain data so it can be tested. Tests: tests/core/test_view_import.cpp.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nuanxin {

/// @brief One entry of a folder as the browser lists it.
struct FileEntry {
    std::string name;
    bool folder = false;
    std::uint64_t size = 0; ///< bytes (files)
};

/// @brief The extensions of an HTML-style accept list, lower case with their dot:
/// ".csv,text/csv" → {".csv"}; MIME types and wildcards are skipped (the desktop has no types).
[[nodiscard]] std::vector<std::string> acceptedExtensions(std::string_view accept);

/// @brief True when `name` ends with one of `extensions` (case-insensitive), or when the list is
/// empty (anything goes).
[[nodiscard]] bool acceptsFile(std::string_view name, const std::vector<std::string>& extensions);

/// @brief The entries to show: folders and accepted files, without hidden ones (a leading '.')
/// unless asked; folders first, then by name ignoring ASCII case, then by bytes.
[[nodiscard]] std::vector<FileEntry> listedEntries(std::vector<FileEntry> entries,
                                                   const std::vector<std::string>& extensions,
                                                   bool showHidden = false);

/// @brief "512 B", "1.5 KB", "12.0 MB" (1024 steps; one decimal from KB on).
[[nodiscard]] std::string formatFileSize(std::uint64_t bytes);

/// @brief The name to save under: `name` with `extension` added when it has no extension at all
/// ("rejects" + ".csv" → "rejects.csv"; "list.txt" stays). Empty names stay empty.
[[nodiscard]] std::string nameWithExtension(std::string_view name, std::string_view extension);

} // namespace nuanxin
