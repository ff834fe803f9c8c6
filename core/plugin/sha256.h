#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nuanxin {

/// @brief SHA-256 (FIPS 180-4) over bytes fed in pieces. Used to pin approved plugin files;
/// written here because neither Debian nor the browser build has a header-only one to share.
class Sha256 {
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();
    /// @brief Adds `size` bytes to the message.
    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    /// @brief Pads, finishes and returns the digest; the object then starts a new message.
    [[nodiscard]] Digest finish();

    /// @brief Lower-case hex of a digest (64 characters).
    [[nodiscard]] static std::string hex(const Digest& digest);
    /// @brief Lower-case hex digest of `bytes` in one call.
    [[nodiscard]] static std::string hexOf(std::string_view bytes);

private:
    void reset();
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state{};
    std::array<std::uint8_t, 64> m_block{};
    std::size_t m_blockUsed = 0;
    std::uint64_t m_totalBytes = 0;
};

/// @brief Lower-case hex SHA-256 of a file's bytes; empty when it cannot be read.
[[nodiscard]] std::string sha256OfFile(const std::string& path);

} // namespace nuanxin
