#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace nuanxin {

/// @brief Which plugin files an administrator approved, by file name, with the SHA-256 the file
/// had then. Loading runs a plugin's code, so a file that changed since is refused.
/// Stored as text in the format of `sha256sum` ("<64 hex>  <name>" per line).
class PluginApprovals {
public:
    /// @brief Reads the text form; lines that are not "<hash>  <name>" (a file name without
    /// control characters) are skipped.
    [[nodiscard]] static PluginApprovals parse(std::string_view text);
    /// @brief Reads a file; an absent file is an empty record.
    [[nodiscard]] static PluginApprovals load(const std::string& path);
    /// @brief The text form, ordered by name.
    [[nodiscard]] std::string text() const;
    /// @brief Writes the text form; false when the file cannot be written.
    [[nodiscard]] bool save(const std::string& path) const;

    /// @brief Records the file's current hash under its file name; false when unreadable.
    [[nodiscard]] bool approve(const std::string& path);
    void approve(const std::string& fileName, const std::string& sha256);
    void revoke(const std::string& fileName);
    /// @brief The approved hash of a file name (a path's last part is used).
    [[nodiscard]] std::optional<std::string> approved(const std::string& path) const;
    [[nodiscard]] bool empty() const { return m_hashes.empty(); }

private:
    std::map<std::string, std::string> m_hashes; // file name -> lower-case hex
};

/// @brief Name of the approvals file inside a plugin folder (the desktop's `plugins/` next to
/// the data, the browser site's `plugins/`): written by `sha256sum *.so > approvals.sha256`.
inline constexpr const char* kApprovalsFileName = "approvals.sha256";

/// @brief The last part of a path ("a/b/x.so" → "x.so").
[[nodiscard]] std::string fileNameOf(const std::string& path);

} // namespace nuanxin
